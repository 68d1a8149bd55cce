// Startup is the product for a CLI: commands that need no server must not load HTTP, YAML, schema
// or table code. Runs the built CLI (npm test builds first) with an import tracer.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'ktl-trace-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

function importsOf(args: string[]): string[] {
  const trace = join(dir, `${args.join('_')}.txt`)
  const run = spawnSync(process.execPath, ['--import', './test/support/import-trace.mjs', 'bin/run.js', ...args], {
    encoding: 'utf8',
    env: {...process.env, KTL_IMPORT_TRACE: trace, KUBECONFIG: '/nonexistent'},
  })
  expect(run.status).toBe(0)
  return readFileSync(trace, 'utf8').trim().split('\n')
}

const HEAVY = ['/node_modules/axios/', '/node_modules/js-yaml/', '/node_modules/ajv/', '/node_modules/cli-table3/', '/schemas/']

describe('startup stays lazy', () => {
  it.each([[['version', '--client']], [['--help']], [['version', '--help']]])('ktl %j loads no heavy library', (args) => {
    const imports = importsOf(args)
    expect(imports.length).toBeGreaterThan(0)
    expect(imports.filter((url) => HEAVY.some((h) => url.includes(h)))).toEqual([])
  })
})
