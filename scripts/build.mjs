// Builds dist/ from src/ and writes the oclif manifest, so `ktl CMD` imports only CMD's module.
// Transpile only (esbuild); type checking is `npm run typecheck`.
import {execFileSync} from 'node:child_process'
import {readdirSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {build} from 'esbuild'

function sources(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

rmSync('dist', {recursive: true, force: true})
await build({
  entryPoints: sources('src'),
  outdir: 'dist',
  outbase: 'src',
  format: 'esm',
  platform: 'node',
  target: 'node22',
  logLevel: 'warning',
})
execFileSync(process.execPath, ['node_modules/oclif/bin/run.js', 'manifest'], {stdio: ['ignore', 'ignore', 'inherit']})
