// Go's strconv parsers where kubectl's flags and kubeconfigs rely on their exact spellings.

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False'])

/** strconv.ParseBool: true or false for its spellings, undefined for anything it refuses. */
export function parseGoBool(text: string): boolean | undefined {
  if (TRUE.has(text)) return true
  if (FALSE.has(text)) return false
  return undefined
}
