// `ktl create quota`: a ResourceQuota with hard limits and scopes.
import {usageError} from '../errors.js'
import {compareCodePoints} from '../printers/json.js'
import type {KubeObject} from '../resources/objects.js'
import {canonicalQuantity, QuantityError} from './create-b-quantity.js'
import {generatedMeta} from './object-meta.js'

export interface QuotaOptions {
  name: string
  /** resource=quantity,... */
  hard: string
  /** Scope,... */
  scopes: string
}

/** The ResourceQuota kubectl builds from --hard and --scopes, with its errors for malformed ones. */
export function buildQuota(opts: QuotaOptions): KubeObject {
  if (opts.name === '') throw usageError('name must be specified')
  const spec: Record<string, unknown> = {}
  if (opts.hard !== '') {
    const limits = new Map<string, string>()
    for (const statement of opts.hard.split(',')) {
      const parts = statement.split('=')
      if (parts.length !== 2) throw usageError(`Invalid argument syntax ${statement}, expected <resource>=<value>`)
      try {
        limits.set(parts[0], canonicalQuantity(parts[1]))
      } catch (err) {
        if (err instanceof QuantityError) throw usageError(err.message)
        throw err
      }
    }
    spec.hard = Object.fromEntries([...limits.keys()].sort(compareCodePoints).map((k) => [k, limits.get(k)]))
  }
  if (opts.scopes !== '') {
    const scopes = opts.scopes.split(',')
    // the server checks scope names; kubectl only refuses empty ones
    if (scopes.includes('')) throw usageError('invalid resource quota scope ""')
    spec.scopes = scopes
  }
  return {kind: 'ResourceQuota', apiVersion: 'v1', metadata: generatedMeta(opts.name), spec, status: {}}
}
