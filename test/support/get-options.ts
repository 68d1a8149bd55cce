// runGet's options as `ktl get` passes them when no flag is given, for tests to spread and override.
import type {GetOptions} from '../../src/lib/ops/get.js'

export const GET_DEFAULTS: GetOptions = {
  args: [],
  allNamespaces: false,
  showLabels: false,
  labelColumns: [],
  noHeaders: false,
  showKind: false,
  chunkSize: 500,
  ignoreNotFound: false,
  showManagedFields: false,
}
