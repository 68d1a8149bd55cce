// kubectl takes its global flags before the command too (`kubectl -n kube-system get pods`); oclif
// reads the first words as the command, so such flags move behind the command before parsing.
// Imported by bin/run.js on every start: keep it free of imports.

const WITH_VALUE = new Set([
  '--kubeconfig', '--context', '--cluster', '--user', '--namespace', '-n', '--server', '-s', '--token',
  '--certificate-authority', '--client-certificate', '--client-key', '--tls-server-name', '--request-timeout', '-v', '--v', '--output-errors',
  '--as', '--as-group', '--as-uid',
])
const BOOLEAN = new Set(['--insecure-skip-tls-verify'])

export function moveLeadingGlobalFlags(argv: string[]): string[] {
  const moved: string[] = []
  let i = 0
  while (i < argv.length) {
    const arg = argv[i]
    const name = arg.startsWith('--') ? arg.split('=')[0] : arg.slice(0, 2)
    if (WITH_VALUE.has(name)) {
      const inline = arg.startsWith('--') ? arg.includes('=') : arg.length > 2
      moved.push(...(inline || i + 1 >= argv.length ? [arg] : [arg, argv[i + 1]]))
      i += inline ? 1 : 2
    } else if (BOOLEAN.has(name)) {
      moved.push(arg)
      i++
    } else break
  }
  if (moved.length === 0) return argv
  const rest = argv.slice(i)
  const dashdash = rest.indexOf('--')
  return dashdash < 0 ? [...rest, ...moved] : [...rest.slice(0, dashdash), ...moved, ...rest.slice(dashdash)]
}
