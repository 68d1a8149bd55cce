// `ktl validate`: reader problems and schema problems of every file together, in file order, one
// line each on stderr, the summary last; exit 1 (a thrown CliError) when anything is invalid.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {createCtx} from '../../src/lib/context.js'
import {memoryIO} from '../../src/lib/io.js'
import {runValidate, type ValidateCommandOptions} from '../../src/lib/ops/validate.js'

const FIXTURES = 'test/fixtures/validate'
// An empty HOME and no KUBECONFIG: no cluster is configured, so nothing is asked of one.
const home = mkdtempSync(join(tmpdir(), 'ktl-validate-'))
afterAll(() => rmSync(home, {recursive: true, force: true}))

async function validate(opts: Partial<ValidateCommandOptions>, stdin?: string): Promise<{stdout: string; stderr: string; error?: string}> {
  const io = memoryIO({stdin})
  const ctx = createCtx({io, env: {}, homeDir: home})
  let error: string | undefined
  try {
    await runValidate(ctx, {filenames: [], recursive: false, schemaLocations: [], ignoreMissingSchemas: false, ...opts})
  } catch (err) {
    error = (err as Error).message
  }
  return {stdout: io.stdout(), stderr: io.stderr(), error}
}

describe('ktl validate', () => {
  it('prints only the summary when every document is valid', async () => {
    expect(await validate({filenames: [`${FIXTURES}/valid`]})).toEqual({stdout: '', stderr: '24 documents, 24 valid, 0 invalid\n', error: undefined})
  })

  it('lists the problems of every file in file order, reader problems included, and fails with the summary', async () => {
    const run = await validate({filenames: [`${FIXTURES}/defects/syntax.yaml`, `${FIXTURES}/defects/deploy.yaml`]})
    expect(run.stdout).toBe('')
    expect(run.stderr.split('\n')).toEqual([
      'test/fixtures/validate/defects/syntax.yaml:5:3: document 1: yaml: mapping key "name" already defined at line 4, column 3',
      'test/fixtures/validate/defects/syntax.yaml:12:1: document 2: yaml: deficient indentation',
      "test/fixtures/validate/defects/syntax.yaml:16:3: metadata.name: invalid name \"Third\": must be a lowercase RFC 1123 subdomain: letters a-z, digits, '-' and '.', starting and ending with a letter or digit",
      'test/fixtures/validate/defects/deploy.yaml:6:13: spec.replicas: must be integer, got string "three"',
      'test/fixtures/validate/defects/deploy.yaml:18:9: spec.template.spec.containers[0].imagePullPolicyy: unknown field (did you mean "imagePullPolicy"?)',
      'test/fixtures/validate/defects/deploy.yaml:19:26: spec.template.spec.containers[0].imagePullPolicy: must be one of "Always", "IfNotPresent" or "Never", got "Sometimes"',
      'test/fixtures/validate/defects/deploy.yaml:22:21: spec.template.spec.containers[0].ports[0].protocol: must be one of "TCP", "UDP" or "SCTP", got "TCPP"',
      'test/fixtures/validate/defects/deploy.yaml:25:18: spec.template.spec.containers[0].resources.limits.cpu: must be a quantity such as "500m", "2Gi" or 3, got string "lots"',
      '',
    ])
    expect(run.error).toBe('4 documents, 0 valid, 4 invalid')
  })

  it('reads stdin with -f -', async () => {
    const run = await validate({filenames: ['-']}, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  count: 1\n')
    expect(run).toEqual({stdout: '', stderr: 'STDIN:6:10: data.count: must be string, got number 1\n', error: '1 document, 0 valid, 1 invalid'})
  })

  it('validates a CRD and its resources found together', async () => {
    const run = await validate({filenames: [`${FIXTURES}/crd/together`]})
    expect(run.stderr.split('\n').length).toBe(12)
    expect(run.error).toBe('5 documents, 2 valid, 3 invalid')
  })

  it('takes CRDs from --schema-location, ignoring what is not a CRD', async () => {
    expect(await validate({filenames: [`${FIXTURES}/crd/resources`], schemaLocations: [`${FIXTURES}/crd/schemas`, `${FIXTURES}/valid/storage.yaml`]})).toEqual({
      stdout: '',
      stderr: 'test/fixtures/validate/crd/resources/widget.yaml:6:9: spec.size: must be <= 10, got 11\n',
      error: '1 document, 0 valid, 1 invalid',
    })
  })

  it('reports an unreadable --schema-location and fails', async () => {
    expect(await validate({filenames: [`${FIXTURES}/valid/storage.yaml`], schemaLocations: ['test/fixtures/validate/none']})).toEqual({
      stdout: '',
      stderr: 'the path "test/fixtures/validate/none" does not exist\n',
      error: '2 documents, 2 valid, 0 invalid',
    })
  })

  it('fails on a kind without a schema, or warns and skips it with --ignore-missing-schemas', async () => {
    const missing = 'test/fixtures/validate/crd/resources/widget.yaml:2:1: kind: no schema for example.com/v1 Widget: no CustomResourceDefinition in the input defines it'
    expect(await validate({filenames: [`${FIXTURES}/crd/resources`]})).toEqual({stdout: '', stderr: `${missing}\n`, error: '1 document, 0 valid, 1 invalid'})
    expect(await validate({filenames: [`${FIXTURES}/crd/resources`], ignoreMissingSchemas: true})).toEqual({
      stdout: '',
      stderr: `Warning: ${missing}; skipped\n1 document, 0 valid, 0 invalid, 1 skipped\n`,
      error: undefined,
    })
  })

  it('fails on paths that do not exist', async () => {
    expect(await validate({filenames: ['test/fixtures/validate/none']})).toEqual({
      stdout: '',
      stderr: 'the path "test/fixtures/validate/none" does not exist\n',
      error: '0 documents, 0 valid, 0 invalid',
    })
  })

  it('prints one JSON record per document with -o json', async () => {
    const run = await validate({filenames: ['-', `${FIXTURES}/crd/resources`], output: 'json', ignoreMissingSchemas: true}, 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: ok}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: Bad}\n---\nkind: [\n')
    expect(run.stderr).toBe('')
    expect(run.error).toBe('4 documents, 1 valid, 2 invalid, 1 skipped')
    expect(JSON.parse(run.stdout)).toEqual({
      documents: [
        {file: 'STDIN', index: 0, item: 'items[0]', apiVersion: 'v1', kind: 'ConfigMap', name: 'ok', valid: true, errors: [], warnings: []},
        {
          file: 'STDIN',
          index: 0,
          item: 'items[1]',
          apiVersion: 'v1',
          kind: 'ConfigMap',
          name: 'Bad',
          valid: false,
          errors: [
            {
              path: 'metadata.name',
              line: 9,
              column: 14,
              message: "invalid name \"Bad\": must be a lowercase RFC 1123 subdomain: letters a-z, digits, '-' and '.', starting and ending with a letter or digit",
            },
          ],
          warnings: [],
        },
        {file: 'STDIN', index: 1, valid: false, errors: [{line: 12, column: 1, message: 'yaml: deficient indentation'}], warnings: []},
        {
          file: 'test/fixtures/validate/crd/resources/widget.yaml',
          index: 0,
          apiVersion: 'example.com/v1',
          kind: 'Widget',
          name: 'from-schema-location',
          valid: true,
          skipped: true,
          errors: [],
          warnings: [{path: 'kind', line: 2, column: 1, message: 'no schema for example.com/v1 Widget: no CustomResourceDefinition in the input defines it; skipped'}],
        },
      ],
      summary: {documents: 4, valid: 1, invalid: 2, skipped: 1},
    })
  })

  it('refuses a run without -f and unknown output formats', async () => {
    expect((await validate({})).error).toBe('error: must specify one or more manifests with -f')
    expect((await validate({filenames: ['x.yaml'], output: 'yaml'})).error).toBe('error: unknown output format "yaml": use text or json')
  })

  it('validates a generated corpus of thousands of mixed documents', async () => {
    const dir = join(home, 'corpus')
    const make = spawnSync(process.execPath, [`${FIXTURES}/make-corpus.mjs`, dir, '2000', '50'], {encoding: 'utf8'})
    expect(make.status).toBe(0)
    expect(await validate({filenames: [dir], recursive: true})).toEqual({stdout: '', stderr: '2000 documents, 2000 valid, 0 invalid\n', error: undefined})
  })
})
