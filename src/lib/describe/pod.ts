// kubectl's Pod describer.
import {eventsFor} from './fetch.js'
import {
  describeContainers,
  describeResources,
  describeTopologySpreadConstraints,
  envValueRetriever,
  type Obj,
  printTolerationsMultiline,
} from './pod-spec.js'
import {podQOSClass} from './qos.js'
import type {Describer} from './registry.js'
import {describeVolumes} from './volumes.js'
import {
  controllerOf,
  describeEvents,
  formatRFC1123Z,
  LEVEL_0,
  LEVEL_1,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTerminating,
  tabbedString,
  translateTimestampSince,
} from './writer.js'

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

export const describePod: Describer = async (dctx, obj) => {
  const pod = obj as Obj
  const meta = pod.metadata ?? {}
  // Events of a mirror pod are recorded against the UID of its static pod; kubectl leaves the kind out.
  const uid = MIRROR_POD_ANNOTATION in (meta.annotations ?? {}) ? meta.annotations[MIRROR_POD_ANNOTATION] : meta.uid
  const events = await eventsFor(dctx, {name: meta.name ?? '', namespace: meta.namespace ?? '', uid})
  const spec: Obj = pod.spec ?? {}
  const status: Obj = pod.status ?? {}
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
    if (!spec.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n')
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`)
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, dctx.now)})\n`)
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`)
      printTerminating(w, meta, dctx.now, {status: false})
    } else if (meta.deletionTimestamp) {
      // Beyond kubectl, which prints only the phase of a finished pod that is being deleted.
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}, Terminating (lasts ${translateTimestampSince(meta.deletionTimestamp, dctx.now)})\n`)
      printTerminating(w, meta, dctx.now, {status: false})
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`)
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`)
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`)
    const seccomp = spec.securityContext?.seccompProfile
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ''}\n`)
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`)
    const podIPs = (status.podIPs ?? []) as Obj[]
    if (podIPs.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n')
    else {
      w.write(LEVEL_0, 'IPs:\n')
      for (const ip of podIPs) w.write(LEVEL_1, `IP:\t${ip.ip ?? ''}\n`)
    }
    const controlledBy = controllerOf(meta)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
    if (spec.resources) {
      w.write(LEVEL_0, 'Resources:\n')
      describeResources(spec.resources, w, LEVEL_1)
    }
    const resolve = envValueRetriever(pod)
    if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolve, w, '')
    describeContainers('Containers', spec.containers, status.containerStatuses, resolve, w, '')
    if ((spec.ephemeralContainers ?? []).length > 0) {
      describeContainers('Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, resolve, w, '')
    }
    const conditions = (status.conditions ?? []) as Obj[]
    if ((spec.readinessGates ?? []).length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
      for (const gate of spec.readinessGates as Obj[]) {
        const condition = conditions.find((c) => c.type === gate.conditionType)
        w.write(LEVEL_1, `${gate.conditionType ?? ''} \t${condition ? (condition.status ?? '') : '<none>'} \n`)
      }
    }
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
      for (const c of conditions) w.write(LEVEL_1, `${c.type ?? ''} \t${c.status ?? ''} \n`)
    }
    describeVolumes(spec.volumes, w, '', dctx.now)
    w.write(LEVEL_0, `QoS Class:\t${podQOSClass(pod)}\n`)
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
    printTolerationsMultiline(w, '', 'Tolerations', spec.tolerations)
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '')
    if (events) describeEvents(events, w, dctx.now)
  })
}
