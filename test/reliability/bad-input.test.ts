// Issue 6's bad-input corpus: broken manifests, flags and kubeconfigs given to the built CLI. Every
// case must end in exit 1 with one clear line (kubectl's text where kubectl has one) naming what was
// wrong and where, never a stack trace or a hang, and a failing set must send nothing to the server.
import {closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync} from 'node:fs'
import {createServer as createHttpServer, type Server} from 'node:http'
import {createServer as createNetServer, type AddressInfo, type Server as NetServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {serveDiscovery} from '../fixtures/discovery/index.js'
import {FakeServer} from '../support/fake-server.js'
import {type CaseRun, runKtl, Tally} from './harness.js'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const all = new Tally('bad input')
let dir: string
let home: string
let kubeconfig: string
let fake: FakeServer
let urls: Server
let urlBase: string
let socket: NetServer

/** Writes a file under the case directory and returns its name relative to it. */
function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content)
  return name
}

function kubeconfigFor(server: string, user = '{token: t}', extra = ''): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: c`,
    `  cluster: {server: "${server}"${extra}}`,
    'contexts:',
    '- name: c',
    '  context: {cluster: c, user: u, namespace: default}',
    'current-context: c',
    'users:',
    '- name: u',
    `  user: ${user}`,
    '',
  ].join('\n')
}

/** Runs ktl in the case directory against the fake server; counts the case and checks it ended well. */
interface KtlOptions {
  /** The kubeconfig to pass; null passes none (the case names its own). */
  kubeconfig?: string | null
  deadlineMs?: number
  env?: NodeJS.ProcessEnv
  /** The exit code the case must end with. */
  code?: number
}

async function ktl(tally: Tally, args: string[], opts: KtlOptions = {}): Promise<CaseRun> {
  const writesBefore = fake.requests.filter((r) => WRITES.has(r.method)).length
  const config = opts.kubeconfig === null ? [] : ['--kubeconfig', opts.kubeconfig ?? kubeconfig]
  const run = await runKtl([...args, ...config], {cwd: dir, env: {HOME: home, ...opts.env}, deadlineMs: opts.deadlineMs})
  const label = args.join(' ')
  tally.record(label, run)
  all.record(label, run)
  expect(run.hung, `${label} hung`).toBe(false)
  expect(run.stderr, `${label} printed a stack trace`).not.toMatch(/^\s{4}at /m)
  expect(run.code, `${label}: ${run.stderr}`).toBe(opts.code ?? 1)
  expect(fake.requests.filter((r) => WRITES.has(r.method)).length, `${label} reached the cluster`).toBe(writesBefore)
  return run
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ktl-bad-input-'))
  home = join(dir, '.home')
  mkdirSync(home)
  fake = await FakeServer.start()
  serveDiscovery(fake, {times: Number.POSITIVE_INFINITY})
  kubeconfig = join(dir, '.kubeconfig')
  writeFileSync(kubeconfig, kubeconfigFor(fake.url))
  urls = createHttpServer((req, res) => {
    if (req.url === '/broken.yaml') res.writeHead(200, {'content-type': 'text/yaml'}).end('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [\n')
    else res.writeHead(404, {'content-type': 'text/plain'}).end('404 page not found\n')
  })
  await new Promise<void>((resolve) => urls.listen(0, '127.0.0.1', resolve))
  urlBase = `http://127.0.0.1:${(urls.address() as AddressInfo).port}`
  // Root reads any file whatever its mode; a socket is a directory entry nobody can open.
  socket = createNetServer()
  await new Promise<void>((resolve) => socket.listen(join(dir, 'socket.yaml'), resolve))
})

afterAll(async () => {
  await fake?.close()
  await new Promise((resolve) => urls?.close(resolve))
  await new Promise((resolve) => socket?.close(resolve))
  if (dir) rmSync(dir, {recursive: true, force: true})
  closeTally(all)
})

/** Prints a suite's counts for the CI log, then holds it to issue 6's targets: no crash, no hang. */
function closeTally(tally: Tally): void {
  console.log(tally.summary())
  expect(tally.crashes, `${tally.suite}: crashes`).toEqual([])
  expect(tally.hangs, `${tally.suite}: hangs`).toEqual([])
}

const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n'

/** yaml.v2's test for an alias bomb: nine levels of nine aliases (387 million strings expanded). */
function billionLaughs(): string {
  const levels = 'abcdefghi'.split('')
  const lines = levels.map((l, i) => `${l}: &${l} [${Array(9).fill(i === 0 ? '"lol"' : `*${levels[i - 1]}`).join(', ')}]`)
  return `${CONFIGMAP}data:\n  ${lines.join('\n  ')}\n`
}

// Each case is a set of files given with -f; `problem` is the one line ktl must print for it (create
// and apply prefix it with "error: ", validate lists it before its summary line).
interface ManifestCase {
  name: string
  args: () => string[]
  problem: string | RegExp | (() => string)
  /** validate's summary line for the case. */
  summary?: string
  /** The schema refuses it (the documents read fine): create and apply list it, then their verdict. */
  schema?: boolean
}

const manifestCases: ManifestCase[] = [
  {
    name: 'a YAML syntax error',
    args: () => ['-f', file('syntax.yaml', `${CONFIGMAP}  labels: [\n`)],
    problem: 'syntax.yaml:6:1: document 1: yaml: deficient indentation',
  },
  {
    name: 'an unclosed quote in the second document',
    args: () => ['-f', file('quote.yaml', `${CONFIGMAP}---\n${CONFIGMAP}data:\n  a: "open\n`)],
    problem: /^quote\.yaml:12:1: document 2: yaml: /,
    summary: '2 documents, 1 valid, 1 invalid',
  },
  {
    name: 'a tab in the indentation',
    args: () => ['-f', file('tab.yaml', `${CONFIGMAP}data:\n\ta: b\n`)],
    problem: /^tab\.yaml:6:1: document 1: yaml: .*tab/,
  },
  {
    name: 'a bad document separator',
    args: () => ['-f', file('separator.yaml', `${CONFIGMAP}--- oops\n${CONFIGMAP}`)],
    problem: 'separator.yaml:5:5: document 2: invalid Yaml document separator: oops',
    summary: '2 documents, 1 valid, 1 invalid',
  },
  {
    name: 'binary bytes',
    args: () => ['-f', file('binary.yaml', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
    problem: 'binary.yaml:1:1: document 1: yaml: control characters are not allowed (found U+0000)',
  },
  {
    name: 'a PNG header after a valid document',
    args: () => ['-f', file('png.yaml', Buffer.concat([Buffer.from(`${CONFIGMAP}---\n`), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])]))],
    problem: 'png.yaml:7:1: document 2: yaml: control characters are not allowed (found U+001A)',
    summary: '2 documents, 1 valid, 1 invalid',
  },
  {
    name: 'a JSON stream with garbage',
    args: () => ['-f', file('garbage.json', '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}} Cx')],
    problem: /^garbage\.json:1:\d+: document 2: json: invalid character 'C' looking for beginning of value$/,
    summary: '2 documents, 1 valid, 1 invalid',
  },
  {
    name: 'flow nesting deeper than 1000 levels',
    args: () => ['-f', file('deep-flow.yaml', `${CONFIGMAP}data:\n  x: ${'['.repeat(2000)}${']'.repeat(2000)}\n`)],
    problem: /^deep-flow\.yaml:6:\d+: document 1: yaml: exceeded max depth of 1000$/,
  },
  {
    name: 'block nesting deeper than 1000 levels',
    args: () => ['-f', file('deep-block.yaml', `${CONFIGMAP}spec:\n${Array.from({length: 1100}, (_, i) => `${' '.repeat(i + 1)}k:\n`).join('')}`)],
    problem: /^deep-block\.yaml:\d+:\d+: document 1: yaml: exceeded max depth of 1000$/,
  },
  {
    name: 'JSON nested 100000 levels',
    args: () => ['-f', file('deep.json', `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"d"},"data":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)],
    problem: /^deep\.json:1:\d+: document 1: json: exceeded max depth of 1000$/,
  },
  {
    name: 'nesting just under the limit in a wrong place',
    args: () => ['-f', file('deep-ok.yaml', `${CONFIGMAP}data:\n  x: ${'{a: '.repeat(990)}1${'}'.repeat(990)}\n`)],
    problem: 'deep-ok.yaml:6:6: data.x: must be string, got object',
    schema: true,
  },
  {
    name: 'an alias bomb (billion laughs)',
    args: () => ['-f', file('bomb.yaml', billionLaughs())],
    problem: /^bomb\.yaml:\d+:\d+: document 1: yaml: document contains excessive aliasing$/,
  },
  {
    name: 'an alias to an unknown anchor',
    args: () => ['-f', file('anchor.yaml', `${CONFIGMAP}data: *nowhere\n`)],
    problem: /^anchor\.yaml:5:7: document 1: yaml: unknown anchor 'nowhere' referenced$/,
  },
  {
    name: 'a duplicate key',
    args: () => ['-f', file('dup.yaml', `${CONFIGMAP}data:\n  k: v\n  k: w\n`)],
    problem: 'dup.yaml:7:3: document 1: yaml: mapping key "k" already defined at line 6, column 3',
  },
  {
    name: 'a duplicate key in JSON',
    args: () => ['-f', file('dup.json', '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "name": "b"}}')],
    problem: /^dup\.json:1:\d+: document 1: json: .*"name"/,
  },
  {
    name: 'a document that is a list',
    args: () => ['-f', file('list.yaml', '- a\n- b\n')],
    problem: 'list.yaml:1:1: document 1: error validating data: invalid object to validate: expected a mapping, got a sequence',
  },
  {
    name: 'a document that is a string',
    args: () => ['-f', file('string.yaml', 'just some text\n')],
    problem: 'string.yaml:1:1: document 1: error validating data: invalid object to validate: expected a mapping, got a string',
  },
  {
    name: 'no apiVersion and no kind',
    args: () => ['-f', file('nokind.yaml', 'metadata: {name: x}\n')],
    problem: 'nokind.yaml:1:1: document 1: error validating data: [apiVersion not set, kind not set]',
  },
  {
    name: 'kind of the wrong type',
    args: () => ['-f', file('kindtype.yaml', 'apiVersion: v1\nkind: [ConfigMap]\nmetadata: {name: x}\n')],
    problem: "kindtype.yaml:2:1: document 1: error validating data: kind isn't string type",
  },
  {
    name: 'a List whose item is not an object',
    args: () => ['-f', file('items.yaml', `apiVersion: v1\nkind: List\nitems:\n- 5\n`)],
    problem: 'items.yaml:4:3: document 1: items[0]: error validating data: invalid object to validate: expected a mapping, got a number',
  },
  {
    name: 'a wrong type at the top level',
    args: () => ['-f', file('type-top.yaml', `${CONFIGMAP}data: [1, 2]\n`)],
    problem: 'type-top.yaml:5:7: data: must be object, got array',
    schema: true,
  },
  {
    name: 'a wrong type in metadata',
    args: () => ['-f', file('type-meta.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: {a: {b: c}}\n')],
    problem: 'type-meta.yaml:5:15: metadata.labels.a: must be string, got object',
    schema: true,
  },
  {
    name: 'wrong types deep in a pod spec',
    args: () => ['-f', file('type-deep.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: 5\n    ports:\n    - containerPort: "http"\n')],
    problem: 'type-deep.yaml:7:12: spec.containers[0].image: must be string, got number 5',
    schema: true,
  },
  {
    name: 'a wrong type in a Deployment template',
    args: () => ['-f', file('type-template.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: "three"\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: i}]}\n')],
    problem: /^type-template\.yaml:5:13: spec\.replicas: must be integer, got string "three"$/,
    schema: true,
  },
  {
    name: 'an unknown field',
    args: () => ['-f', file('unknown-field.yaml', `${CONFIGMAP}dta: {a: b}\n`)],
    problem: /^unknown-field\.yaml:5:1: dta: /,
    schema: true,
  },
  {
    name: 'an empty file',
    args: () => ['-f', file('empty.yaml', '')],
    problem: '',
  },
  {
    name: 'a file of comments and separators',
    args: () => ['-f', file('comments.yaml', '# nothing\n---\n# still nothing\n---\n')],
    problem: '',
  },
  {
    name: 'an empty directory',
    args: () => {
      mkdirSync(join(dir, 'empty-dir'), {recursive: true})
      return ['-f', 'empty-dir']
    },
    problem: 'error reading [empty-dir]: recognized file extensions are [.json .yaml .yml]',
    summary: '0 documents, 0 valid, 0 invalid',
  },
  {
    name: 'a directory of good files and one broken one',
    args: () => {
      mkdirSync(join(dir, 'mixed'), {recursive: true})
      file('mixed/a.yaml', CONFIGMAP)
      file('mixed/b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b\n')
      file('mixed/c.yaml', CONFIGMAP.replace('good', 'c'))
      return ['-f', 'mixed']
    },
    problem: /^mixed\/b\.yaml:\d+:\d+: document 1: yaml: /,
    summary: '3 documents, 2 valid, 1 invalid',
  },
  {
    name: 'a path that does not exist',
    args: () => ['-f', 'no-such-file.yaml'],
    problem: 'the path "no-such-file.yaml" does not exist',
    summary: '0 documents, 0 valid, 0 invalid',
  },
  {
    name: 'a dangling symlink',
    args: () => {
      rmSync(join(dir, 'dangling.yaml'), {force: true})
      symlinkSync('/nonexistent/target.yaml', join(dir, 'dangling.yaml'))
      return ['-f', 'dangling.yaml']
    },
    problem: 'the path "dangling.yaml" does not exist',
    summary: '0 documents, 0 valid, 0 invalid',
  },
  {
    name: 'a symlink loop',
    args: () => {
      for (const [from, to] of [['loop-a.yaml', 'loop-b.yaml'], ['loop-b.yaml', 'loop-a.yaml']]) {
        rmSync(join(dir, from), {force: true})
        symlinkSync(to, join(dir, from))
      }
      return ['-f', 'loop-a.yaml']
    },
    problem: 'the path "loop-a.yaml" cannot be accessed: stat loop-a.yaml: too many levels of symbolic links',
    summary: '0 documents, 0 valid, 0 invalid',
  },
  {
    name: 'an unreadable file (a socket)',
    args: () => ['-f', 'socket.yaml'],
    problem: 'open socket.yaml: no such device or address',
    summary: '0 documents, 0 valid, 0 invalid',
  },
  {
    name: 'a URL that answers 404',
    args: () => ['-f', `${urlBase}/missing.yaml`],
    problem: () => `unable to read URL "${urlBase}/missing.yaml", server reported 404 Not Found, status code=404`,
    summary: '0 documents, 0 valid, 0 invalid',
  },
  {
    name: 'a URL that serves broken YAML',
    args: () => ['-f', `${urlBase}/broken.yaml`],
    problem: /^http:\/\/127\.0\.0\.1:\d+\/broken\.yaml:\d+:\d+: document 1: yaml: /,
  },
  {
    name: 'an invalid URL',
    args: () => ['-f', 'http://[::1'],
    problem: 'the URL passed to filename "http://[::1" is not valid: parse "http://[::1": missing \']\' in host',
    summary: '0 documents, 0 valid, 0 invalid',
  },
]

function matchLine(line: string, problem: ManifestCase['problem']): void {
  if (typeof problem === 'function') expect(line).toBe(problem())
  else if (typeof problem === 'string') expect(line).toBe(problem)
  else expect(line).toMatch(problem)
}

describe('manifests', () => {
  const tally = new Tally('bad input: manifests')
  afterAll(() => closeTally(tally))

  describe.each(manifestCases)('$name', (c) => {
    it('validate -f: the problem, then the summary', async () => {
      const args = c.args()
      if (c.problem === '') {
        // Nothing to validate is no failure for validate: it counts what it read and exits 0.
        expect((await ktl(tally, ['validate', ...args], {code: 0})).stderr).toBe('0 documents, 0 valid, 0 invalid\n')
        return
      }
      const run = await ktl(tally, ['validate', ...args])
      const lines = run.stderr.trimEnd().split('\n')
      matchLine(lines[0], c.problem)
      expect(lines.at(-1)).toBe(c.summary ?? '1 document, 0 valid, 1 invalid')
    })

    it.each(['create', 'apply'])('%s -f: one line, nothing sent', async (verb) => {
      const run = await ktl(tally, [verb, ...c.args()])
      const lines = run.stderr.trimEnd().split('\n')
      if (c.problem === '') {
        expect(run.stderr).toBe(`error: no objects passed to ${verb}\n`)
        return
      }
      if (c.schema) {
        expect(lines.at(-1)).toBe(`error: 1 document failed validation; if you choose to ignore these errors, turn validation off with --validate=false`)
        matchLine(lines[0], c.problem)
        return
      }
      expect(lines).toHaveLength(1)
      matchLine(lines[0].replace(/^error: /, ''), c.problem)
      expect(lines[0]).toMatch(/^error: /)
    })
  })
})

// 100 MB of manifests, written at test time: ~900,000 small ConfigMaps with a broken last document.
// Reading must neither hang nor outgrow a 2 GB heap (a small CI machine's default); the broken
// document is named by its line, and nothing is sent.
describe('a 100 MB manifest', () => {
  const tally = new Tally('bad input: huge files')
  const HEAP = {NODE_OPTIONS: '--max-old-space-size=2048'}
  let documents = 0
  let lastLine = 0
  afterAll(() => closeTally(tally))

  beforeAll(() => {
    const fd = openSync(join(dir, 'huge.yaml'), 'w')
    const chunk: string[] = []
    let bytes = 0
    for (; bytes < 100 * 1024 * 1024; documents++) {
      const doc = `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${documents}\ndata:\n  key: ${'x'.repeat(40)}\n`
      chunk.push(doc)
      bytes += doc.length
      if (chunk.length === 10_000) writeSync(fd, chunk.splice(0).join(''))
    }
    writeSync(fd, `${chunk.join('')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: last\n  labels: [\n`)
    closeSync(fd)
    lastLine = documents * 7 + 7
    const big = openSync(join(dir, 'huge-scalar.yaml'), 'w')
    writeSync(big, `${CONFIGMAP}data:\n  big: `)
    const mb = 'y'.repeat(1024 * 1024)
    for (let i = 0; i < 100; i++) writeSync(big, mb)
    writeSync(big, '\n')
    closeSync(big)
  })

  it('validate: every document counted, the broken one named', async () => {
    const run = await ktl(tally, ['validate', '-f', 'huge.yaml'], {env: HEAP, deadlineMs: 90_000})
    expect(run.stderr).toBe(`huge.yaml:${lastLine}:1: document ${documents + 1}: yaml: deficient indentation\n${documents + 1} documents, ${documents} valid, 1 invalid\n`)
  })

  it.each(['create', 'apply'])('%s: the broken document named, nothing sent', async (verb) => {
    const run = await ktl(tally, [verb, '-f', 'huge.yaml'], {env: HEAP, deadlineMs: 90_000})
    expect(run.stderr).toBe(`error: huge.yaml:${lastLine}:1: document ${documents + 1}: yaml: deficient indentation\n`)
  })

  it('validate: one 100 MB string is fine', async () => {
    const run = await ktl(tally, ['validate', '-f', 'huge-scalar.yaml'], {env: HEAP, deadlineMs: 60_000, code: 0})
    expect(run.stderr).toBe('1 document, 1 valid, 0 invalid\n')
  })
})

// Flag and argument mistakes: kubectl 1.32's text and exit code (its "kubectl" usage hints say "ktl"),
// learnt by running kubectl against the same kind of server. Each runs with discovery served, so a
// case that wrongly got as far as a request would fail on the write check or print a server error.
const flagCases: Array<[string, string[], string]> = [
  ['an unknown flag', ['get', 'pods', '--bogus'], "error: unknown flag: --bogus\nSee 'ktl get --help' for usage.\n"],
  ['an unknown flag on delete', ['delete', 'pods', 'a', '--frobnicate'], "error: unknown flag: --frobnicate\nSee 'ktl delete --help' for usage.\n"],
  ['an unknown flag with a value', ['get', 'pods', '--bogus=x'], "error: unknown flag: --bogus\nSee 'ktl get --help' for usage.\n"],
  ['an unknown shorthand flag', ['get', 'pods', '-Z'], "error: unknown shorthand flag: 'Z' in -Z\nSee 'ktl get --help' for usage.\n"],
  ['-A with a name', ['get', 'pods', 'web', '-A'], 'error: a resource cannot be retrieved by name across all namespaces\n'],
  ['-A before the type, with a name', ['get', '-A', 'pods', 'web'], 'error: a resource cannot be retrieved by name across all namespaces\n'],
  ['delete --all-namespaces with a name', ['delete', 'pods', 'web', '--all-namespaces'], 'error: a resource cannot be retrieved by name across all namespaces\n'],
  ['--all with names', ['delete', 'pods', 'a', '--all'], 'error: name cannot be provided when a selector is specified\n'],
  ['--all with a selector', ['delete', 'pods', '--all', '-l', 'a=b'], "error: setting 'all' parameter but found a non empty selector. \n"],
  ['-l with a name', ['get', 'pods', 'web', '-l', 'a=b'], 'error: name cannot be provided when a selector is specified\n'],
  ['--now with --grace-period', ['delete', 'pods', 'a', '--now', '--grace-period=5'], 'error: --now and --grace-period cannot be specified together\n'],
  ['--force with --grace-period', ['delete', 'pods', 'a', '--force', '--grace-period=5'], 'error: --force and --grace-period greater than 0 cannot be specified together\n'],
  ['a bad --grace-period', ['delete', 'pods', 'a', '--grace-period=abc'], 'error: invalid argument "abc" for "--grace-period" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'ktl delete --help\' for usage.\n'],
  ['an empty --grace-period', ['delete', 'pods', 'a', '--grace-period='], 'error: invalid argument "" for "--grace-period" flag: strconv.ParseInt: parsing "": invalid syntax\nSee \'ktl delete --help\' for usage.\n'],
  ['a bad --chunk-size', ['get', 'pods', '--chunk-size=x'], 'error: invalid argument "x" for "--chunk-size" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'ktl get --help\' for usage.\n'],
  ['a --chunk-size given as a separate word', ['get', 'pods', '--chunk-size', '1.5'], 'error: invalid argument "1.5" for "--chunk-size" flag: strconv.ParseInt: parsing "1.5": invalid syntax\nSee \'ktl get --help\' for usage.\n'],
  ['a --chunk-size out of the int64 range', ['get', 'pods', '--chunk-size=99999999999999999999'], 'error: invalid argument "99999999999999999999" for "--chunk-size" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range\nSee \'ktl get --help\' for usage.\n'],
  ['a bad --chunk-size for describe', ['describe', 'pods', '--chunk-size=0x'], 'error: invalid argument "0x" for "--chunk-size" flag: strconv.ParseInt: parsing "0x": invalid syntax\nSee \'ktl describe --help\' for usage.\n'],
  ['a bad -v', ['get', 'pods', '-v=x'], 'error: invalid argument "x" for "-v, --v" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'ktl get --help\' for usage.\n'],
  ['-v with a base prefix (klog reads base 10)', ['get', 'pods', '-v', '0x1'], 'error: invalid argument "0x1" for "-v, --v" flag: strconv.ParseInt: parsing "0x1": invalid syntax\nSee \'ktl get --help\' for usage.\n'],
  ['a bad -v before the verb', ['-v=abc', 'get', 'pods'], 'error: invalid argument "abc" for "-v, --v" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'ktl get --help\' for usage.\n'],
  ['a -v out of the int32 range', ['get', 'pods', '--v=99999999999'], 'error: invalid argument "99999999999" for "-v, --v" flag: strconv.ParseInt: parsing "99999999999": value out of range\nSee \'ktl get --help\' for usage.\n'],
  ['a bad --concurrency', ['apply', '-f', 'good.yaml', '--concurrency=many'], 'error: invalid argument "many" for "--concurrency" flag: strconv.ParseInt: parsing "many": invalid syntax\nSee \'ktl apply --help\' for usage.\n'],
  ['a bad --timeout', ['delete', 'pods', 'a', '--timeout=abc'], 'error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"\nSee \'ktl delete --help\' for usage.\n'],
  ['a bad --cascade', ['delete', 'pods', 'a', '--cascade=bogus'], 'error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n'],
  ['a bad --request-timeout', ['get', 'pods', '--request-timeout=abc'], 'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n'],
  ['an empty name', ['get', 'pods', ''], 'error: resource name may not be empty\n'],
  ['an empty name among others', ['get', 'pods', 'a', ''], 'error: resource name may not be empty\n'],
  ['an empty name to delete', ['delete', 'pods', ''], 'error: resource name may not be empty\n'],
  ['--output-watch-events without a watch', ['get', 'pods', '--output-watch-events'], 'error: --output-watch-events option can only be used with --watch or --watch-only\n'],
  ['a boolean given a non-boolean', ['get', 'pods', '--watch-only=abc'], 'error: invalid argument "abc" for "--watch-only" flag: strconv.ParseBool: parsing "abc": invalid syntax\nSee \'ktl get --help\' for usage.\n'],
  ['-A given a non-boolean', ['get', 'pods', '--all-namespaces=maybe'], 'error: invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'ktl get --help\' for usage.\n'],
  ['--wait given a non-boolean', ['delete', 'pods', 'a', '--wait=maybe'], 'error: invalid argument "maybe" for "--wait" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'ktl delete --help\' for usage.\n'],
  ['an unknown shorthand flag with more letters', ['get', 'pods', '-Zx'], "error: unknown shorthand flag: 'Z' in -Zx\nSee 'ktl get --help' for usage.\n"],
  ['an empty name to describe', ['describe', 'pods', ''], 'error: resource name may not be empty\n'],
  ['an empty type', ['get', ''], 'error: the server doesn\'t have a resource type ""\n'],
  ['an empty type in a list', ['get', 'pods,,svc'], 'error: the server doesn\'t have a resource type ""\n'],
  ['an unknown type', ['get', 'nosuchtype'], 'error: the server doesn\'t have a resource type "nosuchtype"\n'],
  ['TYPE/ without a name', ['get', 'pods/'], 'error: arguments in resource/name form must have a single resource and name\n'],
  ['no type', ['delete'], "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
  ['a type without a name', ['delete', 'pods'], 'error: resource(s) were provided, but no name was specified\n'],
  ['-f with no value', ['apply'], 'error: must specify one of -f and -k\n'],
  ['create without -f', ['create'], 'error: must specify one of -f and -k\n'],
  ['a bad -l with -f (create)', ['create', '-f', 'good.yaml', '-l', 'a=(b'], 'error: the provided selector "a=(b" is not valid: unable to parse requirement: found \'(\', expected: identifier\n'],
  ['a bad -l with -f (get)', ['get', '-f', 'good.yaml', '-l', 'a=b=c'], 'error: the provided selector "a=b=c" is not valid: found \'=\', expected: \',\' or \'end of string\'\n'],
  ['a bad -l with -f (delete)', ['delete', '-f', 'good.yaml', '-l', 'a=b,,'], 'error: the provided selector "a=b,," is not valid: found \',\', expected: identifier after \',\'\n'],
  ['a bad -l with -f (!!)', ['create', '-f', 'good.yaml', '-l', '!!'], 'error: the provided selector "!!" is not valid: unable to parse requirement: found \'!\', expected: identifier\n'],
  ['a bad -l set with -f', ['create', '-f', 'good.yaml', '-l', 'a in (x'], 'error: the provided selector "a in (x" is not valid: unable to parse requirement: found \'\', expected: \',\' or \')\'\n'],
  ['a bad -l with -f (apply)', ['apply', '-f', 'good.yaml', '-l', 'a=(b'], 'error: the provided selector "a=(b" is not valid: unable to parse requirement: found \'(\', expected: identifier\n'],
  ['a bad -l with -f (apply --prune)', ['apply', '-f', 'good.yaml', '--prune', '-l', 'a notin x'], 'error: the provided selector "a notin x" is not valid: unable to parse requirement: found \'x\' expected: \'(\'\n'],
  ['an -l that matches nothing (apply)', ['apply', '-f', 'good.yaml', '-l', 'app=nothing'], 'error: no objects passed to apply\n'],
  ['a boolean name, unvalidated (create)', ['create', '-f', 'bool-name.yaml', '--validate=false'], 'error: unable to decode "bool-name.yaml": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string\n'],
  ['a boolean name, unvalidated (apply)', ['apply', '-f', 'bool-name.yaml', '--validate=false'], 'error: unable to decode "bool-name.yaml": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string\n'],
  ['a boolean name (delete)', ['delete', '-f', 'bool-name.yaml'], 'error: unable to decode "bool-name.yaml": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string\n'],
  ['a boolean name (get, which prints no "error: " as kubectl get)', ['get', '-f', 'bool-name.yaml'], 'unable to decode "bool-name.yaml": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string\n'],
  ['a number for a namespace (delete)', ['delete', '-f', 'number-namespace.yaml'], 'error: unable to decode "number-namespace.yaml": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.namespace of type string\n'],
  ['an unknown kind (apply)', ['apply', '-f', 'unknown-kind.yaml', '--validate=false'], 'error: resource mapping not found for name: "q" namespace: "" from "unknown-kind.yaml": no matches for kind "Nope" in version "example.com/v1"\nensure CRDs are installed first\n'],
  ['an unterminated JSONPath', ['get', 'pods', '-o', 'jsonpath={.items['], 'error: error parsing jsonpath {.items[, unterminated array\n'],
  ['an unclosed JSONPath action', ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name'], 'error: error parsing jsonpath {.items[*].metadata.name, unclosed action\n'],
  ['an empty JSONPath', ['get', 'pods', '-o', 'jsonpath='], 'error: template format specified but no template given\n'],
  ['an unknown -o', ['get', 'pods', '-o', 'yamll'], 'error: unable to match a printer suitable for the output format "yamll", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n'],
  ['empty custom columns', ['get', 'pods', '-o', 'custom-columns='], 'error: custom-columns format specified but no custom columns given\n'],
  ['a custom column without a path', ['get', 'pods', '-o', 'custom-columns=NAME'], 'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n'],
  ['an unknown -o for api-resources', ['api-resources', '-o', 'foo'], 'error: --output foo is not available\n'],
  ['an unknown --sort-by for api-resources', ['api-resources', '--sort-by=foo'], 'error: --sort-by accepts only name or kind\n'],
  ['an unknown -o for version', ['version', '-o', 'foo'], "error: --output must be 'yaml' or 'json'\n"],
  ['an unknown -o for validate', ['validate', '-f', 'good.yaml', '-o', 'foo'], 'error: unknown output format "foo": use text or json\n'],
  ['a bad --validate', ['create', '-f', 'good.yaml', '--validate=bogus'], 'error: invalid - validate option "bogus"; must be one of: strict (or true), warn, ignore (or false)\n'],
  ['a bad --dry-run', ['create', '-f', 'good.yaml', '--dry-run=bogus'], 'error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n'],
  ['use-context without a name', ['config', 'use-context', 'nope'], 'error: no context exists with the name: "nope"\n'],
  ['get-contexts of an unknown one', ['config', 'get-contexts', 'nope'], 'error: context nope not found\n'],
  ['a bad --replicas', ['create', 'deployment', 'x', '--image=nginx', '--replicas=abc'], 'error: invalid argument "abc" for "-r, --replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'ktl create deployment --help\' for usage.\n'],
  ['a bad -r', ['create', 'deployment', 'x', '--image=nginx', '-r', 'x'], 'error: invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'ktl create deployment --help\' for usage.\n'],
  ['a generator without a required flag', ['create', 'deployment', 'x'], 'error: required flag(s) "image" not set\n'],
  ['a literal without a value', ['create', 'configmap', 'x', '--from-literal=novalue'], 'error: invalid literal source novalue, expected key=value\n'],
  ['a bad service port', ['create', 'service', 'clusterip', 'x', '--tcp=abc'], 'error: strconv.ParseUint: parsing "abc": invalid syntax\n'],
  ['a bad quantity', ['create', 'quota', 'x', '--hard=cpu=abc', '--dry-run=client'], "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"],
  ['a bad ingress rule', ['create', 'ingress', 'x', '--rule=bad', '--dry-run=client'], 'error: rule bad is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n'],
  ['conflicting pdb flags', ['create', 'pdb', 'x', '--selector=app=x', '--min-available=1', '--max-unavailable=1', '--dry-run=client'], 'error: min-available and max-unavailable cannot be both specified\n'],
  ['missing TLS files', ['create', 'secret', 'tls', 'x', '--cert=/nonexistent', '--key=/nonexistent'], 'error: Cannot read file /nonexistent, open /nonexistent: no such file or directory\n'],
  ['namespace without a name', ['create', 'namespace'], "error: exactly one NAME is required, got 0\nSee 'ktl create namespace -h' for help and examples\n"],
]

describe('flags and arguments', () => {
  const tally = new Tally('bad input: flags and arguments')
  afterAll(() => closeTally(tally))
  beforeAll(() => {
    file('good.yaml', CONFIGMAP)
    // YAML 1.1 reads y as true, and kubectl refuses to send a ConfigMap named "true".
    file('bool-name.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n')
    file('number-namespace.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: 5\n')
    file('unknown-kind.yaml', 'apiVersion: example.com/v1\nkind: Nope\nmetadata:\n  name: q\n')
  })

  it.each(flagCases)('%s', async (_name, args, stderr) => {
    const run = await ktl(tally, args)
    expect(run.stderr).toBe(stderr)
  })
})

// Broken kubeconfigs: one clear line each (kubectl's where it has one). The https server is never
// reached: every problem is found before a connection is made.
const kubeconfigCases: Array<[string, string | (() => string), string | RegExp]> = [
  ['malformed YAML', 'apiVersion: v1\nkind: Config\nclusters: [\n', /^error: error loading config file "(.*)": yaml: line \d+: .+\n$/],
  ['binary bytes', '\u0000\u0001\u00ff', /^error: error loading config file ".*": yaml: .+\n$/],
  ['a wrong type', 'apiVersion: v1\nkind: Config\nclusters: "oops"\n', /^error: error loading config file ".*": json: cannot unmarshal string into Go struct field Config.clusters of type \[\]v1.NamedCluster\n$/],
  ['another kind', 'apiVersion: v1\nkind: Pod\n', /^error: error loading config file ".*": no kind "Pod" is registered for version "v1" in scheme "k8s.io\/client-go\/tools\/clientcmd\/api\/latest\/latest.go:50"\n$/],
  ['an alias bomb', () => billionLaughs().replace(CONFIGMAP, 'apiVersion: v1\nkind: Config\n').replace('data:', 'preferences:\n  extensions:\n  - name: x\n    extension:'), /^error: error loading config file ".*": yaml: document contains excessive aliasing\n$/],
  ['a missing certificate-authority file', kubeconfigFor('https://127.0.0.1:1', '{token: t}', ', certificate-authority: /nonexistent/ca.crt'), 'error: unable to read certificate-authority /nonexistent/ca.crt for c due to open /nonexistent/ca.crt: no such file or directory\n'],
  ['certificate-authority-data that is not PEM', kubeconfigFor('https://127.0.0.1:1', '{token: t}', ', certificate-authority-data: bm90IGEgY2VydA=='), 'error: unable to load root certificates: unable to parse bytes as PEM block\n'],
  ['missing client certificate files', kubeconfigFor('https://127.0.0.1:1', '{client-certificate: /nonexistent/c.crt, client-key: /nonexistent/c.key}'), 'Error in configuration: \n* unable to read client-cert /nonexistent/c.crt for u due to open /nonexistent/c.crt: no such file or directory\n* unable to read client-key /nonexistent/c.key for u due to open /nonexistent/c.key: no such file or directory\n'],
  ['a missing token file', kubeconfigFor('https://127.0.0.1:1', '{tokenFile: /nonexistent/token}'), 'error: open /nonexistent/token: no such file or directory\n'],
  ['an unknown current-context', kubeconfigFor('https://127.0.0.1:1').replace('current-context: c', 'current-context: nope'), 'Error in configuration: context was not found for specified context: nope\n'],
  ['a context naming no cluster', kubeconfigFor('https://127.0.0.1:1').replace('{cluster: c,', '{cluster: nocluster,'), 'error: cluster "nocluster" was not found for context "c"\n'],
  ['a server that is no URL', kubeconfigFor('::not a url'), 'error: host must be a URL or a host:port pair: "::not a url"\n'],
  ['an unsupported server scheme', kubeconfigFor('ftp://127.0.0.1:1'), 'Unable to connect to the server: unsupported protocol scheme "ftp"\n'],
  ['the removed gcp auth-provider', kubeconfigFor('https://127.0.0.1:1', '{auth-provider: {name: gcp}}'), 'error: The gcp auth plugin has been removed.\nPlease use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.\nSee https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details\n'],
  ['the removed azure auth-provider', kubeconfigFor('https://127.0.0.1:1', '{auth-provider: {name: azure}}'), /^error: The azure auth plugin has been removed\.\nPlease use the https:\/\/github.com\/Azure\/kubelogin kubectl\/client-go credential plugin instead\.\nSee .* for further details\n$/],
  ['the oidc auth-provider', kubeconfigFor('https://127.0.0.1:1', '{auth-provider: {name: oidc, config: {}}}'), /^error: the oidc auth provider of user "u" is not supported by ktl; configure an exec credential plugin instead \(.*\)\n$/],
  ['an unknown auth-provider', kubeconfigFor('https://127.0.0.1:1', '{auth-provider: {name: bogus}}'), 'error: no Auth Provider found for name "bogus"\n'],
  ['an exec plugin without interactiveMode', kubeconfigFor('https://127.0.0.1:1', '{exec: {apiVersion: client.authentication.k8s.io/v1, command: foo}}'), 'error: interactiveMode must be specified for u to use exec authentication plugin\n'],
  ['an exec plugin of an unknown apiVersion', kubeconfigFor('https://127.0.0.1:1', '{exec: {apiVersion: client.authentication.k8s.io/v9, command: foo, interactiveMode: Never}}'), 'error: exec plugin: invalid apiVersion "client.authentication.k8s.io/v9"\n'],
]

describe('kubeconfig', () => {
  const tally = new Tally('bad input: kubeconfig')
  afterAll(() => closeTally(tally))

  it.each(kubeconfigCases)('%s', async (name, content, stderr) => {
    const path = join(dir, `kubeconfig-${name.replaceAll(/\W+/g, '-')}`)
    writeFileSync(path, typeof content === 'function' ? content() : content)
    const run = await ktl(tally, ['get', 'pods'], {kubeconfig: path})
    if (typeof stderr === 'string') expect(run.stderr).toBe(stderr)
    else expect(run.stderr).toMatch(stderr)
  })

  it.each<[string, string[], string | RegExp]>([
    ['an unknown --context', ['get', 'pods', '--context', 'nope', '--kubeconfig', '.kubeconfig'], 'error: context "nope" does not exist\n'],
    ['a --kubeconfig that does not exist', ['get', 'pods', '--kubeconfig', '/nonexistent/config'], 'error: stat /nonexistent/config: no such file or directory\n'],
    ['a --kubeconfig that is a directory', ['get', 'pods', '--kubeconfig', '/tmp'], 'error: error loading config file "/tmp": read /tmp: is a directory\n'],
    ['a KUBECONFIG of missing files only', ['get', 'pods'], /^error: no kubeconfig found \(none of the files in KUBECONFIG exist \(\/nonexistent\/a, \/nonexistent\/b\)\) .*; pass --kubeconfig or --server\n$/],
  ])('%s', async (_name, args, stderr) => {
    const run = await ktl(tally, args, {kubeconfig: null, env: {KUBECONFIG: '/nonexistent/a:/nonexistent/b'}})
    if (typeof stderr !== 'string') {
      expect(run.stderr).toMatch(stderr)
      return
    }
    expect(run.stderr).toBe(stderr)
  })
})
