// Runs Node on a script of the repository (the built CLI, mostly) as a user's shell would, for tests
// that check a whole run: stdout, stderr and the exit code.
import {spawn} from 'node:child_process'
import {resolve} from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')

export interface Run {
  stdout: string
  stderr: string
  code: number | null
}

/** `node ARGS` in the repository root with only PATH, LANG and `env` set, stdin closed. */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return spawnProcess(process.execPath, args, ROOT, {PATH: process.env.PATH, LANG: 'C.UTF-8', ...env})
}

/** COMMAND ARGS in `cwd` with exactly `env`, stdin closed: its whole output and exit code. */
export function spawnProcess(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done, reject) => {
    const child = spawn(command, args, {cwd, env})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => done({stdout, stderr, code}))
    child.stdin.end()
  })
}
