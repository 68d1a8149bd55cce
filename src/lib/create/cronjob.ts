// `ktl create cronjob`: a CronJob whose job runs one container on a schedule.
import type {KubeObject} from '../resources/objects.js'
import {generatedMeta} from './object-meta.js'

export interface CronJobOptions {
  name: string
  image: string
  schedule: string
  /** The pod's restartPolicy (kubectl's default: OnFailure). */
  restart: string
  /** What followed `--`. */
  command: string[]
}

/** The CronJob of `create cronjob NAME --image=IMAGE --schedule=SCHEDULE [-- COMMAND...]`. */
export function buildCronJob(opts: CronJobOptions): KubeObject {
  const {name, command} = opts
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: generatedMeta(name),
    spec: {
      schedule: opts.schedule,
      jobTemplate: {
        metadata: generatedMeta(name),
        spec: {
          template: {
            metadata: generatedMeta(''),
            spec: {
              containers: [{name, image: opts.image, ...(command.length > 0 ? {command} : {}), resources: {}}],
              ...(opts.restart !== '' ? {restartPolicy: opts.restart} : {}),
            },
          },
        },
      },
    },
    status: {},
  }
}
