#!/usr/bin/env node
// ktl's entry point. Kept tiny: everything else is imported only once we know the command.
const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  process.stderr.write(`error: ktl requires Node.js 22 or newer (this is ${process.version})\n`)
  process.exit(1)
}
const {enableCompileCache} = await import('node:module')
enableCompileCache?.()
const {moveLeadingGlobalFlags} = await import('../dist/lib/argv.js')
const {execute} = await import('@oclif/core')
await execute({args: moveLeadingGlobalFlags(process.argv.slice(2)), dir: import.meta.url})
