// The template file of -o jsonpath-file, go-template-file and templatefile, read as kubectl's print
// flags read it, with their error for a file that cannot be read.
import {readFileSync} from 'node:fs'
import {CliError} from '../errors.js'
import {goPathError} from '../kubeconfig/go-text.js'

export function readTemplateFile(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    // os.ReadFile: opening fails with `open PATH: ...`, reading a directory with `read PATH: ...`
    const op = (err as NodeJS.ErrnoException).code === 'EISDIR' ? 'read' : 'open'
    throw new CliError(`error: error reading --template ${path}, ${goPathError(op, path, err)}\n`)
  }
}
