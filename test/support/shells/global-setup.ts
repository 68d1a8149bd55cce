// Before the unit and e2e projects run: the real shells the completion tests need (install.sh).
import {execFileSync} from 'node:child_process'

export default function setup(): void {
  execFileSync('bash', ['test/support/shells/install.sh'], {stdio: 'inherit'})
}
