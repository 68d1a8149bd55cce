// Validators for the built-in kinds: the modules the build compiled from schemas/ (Ajv standalone
// code, one per kind, no Ajv needed), or, in a source tree without a build, the same schemas compiled
// by Ajv at run time with the same options.
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import type {ValidateFunction} from 'ajv'
import type {BuiltinKind} from './schema-set.js'
import {VALIDATORS_DIR} from './schema-set.js'

const loading = new Map<string, Promise<ValidateFunction>>()
const loaded = new Map<string, ValidateFunction>()

export function builtinValidator(kind: BuiltinKind): Promise<ValidateFunction> {
  let validator = loading.get(kind.file)
  if (!validator) {
    validator = load(kind.file).then((v) => (loaded.set(kind.file, v), v))
    loading.set(kind.file, validator)
  }
  return validator
}

/** The validator if it is loaded already, to spare the common case a wait. */
export function loadedBuiltinValidator(kind: BuiltinKind): ValidateFunction | undefined {
  return loaded.get(kind.file)
}

async function load(file: string): Promise<ValidateFunction> {
  const compiled = fileURLToPath(new URL(file.replace(/\.json$/, '.cjs'), VALIDATORS_DIR))
  if (existsSync(compiled)) return (createRequire(import.meta.url)(compiled) as {validate: ValidateFunction}).validate
  const {runtimeCompiler} = await import('./runtime-ajv.js')
  return (await runtimeCompiler()).compileBuiltin(file)
}
