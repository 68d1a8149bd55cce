// metav1.ParseToLabelSelector for `create pdb --selector`, against kubectl 1.32: each row is a
// selector and what kubectl put in spec.selector (compact JSON) or the error line it printed.
import {describe, expect, test} from 'vitest'
import {parseToLabelSelector} from '../../src/lib/create/create-b-label-selector.js'

const RECORDED: Array<[string, string]> = [
  ["a=b", "{\"matchLabels\":{\"a\":\"b\"}}"],
  ["b=c,a=d", "{\"matchLabels\":{\"a\":\"d\",\"b\":\"c\"}}"],
  ["a==b", "{\"matchLabels\":{\"a\":\"b\"}}"],
  ["a!=b", "error: \"!=\" is not a valid label selector operator"],
  ["a in (x,y),b notin (z)", "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\",\"values\":[\"x\",\"y\"]},{\"key\":\"b\",\"operator\":\"NotIn\",\"values\":[\"z\"]}]}"],
  ["a,!b", "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"Exists\"},{\"key\":\"b\",\"operator\":\"DoesNotExist\"}]}"],
  ["a>1", "error: \"gt\" isn't supported in label selectors"],
  ["a<1", "error: \"lt\" isn't supported in label selectors"],
  ["a>x", "error: couldn't parse the selector string \"a>x\": unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer"],
  ["a=b=c", "error: couldn't parse the selector string \"a=b=c\": found '=', expected: ',' or 'end of string'"],
  ["=b", "error: couldn't parse the selector string \"=b\": found '=', expected: !, identifier, or 'end of string'"],
  ["a=b c", "error: couldn't parse the selector string \"a=b c\": found 'c', expected: ',' or 'end of string'"],
  ["a in (", "error: couldn't parse the selector string \"a in (\": unable to parse requirement: found '', expected: ',', ')' or identifier"],
  ["a=-x", "error: couldn't parse the selector string \"a=-x\": unable to parse requirement: values[0][a]: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  ["a/b/c=d", "error: couldn't parse the selector string \"a/b/c=d\": unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"],
  ["a=b,a=c", "{\"matchLabels\":{\"a\":\"c\"}}"],
  ["A_b.c/x-y=v.1", "error: couldn't parse the selector string \"A_b.c/x-y=v.1\": unable to parse requirement: <nil>: Invalid value: \"A_b.c/x-y\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"],
  [" a = b ", "{\"matchLabels\":{\"a\":\"b\"}}"],
  ["a in ()", "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\",\"values\":[\"\"]}]}"],
  ["a=", "{\"matchLabels\":{\"a\":\"\"}}"],
  ["a=b,,c=d", "error: couldn't parse the selector string \"a=b,,c=d\": found ',', expected: identifier after ','"],
  ["a in (y,x,y)", "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\",\"values\":[\"x\",\"y\"]}]}"],
  ["x=b,a,!c,d in (1)", "{\"matchLabels\":{\"x\":\"b\"},\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"Exists\"},{\"key\":\"c\",\"operator\":\"DoesNotExist\"},{\"key\":\"d\",\"operator\":\"In\",\"values\":[\"1\"]}]}"],
  ["a in (-x,-y)", "error: couldn't parse the selector string \"a in (-x,-y)\": unable to parse requirement: [values[0][a]: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'), values[1][a]: Invalid value: \"-y\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]"],
  ["!a=b", "error: couldn't parse the selector string \"!a=b\": found '=', expected: ',' or 'end of string'"],
  ["!", "error: couldn't parse the selector string \"!\": unable to parse requirement: found '', expected: identifier"],
  ["a in (x y)", "error: couldn't parse the selector string \"a in (x y)\": unable to parse requirement: found 'y', expected: ',' or ')'"],
  ["a in x", "error: couldn't parse the selector string \"a in x\": unable to parse requirement: found 'x' expected: '('"],
  ["a notin (,)", "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"NotIn\",\"values\":[\"\"]}]}"],
  ["a in (,x)", "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\",\"values\":[\"\",\"x\"]}]}"],
  ["a in (x,)", "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\",\"values\":[\"\",\"x\"]}]}"],
  ["a in (x,,y)", "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\",\"values\":[\"\",\"x\",\"y\"]}]}"],
  ["in in (in)", "{\"matchExpressions\":[{\"key\":\"in\",\"operator\":\"In\",\"values\":[\"in\"]}]}"],
  ["a notin (notin,in)", "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"NotIn\",\"values\":[\"in\",\"notin\"]}]}"],
  ["a==", "{\"matchLabels\":{\"a\":\"\"}}"],
  ["a!", "error: couldn't parse the selector string \"a!\": unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
  ["a=(b)", "error: couldn't parse the selector string \"a=(b)\": unable to parse requirement: found '(', expected: identifier"],
  ["a,", "error: couldn't parse the selector string \"a,\": found '', expected: identifier after ','"],
  [",a", "error: couldn't parse the selector string \",a\": found ',', expected: !, identifier, or 'end of string'"],
  ["a b", "error: couldn't parse the selector string \"a b\": unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
  ["example.com/a=b", "{\"matchLabels\":{\"example.com/a\":\"b\"}}"],
  ["/a=b", "error: couldn't parse the selector string \"/a=b\": unable to parse requirement: <nil>: Invalid value: \"/a\": prefix part must be non-empty"],
  ["a/=b", "error: couldn't parse the selector string \"a/=b\": unable to parse requirement: <nil>: Invalid value: \"a/\": name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
  ["Example.com/a=b", "error: couldn't parse the selector string \"Example.com/a=b\": unable to parse requirement: <nil>: Invalid value: \"Example.com/a\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"],
  ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=b", "error: couldn't parse the selector string \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=b\": unable to parse requirement: <nil>: Invalid value: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": name part must be no more than 63 characters"],
  ["a=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "error: couldn't parse the selector string \"a=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\": unable to parse requirement: values[0][a]: Invalid value: \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\": must be no more than 63 characters"],
  ["a=-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "error: couldn't parse the selector string \"a=-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\": unable to parse requirement: values[0][a]: Invalid value: \"-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\": must be no more than 63 characters; a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  ["-a=b", "error: couldn't parse the selector string \"-a=b\": unable to parse requirement: <nil>: Invalid value: \"-a\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
  ["a.b_c-d=e", "{\"matchLabels\":{\"a.b_c-d\":\"e\"}}"],
  ["z=1,y=2,x=3,w=4,v=5,u=6,t=7,s=8,r=9,q=10,p=11,o=12,n=13,m=14,l=15,a=16,a=17", "{\"matchLabels\":{\"a\":\"16\",\"l\":\"15\",\"m\":\"14\",\"n\":\"13\",\"o\":\"12\",\"p\":\"11\",\"q\":\"10\",\"r\":\"9\",\"s\":\"8\",\"t\":\"7\",\"u\":\"6\",\"v\":\"5\",\"w\":\"4\",\"x\":\"3\",\"y\":\"2\",\"z\":\"1\"}}"],
  ["a=b,a in (c),a", "{\"matchLabels\":{\"a\":\"b\"},\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\",\"values\":[\"c\"]},{\"key\":\"a\",\"operator\":\"Exists\"}]}"],
  ["a>>1", "error: couldn't parse the selector string \"a>>1\": unable to parse requirement: found '>', expected: identifier"],
  ["a=<1", "error: couldn't parse the selector string \"a=<1\": unable to parse requirement: found '<', expected: identifier"],
  ["a=!1", "error: couldn't parse the selector string \"a=!1\": unable to parse requirement: found '!', expected: identifier"],
  ["é=b", "error: couldn't parse the selector string \"é=b\": unable to parse requirement: <nil>: Invalid value: \"é\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
  ["a=é", "error: couldn't parse the selector string \"a=é\": unable to parse requirement: values[0][a]: Invalid value: \"é\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  ["a in (b))", "error: couldn't parse the selector string \"a in (b))\": found ')', expected: ',' or 'end of string'"],
  ["a in ((b)", "error: couldn't parse the selector string \"a in ((b)\": unable to parse requirement: found '(', expected: ',', ')' or identifier"],
  ["a\t=\tb", "{\"matchLabels\":{\"a\":\"b\"}}"],
]

function kubectlText(selector: string): string {
  try {
    return JSON.stringify(parseToLabelSelector(selector))
  } catch (err) {
    return `error: ${(err as Error).message}`
  }
}

describe('parseToLabelSelector', () => {
  test.each(RECORDED)('%j', (selector, expected) => {
    expect(kubectlText(selector)).toBe(expected)
  })

  test('a blank selector selects everything: neither matchLabels nor matchExpressions', () => {
    expect(parseToLabelSelector(' ')).toEqual({})
  })

  test('bytes, not characters, count towards the 63-character limit', () => {
    expect(kubectlText(`a=${'é'.repeat(32)}`)).toContain('must be no more than 63 characters; a valid label')
  })
})
