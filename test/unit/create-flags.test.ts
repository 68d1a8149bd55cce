// How `ktl create` reads its flags: --dry-run's spellings, -o, pflag's integer and string-slice
// parsing, and the last-applied annotation --save-config writes (kubectl 1.32's texts).
import {describe, expect, test} from 'vitest'
import {nameFromArgs} from '../../src/lib/create/command.js'
import {createObjectOptions} from '../../src/lib/create/flags.js'
import {parseIntFlag} from '../../src/lib/int-flag.js'
import {withLastApplied} from '../../src/lib/create/last-applied.js'
import {splitStringSlice} from '../../src/lib/create/string-slice.js'

const flags = {'dry-run': 'none', 'save-config': false, 'field-manager': 'kubectl-create', 'show-managed-fields': false}

describe('createObjectOptions', () => {
  test('defaults', () => {
    expect(createObjectOptions(flags)).toEqual({
      dryRun: 'none',
      output: undefined,
      saveConfig: false,
      fieldManager: 'kubectl-create',
      showManagedFields: false,
      allowMissingTemplateKeys: undefined,
      warnings: undefined,
    })
  })

  test('--dry-run values, the deprecated ones with their warning', () => {
    const dryRun = (value: string) => {
      const {dryRun, warnings} = createObjectOptions({...flags, 'dry-run': value})
      return [dryRun, warnings]
    }
    expect(dryRun('client')).toEqual(['client', undefined])
    expect(dryRun('server')).toEqual(['server', undefined])
    expect(dryRun('unchanged')).toEqual(['client', ['--dry-run is deprecated and can be replaced with --dry-run=client.']])
    expect(dryRun('true')).toEqual(['client', ['--dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.']])
    expect(dryRun('F')).toEqual(['none', ['--dry-run=F is deprecated (boolean value) and can be replaced with --dry-run=none.']])
    expect(() => dryRun('foo')).toThrow('error: Invalid dry-run value (foo). Must be "none", "server", or "client".')
  })

  test('-o takes what create prints, nothing else', () => {
    for (const output of ['json', 'yaml', 'name', 'jsonpath={.metadata.name}', 'jsonpath-as-json={.kind}', 'go-template={{.kind}}', 'templatefile=t.tmpl']) {
      expect(createObjectOptions({...flags, output}).output).toBe(output)
    }
    expect(() => createObjectOptions({...flags, output: 'wide'})).toThrow(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: ' +
        'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    )
    expect(() => createObjectOptions({...flags, output: 'json=x'})).toThrow('error: unable to match a printer suitable for the output format "json=x"')
    // with --template the template formats take no value after `=`
    expect(createObjectOptions({...flags, output: 'go-template', template: '{{.kind}}'}).output).toBe('go-template')
    expect(() => createObjectOptions({...flags, output: 'go-template={{.kind}}', template: '{{.kind}}'})).toThrow(
      'error: unable to match a printer suitable for the output format "go-template={{.kind}}"',
    )
    expect(() => createObjectOptions({...flags, output: 'custom-columns=N:.metadata.name'})).toThrow(
      'error: unable to match a printer suitable for the output format "custom-columns=N:.metadata.name"',
    )
  })
})

describe('arguments', () => {
  test('exactly one NAME', () => {
    expect(nameFromArgs(['x'], 'create namespace')).toBe('x')
    expect(() => nameFromArgs([], 'create namespace')).toThrow("error: exactly one NAME is required, got 0\nSee 'ktl create namespace -h' for help and examples")
    expect(() => nameFromArgs(['a', 'b'], 'create deployment')).toThrow("error: exactly one NAME is required, got 2\nSee 'ktl create deployment -h' for help and examples")
  })

  test('integer flags: strconv.ParseInt(s, 0, 32)', () => {
    const port = (v: string) => parseIntFlag(v, 32, 'port', 'create deployment')
    expect(['80', '1_000', '0x1F', '0b101', '010', '0_1', '+7', '-1'].map(port)).toEqual([80, 1000, 31, 5, 8, 1, 7, -1])
    for (const bad of ['abc', '08', '0x', '1__0', '_1', '', '1.5']) {
      expect(() => port(bad)).toThrow(
        `error: invalid argument ${JSON.stringify(bad)} for "--port" flag: strconv.ParseInt: parsing ${JSON.stringify(bad)}: invalid syntax\nSee 'ktl create deployment --help' for usage.`,
      )
    }
    expect(() => port('99999999999')).toThrow('strconv.ParseInt: parsing "99999999999": value out of range')
    expect(() => port('2147483648')).toThrow('value out of range')
    expect(port('-2147483648')).toBe(-2147483648)
    expect(parseIntFlag('2147483648', 64, 'node-port', 'create service nodeport')).toBe(2147483648)
  })

  test('klog\'s -v: strconv.ParseInt(s, 10, 32), so no base prefixes or underscores', () => {
    const v = (value: string) => parseIntFlag(value, 32, 'v', 'get', 'v', 10)
    expect(['0', '9', '+1', '-1', '010'].map(v)).toEqual([0, 9, 1, -1, 10])
    for (const bad of ['0x1', '1_0', 'x', '']) {
      expect(() => v(bad)).toThrow(`error: invalid argument ${JSON.stringify(bad)} for "-v, --v" flag: strconv.ParseInt: parsing ${JSON.stringify(bad)}: invalid syntax\nSee 'ktl get --help' for usage.`)
    }
    expect(() => v('99999999999')).toThrow('value out of range')
  })

  test('string-slice flags: each value is one CSV record', () => {
    const images = (...values: string[]) => splitStringSlice(values, 'image', 'create deployment')
    expect(images('a,b', 'c')).toEqual(['a', 'b', 'c'])
    expect(images('')).toEqual([])
    expect(images('a,')).toEqual(['a', ''])
    expect(images('"a,b",c', '"say ""hi"""')).toEqual(['a,b', 'c', 'say "hi"'])
    const error = (value: string, why: string) =>
      `error: invalid argument ${JSON.stringify(value)} for "--image" flag: ${why}\nSee 'ktl create deployment --help' for usage.`
    expect(() => images('a"b')).toThrow(error('a"b', 'parse error on line 1, column 2: bare " in non-quoted-field'))
    expect(() => images('"ab')).toThrow(error('"ab', 'parse error on line 1, column 4: extraneous or missing " in quoted-field'))
    expect(() => images('c,"a"b')).toThrow(error('c,"a"b', 'parse error on line 1, column 5: extraneous or missing " in quoted-field'))
  })
})

describe('--save-config', () => {
  const key = 'kubectl.kubernetes.io/last-applied-configuration'

  test('a generated (typed) object: Go struct order, no empty annotations, a newline at the end', () => {
    const ns = {kind: 'Namespace', apiVersion: 'v1', metadata: {name: 'x', creationTimestamp: null}, spec: {}, status: {}}
    expect(JSON.stringify(withLastApplied(ns as never, {save: true, typed: true}))).toBe(
      JSON.stringify({
        kind: 'Namespace',
        apiVersion: 'v1',
        metadata: {name: 'x', creationTimestamp: null, annotations: {[key]: '{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null},"spec":{},"status":{}}\n'}},
        spec: {},
        status: {},
      }),
    )
  })

  test('a manifest (unstructured) object: sorted keys and kubectl\'s "annotations":{}', () => {
    const cm = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c', namespace: 'ns'}, data: {b: '<1>', a: '2'}}
    const saved = withLastApplied(cm, {save: true, typed: false})
    expect(saved.metadata?.annotations).toEqual({
      [key]: '{"apiVersion":"v1","data":{"a":"2","b":"\\u003c1\\u003e"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"c","namespace":"ns"}}\n',
    })
  })

  test('without --save-config an existing annotation is brought up to date, other objects are left alone', () => {
    const cm = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c', annotations: {[key]: 'old', z: '1'}}}
    expect(withLastApplied(cm, {save: false, typed: false}).metadata?.annotations).toEqual({
      [key]: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{"z":"1"},"name":"c"}}\n',
      z: '1',
    })
    const plain = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'c'}}
    expect(withLastApplied(plain, {save: false, typed: false})).toBe(plain)
  })
})
