// What validation finds, and the one line each becomes: SOURCE:LINE:COLUMN: PATH: MESSAGE, like a
// compiler's diagnostics, so editors and CI can jump to the place.
import type {ManifestDocument} from '../manifests/reader.js'

export type Severity = 'error' | 'warning'

export interface ValidationProblem {
  /** The document the problem is in (its source, index and itemPath say where it came from). */
  document: ManifestDocument
  /** 1-based place of the offending key, item or object in the source. */
  line: number
  column: number
  /** The field path relative to the object, as steps: ['spec', 'containers', 0, 'image']. */
  path: Array<string | number>
  message: string
  severity: Severity
}

/** `spec.template.spec.containers[0].image`; keys that are not plain words go in brackets: `metadata.labels[app.kubernetes.io/name]`. */
export function formatFieldPath(path: ReadonlyArray<string | number>): string {
  let out = ''
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`
    else if (/^[A-Za-z_$][\w$-]*$/.test(step)) out += out === '' ? step : `.${step}`
    else out += `[${step}]`
  }
  return out
}

/** `deploy.yaml:14:9: spec.template.spec.containers[0].imagePullPolicyy: unknown field (did you mean "imagePullPolicy"?)`; warnings start with kubectl's "Warning: ". */
export function formatProblem(problem: ValidationProblem): string {
  const path = formatFieldPath(problem.path)
  const line = `${problem.document.source}:${problem.line}:${problem.column}: ${path === '' ? '' : `${path}: `}${problem.message}`
  return problem.severity === 'warning' ? `Warning: ${line}` : line
}

/**
 * Where a path points in its document: the path itself (its value with atValue), else its nearest
 * ancestor that is in the source.
 */
export function locate(document: ManifestDocument, path: ReadonlyArray<string | number>, atValue = false): {line: number; column: number} {
  const value = atValue ? document.valuePosition(path) : undefined
  if (value) return value
  for (let n = path.length; n >= 0; n--) {
    const position = document.position(path.slice(0, n))
    if (position) return position
  }
  return {line: 1, column: 1}
}
