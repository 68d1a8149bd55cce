import {describe, expect, it} from 'vitest'
import {PatchConflictError} from '../../src/lib/patch/errors.js'
import {compactJSON} from '../../src/lib/printers/json.js'
import {patchMetaFor, type PatchSchema} from '../../src/lib/patch/patch-meta.js'
import {applyStrategicMergePatch, createThreeWayMergePatch, createTwoWayMergePatch} from '../../src/lib/patch/strategic-merge.js'

function schemaOf(apiVersion: string, kind: string): PatchSchema {
  const meta = patchMetaFor(apiVersion, kind)
  if (!meta) throw new Error(`no metadata for ${apiVersion}/${kind}`)
  return meta.schema()
}
const pod = () => schemaOf('v1', 'Pod')
const deployment = () => schemaOf('apps/v1', 'Deployment')
const configMap = () => schemaOf('v1', 'ConfigMap')

const c = (name: string, extra: Record<string, unknown> = {}) => ({name, image: 'img', ...extra})
const podWith = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {name: 'p'}) => ({apiVersion: 'v1', kind: 'Pod', metadata, spec})

interface TwoWayCase {
  name: string
  schema: () => PatchSchema
  original: Record<string, unknown>
  modified: Record<string, unknown>
  patch: string
}

const twoWay: TwoWayCase[] = [
  {name: 'identical objects', schema: pod, original: podWith({containers: [c('a')]}), modified: podWith({containers: [c('a')]}), patch: '{}'},
  {name: 'an added field', schema: pod, original: podWith({containers: [c('a')]}), modified: podWith({containers: [c('a')], nodeName: 'n1'}), patch: '{"spec":{"nodeName":"n1"}}'},
  {
    name: 'a removed map key becomes null',
    schema: pod,
    original: podWith({containers: [c('a')]}, {name: 'p', labels: {a: '1', b: '2'}}),
    modified: podWith({containers: [c('a')]}, {name: 'p', labels: {a: '1'}}),
    patch: '{"metadata":{"labels":{"b":null}}}',
  },
  {
    name: 'a removed container: $patch delete by merge key, and the new order',
    schema: pod,
    original: podWith({containers: [c('a'), c('b')]}),
    modified: podWith({containers: [c('a')]}),
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$patch":"delete","name":"b"}]}}',
  },
  {
    name: 'a changed container carries its merge key',
    schema: pod,
    original: podWith({containers: [c('a'), c('b')]}),
    modified: podWith({containers: [c('a', {image: 'new'}), c('b')]}),
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"image":"new","name":"a"}]}}',
  },
  {
    name: 'reordered containers: only $setElementOrder',
    schema: pod,
    original: podWith({containers: [c('a'), c('b')]}),
    modified: podWith({containers: [c('b'), c('a')]}),
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}]}}',
  },
  {
    name: 'an env var removed and one changed: changes in new order, then deletions',
    schema: pod,
    original: podWith({containers: [c('a', {env: [{name: 'A', value: '1'}, {name: 'B', value: '2'}, {name: 'C', value: '3'}]})]}),
    modified: podWith({containers: [c('a', {env: [{name: 'A', value: '1'}, {name: 'C', value: 'three'}]})]}),
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$setElementOrder/env":[{"name":"A"},{"name":"C"}],"env":[{"name":"C","value":"three"},{"$patch":"delete","name":"B"}],"name":"a"}]}}',
  },
  {
    name: 'a whole merge list dropped is null',
    schema: pod,
    original: podWith({containers: [c('a', {env: [{name: 'A', value: '1'}]})]}),
    modified: podWith({containers: [c('a')]}),
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"env":null,"name":"a"}]}}',
  },
  {
    name: 'a finalizer removed: $deleteFromPrimitiveList',
    schema: pod,
    original: podWith({containers: [c('a')]}, {name: 'p', finalizers: ['x', 'y']}),
    modified: podWith({containers: [c('a')]}, {name: 'p', finalizers: ['y']}),
    patch: '{"metadata":{"$deleteFromPrimitiveList/finalizers":["x"],"$setElementOrder/finalizers":["y"]}}',
  },
  {
    name: 'a finalizer added',
    schema: pod,
    original: podWith({containers: [c('a')]}, {name: 'p', finalizers: ['x']}),
    modified: podWith({containers: [c('a')]}, {name: 'p', finalizers: ['x', 'z']}),
    patch: '{"metadata":{"$setElementOrder/finalizers":["x","z"],"finalizers":["z"]}}',
  },
  {
    name: 'finalizers reordered',
    schema: pod,
    original: podWith({containers: [c('a')]}, {name: 'p', finalizers: ['x', 'y']}),
    modified: podWith({containers: [c('a')]}, {name: 'p', finalizers: ['y', 'x']}),
    patch: '{"metadata":{"$setElementOrder/finalizers":["y","x"]}}',
  },
  {
    name: 'unsorted finalizers, unchanged: Go compares the list it sorted in place, so the order is sent',
    schema: pod,
    original: podWith({containers: [c('a')]}, {name: 'p', finalizers: ['y', 'x']}),
    modified: podWith({containers: [c('a')]}, {name: 'p', finalizers: ['y', 'x']}),
    patch: '{"metadata":{"$setElementOrder/finalizers":["y","x"]}}',
  },
  {
    name: 'a list without a merge strategy is replaced',
    schema: pod,
    original: podWith({containers: [c('a', {args: ['-a', '-b']})], tolerations: [{key: 'k1'}, {key: 'k2'}]}),
    modified: podWith({containers: [c('a', {args: ['-b']})], tolerations: [{key: 'k2'}]}),
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"args":["-b"],"name":"a"}],"tolerations":[{"key":"k2"}]}}',
  },
  {
    name: 'ports merge on containerPort alone: removing the UDP twin changes and deletes the same key',
    schema: pod,
    original: podWith({containers: [c('a', {ports: [{containerPort: 53, protocol: 'TCP'}, {containerPort: 53, protocol: 'UDP'}]})]}),
    modified: podWith({containers: [c('a', {ports: [{containerPort: 53, protocol: 'TCP'}]})]}),
    patch:
      '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$setElementOrder/ports":[{"containerPort":53}],"name":"a","ports":[{"containerPort":53,"protocol":"TCP"},{"$patch":"delete","containerPort":53}]}]}}',
  },
  {
    name: 'ports: a changed containerPort is a new element and a deleted one',
    schema: pod,
    original: podWith({containers: [c('a', {ports: [{containerPort: 80}, {containerPort: 443}]})]}),
    modified: podWith({containers: [c('a', {ports: [{containerPort: 8080}, {containerPort: 443}]})]}),
    patch:
      '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$setElementOrder/ports":[{"containerPort":8080},{"containerPort":443}],"name":"a","ports":[{"containerPort":8080},{"$patch":"delete","containerPort":80}]}]}}',
  },
  {
    name: 'retainKeys on a struct: strategy RollingUpdate -> Recreate',
    schema: deployment,
    original: {spec: {strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1}}}},
    modified: {spec: {strategy: {type: 'Recreate'}}},
    patch: '{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"}}}',
  },
  {
    name: 'retainKeys on a list: a volume changes its source',
    schema: pod,
    original: podWith({containers: [c('a')], volumes: [{name: 'data', emptyDir: {}}, {name: 'cache', emptyDir: {}}]}),
    modified: podWith({containers: [c('a')], volumes: [{name: 'data', configMap: {name: 'cfg'}}, {name: 'cache', emptyDir: {}}]}),
    patch: '{"spec":{"$setElementOrder/volumes":[{"name":"data"},{"name":"cache"}],"volumes":[{"$retainKeys":["configMap","name"],"configMap":{"name":"cfg"},"emptyDir":null,"name":"data"}]}}',
  },
  {
    name: 'retainKeys is sent when only a key goes away',
    schema: deployment,
    original: {spec: {strategy: {type: 'Recreate', rollingUpdate: {maxSurge: 1}}}},
    modified: {spec: {strategy: {type: 'Recreate'}}},
    patch: '{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null}}}',
  },
  {name: 'a changed type replaces the value', schema: pod, original: podWith({nodeSelector: {a: 'b'}}), modified: podWith({nodeSelector: 'x'}), patch: '{"spec":{"nodeSelector":"x"}}'},
  {
    name: 'a changed $patch directive',
    schema: pod,
    original: podWith({}, {name: 'p', labels: {$patch: 'replace', a: '1'}}),
    modified: podWith({}, {name: 'p', labels: {$patch: 'delete', a: '1'}}),
    patch: '{"metadata":{"labels":{"$patch":"delete"}}}',
  },
  {name: 'an unknown field with equal values needs no metadata', schema: pod, original: podWith({bogus: {a: 1}}), modified: podWith({bogus: {a: 1}}), patch: '{}'},
  {name: 'an unknown scalar field is replaced without metadata', schema: pod, original: podWith({bogus: 1}), modified: podWith({bogus: 2}), patch: '{"spec":{"bogus":2}}'},
  {
    name: 'HTML characters are escaped as Go does; numbers are float64',
    schema: configMap,
    original: {data: {a: 'x'}},
    modified: {data: {a: '<b>&</b>'}, binaryData: {}, extra: 12345678901234567890n},
    patch: '{"binaryData":{},"data":{"a":"\\u003cb\\u003e\\u0026\\u003c/b\\u003e"},"extra":12345678901234567000}',
  },
]

describe('createTwoWayMergePatch', () => {
  for (const t of twoWay) {
    it(t.name, () => {
      expect(compactJSON(createTwoWayMergePatch(t.original, t.modified, t.schema()))).toBe(t.patch)
    })
  }

  it('does not change its inputs', () => {
    const original = podWith({containers: [c('b'), c('a')]}, {name: 'p', finalizers: ['y', 'x']})
    const copy = structuredClone(original)
    createTwoWayMergePatch(original, podWith({containers: [c('a')]}), pod())
    expect(original).toEqual(copy)
  })

  it('fails as apimachinery does on bad lists and directives', () => {
    expect(() => createTwoWayMergePatch(podWith({containers: [c('a')]}), podWith({containers: [{image: 'x'}]}), pod())).toThrow('map: map[image:x] does not contain declared merge key: name')
    expect(() => createTwoWayMergePatch(podWith({containers: [[1]]}), podWith({containers: [[2]]}), pod())).toThrow('lists of lists are not supported')
    expect(() => createTwoWayMergePatch(podWith({containers: [c('a'), 'x']}), podWith({containers: [c('a')]}), pod())).toThrow('list element types are not identical: [[map[image:img name:a] x] [map[image:img name:a]]]')
    expect(() => createTwoWayMergePatch(podWith({}, {labels: {$patch: 1}}), podWith({}, {labels: {$patch: 'x'}}), pod())).toThrow('invalid value for special key: $patch')
    expect(() => createTwoWayMergePatch(podWith({bogus: {a: 1}}), podWith({bogus: {a: 2}}), pod())).toThrow('unable to find api field "bogus" in io.k8s.api.core.v1.PodSpec')
  })
})

interface ThreeWayCase {
  name: string
  schema: () => PatchSchema
  original: Record<string, unknown>
  modified: Record<string, unknown>
  current: Record<string, unknown>
  patch: string
}

const threeWay: ThreeWayCase[] = [
  {
    name: 'a key removed from the manifest is deleted; keys added on the server stay',
    schema: configMap,
    original: {data: {a: '1', b: '2'}},
    modified: {data: {a: '1'}},
    current: {data: {a: '1', b: '2', z: '9'}},
    patch: '{"data":{"b":null}}',
  },
  {name: 'a changed key overwrites the live value', schema: configMap, original: {data: {a: '1'}}, modified: {data: {a: '2'}}, current: {data: {a: 'live'}}, patch: '{"data":{"a":"2"}}'},
  {name: 'an unchanged manifest still resets a managed key changed live', schema: configMap, original: {data: {a: '1'}}, modified: {data: {a: '1'}}, current: {data: {a: 'live'}}, patch: '{"data":{"a":"1"}}'},
  {name: 'a key the manifest dropped is deleted even if changed live', schema: configMap, original: {data: {a: '1'}}, modified: {data: {}}, current: {data: {a: 'live'}}, patch: '{"data":{"a":null}}'},
  {name: 'nothing to do', schema: configMap, original: {data: {a: '1'}}, modified: {data: {a: '1'}}, current: {data: {a: '1'}, metadata: {uid: 'u'}}, patch: '{}'},
  {
    name: 'replicas scaled live are set back when the manifest has them',
    schema: deployment,
    original: {spec: {replicas: 2}},
    modified: {spec: {replicas: 2}},
    current: {spec: {replicas: 4}},
    patch: '{"spec":{"replicas":2}}',
  },
  {
    name: 'a container removed while another was added live',
    schema: deployment,
    original: {spec: {template: {spec: {containers: [c('a'), c('b')]}}}},
    modified: {spec: {template: {spec: {containers: [c('a')]}}}},
    current: {spec: {template: {spec: {containers: [c('a', {imagePullPolicy: 'Always'}), c('b'), c('live')]}}}},
    patch: '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$patch":"delete","name":"b"}]}}}}',
  },
  {
    name: 'an env var removed while one was added live: both halves merge into one element',
    schema: deployment,
    original: {spec: {template: {spec: {containers: [c('a', {env: [{name: 'A', value: '1'}, {name: 'B', value: '2'}]})]}}}},
    modified: {spec: {template: {spec: {containers: [c('a', {env: [{name: 'A', value: 'one'}]})]}}}},
    current: {spec: {template: {spec: {containers: [c('a', {env: [{name: 'A', value: '1'}, {name: 'B', value: '2'}, {name: 'Z', value: '9'}]})]}}}},
    patch:
      '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$setElementOrder/env":[{"name":"A"}],"env":[{"name":"A","value":"one"},{"$patch":"delete","name":"B"}],"name":"a"}]}}}}',
  },
  {
    name: 'unsorted finalizers never changed',
    schema: configMap,
    original: {metadata: {finalizers: ['b', 'a']}},
    modified: {metadata: {finalizers: ['b', 'a']}},
    current: {metadata: {finalizers: ['b', 'a']}},
    patch: '{"metadata":{"$setElementOrder/finalizers":["b","a"]}}',
  },
  {
    name: 'a finalizer removed and one added live',
    schema: configMap,
    original: {metadata: {finalizers: ['a', 'b']}},
    modified: {metadata: {finalizers: ['b']}},
    current: {metadata: {finalizers: ['a', 'b', 'live']}},
    patch: '{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"],"$setElementOrder/finalizers":["b"]}}',
  },
  {
    name: 'retainKeys halves agree',
    schema: deployment,
    original: {spec: {strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1}}}},
    modified: {spec: {strategy: {type: 'Recreate'}}},
    current: {spec: {strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1, maxUnavailable: '25%'}}}},
    patch: '{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"}}}',
  },
  {name: 'no last-applied configuration', schema: configMap, original: {}, modified: {data: {a: '1', c: '3'}}, current: {data: {a: '1', b: '2'}}, patch: '{"data":{"c":"3"}}'},
]

describe('createThreeWayMergePatch', () => {
  for (const t of threeWay) {
    it(t.name, () => {
      expect(compactJSON(createThreeWayMergePatch(t.original, t.modified, t.current, t.schema(), true))).toBe(t.patch)
    })
  }

  it('with overwrite false, a field changed live and in the manifest is a conflict, worded as kubectl prints it', () => {
    const run = () => createThreeWayMergePatch({data: {a: '1'}}, {data: {a: '2'}}, {data: {a: 'live'}}, configMap(), false)
    expect(run).toThrow(PatchConflictError)
    expect(run).toThrow('patch:\ndata:\n  a: "2"\n\nconflicts with changes made from original to current:\ndata:\n  a: live\n\n')
  })

  it('with overwrite false, changes to other fields are no conflict', () => {
    expect(compactJSON(createThreeWayMergePatch({data: {a: '1'}}, {data: {a: '2'}}, {data: {a: '1', z: 'live'}}, configMap(), false))).toBe('{"data":{"a":"2"}}')
  })

  it('with overwrite false, deleting an element someone changed is a conflict', () => {
    const original = {spec: {template: {spec: {containers: [c('a'), c('b')]}}}}
    const current = {spec: {template: {spec: {containers: [c('a'), c('b', {image: 'live'})]}}}}
    expect(() => createThreeWayMergePatch(original, {spec: {template: {spec: {containers: [c('a')]}}}}, current, deployment(), false)).toThrow(PatchConflictError)
  })
})

describe('applyStrategicMergePatch', () => {
  const live = podWith({containers: [c('a'), c('b'), c('live')]}, {name: 'p', labels: {a: '1', b: '2'}, finalizers: ['x', 'y', 'z']})

  it('deletes by merge key and orders by $setElementOrder, server-only items kept', () => {
    const out = applyStrategicMergePatch(live, {spec: {'$setElementOrder/containers': [{name: 'a'}], containers: [{$patch: 'delete', name: 'b'}]}}, pod())
    expect(out.spec).toEqual({containers: [c('a'), c('live')]})
  })

  it('places server-only items by their live neighbours', () => {
    const names = (spec: unknown) => (spec as {containers: Array<{name: string}>}).containers.map((x) => x.name)
    const order = {spec: {'$setElementOrder/containers': [{name: 'b'}, {name: 'a'}]}}
    expect(names(applyStrategicMergePatch(live, order, pod()).spec)).toEqual(['b', 'a', 'live'])
    expect(names(applyStrategicMergePatch(podWith({containers: [c('a'), c('live'), c('b')]}), order, pod()).spec)).toEqual(['live', 'b', 'a'])
  })

  it('puts new merge-list items first when no order is given', () => {
    const out = applyStrategicMergePatch(podWith({containers: [c('a')]}), {spec: {containers: [{name: 'n', image: 'y'}]}}, pod())
    expect(out.spec).toEqual({containers: [{name: 'n', image: 'y'}, c('a')]})
  })

  it('merges an element by its key in place', () => {
    const out = applyStrategicMergePatch(live, {spec: {containers: [{name: 'b', image: 'new'}]}}, pod())
    expect((out.spec as {containers: unknown[]}).containers).toEqual([c('a'), c('b', {image: 'new'}), c('live')])
  })

  it('removes primitives listed in $deleteFromPrimitiveList', () => {
    const out = applyStrategicMergePatch(live, {metadata: {'$deleteFromPrimitiveList/finalizers': ['y']}}, pod())
    expect((out.metadata as {finalizers: string[]}).finalizers).toEqual(['x', 'z'])
  })

  it('clears keys missing from $retainKeys', () => {
    const out = applyStrategicMergePatch({spec: {strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 1}}}}, {spec: {strategy: {$retainKeys: ['type'], type: 'Recreate'}}}, deployment())
    expect(out).toEqual({spec: {strategy: {type: 'Recreate'}}})
  })

  it('rejects a patch key missing from $retainKeys', () => {
    expect(() => applyStrategicMergePatch({spec: {strategy: {}}}, {spec: {strategy: {$retainKeys: ['type'], rollingUpdate: {}}}}, deployment())).toThrow('invalid patch format of retainKeys')
  })

  it('deletes null keys and ignores nulls that match nothing', () => {
    const out = applyStrategicMergePatch(live, {metadata: {labels: {a: null, c: null, d: {e: null, f: 1}}}}, pod())
    expect((out.metadata as {labels: unknown}).labels).toEqual({b: '2', d: {f: 1}})
  })

  it('honours $patch replace and delete on maps and lists', () => {
    expect((applyStrategicMergePatch(live, {metadata: {labels: {$patch: 'replace', c: '3'}}}, pod()).metadata as {labels: unknown}).labels).toEqual({c: '3'})
    expect((applyStrategicMergePatch(live, {metadata: {labels: {$patch: 'delete'}}}, pod()).metadata as {labels: unknown}).labels).toEqual({})
    expect(applyStrategicMergePatch(live, {spec: {containers: [{$patch: 'replace'}, {name: 'only'}]}}, pod()).spec).toEqual({containers: [{name: 'only'}]})
    expect(() => applyStrategicMergePatch(live, {spec: {containers: [{$patch: 'merge'}]}}, pod())).toThrow('merging lists cannot yet be specified in the patch')
    expect(() => applyStrategicMergePatch(live, {metadata: {labels: {$patch: 'bogus'}}}, pod())).toThrow('unknown patch type: bogus in map: map[$patch:bogus]')
  })

  it('turns the original into the modified object with every two-way patch above', () => {
    for (const t of twoWay.filter((x) => !x.name.includes('$patch') && !x.name.includes('float64'))) {
      const patch = createTwoWayMergePatch(t.original, t.modified, t.schema())
      expect(applyStrategicMergePatch(t.original, patch, t.schema()), t.name).toEqual(t.modified)
    }
  })
})
