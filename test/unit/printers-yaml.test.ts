import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatYAML, goFloatG} from '../../src/lib/printers/yaml.js'

const fixtures = join(import.meta.dirname, '../fixtures/printers')
// expected/NAME.{json,yaml} (or .err when kubectl failed); hand-made inputs are in input/, and for
// objects read from a server the JSON kubectl printed is the input
const inputs = [...new Set(readdirSync(join(fixtures, 'expected')).map((f) => f.replace(/\.(json|yaml)(\.err)?$/, '')))]

function readInput(name: string): unknown {
  const handMade = join(fixtures, 'input', `${name}.json`)
  return JSON.parse(readFileSync(existsSync(handMade) ? handMade : join(fixtures, 'expected', `${name}.json`), 'utf8'))
}

describe('formatYAML against kubectl 1.32 (test/fixtures/printers, recorded by record.sh)', () => {
  it('has the recorded corpus', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(30)
  })

  for (const name of inputs) {
    const errorFile = join(fixtures, 'expected', `${name}.yaml.err`)
    if (existsSync(errorFile)) {
      it(`fails on ${name} as kubectl -o yaml does`, () => {
        const value = readInput(name)
        expect(() => formatYAML(value)).toThrow(readFileSync(errorFile, 'utf8').trimEnd())
      })
    } else {
      it(`prints ${name} as kubectl -o yaml does`, () => {
        const value = readInput(name)
        // `version -o yaml` prints the document with Fprintln, adding an empty line
        const trailer = name === 'typed-version' ? '\n' : ''
        expect(formatYAML(value) + trailer).toBe(readFileSync(join(fixtures, 'expected', `${name}.yaml`), 'utf8'))
      })
    }
  }
})

describe('formatYAML', () => {
  it('sorts keys, does not indent sequences inside mappings and prints empty collections in flow style', () => {
    expect(formatYAML({spec: {ports: [{port: 80, name: 'http'}], selector: {}}, items: [], kind: 'List'})).toBe(
      'items: []\nkind: List\nspec:\n  ports:\n  - name: http\n    port: 80\n  selector: {}\n',
    )
  })

  it('indents sequences inside sequences', () => {
    expect(formatYAML([[1, [2]], {a: [3]}])).toBe('- - 1\n  - - 2\n- a:\n  - 3\n')
  })

  it('double-quotes strings that would read back as another type', () => {
    expect(formatYAML({a: 'true', b: '123', c: 'yes', d: '', e: '~', f: '2001-12-14', g: '1:20', h: '0x1F', i: 'hello'})).toBe(
      'a: "true"\nb: "123"\nc: "yes"\nd: ""\ne: "~"\nf: "2001-12-14"\ng: "1:20"\nh: "0x1F"\ni: hello\n',
    )
  })

  it('single-quotes strings the emitter cannot write plain', () => {
    expect(formatYAML(['*', '- a', 'a: b', ' x', "it's: here"])).toBe("- '*'\n- '- a'\n- 'a: b'\n- ' x'\n- 'it''s: here'\n")
  })

  it('writes multi-line strings as literal blocks with yaml.v2 chomping', () => {
    expect(formatYAML({a: 'x\ny', b: 'x\n', c: 'x\n\n', d: ' x\ny'})).toBe('a: |-\n  x\n  y\nb: |\n  x\nc: |+\n  x\n\nd: |2-\n   x\n  y\n')
  })

  it('falls back to double quotes for a multi-line string with trailing spaces or tabs', () => {
    expect(formatYAML({a: 'x \ny', b: 'x\ty\n'})).toBe('a: "x \\ny"\nb: "x\\ty\\n"\n')
  })

  it('folds long plain strings after column 80', () => {
    const long = Array.from({length: 20}, () => 'word').join(' ')
    expect(formatYAML({key: long})).toBe(
      'key: word word word word word word word word word word word word word word word word\n  word word word word\n',
    )
  })

  it('prints numbers as yaml.v2 re-reads Go JSON', () => {
    expect(formatYAML([1, 1.5, 1e21, 0.000001, 1234567.5, 1e20, 12345678901234567000, -0, 2 ** 53])).toBe(
      '- 1\n- 1.5\n- 1e+21\n- 1e-06\n- 1.2345675e+06\n- 1e+20\n- 12345678901234567000\n- 0\n- 9007199254740992\n',
    )
  })

  it('prints top-level scalars', () => {
    expect(formatYAML('x')).toBe('x\n')
    expect(formatYAML(null)).toBe('null\n')
    expect(formatYAML({})).toBe('{}\n')
    expect(formatYAML('a\nb')).toBe('|-\n  a\n  b\n')
  })

  it('fails like kubectl on characters the YAML reader refuses', () => {
    expect(() => formatYAML({a: 'x\u007f'})).toThrow('error: yaml: control characters are not allowed')
  })

  it('prints a large List quickly', () => {
    const items = Array.from({length: 2000}, (_, i) => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: `cm-${i}`, labels: {'app.kubernetes.io/name': 'x'}}, data: {'config.yaml': 'a: 1\nb: 2\n'}}))
    const started = performance.now()
    const out = formatYAML({apiVersion: 'v1', items, kind: 'List', metadata: {resourceVersion: ''}})
    expect(out.split('\n').length).toBe(2000 * 10 + 6)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('goFloatG', () => {
  it("formats like strconv.FormatFloat(f, 'g', -1, 64)", () => {
    expect([0.0001, 0.00001, 999999, 1000000, 123456.5, 1.5e300, 5e-324, Infinity, -Infinity, NaN].map(goFloatG)).toEqual([
      '0.0001', '1e-05', '999999', '1e+06', '123456.5', '1.5e+300', '5e-324', '.inf', '-.inf', '.nan',
    ])
  })
})
