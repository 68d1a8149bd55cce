// `ktl diff`: kubectl's diff. For each object of the manifests it writes the live object and the one
// a server dry run of apply would make (client-side apply's patch, or --server-side's apply patch)
// as YAML into two temporary folders named LIVE-* and MERGED-*, then runs `diff -u -N` (or
// $KUBECTL_EXTERNAL_DIFF) on the folders and exits with its status: 0 same, 1 different, >1 failed.
import {spawn} from 'node:child_process'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Ctx} from '../context.js'
import {checkErr, CliError, StatusError, usageError} from '../errors.js'
import type {ResourceInfo} from '../resources/manifest-infos.js'
import type {KubeObject} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'

export interface DiffOptions {
  filenames: string[]
  recursive: boolean
  selector?: string
  serverSide: boolean
  forceConflicts: boolean
  /** Unset: kubectl-client-side-apply, or kubectl with --server-side. */
  fieldManager?: string
  showManagedFields: boolean
  /** Objects read and dry-run at once (kubectl's --concurrency, default 1). */
  concurrency: number
  /** --prune: show what apply --prune would delete, among --prune-allowlist's types (kubectl's list when empty). */
  prune: boolean
  pruneAllowlist: string[]
}

/** The exit status of kubectl diff when nothing failed: the diff program's 0 or 1. */
export type DiffStatus = number

const MASK = '***'

/**
 * kubectl's Masker for v1 Secrets: every data value becomes ***, and a key whose value changes gets
 * "*** (before)" and "*** (after)", so the diff shows that it changed but not what to.
 */
export function maskSecretData(live: KubeObject | undefined, merged: KubeObject | undefined): {live?: KubeObject; merged?: KubeObject} {
  const from = live?.data as Record<string, unknown> | undefined
  const to = merged?.data as Record<string, unknown> | undefined
  const maskedFrom: Record<string, unknown> | undefined = from && {...from}
  const maskedTo: Record<string, unknown> | undefined = to && {...to}
  for (const key of Object.keys(from ?? {})) {
    if (maskedTo && key in maskedTo) {
      if (from?.[key] !== to?.[key]) {
        ;(maskedFrom as Record<string, unknown>)[key] = `${MASK} (before)`
        maskedTo[key] = `${MASK} (after)`
        continue
      }
      maskedTo[key] = MASK
    }
    ;(maskedFrom as Record<string, unknown>)[key] = MASK
  }
  for (const key of Object.keys(to ?? {})) if (!(from && key in from)) (maskedTo as Record<string, unknown>)[key] = MASK
  return {
    live: live && maskedFrom ? {...live, data: maskedFrom} : live,
    merged: merged && maskedTo ? {...merged, data: maskedTo} : merged,
  }
}

/** The file kubectl names an object by: [group.]version.Kind.namespace.name. */
export function diffFileName(object: {group: string; version: string; kind: string}, namespace: string, name: string): string {
  return `${object.group ? `${object.group}.` : ''}${object.version}.${object.kind}.${namespace}.${name}`
}

/**
 * The diff program and its arguments: $KUBECTL_EXTERNAL_DIFF split on spaces (arguments other than
 * letters, digits, - and = are dropped, as silently as kubectl 1.32 drops them), else `diff -u -N`.
 */
export function diffCommand(env: NodeJS.ProcessEnv): {program: string; args: string[]} {
  const external = env.KUBECTL_EXTERNAL_DIFF
  if (!external) return {program: 'diff', args: ['-u', '-N']}
  const [program, ...rest] = external.split(' ')
  return {program, args: rest.filter((arg) => /^[a-zA-Z0-9-=]+$/.test(arg))}
}

export async function runDiff(ctx: Ctx, opts: DiffOptions): Promise<DiffStatus> {
  if (opts.filenames.length === 0) throw usageError('must specify one of -f and -k')
  if (opts.forceConflicts && !opts.serverSide) throw usageError('--force-conflicts only works with --server-side')
  const fieldManager = opts.fieldManager ?? (opts.serverSide ? 'kubectl' : 'kubectl-client-side-apply')
  await ctx.namespace()
  if (opts.prune) await checkPruneAllowlist(ctx, opts.pruneAllowlist)
  const live = await mkdtemp(join(tmpdir(), 'LIVE-'))
  const merged = await mkdtemp(join(tmpdir(), 'MERGED-'))
  try {
    try {
      await writeVersions(ctx, opts, fieldManager, live, merged)
    } catch (err) {
      throw err instanceof CliError ? checkErr(err) : err
    }
    return await runProgram(ctx, live, merged)
  } finally {
    await Promise.all([rm(live, {recursive: true, force: true}), rm(merged, {recursive: true, force: true})])
  }
}

async function writeVersions(ctx: Ctx, opts: DiffOptions, fieldManager: string, liveDir: string, mergedDir: string): Promise<void> {
  const [{collectManifests, manifestFailure}, {collectManifestInfos}, {formatYAML}, {withoutManagedFields}] = await Promise.all([
    import('../manifests/reader.js'),
    import('../resources/manifest-infos.js'),
    import('../printers/yaml.js'),
    import('../resources/managed-fields.js'),
  ])
  const {documents, errors} = await collectManifests({filenames: opts.filenames, recursive: opts.recursive, stdin: ctx.io.in, env: ctx.env})
  if (errors.length > 0) throw manifestFailure(errors)
  let selected = documents
  if (opts.selector) {
    const matches = (await import('../resources/label-selector.js')).parseLabelSelector(opts.selector)
    selected = documents.filter((d) => matches(d.object.metadata?.labels))
  }
  const {infos, errors: unmapped} = await collectManifestInfos(ctx, selected, {enforceNamespace: Boolean(ctx.overrides.namespace)})
  // kubectl's builder without ContinueOnError stops at the first object it cannot map.
  const firstFailure = unmapped[0]
  const mapped = firstFailure ? infos.slice(0, firstFailure.before) : infos
  const client = await ctx.client()
  const print = (object: KubeObject | undefined) => (object === undefined ? '' : formatYAML(opts.showManagedFields ? object : withoutManagedFields(object)))
  const write = (dir: string, file: string, object: KubeObject | undefined) => writeFile(join(dir, file), print(object), {mode: 0o700})
  const versions = async (info: ResourceInfo): Promise<{live?: KubeObject; merged?: KubeObject}> => {
    const target = info.namespace !== undefined && !info.object.metadata?.namespace ? {...info, object: {...info.object, metadata: {...info.object.metadata, namespace: info.namespace}}} : info
    let live: KubeObject | undefined
    try {
      live = (await client.request<KubeObject>({path: resourcePath(info.resource, info.namespace, info.name), resource: {group: info.resource.group, resource: info.resource.name, name: info.name}})).data
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 404)) throw err
    }
    let merged: KubeObject
    if (opts.serverSide) {
      const {applyServerSide} = await import('../apply/server-side.js')
      merged = (await applyServerSide(client, target, {dryRun: 'server', fieldManager, forceConflicts: opts.forceConflicts, fieldValidation: ''})).object
    } else {
      const {applyClientSide} = await import('../apply/client-side.js')
      merged = (await applyClientSide(client, target, {dryRun: 'server', fieldManager, overwrite: true, fieldValidation: '', annotate: false})).object
    }
    return {live, merged}
  }
  const {forEachOrdered} = await import('../ordered-pool.js')
  // --concurrency objects are read and dry-run at once; their files are written and warned about in order.
  await forEachOrdered(mapped, Math.max(1, opts.concurrency), versions, async ({live, merged}, info) => {
    const shown = merged?.apiVersion === 'v1' && merged.kind === 'Secret' ? maskSecretData(live, merged) : {live, merged}
    const file = diffFileName(info.resource, info.namespace ?? '', info.name)
    await write(liveDir, file, shown.live)
    await write(mergedDir, file, shown.merged)
    if (live?.metadata?.deletionTimestamp) ctx.io.err.write(`Warning: Detected changes to resource ${info.name} which is currently being deleted.\n`)
  })
  if (firstFailure) throw firstFailure.error
  if (opts.prune) {
    // What apply --prune would delete shows as removed: it goes to LIVE only.
    const {appliedKey, prune} = await import('../apply/prune.js')
    const applied = new Set(mapped.map((i) => appliedKey(i.resource.group, i.resource.kind, i.namespace, i.name)))
    const namespaces = new Set(mapped.flatMap((i) => (i.namespace ? [i.namespace] : [])))
    const pruned: Array<{file: string; object: KubeObject}> = []
    // a client dry run: nothing is deleted, so the cascade and grace period are never sent
    const options = {selector: opts.selector, all: true, allowlist: opts.pruneAllowlist, dryRun: 'client' as const, propagationPolicy: 'Background' as const, gracePeriod: -1, namespaces, applied}
    await prune(ctx, options, (p) => {
      pruned.push({file: diffFileName(p.resource, p.object.metadata?.namespace ?? '', p.object.metadata?.name ?? ''), object: p.object})
    })
    // kubectl prints pruned objects whole, managedFields included
    for (const p of pruned) await writeFile(join(liveDir, p.file), formatYAML(p.object), {mode: 0o700})
  }
}

/** kubectl's prune.ParseResources: each entry is group/version/kind of a served kind. */
async function checkPruneAllowlist(ctx: Ctx, allowlist: string[]): Promise<void> {
  if (allowlist.length === 0) return
  const served = await (await ctx.discovery()).allResources()
  for (const entry of allowlist) {
    const parts = entry.split('/')
    if (parts.length !== 3) throw usageError(`invalid GroupVersionKind format: ${entry}, please follow <group/version/kind>`)
    const [group, version, kind] = [parts[0] === 'core' ? '' : parts[0], parts[1], parts[2]]
    if (!served.some((r) => r.group === group && r.version === version && r.kind === kind)) {
      throw usageError(`no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(group ? `${group}/${version}` : version)}`)
    }
  }
}

async function runProgram(ctx: Ctx, live: string, merged: string): Promise<DiffStatus> {
  const {program, args} = diffCommand(ctx.env)
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...args, live, merged], {stdio: ['ignore', 'pipe', 'pipe'], env: ctx.env})
    child.stdout.setEncoding('utf8').on('data', (d: string) => ctx.io.out.write(d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => ctx.io.err.write(d))
    child.on('error', (err: NodeJS.ErrnoException) => {
      const reason = err.code === 'ENOENT' ? 'executable file not found in $PATH' : err.message
      reject(new CliError(`error: failed to run ${JSON.stringify(program)}: ${reason}`, 2))
    })
    child.on('close', (code, signal) => {
      if (code === 0 || code === 1) resolve(code)
      else reject(new CliError(`error: failed to run ${JSON.stringify(program)}: ${signal ? `signal: ${signal === 'SIGKILL' ? 'killed' : signal}` : `exit status ${code}`}`, 2))
    })
  })
}
