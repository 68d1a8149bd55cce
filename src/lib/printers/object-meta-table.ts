// The table kubectl prints for objects a server sent without a Table (servers older than 1.10, or
// aggregated APIs that never learned Tables): a name and an age, from the object's metadata.
import {translateTimestampSince} from '../describe/time.js'
import type {KubeObject, Table} from '../resources/objects.js'

export function objectMetaTable(objects: KubeObject[], now: number): Table {
  return {
    kind: 'Table',
    columnDefinitions: [
      {name: 'Name', type: 'string', format: 'name', priority: 0},
      {name: 'Age', type: 'string', format: '', priority: 0},
    ],
    rows: objects.map((object) => ({
      cells: [object.metadata?.name ?? '', translateTimestampSince(object.metadata?.creationTimestamp, now)],
      object,
    })),
  }
}
