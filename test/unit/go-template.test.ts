// The Go template engine and kubectl's printer around it, for what the recorded kubectl corpus
// (printers-go-template.test.ts) cannot show: the engine's API, values only ktl's readers make
// (bigints), the field order of typed objects, and how -o and --template pick a printer.
import {describe, expect, it} from 'vitest'
import {createPrinter} from '../../src/lib/create/output.js'
import {CliError} from '../../src/lib/errors.js'
import {GoTemplate, TemplateExecError, TemplateParseError} from '../../src/lib/go/template/template.js'
import {decodedCap} from '../../src/lib/go/template/value.js'
import {memoryIO} from '../../src/lib/io.js'
import {parseOutputFormat} from '../../src/lib/ops/get-output.js'
import {splitOutput} from '../../src/lib/print-flags.js'
import {GoTemplatePrinter} from '../../src/lib/printers/go-template.js'

describe('GoTemplate', () => {
  it('executes on decoded JSON', () => {
    const t = GoTemplate.parse('output', '{{range $i, $c := .items}}{{if $i}},{{end}}{{$c.name}}={{$c.n}}{{end}}')
    expect(t.execute({items: [{name: 'a', n: 1}, {name: 'b', n: 2.5}]})).toBe('a=1,b=2.5')
  })

  it('reports parse errors in Go\'s words, naming the template', () => {
    expect(() => GoTemplate.parse('output', 'x\n{{if}}')).toThrow(new TemplateParseError('template: output:2: missing value for if'))
    expect(() => GoTemplate.parse('mine', '{{nope}}')).toThrow(new TemplateParseError('template: mine:1: function "nope" not defined'))
  })

  it('keeps what was written before an execution error', () => {
    const t = GoTemplate.parse('output', 'a{{.x}}b{{.y.z}}c')
    let failure: unknown
    try {
      t.execute({x: 1}, 'error')
    } catch (err) {
      failure = err
    }
    expect(failure).toBeInstanceOf(TemplateExecError)
    expect(failure).toMatchObject({output: 'a1b', panicked: false, message: 'template: output:1:12: executing "output" at <.y.z>: map has no entry for key "y"'})
    expect(t.execute({x: 1})).toBe('a1b<no value>c')
  })

  it('treats bigints (integers past 2^53 that ktl reads exactly) as int64', () => {
    const t = GoTemplate.parse('output', '{{.n}} {{printf "%T %x" .n .n}} {{eq .n .n}} {{lt .m .n}}')
    expect(t.execute({n: 9007199254740993n, m: 1})).toBe('9007199254740993 int64 20000000000001 true true')
  })

  it('gives a slice the capacity Go\'s JSON decoder leaves it (as measured with kubectl)', () => {
    expect([0, 1, 3, 20, 40, 100, 256, 300, 513, 2000, 3000, 10000].map(decodedCap)).toEqual([0, 1, 4, 32, 71, 143, 303, 303, 591, 2560, 3584, 11264])
  })
})

describe('GoTemplatePrinter', () => {
  const typedObject = {kind: 'ConfigMap', apiVersion: 'v1', metadata: {name: 'x', creationTimestamp: null}}

  it('dumps a typed object in its own field order and a map in sorted order when the template fails', () => {
    const printer = new GoTemplatePrinter('{{.nope.x}}', false)
    const dump = (typed: boolean) => {
      const io = memoryIO()
      expect(() => printer.printObj(typedObject, io.out, {typed})).toThrow(
        new CliError('error: error executing template "{{.nope.x}}": template: output:1:7: executing "output" at <.nope.x>: map has no entry for key "nope"'),
      )
      return io.stdout()
    }
    const tail = '\tobject given to template engine was:\n\t\tmap[apiVersion:v1 kind:ConfigMap metadata:map[creationTimestamp:<nil> name:x]]\n\n'
    const head =
      'Error executing template: template: output:1:7: executing "output" at <.nope.x>: map has no entry for key "nope". ' +
      'Printing more information for debugging the template:\n\ttemplate was:\n\t\t{{.nope.x}}\n\traw data was:\n'
    expect(dump(true)).toBe(`${head}\t\t{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null}}\n${tail}`)
    expect(dump(false)).toBe(`${head}\t\t{"apiVersion":"v1","kind":"ConfigMap","metadata":{"creationTimestamp":null,"name":"x"}}\n${tail}`)
  })

  it('reports a panic as kubectl recovers it', () => {
    const io = memoryIO()
    expect(() => new GoTemplatePrinter('{{.n | call}}').printObj({n: 1}, io.out)).toThrow(
      new CliError('error: error executing template "{{.n | call}}": caught panic: runtime error: index out of range [0] with length 0'),
    )
  })
})

describe('-o with --template', () => {
  it('splits -o as kubectl\'s print flags read it', () => {
    expect(splitOutput('go-template={{.a}}=b')).toEqual({name: 'go-template', value: '{{.a}}=b', hasValue: true})
    expect(splitOutput('json')).toEqual({name: 'json', value: '', hasValue: false})
    expect(splitOutput('', '{{.a}}')).toEqual({name: 'go-template', value: '{{.a}}', hasValue: false})
    expect(splitOutput('jsonpath', '{.a}')).toEqual({name: 'jsonpath', value: '{.a}', hasValue: false})
    expect(splitOutput('yaml', '{{.a}}')).toEqual({name: 'yaml', value: '', hasValue: false})
    expect(splitOutput('go-template={{.a}}', '{{.a}}')).toBeUndefined()
    expect(splitOutput('custom-columns=A:.a', 'x')).toBeUndefined()
  })

  it('makes get\'s template printer only when it prints, as kubectl does after fetching', async () => {
    const format = await parseOutputFormat('go-template={{', {})
    if (format.kind !== 'generic') throw new Error(`unexpected ${format.kind}`)
    expect(() => format.prepare?.()).toThrow(new CliError('error: error parsing template {{, template: output:1: unclosed action\n'))
    await expect(parseOutputFormat('go-template={{.a}}', {template: '{{.a}}'})).rejects.toThrow(
      'error: unable to match a printer suitable for the output format "go-template={{.a}}", allowed formats are: ' +
        'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    )
  })

  it('makes create\'s printer at once, with --template alone meaning go-template', async () => {
    await expect(createPrinter('go-template={{')).rejects.toThrow('error: error parsing template {{, template: output:1: unclosed action')
    await expect(createPrinter('template')).rejects.toThrow('error: template format specified but no template given')
    const print = await createPrinter('', {template: '{{.kind}}/{{.metadata.name}}'})
    const io = memoryIO()
    print({kind: 'ConfigMap', metadata: {name: 'x'}}, io.out, {typed: true, operation: 'created', showManagedFields: false})
    expect(io.stdout()).toBe('ConfigMap/x')
  })
})
