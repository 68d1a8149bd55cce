// Describers sort with Go's sort.Slice; the one port of it lives in src/lib/go/sort.ts.
export {goSortSlice as goSort} from '../go/sort.js'
