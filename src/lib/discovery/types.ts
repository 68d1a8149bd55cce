// Discovery: what resource types a server serves, and how a name the user typed maps onto one.
import type {CliError} from '../errors.js'

/** One resource type as served by one group/version (metav1.APIResource plus its group/version). */
export interface APIResource {
  name: string
  singularName: string
  namespaced: boolean
  group: string
  version: string
  kind: string
  verbs: string[]
  shortNames: string[]
  categories: string[]
}

export interface GroupVersion {
  group: string
  version: string
}

/** One API group and its versions, preferred first. */
export interface APIGroup {
  name: string
  versions: string[]
  preferredVersion: string
}

/** The result of resolving a user-typed type name: which resource, served where. */
export interface RESTMapping {
  resource: APIResource
  /** e.g. "deployments.apps" or "pods": the string kubectl prints in `kind.group/name` prefixes uses kind. */
}

/** Resources with the group-versions that could not be read (kubectl lists what it got, then fails). */
export interface ServerResources {
  resources: APIResource[]
  /** kubectl's `unable to retrieve the complete list of server APIs: ...` when some group-versions failed. */
  error?: CliError
}

export interface ResolveOptions {
  /** Hears kubectl's warnings, e.g. `short name "ing" could also match lower priority resource ingresses.extensions`. */
  warn?: (message: string) => void
}

export interface Discovery {
  /** All groups, "" (core) first, in server order. */
  groups(): Promise<APIGroup[]>
  /** Each resource type once, at its group's preferred version when served there (subresources excluded), in server order. */
  preferredResources(): Promise<APIResource[]>
  /** preferredResources plus the failure kubectl reports for group-versions it could not read. */
  serverPreferredResources(): Promise<ServerResources>
  /** All resources of every served version (subresources excluded). */
  allResources(): Promise<APIResource[]>
  /** Resolve one name (pod, po, pods, deployment.apps, deployments.v1.apps, Deployment ...). Refreshes the cache once on a miss. */
  resolve(name: string, opts?: ResolveOptions): Promise<APIResource>
  /** The resources of a category (`all`), as `resource[.group]` strings, or undefined when none has it. */
  expandCategory(category: string): Promise<string[] | undefined>
  /** Ignore cached documents from earlier runs: the next call asks the server. */
  invalidate(): Promise<void>
}
