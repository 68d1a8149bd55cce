// klog's header, and the deprecation warning every writing verb logs from kubectl's cmdutil helpers.
import {describe, expect, it} from 'vitest'
import {writeDryRunWarning} from '../../src/lib/dry-run.js'
import {klogLine} from '../../src/lib/go/klog.js'
import {memoryIO} from '../../src/lib/io.js'

const pid = String(process.pid).padStart(7)

describe('klogLine', () => {
  it('has severity, month and day, local time to the microsecond, the thread id and the location', () => {
    expect(klogLine('E', 'until.go:159', 'Timeout for context shall not be negative!', new Date(2026, 10, 22, 8, 5, 9, 42))).toBe(
      `E1122 08:05:09.042000 ${pid} until.go:159] Timeout for context shall not be negative!`,
    )
    expect(klogLine('F', 'sorter.go:310', 'x', new Date(2026, 0, 2, 23, 59, 59, 999))).toBe(`F0102 23:59:59.999000 ${pid} sorter.go:310] x`)
  })
})

describe('writeDryRunWarning', () => {
  it("logs kubectl's warning from helpers.go:702, whatever the verb", () => {
    const io = memoryIO()
    writeDryRunWarning(io.err, '--dry-run is deprecated and can be replaced with --dry-run=client.', new Date(2026, 10, 22, 8, 5, 9, 42))
    expect(io.stderr()).toBe(`W1122 08:05:09.042000 ${pid} helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.\n`)
  })

  it('writes nothing without a warning', () => {
    const io = memoryIO()
    writeDryRunWarning(io.err, undefined)
    expect(io.stderr()).toBe('')
  })
})
