// Starts the real control plane once for the e2e project (building it on first use) and stops it
// afterwards, unless it was already running when the tests started (a developer's own session).
import {execFileSync, spawnSync} from 'node:child_process'

const script = 'test/e2e/cluster.sh'

export default function setup(): () => void {
  const alreadyUp = spawnSync('bash', [script, 'status'], {stdio: 'ignore'}).status === 0
  if (!alreadyUp) execFileSync('bash', [script, 'up'], {stdio: 'inherit'})
  return () => {
    if (!alreadyUp) execFileSync('bash', [script, 'down'], {stdio: 'inherit'})
  }
}
