// Where custom resource schemas come from beyond the documents being validated: CRD manifests named
// by --schema-location, and the connected cluster's CRDs. Each source is read only when a document
// meets a kind nothing read so far defines, so an offline run never waits on a cluster it does not need.
import type {ValidateFunction} from 'ajv'
import type {Ctx} from '../context.js'
import type {KubeObject} from '../resources/objects.js'
import {type CustomKind, customKinds, customResourceSchema, isCustomResourceDefinition} from './crd-schema.js'

export interface CRDSource {
  /** How messages name it: "--schema-location", "the cluster". */
  name: string
  /** The objects the source holds (anything that is not a CRD is ignored). */
  load(): Promise<KubeObject[]>
}

/** Thrown by a source that is not there at all (no cluster configured): nothing worth mentioning. */
export class SourceAbsent extends Error {}

export function staticCRDSource(name: string, objects: readonly KubeObject[]): CRDSource {
  return {name, load: async () => [...objects]}
}

// Without a --request-timeout, an unreachable cluster must not stall an offline validation for long.
const CLUSTER_TIMEOUT_MS = 10_000

/** The CRDs the cluster of the current context serves; absent when no cluster is configured. */
export function clusterCRDSource(ctx: Ctx): CRDSource {
  return {
    name: 'the cluster',
    async load() {
      let timeoutMs: number | undefined
      try {
        timeoutMs = (await ctx.restConfig()).timeoutMs
      } catch {
        throw new SourceAbsent()
      }
      const client = await ctx.client()
      const response = await client.request<{items?: KubeObject[]}>({
        path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
        signal: timeoutMs ? undefined : AbortSignal.timeout(CLUSTER_TIMEOUT_MS),
      })
      // Items of a list carry no apiVersion or kind of their own.
      return (response.data.items ?? []).map((item) => ({...item, apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition'}))
    },
  }
}

/** The custom kinds known so far, reading further sources on demand, with their compiled validators. */
export class CustomKinds {
  private readonly kinds = new Map<string, CustomKind>()
  private readonly pending: CRDSource[]
  private readonly validators = new Map<CustomKind, Promise<ValidateFunction>>()
  /** Sources read so far, and those that could not be read (with why): messages about missing schemas name them. */
  readonly consulted: string[] = []
  readonly unavailable: string[] = []

  constructor(sources: readonly CRDSource[]) {
    this.pending = [...sources]
  }

  /** Registers the kinds of a CRD; kinds already known (from an earlier source) win. */
  add(object: KubeObject): void {
    if (!isCustomResourceDefinition(object)) return
    for (const kind of customKinds(object)) {
      const key = `${kind.apiVersion}\u0000${kind.kind}`
      if (!this.kinds.has(key)) this.kinds.set(key, kind)
    }
  }

  async find(apiVersion: string, kind: string): Promise<CustomKind | undefined> {
    const key = `${apiVersion}\u0000${kind}`
    while (!this.kinds.has(key) && this.pending.length > 0) {
      const source = this.pending.shift() as CRDSource
      try {
        for (const object of await source.load()) this.add(object)
        this.consulted.push(source.name)
      } catch (err) {
        if (!(err instanceof SourceAbsent)) this.unavailable.push(`${source.name}: ${firstLine((err as Error).message)}`)
      }
    }
    return this.kinds.get(key)
  }

  /** The kinds of this name in the same group that are known, served in another version. */
  otherVersions(apiVersion: string, kind: string): CustomKind[] {
    const group = apiVersion.split('/')[0]
    return [...this.kinds.values()].filter((k) => k.kind === kind && k.apiVersion !== apiVersion && k.apiVersion.split('/')[0] === group)
  }

  validator(kind: CustomKind): Promise<ValidateFunction> {
    let validator = this.validators.get(kind)
    if (!validator) {
      validator = (async () => {
        const {runtimeCompiler} = await import('./runtime-ajv.js')
        return (await runtimeCompiler()).compile(customResourceSchema(kind))
      })()
      this.validators.set(kind, validator)
    }
    return validator
  }
}

function firstLine(s: string): string {
  return s.replace(/^error: /, '').split('\n')[0]
}
