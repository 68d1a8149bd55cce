import type {KubeObject} from './objects.js'

/** kubectl hides metadata.managedFields in -o json/yaml unless --show-managed-fields. */
export function withoutManagedFields(obj: KubeObject): KubeObject {
  if (!obj.metadata?.managedFields) return obj
  const {managedFields: _, ...metadata} = obj.metadata
  return {...obj, metadata}
}
