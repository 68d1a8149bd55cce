// Ajv at run time, for schemas only known then (CustomResourceDefinitions) and for built-in kinds when
// the build-time validators are absent (running from the source tree). Imported only when one of
// those is met: Ajv's import alone costs 50-70 ms.
import {readFileSync} from 'node:fs'
import type {AnySchemaObject, ValidateFunction} from 'ajv'
import {AJV_OPTIONS, DEFINITIONS_URI, kindSchemaURI} from './ajv-setup.js'
import {CRD_FORMATS} from './formats.js'
import {bundledDefinitions, SCHEMAS_DIR} from './schema-set.js'

export interface RuntimeCompiler {
  /** A schema that may refer to the bundled definitions through DEFINITIONS_URI. */
  compile(schema: AnySchemaObject): ValidateFunction
  /** A bundled kind schema (index.json's `file`). */
  compileBuiltin(file: string): ValidateFunction
}

let compiler: Promise<RuntimeCompiler> | undefined

export function runtimeCompiler(): Promise<RuntimeCompiler> {
  return (compiler ??= createCompiler())
}

async function createCompiler(): Promise<RuntimeCompiler> {
  const {Ajv} = await import('ajv')
  const ajv = new Ajv(AJV_OPTIONS)
  for (const [name, format] of Object.entries(CRD_FORMATS)) ajv.addFormat(name, format)
  ajv.addSchema(bundledDefinitions() as AnySchemaObject, DEFINITIONS_URI)
  return {
    compile: (schema) => ajv.compile(schema),
    compileBuiltin(file) {
      const id = kindSchemaURI(file)
      if (!ajv.getSchema(id)) ajv.addSchema(JSON.parse(readFileSync(new URL(file, SCHEMAS_DIR), 'utf8')) as AnySchemaObject, id)
      return ajv.getSchema(id) as ValidateFunction
    },
  }
}
