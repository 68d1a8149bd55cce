// Generates schemas/ from the Kubernetes OpenAPI v2 spec: `npm run schemas` (re-runnable; the same
// spec always gives the same bytes, and test/unit/gen-schemas.test.ts checks the output is current).
//
//   node scripts/gen-schemas.mjs [--spec PATH] [--out DIR]
//   node scripts/gen-schemas.mjs --compile DIR    (build time: Ajv standalone validators, see below)
//
// Writes, for the release the spec belongs to (RELEASE below, recorded in schemas/SOURCE):
//   schemas/SOURCE                          where the spec came from (release, commit, sha256)
//   schemas/vX.Y/_definitions.json          every definition a resource kind reaches, one per line,
//                                           converted to JSON Schema draft-07 as the API server decodes
//   schemas/vX.Y/_descriptions.json         those definitions' documentation, for offline `ktl explain`
//   schemas/vX.Y/index.json                 apiVersion -> kind -> {definition, resource, namespaced, nameless}
//   schemas/vX.Y/GROUP/VERSION/KIND.json    one strict schema per resource kind (GROUP "core" for "")
//
// How the spec's types become schemas (what the API server accepts, with fieldValidation=Strict):
// - an object type with fixed fields gets additionalProperties: false; a map keeps its value schema
// - null is accepted wherever a value is: Go's JSON decoder leaves the zero value for null
// - int32 fields get their range; int-or-string accepts an int32 or a string; a quantity accepts a
//   string in resource.Quantity's syntax or a number; Time/MicroTime accept RFC 3339 strings; []byte
//   fields accept base64 (the patterns are src/lib/validate/formats.ts's)
// - RawExtension and apiextensions JSON accept any value; FieldsV1 any object
// - descriptions go to _descriptions.json, not the schemas; x-kubernetes-patch-merge-key, -patch-strategy, -list-type,
//   -list-map-keys and -map-type are kept for apply
// - ENUMS adds the allowed values of common fields, which the v2 spec does not carry
import {createHash} from 'node:crypto'
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {FORMATS} from '../src/lib/validate/formats.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const RELEASE = '1.36'
const UPSTREAM = 'kubernetes/kubernetes api/openapi-spec/swagger.json, release-1.36, as published (keys sorted) by kubernetes-client/python kubernetes/swagger.json.unprocessed at commit ac0ee5091f0b801911c906558030e2624a26bdf8'

const DEF = '#/definitions/'
const INT32 = {minimum: -2147483648, maximum: 2147483647}
// Definitions whose Go type decodes itself rather than as the spec's type says.
const SPECIAL = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {type: ['integer', 'string', 'null'], ...INT32},
  'io.k8s.apimachinery.pkg.api.resource.Quantity': {type: ['string', 'number', 'null'], pattern: FORMATS.quantity.pattern},
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': {type: ['string', 'null'], pattern: FORMATS.dateTime.pattern},
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': {type: ['string', 'null'], pattern: FORMATS.dateTime.pattern},
  'io.k8s.apimachinery.pkg.runtime.RawExtension': {},
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': {type: ['object', 'null']},
  'io.k8s.apimachinery.pkg.apis.meta.v1.Patch': {type: ['object', 'null']},
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': {},
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool': {type: ['boolean', 'object', 'null']},
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray': {type: ['object', 'array', 'null']},
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray': {type: ['object', 'array', 'null']},
}

// Values the API server's validation accepts (pkg/apis/*/validation), for fields whose Go type is a
// string enum. '' is listed where the field is defaulted when empty. Keyed by definition, then
// property; an array property's values apply to its items.
const ENUMS = {
  'io.k8s.api.core.v1.Container': {
    imagePullPolicy: ['Always', 'IfNotPresent', 'Never', ''],
    terminationMessagePolicy: ['File', 'FallbackToLogsOnError', ''],
  },
  'io.k8s.api.core.v1.EphemeralContainer': {
    imagePullPolicy: ['Always', 'IfNotPresent', 'Never', ''],
    terminationMessagePolicy: ['File', 'FallbackToLogsOnError', ''],
  },
  'io.k8s.api.core.v1.PodSpec': {
    restartPolicy: ['Always', 'OnFailure', 'Never', ''],
    dnsPolicy: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None', ''],
    preemptionPolicy: ['PreemptLowerPriority', 'Never', ''],
  },
  'io.k8s.api.core.v1.ContainerPort': {protocol: ['TCP', 'UDP', 'SCTP', '']},
  'io.k8s.api.core.v1.ServicePort': {protocol: ['TCP', 'UDP', 'SCTP', '']},
  'io.k8s.api.core.v1.EndpointPort': {protocol: ['TCP', 'UDP', 'SCTP', '']},
  'io.k8s.api.discovery.v1.EndpointPort': {protocol: ['TCP', 'UDP', 'SCTP', '']},
  'io.k8s.api.networking.v1.NetworkPolicyPort': {protocol: ['TCP', 'UDP', 'SCTP', '']},
  'io.k8s.api.core.v1.ServiceSpec': {
    type: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', ''],
    sessionAffinity: ['ClientIP', 'None', ''],
    externalTrafficPolicy: ['Cluster', 'Local', ''],
    internalTrafficPolicy: ['Cluster', 'Local', ''],
    ipFamilyPolicy: ['SingleStack', 'PreferDualStack', 'RequireDualStack', ''],
    ipFamilies: ['IPv4', 'IPv6'],
  },
  'io.k8s.api.core.v1.Toleration': {
    operator: ['Exists', 'Equal', ''],
    effect: ['NoSchedule', 'PreferNoSchedule', 'NoExecute', ''],
  },
  'io.k8s.api.core.v1.Taint': {effect: ['NoSchedule', 'PreferNoSchedule', 'NoExecute']},
  'io.k8s.api.core.v1.NodeSelectorRequirement': {operator: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']},
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement': {operator: ['In', 'NotIn', 'Exists', 'DoesNotExist']},
  'io.k8s.api.core.v1.PersistentVolumeClaimSpec': {
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
    volumeMode: ['Block', 'Filesystem', ''],
  },
  'io.k8s.api.core.v1.PersistentVolumeSpec': {
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
    volumeMode: ['Block', 'Filesystem', ''],
    persistentVolumeReclaimPolicy: ['Retain', 'Recycle', 'Delete', ''],
  },
  'io.k8s.api.core.v1.TopologySpreadConstraint': {
    whenUnsatisfiable: ['DoNotSchedule', 'ScheduleAnyway'],
    nodeAffinityPolicy: ['Honor', 'Ignore', ''],
    nodeTaintsPolicy: ['Honor', 'Ignore', ''],
  },
  'io.k8s.api.apps.v1.DeploymentStrategy': {type: ['Recreate', 'RollingUpdate', '']},
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy': {type: ['RollingUpdate', 'OnDelete', '']},
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy': {type: ['RollingUpdate', 'OnDelete', '']},
  'io.k8s.api.apps.v1.StatefulSetSpec': {podManagementPolicy: ['OrderedReady', 'Parallel', '']},
  'io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy': {
    whenDeleted: ['Retain', 'Delete', ''],
    whenScaled: ['Retain', 'Delete', ''],
  },
  'io.k8s.api.batch.v1.CronJobSpec': {concurrencyPolicy: ['Allow', 'Forbid', 'Replace', '']},
  'io.k8s.api.batch.v1.JobSpec': {
    completionMode: ['NonIndexed', 'Indexed', ''],
    podReplacementPolicy: ['TerminatingOrFailed', 'Failed', ''],
  },
  'io.k8s.api.networking.v1.HTTPIngressPath': {pathType: ['Exact', 'Prefix', 'ImplementationSpecific']},
  'io.k8s.api.networking.v1.NetworkPolicySpec': {policyTypes: ['Ingress', 'Egress']},
  'io.k8s.api.autoscaling.v2.MetricSpec': {type: ['Object', 'Pods', 'Resource', 'ContainerResource', 'External']},
  'io.k8s.api.autoscaling.v2.MetricTarget': {type: ['Utilization', 'Value', 'AverageValue']},
  'io.k8s.api.autoscaling.v2.HPAScalingRules': {selectPolicy: ['Max', 'Min', 'Disabled', '']},
  'io.k8s.api.autoscaling.v2.HPAScalingPolicy': {type: ['Pods', 'Percent']},
  'io.k8s.api.core.v1.SeccompProfile': {type: ['RuntimeDefault', 'Unconfined', 'Localhost']},
  'io.k8s.api.core.v1.AppArmorProfile': {type: ['RuntimeDefault', 'Unconfined', 'Localhost']},
  'io.k8s.api.storage.v1.StorageClass': {
    reclaimPolicy: ['Retain', 'Delete', ''],
    volumeBindingMode: ['Immediate', 'WaitForFirstConsumer', ''],
  },
}

// Annotations kept in the output; everything else the spec says about a field is documentation.
const KEEP_EXTENSIONS = [
  'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type',
  'x-kubernetes-map-type',
  'x-kubernetes-patch-merge-key',
  'x-kubernetes-patch-strategy',
]

function parseArgs(argv) {
  const opts = {spec: resolve(ROOT, '../shared/k8s-openapi/swagger.json'), out: join(ROOT, 'schemas'), compile: undefined}
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--spec') opts.spec = resolve(argv[++i])
    else if (argv[i] === '--out') opts.out = resolve(argv[++i])
    else if (argv[i] === '--compile') opts.compile = resolve(argv[++i])
    else throw new Error(`unknown argument ${argv[i]}`)
  }
  return opts
}

function withNull(type) {
  return [type, 'null']
}

/** One property or item schema of the spec, as JSON Schema; `enumValues` from ENUMS. */
function convert(schema, enumValues) {
  if (schema.$ref) return {$ref: schema.$ref}
  const out = {}
  const {type, format} = schema
  if (type === 'array') {
    out.type = withNull('array')
    out.items = convert(schema.items, enumValues)
  } else if (type === 'object') {
    out.type = withNull('object')
    if (schema.properties) {
      out.properties = convertProperties(schema.properties, {})
      out.additionalProperties = false
    } else if (schema.additionalProperties !== undefined) {
      out.additionalProperties = schema.additionalProperties === true ? true : convert(schema.additionalProperties)
    }
  } else if (type === 'integer') {
    out.type = withNull('integer')
    if (format === 'int32') Object.assign(out, INT32)
  } else if (type === 'string') {
    out.type = withNull('string')
    if (format === 'byte') out.pattern = FORMATS.base64.pattern
    if (enumValues) out.enum = [...enumValues, null]
  } else if (type === 'number' || type === 'boolean') {
    out.type = withNull(type)
  } else if (type !== undefined) {
    throw new Error(`unexpected type ${JSON.stringify(type)}`)
  }
  if (schema.required) out.required = [...schema.required].sort()
  for (const key of KEEP_EXTENSIONS) if (schema[key] !== undefined) out[key] = schema[key]
  return out
}

function convertProperties(properties, enums) {
  const out = {}
  for (const name of Object.keys(properties).sort()) out[name] = convert(properties[name], enums[name])
  return out
}

function convertDefinition(name, schema) {
  if (SPECIAL[name]) return SPECIAL[name]
  const enums = ENUMS[name] ?? {}
  for (const property of Object.keys(enums)) {
    if (!schema.properties?.[property]) throw new Error(`ENUMS names ${name}.${property}, which the spec does not have`)
  }
  if (schema.type !== 'object') throw new Error(`definition ${name} has type ${schema.type}`)
  // A Go struct with no fields (an "empty spec") decodes strictly too: no field is known.
  const out = {type: withNull('object'), properties: convertProperties(schema.properties ?? {}, enums), additionalProperties: false}
  if (schema.required) out.required = [...schema.required].sort()
  for (const key of KEEP_EXTENSIONS) if (schema[key] !== undefined) out[key] = schema[key]
  return out
}

function apiVersionOf({group, version}) {
  return group ? `${group}/${version}` : version
}

/**
 * The kinds the API serves as resources, from the spec's paths: GET/POST/PUT on
 * [/apis/GROUP]/VERSION[/namespaces/{namespace}]/RESOURCE[/{name}] (no subresource).
 */
function servedKinds(spec) {
  const kinds = new Map()
  for (const [path, item] of Object.entries(spec.paths)) {
    const m = /^\/(?:api|apis\/[^/]+)\/[^/]+\/(?:(namespaces\/\{namespace\})\/)?([a-z0-9]+)(\/\{name\})?$/.exec(path)
    if (!m) continue
    for (const [method, op] of Object.entries(item)) {
      const gvk = op['x-kubernetes-group-version-kind']
      if (method === 'parameters' || !gvk || !['get', 'post', 'put', 'list'].includes(op['x-kubernetes-action'])) continue
      const key = `${apiVersionOf(gvk)}\u0000${gvk.kind}`
      const entry = kinds.get(key) ?? {gvk, resource: m[2], namespaced: false, named: false}
      if (m[1]) entry.namespaced = true
      if (m[3]) entry.named = true
      kinds.set(key, entry)
    }
  }
  return kinds
}

function definitionsByGVK(definitions) {
  const byGVK = new Map()
  for (const [name, schema] of Object.entries(definitions)) {
    for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) byGVK.set(`${apiVersionOf(gvk)}\u0000${gvk.kind}`, name)
  }
  return byGVK
}

function reachable(definitions, roots) {
  const seen = new Set()
  const visit = (name) => {
    if (seen.has(name)) return
    if (!definitions[name]) throw new Error(`missing definition ${name}`)
    seen.add(name)
    JSON.stringify(definitions[name], (key, value) => {
      if (key === '$ref' && typeof value === 'string') visit(value.slice(DEF.length))
      return value
    })
  }
  for (const root of roots) visit(root)
  return [...seen].sort()
}

function json(value) {
  return `${JSON.stringify(value)}\n`
}

/** {"definitions":{ one definition per line }} keeps the file small and its diffs readable. */
function definitionsFile(converted) {
  const lines = Object.keys(converted).map((name) => `${JSON.stringify(name)}:${JSON.stringify(converted[name])}`)
  return `{"$schema":"http://json-schema.org/draft-07/schema#","definitions":{\n${lines.join(',\n')}\n}}\n`
}

/**
 * The documentation the schemas leave out, for `ktl explain` without a cluster: per definition its
 * description (d) and its properties' (p), one definition per line; read only by explain.
 */
function descriptionsFile(definitions, names) {
  const lines = []
  for (const name of names) {
    const schema = definitions[name]
    const entry = {}
    if (schema.description) entry.d = schema.description
    const props = {}
    for (const key of Object.keys(schema.properties ?? {}).sort()) if (schema.properties[key].description) props[key] = schema.properties[key].description
    if (Object.keys(props).length > 0) entry.p = props
    if (Object.keys(entry).length > 0) lines.push(`${JSON.stringify(name)}:${JSON.stringify(entry)}`)
  }
  return `{\n${lines.join(',\n')}\n}\n`
}

function generate(specText) {
  const spec = JSON.parse(specText)
  const files = new Map()
  const kinds = servedKinds(spec)
  const byGVK = definitionsByGVK(spec.definitions)
  const index = {}
  const roots = []
  for (const {gvk, resource, namespaced, named} of kinds.values()) {
    const definition = byGVK.get(`${apiVersionOf(gvk)}\u0000${gvk.kind}`)
    if (!definition) throw new Error(`no definition for ${apiVersionOf(gvk)} ${gvk.kind}`)
    roots.push(definition)
    const apiVersion = apiVersionOf(gvk)
    const file = `${gvk.group || 'core'}/${gvk.version}/${gvk.kind}.json`
    const entry = {definition, file, namespaced, resource}
    // Reviews (TokenReview, SubjectAccessReview, ...) are only ever POSTed and need no name; a
    // Binding is POSTed too but names its pod.
    if (!named && gvk.kind.endsWith('Review')) entry.nameless = true
    ;(index[apiVersion] ??= {})[gvk.kind] = entry
    files.set(file, json({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: `${apiVersion} ${gvk.kind}`,
      allOf: [{$ref: `../../_definitions.json${DEF}${definition}`}],
      properties: {apiVersion: {const: apiVersion}, kind: {const: gvk.kind}},
      required: ['apiVersion', 'kind'],
    }))
  }
  const converted = {}
  for (const name of reachable(spec.definitions, roots)) converted[name] = convertDefinition(name, spec.definitions[name])
  for (const name of Object.keys(ENUMS)) if (!converted[name]) throw new Error(`ENUMS names ${name}, which no resource kind uses`)
  files.set('_definitions.json', definitionsFile(converted))
  files.set('_descriptions.json', descriptionsFile(spec.definitions, Object.keys(converted)))
  const sortedIndex = {}
  for (const apiVersion of Object.keys(index).sort()) {
    sortedIndex[apiVersion] = {}
    for (const kind of Object.keys(index[apiVersion]).sort()) sortedIndex[apiVersion][kind] = index[apiVersion][kind]
  }
  files.set('index.json', `{\n${Object.entries(sortedIndex).map(([v, k]) => `${JSON.stringify(v)}:${JSON.stringify(k)}`).join(',\n')}\n}\n`)
  return files
}

function sourceRecord(specText) {
  const sha256 = createHash('sha256').update(specText).digest('hex')
  return [
    `Kubernetes release: ${RELEASE}`,
    `Schema set: v${RELEASE}`,
    `Spec: ${UPSTREAM}`,
    `Spec sha256: ${sha256}`,
    'Generated by scripts/gen-schemas.mjs (npm run schemas); do not edit the files under schemas/ by hand.',
    '',
  ].join('\n')
}

const SCHEMA_SET = `v${RELEASE}`

/**
 * Build time: one CommonJS module per kind in index.json, DIR/SET/GROUP/VERSION/KIND.cjs, Ajv's
 * standalone code for the kind's schema with the options ktl validates with at run time
 * (src/lib/validate/ajv-setup.ts). Each module holds every definition its kind reaches, so a run
 * loads only the kinds it meets (Deployment: about 0.5 MB, 5 ms with Node's compile cache) and never
 * Ajv itself. Compiling a kind at run time instead costs Ajv's import (50-70 ms) plus 400 ms for a
 * Deployment. CommonJS because require() loads it as it is, where a test runner would transform an
 * ES module first. About 2 s for all kinds, then cached (see below).
 */
async function compileValidators(schemasDir, outDir) {
  const setDir = join(schemasDir, SCHEMA_SET)
  const index = JSON.parse(readFileSync(join(setDir, 'index.json'), 'utf8'))
  const files = Object.values(index).flatMap((kinds) => Object.values(kinds).map((k) => k.file))
  // The build wipes dist/ every time; compiled validators wait in node_modules/.cache until their
  // inputs (the schemas, Ajv, ktl's Ajv options) change, so a build pays for them only then.
  const inputs = createHash('sha256')
  for (const file of ['_definitions.json', 'index.json', ...files]) inputs.update(readFileSync(join(setDir, file)))
  inputs.update(readFileSync(join(ROOT, 'node_modules/ajv/package.json')))
  for (const file of ['ajv-setup.ts', 'formats.ts']) inputs.update(readFileSync(join(ROOT, 'src/lib/validate', file)))
  const cacheDir = join(ROOT, 'node_modules/.cache/ktl-validators')
  const key = inputs.digest('hex').slice(0, 16)
  const cached = join(cacheDir, key)
  if (!existsSync(cached)) {
    const {default: Ajv} = await import('ajv')
    const {default: standaloneCode} = await import('ajv/dist/standalone/index.js')
    const {AJV_OPTIONS, DEFINITIONS_URI, kindSchemaURI} = await import('../src/lib/validate/ajv-setup.ts')
    const ajv = new Ajv({...AJV_OPTIONS, code: {...AJV_OPTIONS.code, source: true, lines: false}})
    ajv.addSchema(JSON.parse(readFileSync(join(setDir, '_definitions.json'), 'utf8')), DEFINITIONS_URI)
    // Written aside and renamed into place: builds running at the same time never see half a set.
    const staging = `${cached}.${process.pid}`
    for (const file of files) {
      ajv.addSchema(JSON.parse(readFileSync(join(setDir, file), 'utf8')), kindSchemaURI(file))
      const target = join(staging, file.replace(/\.json$/, '.cjs'))
      mkdirSync(dirname(target), {recursive: true})
      writeFileSync(target, standaloneCode(ajv, {validate: kindSchemaURI(file)}))
    }
    try {
      renameSync(staging, cached)
    } catch {
      rmSync(staging, {recursive: true, force: true})
    }
    for (const entry of readdirSync(cacheDir)) if (/^[0-9a-f]{16}$/.test(entry) && entry !== key) rmSync(join(cacheDir, entry), {recursive: true, force: true})
  }
  rmSync(join(outDir, SCHEMA_SET), {recursive: true, force: true})
  cpSync(cached, join(outDir, SCHEMA_SET), {recursive: true})
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  if (opts.compile) return compileValidators(opts.out, opts.compile)
  const specText = readFileSync(opts.spec, 'utf8')
  const files = generate(specText)
  const setDir = join(opts.out, SCHEMA_SET)
  rmSync(setDir, {recursive: true, force: true})
  for (const [file, text] of files) {
    mkdirSync(dirname(join(setDir, file)), {recursive: true})
    writeFileSync(join(setDir, file), text)
  }
  writeFileSync(join(opts.out, 'SOURCE'), sourceRecord(specText))
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
