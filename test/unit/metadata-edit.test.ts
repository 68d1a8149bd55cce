// Pure logic of label, annotate, scale, patch, diff and edit: argument parsing, kubectl's messages,
// local patching, secret masking and the editor's file.
import {describe, expect, it} from 'vitest'
import {diffCommand, diffFileName, maskSecretData} from '../../src/lib/ops/diff.js'
import {editHeader, editorCommand, hasLines, manualStrip} from '../../src/lib/ops/edit.js'
import {changeMetadata, labelChangeMessage, parseAnnotationChanges, parseLabelChanges, splitResourcesAndPairs} from '../../src/lib/ops/label.js'
import {patchLocally, patchToJSON} from '../../src/lib/ops/patch.js'
import {preconditionFailure} from '../../src/lib/ops/scale.js'
import {applyJSONPatch, decodeJSONPatch} from '../../src/lib/patch/json-patch.js'

describe('label and annotate arguments', () => {
  it('splits resources from pairs at the first KEY=VALUE or KEY-', () => {
    expect(splitResourcesAndPairs(['pods', 'foo', 'a=1', 'b-'], 'label')).toEqual({resources: ['pods', 'foo'], pairs: ['a=1', 'b-']})
    expect(splitResourcesAndPairs(['pods/foo', '=x', '-'], 'label')).toEqual({resources: ['pods/foo', '=x', '-'], pairs: []})
    expect(() => splitResourcesAndPairs(['pods', 'a=1', 'foo'], 'label')).toThrow('error: all resources must be specified before label changes: foo')
  })

  it('parses label changes with kubectl\'s errors', () => {
    expect(parseLabelChanges(['a=1', 'b-', 'c='])).toEqual({set: new Map([['a', '1'], ['c', '']]), remove: ['b']})
    expect(() => parseLabelChanges(['a=1=2'])).toThrow('error: invalid label spec: a=1=2')
    expect(() => parseLabelChanges(['a=-x'])).toThrow(/^error: invalid label value: "a=-x": a valid label must be an empty string/)
    expect(() => parseLabelChanges([`a=${'x'.repeat(64)}`])).toThrow(/: must be no more than 63 characters$/)
    // Go counts bytes: 32 two-byte letters are too long before they are invalid.
    expect(() => parseLabelChanges([`a=${'é'.repeat(32)}`])).toThrow(/: must be no more than 63 characters;a valid label must be/)
    expect(() => parseLabelChanges(['a=1', 'a-'])).toThrow('error: can not both modify and remove a label in the same command')
  })

  it('parses annotation changes: values may hold = and spaces', () => {
    expect(parseAnnotationChanges(['d=my frontend', 'j={"a":"b=c"}', 'x-'])).toEqual({set: new Map([['d', 'my frontend'], ['j', '{"a":"b=c"}']]), remove: ['x']})
  })

  it('refuses to change a value without --overwrite, in each verb\'s words', () => {
    const object = {metadata: {labels: {app: 'web'}, annotations: {note: 'one', 'kubernetes.io/change-cause': 'x'}}}
    expect(() => changeMetadata(object, 'labels', new Map([['app', 'db']]), [], false)).toThrow("'app' already has a value (web), and --overwrite is false")
    expect(() => changeMetadata(object, 'annotations', new Map([['note', 'two']]), [], false)).toThrow(
      "--overwrite is false but found the following declared annotation(s): 'note' already has a value (one)",
    )
    // the same value, and the change-cause annotation, are no clash
    expect(changeMetadata(object, 'labels', new Map([['app', 'web']]), [], false).metadata?.labels).toEqual({app: 'web'})
    expect(changeMetadata(object, 'annotations', new Map([['kubernetes.io/change-cause', 'y']]), [], false).metadata?.annotations).toEqual({note: 'one', 'kubernetes.io/change-cause': 'y'})
    expect(changeMetadata(object, 'labels', new Map([['app', 'db']]), ['nope'], true).metadata?.labels).toEqual({app: 'db'})
  })

  it('says labeled, unlabeled or not labeled as kubectl does', () => {
    const before = {metadata: {labels: {a: '1'}}}
    expect(labelChangeMessage(before, before, false)).toBe('not labeled')
    expect(labelChangeMessage(before, {metadata: {labels: {a: '1', b: '2'}}}, false)).toBe('labeled')
    expect(labelChangeMessage(before, {metadata: {labels: {}}}, false)).toBe('unlabeled')
    expect(labelChangeMessage(before, {metadata: {labels: {}}}, true)).toBe('labeled')
  })
})

describe('scale preconditions', () => {
  it('names what did not match', () => {
    const scale = {metadata: {resourceVersion: '42'}, spec: {replicas: 2}}
    expect(preconditionFailure({size: 3, resourceVersion: ''}, scale)).toBe('Expected replicas to be 3, was 2')
    expect(preconditionFailure({size: -1, resourceVersion: '7'}, scale)).toBe('Expected resource version to be 7, was 42')
    expect(preconditionFailure({size: 2, resourceVersion: '42'}, scale)).toBeUndefined()
  })
})

describe('patch', () => {
  it('sends JSON as it is and converts YAML', async () => {
    expect(await patchToJSON('  {"a": 1', '')).toBe('  {"a": 1')
    expect(await patchToJSON('spec:\n  replicas: 2\n', '')).toBe('{"spec":{"replicas":2}}')
    expect(await patchToJSON('- op: remove\n  path: /a\n', '')).toBe('[{"op":"remove","path":"/a"}]')
  })

  it('applies strategic merge patches locally by merge key', async () => {
    const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p'}, spec: {containers: [{name: 'a', image: 'x'}, {name: 'b', image: 'y'}]}}
    const patched = await patchLocally(pod, 'strategic', '{"spec":{"containers":[{"name":"b","image":"z"}]}}')
    expect(patched.spec).toEqual({containers: [{name: 'a', image: 'x'}, {name: 'b', image: 'z'}]})
  })

  it('refuses a local strategic patch of a kind kubectl has no type for', async () => {
    await expect(patchLocally({apiVersion: 'ex.io/v1', kind: 'Thing'}, 'strategic', '{}')).rejects.toThrow(
      'error: strategic merge patch is not supported for ex.io/v1, Kind=Thing locally, try --type merge',
    )
    await expect(patchLocally({apiVersion: 'v1', kind: 'Thing'}, 'strategic', '{}')).rejects.toThrow('for /v1, Kind=Thing locally')
  })

  it('applies merge and JSON patches locally', async () => {
    expect(await patchLocally({data: {a: '1', b: '2'}}, 'merge', '{"data":{"a":null,"c":"3"}}')).toEqual({data: {b: '2', c: '3'}})
    expect(await patchLocally({data: {a: '1'}}, 'json', '[{"op":"replace","path":"/data/a","value":"2"}]')).toEqual({data: {a: '2'}})
    await expect(patchLocally({data: {a: '1'}}, 'json', '[{"op":"replace","path":"/list/3","value":"2"}]')).rejects.toThrow(
      'error: replace operation does not apply: doc is missing path: "/list/3": missing value',
    )
  })
})

describe('JSON patch (RFC 6902)', () => {
  const doc = {a: {b: [1, 2, 3]}, c: 'x'}

  it('applies add, remove, replace, move, copy and test without changing its input', () => {
    const ops = decodeJSONPatch([
      {op: 'add', path: '/a/b/1', value: 9},
      {op: 'add', path: '/a/b/-', value: 4},
      {op: 'remove', path: '/a/b/0'},
      {op: 'replace', path: '/c', value: 'y'},
      {op: 'copy', from: '/c', path: '/d'},
      {op: 'move', from: '/d', path: '/e~1f'},
      {op: 'test', path: '/a/b', value: [9, 2, 3, 4]},
    ])
    expect(applyJSONPatch(doc, ops)).toEqual({a: {b: [9, 2, 3, 4]}, c: 'y', 'e/f': 'y'})
    expect(doc).toEqual({a: {b: [1, 2, 3]}, c: 'x'})
  })

  it('fails with json-patch\'s texts', () => {
    expect(() => decodeJSONPatch({op: 'add'})).toThrow('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
    expect(() => applyJSONPatch(doc, decodeJSONPatch([{op: 'nope', path: '/c'}]))).toThrow('Unexpected kind: nope')
    expect(() => applyJSONPatch(doc, decodeJSONPatch([{op: 'remove', path: '/zz'}]))).toThrow("error in remove for path: '/zz': Unable to remove nonexistent key: zz: missing value")
    expect(() => applyJSONPatch(doc, decodeJSONPatch([{op: 'test', path: '/c', value: 'q'}]))).toThrow('testing value /c failed: test failed')
    expect(() => applyJSONPatch(doc, decodeJSONPatch([{op: 'add', path: '/no/such/x', value: 1}]))).toThrow('add operation does not apply: doc is missing path: "/no/such/x": missing value')
  })
})

describe('diff', () => {
  it('uses diff -u -N unless KUBECTL_EXTERNAL_DIFF says otherwise, dropping arguments kubectl drops', () => {
    expect(diffCommand({})).toEqual({program: 'diff', args: ['-u', '-N']})
    expect(diffCommand({KUBECTL_EXTERNAL_DIFF: 'colordiff -N -u --bad$ x=1'})).toEqual({program: 'colordiff', args: ['-N', '-u', 'x=1']})
  })

  it('names files as kubectl does', () => {
    expect(diffFileName({group: 'apps', version: 'v1', kind: 'Deployment'}, 'ns', 'web')).toBe('apps.v1.Deployment.ns.web')
    expect(diffFileName({group: '', version: 'v1', kind: 'Namespace'}, '', 'x')).toBe('v1.Namespace..x')
  })

  it('masks Secret data, marking values that change', () => {
    const live = {kind: 'Secret', data: {same: 'YQ==', changed: 'Yg==', gone: 'Yw=='}}
    const merged = {kind: 'Secret', data: {same: 'YQ==', changed: 'ZA==', added: 'ZQ=='}}
    expect(maskSecretData(live, merged)).toEqual({
      live: {kind: 'Secret', data: {same: '***', changed: '*** (before)', gone: '***'}},
      merged: {kind: 'Secret', data: {same: '***', changed: '*** (after)', added: '***'}},
    })
    expect(maskSecretData(undefined, merged).live).toBeUndefined()
  })
})

describe('edit', () => {
  it('writes the header with the reasons of the last failed save', () => {
    expect(editHeader([{head: 'configmaps "a" was not valid', other: ['data: Invalid value', 'two\nlines']}, {head: 'syntax error', other: []}])).toBe(
      "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
        '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
        '# reopened with the relevant failures.\n' +
        '#\n' +
        '# configmaps "a" was not valid:\n# * data: Invalid value\n# * two\n# lines\n#\n' +
        '# syntax error\n#\n',
    )
  })

  it('strips comments and sees an empty file', () => {
    expect(manualStrip('# a\n  # b\n#!keep\nx: 1\n')).toBe('#!keep\nx: 1\n')
    expect(hasLines('# only\n\n  \n')).toBe(false)
    expect(hasLines('# c\nx: 1')).toBe(true)
  })

  it('runs the editor as kubectl\'s editor package does', () => {
    expect(editorCommand({}, '/tmp/f.yaml')).toEqual(['vi', '/tmp/f.yaml'])
    expect(editorCommand({EDITOR: 'nano', KUBE_EDITOR: 'code --wait'}, '/tmp/f.yaml')).toEqual(['code', '--wait', '/tmp/f.yaml'])
    expect(editorCommand({EDITOR: 'emacs -nw "x"', SHELL: '/bin/bash'}, '/tmp/f.yaml')).toEqual(['/bin/bash', '-c', 'emacs -nw "x" "/tmp/f.yaml"'])
  })
})
