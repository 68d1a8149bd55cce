// Validates what the manifest reader yields against the bundled Kubernetes schemas and CRD schemas,
// reporting every problem of every document with the line and column it is at.
//
// API
//   validateDocuments(documents, opts?) -> Promise<ValidationProblem[]>
//     opts.mode            'strict' (default): problems are errors; 'warn': all are warnings
//     opts.missingSchemas  what a document no schema describes gets: 'error' (default), 'warn'
//                          (reported and skipped, --ignore-missing-schemas), 'skip' (silently, for
//                          create/apply, where the server's discovery has the last word; apiVersions
//                          the bundled set does not serve are skipped too, as the server may still)
//     opts.crdSources      CRDs beyond the documents' own, read in order on demand
//                          (--schema-location, then the cluster)
//   formatProblem(problem) -> `deploy.yaml:14:9: spec.template.spec.containers[0].imagePullPolicyy: unknown field (did you mean "imagePullPolicy"?)`
//
// Per document: a built-in kind is checked against its bundled schema (schemas/, Kubernetes 1.36) and
// the API server's ObjectMeta rules (names.ts); a group/version Kubernetes no longer serves gets its
// replacement (removed-apis.ts); any other kind is looked up among the CRDs of the documents
// themselves, then opts.crdSources. Problems come in document order, by position within a document.
import type {ErrorObject, ValidateFunction} from 'ajv'
import {goQuote} from '../go/quote.js'
import type {ManifestDocument} from '../manifests/reader.js'
import {builtinValidator, loadedBuiltinValidator} from './builtin-validators.js'
import {type CRDSource, CustomKinds} from './crd-sources.js'
import {describeErrors, orList, type SchemaFinding} from './messages.js'
import {type MetadataOptions, metadataFindings, nameRuleFor} from './names.js'
import {locate, type Severity, type ValidationProblem} from './problems.js'
import {removedAPI} from './removed-apis.js'
import {apiVersionsServing, type BuiltinKind, builtinKind, isBuiltinGroup, KUBERNETES_RELEASE, kindsOf, splitAPIVersion} from './schema-set.js'
import {closest} from './suggest.js'

export type {ValidationProblem} from './problems.js'
export {formatProblem} from './problems.js'

export interface ValidateOptions {
  mode?: 'strict' | 'warn'
  missingSchemas?: 'error' | 'warn' | 'skip'
  crdSources?: readonly CRDSource[]
}

/** One document's outcome: its problems, and whether it was skipped for want of a schema. */
export interface DocumentResult {
  problems: ValidationProblem[]
  skipped: boolean
}

export async function validateDocuments(documents: readonly ManifestDocument[], opts: ValidateOptions = {}): Promise<ValidationProblem[]> {
  return (await validateEach(documents, opts)).flatMap((result) => result.problems)
}

/** validateDocuments, one result per document (in the same order), for callers that count. */
export async function validateEach(documents: readonly ManifestDocument[], opts: ValidateOptions = {}): Promise<DocumentResult[]> {
  const customKinds = new CustomKinds(opts.crdSources ?? [])
  // A CRD and its resources validate together whatever their order.
  for (const document of documents) customKinds.add(document.object)
  const results: DocumentResult[] = []
  for (const document of documents) {
    // Most documents are of a built-in kind met before: no need to wait for anything.
    const outcome = checkLoadedBuiltin(document) ?? (await check(document, customKinds, opts))
    results.push(result(document, outcome, opts))
  }
  return results
}

interface Outcome {
  findings: SchemaFinding[]
  skipped?: boolean
  /** Findings about the schema's existence follow opts.missingSchemas rather than opts.mode. */
  severity?: Severity
}

function result(document: ManifestDocument, outcome: Outcome, opts: ValidateOptions): DocumentResult {
  if (outcome.findings.length === 0) return {problems: [], skipped: outcome.skipped ?? false}
  const severity: Severity = outcome.severity ?? (opts.mode === 'warn' ? 'warning' : 'error')
  const problems = outcome.findings.map((finding) => ({document, ...locate(document, finding.path, finding.atValue), path: finding.path, message: finding.message, severity}))
  problems.sort((a, b) => a.line - b.line || a.column - b.column)
  return {problems, skipped: outcome.skipped ?? false}
}

function checkLoadedBuiltin(document: ManifestDocument): Outcome | undefined {
  const builtin = builtinKind(document.object.apiVersion, document.object.kind)
  const validator = builtin && loadedBuiltinValidator(builtin)
  return validator && builtinOutcome(document, builtin, validator)
}

const metadataOptions = new WeakMap<BuiltinKind, MetadataOptions>()

function builtinOutcome(document: ManifestDocument, builtin: BuiltinKind, validator: ValidateFunction): Outcome {
  let options = metadataOptions.get(builtin)
  if (!options) {
    options = {rule: nameRuleFor(splitAPIVersion(builtin.apiVersion).group, builtin.kind), namespaced: builtin.namespaced, nameless: builtin.nameless}
    metadataOptions.set(builtin, options)
  }
  const findings = run(validator, document.object)
  findings.push(...metadataFindings(document.object, options))
  return {findings}
}

async function check(document: ManifestDocument, customKinds: CustomKinds, opts: ValidateOptions): Promise<Outcome> {
  const {object} = document
  const {apiVersion, kind} = object
  const {group} = splitAPIVersion(apiVersion)
  const builtin = builtinKind(apiVersion, kind)
  if (builtin) return builtinOutcome(document, builtin, await builtinValidator(builtin))
  if (isBuiltinGroup(group) || removedAPI(apiVersion, kind)) {
    if (opts.missingSchemas === 'skip') return {findings: [], skipped: true}
    return {findings: [notServed(apiVersion, kind)]}
  }
  const custom = await customKinds.find(apiVersion, kind)
  if (!custom) return missingSchema(apiVersion, kind, customKinds, opts)
  let validator: ValidateFunction
  try {
    validator = await customKinds.validator(custom)
  } catch (err) {
    return {findings: [{path: ['kind'], message: `the schema of CustomResourceDefinition ${goQuote(custom.crd)} for ${apiVersion} does not compile: ${(err as Error).message}`}]}
  }
  const findings = run(validator, object)
  findings.push(...metadataFindings(object, {rule: nameRuleFor(group, kind), namespaced: custom.namespaced}))
  return {findings}
}

function run(validator: ValidateFunction, object: Record<string, unknown>): SchemaFinding[] {
  if (validator(object)) return []
  return describeErrors((validator.errors ?? []) as ErrorObject[], object)
}

/** A built-in group/version Kubernetes does not serve (any more), or a kind it never had. */
function notServed(apiVersion: string, kind: string): SchemaFinding {
  const removal = removedAPI(apiVersion, kind)
  if (removal) {
    const instead = removal.replacement ? `use ${removal.replacement}` : (removal.note ?? '')
    return {path: ['apiVersion'], message: `${apiVersion} ${kind} was removed in Kubernetes ${removal.removedIn}; ${instead}`}
  }
  const {group} = splitAPIVersion(apiVersion)
  const serving = [...apiVersionsServing(kind, group), ...apiVersionsServing(kind).filter((v) => splitAPIVersion(v).group !== group)]
  if (serving.length > 0) return {path: ['apiVersion'], message: `${kind} is not served as ${apiVersion} in Kubernetes ${KUBERNETES_RELEASE}; use ${serving[0]}`}
  const kinds = kindsOf(apiVersion)
  if (!kinds) return {path: ['apiVersion'], message: `${apiVersion} is not served by Kubernetes ${KUBERNETES_RELEASE}`}
  const suggestion = closest(kind, kinds)
  return {path: ['kind'], message: `${apiVersion} has no kind ${goQuote(kind)}${suggestion ? ` (did you mean ${goQuote(suggestion)}?)` : ''}`}
}

function missingSchema(apiVersion: string, kind: string, customKinds: CustomKinds, opts: ValidateOptions): Outcome {
  if (opts.missingSchemas === 'skip') return {findings: [], skipped: true}
  const elsewhere = customKinds.otherVersions(apiVersion, kind)
  let message =
    elsewhere.length > 0
      ? `no schema for ${apiVersion} ${kind}: CustomResourceDefinition ${goQuote(elsewhere[0].crd)} serves it as ${orList(elsewhere.map((k) => k.apiVersion))}`
      : `no schema for ${apiVersion} ${kind}: no CustomResourceDefinition in ${orList(['the input', ...customKinds.consulted])} defines it`
  if (customKinds.unavailable.length > 0) message += ` (could not read ${customKinds.unavailable.join('; ')})`
  const builtinAs = apiVersionsServing(kind)
  if (builtinAs.length > 0) message += `; Kubernetes serves ${kind} as ${builtinAs[0]}`
  if (opts.missingSchemas === 'warn') return {findings: [{path: ['kind'], message: `${message}; skipped`}], skipped: true, severity: 'warning'}
  return {findings: [{path: ['kind'], message}]}
}
