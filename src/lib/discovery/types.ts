// Discovery: what resource types a server serves, and how a name the user typed maps onto one.

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

export interface Discovery {
  /** All groups, "" (core) first, in server order. */
  groups(): Promise<APIGroup[]>
  /** All resources of the preferred version of each group (subresources excluded), in server order. */
  preferredResources(): Promise<APIResource[]>
  /** All resources of every served version (subresources excluded). */
  allResources(): Promise<APIResource[]>
  /** Resolve one name (pod, po, pods, deployment.apps, deployments.v1.apps, Deployment ...). Refreshes the cache once on a miss. */
  resolve(name: string): Promise<APIResource>
  /** Drop the cache and fetch again. */
  invalidate(): Promise<void>
}
