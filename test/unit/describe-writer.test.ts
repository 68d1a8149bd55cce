// The describe text layer: tabwriter layout, labels, annotations, the events table, ages and times,
// and the Go value formatting describers rely on.
import {afterEach, describe, expect, test} from 'vitest'
import {formatLabelSelector, goFloat, goValue, labelSelectorString} from '../../src/lib/describe/format.js'
import {smartLabelFor, splitCamelCase} from '../../src/lib/describe/generic.js'
import {parseQuantity, quantityMilliValue, quantityValue} from '../../src/lib/describe/quantity.js'
import {formatGoTimeString} from '../../src/lib/describe/time.js'
import {
  type CoreEvent,
  describeEvents,
  escapeTerminal,
  formatLabels,
  formatRFC1123Z,
  humanDuration,
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  nestedPrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTerminating,
  tabbedString,
  translateTimestampSince,
} from '../../src/lib/describe/writer.js'

const NOW = Date.parse('2026-03-01T12:00:00Z')

describe('tabbedString', () => {
  test('aligns cells of consecutive lines with two spaces of padding', () => {
    const text = tabbedString((w) => {
      w.write(LEVEL_0, 'Name:\tweb\n')
      w.write(LEVEL_0, 'Namespace:\tdefault\n')
      w.write(LEVEL_1, 'Key:\tv\n')
    })
    expect(text).toBe('Name:       web\nNamespace:  default\n  Key:      v\n')
  })

  test('a line without a tab ends the block; flush ends it too', () => {
    const text = tabbedString((w) => {
      w.write(LEVEL_0, 'A:\t1\n')
      w.write(LEVEL_0, 'Section:\n')
      w.write(LEVEL_1, 'Longer key:\t2\n')
      w.flush()
      w.write(LEVEL_0, 'B:\t3\n')
    })
    expect(text).toBe('A:  1\nSection:\n  Longer key:  2\nB:  3\n')
  })

  test('writeLine joins its parts with spaces and is not indented', () => {
    expect(tabbedString((w) => nestedPrefixWriter(w, LEVEL_2).writeLine('a', 1, true))).toBe('    a 1 true\n')
    expect(tabbedString((w) => w.writeLine('<none>'))).toBe('<none>\n')
  })

  test('a nested writer adds its levels', () => {
    expect(tabbedString((w) => nestedPrefixWriter(w, LEVEL_2).write(LEVEL_1, 'x\n'))).toBe('      x\n')
  })

  test('terminal control characters from the server are escaped', () => {
    expect(escapeTerminal('a\x1b[31mred\rb')).toBe('a^[[31mred\\rb')
    expect(tabbedString((w) => w.write(LEVEL_0, 'Msg:\t\x1b]0;title\x07\n'))).toBe('Msg:  ^[]0;title\x07\n')
  })
})

describe('labels and annotations', () => {
  test('labels are sorted, one per line, <none> when empty', () => {
    const text = tabbedString((w) => {
      printLabelsMultiline(w, 'Labels', {b: '2', a: '1'})
      printLabelsMultiline(w, 'Selectors', {})
      printLabelsMultiline(w, 'Node-Selectors', undefined)
    })
    expect(text).toBe('Labels:          a=1\n                 b=2\nSelectors:       <none>\nNode-Selectors:  <none>\n')
  })

  test('formatLabels', () => {
    expect(formatLabels({z: '1', a: ''})).toBe('a=,z=1')
    expect(formatLabels({})).toBe('<none>')
  })

  test('annotations: last-applied is hidden, long and multi-line values get their own lines', () => {
    const text = tabbedString((w) =>
      printAnnotationsMultiline(w, 'Annotations', {
        'kubectl.kubernetes.io/last-applied-configuration': '{"a":1}\n',
        short: 'v\n',
        multi: 'one\ntwo',
        long: 'y'.repeat(140),
        edge: 'z'.repeat(134),
      }),
    )
    expect(text).toBe(
      [
        `Annotations:  edge: ${'z'.repeat(134)}`,
        '              long:',
        `                ${'y'.repeat(138)}...`,
        '              multi:',
        '                one',
        '                two',
        '              short: v',
        '',
      ].join('\n'),
    )
  })

  test('only hidden annotations print <none>', () => {
    expect(tabbedString((w) => printAnnotationsMultiline(w, 'Annotations', {'kubectl.kubernetes.io/last-applied-configuration': '{}'}))).toBe(
      'Annotations:  <none>\n',
    )
  })
})

describe('events table', () => {
  const event = (e: Partial<CoreEvent>): CoreEvent => ({type: 'Normal', reason: 'Pulled', source: {component: 'kubelet'}, message: 'ok', ...e})

  test('none', () => {
    expect(tabbedString((w) => describeEvents([], w, NOW))).toBe('Events:  <none>\n')
  })

  test('sorted by last timestamp (unset first, ties kept in order), with counts, series, unknown times and the reporting controller', () => {
    const text = tabbedString((w) => {
      w.write(LEVEL_0, 'A much longer key:\tkeeps its own alignment\n')
      describeEvents(
        [
          event({reason: 'Late', firstTimestamp: '2026-03-01T11:00:00Z', lastTimestamp: '2026-03-01T11:55:00Z', count: 3, message: '  padded message \n'}),
          event({reason: 'Early', firstTimestamp: '2026-03-01T11:50:00Z', lastTimestamp: '2026-03-01T11:50:00Z', count: 1}),
          event({
            type: 'Warning',
            reason: 'Series',
            source: {},
            reportingComponent: 'default-scheduler',
            eventTime: '2026-03-01T11:59:30.123456Z',
            series: {count: 4, lastObservedTime: '2026-03-01T11:59:58.000000Z'},
          }),
          event({reason: 'Unknown'}),
        ],
        w,
        NOW,
      )
    })
    expect(text).toBe(
      [
        'A much longer key:  keeps its own alignment',
        'Events:',
        '  Type     Reason   Age               From               Message',
        '  ----     ------   ----              ----               -------',
        '  Warning  Series   2s (x4 over 29s)  default-scheduler  ok',
        '  Normal   Unknown  <unknown>         kubelet            ok',
        '  Normal   Early    10m               kubelet            ok',
        '  Normal   Late     5m (x3 over 60m)  kubelet            padded message',
        '',
      ].join('\n'),
    )
  })
})

describe('printTerminating', () => {
  test('nothing for an object that is not being deleted', () => {
    expect(tabbedString((w) => printTerminating(w, {name: 'x', finalizers: ['a']}, NOW))).toBe('')
  })

  test('status and the finalizers it waits on', () => {
    const meta = {deletionTimestamp: '2026-03-01T11:58:30Z', finalizers: ['example.com/a', 'example.com/b']}
    expect(tabbedString((w) => printTerminating(w, meta, NOW))).toBe(
      'Status:                 Terminating (lasts 90s)\nWaiting on finalizers:  example.com/a, example.com/b\n',
    )
    expect(tabbedString((w) => printTerminating(w, meta, NOW, {status: false}))).toBe('Waiting on finalizers:  example.com/a, example.com/b\n')
    expect(tabbedString((w) => printTerminating(w, {deletionTimestamp: '2026-03-01T11:00:00Z'}, NOW))).toBe('Status:  Terminating (lasts 60m)\n')
  })
})

describe('ages and times', () => {
  test.each([
    [-3000, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [119_999, '119s'],
    [120_000, '2m'],
    [150_000, '2m30s'],
    [599_000, '9m59s'],
    [600_000, '10m'],
    [3 * 3600_000 - 1, '179m'],
    [3 * 3600_000, '3h'],
    [(7 * 60 + 59) * 60_000, '7h59m'],
    [8 * 3600_000, '8h'],
    [47 * 3600_000, '47h'],
    [48 * 3600_000, '2d'],
    [(7 * 24 + 23) * 3600_000, '7d23h'],
    [8 * 24 * 3600_000, '8d'],
    [729 * 24 * 3600_000, '729d'],
    [730 * 24 * 3600_000, '2y'],
    [(3 * 365 + 10) * 24 * 3600_000, '3y10d'],
    [8 * 365 * 24 * 3600_000, '8y'],
  ])('humanDuration(%d) = %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text)
  })

  test('translateTimestampSince', () => {
    expect(translateTimestampSince(undefined, NOW)).toBe('<unknown>')
    expect(translateTimestampSince(null, NOW)).toBe('<unknown>')
    expect(translateTimestampSince('2026-03-01T11:59:15Z', NOW)).toBe('45s')
  })

  const tz = process.env.TZ
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ
    else process.env.TZ = tz
  })

  test('RFC1123Z in the local time zone; Go zero time when unset', () => {
    process.env.TZ = 'UTC'
    expect(formatRFC1123Z('2026-03-01T09:05:07Z')).toBe('Sun, 01 Mar 2026 09:05:07 +0000')
    process.env.TZ = 'Asia/Kolkata'
    expect(formatRFC1123Z('2026-03-01T09:05:07Z')).toBe('Sun, 01 Mar 2026 14:35:07 +0530')
    process.env.TZ = 'America/St_Johns'
    expect(formatRFC1123Z('2026-01-01T02:00:00Z')).toBe('Wed, 31 Dec 2025 22:30:00 -0330')
    expect(formatRFC1123Z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000')
  })

  test('Go\'s Time.String in the local zone, with the abbreviation kubectl 1.32 printed there', () => {
    const at = '2026-12-07T23:38:31Z'
    const printed: Array<[string, string]> = [
      ['UTC', '2026-12-07 23:38:31 +0000 UTC'],
      ['America/New_York', '2026-12-07 18:38:31 -0500 EST'],
      ['Europe/Berlin', '2026-12-08 00:38:31 +0100 CET'],
      ['Europe/London', '2026-12-07 23:38:31 +0000 GMT'],
      ['Asia/Kolkata', '2026-12-08 05:08:31 +0530 IST'],
      ['Australia/Sydney', '2026-12-08 10:38:31 +1100 AEDT'],
      ['America/Sao_Paulo', '2026-12-07 20:38:31 -0300 -03'],
    ]
    for (const [zone, text] of printed) {
      process.env.TZ = zone
      expect(formatGoTimeString(at), zone).toBe(text)
    }
    expect(formatGoTimeString(undefined)).toBe('0001-01-01 00:00:00 +0000 UTC')
  })
})

describe('label selectors', () => {
  test('requirements sorted by key, values sorted', () => {
    const selector = {
      matchLabels: {tier: 'web', app: 'shop'},
      matchExpressions: [
        {key: 'env', operator: 'In', values: ['prod', 'dev']},
        {key: 'canary', operator: 'DoesNotExist'},
        {key: 'zone', operator: 'NotIn', values: ['b']},
        {key: 'gpu', operator: 'Exists'},
      ],
    }
    expect(labelSelectorString(selector)).toBe('app=shop,!canary,env in (dev,prod),gpu,tier=web,zone notin (b)')
    expect(formatLabelSelector(selector)).toBe('app=shop,!canary,env in (dev,prod),gpu,tier=web,zone notin (b)')
  })

  test('empty, missing and invalid selectors', () => {
    expect(labelSelectorString({})).toBe('')
    expect(labelSelectorString(undefined)).toBe('')
    expect(formatLabelSelector({})).toBe('<none>')
    expect(formatLabelSelector({matchExpressions: [{key: 'a', operator: 'Near'}]})).toBe('<error>')
    expect(() => labelSelectorString({matchExpressions: [{key: 'a', operator: 'Near'}]})).toThrow('"Near" is not a valid label selector operator')
  })
})

describe("Go's %v", () => {
  test.each([
    [1.5, '1.5'],
    [1e6 + 0.5, '1.0000005e+06'],
    [123456.5, '123456.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [-2.25e21, '-2.25e+21'],
  ])('goFloat(%d) = %s', (n, text) => {
    expect(goFloat(n)).toBe(text)
  })

  test('values of unstructured content', () => {
    expect(goValue(null)).toBe('<nil>')
    expect(goValue(42)).toBe('42')
    expect(goValue(false)).toBe('false')
    expect(goValue(['a', 1, {z: 1, a: [true]}])).toBe('[a 1 map[a:[true] z:1]]')
  })
})

describe('generic field names', () => {
  test.each([
    ['apiVersion', 'API Version'],
    ['creationTimestamp', 'Creation Timestamp'],
    ['uid', 'UID'],
    ['podCIDR', 'Pod CIDR'],
    ['clusterIPs', 'Cluster I Ps'],
    ['URLPath', 'URL Path'],
    ['foo-bar', 'Foo - Bar'],
    ['field_1', 'field_1'],
    ['x.y', 'x.y'],
    ['ünicodeName', 'Ünicode Name'],
  ])('smartLabelFor(%s) = %s', (field, label) => {
    expect(smartLabelFor(field)).toBe(label)
  })

  test('splitCamelCase keeps acronyms together', () => {
    expect(splitCamelCase('PDFLoader')).toEqual(['PDF', 'Loader'])
    expect(splitCamelCase('GL11Version')).toEqual(['GL', '11', 'Version'])
  })
})

describe('quantities', () => {
  test('parse, Value and MilliValue round up', () => {
    expect(parseQuantity('128Mi')).toBe(128n * 1024n * 1024n * 10n ** 9n)
    expect(parseQuantity('250m')).toBe(250_000_000n)
    expect(parseQuantity('1.5')).toBe(1_500_000_000n)
    expect(parseQuantity('2e3')).toBe(2000n * 10n ** 9n)
    expect(parseQuantity('bogus')).toBeUndefined()
    expect(quantityValue(parseQuantity('1500m') as bigint)).toBe(2n)
    expect(quantityMilliValue(parseQuantity('1n') as bigint)).toBe(1n)
  })
})
