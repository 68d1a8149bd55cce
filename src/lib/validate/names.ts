// The checks of ObjectMeta the API server makes beyond its schema: a name (or generateName) valid
// for the kind, a valid namespace, and valid label keys and values and annotation keys.
import {isIP} from 'node:net'
import {goQuote} from '../go/quote.js'
import {quoteShort, type SchemaFinding} from './messages.js'

/** How the API server validates a kind's names (its ValidateNameFunc). */
export type NameRule =
  | {kind: 'subdomain'; maxLength?: number}
  | {kind: 'label'}
  | {kind: 'path-segment'}
  | {kind: 'crd'}
  | {kind: 'api-service'}
  | {kind: 'ip'}

const SUBDOMAIN: NameRule = {kind: 'subdomain'}
const PATH_SEGMENT: NameRule = {kind: 'path-segment'}

// Kinds whose names follow another rule than the DNS subdomain most kinds (and every custom resource) use.
const RULES: Record<string, NameRule> = {
  '/Namespace': {kind: 'label'},
  // RelaxedServiceNameValidation (beta, on by default in 1.36) relaxed RFC 1035 labels to RFC 1123 labels.
  '/Service': {kind: 'label'},
  'rbac.authorization.k8s.io/Role': PATH_SEGMENT,
  'rbac.authorization.k8s.io/ClusterRole': PATH_SEGMENT,
  'rbac.authorization.k8s.io/RoleBinding': PATH_SEGMENT,
  'rbac.authorization.k8s.io/ClusterRoleBinding': PATH_SEGMENT,
  'certificates.k8s.io/CertificateSigningRequest': PATH_SEGMENT,
  'apiextensions.k8s.io/CustomResourceDefinition': {kind: 'crd'},
  'apiregistration.k8s.io/APIService': {kind: 'api-service'},
  'networking.k8s.io/IPAddress': {kind: 'ip'},
  // A CronJob's name, plus 11 characters, names its Jobs, which must fit a 63-character label.
  'batch/CronJob': {kind: 'subdomain', maxLength: 52},
}

export function nameRuleFor(group: string, kind: string): NameRule {
  return RULES[`${group}/${kind}`] ?? SUBDOMAIN
}

export interface MetadataOptions {
  rule: NameRule
  namespaced: boolean
  /** Reviews carry no name. */
  nameless?: boolean
}

const LABEL_MAX = 63
const SUBDOMAIN_MAX = 253
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/
const ANNOTATIONS_MAX_BYTES = 256 * 1024

const SUBDOMAIN_TEXT = "must be a lowercase RFC 1123 subdomain: letters a-z, digits, '-' and '.', starting and ending with a letter or digit"
const LABEL_TEXT = "must be a lowercase RFC 1123 label: letters a-z, digits and '-', starting and ending with a letter or digit"
const QUALIFIED_TEXT = "must be a name of letters, digits, '-', '_' and '.' that starts and ends with a letter or digit"

export function metadataFindings(object: Record<string, unknown>, opts: MetadataOptions): SchemaFinding[] {
  const findings: SchemaFinding[] = []
  const metadata = isMapping(object.metadata) ? object.metadata : {}
  if (!opts.nameless) findings.push(...nameFindings(object, metadata, opts.rule))
  const namespace = metadata.namespace
  if (opts.namespaced && typeof namespace === 'string' && namespace !== '') {
    for (const problem of labelProblems(namespace)) findings.push({path: ['metadata', 'namespace'], message: `invalid namespace ${quoteShort(namespace)}: ${problem}`})
  }
  if (isMapping(metadata.labels)) {
    for (const [key, value] of Object.entries(metadata.labels)) {
      const path = ['metadata', 'labels', key]
      for (const problem of qualifiedNameProblems(key)) findings.push({path, message: `invalid label key ${quoteShort(key)}: ${problem}`})
      if (typeof value === 'string') {
        for (const problem of labelValueProblems(value)) findings.push({path, message: `invalid label value ${quoteShort(value)}: ${problem}`})
      }
    }
  }
  if (isMapping(metadata.annotations)) {
    let bytes = 0
    for (const [key, value] of Object.entries(metadata.annotations)) {
      for (const problem of qualifiedNameProblems(key.toLowerCase())) findings.push({path: ['metadata', 'annotations', key], message: `invalid annotation key ${quoteShort(key)}: ${problem}`})
      bytes += Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 0)
    }
    if (bytes > ANNOTATIONS_MAX_BYTES) findings.push({path: ['metadata', 'annotations'], message: `annotations may hold at most ${ANNOTATIONS_MAX_BYTES} bytes in all, got ${bytes}`})
  }
  return findings
}

function nameFindings(object: Record<string, unknown>, metadata: Record<string, unknown>, rule: NameRule): SchemaFinding[] {
  const {name, generateName} = metadata
  if (typeof name === 'string' && name !== '') {
    return nameProblems(name, rule, false, object).map((problem) => ({path: ['metadata', 'name'], message: `invalid name ${quoteShort(name)}: ${problem}`}))
  }
  if (typeof generateName === 'string' && generateName !== '') {
    return nameProblems(generateName, rule, true, object).map((problem) => ({
      path: ['metadata', 'generateName'],
      message: `invalid generateName ${quoteShort(generateName)}: ${problem}`,
    }))
  }
  // A name of the wrong type is the schema's finding.
  if (name !== undefined && name !== null && name !== '') return []
  return [{path: isMapping(object.metadata) ? ['metadata'] : [], message: isMapping(object.metadata) ? 'missing required field "name" (or "generateName")' : 'missing required field "metadata" (with "name")'}]
}

/** What is wrong with a name under a rule; `prefix` for generateName, which may end in '-'. */
export function nameProblems(name: string, rule: NameRule, prefix: boolean, object: Record<string, unknown>): string[] {
  // apimachinery's maskTrailingDash: the generated suffix follows the dash.
  const value = prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -1)}a` : name
  switch (rule.kind) {
    case 'subdomain': {
      const problems = subdomainProblems(value)
      if (rule.maxLength !== undefined && value.length > rule.maxLength) problems.push(`must be no more than ${rule.maxLength} characters`)
      return problems
    }
    case 'label':
      return labelProblems(value)
    case 'path-segment':
      return pathSegmentProblems(value)
    case 'ip':
      return isIP(value) === 0 ? ['must be an IP address'] : []
    case 'crd': {
      const spec = isMapping(object.spec) ? object.spec : {}
      const plural = isMapping(spec.names) ? spec.names.plural : undefined
      const expected = `${typeof plural === 'string' ? plural : ''}.${typeof spec.group === 'string' ? spec.group : ''}`
      return name === expected ? [] : [`must be spec.names.plural + "." + spec.group (${goQuote(expected)})`]
    }
    case 'api-service': {
      const spec = isMapping(object.spec) ? object.spec : {}
      const expected = `${typeof spec.version === 'string' ? spec.version : ''}.${typeof spec.group === 'string' ? spec.group : ''}`
      return name === expected ? [] : [`must be spec.version + "." + spec.group (${goQuote(expected)})`]
    }
  }
}

function subdomainProblems(value: string): string[] {
  const problems: string[] = []
  if (value.length > SUBDOMAIN_MAX) problems.push(`must be no more than ${SUBDOMAIN_MAX} characters`)
  if (!DNS_SUBDOMAIN.test(value)) problems.push(SUBDOMAIN_TEXT)
  return problems
}

function labelProblems(value: string): string[] {
  const problems: string[] = []
  if (value.length > LABEL_MAX) problems.push(`must be no more than ${LABEL_MAX} characters`)
  if (!DNS_LABEL.test(value)) problems.push(LABEL_TEXT)
  return problems
}

function pathSegmentProblems(value: string): string[] {
  if (value === '.' || value === '..') return [`may not be ${goQuote(value)}`]
  const problems: string[] = []
  for (const forbidden of ['/', '%']) if (value.includes(forbidden)) problems.push(`may not contain ${goQuote(forbidden)}`)
  return problems
}

/** IsQualifiedName: NAME or PREFIX/NAME, PREFIX a DNS subdomain. */
function qualifiedNameProblems(key: string): string[] {
  const parts = key.split('/')
  if (parts.length > 2) return [`${QUALIFIED_TEXT}, with an optional DNS subdomain prefix and '/'`]
  const name = parts[parts.length - 1]
  const problems: string[] = []
  if (parts.length === 2) {
    if (parts[0] === '') problems.push('prefix part must be non-empty')
    else problems.push(...subdomainProblems(parts[0]).map((p) => `prefix part ${p}`))
  }
  if (name === '') problems.push('name part must be non-empty')
  else {
    if (name.length > LABEL_MAX) problems.push(`name part must be no more than ${LABEL_MAX} characters`)
    if (!QUALIFIED_NAME.test(name)) problems.push(`name part ${QUALIFIED_TEXT}`)
  }
  return problems
}

function labelValueProblems(value: string): string[] {
  const problems: string[] = []
  if (value.length > LABEL_MAX) problems.push(`must be no more than ${LABEL_MAX} characters`)
  if (value !== '' && !QUALIFIED_NAME.test(value)) problems.push(`must be empty or ${QUALIFIED_TEXT.slice('must be '.length)}`)
  return problems
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}
