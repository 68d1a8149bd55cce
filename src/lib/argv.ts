// kubectl takes its global flags before the command too (`kubectl -n kube-system get pods`); oclif
// reads the first words as the command, so such flags move behind the command before parsing.
// Imported by bin/run.js on every start: keep it free of imports.

const WITH_VALUE = new Set([
  '--kubeconfig', '--context', '--cluster', '--user', '--namespace', '-n', '--server', '-s', '--token',
  '--certificate-authority', '--client-certificate', '--client-key', '--tls-server-name', '--request-timeout', '-v', '--v', '--output-errors',
  '--as', '--as-group', '--as-uid',
])
const BOOLEAN = new Set(['--insecure-skip-tls-verify'])
// The one global flag that collects values; for the others the last value given wins, as in pflag.
const REPEATABLE = new Set(['--as-group'])
const LONG_NAME: Record<string, string> = {'-n': '--namespace', '-s': '--server', '-v': '--v'}

export function moveLeadingGlobalFlags(argv: string[]): string[] {
  const moved: string[][] = []
  let i = 0
  const names: string[] = []
  while (i < argv.length) {
    const arg = argv[i]
    const name = flagName(arg)
    if (WITH_VALUE.has(name)) {
      const inline = arg.startsWith('--') ? arg.includes('=') : arg.length > 2
      moved.push(inline || i + 1 >= argv.length ? [arg] : [arg, argv[i + 1]])
      i += inline ? 1 : 2
    } else if (BOOLEAN.has(name)) {
      moved.push([arg])
      i++
    } else break
    names.push(LONG_NAME[name] ?? name)
  }
  if (moved.length === 0) return argv
  const rest = argv.slice(i)
  const dashdash = rest.indexOf('--')
  const flagsPart = dashdash < 0 ? rest : rest.slice(0, dashdash)
  // Moved behind the command, a leading flag would come last and win; in kubectl's order it came first.
  const setLater = new Set(flagsPart.map((arg) => LONG_NAME[flagName(arg)] ?? flagName(arg)))
  const kept = moved.filter((_, k) => REPEATABLE.has(names[k]) || !setLater.has(names[k])).flat()
  return dashdash < 0 ? [...rest, ...kept] : [...rest.slice(0, dashdash), ...kept, ...rest.slice(dashdash)]
}

function flagName(arg: string): string {
  return arg.startsWith('--') ? arg.split('=')[0] : arg.slice(0, 2)
}
