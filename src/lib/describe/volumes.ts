// A pod's volumes as kubectl's describeVolumes prints them: one block per volume source type, values
// printed as Go's %v prints them (pointers to references as &{name}, lists as [a b]).
import {type PersistentVolumeClaim, printPersistentVolumeClaim} from './storage.js'
import {goValue} from './format.js'
import {parseQuantity} from './quantity.js'
import {goStringSlice, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, nestedPrefixWriter, type PrefixWriter} from './writer.js'

type Source = Record<string, any>

export interface Volume {
  name: string
  [source: string]: unknown
}

/** Go's %v of a *LocalObjectReference (or *SecretReference): `&{name}` / `&{name namespace}`, `<nil>`. */
export function goObjectRef(ref: {name?: string; namespace?: string} | null | undefined, withNamespace = false): string {
  if (!ref) return '<nil>'
  return withNamespace ? `&{${ref.name ?? ''} ${ref.namespace ?? ''}}` : `&{${ref.name ?? ''}}`
}

function bool(v: unknown): string {
  return v === true ? 'true' : 'false'
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v)
}

function num(v: unknown): string {
  return v === undefined || v === null ? '0' : String(v)
}

/** Writes `Volumes:` and each volume of a pod (space: '' for pods, '  ' inside a pod template). */
export function describeVolumes(volumes: Volume[] | null | undefined, w: PrefixWriter, space: string, now: number): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  for (const volume of volumes) {
    const nameIndent = space.length > 0 ? ' ' : ''
    w.write(LEVEL_1, `${nameIndent}${volume.name}:\n`)
    printVolumeSource(volume as Source, w, now)
  }
}

function printVolumeSource(v: Source, w: PrefixWriter, now: number): void {
  if (v.hostPath) return printHostPath(v.hostPath, w)
  if (v.emptyDir) return printEmptyDir(v.emptyDir, w)
  if (v.gcePersistentDisk) return printGCEPersistentDisk(v.gcePersistentDisk, w)
  if (v.awsElasticBlockStore) return printAWSElasticBlockStore(v.awsElasticBlockStore, w)
  if (v.gitRepo) return printGitRepo(v.gitRepo, w)
  if (v.secret) return printSecret(v.secret, w)
  if (v.configMap) return printConfigMap(v.configMap, w)
  if (v.nfs) return printNFS(v.nfs, w)
  if (v.iscsi) return printISCSI(v.iscsi, w)
  if (v.glusterfs) return printGlusterfs(v.glusterfs, w)
  if (v.persistentVolumeClaim) return printPersistentVolumeClaimSource(v.persistentVolumeClaim, w)
  if (v.ephemeral) return printEphemeral(v.ephemeral, w, now)
  if (v.rbd) return printRBD(v.rbd, w)
  if (v.quobyte) return printQuobyte(v.quobyte, w)
  if (v.downwardAPI) return printDownwardAPI(v.downwardAPI, w)
  if (v.azureDisk) return printAzureDisk(v.azureDisk, w)
  if (v.vsphereVolume) return printVsphere(v.vsphereVolume, w)
  if (v.cinder) return printCinder(v.cinder, w)
  if (v.photonPersistentDisk) return printPhotonPersistentDisk(v.photonPersistentDisk, w)
  if (v.portworxVolume) return printPortworx(v.portworxVolume, w)
  if (v.scaleIO) return printScaleIO(v.scaleIO, w)
  if (v.cephfs) return printCephFS(v.cephfs, w)
  if (v.storageos) return printStorageOS(v.storageos, w)
  if (v.fc) return printFC(v.fc, w)
  if (v.azureFile) return printAzureFile(v.azureFile, w)
  if (v.flexVolume) return printFlex(v.flexVolume, w)
  if (v.flocker) return printFlocker(v.flocker, w)
  if (v.projected) return printProjected(v.projected, w)
  if (v.csi) return printCSI(v.csi, w)
  if (v.image) return printImage(v.image, w)
  w.write(LEVEL_1, '<unknown>\n')
}

/** Lines of `Key:\tvalue` after a `Type:` line, indented as kubectl's multi-line Write calls indent them. */
function block(w: PrefixWriter, type: string, fields: Array<[string, string]>): void {
  w.write(LEVEL_2, `Type:\t${type}\n${fields.map(([k, v]) => `    ${k}\t${v}\n`).join('')}`)
}

export function printHostPath(s: Source, w: PrefixWriter): void {
  block(w, 'HostPath (bare host directory volume)', [
    ['Path:', str(s.path)],
    ['HostPathType:', s.type === undefined || s.type === null ? '<none>' : String(s.type)],
  ])
}

export function printEmptyDir(s: Source, w: PrefixWriter): void {
  const limit = parseQuantity(s.sizeLimit)
  const sizeLimit = limit !== undefined && limit > 0n ? String(s.sizeLimit) : '<unset>'
  block(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
    ['Medium:', str(s.medium)],
    ['SizeLimit:', sizeLimit],
  ])
}

export function printGCEPersistentDisk(s: Source, w: PrefixWriter): void {
  block(w, 'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', [
    ['PDName:', str(s.pdName)],
    ['FSType:', str(s.fsType)],
    ['Partition:', num(s.partition)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printAWSElasticBlockStore(s: Source, w: PrefixWriter): void {
  block(w, 'AWSElasticBlockStore (a Persistent Disk resource in AWS)', [
    ['VolumeID:', str(s.volumeID)],
    ['FSType:', str(s.fsType)],
    ['Partition:', num(s.partition)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printGitRepo(s: Source, w: PrefixWriter): void {
  block(w, 'GitRepo (a volume that is pulled from git when the pod is created)', [
    ['Repository:', str(s.repository)],
    ['Revision:', str(s.revision)],
  ])
}

export function printSecret(s: Source, w: PrefixWriter): void {
  block(w, 'Secret (a volume populated by a Secret)', [
    ['SecretName:', str(s.secretName)],
    ['Optional:', bool(s.optional)],
  ])
}

export function printConfigMap(s: Source, w: PrefixWriter): void {
  block(w, 'ConfigMap (a volume populated by a ConfigMap)', [
    ['Name:', str(s.name)],
    ['Optional:', bool(s.optional)],
  ])
}

export function printProjected(s: Source, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
  for (const source of (s.sources ?? []) as Source[]) {
    if (source.secret) w.write(LEVEL_2, `SecretName:\t${str(source.secret.name)}\n    SecretOptionalName:\t${optionalPointer(source.secret.optional)}\n`)
    else if (source.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
    else if (source.configMap) w.write(LEVEL_2, `ConfigMapName:\t${str(source.configMap.name)}\n    ConfigMapOptional:\t${optionalPointer(source.configMap.optional)}\n`)
    else if (source.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${num(source.serviceAccountToken.expirationSeconds)}\n`)
  }
}

/**
 * kubectl 1.32 prints these *bool fields with %v: `<nil>` when unset and a memory address when set;
 * ktl prints the value instead of the address.
 */
function optionalPointer(v: unknown): string {
  return v === undefined || v === null ? '<nil>' : bool(v)
}

export function printNFS(s: Source, w: PrefixWriter): void {
  block(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [
    ['Server:', str(s.server)],
    ['Path:', str(s.path)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printQuobyte(s: Source, w: PrefixWriter): void {
  block(w, "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", [
    ['Registry:', str(s.registry)],
    ['Volume:', str(s.volume)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printPortworx(s: Source, w: PrefixWriter): void {
  block(w, 'PortworxVolume (a Portworx Volume resource)', [['VolumeID:', str(s.volumeID)]])
}

export function printISCSI(s: Source, w: PrefixWriter): void {
  block(w, "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)", [
    ['TargetPortal:', str(s.targetPortal)],
    ['IQN:', str(s.iqn)],
    ['Lun:', num(s.lun)],
    ['ISCSIInterface', str(s.iscsiInterface)],
    ['FSType:', str(s.fsType)],
    ['ReadOnly:', bool(s.readOnly)],
    ['Portals:', goStringSlice(s.portals)],
    ['DiscoveryCHAPAuth:', bool(s.chapAuthDiscovery)],
    ['SessionCHAPAuth:', bool(s.chapAuthSession)],
    ['SecretRef:', goObjectRef(s.secretRef)],
    ['InitiatorName:', s.initiatorName === undefined || s.initiatorName === null ? '<none>' : String(s.initiatorName)],
  ])
}

export function printGlusterfs(s: Source, w: PrefixWriter): void {
  block(w, "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", [
    ['EndpointsName:', str(s.endpoints)],
    ['Path:', str(s.path)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printPersistentVolumeClaimSource(s: Source, w: PrefixWriter): void {
  block(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [
    ['ClaimName:', str(s.claimName)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printEphemeral(s: Source, w: PrefixWriter, now: number): void {
  w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n')
  if (s.volumeClaimTemplate) {
    const template = s.volumeClaimTemplate as PersistentVolumeClaim
    printPersistentVolumeClaim(nestedPrefixWriter(w, LEVEL_2), {metadata: template.metadata, spec: template.spec}, false, now)
  }
}

export function printRBD(s: Source, w: PrefixWriter): void {
  block(w, "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", [
    ['CephMonitors:', goStringSlice(s.monitors)],
    ['RBDImage:', str(s.image)],
    ['FSType:', str(s.fsType)],
    ['RBDPool:', str(s.pool)],
    ['RadosUser:', str(s.user)],
    ['Keyring:', str(s.keyring)],
    ['SecretRef:', goObjectRef(s.secretRef)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printDownwardAPI(s: Source, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
  for (const item of (s.items ?? []) as Source[]) {
    if (item.fieldRef) w.write(LEVEL_3, `${str(item.fieldRef.fieldPath)} -> ${str(item.path)}\n`)
    if (item.resourceFieldRef) w.write(LEVEL_3, `${str(item.resourceFieldRef.resource)} -> ${str(item.path)}\n`)
  }
}

export function printAzureDisk(s: Source, w: PrefixWriter): void {
  block(w, 'AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)', [
    ['DiskName:', str(s.diskName)],
    ['DiskURI:', str(s.diskURI)],
    ['Kind: ', str(s.kind)],
    ['FSType:', str(s.fsType)],
    ['CachingMode:', str(s.cachingMode)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printVsphere(s: Source, w: PrefixWriter): void {
  block(w, 'vSphereVolume (a Persistent Disk resource in vSphere)', [
    ['VolumePath:', str(s.volumePath)],
    ['FSType:', str(s.fsType)],
    ['StoragePolicyName:', str(s.storagePolicyName)],
  ])
}

export function printPhotonPersistentDisk(s: Source, w: PrefixWriter): void {
  block(w, 'PhotonPersistentDisk (a Persistent Disk resource in photon platform)', [
    ['PdID:', str(s.pdID)],
    ['FSType:', str(s.fsType)],
  ])
}

export function printCinder(s: Source, w: PrefixWriter): void {
  block(w, 'Cinder (a Persistent Disk resource in OpenStack)', [
    ['VolumeID:', str(s.volumeID)],
    ['FSType:', str(s.fsType)],
    ['ReadOnly:', bool(s.readOnly)],
    ['SecretRef:', goObjectRef(s.secretRef)],
  ])
}

export function printScaleIO(s: Source, w: PrefixWriter): void {
  block(w, 'ScaleIO (a persistent volume backed by a block device in ScaleIO)', [
    ['Gateway:', str(s.gateway)],
    ['System:', str(s.system)],
    ['Protection Domain:', str(s.protectionDomain)],
    ['Storage Pool:', str(s.storagePool)],
    ['Storage Mode:', str(s.storageMode)],
    ['VolumeName:', str(s.volumeName)],
    ['FSType:', str(s.fsType)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printCephFS(s: Source, w: PrefixWriter): void {
  block(w, "CephFS (a CephFS mount on the host that shares a pod's lifetime)", [
    ['Monitors:', goStringSlice(s.monitors)],
    ['Path:', str(s.path)],
    ['User:', str(s.user)],
    ['SecretFile:', str(s.secretFile)],
    ['SecretRef:', goObjectRef(s.secretRef)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printStorageOS(s: Source, w: PrefixWriter): void {
  block(w, 'StorageOS (a StorageOS Persistent Disk resource)', [
    ['VolumeName:', str(s.volumeName)],
    ['VolumeNamespace:', str(s.volumeNamespace)],
    ['FSType:', str(s.fsType)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printFC(s: Source, w: PrefixWriter): void {
  block(w, 'FC (a Fibre Channel disk)', [
    ['TargetWWNs:', ((s.targetWWNs ?? []) as string[]).join(', ')],
    ['LUN:', s.lun === undefined || s.lun === null ? '<none>' : String(s.lun)],
    ['FSType:', str(s.fsType)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printAzureFile(s: Source, w: PrefixWriter): void {
  block(w, 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)', [
    ['SecretName:', str(s.secretName)],
    ['ShareName:', str(s.shareName)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
}

export function printFlex(s: Source, w: PrefixWriter): void {
  block(w, 'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)', [
    ['Driver:', str(s.driver)],
    ['FSType:', str(s.fsType)],
    ['SecretRef:', goObjectRef(s.secretRef)],
    ['ReadOnly:', bool(s.readOnly)],
    ['Options:', goValue(s.options ?? {})],
  ])
}

export function printFlocker(s: Source, w: PrefixWriter): void {
  block(w, 'Flocker (a Flocker volume mounted by the Flocker agent)', [
    ['DatasetName:', str(s.datasetName)],
    ['DatasetUUID:', str(s.datasetUUID)],
  ])
}

export function printCSI(s: Source, w: PrefixWriter): void {
  block(w, 'CSI (a Container Storage Interface (CSI) volume source)', [
    ['Driver:', str(s.driver)],
    ['FSType:', str(s.fsType)],
    ['ReadOnly:', bool(s.readOnly)],
  ])
  printCSIVolumeAttributes(w, 'VolumeAttributes', s.volumeAttributes)
}

/** kubectl's printCSIPersistentVolumeAttributesMultiline (long attributes cut at 140 bytes). */
export function printCSIVolumeAttributes(w: PrefixWriter, title: string, attributes: Record<string, string> | null | undefined): void {
  w.write(LEVEL_2, `${title}:\t`)
  const keys = Object.keys(attributes ?? {}).sort()
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '')
      w.write(LEVEL_2, '\t')
    }
    const line = `${key}=${attributes![key]}`
    const bytes = Buffer.from(line, 'utf8')
    w.write(LEVEL_2, bytes.length > 140 ? `${bytes.subarray(0, 140).toString('utf8')}...\n` : `${line}\n`)
  })
}

export function printImage(s: Source, w: PrefixWriter): void {
  block(w, 'Image (a container image or OCI artifact)', [
    ['Reference:', str(s.reference)],
    ['PullPolicy:', str(s.pullPolicy)],
  ])
}
