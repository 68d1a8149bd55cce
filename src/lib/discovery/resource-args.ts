// The TYPE and NAME arguments verbs take, read the way kubectl's resource builder reads them:
//   TYPE                   pods | deploy,svc
//   TYPE NAME [NAME...]    pod web-1 web-2 | deploy,svc web (every type with every name)
//   TYPE/NAME [TYPE/NAME]  pod/web-1 svc/web
// Categories such as `all` stand for their resources in the TYPE form only.
import {usageError} from '../errors.js'
import type {Discovery} from './types.js'

export interface ResourceTuple {
  type: string
  name: string
}

export type ResourceArgs =
  /** TYPE/NAME arguments (also what `a,b NAME` becomes). */
  | {form: 'tuples'; tuples: ResourceTuple[]}
  /** TYPE [NAME...]: the types (comma list split, duplicates dropped) and the names. */
  | {form: 'types'; types: string[]; names: string[]}

/** Splits a comma list, dropping repeats; empty entries stay, so `po,` fails on the empty type as in kubectl. */
export function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))]
}

/** `baseCmd` is the program name kubectl puts in its example (its argv[0]). */
export function parseResourceArgs(args: string[], baseCmd = 'ktl'): ResourceArgs {
  const normalized = spreadTypesOverNames(args)
  const withSlash = normalized.filter((a) => a.includes('/')).length
  if (withSlash > 0 && withSlash !== normalized.length) {
    throw usageError(
      'there is no need to specify a resource type as a separate argument when passing arguments in resource/name form ' +
        `(e.g. '${baseCmd} get resource/<resource_name>' instead of '${baseCmd} get resource resource/<resource_name>'`,
    )
  }
  if (withSlash > 0) return {form: 'tuples', tuples: normalized.map(splitTypeName)}
  if (normalized.length === 0) return {form: 'types', types: [], names: []}
  return {form: 'types', types: splitResourceArgument(normalized[0]), names: normalized.slice(1)}
}

/** `a,b x y` means a/x a/y b/x b/y. */
function spreadTypesOverNames(args: string[]): string[] {
  if (args.length < 2) return args
  const types = splitResourceArgument(args[0])
  if (types.length < 2) return args
  return types.flatMap((type) => args.slice(1).map((name) => `${type}/${name}`))
}

function splitTypeName(arg: string): ResourceTuple {
  const parts = arg.split('/')
  if (parts.length !== 2) throw usageError('arguments in resource/name form may not have more than one slash')
  const [type, name] = parts
  if (type === '' || name === '' || splitResourceArgument(type).length !== 1) {
    throw usageError('arguments in resource/name form must have a single resource and name')
  }
  return {type, name}
}

/** Replaces categories (`all`) in a TYPE list with their resources, as kubectl's ReplaceAliases does. */
export async function expandCategories(types: string[], discovery: Pick<Discovery, 'expandCategory'>): Promise<string[]> {
  const expanded: string[] = []
  for (const type of types) expanded.push(...((await discovery.expandCategory(type)) ?? [type]))
  return [...new Set(expanded)]
}
