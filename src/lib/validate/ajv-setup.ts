// The one Ajv configuration, shared by the validators compiled at build time (scripts/gen-schemas.mjs
// --compile) and those compiled at run time (custom resources, or a source tree without a build).
// Imports nothing at run time, so the build script can load it with Node's type stripping.
import type {Options} from 'ajv'

export const AJV_OPTIONS: Options = {
  // Every problem of a document, not only the first.
  allErrors: true,
  // Errors carry their schema and data: "did you mean" reads the fields the schema knows.
  verbose: true,
  // ktl words its own messages (messages.ts).
  messages: false,
  // x-kubernetes-* annotations are not keywords; unknown formats never reach Ajv (crd-schema.ts).
  strict: false,
  allowUnionTypes: true,
  // One function per definition: PodSpec is compiled once, not inlined into every pod-bearing kind.
  inlineRefs: false,
  logger: false,
}

/** The URI the bundled definitions file is registered under, so kind and CRD schemas can refer to it. */
export const DEFINITIONS_URI = 'https://schemas.ktl.invalid/_definitions.json'

/** The URI a bundled kind schema (index.json's `file`) is compiled under; its relative $ref then resolves to DEFINITIONS_URI. */
export function kindSchemaURI(file: string): string {
  return `https://schemas.ktl.invalid/${file}`
}
