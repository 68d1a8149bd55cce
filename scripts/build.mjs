// Builds dist/ from src/ and writes the oclif manifest, so `ktl CMD` imports only CMD's module; the
// compiled schema validators; then the startup bundle and its index (dist/startup/), which
// bin/run.js runs commands from without loading oclif's config and plugins. Transpile only (esbuild); type checking is `npm run typecheck`.
import {execFileSync} from 'node:child_process'
import {readdirSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {build} from 'esbuild'
import {bundleStartup} from './startup-bundle.mjs'
import {writeStartupIndex} from './startup-index.mjs'

const root = join(import.meta.dirname, '..')

function sources(dir) {
  return readdirSync(join(root, dir), {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

rmSync(join(root, 'dist'), {recursive: true, force: true})
await build({
  absWorkingDir: root,
  entryPoints: sources('src'),
  outdir: 'dist',
  outbase: 'src',
  format: 'esm',
  platform: 'node',
  target: 'node22',
  logLevel: 'warning',
})
execFileSync(process.execPath, ['node_modules/oclif/bin/run.js', 'manifest'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']})
// Ajv's standalone code for every built-in kind (dist/validators/): validating a Deployment then
// loads one module instead of importing Ajv and compiling its schema, about 450 ms a run.
execFileSync(process.execPath, ['scripts/gen-schemas.mjs', '--compile', 'dist/validators'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']})
try {
  const skipped = await writeStartupIndex(root, await bundleStartup(root, sources('src/commands')))
  for (const [id, reason] of Object.entries(skipped)) process.stderr.write(`startup: ${id} runs on full oclif (${reason})\n`)
} catch (err) {
  // ktl still runs, through full oclif for everything (bin/run.js), only slower to start.
  rmSync(join(root, 'dist/startup'), {recursive: true, force: true})
  process.stderr.write(`warning: no startup bundle, ktl will start through full oclif: ${err.message}\n`)
}
