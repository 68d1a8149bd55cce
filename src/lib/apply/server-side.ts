// Server-side apply of one object: the manifest goes to the server as an apply patch and the server
// merges it by field ownership. A conflict is explained the way kubectl explains it.
import type {KubeClient} from '../client/types.js'
import {CliError, StatusError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'
import type {AppliedObject, ApplyTarget, DryRun} from './types.js'

export interface ServerSideOptions {
  dryRun: DryRun
  fieldManager: string
  forceConflicts: boolean
  fieldValidation: string
}

const CONFLICT_HELP = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`

export async function applyServerSide(client: KubeClient, target: ApplyTarget, opts: ServerSideOptions): Promise<AppliedObject> {
  try {
    const res = await client.request<KubeObject>({
      method: 'PATCH',
      path: resourcePath(target.resource, target.namespace, target.name),
      query: {
        fieldManager: opts.fieldManager,
        fieldValidation: opts.fieldValidation || undefined,
        force: opts.forceConflicts,
        dryRun: opts.dryRun === 'server' ? 'All' : undefined,
      },
      body: target.object,
      contentType: 'application/apply-patch+yaml',
      resource: {group: target.resource.group, resource: target.resource.name, name: target.name},
    })
    return {operation: 'serverside-applied', object: res.data}
  } catch (err) {
    if (err instanceof StatusError && err.code === 409 && err.status.details?.causes?.some((c) => c.reason === 'FieldManagerConflict')) {
      throw new CliError(`error: ${err.status.message ?? ''}\n${CONFLICT_HELP}`)
    }
    throw err
  }
}
