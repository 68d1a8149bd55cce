// The string formats the API server's decoders enforce, as the patterns the generated schemas use
// (scripts/gen-schemas.mjs imports this file) and the words errors use for them; and the formats of
// custom resource schemas ktl checks. Imports only Node's modules, so the generator can load it with
// Node's type stripping.
import {isIP, isIPv4, isIPv6} from 'node:net'
import type {Format} from 'ajv'

export interface StringFormat {
  pattern: string
  /** "must be ..." */
  description: string
}

// time.RFC3339 as metav1.Time parses it (fractional seconds allowed).
const dateTime = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$'

// encoding/json decodes []byte with base64.StdEncoding, which skips CR and LF anywhere.
const b64 = '[A-Za-z0-9+/][\\r\\n]*'
const base64 = `^[\\r\\n]*(${b64}${b64}${b64}${b64})*(${b64}${b64}=[\\r\\n]*=[\\r\\n]*|${b64}${b64}${b64}=[\\r\\n]*)?$`

// resource.ParseQuantity's grammar: a signed decimal number, then a binary or decimal SI suffix or a decimal exponent.
const quantity = '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$'

export const FORMATS = {
  dateTime: {pattern: dateTime, description: 'an RFC 3339 date and time such as "2006-01-02T15:04:05Z"'},
  base64: {pattern: base64, description: 'base64-encoded data'},
  quantity: {pattern: quantity, description: 'a quantity such as "500m", "2Gi" or 3'},
} satisfies Record<string, StringFormat>

/** The description of a pattern the generated schemas use, or undefined for any other pattern. */
export function describePattern(pattern: string): string | undefined {
  for (const format of Object.values(FORMATS)) if (format.pattern === pattern) return format.description
  return undefined
}

/**
 * Formats a CRD's schema may name that ktl checks as the API server does (its strfmt registry); a
 * schema's other formats are not checked. datetime is the registry's other name for date-time.
 */
export const CRD_FORMATS: Record<string, Format> = {
  'date-time': new RegExp(dateTime),
  date: /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/,
  byte: new RegExp(base64),
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  ipv4: (s: string) => isIPv4(s),
  ipv6: (s: string) => isIPv6(s),
  cidr: (s: string) => {
    const m = /^([^/]+)\/([0-9]{1,3})$/.exec(s)
    const family = m ? isIP(m[1]) : 0
    return family !== 0 && Number(m?.[2]) <= (family === 4 ? 32 : 128)
  },
  mac: /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/,
}
