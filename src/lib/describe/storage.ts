// Storage helpers kubectl's describers share (kubectl's util/storage): storage classes, access modes,
// and the PersistentVolumeClaim block that ephemeral volumes and PVCs print.
import type {ObjectMeta} from '../resources/objects.js'
import {LEVEL_0, LEVEL_1, type PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, translateTimestampSince} from './writer.js'

export interface PersistentVolumeClaim {
  metadata?: ObjectMeta
  spec?: {
    storageClassName?: string | null
    volumeName?: string
    volumeMode?: string | null
    accessModes?: string[] | null
    resources?: {requests?: Record<string, string>; limits?: Record<string, string>}
    dataSource?: {apiGroup?: string | null; kind?: string; name?: string} | null
  }
  status?: {phase?: string; accessModes?: string[] | null; capacity?: Record<string, string>; conditions?: unknown[]}
}

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

/** storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
export function persistentVolumeClaimClass(claim: PersistentVolumeClaim): string {
  const annotations = claim.metadata?.annotations ?? {}
  if (BETA_STORAGE_CLASS_ANNOTATION in annotations) return annotations[BETA_STORAGE_CLASS_ANNOTATION]
  return claim.spec?.storageClassName ?? ''
}

/** storageutil.GetAccessModesAsString: "RWO,ROX,RWX,RWOP" in that order, each once. */
export function accessModesAsString(modes: readonly string[] | null | undefined): string {
  const set = new Set(modes ?? [])
  const short: Array<[string, string]> = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ]
  return short
    .filter(([mode]) => set.has(mode))
    .map(([, s]) => s)
    .join(',')
}

/**
 * kubectl's printPersistentVolumeClaim, for a PVC (full) and for the claim template of an ephemeral
 * volume (not full: no name, namespace, status or finalizers).
 */
export function printPersistentVolumeClaim(w: PrefixWriter, pvc: PersistentVolumeClaim, isFullPVC: boolean, now: number): void {
  const meta = pvc.metadata ?? {}
  if (isFullPVC) {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
  }
  w.write(LEVEL_0, `StorageClass:\t${persistentVolumeClaimClass(pvc)}\n`)
  if (isFullPVC) {
    if (meta.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, now)})\n`)
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`)
  }
  w.write(LEVEL_0, `Volume:\t${pvc.spec?.volumeName ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', meta.labels)
  printAnnotationsMultiline(w, 'Annotations', meta.annotations)
  if (isFullPVC) w.write(LEVEL_0, `Finalizers:\t[${(meta.finalizers ?? []).join(' ')}]\n`)
  let capacity = ''
  let accessModes = ''
  if (pvc.spec?.volumeName) {
    accessModes = accessModesAsString(pvc.status?.accessModes)
    capacity = pvc.status?.capacity?.storage ?? '0'
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`)
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`)
  if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`)
  const dataSource = pvc.spec?.dataSource
  if (dataSource) {
    w.write(LEVEL_0, 'DataSource:\n')
    if (dataSource.apiGroup !== undefined && dataSource.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${dataSource.apiGroup}\n`)
    w.write(LEVEL_1, `Kind:\t${dataSource.kind ?? ''}\n`)
    w.write(LEVEL_1, `Name:\t${dataSource.name ?? ''}\n`)
  }
}
