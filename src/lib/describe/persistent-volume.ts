// `describe persistentvolume`, laid out as kubectl's PersistentVolumeDescriber lays it out. Sources a
// pod volume shares print as a pod's do; the PersistentVolume forms (secret references with a
// namespace, CSI volume handles, local paths) are here. (A volume being deleted already says
// Terminating and lists its finalizers.)
import type {KubeObject} from '../resources/objects.js'
import {eventReference, eventsFor} from './fetch.js'
import {goValue} from './format.js'
import type {Describer} from './registry.js'
import {accessModesAsString} from './storage.js'
import {
  printAWSElasticBlockStore,
  printAzureDisk,
  printCSIVolumeAttributes,
  printFC,
  printFlocker,
  printGCEPersistentDisk,
  printHostPath,
  printNFS,
  printPhotonPersistentDisk,
  printPortworx,
  printQuobyte,
  printStorageOS,
  printVsphere,
} from './volumes.js'
import {describeEvents, goStringSlice, LEVEL_0, LEVEL_1, LEVEL_2, type PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, tabbedString, translateTimestampSince} from './writer.js'

type Source = Record<string, any>

interface NodeSelectorRequirement {
  key?: string
  operator?: string
  values?: string[] | null
}

interface PersistentVolume extends KubeObject {
  spec?: Source & {
    capacity?: Record<string, string>
    accessModes?: string[] | null
    persistentVolumeReclaimPolicy?: string
    storageClassName?: string
    volumeMode?: string | null
    claimRef?: {namespace?: string; name?: string} | null
    nodeAffinity?: {required?: {nodeSelectorTerms?: Array<{matchExpressions?: NodeSelectorRequirement[] | null}> | null} | null} | null
  }
  status?: {phase?: string; message?: string}
}

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v)
}

function bool(v: unknown): string {
  return v === true ? 'true' : 'false'
}

/** Go's %v of a *SecretReference: its generated String(), or nil. */
function secretReference(ref: {name?: string; namespace?: string} | null | undefined): string {
  return ref ? `&SecretReference{Name:${ref.name ?? ''},Namespace:${ref.namespace ?? ''},}` : 'nil'
}

/** A `Type:` line, then `Key:\tvalue` lines indented as kubectl's multi-line Write calls indent them. */
function block(w: PrefixWriter, type: string, fields: Array<[string, string]>): void {
  w.write(LEVEL_2, `Type:\t${type}\n${fields.map(([k, v]) => `    ${k}\t${v}\n`).join('')}`)
}

function printISCSI(s: Source, w: PrefixWriter): void {
  block(w, "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)", [
    ['TargetPortal:', str(s.targetPortal)],
    ['IQN:', str(s.iqn)],
    ['Lun:', str(s.lun ?? 0)],
    ['ISCSIInterface', str(s.iscsiInterface)],
    ['FSType:', str(s.fsType)],
    ['ReadOnly:', bool(s.readOnly)],
    ['Portals:', goStringSlice(s.portals)],
    ['DiscoveryCHAPAuth:', bool(s.chapAuthDiscovery)],
    ['SessionCHAPAuth:', bool(s.chapAuthSession)],
    ['SecretRef:', secretReference(s.secretRef)],
    ['InitiatorName:', s.initiatorName === undefined || s.initiatorName === null ? '<none>' : String(s.initiatorName)],
  ])
}

function printGlusterfs(s: Source, w: PrefixWriter): void {
  block(w, "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", [
    ['EndpointsName:', str(s.endpoints)],
    ['EndpointsNamespace:', s.endpointsNamespace === undefined || s.endpointsNamespace === null ? '<unset>' : String(s.endpointsNamespace)],
    ['Path:', str(s.path)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

function printRBD(s: Source, w: PrefixWriter): void {
  block(w, "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", [
    ['CephMonitors:', goStringSlice(s.monitors)],
    ['RBDImage:', str(s.image)],
    ['FSType:', str(s.fsType)],
    ['RBDPool:', str(s.pool)],
    ['RadosUser:', str(s.user)],
    ['Keyring:', str(s.keyring)],
    ['SecretRef:', secretReference(s.secretRef)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

function printCinder(s: Source, w: PrefixWriter): void {
  block(w, 'Cinder (a Persistent Disk resource in OpenStack)', [
    ['VolumeID:', str(s.volumeID)],
    ['FSType:', str(s.fsType)],
    ['ReadOnly:', bool(s.readOnly)],
    ['SecretRef:', secretReference(s.secretRef)],
  ])
}

function printScaleIO(s: Source, w: PrefixWriter): void {
  block(w, 'ScaleIO (a persistent volume backed by a block device in ScaleIO)', [
    ['Gateway:', str(s.gateway)],
    ['System:', str(s.system)],
    ['Protection Domain:', str(s.protectionDomain)],
    ['Storage Pool:', str(s.storagePool)],
    ['Storage Mode:', str(s.storageMode)],
    ['VolumeName:', str(s.volumeName)],
    ['SecretName:', str(s.secretRef?.name)],
    ['SecretNamespace:', str(s.secretRef?.namespace)],
    ['FSType:', str(s.fsType)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

function printLocal(s: Source, w: PrefixWriter): void {
  block(w, 'LocalVolume (a persistent volume backed by local storage on a node)', [['Path:', str(s.path)]])
}

function printCephFS(s: Source, w: PrefixWriter): void {
  block(w, "CephFS (a CephFS mount on the host that shares a pod's lifetime)", [
    ['Monitors:', goStringSlice(s.monitors)],
    ['Path:', str(s.path)],
    ['User:', str(s.user)],
    ['SecretFile:', str(s.secretFile)],
    ['SecretRef:', secretReference(s.secretRef)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

function printAzureFile(s: Source, w: PrefixWriter): void {
  block(w, 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)', [
    ['SecretName:', str(s.secretName)],
    ['SecretNamespace:', str(s.secretNamespace)],
    ['ShareName:', str(s.shareName)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

function printFlex(s: Source, w: PrefixWriter): void {
  block(w, 'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)', [
    ['Driver:', str(s.driver)],
    ['FSType:', str(s.fsType)],
    ['SecretRef:', secretReference(s.secretRef)],
    ['ReadOnly:', bool(s.readOnly)],
    ['Options:', goValue(s.options ?? {})],
  ])
}

function printCSI(s: Source, w: PrefixWriter): void {
  block(w, 'CSI (a Container Storage Interface (CSI) volume source)', [
    ['Driver:', str(s.driver)],
    ['FSType:', str(s.fsType)],
    ['VolumeHandle:', str(s.volumeHandle)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
  printCSIVolumeAttributes(w, 'VolumeAttributes', s.volumeAttributes)
}

/** The volume's source, in the order kubectl checks them. */
const SOURCES: Array<[string, (s: Source, w: PrefixWriter) => void]> = [
  ['hostPath', printHostPath],
  ['gcePersistentDisk', printGCEPersistentDisk],
  ['awsElasticBlockStore', printAWSElasticBlockStore],
  ['nfs', printNFS],
  ['iscsi', printISCSI],
  ['glusterfs', printGlusterfs],
  ['rbd', printRBD],
  ['quobyte', printQuobyte],
  ['vsphereVolume', printVsphere],
  ['cinder', printCinder],
  ['azureDisk', printAzureDisk],
  ['photonPersistentDisk', printPhotonPersistentDisk],
  ['portworxVolume', printPortworx],
  ['scaleIO', printScaleIO],
  ['local', printLocal],
  ['cephfs', printCephFS],
  ['storageos', printStorageOS],
  ['fc', printFC],
  ['azureFile', printAzureFile],
  ['flexVolume', printFlex],
  ['flocker', printFlocker],
  ['csi', printCSI],
]

function printNodeAffinity(w: PrefixWriter, affinity: NonNullable<PersistentVolume['spec']>['nodeAffinity']): void {
  w.write(LEVEL_0, 'Node Affinity:\t')
  if (!affinity?.required) {
    w.writeLine('<none>')
    return
  }
  w.writeLine('')
  w.write(LEVEL_1, 'Required Terms:\t')
  const terms = affinity.required.nodeSelectorTerms ?? []
  if (terms.length === 0) {
    w.writeLine('<none>')
    return
  }
  w.writeLine('')
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`)
    const requirements = term.matchExpressions ?? []
    if (requirements.length === 0) {
      w.writeLine('<none>')
      return
    }
    requirements.forEach((req, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t')
      const values = req.values ?? []
      const expr = `${req.key ?? ''} ${(req.operator ?? '').toLowerCase()}`
      w.write(LEVEL_0, `${values.length > 0 ? `${expr} [${values.join(', ')}]` : expr}\n`)
    })
  })
}

export const describePersistentVolume: Describer = async (dctx, obj) => {
  const pv = obj as PersistentVolume
  const meta = pv.metadata ?? {}
  const spec = pv.spec ?? {}
  const events = await eventsFor(dctx, eventReference(pv, 'PersistentVolume'))
  const annotations = meta.annotations ?? {}
  const storageClass = BETA_STORAGE_CLASS_ANNOTATION in annotations ? annotations[BETA_STORAGE_CLASS_ANNOTATION] : (spec.storageClassName ?? '')
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    w.write(LEVEL_0, `Finalizers:\t${goStringSlice(meta.finalizers)}\n`)
    w.write(LEVEL_0, `StorageClass:\t${storageClass}\n`)
    if (meta.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, dctx.now)})\n`)
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`)
    w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`)
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`)
    w.write(LEVEL_0, `Access Modes:\t${accessModesAsString(spec.accessModes)}\n`)
    if (spec.volumeMode !== undefined && spec.volumeMode !== null) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`)
    w.write(LEVEL_0, `Capacity:\t${spec.capacity?.storage ?? '0'}\n`)
    printNodeAffinity(w, spec.nodeAffinity)
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`)
    w.write(LEVEL_0, 'Source:\n')
    const source = SOURCES.find(([field]) => spec[field])
    if (source) source[1](spec[source[0]], w)
    else w.write(LEVEL_1, '<unknown>\n')
    if (events) describeEvents(events, w, dctx.now)
  })
}
