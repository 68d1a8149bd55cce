// Beyond kubectl: what apply sends first. Namespaces and CustomResourceDefinitions go before everything
// else, and objects of a kind that a CRD in the same set defines wait until that CRD is Established,
// so one `apply -f dir/` can carry a CRD, its namespace and its custom resources together.
import type {ManifestDocument} from '../manifests/reader.js'

export interface ApplyPhases {
  /** Namespaces and CRDs, in input order. */
  foundations: ManifestDocument[]
  /** Everything else whose kind the server may already know, in input order. */
  rest: ManifestDocument[]
  /** Objects of kinds defined by CRDs in `foundations`: mapped only once those CRDs are served. */
  custom: ManifestDocument[]
  /** group/Kind of every CRD in the set. */
  definedKinds: Set<string>
}

export function isCustomResourceDefinition(d: ManifestDocument): boolean {
  return d.object.kind === 'CustomResourceDefinition' && d.object.apiVersion.startsWith('apiextensions.k8s.io/')
}

function isNamespace(d: ManifestDocument): boolean {
  return d.object.kind === 'Namespace' && d.object.apiVersion === 'v1'
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/')
  return slash < 0 ? '' : apiVersion.slice(0, slash)
}

export function splitPhases(documents: readonly ManifestDocument[]): ApplyPhases {
  const definedKinds = new Set<string>()
  for (const d of documents) {
    if (!isCustomResourceDefinition(d)) continue
    const spec = d.object.spec as {group?: unknown; names?: {kind?: unknown}} | undefined
    if (typeof spec?.group === 'string' && typeof spec.names?.kind === 'string') definedKinds.add(`${spec.group}/${spec.names.kind}`)
  }
  const phases: ApplyPhases = {foundations: [], rest: [], custom: [], definedKinds}
  for (const d of documents) {
    if (isNamespace(d) || isCustomResourceDefinition(d)) phases.foundations.push(d)
    else if (definedKinds.has(`${groupOf(d.object.apiVersion)}/${d.object.kind}`)) phases.custom.push(d)
    else phases.rest.push(d)
  }
  return phases
}
