// `describe horizontalpodautoscaler`, as kubectl's HorizontalPodAutoscalerDescriber does it: the
// autoscaler is read again as autoscaling/v2 (every metric type, behavior, conditions), falling back
// to autoscaling/v1 on servers without v2, whatever version it was fetched as.
import {goQuote} from '../go/quote.js'
import type {KubeObject} from '../resources/objects.js'
import {eventReference, eventsFor} from './fetch.js'
import type {Describer, DescribeContext} from './registry.js'
import {describeEvents, formatRFC1123Z, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, printTerminating, tabbedString} from './writer.js'

interface MetricTarget {
  type?: string
  value?: string | null
  averageValue?: string | null
  averageUtilization?: number | null
}

interface MetricValueStatus {
  value?: string | null
  averageValue?: string | null
  averageUtilization?: number | null
}

interface MetricSpec {
  type?: string
  resource?: {name?: string; target?: MetricTarget}
  containerResource?: {name?: string; container?: string; target?: MetricTarget}
  pods?: {metric?: {name?: string}; target?: MetricTarget}
  object?: {metric?: {name?: string}; describedObject?: {kind?: string; name?: string}; target?: MetricTarget}
  external?: {metric?: {name?: string}; target?: MetricTarget}
}

interface MetricStatus {
  resource?: {current?: MetricValueStatus} | null
  containerResource?: {current?: MetricValueStatus} | null
  pods?: {current?: MetricValueStatus} | null
  object?: {current?: MetricValueStatus} | null
  external?: {current?: MetricValueStatus} | null
}

interface ScalingRules {
  stabilizationWindowSeconds?: number | null
  selectPolicy?: string | null
  policies?: Array<{type?: string; value?: number; periodSeconds?: number}> | null
}

interface HPA extends KubeObject {
  spec?: {
    scaleTargetRef?: {kind?: string; name?: string}
    minReplicas?: number | null
    maxReplicas?: number
    /** autoscaling/v1 */
    targetCPUUtilizationPercentage?: number | null
    /** autoscaling/v2 */
    metrics?: MetricSpec[] | null
    behavior?: {scaleUp?: ScalingRules | null; scaleDown?: ScalingRules | null} | null
  }
  status?: {
    currentReplicas?: number
    desiredReplicas?: number
    currentCPUUtilizationPercentage?: number | null
    currentMetrics?: MetricStatus[] | null
    conditions?: Array<{type?: string; status?: string; reason?: string; message?: string}> | null
  }
}

/** Quantity.String() of a *Quantity: `<nil>` when unset. */
function quantity(q: string | null | undefined): string {
  return q === undefined || q === null ? '<nil>' : q
}

function writeMetric(w: PrefixWriter, metric: MetricSpec, current: MetricStatus | undefined): void {
  const unknown = '<unknown>'
  switch (metric.type) {
    case 'External': {
      const external = metric.external ?? {}
      const name = goQuote(external.metric?.name ?? '')
      const target = external.target ?? {}
      if (target.averageValue !== undefined && target.averageValue !== null) {
        const value = current?.external?.current?.averageValue
        const now = current?.external && value !== undefined && value !== null ? value : unknown
        w.write(LEVEL_1, `${name} (target average value):\t${now} / ${target.averageValue}\n`)
      } else {
        const now = current?.external ? quantity(current.external.current?.value) : unknown
        w.write(LEVEL_1, `${name} (target value):\t${now} / ${quantity(target.value)}\n`)
      }
      return
    }
    case 'Pods': {
      const pods = metric.pods ?? {}
      const now = current?.pods ? quantity(current.pods.current?.averageValue) : unknown
      w.write(LEVEL_1, `${goQuote(pods.metric?.name ?? '')} on pods:\t${now} / ${quantity(pods.target?.averageValue)}\n`)
      return
    }
    case 'Object': {
      const object = metric.object ?? {}
      w.write(LEVEL_1, `"${object.metric?.name ?? ''}" on ${object.describedObject?.kind ?? ''}/${object.describedObject?.name ?? ''} `)
      if (object.target?.type === 'AverageValue') {
        const now = current?.object ? quantity(current.object.current?.averageValue) : unknown
        w.write(LEVEL_0, `(target average value):\t${now} / ${quantity(object.target.averageValue)}\n`)
      } else {
        const now = current?.object ? quantity(current.object.current?.value) : unknown
        w.write(LEVEL_0, `(target value):\t${now} / ${quantity(object.target?.value)}\n`)
      }
      return
    }
    case 'Resource':
      w.write(LEVEL_1, `resource ${metric.resource?.name ?? ''} on pods`)
      writeResourceTarget(w, metric.resource?.target ?? {}, current?.resource)
      return
    case 'ContainerResource':
      w.write(LEVEL_1, `resource ${metric.containerResource?.name ?? ''} of container "${metric.containerResource?.container ?? ''}" on pods`)
      writeResourceTarget(w, metric.containerResource?.target ?? {}, current?.containerResource)
      return
    default:
      w.write(LEVEL_1, `<unknown metric type ${goQuote(metric.type ?? '')}>\n`)
  }
}

/** The rest of a resource metric's line: an average value, or a utilization of requests. */
function writeResourceTarget(w: PrefixWriter, target: MetricTarget, current: {current?: MetricValueStatus} | null | undefined): void {
  if (target.averageValue !== undefined && target.averageValue !== null) {
    const now = current ? quantity(current.current?.averageValue) : '<unknown>'
    w.write(LEVEL_0, `:\t${now} / ${target.averageValue}\n`)
    return
  }
  const utilization = current?.current?.averageUtilization
  const now = current && utilization !== undefined && utilization !== null ? `${utilization}% (${quantity(current.current?.averageValue)})` : '<unknown>'
  const goal = target.averageUtilization !== undefined && target.averageUtilization !== null ? `${target.averageUtilization}%` : '<auto>'
  w.write(LEVEL_1, `(as a percentage of request):\t${now} / ${goal}\n`)
}

function writeBehavior(w: PrefixWriter, direction: string, rules: ScalingRules | null | undefined): void {
  if (!rules) return
  w.write(LEVEL_1, `${direction}:\n`)
  if (rules.stabilizationWindowSeconds !== undefined && rules.stabilizationWindowSeconds !== null) {
    w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`)
  }
  const policies = rules.policies ?? []
  if (policies.length === 0) return
  w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`)
  w.write(LEVEL_2, 'Policies:\n')
  for (const p of policies) w.write(LEVEL_3, `- Type: ${p.type ?? ''}\tValue: ${p.value ?? 0}\tPeriod: ${p.periodSeconds ?? 0} seconds\n`)
}

function writeHeader(w: PrefixWriter, hpa: HPA, now: number): void {
  const meta = hpa.metadata ?? {}
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
  printTerminating(w, meta, now)
  printLabelsMultiline(w, 'Labels', meta.labels)
  printAnnotationsMultiline(w, 'Annotations', meta.annotations)
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(meta.creationTimestamp)}\n`)
  w.write(LEVEL_0, `Reference:\t${hpa.spec?.scaleTargetRef?.kind ?? ''}/${hpa.spec?.scaleTargetRef?.name ?? ''}\n`)
}

function writeReplicas(w: PrefixWriter, hpa: HPA): void {
  const min = hpa.spec?.minReplicas
  w.write(LEVEL_0, `Min replicas:\t${min === undefined || min === null ? '<unset>' : min}\n`)
  w.write(LEVEL_0, `Max replicas:\t${hpa.spec?.maxReplicas ?? 0}\n`)
}

function writePods(w: PrefixWriter, hpa: HPA): void {
  w.write(LEVEL_0, `${hpa.spec?.scaleTargetRef?.kind ?? ''} pods:\t`)
  w.write(LEVEL_0, `${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`)
}

function describeV2(dctx: DescribeContext, hpa: HPA, events: Parameters<typeof describeEvents>[0] | undefined): string {
  return tabbedString((w) => {
    writeHeader(w, hpa, dctx.now)
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n')
    const currents = hpa.status?.currentMetrics ?? []
    ;(hpa.spec?.metrics ?? []).forEach((metric, i) => writeMetric(w, metric, currents[i]))
    writeReplicas(w, hpa)
    const behavior = hpa.spec?.behavior
    if (behavior) {
      w.write(LEVEL_0, 'Behavior:\n')
      writeBehavior(w, 'Scale Up', behavior.scaleUp)
      writeBehavior(w, 'Scale Down', behavior.scaleDown)
    }
    writePods(w, hpa)
    const conditions = hpa.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t------\t-------\n')
      for (const c of conditions) w.write(LEVEL_1, `${c.type ?? ''}\t${c.status ?? ''}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
    }
    if (events) describeEvents(events, w, dctx.now)
  })
}

function describeV1(dctx: DescribeContext, hpa: HPA, events: Parameters<typeof describeEvents>[0] | undefined): string {
  return tabbedString((w) => {
    writeHeader(w, hpa, dctx.now)
    const target = hpa.spec?.targetCPUUtilizationPercentage
    if (target !== undefined && target !== null) {
      w.write(LEVEL_0, `Target CPU utilization:\t${target}%\n`)
      const current = hpa.status?.currentCPUUtilizationPercentage
      w.write(LEVEL_0, `Current CPU utilization:\t${current === undefined || current === null ? '<unknown>' : current}%\n`)
    }
    writeReplicas(w, hpa)
    writePods(w, hpa)
    if (events) describeEvents(events, w, dctx.now)
  })
}

async function getHPA(dctx: DescribeContext, version: string, namespace: string, name: string): Promise<HPA> {
  const client = await dctx.ctx.client()
  const path = `/apis/autoscaling/${version}/namespaces/${encodeURIComponent(namespace)}/horizontalpodautoscalers/${encodeURIComponent(name)}`
  return (await client.request<HPA>({path})).data
}

export const describeHorizontalPodAutoscaler: Describer = async (dctx, obj) => {
  const namespace = obj.metadata?.namespace ?? ''
  const name = obj.metadata?.name ?? ''
  let v2: HPA
  try {
    v2 = await getHPA(dctx, 'v2', namespace, name)
  } catch {
    const v1 = await getHPA(dctx, 'v1', namespace, name)
    return describeV1(dctx, v1, await eventsFor(dctx, eventReference(v1, 'HorizontalPodAutoscaler')))
  }
  return describeV2(dctx, v2, await eventsFor(dctx, eventReference(v2, 'HorizontalPodAutoscaler')))
}
