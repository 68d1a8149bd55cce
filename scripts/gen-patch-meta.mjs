// Writes schemas/patch-meta.json, the strategic merge patch metadata `ktl apply` reads, from the
// Kubernetes OpenAPI spec in /work/shared/k8s-openapi (or the swagger.json given as the first
// argument; a second argument names another output file).
// Re-runnable and deterministic: the same spec gives the same bytes (test/unit/patch-meta.test.ts).
// Runs on Node 24 (npm scripts put node_modules/.bin first), which loads the TypeScript converter.
import {createHash} from 'node:crypto'
import {readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {compactPatchMeta, serializePatchMeta} from '../src/lib/patch/openapi-compact.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const specPath = process.argv[2] ?? '/work/shared/k8s-openapi/swagger.json'
const text = readFileSync(specPath)
const spec = JSON.parse(text.toString('utf8'))
const sha256 = createHash('sha256').update(text).digest('hex')
// The spec's own info.version reads "unversioned"; its README names the release.
let release = ''
try {
  release = /\(release ([\d.]+)\)/.exec(readFileSync(join(dirname(specPath), 'README.md'), 'utf8'))?.[1] ?? ''
} catch {}
const source = `Kubernetes ${release || spec.info?.version || ''} OpenAPI v2 (swagger.json sha256 ${sha256})`.replace(/\s+/g, ' ')
const out = process.argv[3] ?? join(root, 'schemas', 'patch-meta.json')
writeFileSync(out, serializePatchMeta(compactPatchMeta(spec, source)))
process.stdout.write(`wrote ${out}\n`)
