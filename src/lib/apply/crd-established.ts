// After apply creates CustomResourceDefinitions, their custom resources can be sent only once the
// API server serves the new types: wait for each CRD's Established condition.
import type {KubeClient} from '../client/types.js'
import {CliError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import {sleep} from '../sleep.js'

interface CRDStatus {
  status?: {conditions?: Array<{type?: string; status?: string}>}
}

export async function waitEstablished(client: KubeClient, names: string[], timeoutMs = 60_000, pollMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (const name of names) {
    for (;;) {
      const res = await client.request<KubeObject & CRDStatus>({
        path: `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${encodeURIComponent(name)}`,
        resource: {group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions', name},
      })
      if (res.data.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) break
      if (Date.now() >= deadline) throw new CliError(`error: timed out waiting for CustomResourceDefinition "${name}" to be established`)
      await sleep(pollMs)
    }
  }
}
