// Differential: `ktl label` and `ktl annotate` against kubectl 1.32 on twin namespaces: the same
// output, errors and exit codes, and the same labels and annotations left on the objects.
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ktl, kubectl, kubectlOK} from './helpers.js'
import {mask, twin} from './twin.js'

const t = twin('label-e2e')

const SEED = `
apiVersion: v1
kind: ConfigMap
metadata: {name: a, labels: {app: web, tier: front}, annotations: {note: one}}
data: {x: "1"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b, labels: {app: db}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
---
apiVersion: v1
kind: Secret
metadata: {name: s, labels: {app: web}}
`

beforeAll(async () => {
  await t.setUp(SEED)
}, 300_000)

afterAll(async () => {
  await t.tearDown()
}, 60_000)

async function sameObjects(): Promise<void> {
  const {ours, theirs} = await t.objects('configmaps,secrets')
  expect(ours).toEqual(theirs)
}

describe('label', () => {
  it.each([
    ['adds a label', ['label', 'cm', 'a', 'new=yes']],
    ['sets the same value again: not labeled', ['label', 'cm', 'a', 'app=web']],
    ['refuses to change a value without --overwrite', ['label', 'cm', 'a', 'app=api']],
    ['changes it with --overwrite', ['label', 'cm', 'a', 'app=api', '--overwrite']],
    ['removes a label and reports a missing one', ['label', 'cm', 'a', 'tier-', 'missing-']],
    ['TYPE/NAME pairs', ['label', 'cm/b', 'secret/s', 'pair=1']],
    ['several names, one missing, keeps going', ['label', 'cm', 'b', 'nope', 'c', 'multi=1']],
    ['several refusals print a line each', ['label', 'cm', 'a', 'b', 'multi=2']],
    ['--all', ['label', 'cm', '--all', 'every=1']],
    ['-l', ['label', 'cm', '-l', 'app=db', 'sel=1', '-o', 'name']],
    ['--dry-run=client -o yaml', ['label', 'cm', 'a', 'dry=1', '--dry-run=client', '-o', 'yaml']],
    ['--dry-run=server', ['label', 'cm', 'a', 'dry=1', '--dry-run=server']],
    ['-o json', ['label', 'cm', 'c', 'json=1', '-o', 'json']],
    ['a removal that empties the map', ['label', 'cm', 'c', 'json-', 'every-', 'multi-']],
    ['--resource-version with several objects', ['label', 'cm', 'a', 'b', 'rv=1', '--resource-version=1']],
    ['a stale --resource-version', ['label', 'cm', 'a', 'rv=1', '--resource-version=1']],
    ['a list the server refuses, among others: the rest labeled, the refusal reworded and last', ['label', 'secrets,cm', '--field-selector', 'type=Opaque', 'fs=1']],
    ['--all with a name: only a lone type means all of it', ['label', 'cm', 'b', '--all', 'allname=1']],
  ])('%s', async (_name, args) => {
    await t.same(args)
    await sameObjects()
  })

  it.each([
    ['no changes', ['label', 'cm', 'a']],
    ['a pair before a resource', ['label', 'cm', 'a=1', 'b']],
    ['an invalid value', ['label', 'cm', 'a', 'k=a b']],
    ['two equals signs', ['label', 'cm', 'a', 'k=1=2']],
    ['set and remove the same key', ['label', 'cm', 'a', 'k=1', 'k-']],
    ['no resources', ['label', 'k=1']],
    ['a type without names', ['label', 'cm', 'k=1']],
    ['--all with a selector', ['label', 'cm', '--all', '-l', 'a=b', 'k=1']],
    ['every list refused, each reworded', ['label', 'pods,cm', '--field-selector', 'bad=x', 'k=1']],
    ['a refused list with a label selector', ['label', 'cm', '-l', 'app=web', '--field-selector', 'bad=x', 'k=1']],
    ['--list with -o', ['label', 'cm', 'a', '--list', '-o', 'yaml']],
    ['--local with a name', ['label', 'cm', 'a', 'k=1', '--local']],
    ['--local and --dry-run=server', ['label', '-f', 'x.yaml', 'k=1', '--local', '--dry-run=server']],
  ])('refuses %s as kubectl does', async (_name, args) => {
    const {ours} = await t.same(args)
    expect(ours.code).toBe(1)
  })

  it.each(['label', 'annotate'])('%s --list for one object: the same pairs, sorted by ktl (kubectl prints Go map order)', async (verb) => {
    const {ours, theirs} = await t.run([verb, 'cm', 'b', '--list'])
    expect(ours.code).toBe(0)
    const lines = (s: string) => mask(s, [t.ours, t.theirs]).split('\n').filter(Boolean)
    expect(lines(ours.stdout).length).toBeGreaterThan(0)
    expect(lines(ours.stdout)).toEqual([...lines(theirs.stdout)].sort())
  })

  it('--list for several objects (keys sorted by ktl, in map order by kubectl)', async () => {
    const {ours, theirs} = await t.run(['label', 'cm', 'a', 'b', '--list'])
    expect(ours.code).toBe(0)
    const sortedBlocks = (s: string) => s.split(/(?=^Listing)/m).map((block) => block.split('\n').sort().join('\n'))
    expect(sortedBlocks(ours.stdout)).toEqual(sortedBlocks(theirs.stdout))
    expect(ours.stdout).toMatch(/^Listing labels for ConfigMap\.\/a:\n app=api\n/)
  })

  it('--dry-run alone: client, with kubectl\'s deprecation warning', async () => {
    const {ours, theirs} = await t.run(['label', 'cm', 'a', 'warned=1', '--dry-run'])
    const klog = (s: string) => mask(s, [t.ours, t.theirs]).replace(/^W\d{4} [\d:.]+ +\d+ /gm, 'W <time> <thread> ')
    expect({out: ours.stdout, err: klog(ours.stderr), code: ours.code}).toEqual({out: theirs.stdout, err: klog(theirs.stderr), code: theirs.code})
    expect(ours.stderr).toMatch(/--dry-run is deprecated and can be replaced with --dry-run=client\.\n$/)
  })

  it('-f and --local -f', async () => {
    const file = t.file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, labels: {from: file}}\n')
    await t.same(['label', '-f', file, 'viafile=1'])
    await t.same(['label', '-f', file, 'local=1', '--local', '-o', 'yaml'])
    await sameObjects()
  })

  it('-f: objects not found and documents not mapped come after the rest, as one aggregate', async () => {
    const file = t.file(
      'mixed.yaml',
      [
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: nope}\n',
        'apiVersion: example.com/v1\nkind: Nothing\nmetadata: {name: zz}\n',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n',
      ].join('---\n'),
    )
    const {ours} = await t.same(['label', '-f', file, 'mixed=1'])
    expect(ours.stdout).toBe('configmap/c labeled\n')
    expect(ours.stderr).toMatch(/^Error from server \(NotFound\): configmaps "nope" not found\nresource mapping not found for name: "zz"/)
    await sameObjects()
  })

  it('a matching --resource-version is sent with the patch', async () => {
    const rv = async (ns: string) => kubectlOK(['get', 'cm', 'b', '-n', ns, '-o', 'jsonpath={.metadata.resourceVersion}'])
    // each CLI with its own object's version
    const k = await kubectl(['label', 'cm', 'b', 'pinned=1', `--resource-version=${await rv(t.theirs)}`, '-n', t.theirs])
    const o = await ktl(['label', 'cm', 'b', 'pinned=1', `--resource-version=${await rv(t.ours)}`, '-n', t.ours])
    expect({out: o.stdout, err: o.stderr, code: o.code}).toEqual({out: k.stdout, err: k.stderr, code: 0})
    await sameObjects()
  })
})

describe('annotate', () => {
  it.each([
    ['adds an annotation', ['annotate', 'cm', 'a', 'desc=my frontend']],
    ['the same value again', ['annotate', 'cm', 'a', 'desc=my frontend']],
    ['refuses to change a value without --overwrite', ['annotate', 'cm', 'a', 'note=two', 'other=x']],
    ['--overwrite', ['annotate', 'cm', 'a', 'note=two', '--overwrite']],
    ['removes, missing keys too', ['annotate', 'cm', 'a', 'desc-', 'missing-']],
    ['several objects, one missing', ['annotate', 'cm', 'a', 'nope', 'b', 'multi={"json": true}']],
    ['-l -o name', ['annotate', 'cm', '-l', 'app', 'sel=1', '-o', 'name']],
    ['--all --dry-run=server', ['annotate', 'cm', '--all', 'every=1', '--dry-run=server']],
    ['--dry-run=client -o json', ['annotate', 'secret', 's', 'dry=1', '--dry-run=client', '-o', 'json']],
    ['-o yaml prints what the server answered', ['annotate', 'cm', 'c', 'y=1', '-o', 'yaml']],
    ['a list the server refuses, among others', ['annotate', 'secrets,cm', '--field-selector', 'type=Opaque', 'fs=1']],
  ])('%s', async (_name, args) => {
    await t.same(args)
    await sameObjects()
  })

  it.each([
    ['no changes', ['annotate', 'cm', 'a']],
    ['an argument that is neither', ['annotate', 'cm', 'a', 'x=1', 'y']],
    ['set and remove the same key', ['annotate', 'cm', 'a', 'k=1', 'k-']],
    ['--all with a field selector', ['annotate', 'cm', '--all', '--field-selector', 'metadata.name=a', 'k=1']],
    ['--local without files', ['annotate', 'k=1', '--local']],
  ])('refuses %s as kubectl does', async (_name, args) => {
    const {ours} = await t.same(args)
    expect(ours.code).toBe(1)
  })
})
