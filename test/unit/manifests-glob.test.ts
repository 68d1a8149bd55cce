// Go's filepath.Match and Glob, which kubectl applies to -f paths that do not exist.
import {afterEach, describe, expect, it} from 'vitest'
import {BadPatternError, compilePattern, goGlob} from '../../src/lib/manifests/glob.js'
import {type TempDir, tempDir} from '../fixtures/kubeconfig/temp.js'

function match(pattern: string, name: string): boolean {
  return compilePattern(pattern).test(name)
}

describe('filepath.Match', () => {
  it('matches as Go does', () => {
    const cases: Array<[string, string, boolean]> = [
      ['abc', 'abc', true],
      ['*', 'abc', true],
      ['*', '.hidden.yaml', true],
      ['*c', 'abc', true],
      ['a*', 'a', true],
      ['a*/b', 'abc/b', true],
      ['a*', 'ab/c', false],
      ['a?c', 'abc', true],
      ['a?c', 'a/c', false],
      ['[a-c]x', 'bx', true],
      ['[a-c]x', 'dx', false],
      ['[^a-c]x', 'dx', true],
      ['[^a-c]x', 'ax', false],
      ['[\\]a]', ']', true],
      ['[\\-]', '-', true],
      ['[x\\-]', '-', true],
      ['[x\\-]', 'z', false],
      ['\\*', '*', true],
      ['\\*', 'x', false],
      ['[z-a]', 'm', false],
      ['*.y*ml', 'a.yml', true],
      ['*.y*ml', 'a.yaml', true],
      ['*.y*ml', 'a.json', false],
      ['[é]', 'é', true],
      ['a.b', 'axb', false],
      ['a+b(c)', 'a+b(c)', true],
    ]
    expect(cases.map(([p, n]) => match(p, n))).toEqual(cases.map(([, , want]) => want))
  })

  it('refuses malformed patterns, all of them, as filepath.ErrBadPattern', () => {
    for (const pattern of ['[', '[^', '[^bc', 'a[', '[]a]', '[-]', '[x-]', '[a-b-c]', 'a\\', '[a\\', '[^]']) {
      expect(() => compilePattern(pattern), pattern).toThrow(BadPatternError)
    }
    expect(() => compilePattern('[')).toThrow('syntax error in pattern')
  })
})

describe('filepath.Glob', () => {
  let t: TempDir
  afterEach(() => t.cleanup())

  it('expands patterns in directory names and file names, sorted per directory', async () => {
    t = tempDir('ktl-glob-')
    for (const f of ['d2/y.yml', 'd2/x.yaml', 'd1/x.yaml', 'd1/z.json', 'e1/x.yaml']) t.write(f, '')
    t.write('d3', 'a file, not a directory')
    expect(await goGlob(`${t.dir}/d*/x.yaml`)).toEqual([`${t.dir}/d1/x.yaml`, `${t.dir}/d2/x.yaml`])
    expect(await goGlob(`${t.dir}/d?/*.y*ml`)).toEqual([`${t.dir}/d1/x.yaml`, `${t.dir}/d2/x.yaml`, `${t.dir}/d2/y.yml`])
    expect(await goGlob(`${t.dir}/[de]1/*`)).toEqual([`${t.dir}/d1/x.yaml`, `${t.dir}/d1/z.json`, `${t.dir}/e1/x.yaml`])
    expect(await goGlob(`${t.dir}/nothing*`)).toEqual([])
    expect(await goGlob(`${t.dir}/d1/x.yaml`)).toEqual([`${t.dir}/d1/x.yaml`])
    expect(await goGlob(`${t.dir}/missing.yaml`)).toEqual([])
    await expect(goGlob(`${t.dir}/d[/x`)).rejects.toThrow(BadPatternError)
  })
})
