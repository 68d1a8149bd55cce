// `ktl edit`: kubectl's edit. Writes the objects (one, or several as a v1 List) as YAML or JSON under
// kubectl's header comment into a temporary file, opens $KUBE_EDITOR, $EDITOR or vi on it, and
// sends what changed as a patch: strategic merge for built-in kinds, JSON merge for the rest. A save
// the server finds invalid reopens the editor with the reasons in the header; saving no change
// cancels.
import {spawn} from 'node:child_process'
import {randomInt} from 'node:crypto'
import {readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {type Ctx, reportError} from '../context.js'
import {checkErr, CliError, StatusError, usageError} from '../errors.js'
import type {ObjectInfo} from '../resources/infos.js'
import type {KubeObject} from '../resources/objects.js'
import {resourcePath} from '../resources/paths.js'
import {compactJSON} from '../printers/json.js'

export interface EditOptions {
  args: string[]
  filenames: string[]
  recursive: boolean
  /** yaml or json: the format of the file the editor opens. */
  output: string
  /** -o was given: kubectl then prints each saved object in that format instead of `kind/name edited`. */
  outputGiven: boolean
  outputPatch: boolean
  windowsLineEndings: boolean
  fieldManager: string
  subresource?: string
  showManagedFields: boolean
  validate: string
  /** --save-config: the edited object is recorded in the last-applied-configuration annotation. */
  saveConfig: boolean
}

const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n'

export interface EditReason {
  head: string
  other: string[]
}

/** kubectl's hashOnLineBreak: continuation lines of a reason stay comments. */
function hashOnLineBreak(s: string): string {
  let r = ''
  for (let i = 0; i < s.length; i++) r += s[i] === '\n' && i + 1 < s.length && s[i + 1] !== '#' ? '\n# ' : s[i]
  return r
}

/** The comment block above the object: the fixed text, then each reason the last save failed. */
export function editHeader(reasons: EditReason[]): string {
  let out = HEADER
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`
    out += '#\n'
  }
  return out
}

/** kubectl's ManualStrip: the lines that are not comments (a #! line is kept). */
export function manualStrip(text: string): string {
  const lines = text.split('\n')
  return lines.filter((line) => !(line.trim().startsWith('#') && !line.trim().startsWith('#!'))).join('\n')
}

/** Whether anything but blank lines and comments is left (kubectl's hasLines). */
export function hasLines(text: string): boolean {
  return text.split('\n').some((line) => {
    const t = line.trim()
    return t !== '' && !t.startsWith('#')
  })
}

/** The command line kubectl's editor package runs: one word, words split on spaces, or the shell when quoting is involved. */
export function editorCommand(env: NodeJS.ProcessEnv, file: string): string[] {
  const editor = env.KUBE_EDITOR || env.EDITOR || 'vi'
  if (!editor.includes(' ')) return [editor, file]
  if (!/["'\\]/.test(editor)) return [...editor.split(' '), file]
  return [env.SHELL || 'sh', '-c', `${editor} ${JSON.stringify(file)}`]
}

async function launchEditor(ctx: Ctx, file: string): Promise<void> {
  const [program, ...args] = editorCommand(ctx.env, file)
  const ok = await new Promise<boolean>((resolve) => {
    // The editor owns the terminal while it runs, as with kubectl.
    const child = spawn(program, args, {stdio: 'inherit', env: ctx.env})
    child.on('error', () => resolve(false))
    child.on('close', (code) => resolve(code === 0))
  })
  if (!ok) throw usageError(`there was a problem with the editor ${JSON.stringify([program, ...args.slice(0, -1)].join(' '))}`)
}

async function tempFile(ext: string, content: string): Promise<string> {
  for (;;) {
    const file = join(tmpdir(), `ktl-edit-${randomInt(2 ** 31)}${ext}`)
    try {
      await writeFile(file, content, {flag: 'wx', mode: 0o600})
      return file
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
  }
}

function preserved(err: CliError, file: string | undefined, ctx: Ctx): CliError {
  if (file) ctx.io.err.write(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`)
  return err
}

interface Results {
  reasons: EditReason[]
  invalid: number
  notFound: number
  retryable: number
}

function groupResourceName(info: ObjectInfo): string {
  return info.resource.group ? `${info.resource.name}.${info.resource.group}` : info.resource.name
}

/** kubectl's editResults.addError: the line to print, and what the failure means for the loop. */
function addError(results: Results, err: CliError, info: ObjectInfo): string {
  const what = `${groupResourceName(info)} ${JSON.stringify(info.name)}`
  if (err instanceof StatusError && err.code === 422) {
    results.invalid++
    results.reasons.push({head: `${what} was not valid`, other: (err.status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`)})
    return `error: ${what} is invalid`
  }
  if (err instanceof StatusError && err.code === 404) {
    results.notFound++
    return `error: ${what} could not be found on the server`
  }
  results.retryable++
  return `error: ${what} could not be patched: ${err instanceof StatusError ? (err.status.message ?? '') : err.message.replace(/^error: /, '')}`
}

export async function runEdit(ctx: Ctx, opts: EditOptions): Promise<void> {
  if (opts.output !== 'yaml' && opts.output !== 'json') {
    throw usageError(`unable to match a printer suitable for the output format ${JSON.stringify(opts.output)}, allowed formats are: json,yaml`)
  }
  const {FIELD_VALIDATION, parseValidationMode} = await import('../validate/mode.js')
  const fieldValidation = FIELD_VALIDATION[parseValidationMode(opts.validate)]
  await ctx.namespace()
  const infos = await originals(ctx, opts)
  if (infos.length === 0) throw usageError('edit cancelled, no objects found')

  const [{formatYAML}, {formatJSON}, {withoutManagedFields}] = await Promise.all([
    import('../printers/yaml.js'),
    import('../printers/json.js'),
    import('../resources/managed-fields.js'),
  ])
  const shown = infos.map((i) => (opts.showManagedFields ? i.object : withoutManagedFields(i.object)))
  const document = shown.length === 1 ? shown[0] : {apiVersion: 'v1', items: shown, kind: 'List', metadata: {}}
  const printed = opts.output === 'json' ? formatJSON(document) : formatYAML(document)
  const crlf = (s: string) => (opts.windowsLineEndings ? s.replace(/\r?\n/g, '\r\n') : s)
  const ext = opts.output === 'json' ? '.json' : '.yaml'

  // JSON has no comments: kubectl writes neither the header nor the reasons into a JSON file.
  const header = (reasons: EditReason[]) => (opts.output === 'json' ? '' : crlf(editHeader(reasons)))
  const original = header([]) + crlf(printed)
  let edited = ''
  let file: string | undefined
  let results: Results = {reasons: [], invalid: 0, notFound: 0, retryable: 0}
  let containsError = false
  for (;;) {
    const buffer = containsError ? header(results.reasons) + manualStrip(edited) : original
    const previous = edited
    const previousFile = file
    file = await tempFile(ext, buffer)
    try {
      await launchEditor(ctx, file)
    } catch (err) {
      throw preserved(err as CliError, previousFile, ctx)
    }
    edited = await readFile(file, 'utf8')
    if (previousFile) await rm(previousFile, {force: true})
    const yaml = await import('js-yaml')
    const asJSON = (text: string) => {
      try {
        return JSON.stringify(yaml.load(text, {json: true}) ?? null)
      } catch {
        return manualStrip(text)
      }
    }
    if (containsError && asJSON(previous) === asJSON(edited)) throw preserved(usageError('Edit cancelled, no valid changes were saved.'), file, ctx)
    if (asJSON(original) === asJSON(edited)) {
      await rm(file, {force: true})
      ctx.io.err.write('Edit cancelled, no changes made.\n')
      return
    }
    if (!hasLines(edited)) {
      await rm(file, {force: true})
      ctx.io.err.write('Edit cancelled, saved file was empty.\n')
      return
    }
    results = {reasons: [], invalid: 0, notFound: 0, retryable: 0}
    let objects: KubeObject[]
    try {
      // json: a key given twice keeps its last value, as Go's YAML decoding does
      objects = flatten(yaml.load(edited, {json: true}))
    } catch (err) {
      containsError = true
      results.reasons.push({head: `The edited file had a syntax error: error converting YAML to JSON: yaml: ${(err as Error).message.split('\n')[0]}`, other: []})
      continue
    }
    try {
      await patchEach(ctx, opts, fieldValidation, infos, objects, results)
    } catch (err) {
      if (err instanceof CliError) throw preserved(err, file, ctx)
      throw err
    }
    if (results.retryable > 0) {
      // ktl has no replace: kubectl's is named, as the way to send the saved file again.
      ctx.io.err.write(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`)
      throw new CliError('', 1)
    }
    if (results.notFound > 0) {
      ctx.io.err.write(`The edits you made on deleted resources have been saved to ${JSON.stringify(file)}\n`)
      throw new CliError('', 1)
    }
    if (results.invalid === 0) {
      await rm(file, {force: true})
      return
    }
    containsError = true
  }
}

function flatten(document: unknown): KubeObject[] {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return []
  const object = document as KubeObject
  if (typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items)) return (object.items as KubeObject[]).flatMap(flatten)
  return [object]
}

/** The objects to edit, read from the server (a type alone means all of its objects, as in kubectl). */
async function originals(ctx: Ctx, opts: EditOptions): Promise<ObjectInfo[]> {
  const [{buildInfos, foundInfos, visitInfos}, {planInfos}] = await Promise.all([import('../resources/infos.js'), import('../resources/plan.js')])
  const plan = await planInfos(ctx, {args: opts.args, filenames: opts.filenames, recursive: opts.recursive, typeMeansAll: true})
  const found = await buildInfos(ctx, plan, {allNamespaces: false, latest: true, subresource: opts.subresource})
  const error = await visitInfos(found)
  if (error) throw checkErr(error)
  return foundInfos(found)
}

async function patchEach(ctx: Ctx, opts: EditOptions, fieldValidation: string, infos: ObjectInfo[], edited: KubeObject[], results: Results): Promise<void> {
  const [{createPrinter}, goValues, jsonMerge] = await Promise.all([import('../create/output.js'), import('../patch/go-values.js'), import('../patch/json-merge.js')])
  // kubectl makes a printer per object: no --- between YAML documents.
  const print = async (object: KubeObject, operation: string) =>
    (await createPrinter(opts.outputGiven ? opts.output : ''))(object, ctx.io.out, {typed: false, operation, showManagedFields: opts.showManagedFields})
  const preconditions = [
    jsonMerge.requireKeyUnchanged('apiVersion'),
    jsonMerge.requireKeyUnchanged('kind'),
    jsonMerge.requireMetadataKeyUnchanged('name'),
    jsonMerge.requireKeyUnchanged('managedFields'),
  ]
  const {withLastApplied} = await import('../create/last-applied.js')
  // kubectl's RequireNamespace: every edited object must stay in the namespace of the command.
  const namespace = await ctx.namespace()
  for (const saved of edited) {
    const own = saved.metadata?.namespace
    if (own && own !== namespace && infos.some((i) => i.resource.namespaced && i.object.metadata?.uid === saved.metadata?.uid)) {
      throw usageError(`the namespace from the provided object ${JSON.stringify(own)} does not match the namespace ${JSON.stringify(namespace)}. You must pass '--namespace=${own}' to perform this operation.`)
    }
  }
  for (const saved of edited) {
    const uid = saved.metadata?.uid
    const info = infos.find((i) => i.object.metadata?.uid === uid)
    if (!info) throw usageError(`no original object found for ${saved.kind ?? ''}/${saved.metadata?.name ?? ''}`)
    // kubectl puts the managedFields it kept out of the file back before comparing, annotating and patching.
    const managedFields = info.object.metadata?.managedFields
    const restored = opts.showManagedFields || managedFields === undefined ? saved : {...saved, metadata: {...saved.metadata, managedFields}}
    const object = opts.saveConfig ? withLastApplied(restored, {save: true, typed: false}) : restored
    const before = info.object
    if (goValues.goDeepEqual(goValues.toGoJSON(before), goValues.toGoJSON(object))) {
      await print(object, 'skipped')
      continue
    }
    const {patchMetaFor} = await import('../patch/patch-meta.js')
    const meta = patchMetaFor(info.object.apiVersion ?? '', info.object.kind ?? '')
    let patch: import('../patch/go-values.js').JSONMap
    if (meta?.builtin) {
      const {createTwoWayMergePatch} = await import('../patch/strategic-merge.js')
      patch = createTwoWayMergePatch(before, object, meta.schema('struct'))
    } else {
      patch = jsonMerge.createMergePatch(before, object)
    }
    if (!preconditions.every((ok) => ok(patch))) throw usageError('At least one of apiVersion, kind and name was changed')
    const body = compactJSON(goValues.toPlainJSON(patch))
    if (opts.outputPatch) ctx.io.out.write(`Patch: ${body}\n`)
    const client = await ctx.client()
    try {
      const res = await client.request<KubeObject>({
        method: 'PATCH',
        path: resourcePath(info.resource, info.namespace, info.name) + (opts.subresource ? `/${opts.subresource}` : ''),
        query: {fieldManager: opts.fieldManager || undefined, fieldValidation},
        body,
        contentType: meta?.builtin ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json',
        resource: {group: info.resource.group, resource: info.resource.name, name: info.name},
      })
      await print(res.data, 'edited')
    } catch (err) {
      if (!(err instanceof CliError)) throw err
      await reportError(ctx, err, addError(results, err, info))
    }
  }
}
