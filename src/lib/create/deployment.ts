// `create deployment NAME --image=...`: kubectl's Deployment, fields in its Go struct order.
import type {KubeObject} from '../resources/objects.js'
import {generatedMeta} from './object-meta.js'

export interface DeploymentOptions {
  name: string
  images: string[]
  replicas: number
  /** The first container's containerPort; negative for none. */
  port: number
  /** Command for every container (kubectl allows it with one image only). */
  command: string[]
  /** The random suffix for container names that needed sanitising (tests pass a fixed one). */
  randomSuffix?: () => string
}

export function buildDeployment(opts: DeploymentOptions): KubeObject {
  const labels = () => ({app: opts.name})
  const suffix = opts.randomSuffix ?? randomSuffix
  const containers = opts.images.map((image, i) => {
    const container: Record<string, unknown> = {name: containerName(image, suffix)}
    if (image !== '') container.image = image
    if (opts.command.length > 0) container.command = opts.command
    if (i === 0 && opts.port >= 0) container.ports = [{containerPort: opts.port}]
    container.resources = {}
    return container
  })
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: generatedMeta(opts.name, labels()),
    spec: {
      replicas: opts.replicas,
      selector: {matchLabels: labels()},
      template: {metadata: generatedMeta('', labels()), spec: {containers}},
      strategy: {},
    },
    status: {},
  }
}

/** The image's last path segment without tag or digest; `_` and `.` become `-` plus a random suffix. */
function containerName(image: string, suffix: () => string): string {
  let name = image.split('/').at(-1) ?? ''
  name = name.split(':')[0]
  name = name.split('@')[0]
  if (/[_.]/.test(name)) name = `${name.replaceAll('_', '-').replaceAll('.', '-')}-${suffix()}`
  return name
}

// apimachinery's rand.String alphabet: no vowels, no confusable characters.
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'

function randomSuffix(): string {
  let s = ''
  for (let i = 0; i < 5; i++) s += ALPHANUMS[Math.floor(Math.random() * ALPHANUMS.length)]
  return s
}
