#!/usr/bin/env node
// ktl's entry point. Kept tiny: everything else is imported only once we know the command.
const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  process.stderr.write(`error: ktl requires Node.js 22 or newer (this is ${process.version})\n`)
  process.exit(1)
}

// The reader of our output went away (`ktl get pods | head -1`): stop at once, as kubectl does when
// SIGPIPE kills it, with the status a shell reports for that (128 + SIGPIPE), and no warning.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(141)
})

function notBuilt(err, file = 'main.mjs') {
  if (err.code === 'ERR_MODULE_NOT_FOUND' && err.url?.endsWith(`/dist/startup/${file}`)) return undefined
  throw err
}

// Node keeps compiled code for the next run; in the user's cache folder rather than the shared /tmp.
function compileCacheDir() {
  const env = process.env
  const {homedir} = process.getBuiltinModule?.('node:os') ?? {homedir: () => env.HOME ?? ''}
  if (process.platform === 'win32') return `${env.LOCALAPPDATA || `${homedir()}\\AppData\\Local`}\\ktl\\compile-cache`
  if (process.platform === 'darwin') return `${homedir()}/Library/Caches/ktl/compile-cache`
  return `${env.XDG_CACHE_HOME || `${homedir()}/.cache`}/ktl/compile-cache`
}
const {enableCompileCache} = await import('node:module')
enableCompileCache?.(process.env.NODE_COMPILE_CACHE ? undefined : compileCacheDir())

// Shell completion (the scripts `ktl completion SHELL` prints call this on every Tab): all words are
// the line to complete, never flags or help for ktl, and nothing else needs to load.
if (process.argv[2] === '__complete') {
  const bundled = process.getBuiltinModule ? await import('../dist/startup/complete.mjs').catch((err) => notBuilt(err, 'complete.mjs')) : undefined
  const {main} = bundled ?? (await import('../dist/lib/completion/main.js'))
  await main(process.argv.slice(3))
} else {
  // The startup bundle runs ktl's commands and help (it needs process.getBuiltinModule, Node 22.3+, and
  // a build that made it); --version, suggestions and plugin commands need full oclif.
  const startup = process.getBuiltinModule ? await import('../dist/startup/main.mjs').catch(notBuilt) : undefined
  const {moveLeadingGlobalFlags} = startup ?? (await import('../dist/lib/argv.js'))
  const args = moveLeadingGlobalFlags(process.argv.slice(2))
  if (!(await startup?.runStartup(args))) {
    const {execute} = await import('@oclif/core')
    await execute({args, dir: import.meta.url})
  }
}
