import {Flags} from '@oclif/core'
import {KubeCommand, optionalDurationFlag, optionalIntFlag} from '../lib/kube-command.js'
import {TYPE_SUGGESTION_HELP} from '../lib/discovery/suggest.js'

export default class Logs extends KubeCommand {
  static summary = 'Print the logs for a container in a pod'
  static description = `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.

Lines are written as they arrive, so -f shows each line as soon as the server sends it.

Differences from kubectl: with --all-containers, a selector or several pods, ktl reads the containers in a fixed order (init containers, containers, ephemeral containers; pods in the order the server lists them) where kubectl's order is random (with --all-pods too).

${TYPE_SUGGESTION_HELP}`
  static examples = [
    '# Return snapshot logs from pod nginx with only one container\n<%= config.bin %> logs nginx',
    '# Return snapshot logs from pod nginx, prefixing each line with the source pod and container name\n<%= config.bin %> logs nginx --prefix',
    '# Return snapshot logs from pod nginx, limiting output to 500 bytes\n<%= config.bin %> logs nginx --limit-bytes=500',
    '# Return snapshot logs from pod nginx with multi containers\n<%= config.bin %> logs nginx --all-containers=true',
    '# Return snapshot logs from all pods in the deployment nginx\n<%= config.bin %> logs deployment/nginx --all-pods=true',
    '# Return snapshot logs from all containers in pods defined by label app=nginx\n<%= config.bin %> logs -l app=nginx --all-containers=true',
    '# Return snapshot of previous terminated ruby container logs from pod web-1\n<%= config.bin %> logs -p -c ruby web-1',
    '# Begin streaming the logs of the ruby container in pod web-1\n<%= config.bin %> logs -f -c ruby web-1',
    '# Begin streaming the logs from all containers in pods defined by label app=nginx\n<%= config.bin %> logs -f -l app=nginx --all-containers=true',
    '# Display only the most recent 20 lines of output in pod nginx\n<%= config.bin %> logs --tail=20 nginx',
    '# Show all logs from pod nginx written in the last hour\n<%= config.bin %> logs --since=1h nginx',
    '# Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC\n<%= config.bin %> logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true',
    '# Return snapshot logs from first container of a job named hello\n<%= config.bin %> logs job/hello',
    '# Return snapshot logs from container nginx-1 of a deployment named nginx\n<%= config.bin %> logs deployment/nginx -c nginx-1',
  ]
  static usage = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]'
  static strict = false
  static flags = {
    'all-containers': Flags.boolean({description: "Get all containers' logs in the pod(s)."}),
    'all-pods': Flags.boolean({description: 'Get logs from all pod(s). Sets prefix to true.'}),
    container: Flags.string({char: 'c', description: 'Print the logs of this container'}),
    follow: Flags.boolean({char: 'f', description: 'Specify if the logs should be streamed.'}),
    'ignore-errors': Flags.boolean({description: 'If watching / following pod logs, allow for any errors that occur to be non-fatal'}),
    'insecure-skip-tls-verify-backend': Flags.boolean({
      description:
        'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.',
    }),
    'limit-bytes': optionalIntFlag({bits: 64, description: 'Maximum bytes of logs to return. Defaults to no limit. (default 0)'}),
    'max-log-requests': optionalIntFlag({bits: 64, description: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5. (default 5)'}),
    'pod-running-timeout': optionalDurationFlag({
      description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running (default 20s)',
    }),
    prefix: Flags.boolean({description: 'Prefix each log line with the log source (pod name and container name)'}),
    previous: Flags.boolean({char: 'p', description: 'If true, print the logs for the previous instance of the container in a pod if it exists.'}),
    selector: Flags.string({
      char: 'l',
      description:
        "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    }),
    since: optionalDurationFlag({
      description: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used. (default 0s)',
    }),
    'since-time': Flags.string({description: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.'}),
    tail: optionalIntFlag({
      bits: 64,
      description: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided. (default -1)',
    }),
    timestamps: Flags.boolean({description: 'Include timestamps on each line in the log output'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Logs)
    const {runLogs} = await import('../lib/ops/logs.js')
    await runLogs(this.ctx(flags), {
      args: argv as string[],
      container: flags.container,
      follow: flags.follow,
      previous: flags.previous,
      timestamps: flags.timestamps,
      allContainers: flags['all-containers'],
      allPods: flags['all-pods'],
      prefix: flags.prefix,
      ignoreErrors: flags['ignore-errors'],
      insecureSkipTLSVerifyBackend: flags['insecure-skip-tls-verify-backend'],
      selector: flags.selector,
      sinceMs: flags.since,
      sinceTime: flags['since-time'],
      tail: flags.tail,
      limitBytes: flags['limit-bytes'],
      maxLogRequests: flags['max-log-requests'],
      podRunningTimeoutMs: flags['pod-running-timeout'],
    })
  }
}
