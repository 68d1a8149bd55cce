// `describe persistentvolumeclaim`, laid out as kubectl's PersistentVolumeClaimDescriber lays it out:
// the claim, the pods that mount or own it, its conditions and events. (A claim being deleted already
// says Terminating and lists its finalizers.)
import type {KubeObject} from '../resources/objects.js'
import {eventReference, eventsFor, listAll} from './fetch.js'
import type {Describer} from './registry.js'
import {type PersistentVolumeClaim, printPersistentVolumeClaim} from './storage.js'
import {describeEvents, formatRFC1123Z, LEVEL_0, LEVEL_1, tabbedString} from './writer.js'

interface Pod extends KubeObject {
  spec?: {volumes?: Array<{persistentVolumeClaim?: {claimName?: string} | null}> | null}
}

interface Claim extends PersistentVolumeClaim {
  metadata?: KubeObject['metadata']
  status?: PersistentVolumeClaim['status'] & {
    conditions?: Array<{type?: string; status?: string; lastProbeTime?: string | null; lastTransitionTime?: string | null; reason?: string; message?: string}>
  }
}

/** kubectl's getPodsForPVC: a pod once per volume that mounts the claim, then owner pods not yet listed. */
function podsUsing(claim: Claim, pods: Pod[]): string[] {
  const users: Pod[] = []
  for (const pod of pods) {
    for (const volume of pod.spec?.volumes ?? []) if (volume.persistentVolumeClaim && volume.persistentVolumeClaim.claimName === claim.metadata?.name) users.push(pod)
  }
  for (const owner of claim.metadata?.ownerReferences ?? []) {
    if (owner.kind !== 'Pod') continue
    const pod = pods.find((p) => p.metadata?.uid === owner.uid)
    if (pod && !users.some((u) => u.metadata?.uid === pod.metadata?.uid)) users.push(pod)
  }
  // kubectl sorts with Go's unstable sort, but pods of one name print the same either way.
  return users.map((p) => p.metadata?.name ?? '').sort()
}

export const describePersistentVolumeClaim: Describer = async (dctx, obj) => {
  const claim = obj as Claim
  const meta = claim.metadata ?? {}
  const pods = await listAll<Pod>(dctx, `/api/v1/namespaces/${encodeURIComponent(meta.namespace ?? '')}/pods`)
  const users = podsUsing(claim, pods)
  const events = await eventsFor(dctx, eventReference(obj, 'PersistentVolumeClaim'))
  return tabbedString((w) => {
    printPersistentVolumeClaim(w, claim, true, dctx.now)
    w.write(LEVEL_0, 'Used By:\t')
    if (users.length === 0) w.writeLine('<none>')
    users.forEach((name, i) => {
      if (i !== 0) w.write(LEVEL_0, '\t')
      w.write(LEVEL_0, `${name}\n`)
    })
    const conditions = claim.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type ?? ''} \t${c.status ?? ''} \t${formatRFC1123Z(c.lastProbeTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        )
      }
    }
    if (events) describeEvents(events, w, dctx.now)
  })
}
