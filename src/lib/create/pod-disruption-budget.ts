// `ktl create poddisruptionbudget`: a PodDisruptionBudget over a label selector.
import {usageError} from '../errors.js'
import type {KubeObject} from '../resources/objects.js'
import {LabelSelectorError, parseToLabelSelector} from './create-b-label-selector.js'
import {generatedMeta} from './object-meta.js'

export interface PodDisruptionBudgetOptions {
  name: string
  selector: string
  minAvailable: string
  maxUnavailable: string
}

/**
 * intstr.Parse: a number when strconv.Atoi takes the text (cut to int32 as IntOrString stores it),
 * the text otherwise.
 */
export function parseIntOrString(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text)) return text
  const n = BigInt(text)
  if (n < -(2n ** 63n) || n >= 2n ** 63n) return text
  return Number(BigInt.asIntN(32, n))
}

const COUNT_OR_PERCENT = /^[0-9]+%?$/

/** kubectl's checks of the flags, in its order. */
export function validatePodDisruptionBudget(opts: PodDisruptionBudgetOptions): void {
  if (opts.name === '') throw usageError('name must be specified')
  if (opts.selector === '') throw usageError('a selector must be specified')
  if (opts.minAvailable === '' && opts.maxUnavailable === '') throw usageError('one of min-available or max-unavailable must be specified')
  if (opts.minAvailable !== '' && opts.maxUnavailable !== '') throw usageError('min-available and max-unavailable cannot be both specified')
  if (opts.minAvailable !== '' && !COUNT_OR_PERCENT.test(opts.minAvailable)) throw usageError('invalid format specified for min-available')
  if (opts.maxUnavailable !== '' && !COUNT_OR_PERCENT.test(opts.maxUnavailable)) throw usageError('invalid format specified for max-unavailable')
}

/** The budget kubectl builds from validated flags; the selector may still be refused. */
export function buildPodDisruptionBudget(opts: PodDisruptionBudgetOptions): KubeObject {
  let selector
  try {
    selector = parseToLabelSelector(opts.selector)
  } catch (err) {
    if (err instanceof LabelSelectorError) throw usageError(err.message)
    throw err
  }
  const spec: Record<string, unknown> = {}
  if (opts.minAvailable !== '') spec.minAvailable = parseIntOrString(opts.minAvailable)
  spec.selector = selector
  if (opts.minAvailable === '' && opts.maxUnavailable !== '') spec.maxUnavailable = parseIntOrString(opts.maxUnavailable)
  return {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    metadata: generatedMeta(opts.name),
    spec,
    status: {disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0},
  }
}
