// REST paths and the names kubectl prints for resource types.
import type {APIResource} from '../discovery/types.js'

/** /api/v1/namespaces/NS/pods/NAME or /apis/GROUP/VERSION/... ; namespace omitted for cluster scope or all namespaces. */
export function resourcePath(resource: APIResource, namespace?: string, name?: string): string {
  const base = resource.group === '' ? `/api/${resource.version}` : `/apis/${resource.group}/${resource.version}`
  const ns = resource.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''
  return `${base}${ns}/${resource.name}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`
}

/** The group/kind as kubectl prints it before a name: `pod`, `deployment.apps`. */
export function kindPrefix(resource: Pick<APIResource, 'kind' | 'group'>): string {
  return (resource.group ? `${resource.kind}.${resource.group}` : resource.kind).toLowerCase()
}

/** `pods` or `deployments.apps`: how kubectl names a resource type in messages. */
export function groupResource(resource: Pick<APIResource, 'name' | 'group'>): string {
  return resource.group ? `${resource.name}.${resource.group}` : resource.name
}

export function apiVersion(resource: Pick<APIResource, 'group' | 'version'>): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version
}
