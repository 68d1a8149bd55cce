// `ktl validate -f`: every problem of every manifest, offline. The reader's problems (YAML syntax,
// duplicate keys, missing apiVersion/kind) and the validator's come together in file order, one line
// each on stderr (FILE:LINE:COLUMN: ...), then the summary line; exit 1 when any document is invalid.
// -o json prints a record per document on stdout instead, for editors and CI.
import type {Ctx} from '../context.js'
import {CliError, usageError} from '../errors.js'
import {collectManifests, type ManifestError} from '../manifests/reader.js'
import {formatJSON} from '../printers/json.js'
import type {KubeObject} from '../resources/objects.js'
import {isCustomResourceDefinition} from '../validate/crd-schema.js'
import {errorLines, errorRecords, summaryLine, validateSources} from '../validate/report.js'

export interface ValidateCommandOptions {
  filenames: string[]
  recursive: boolean
  /** CRD manifests (files, directories, URLs) to take custom resource schemas from. */
  schemaLocations: string[]
  ignoreMissingSchemas: boolean
  /** text (default) or json. */
  output?: string
}

export async function runValidate(ctx: Ctx, opts: ValidateCommandOptions): Promise<void> {
  const output = opts.output ?? 'text'
  if (output !== 'text' && output !== 'json') throw usageError(`unknown output format ${JSON.stringify(output)}: use text or json`)
  if (opts.filenames.length === 0) throw usageError('must specify one or more manifests with -f')

  let locationErrors: ManifestError[] = []
  let locationCRDs: KubeObject[] | undefined
  if (opts.schemaLocations.length > 0) {
    const locations = await collectManifests({filenames: opts.schemaLocations, recursive: true, stdin: ctx.io.in, env: ctx.env})
    locationErrors = locations.errors
    locationCRDs = locations.documents.map((d) => d.object).filter(isCustomResourceDefinition)
  }
  const report = await validateSources(ctx, {
    filenames: opts.filenames,
    recursive: opts.recursive,
    output,
    ignoreMissingSchemas: opts.ignoreMissingSchemas,
    locationCRDs,
  })
  if (output === 'json') {
    const documents = [...errorRecords(locationErrors), ...report.records]
    ctx.io.out.write(formatJSON({documents, summary: report.counts}, {indent: '  ', sortKeys: false}))
  } else {
    for (const line of [...errorLines(locationErrors), ...report.lines]) ctx.io.err.write(`${line}\n`)
  }
  const summary = summaryLine(report.counts)
  if (report.counts.invalid > 0 || locationErrors.length > 0 || report.failed) throw new CliError(summary)
  ctx.io.err.write(`${summary}\n`)
}
