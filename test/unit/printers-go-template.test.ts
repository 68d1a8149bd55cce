import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {loadCorpus, playCase} from '../fixtures/jsonpath/corpus.js'

const corpus = loadCorpus(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/go-template'))

describe(`go-template output recorded from kubectl ${corpus.kubectl}`, () => {
  it('has the corpus', () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(200)
  })

  it.each(corpus.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const {actual, expected} = playCase(corpus, c)
    expect(actual).toEqual(expected)
  })
})
