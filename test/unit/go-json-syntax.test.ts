import {describe, expect, it} from 'vitest'
import {goJSONSyntaxError} from '../../src/lib/go/json-syntax.js'

describe('goJSONSyntaxError (encoding/json scanner messages)', () => {
  it.each([
    ['', 'unexpected end of JSON input'],
    ['{"kind":"PodList","items":[', 'unexpected end of JSON input'],
    ['<html>', "invalid character '<' looking for beginning of value"],
    ['{not json', "invalid character 'n' looking for beginning of object key string"],
    ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['{"a":1}x', "invalid character 'x' after top-level value"],
    ['01', "invalid character '1' after top-level value"],
    ['"a\nb"', "invalid character '\\n' in string literal"],
    ['"\\x"', "invalid character 'x' in string escape code"],
    ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
    ['-a', "invalid character 'a' in numeric literal"],
    ['1.e', "invalid character 'e' after decimal point in numeric literal"],
    ['1e+x', "invalid character 'x' in exponent of numeric literal"],
    ['trux', "invalid character 'x' in literal true (expecting 'e')"],
    ["'a'", "invalid character '\\'' looking for beginning of value"],
    ['é', "invalid character 'Ã' looking for beginning of value"],
  ])('%j: %s', (text, message) => {
    expect(goJSONSyntaxError(text)).toBe(message)
  })

  it('accepts valid JSON', () => {
    expect(goJSONSyntaxError(' {"a":[1,{"b":null},-0.5e+3,true,false],"c":"\\u00e9\\n"} ')).toBeUndefined()
  })

  it('stops at Go\'s nesting limit without overflowing the stack', () => {
    expect(goJSONSyntaxError('['.repeat(200_000))).toBe("invalid character '[' exceeded max depth")
  })
})
