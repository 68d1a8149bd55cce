// The parts of a pod that pods and every workload describer print: containers (with their status for
// a pod), probes, environment, mounts, tolerations, topology spread constraints and the pod template.
import {formatLabelSelector} from './format.js'
import {goSortSlice} from '../go/sort.js'
import {parseQuantity, quantityMilliValue, quantityValue} from './quantity.js'
import {describeVolumes} from './volumes.js'
import {
  formatRFC1123Z,
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
  type PrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printLabelsMultilineWithIndent,
} from './writer.js'

// API structures are read as JSON; any field may be missing.
export type Obj = Record<string, any>

/** Resolves a fieldRef environment variable to its value (pods only; templates have no values). */
export type EnvVarResolver = (env: Obj) => string

/** kubectl's EnvValueRetriever: only metadata.name and metadata.namespace convert through kubectl's scheme. */
export function envValueRetriever(pod: Obj): EnvVarResolver {
  return (env) => {
    const path = env.valueFrom?.fieldRef?.fieldPath
    if (path === 'metadata.name') return pod.metadata?.name ?? ''
    if (path === 'metadata.namespace') return pod.metadata?.namespace ?? ''
    return ''
  }
}

/** printBool: True/False. */
export function printBool(value: unknown): string {
  return value === true ? 'True' : 'False'
}

/** printBoolPtr: True/False, `<unset>` when missing. */
export function printBoolPtr(value: unknown): string {
  return value === undefined || value === null ? '<unset>' : printBool(value)
}

export function stringOrNone(s: string): string {
  return s.length > 0 ? s : '<none>'
}

/** IntOrString.String(): the number or the string as is. */
export function intOrString(v: unknown): string {
  return v === undefined || v === null ? '' : String(v)
}

export function describeContainers(
  label: string,
  containers: Obj[] | null | undefined,
  statuses: Obj[] | null | undefined,
  resolve: EnvVarResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map<string, Obj>()
  for (const status of statuses ?? []) byName.set(status.name, status)
  const list = containers ?? []
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`)
  for (const container of list) {
    const status = byName.get(container.name)
    describeContainerBasicInfo(container, status, space, w)
    describeContainerCommand(container, w)
    if (status) describeContainerState(status, w)
    describeResources(container.resources, w, LEVEL_2)
    describeContainerProbe(container, w)
    if ((container.envFrom ?? []).length > 0) describeContainerEnvFrom(container, w)
    describeContainerEnvVars(container, resolve, w)
    describeContainerVolumes(container, w)
  }
}

function describeContainerBasicInfo(container: Obj, status: Obj | undefined, space: string, w: PrefixWriter): void {
  const nameIndent = space.length > 0 ? ' ' : ''
  w.write(LEVEL_1, `${nameIndent}${container.name}:\n`)
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
  w.write(LEVEL_2, `Image:\t${container.image ?? ''}\n`)
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`)
  const ports = ((container.ports ?? []) as Obj[]).map((p) => `${p.containerPort ?? 0}/${p.protocol ?? ''}`).join(', ')
  if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`)
  else w.write(LEVEL_2, `Port:\t${stringOrNone(ports)}\n`)
  const hostPorts = ((container.ports ?? []) as Obj[]).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ')
  if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`)
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPorts)}\n`)
  const seccomp = container.securityContext?.seccompProfile
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type ?? ''}\n`)
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
  }
}

function describeContainerCommand(container: Obj, w: PrefixWriter): void {
  for (const [title, values] of [
    ['Command', container.command],
    ['Args', container.args],
  ] as Array<[string, string[] | undefined]>) {
    if (!values || values.length === 0) continue
    w.write(LEVEL_2, `${title}:\n`)
    for (const value of values) for (const line of value.split('\n')) w.write(LEVEL_3, `${line}\n`)
  }
}

/** Limits then Requests, resource names sorted. */
export function describeResources(resources: Obj | null | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return
  for (const [title, list] of [
    ['Limits', resources.limits],
    ['Requests', resources.requests],
  ] as Array<[string, Record<string, string> | undefined]>) {
    const names = Object.keys(list ?? {}).sort()
    if (names.length > 0) w.write(level, `${title}:\n`)
    for (const name of names) w.write(level + 1, `${name}:\t${list![name]}\n`)
  }
}

function describeContainerState(status: Obj, w: PrefixWriter): void {
  describeStatus('State', status.state ?? {}, w)
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w)
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`)
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`)
}

function describeStatus(stateName: string, state: Obj, w: PrefixWriter): void {
  if (state.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(state.running.startedAt)}\n`)
  } else if (state.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`)
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${formatRFC1123Z(t.finishedAt)}\n`)
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
  }
}

function describeContainerProbe(container: Obj, w: PrefixWriter): void {
  if (container.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`)
  if (container.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`)
  if (container.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(container.startupProbe)}\n`)
}

/** kubectl's DescribeProbe: "http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3". */
export function describeProbe(probe: Obj): string {
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s ` +
    `#success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`
  if (probe.exec) return `exec [${((probe.exec.command ?? []) as string[]).join(' ')}] ${attrs}`
  if (probe.httpGet) {
    const get = probe.httpGet
    const port = intOrString(get.port)
    const host = port.length > 0 ? joinHostPort(get.host ?? '', port) : (get.host ?? '')
    return `http-get ${goURL(String(get.scheme ?? '').toLowerCase(), host, get.path ?? '')} ${attrs}`
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${intOrString(probe.tcpSocket.port)} ${attrs}`
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port ?? 0} ${probe.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

/** net.JoinHostPort: IPv6 hosts in brackets. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** url.URL{Scheme, Host, Path}.String(), escaping the path as Go does. */
function goURL(scheme: string, host: string, path: string): string {
  let out = scheme ? `${scheme}:` : ''
  if (scheme || host) out += `//${host}`
  if (path !== '' && !path.startsWith('/') && host !== '') out += '/'
  return out + escapePath(path)
}

function escapePath(path: string): string {
  let out = ''
  for (const byte of Buffer.from(path, 'utf8')) {
    const ch = String.fromCharCode(byte)
    if (/[A-Za-z0-9\-_.~$&+,/:;=@]/.test(ch)) out += ch
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

function describeContainerEnvFrom(container: Obj, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n')
  for (const e of (container.envFrom ?? []) as Obj[]) {
    let from = ''
    let name = ''
    let optional = false
    if (e.configMapRef) {
      from = 'ConfigMap'
      name = e.configMapRef.name ?? ''
      optional = e.configMapRef.optional === true
    } else if (e.secretRef) {
      from = 'Secret'
      name = e.secretRef.name ?? ''
      optional = e.secretRef.optional === true
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`)
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`)
  }
}

function describeContainerEnvVars(container: Obj, resolve: EnvVarResolver | undefined, w: PrefixWriter): void {
  const env = (container.env ?? []) as Obj[]
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    if (!e.valueFrom) {
      String(e.value ?? '')
        .split('\n')
        .forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`))
      continue
    }
    const from = e.valueFrom
    if (from.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${resolve ? resolve(e) : ''} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath ?? ''})\n`)
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource ?? ''
      let value = containerResourceValue(from.resourceFieldRef, container)
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable'
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`)
    } else if (from.secretKeyRef) {
      const ref = from.secretKeyRef
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${ref.key ?? ''}' in secret '${ref.name ?? ''}'>\tOptional: ${ref.optional === true}\n`)
    } else if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${ref.key ?? ''}' of config map '${ref.name ?? ''}'>\tOptional: ${ref.optional === true}\n`)
    }
  }
}

/** resourcehelper.ExtractContainerResourceValue: the value over the divisor, rounded up; '' when unsupported. */
function containerResourceValue(ref: Obj, container: Obj): string {
  const resource: string = ref.resource ?? ''
  const divisor = parseQuantity(ref.divisor)
  const div = divisor === undefined || divisor === 0n ? 10n ** 9n : divisor
  const dot = resource.indexOf('.')
  const list = resource.slice(0, dot)
  const name = resource.slice(dot + 1)
  if (dot < 0 || (list !== 'limits' && list !== 'requests')) return ''
  if (name !== 'cpu' && name !== 'memory' && name !== 'ephemeral-storage' && !name.startsWith('hugepages-')) return ''
  const value = parseQuantity(container.resources?.[list]?.[name]) ?? 0n
  if (name === 'cpu') return String(ceilDiv(quantityMilliValue(value), quantityMilliValue(div)))
  return String(ceilDiv(quantityValue(value), quantityValue(div)))
}

/** math.Ceil of a float division, as kubectl computes it (0 when dividing by zero units). */
function ceilDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n
  const q = a / b
  return a % b !== 0n && a > 0n === b > 0n ? q + 1n : q
}

function describeContainerVolumes(container: Obj, w: PrefixWriter): void {
  const mounts = [...((container.volumeMounts ?? []) as Obj[])]
  const none = mounts.length === 0 ? '\t<none>' : ''
  w.write(LEVEL_2, `Mounts:${none}\n`)
  goSortSlice(mounts, (a, b) => (a.mountPath ?? '') < (b.mountPath ?? ''))
  for (const mount of mounts) {
    const flags = [mount.readOnly ? 'ro' : 'rw']
    if (mount.subPath) flags.push(`path=${JSON.stringify(mount.subPath)}`)
    w.write(LEVEL_3, `${mount.mountPath ?? ''} from ${mount.name ?? ''} (${flags.join(',')})\n`)
  }
  const devices = [...((container.volumeDevices ?? []) as Obj[])]
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`)
    goSortSlice(devices, (a, b) => (a.devicePath ?? '') < (b.devicePath ?? ''))
    for (const device of devices) w.write(LEVEL_3, `${device.devicePath ?? ''} from ${device.name ?? ''}\n`)
  }
}

/** kubectl's printPodTolerationsMultiline and its indented form for pod templates. */
export function printTolerationsMultiline(w: PrefixWriter, initialIndent: string, title: string, tolerations: Obj[] | null | undefined): void {
  const innerIndent = '\t'
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>')
    return
  }
  const sorted = goSortSlice([...tolerations], (a, b) => (a.key ?? '') < (b.key ?? ''))
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent)
      w.write(LEVEL_0, innerIndent)
    }
    let text = t.key ?? ''
    if (t.value) text += `=${t.value}`
    if (t.effect) text += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`
    w.write(LEVEL_0, `${text}\n`)
  })
}

/** Sorted by topology key (Go's unstable sort); one constraint per line. */
export function describeTopologySpreadConstraints(constraints: Obj[] | null | undefined, w: PrefixWriter, space: string): void {
  if (!constraints || constraints.length === 0) return
  const sorted = goSortSlice([...constraints], (a, b) => (a.topologyKey ?? '') < (b.topologyKey ?? ''))
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`)
  sorted.forEach((tsc, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`)
    let text = `${tsc.topologyKey ?? ''}:${tsc.whenUnsatisfiable ?? ''} when max skew ${tsc.maxSkew ?? 0} is exceeded`
    if (tsc.labelSelector) text += ` for selector ${formatLabelSelector(tsc.labelSelector)}`
    w.write(LEVEL_0, `${text}\n`)
  })
}

/** kubectl's DescribePodTemplate, as Deployments, ReplicaSets, StatefulSets, DaemonSets and Jobs print it. */
export function describePodTemplate(template: Obj | null | undefined, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (!template) {
    w.write(LEVEL_1, '<unset>')
    return
  }
  const spec: Obj = template.spec ?? {}
  printLabelsMultiline(w, '  Labels', template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations)
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`)
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ')
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ')
  describeVolumes(spec.volumes, w, '  ', now)
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ')
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, '', '  Tolerations', spec.tolerations)
}

/** kubectl's describeVolumeClaimTemplates (StatefulSets). */
export function describeVolumeClaimTemplates(templates: Obj[] | null | undefined, w: PrefixWriter, storageClass: (pvc: Obj) => string): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n')
    return
  }
  w.write(LEVEL_0, 'Volume Claims:\n')
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`)
    w.write(LEVEL_1, `StorageClass:\t${storageClass(pvc)}\n`)
    printLabelsMultilineWithIndent(w, '  ', 'Labels', '\t', pvc.metadata?.labels, new Set())
    printLabelsMultilineWithIndent(w, '  ', 'Annotations', '\t', pvc.metadata?.annotations, new Set())
    const capacity = pvc.spec?.resources?.requests?.storage
    w.write(LEVEL_1, `Capacity:\t${capacity ?? '<default>'}\n`)
    w.write(LEVEL_1, `Access Modes:\t[${((pvc.spec?.accessModes ?? []) as string[]).join(' ')}]\n`)
  }
}
