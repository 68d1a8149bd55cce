// Twin namespaces for differential tests of verbs that change objects: the same objects are made in
// PREFIX-kubectl and PREFIX-ktl, kubectl 1.32 works on the first and ktl on the second, and the
// outputs and resulting objects are compared with the namespaces' names (and the values the server
// picks per object: uid, resourceVersion, timestamps) masked.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {expect} from 'vitest'
import {ktl, kubectl, kubectlOK, type Run, type RunOptions} from './helpers.js'

export interface Twin {
  theirs: string
  ours: string
  /** Creates the twin namespaces (waiting out ones an earlier run left terminating) and seeds them. */
  setUp(seed?: string): Promise<void>
  /** Deletes the namespaces and the files written with file(). */
  tearDown(): Promise<void>
  /** Writes a file for -f into the test's own folder and returns its path. */
  file(name: string, text: string): string
  /** Applies the same manifest (no namespaces in it) in both. */
  seed(manifest: string): Promise<void>
  /** Runs kubectl in one twin and ktl in the other; `args` may use {NS} for the namespace. */
  run(args: string[], opts?: RunOptions): Promise<{ours: Run; theirs: Run}>
  /** run, then expects the same stdout, stderr and exit code (masked). */
  same(args: string[], opts?: RunOptions): Promise<{ours: Run; theirs: Run}>
  /** The objects of `types` in each twin, as JSON with server-picked values masked. */
  objects(types: string): Promise<{ours: unknown; theirs: unknown}>
  /** Waits in both twins until `workload` (TYPE/NAME) has rolled out, so its controller has stopped writing to it. */
  rolledOut(workload: string): Promise<void>
}

export function mask(text: string, namespaces: string[]): string {
  let out = text
  for (const ns of namespaces) out = out.replaceAll(ns, '<ns>')
  return out
    .replaceAll("See 'kubectl ", "See 'ktl ")
    // also inside JSON kept in annotations, where the quotes are escaped
    .replace(/(resourceVersion\\?"?:\s*\\?"?)\d+/g, '$1<rv>')
    .replace(/(uid\\?"?:\s*\\?"?)[0-9a-f-]{36}/g, '$1<uid>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '<time>')
    .replace(/("?generation"?:\s*)\d+/g, (_, key: string) => `${key}0`)
}

/** Metadata without the revision the Deployment controller writes after a template change, in its own time. */
function withoutRevision(metadata: Record<string, unknown>): Record<string, unknown> {
  const {'deployment.kubernetes.io/revision': _, ...annotations} = (metadata.annotations ?? {}) as Record<string, string>
  const {annotations: __, ...rest} = metadata
  return Object.keys(annotations).length > 0 ? {...rest, annotations} : rest
}

function withNS(args: string[], ns: string): string[] {
  return [...args.map((a) => a.replaceAll('{NS}', ns)), '-n', ns]
}

export function twin(prefix: string): Twin {
  const theirs = `${prefix}-kubectl`
  const ours = `${prefix}-ktl`
  const both = [theirs, ours]
  const m = (s: string) => mask(s, both)
  let files: string | undefined
  const t: Twin = {
    theirs,
    ours,
    async setUp(seed) {
      await Promise.all(both.map((ns) => kubectlOK(['wait', '--for=delete', `namespace/${ns}`, '--timeout=120s'])))
      await Promise.all(both.map((ns) => kubectlOK(['create', 'namespace', ns])))
      // A controller publishes kube-root-ca.crt into each new namespace a moment later; ConfigMap lists show it.
      await Promise.all(both.map((ns) => kubectlOK(['wait', '--for=create', 'configmap/kube-root-ca.crt', '-n', ns, '--timeout=60s'])))
      if (seed) await t.seed(seed)
    },
    async tearDown() {
      if (files) rmSync(files, {recursive: true, force: true})
      await Promise.all(both.map((ns) => kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false'])))
    },
    file(name, text) {
      files ??= mkdtempSync(join(tmpdir(), `ktl-${prefix}-`))
      const path = join(files, name)
      writeFileSync(path, text)
      return path
    },
    async seed(manifest) {
      await Promise.all(both.map((ns) => kubectlOK(['apply', '-f', '-', '-n', ns], {stdin: manifest})))
    },
    async run(args, opts) {
      const theirsRun = await kubectl(withNS(args, theirs), opts)
      const oursRun = await ktl(withNS(args, ours), opts)
      return {ours: oursRun, theirs: theirsRun}
    },
    async same(args, opts) {
      const r = await t.run(args, opts)
      const shape = (run: Run) => ({stdout: m(run.stdout), stderr: m(run.stderr), code: run.code})
      expect(shape(r.ours)).toEqual(shape(r.theirs))
      return r
    },
    async objects(types) {
      const read = async (ns: string) => {
        const list = JSON.parse(await kubectlOK(['get', types, '-n', ns, '-o', 'json'])) as {items: Array<{metadata: Record<string, unknown>}>}
        // Service account tokens differ by nature (names, tokens) and are nobody's test subject.
        const items = list.items.filter((item) => (item as {type?: string}).type !== 'kubernetes.io/service-account-token').map((item) => {
          // status is the controllers' business, and they work at their own pace in each twin
          const {managedFields: _, ...metadata} = item.metadata
          const {status: __, ...rest} = item as Record<string, unknown>
          return {...rest, metadata: withoutRevision(metadata)}
        })
        return JSON.parse(m(JSON.stringify(items))) as unknown
      }
      const [theirsObjects, oursObjects] = await Promise.all([read(theirs), read(ours)])
      return {ours: oursObjects, theirs: theirsObjects}
    },
    async rolledOut(workload) {
      await Promise.all(both.map((ns) => kubectlOK(['rollout', 'status', workload, '-n', ns, '--timeout=120s'])))
    },
  }
  return t
}
