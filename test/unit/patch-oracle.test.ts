// The patches kubectl 1.32 sent for `apply` against the e2e control plane (recorded by
// test/fixtures/patch/record.mjs): computeApplyPatch must produce the same bytes from the same
// inputs — the live object kubectl fetched, its last-applied annotation and the manifest.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {decodeJSONStream} from '../../src/lib/manifests/json-decode.js'
import {ApplyPatchError, computeApplyPatch, creatingPatchMessage, LAST_APPLIED_ANNOTATION, lastAppliedConfiguration, modifiedConfiguration} from '../../src/lib/patch/apply-patch.js'

interface OracleCase {
  name: string
  description: string
  namespace?: string
  flags: string[]
  manifest: string
  current: Record<string, unknown> & {apiVersion: string; kind: string; metadata: {annotations?: Record<string, string>}}
  patchType: string | null
  patch: string | null
  stdout: string
  stderr: string
  exitCode: number
}

const dir = join(import.meta.dirname, '../fixtures/patch/cases')
const cases: OracleCase[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as OracleCase)

// The manifest as ktl's reader decodes it (integers beyond 2^53 stay exact), with the namespace
// kubectl's builder fills in for a namespaced object that names none.
function manifestObject(c: OracleCase): Record<string, unknown> {
  const {documents} = decodeJSONStream(c.manifest, () => ({line: 1, column: 1}))
  const object = documents[0].value as {metadata: {namespace?: string}}
  if (c.namespace && object.metadata.namespace === undefined) object.metadata.namespace = c.namespace
  return object as Record<string, unknown>
}

function inputs(c: OracleCase) {
  const {modified} = modifiedConfiguration(manifestObject(c))
  return {
    original: lastAppliedConfiguration(c.current),
    modified,
    current: c.current,
    apiVersion: c.current.apiVersion,
    kind: c.current.kind,
    overwrite: !c.flags.includes('--overwrite=false'),
  }
}

describe('computeApplyPatch against kubectl 1.32', () => {
  it('has recorded cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
  })

  for (const c of cases.filter((x) => x.patch !== null)) {
    it(`${c.name}: ${c.description}`, () => {
      const result = computeApplyPatch(inputs(c))
      expect(result.body).toBe(c.patch)
      expect(result.patchType).toBe(c.patchType)
      expect(result.unchanged).toBe(false)
      expect(result.warnings).toEqual([])
    })
  }

  for (const c of cases.filter((x) => x.patch === null && x.exitCode === 0)) {
    it(`${c.name}: ${c.description}`, () => {
      const result = computeApplyPatch(inputs(c))
      expect(result.body).toBe('{}')
      expect(result.unchanged).toBe(true)
      expect(c.stdout).toMatch(/ unchanged\n$/)
    })
  }

  for (const c of cases.filter((x) => x.patch === null && x.exitCode !== 0)) {
    it(`${c.name}: ${c.description}`, () => {
      const input = inputs(c)
      let failure: unknown
      try {
        computeApplyPatch(input)
      } catch (e) {
        failure = e
      }
      expect(failure).toBeInstanceOf(ApplyPatchError)
      const err = failure as ApplyPatchError
      const original = c.current.metadata.annotations?.[LAST_APPLIED_ANNOTATION] ?? ''
      const text = creatingPatchMessage(err, original, input.modified, input.current)
      // kubectl: the warning, then its error line naming the file and the object, ending in the message.
      expect(c.stderr.startsWith(`${err.warnings.join('\n')}\nerror: error when applying patch:\n\nto:\n`)).toBe(true)
      // kubectl's fatal() adds a newline only to a message that does not end in one.
      expect(c.stderr.endsWith(`: ${text.endsWith('\n') ? text : `${text}\n`}`)).toBe(true)
    })
  }
})

describe('modifiedConfiguration against kubectl 1.32', () => {
  for (const c of cases.filter((x) => x.patch?.includes(LAST_APPLIED_ANNOTATION))) {
    it(`${c.name}: the annotation kubectl wrote`, () => {
      const sent = JSON.parse(c.patch as string) as {metadata: {annotations: Record<string, string>}}
      expect(modifiedConfiguration(manifestObject(c)).annotation).toBe(sent.metadata.annotations[LAST_APPLIED_ANNOTATION])
    })
  }
})
