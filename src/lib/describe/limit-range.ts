// `describe limitrange`, laid out as kubectl's LimitRangeDescriber lays it out (a namespace's
// description shows the same rows, indented, in namespace.ts).
import {type LimitRange, limitRangeRows} from './namespace.js'
import type {Describer} from './registry.js'
import {LEVEL_0, tabbedString} from './writer.js'

export const describeLimitRange: Describer = async (_dctx, obj) => {
  const lr = obj as LimitRange
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata?.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${lr.metadata?.namespace ?? ''}\n`)
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n')
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n')
    for (const row of limitRangeRows(lr)) w.write(LEVEL_0, `${row}\n`)
  })
}
