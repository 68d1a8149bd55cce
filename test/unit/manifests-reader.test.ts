import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {afterEach, describe, expect, it} from 'vitest'
import {AggregateCliError, CliError} from '../../src/lib/errors.js'
import {collectManifests, type CollectedManifests, ManifestError, readManifests} from '../../src/lib/manifests/reader.js'
import {type TempDir, tempDir} from '../fixtures/kubeconfig/temp.js'

const F = 'test/fixtures/manifests'

function stdinOf(text: string | Buffer = ''): Readable {
  return Readable.from(typeof text === 'string' ? [Buffer.from(text)] : [text])
}

async function read(filenames: string[], opts: {recursive?: boolean; stdin?: string | Buffer} = {}): Promise<CollectedManifests> {
  return collectManifests({filenames, recursive: opts.recursive ?? false, stdin: stdinOf(opts.stdin)})
}

/** One line per object: source#document [item path] kind/name. */
function objects(result: CollectedManifests): string[] {
  return result.documents.map((d) => {
    const item = d.itemPath.length ? ` ${d.itemPath.join('.')}` : ''
    return `${d.source}#${d.index}${item} ${d.object.kind}/${d.object.metadata?.name ?? ''}`
  })
}

function errors(result: CollectedManifests): string[] {
  return result.errors.map((e) => e.message)
}

const temps: TempDir[] = []
function temp(): TempDir {
  const t = tempDir('ktl-manifests-')
  temps.push(t)
  return t
}
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup()
})

describe('documents in a file', () => {
  it('numbers documents as YAML does and skips comment-only and empty ones', async () => {
    const result = await read([`${F}/app.yaml`])
    expect(objects(result)).toEqual([`${F}/app.yaml#0 Namespace/shop`, `${F}/app.yaml#2 Deployment/web`, `${F}/app.yaml#4 Service/web`])
    expect(errors(result)).toEqual([])
  })

  it('decodes the object, expanding aliases into separate copies', async () => {
    const [, deployment] = (await read([`${F}/app.yaml`])).documents
    expect(deployment.object).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {name: 'web', namespace: 'shop', labels: {app: 'web'}},
      spec: {
        replicas: 3,
        selector: {matchLabels: {app: 'web'}},
        template: {
          metadata: {labels: {app: 'web'}},
          spec: {
            containers: [
              {
                name: 'web',
                image: 'nginx:1.25',
                args: ['--port', '8080'],
                ports: [{containerPort: 8080}],
                command: ['sh', '-c', "exec nginx -g 'daemon off;'\n"],
              },
            ],
          },
        },
      },
    })
    const spec = deployment.object.spec as {selector: {matchLabels: object}; template: {metadata: {labels: object}}}
    expect(spec.selector.matchLabels).not.toBe(deployment.object.metadata?.labels)
    expect(spec.template.metadata.labels).not.toBe(spec.selector.matchLabels)
  })

  it('maps JSON paths to the line and column of keys and items', async () => {
    const [namespace, deployment, service] = (await read([`${F}/app.yaml`])).documents
    expect(namespace.position([])).toEqual({line: 3, column: 1})
    expect(namespace.position(['metadata', 'name'])).toEqual({line: 6, column: 3})
    const containers = ['spec', 'template', 'spec', 'containers']
    expect(
      [
        ['kind'],
        ['spec', 'replicas'],
        [...containers, 0],
        [...containers, 0, 'image'],
        [...containers, 0, 'args', 1],
        [...containers, 0, 'ports', 0, 'containerPort'],
        [...containers, 0, 'command', 2],
        // an alias leads to the text it copies
        ['spec', 'selector', 'matchLabels', 'app'],
        ['spec', 'template', 'metadata', 'labels', 'app'],
      ].map((p) => deployment.position(p)),
    ).toEqual([
      {line: 11, column: 1},
      {line: 18, column: 3},
      {line: 26, column: 9},
      {line: 27, column: 9},
      {line: 28, column: 24},
      {line: 30, column: 11},
      // a block scalar sits at its | indicator
      {line: 34, column: 11},
      {line: 16, column: 5},
      {line: 16, column: 5},
    ])
    expect(service.position(['spec', 'ports', 0, 'targetPort'])).toEqual({line: 48, column: 5})
    expect(deployment.position(['spec', 'paused'])).toBeUndefined()
    expect(deployment.position([...containers, 3])).toBeUndefined()
    expect(deployment.position(['spec', 'replicas', 'deeper'])).toBeUndefined()
  })

  it('reads a stream of JSON objects, keeping integers beyond 2^53 exact', async () => {
    const result = await read([`${F}/configmaps.json`])
    expect(objects(result)).toEqual([`${F}/configmaps.json#0 ConfigMap/one`, `${F}/configmaps.json#1 ConfigMap/two`])
    expect(result.documents[1].object.data).toEqual({big: 9007199254740993n})
    expect(result.documents[0].position(['data', 'answer'])).toEqual({line: 5, column: 12})
    expect(result.documents[1].position(['data', 'big'])).toEqual({line: 7, column: 81})
  })

  it('tells JSON from YAML by the content, not the extension', async () => {
    const t = temp()
    t.write('json.yaml', '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "from-json"}}')
    t.write('yaml.json', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\n  labels: {on: yes}\n')
    const result = await read([t.path('json.yaml'), t.path('yaml.json')])
    expect(objects(result)).toEqual([`${t.path('json.yaml')}#0 ConfigMap/from-json`, `${t.path('yaml.json')}#0 ConfigMap/from-yaml`])
    expect(result.documents[1].object.metadata?.labels).toEqual({true: true})
  })

  it('gives nothing for empty files, comment-only files and null documents', async () => {
    const t = temp()
    t.write('empty.yaml', '')
    t.write('comments.yaml', '# nothing here\n\n# or here\n')
    t.write('nulls.yaml', '---\n~\n---\nnull\n---\n')
    const result = await read([t.path('empty.yaml'), t.path('comments.yaml'), t.path('nulls.yaml')])
    expect(result).toEqual({documents: [], errors: [], sources: ['empty.yaml', 'comments.yaml', 'nulls.yaml'].map((f) => ({kind: 'file', name: t.path(f)}))})
  })

  it('starts a new document after a "..." end marker', async () => {
    const result = await read(['-'], {stdin: 'apiVersion: v1\nkind: A\n...\napiVersion: v1\nkind: B\n---\napiVersion: v1\nkind: C\n'})
    expect(objects(result)).toEqual(['STDIN#0 A/', 'STDIN#1 B/', 'STDIN#2 C/'])
  })

  it('decodes UTF-16 with a byte order mark and drops a UTF-8 one, as kubectl does', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: héllo\n'
    const t = temp()
    t.write('utf8.yaml', `\ufeff${text}`)
    t.write('le.yaml', '')
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])
    const results = [await read([t.path('utf8.yaml')]), await read(['-'], {stdin: le}), await read(['-'], {stdin: be})]
    expect(results.map((r) => r.documents[0].object.metadata?.name)).toEqual(['héllo', 'héllo', 'héllo'])
    expect(results.map((r) => r.documents[0].position(['metadata', 'name']))).toEqual([
      {line: 4, column: 3},
      {line: 4, column: 3},
      {line: 4, column: 3},
    ])
  })
})

describe('Lists', () => {
  it('replaces kind: List by its items, nested Lists included, and keeps their positions', async () => {
    const result = await read([`${F}/list.yaml`])
    expect(objects(result)).toEqual([`${F}/list.yaml#0 items.0 ConfigMap/first`, `${F}/list.yaml#0 items.1.items.0 Secret/nested`])
    expect(result.documents[0].position([])).toEqual({line: 4, column: 3})
    expect(result.documents[0].position(['metadata', 'name'])).toEqual({line: 7, column: 5})
    expect(result.documents[1].position(['metadata', 'name'])).toEqual({line: 14, column: 7})
  })

  it('gives the items of a FooList without apiVersion and kind the list apiVersion and Foo, as kubectl does', async () => {
    const result = await read([`${F}/configmap-list.yaml`])
    expect(objects(result)).toEqual([`${F}/configmap-list.yaml#0 items.0 ConfigMap/inherits`, `${F}/configmap-list.yaml#0 items.1 Secret/explicit`])
    expect(result.documents[0].object).toEqual({metadata: {name: 'inherits'}, data: {key: 'value'}, kind: 'ConfigMap', apiVersion: 'v1'})
    expect(result.documents[0].position(['kind'])).toBeUndefined()
  })

  it('names the item when a List item is not an object', async () => {
    const stdin = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: ok}\n- just text\n- metadata: {name: nameless}\n'
    const result = await read(['-'], {stdin})
    expect(objects(result)).toEqual(['STDIN#0 items.0 ConfigMap/ok'])
    expect(errors(result)).toEqual([
      'STDIN:7:3: document 1: items[1]: error validating data: invalid object to validate: expected a mapping, got a string',
      'STDIN:8:3: document 1: items[2]: error validating data: [apiVersion not set, kind not set]',
    ])
  })

  it('gives nothing for an empty List', async () => {
    expect(await read(['-'], {stdin: 'apiVersion: v1\nkind: PodList\nitems: []\n---\napiVersion: v1\nkind: List\nitems:\n'})).toEqual({documents: [], errors: [], sources: [{kind: 'stdin', name: 'STDIN'}]})
  })
})

describe('sources', () => {
  it('reads the .json, .yaml and .yml files of a directory in byte order of their names', async () => {
    const result = await read([`${F}/dir`])
    expect(objects(result)).toEqual([
      `${F}/dir/.hidden.yaml#0 ConfigMap/hidden-yaml`,
      `${F}/dir/a.yaml#0 ConfigMap/a-yaml`,
      `${F}/dir/b.yml#0 ConfigMap/b-yml`,
      `${F}/dir/c.json#0 ConfigMap/c-json`,
    ])
  })

  it('walks subdirectories depth first with -R', async () => {
    const result = await read([`./${F}/dir/`], {recursive: true})
    expect(objects(result)).toEqual([
      `${F}/dir/.hidden.yaml#0 ConfigMap/hidden-yaml`,
      `${F}/dir/a.yaml#0 ConfigMap/a-yaml`,
      `${F}/dir/b.yml#0 ConfigMap/b-yml`,
      `${F}/dir/c.json#0 ConfigMap/c-json`,
      `${F}/dir/sub/d.yaml#0 ConfigMap/d-yaml`,
      `${F}/dir/sub/deeper/e.yml#0 ConfigMap/e-yml`,
    ])
  })

  it('reads a file named on the command line whatever its extension, keeping the path as given', async () => {
    const result = await read([`./${F}/dir/notes.txt`, `${F}/dir/UPPER.YAML`])
    expect(objects(result)).toEqual([`./${F}/dir/notes.txt#0 ConfigMap/notes-txt`, `${F}/dir/UPPER.YAML#0 ConfigMap/upper-yaml`])
  })

  it('expands a path that does not exist as a Go glob pattern', async () => {
    const result = await read([`${F}/dir/*.y*ml`, `${F}/dir/[ab].*`])
    expect(objects(result)).toEqual([
      `${F}/dir/.hidden.yaml#0 ConfigMap/hidden-yaml`,
      `${F}/dir/a.yaml#0 ConfigMap/a-yaml`,
      `${F}/dir/b.yml#0 ConfigMap/b-yml`,
      `${F}/dir/a.yaml#0 ConfigMap/a-yaml`,
      `${F}/dir/b.yml#0 ConfigMap/b-yml`,
    ])
  })

  it('reads stdin as STDIN, and only once', async () => {
    const result = await read(['-'], {stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: piped\n'})
    expect(objects(result)).toEqual(['STDIN#0 ConfigMap/piped'])
    expect(errors(await read(['-', `${F}/list.yaml`, '-']))).toEqual(['standard input cannot be used for multiple arguments'])
  })

  it('keeps the order of several -f arguments', async () => {
    const result = await read([`${F}/configmaps.json`, '-', `${F}/dir/a.yaml`], {stdin: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}'})
    expect(objects(result)).toEqual([`${F}/configmaps.json#0 ConfigMap/one`, `${F}/configmaps.json#1 ConfigMap/two`, 'STDIN#0 Pod/p', `${F}/dir/a.yaml#0 ConfigMap/a-yaml`])
  })

  it('follows a symbolic link named on the command line to a directory', async () => {
    const t = temp()
    symlinkSync(join(process.cwd(), F, 'dir'), t.path('linked'))
    expect(objects(await read([t.path('linked')]))).toEqual([
      `${t.path('linked')}/.hidden.yaml#0 ConfigMap/hidden-yaml`,
      `${t.path('linked')}/a.yaml#0 ConfigMap/a-yaml`,
      `${t.path('linked')}/b.yml#0 ConfigMap/b-yml`,
      `${t.path('linked')}/c.json#0 ConfigMap/c-json`,
    ])
  })
})

describe('errors before reading (kubectl stops there)', () => {
  it('reports paths that do not exist, bad patterns and bad URLs in kubectl words, every one', async () => {
    const result = await read(['nope.yaml', `${F}/dir/*.zz`, `${F}/dir/[`, 'http://[::1', `${F}/list.yaml`])
    expect(result.documents).toEqual([])
    expect(errors(result)).toEqual([
      'the path "nope.yaml" does not exist',
      `the path "${F}/dir/*.zz" does not exist`,
      `pattern "${F}/dir/[" is not valid: syntax error in pattern`,
      `the URL passed to filename "http://[::1" is not valid: parse "http://[::1": missing ']' in host`,
    ])
  })

  it('refuses a directory without manifests unless an earlier -f found something, as kubectl does', async () => {
    const t = temp()
    mkdirSync(t.path('empty'))
    t.write('other/readme.md', '# not a manifest\n')
    expect(errors(await read([t.path('empty')]))).toEqual([`error reading [${t.path('empty')}]: recognized file extensions are [.json .yaml .yml]`])
    expect(errors(await read([t.path('other')]))).toEqual([`error reading [${t.path('other')}]: recognized file extensions are [.json .yaml .yml]`])
    expect(await read([`${F}/dir/a.yaml`, t.path('empty')])).toMatchObject({errors: []})
    expect(errors(await read([t.path('empty'), `${F}/dir/a.yaml`]))).toEqual([`error reading [${t.path('empty')}]: recognized file extensions are [.json .yaml .yml]`])
  })

  it('reads nothing when a later argument is wrong', async () => {
    await expect(readManifests({filenames: [`${F}/dir/a.yaml`, 'missing.yaml'], recursive: false, stdin: stdinOf()})).rejects.toThrow(
      new CliError('error: the path "missing.yaml" does not exist'),
    )
  })
})

describe('errors while reading', () => {
  it('names the document, line and column of a YAML syntax error and reads the other documents', async () => {
    const result = await read([`${F}/errors/syntax.yaml`])
    expect(objects(result)).toEqual([`${F}/errors/syntax.yaml#0 ConfigMap/fine`, `${F}/errors/syntax.yaml#2 ConfigMap/after`])
    expect(errors(result)).toEqual([`${F}/errors/syntax.yaml:10:2: document 2: yaml: bad indentation of a mapping entry`])
    const e = result.errors[0]
    expect([e.source, e.index, e.line, e.column, e.itemPath, e.detail]).toEqual([`${F}/errors/syntax.yaml`, 1, 10, 2, [], 'yaml: bad indentation of a mapping entry'])
  })

  it('reports every duplicate key with both places', async () => {
    const result = await read([`${F}/errors/duplicates.yaml`])
    expect(result.documents).toEqual([])
    expect(errors(result)).toEqual([
      `${F}/errors/duplicates.yaml:7:5: document 1: yaml: mapping key "app" already defined at line 6, column 5`,
      `${F}/errors/duplicates.yaml:8:3: document 1: yaml: mapping key "name" already defined at line 4, column 3`,
      `${F}/errors/duplicates.yaml:11:3: document 1: yaml: mapping key "true" already defined at line 10, column 3`,
    ])
  })

  it('refuses documents that are not objects or lack apiVersion or kind, in kubectl words', async () => {
    const result = await read([`${F}/errors/not-objects.yaml`])
    expect(result.documents).toEqual([])
    expect(errors(result)).toEqual([
      `${F}/errors/not-objects.yaml:1:1: document 1: error validating data: invalid object to validate: expected a mapping, got a sequence`,
      `${F}/errors/not-objects.yaml:4:1: document 2: error validating data: invalid object to validate: expected a mapping, got a string`,
      `${F}/errors/not-objects.yaml:6:1: document 3: error validating data: kind not set`,
      `${F}/errors/not-objects.yaml:10:1: document 4: error validating data: [apiVersion not set, kind not set]`,
      `${F}/errors/not-objects.yaml:13:1: document 5: error validating data: apiVersion isn't string type`,
    ])
  })

  it('refuses text after a --- separator as kubectl does, and goes on after it', async () => {
    const result = await read([`${F}/errors/separator.yaml`])
    expect(objects(result)).toEqual([`${F}/errors/separator.yaml#0 ConfigMap/before`, `${F}/errors/separator.yaml#2 ConfigMap/after`])
    expect(errors(result)).toEqual([`${F}/errors/separator.yaml:5:5: document 2: invalid Yaml document separator: !!map`])
  })

  it('reports a JSON syntax error in encoding/json words with its place', async () => {
    const result = await read([`${F}/errors/bad.json`])
    expect(objects(result)).toEqual([`${F}/errors/bad.json#0 ConfigMap/ok`])
    expect(errors(result)).toEqual([`${F}/errors/bad.json:2:73: document 2: json: invalid character '}' looking for beginning of object key string`])
  })

  it('refuses binary content without crashing', async () => {
    const t = temp()
    t.write('nul.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\u0000b\n')
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])
    const result = await read([t.path('nul.yaml'), '-'], {stdin: png})
    expect(errors(result)).toEqual([
      `${t.path('nul.yaml')}:4:10: document 1: yaml: control characters are not allowed (found U+0000)`,
      'STDIN:2:1: document 1: yaml: control characters are not allowed (found U+001A)',
    ])
  })

  it('reports files that cannot be read as kubectl does and reads the rest', async () => {
    const t = temp()
    t.write('dir/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n')
    symlinkSync(t.path('nowhere.yaml'), t.path('dir/dangling.yaml'))
    mkdirSync(t.path('dir/folder.yaml'))
    symlinkSync(t.path('dir/folder.yaml'), t.path('dir/linked.yaml'))
    const result = await read([t.path('dir')])
    expect(objects(result)).toEqual([`${t.path('dir/a.yaml')}#0 ConfigMap/a`])
    expect(errors(result)).toEqual([
      `open ${t.path('dir/dangling.yaml')}: no such file or directory`,
      `error parsing ${t.path('dir/linked.yaml')}: read ${t.path('dir/linked.yaml')}: is a directory`,
    ])
  })
})

describe('readManifests', () => {
  it('returns the documents when all is well', async () => {
    const docs = await readManifests({filenames: [`${F}/dir/a.yaml`], recursive: false, stdin: stdinOf()})
    expect(docs.map((d) => d.object)).toEqual([{apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'a-yaml'}}])
  })

  it('throws one kubectl-style line for one problem', async () => {
    const p = readManifests({filenames: [`${F}/errors/separator.yaml`], recursive: false, stdin: stdinOf()})
    await expect(p).rejects.toThrow(new CliError(`error: ${F}/errors/separator.yaml:5:5: document 2: invalid Yaml document separator: !!map`))
    await expect(p).rejects.not.toBeInstanceOf(AggregateCliError)
  })

  it('throws every problem of every source, a line each, for several', async () => {
    const p = readManifests({filenames: [`${F}/errors/bad.json`, `${F}/errors/syntax.yaml`], recursive: false, stdin: stdinOf()})
    await expect(p).rejects.toBeInstanceOf(AggregateCliError)
    await expect(p).rejects.toThrow(
      [
        `${F}/errors/bad.json:2:73: document 2: json: invalid character '}' looking for beginning of object key string`,
        `${F}/errors/syntax.yaml:10:2: document 2: yaml: bad indentation of a mapping entry`,
      ].join('\n'),
    )
  })

  it('gives [] for sources without objects and leaves the wording to the verb', async () => {
    expect(await readManifests({filenames: ['-'], recursive: false, stdin: stdinOf('# nothing\n')})).toEqual([])
  })

  it('makes ManifestErrors CliErrors that print without the error: prefix', () => {
    const e = new ManifestError('yaml: oops', 'a.yaml', 2, 5, 7, ['items', 3])
    expect(e).toBeInstanceOf(CliError)
    expect(e.message).toBe('a.yaml:5:7: document 3: items[3]: yaml: oops')
    expect(new ManifestError('the path "x" does not exist').message).toBe('the path "x" does not exist')
  })
})

describe('loading', () => {
  // Runs the built reader (npm test builds first) and lists the packages the process loaded.
  function packagesLoaded(file: string): string[] {
    const t = temp()
    const trace = t.path('trace')
    const script = `const {readManifests} = await import('./dist/lib/manifests/reader.js'); const {Readable} = await import('node:stream'); await readManifests({filenames: [${JSON.stringify(file)}], recursive: false, stdin: Readable.from([])})`
    const run = spawnSync(process.execPath, ['--import', './test/support/import-trace.mjs', '--input-type=module', '-e', script], {encoding: 'utf8', env: {...process.env, KTL_IMPORT_TRACE: trace}})
    expect(run.stderr).toBe('')
    const packages = readFileSync(trace, 'utf8').match(/\/node_modules\/(?:@[^/]+\/)?[^/]+\//g) ?? []
    return [...new Set(packages)].sort()
  }

  it('loads js-yaml only for YAML, and axios only for URLs', () => {
    expect(packagesLoaded(`${F}/configmaps.json`)).toEqual([])
    expect(packagesLoaded(`${F}/list.yaml`)).toEqual(['/node_modules/js-yaml/'])
  })
})
