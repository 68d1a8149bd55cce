// Validation before create and apply send anything (--validate=strict|warn): problems with every
// document are listed at once, each with its file, line and column. Strict refuses to go on; warn
// prints them as warnings and lets the server decide. Kinds without a schema here (an older or newer
// server, custom resources whose CRD is nowhere yet) are left to the server and to discovery.
import type {Ctx} from '../context.js'
import {AggregateCliError, CliError} from '../errors.js'
import type {ManifestDocument} from '../manifests/reader.js'
import {clusterCRDSource} from './crd-sources.js'
import {formatProblem} from './problems.js'
import {validateEach} from './validate.js'

export async function validateForSend(ctx: Ctx, documents: readonly ManifestDocument[], mode: 'strict' | 'warn'): Promise<void> {
  const results = await validateEach(documents, {mode, missingSchemas: 'skip', crdSources: [clusterCRDSource(ctx)]})
  const errors: CliError[] = []
  let invalid = 0
  for (const {problems} of results) {
    for (const problem of problems) {
      if (problem.severity === 'warning') ctx.io.err.write(`${formatProblem(problem)}\n`)
      else errors.push(new CliError(formatProblem(problem)))
    }
    if (problems.some((p) => p.severity === 'error')) invalid++
  }
  if (errors.length === 0) return
  const documentsText = invalid === 1 ? '1 document' : `${invalid} documents`
  errors.push(new CliError(`error: ${documentsText} failed validation; if you choose to ignore these errors, turn validation off with --validate=false`))
  throw new AggregateCliError(errors)
}
