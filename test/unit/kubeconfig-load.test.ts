// Which kubeconfig files are read and what they mean: kubectl's precedence and merge rules, YAML 1.1
// reading and the typed decode with kubectl's error texts (recorded from kubectl 1.32).
import {afterEach, describe, expect, it} from 'vitest'
import {decodeGoBase64} from '../../src/lib/kubeconfig/decode.js'
import {defaultKubeconfigFile, kubeconfigPaths, loadKubeconfig} from '../../src/lib/kubeconfig/load.js'
import {lines, tempDir, type TempDir} from '../fixtures/kubeconfig/temp.js'

let tmpDir: TempDir | undefined
afterEach(() => {
  tmpDir?.cleanup()
  tmpDir = undefined
})

function tmp(): TempDir {
  tmpDir ??= tempDir()
  return tmpDir
}

async function load(files: Record<string, string>, opts: {kubeconfig?: string; KUBECONFIG?: string; home?: boolean; allowMissingExplicit?: boolean} = {}) {
  const t = tmp()
  for (const [name, text] of Object.entries(files)) t.write(name, text)
  const env = opts.KUBECONFIG === undefined ? {} : {KUBECONFIG: opts.KUBECONFIG}
  const paths = kubeconfigPaths({kubeconfig: opts.kubeconfig}, env, t.path('home'))
  return loadKubeconfig(paths, {cwd: t.dir, allowMissingExplicit: opts.allowMissingExplicit})
}

async function loadError(text: string): Promise<string> {
  return load({'bad.yaml': text}, {kubeconfig: 'bad.yaml'}).then(
    () => 'no error',
    (err: Error) => err.message,
  )
}

describe('kubeconfig precedence', () => {
  it('reads only --kubeconfig when given', async () => {
    const m = await load({'a.yaml': 'current-context: a\n', 'b.yaml': 'current-context: b\n'}, {kubeconfig: 'a.yaml', KUBECONFIG: 'b.yaml'})
    expect(m.currentContext).toBe('a')
    expect(m.files.map((f) => f.path)).toEqual(['a.yaml'])
  })

  it('fails on a missing --kubeconfig with kubectl\'s stat error', async () => {
    await expect(load({}, {kubeconfig: 'nope.yaml'})).rejects.toThrow('error: stat nope.yaml: no such file or directory')
  })

  it('treats a missing --kubeconfig as empty for config commands', async () => {
    const m = await load({}, {kubeconfig: 'nope.yaml', allowMissingExplicit: true})
    expect(m.files).toEqual([])
    expect(m.missing).toEqual(['nope.yaml'])
  })

  it('reads every KUBECONFIG file, skipping empty entries, duplicates and missing files', async () => {
    const m = await load({'a.yaml': 'contexts: [{name: p, context: {}}]\n', 'b.yaml': 'contexts: [{name: q, context: {}}]\n'}, {KUBECONFIG: ':a.yaml::gone.yaml:a.yaml:b.yaml'})
    expect(m.files.map((f) => f.path)).toEqual(['a.yaml', 'b.yaml'])
    expect(m.missing).toEqual(['gone.yaml'])
    expect([...m.contexts.keys()]).toEqual(['p', 'q'])
  })

  it('falls back to ~/.kube/config', async () => {
    const m = await load({'home/.kube/config': 'current-context: home\n'})
    expect(m.currentContext).toBe('home')
    expect(m.files.map((f) => f.path)).toEqual([tmp().path('home/.kube/config')])
  })

  it('is empty when nothing exists', async () => {
    const m = await load({})
    expect(m.files).toEqual([])
    expect(m.missing).toEqual([tmp().path('home/.kube/config')])
  })
})

describe('kubeconfig merging', () => {
  const first = lines(
    'clusters: [{name: shared, cluster: {server: "https://first", certificate-authority: ca1.crt}}]',
    'contexts: [{name: c, context: {cluster: shared, user: u}}]',
    'users: [{name: u, user: {token: t1}}]',
  )
  const second = lines(
    'current-context: c',
    'preferences: {colors: true}',
    'clusters: [{name: shared, cluster: {server: "https://second", insecure-skip-tls-verify: true}}, {name: only2, cluster: {server: "https://2"}}]',
    'users: [{name: u, user: {token: t2}}, {name: v, user: {username: x}}]',
  )

  it('keeps the first file\'s entry whole and remembers where each entry came from', async () => {
    const m = await load({'1.yaml': first, '2.yaml': second}, {KUBECONFIG: '1.yaml:2.yaml'})
    expect(m.clusters.get('shared')).toEqual({value: {server: 'https://first', 'certificate-authority': 'ca1.crt'}, file: '1.yaml'})
    expect(m.clusters.get('only2')?.file).toBe('2.yaml')
    expect(m.users.get('u')?.value).toEqual({token: 't1'})
    expect(m.users.get('v')?.file).toBe('2.yaml')
  })

  it('takes the first non-empty current-context and any file\'s colors', async () => {
    const m = await load({'1.yaml': first, '2.yaml': second}, {KUBECONFIG: '1.yaml:2.yaml'})
    expect(m.currentContext).toBe('c')
    expect(m.colors).toBe(true)
  })

  it('writes new entries to the first existing KUBECONFIG file, else the last, like kubectl', async () => {
    tmp().write('b.yaml', '')
    const cwd = tmp().dir
    const paths = (KUBECONFIG?: string, kubeconfig?: string) => kubeconfigPaths({kubeconfig}, KUBECONFIG === undefined ? {} : {KUBECONFIG}, '/home/x')
    expect(await defaultKubeconfigFile(paths('a.yaml:b.yaml:c.yaml'), cwd)).toBe('b.yaml')
    expect(await defaultKubeconfigFile(paths('a.yaml:c.yaml'), cwd)).toBe('c.yaml')
    expect(await defaultKubeconfigFile(paths('only.yaml'), cwd)).toBe('only.yaml')
    expect(await defaultKubeconfigFile(paths('a.yaml', 'explicit.yaml'), cwd)).toBe('explicit.yaml')
    expect(await defaultKubeconfigFile(paths(), cwd)).toBe('/home/x/.kube/config')
  })
})

describe('kubeconfig reading', () => {
  it('reads YAML 1.1 like kubectl: yes is true, the last duplicate key wins, the first document counts', async () => {
    const m = await load(
      {'k.yaml': lines('current-context: a', 'current-context: b', 'clusters: [{name: k, cluster: {server: "https://k", insecure-skip-tls-verify: yes}}]', '---', 'current-context: c')},
      {kubeconfig: 'k.yaml'},
    )
    expect(m.currentContext).toBe('b')
    expect(m.clusters.get('k')?.value['insecure-skip-tls-verify']).toBe(true)
  })

  it('follows anchors and merge keys', async () => {
    const m = await load({'k.yaml': lines('clusters:', '- &a {name: a, cluster: {server: "https://a"}}', '- <<: *a', '  name: b')}, {kubeconfig: 'k.yaml'})
    expect(m.clusters.get('b')?.value).toEqual({server: 'https://a'})
  })

  it('treats a file of comments as empty', async () => {
    const m = await load({'k.yaml': '# nothing here\n'}, {kubeconfig: 'k.yaml'})
    expect(m.clusters.size).toBe(0)
  })

  it('defaults interactiveMode for v1beta1 plugins, as clientcmd does', async () => {
    const m = await load({'k.yaml': 'users: [{name: u, user: {exec: {command: x, apiVersion: client.authentication.k8s.io/v1beta1}}}]\n'}, {kubeconfig: 'k.yaml'})
    expect(m.users.get('u')?.value.exec?.interactiveMode).toBe('IfAvailable')
  })

  it.each([
    ['clusters: [{name: a, cluster: {server: 123}}]', 'json: cannot unmarshal number into Go struct field Cluster.clusters.cluster.server of type string'],
    ['clusters: [{name: a, cluster: {insecure-skip-tls-verify: abc}}]', 'json: cannot unmarshal string into Go struct field Cluster.clusters.cluster.insecure-skip-tls-verify of type bool'],
    ['clusters: x', 'json: cannot unmarshal string into Go struct field Config.clusters of type []v1.NamedCluster'],
    ['users: [{name: u, user: {exec: {command: x, args: a}}}]', 'json: cannot unmarshal string into Go struct field ExecConfig.users.user.exec.args of type []string'],
    ['users: [{name: u, user: {exec: {command: x, args: [x, y]}}}]', 'json: cannot unmarshal bool into Go struct field ExecConfig.users.user.exec.args of type string'],
    [
      '- a',
      'couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
    ],
    [
      'clusters: [{name: a, cluster: {server: "https://x"}}, {name: a, cluster: {server: "https://y"}}]',
      'error converting *[]NamedCluster into *map[string]*api.Cluster: duplicate name "a" in list: [{a {https://x  false  []  false []}} {a {https://y  false  []  false []}}]',
    ],
    ['clusters: [{name: a, cluster: {certificate-authority-data: "!!!notbase64"}}]', 'illegal base64 data at input byte 0'],
    ['kind: Pod', 'no kind "Pod" is registered for version "v1" in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"'],
    ['apiVersion: v2', 'no kind "Config" is registered for version "v2" in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"'],
  ])('reports %s with kubectl\'s message', async (text, message) => {
    expect(await loadError(`${text}\n`)).toBe(`error: error loading config file "bad.yaml": ${message}`)
  })

  it('reports YAML syntax errors with their line', async () => {
    expect(await loadError('a:\n\tb: c\n')).toBe('error: error loading config file "bad.yaml": yaml: line 2: tab characters must not be used in indentation')
  })

  it('refuses an alias bomb as yaml.v2 does, without expanding it; a few aliases are fine', async () => {
    const levels = 'abcdefghi'.split('')
    const bomb = levels.map((l, i) => `${l}: &${l} [${Array(9).fill(i === 0 ? '"lol"' : `*${levels[i - 1]}`).join(', ')}]`).join('\n')
    expect(await loadError(`${bomb}\npreferences: {extensions: [{name: x, extension: {v: *i}}]}\n`)).toBe(
      'error: error loading config file "bad.yaml": yaml: document contains excessive aliasing',
    )
    const merged = await load({'ok.yaml': lines('u: &u {token: t}', 'users: [{name: a, user: *u}, {name: b, user: *u}]')}, {kubeconfig: 'ok.yaml'})
    expect([...merged.users.keys()]).toEqual(['a', 'b'])
  })

  it('reports each of several broken files on its own line, as kubectl does', async () => {
    const err = await load(
      {'one.yaml': 'clusters: [{name: a, cluster: {server: 1}}]\n', 'two.yaml': 'current-context: [x]\n'},
      {KUBECONFIG: 'one.yaml:two.yaml'},
    ).then(
      () => 'no error',
      (e: Error) => e.message,
    )
    expect(err).toBe(
      'error loading config file "one.yaml": json: cannot unmarshal number into Go struct field Cluster.clusters.cluster.server of type string\n' +
        'error loading config file "two.yaml": json: cannot unmarshal array into Go struct field Config.current-context of type string',
    )
  })
})

describe('Go base64', () => {
  it.each([
    ['YWJ', 0],
    ['YW=j', 2],
    ['YWJj\nZA', 5],
    ['YWJjZA=', 7],
    ['YWJjZA==x', 8],
    ['Y', 0],
    ['a b', 1],
  ])('rejects %j at byte %i like encoding/base64', (text, offset) => {
    expect(decodeGoBase64(text)).toBe(offset)
  })

  it('skips line breaks and accepts padding', () => {
    expect(decodeGoBase64('YWJj\r\nZA==\n')).toEqual(Buffer.from('abcd'))
  })
})
