// Server warnings: apimachinery's Warning header parsing, and kubectl's WarningWriter (each text once,
// code 299 only, yellow on a colour terminal) fed by every response the client receives.
import {describe, expect, it} from 'vitest'
import {createClient} from '../../src/lib/client/client.js'
import {parseWarningHeaders, stderrAllowsColor, warningWriter} from '../../src/lib/client/warnings.js'
import {memoryIO} from '../../src/lib/io.js'
import {fakeServers, restConfigFor} from '../support/client.js'
import {statusBody} from '../support/fake-server.js'

const startFake = fakeServers()

describe('parseWarningHeaders', () => {
  it('reads code, agent and quoted text, with escapes, an optional date and several warnings a value', () => {
    expect(parseWarningHeaders(['299 - "v1 ComponentStatus is deprecated in v1.19+"'])).toEqual([{code: 299, agent: '-', text: 'v1 ComponentStatus is deprecated in v1.19+'}])
    expect(parseWarningHeaders(['299 kube-apiserver "say \\"hi\\" \\\\ there" "Wed, 21 Oct 2015 07:28:00 GMT", 199 - "second"'])).toEqual([
      {code: 299, agent: 'kube-apiserver', text: 'say "hi" \\ there'},
      {code: 199, agent: '-', text: 'second'},
    ])
  })

  it('stops a value at its first malformed warning and goes on with the next value', () => {
    expect(parseWarningHeaders(['299 - "ok", 300 - "code out of range", 299 - "never read"', '299 - unquoted', '299 - "unterminated', '299 - "last"'])).toEqual([
      {code: 299, agent: '-', text: 'ok'},
      {code: 299, agent: '-', text: 'last'},
    ])
    expect(parseWarningHeaders(['299 - "a\u0007b"', '299 -', '299 - "x" junk'])).toEqual([])
  })
})

describe('warningWriter', () => {
  it('writes each text once, code 299 only, and colours the word on a colour terminal', () => {
    const io = memoryIO()
    const write = warningWriter(io.err, false)
    write([{code: 299, agent: '-', text: 'old API'}, {code: 199, agent: '-', text: 'misc'}, {code: 299, agent: '-', text: ''}])
    write([{code: 299, agent: '-', text: 'old API'}, {code: 299, agent: '-', text: 'other'}])
    expect(io.stderr()).toBe('Warning: old API\nWarning: other\n')
    const tty = memoryIO({tty: true})
    warningWriter(tty.err, true)([{code: 299, agent: '-', text: 'old API'}])
    expect(tty.stderr()).toBe('\x1b[33;1mWarning:\x1b[0m old API\n')
  })

  it('colour only on a terminal, not with TERM=dumb or NO_COLOR (even empty)', () => {
    expect(stderrAllowsColor(memoryIO({tty: true}), {})).toBe(true)
    expect(stderrAllowsColor(memoryIO({tty: false}), {})).toBe(false)
    expect(stderrAllowsColor(memoryIO({tty: true}), {TERM: 'dumb'})).toBe(false)
    expect(stderrAllowsColor(memoryIO({tty: true}), {NO_COLOR: ''})).toBe(false)
  })
})

describe('the client hands every response\'s warnings on', () => {
  it('from successes, errors and watches, each Warning line apart', async () => {
    const fake = await startFake()
    fake.on('GET', '/api/v1/componentstatuses', {headers: {warning: ['299 - "first, with a comma"', '299 - "second"']}, body: {kind: 'ComponentStatusList', items: []}})
    fake.on('GET', '/api/v1/namespaces/x', {...statusBody(404, 'NotFound', 'namespaces "x" not found'), headers: {warning: '299 - "from an error"'}})
    fake.on('GET', '/api/v1/pods', {headers: {warning: '299 - "from a watch"'}, chunks: []})
    const io = memoryIO()
    const client = createClient(restConfigFor(fake.url), {io, onWarnings: warningWriter(io.err, false)})
    await client.request({path: '/api/v1/componentstatuses'})
    await expect(client.request({path: '/api/v1/namespaces/x'})).rejects.toThrow('namespaces "x" not found')
    const {data} = await client.stream({path: '/api/v1/pods', query: {watch: 1}})
    data.resume()
    expect(io.stderr()).toBe('Warning: first, with a comma\nWarning: second\nWarning: from an error\nWarning: from a watch\n')
    fake.verify()
  })
})
