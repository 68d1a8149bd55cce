// The objects `ktl create <generator>` builds, compared with what kubectl 1.32 prints for
// `kubectl create ... --dry-run=client -o json` (key order included: these are Go structs).
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildConfigMap, type ConfigMapOptions} from '../../src/lib/create/configmap.js'
import {buildDeployment, type DeploymentOptions} from '../../src/lib/create/deployment.js'
import {buildNamespace} from '../../src/lib/create/namespace.js'
import {buildDockerRegistrySecret, buildGenericSecret, buildTLSSecret, type GenericSecretOptions} from '../../src/lib/create/secret.js'
import {buildService} from '../../src/lib/create/service.js'
import {buildServiceAccount} from '../../src/lib/create/service-account.js'
import {formatJSON} from '../../src/lib/printers/json.js'
import {cleanupPKI, testPKI} from '../support/certs.js'

/** What kubectl's -o json prints for a typed object: field order kept. */
const printed = (object: unknown) => formatJSON(object, {sortKeys: false})
const meta = (name: string, extra: object = {}) => ({name, creationTimestamp: null, ...extra})

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ktl-create-gen-'))
  mkdirSync(join(dir, 'files', 'subdir'), {recursive: true})
  writeFileSync(join(dir, 'files', 'a.txt'), 'v1')
  writeFileSync(join(dir, 'files', 'b'), 'v2\n')
  writeFileSync(join(dir, 'files', 'bin'), Buffer.from([0xff, 0xfe]))
  symlinkSync('a.txt', join(dir, 'files', 'link'))
  writeFileSync(join(dir, 'app.env'), 'A=1\n# comment\n  B= 2 \r\nC\n\nD=x=y')
  writeFileSync(join(dir, 'bom.env'), '\ufeffA=1\n')
  writeFileSync(join(dir, 'digit.env'), '1A=1\n')
  writeFileSync(join(dir, 'latin1.env'), Buffer.from([0x41, 0x3d, 0xff, 0x0a]))
  mkdirSync(join(dir, 'badkeys'))
  writeFileSync(join(dir, 'badkeys', 'bad key'), 'x')
  writeFileSync(join(dir, 'cfg.json'), '{"auths":{}}')
})
afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
  cleanupPKI()
})

describe('namespace and serviceaccount', () => {
  test('namespace', () => {
    expect(printed(buildNamespace({name: 'x'}))).toBe(printed({kind: 'Namespace', apiVersion: 'v1', metadata: meta('x'), spec: {}, status: {}}))
  })

  test('serviceaccount', () => {
    expect(printed(buildServiceAccount({name: 'x'}))).toBe(printed({kind: 'ServiceAccount', apiVersion: 'v1', metadata: meta('x')}))
  })
})

describe('deployment', () => {
  const deploy = (opts: Partial<DeploymentOptions>) => buildDeployment({name: 'my-dep', images: ['my-app'], replicas: 1, port: -1, command: [], ...opts})
  const expected = (containers: object[], replicas = 1) => ({
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: meta('my-dep', {labels: {app: 'my-dep'}}),
    spec: {
      replicas,
      selector: {matchLabels: {app: 'my-dep'}},
      template: {metadata: {creationTimestamp: null, labels: {app: 'my-dep'}}, spec: {containers}},
      strategy: {},
    },
    status: {},
  })

  test('the classic first command: create deploy my-dep --image=my-app', () => {
    expect(printed(deploy({}))).toBe(printed(expected([{name: 'my-app', image: 'my-app', resources: {}}])))
  })

  test('--port and a command go on the first container; --replicas as given', () => {
    expect(printed(deploy({images: ['a'], port: 80, replicas: 3, command: ['sleep', '10']}))).toBe(
      printed(expected([{name: 'a', image: 'a', command: ['sleep', '10'], ports: [{containerPort: 80}], resources: {}}], 3)),
    )
  })

  test('container names drop the registry, tag and digest; an empty image has no image field', () => {
    expect(printed(deploy({images: ['a', 'reg.io:5000/ns/c:1@sha256:abc', ''], port: 8080}))).toBe(
      printed(
        expected([
          {name: 'a', image: 'a', ports: [{containerPort: 8080}], resources: {}},
          {name: 'c', image: 'reg.io:5000/ns/c:1@sha256:abc', resources: {}},
          {name: '', resources: {}},
        ]),
      ),
    )
  })

  test('names with _ or . are sanitised and made unique with a random suffix', () => {
    const object = deploy({images: ['my_app.v2:1'], randomSuffix: () => 'x7k2p'})
    expect(printed(object)).toBe(printed(expected([{name: 'my-app-v2-x7k2p', image: 'my_app.v2:1', resources: {}}])))
    const random = deploy({images: ['a.b']}) as {spec: {template: {spec: {containers: Array<{name: string}>}}}}
    expect(random.spec.template.spec.containers[0].name).toMatch(/^a-b-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })
})

describe('configmap', () => {
  const cm = (opts: Partial<ConfigMapOptions>) => buildConfigMap({name: 'x', fromFile: [], fromLiteral: [], fromEnvFile: [], appendHash: false, env: {}, ...opts})
  const expected = (rest: object, name = 'x') => printed({kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(name), ...rest})

  test('no data', () => {
    expect(printed(cm({}))).toBe(expected({}))
  })

  test('literals: split at the first =, keys sorted like a Go map', () => {
    expect(printed(cm({fromLiteral: ['b=1', 'a=2=3', 'c=']}))).toBe(expected({data: {a: '2=3', b: '1', c: ''}}))
  })

  test('a directory: its regular files by name, non-UTF-8 content in binaryData, symlinks and subdirectories skipped', () => {
    expect(printed(cm({fromFile: [join(dir, 'files')]}))).toBe(expected({data: {'a.txt': 'v1', b: 'v2\n'}, binaryData: {bin: '//4='}}))
  })

  test('a file under its base name or a given key', () => {
    expect(printed(cm({fromFile: [join(dir, 'files', 'b'), `k=${join(dir, 'files', 'a.txt')}`]}))).toBe(expected({data: {b: 'v2\n', k: 'v1'}}))
  })

  test('env files: comments, blank lines, CRLF, a BOM, leading space trimmed, a bare key read from the environment', () => {
    expect(printed(cm({fromEnvFile: [join(dir, 'app.env')], env: {C: 'from-env'}}))).toBe(expected({data: {A: '1', B: ' 2 ', C: 'from-env', D: 'x=y'}}))
    expect(printed(cm({fromEnvFile: [join(dir, 'bom.env')]}))).toBe(expected({data: {A: '1'}}))
  })

  test('--append-hash (kubectl: x-m8mt92gg65, x-62ctbmbfd2, x-btt5bhtdht)', () => {
    expect(cm({fromLiteral: ['a=1'], appendHash: true}).metadata?.name).toBe('x-m8mt92gg65')
    expect(cm({appendHash: true}).metadata?.name).toBe('x-62ctbmbfd2')
    expect(cm({fromFile: [join(dir, 'files')], appendHash: true}).metadata?.name).toBe('x-btt5bhtdht')
  })

  test("kubectl's errors", () => {
    const env = join(dir, 'app.env')
    expect(() => cm({fromEnvFile: [env], fromLiteral: ['a=b']})).toThrow('error: from-env-file cannot be combined with from-file or from-literal')
    expect(() => cm({fromLiteral: ['a']})).toThrow('error: invalid literal source a, expected key=value')
    expect(() => cm({fromLiteral: ['=a']})).toThrow('error: invalid literal source =a, expected key=value')
    expect(() => cm({fromLiteral: ['a=1', 'a=2']})).toThrow('error: cannot add key "a", another key by that name already exists in Data for ConfigMap "x"')
    expect(() => cm({fromFile: [join(dir, 'files', 'bin'), `bin=${join(dir, 'files', 'bin')}`]})).toThrow(
      'error: cannot add key "bin", another key by that name already exists in BinaryData for ConfigMap "x"',
    )
    expect(() => cm({fromLiteral: ['a/b=1']})).toThrow(
      `error: "a/b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' ` +
        `(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    )
    expect(() => cm({fromLiteral: ['..a=1']})).toThrow(`error: "..a" is not a valid key name for a ConfigMap: must not start with '..'`)
    expect(() => cm({fromLiteral: ['.=1']})).toThrow(`error: "." is not a valid key name for a ConfigMap: must not be '.'`)
    expect(() => cm({fromFile: [join(dir, 'badkeys')]})).toThrow(`error: "bad key" is not a valid key name for a ConfigMap: a valid config key`)
    expect(() => cm({fromFile: ['/nonexist']})).toThrow('error: error reading /nonexist: no such file or directory')
    expect(() => cm({fromFile: [`a=${dir}`]})).toThrow('error: cannot give a key name for a directory path')
    expect(() => cm({fromFile: [`=${dir}`]})).toThrow(`error: key name for file path ${dir} missing`)
    expect(() => cm({fromFile: ['a=']})).toThrow('error: file path for key name a missing')
    expect(() => cm({fromFile: ['a=b=c']})).toThrow("error: key names or file paths cannot contain '='")
    expect(() => cm({fromEnvFile: [dir]})).toThrow('error: env config file cannot be a directory')
    expect(() => cm({fromEnvFile: [join(dir, 'digit.env')]})).toThrow(
      `error: "1A" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', ` +
        `and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
    )
    expect(() => cm({fromEnvFile: [join(dir, 'latin1.env')]})).toThrow(`error: env file ${join(dir, 'latin1.env')} contains invalid utf8 bytes at line 1: [65 61 255]`)
  })
})

describe('secrets', () => {
  const generic = (opts: Partial<GenericSecretOptions>) =>
    buildGenericSecret({name: 'x', type: '', fromFile: [], fromLiteral: [], fromEnvFile: [], appendHash: false, env: {}, ...opts})
  const expected = (rest: object, name = 'x') => printed({kind: 'Secret', apiVersion: 'v1', metadata: meta(name), ...rest})

  test('generic: no data and no type', () => {
    expect(printed(generic({}))).toBe(expected({}))
  })

  test('generic: literals, files and a directory, base64, with --type', () => {
    expect(printed(generic({type: 'kubernetes.io/foo', fromLiteral: ['z=1'], fromFile: [join(dir, 'files')]}))).toBe(
      expected({data: {'a.txt': 'djE=', b: 'djIK', bin: '//4=', z: 'MQ=='}, type: 'kubernetes.io/foo'}),
    )
  })

  test('generic: env files', () => {
    expect(printed(generic({fromEnvFile: [join(dir, 'app.env')]}))).toBe(expected({data: {A: 'MQ==', B: 'IDIg', C: '', D: 'eD15'}}))
  })

  test('generic: --append-hash covers the type (kubectl: x-hbhk6tkb4h, x-5gkd6kmkhc, x-b8485c8589)', () => {
    expect(generic({fromLiteral: ['a=1'], appendHash: true}).metadata?.name).toBe('x-hbhk6tkb4h')
    expect(generic({fromLiteral: ['a=1'], type: 't', appendHash: true}).metadata?.name).toBe('x-5gkd6kmkhc')
    expect(generic({appendHash: true}).metadata?.name).toBe('x-b8485c8589')
  })

  test("generic: kubectl's errors", () => {
    expect(() => generic({fromLiteral: ['a=1', 'a=2']})).toThrow('error: cannot add key a, another key by that name already exists')
    expect(() => generic({fromLiteral: ['a/b=1']})).toThrow(
      `error: "a/b" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' ` +
        `(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    )
    expect(() => generic({fromEnvFile: [dir]})).toThrow('error: env secret file cannot be a directory')
    expect(() => generic({fromEnvFile: [join(dir, 'app.env')], fromFile: [dir]})).toThrow('error: from-env-file cannot be combined with from-file or from-literal')
  })

  test('docker-registry: the credentials as a docker config, HTML-escaped like Go', () => {
    const secret = buildDockerRegistrySecret({name: 'x', server: 'my.reg:5000', username: 'u', password: 'p', email: 'a@b<c>', fromFile: [], appendHash: false})
    const config = '{"auths":{"my.reg:5000":{"username":"u","password":"p","email":"a@b\\u003cc\\u003e","auth":"dTpw"}}}'
    expect(printed(secret)).toBe(expected({data: {'.dockerconfigjson': Buffer.from(config).toString('base64')}, type: 'kubernetes.io/dockerconfigjson'}))
  })

  test('docker-registry: the default server, no email, --append-hash (kubectl: x-h67b4td4f6)', () => {
    const secret = buildDockerRegistrySecret({name: 'x', server: 'https://index.docker.io/v1/', username: 'u', password: 'p', email: '', fromFile: [], appendHash: true})
    expect(printed(secret)).toBe(
      expected(
        {
          data: {'.dockerconfigjson': 'eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwIiwiYXV0aCI6ImRUcHcifX19'},
          type: 'kubernetes.io/dockerconfigjson',
        },
        'x-h67b4td4f6',
      ),
    )
  })

  test('docker-registry: --from-file is stored under .dockerconfigjson unless a key is given', () => {
    const from = (fromFile: string[]) => buildDockerRegistrySecret({name: 'x', server: 'https://index.docker.io/v1/', username: '', password: '', email: '', fromFile, appendHash: false})
    expect(printed(from([join(dir, 'cfg.json')]))).toBe(expected({data: {'.dockerconfigjson': 'eyJhdXRocyI6e319'}, type: 'kubernetes.io/dockerconfigjson'}))
    expect(printed(from([`k=${join(dir, 'cfg.json')}`]))).toBe(expected({data: {k: 'eyJhdXRocyI6e319'}, type: 'kubernetes.io/dockerconfigjson'}))
    expect(() => from([dir])).toThrow('error: cannot give a key name for a directory path')
    expect(() => from([])).toThrow('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required')
  })

  test('tls: the pair as tls.crt and tls.key', async () => {
    const pki = testPKI()
    const secret = await buildTLSSecret({name: 'x', cert: pki.paths.serverCert, key: pki.paths.serverKey, appendHash: false})
    const b64 = (path: string) => readFileSync(path).toString('base64')
    expect(printed(secret)).toBe(expected({data: {'tls.crt': b64(pki.paths.serverCert), 'tls.key': b64(pki.paths.serverKey)}, type: 'kubernetes.io/tls'}))
  })

  test("tls: kubectl's errors", async () => {
    const pki = testPKI()
    const tls = (cert: string, key: string) => buildTLSSecret({name: 'x', cert, key, appendHash: false})
    await expect(tls('', pki.paths.serverKey)).rejects.toThrow('error: key and cert must be specified')
    await expect(tls('/nonexist', pki.paths.serverKey)).rejects.toThrow('error: Cannot read file /nonexist, open /nonexist: no such file or directory')
    await expect(tls(pki.paths.serverCert, pki.paths.serverCert)).rejects.toThrow('error: tls: found a certificate rather than a key in the PEM for the private key')
    await expect(tls(pki.paths.serverKey, pki.paths.serverKey)).rejects.toThrow(
      'error: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched',
    )
    await expect(tls(pki.paths.serverCert, pki.paths.clientKey)).rejects.toThrow('error: tls: private key does not match public key')
  })
})

describe('service', () => {
  const expected = (spec: object) =>
    printed({kind: 'Service', apiVersion: 'v1', metadata: meta('x', {labels: {app: 'x'}}), spec, status: {loadBalancer: {}}})

  test('clusterip: port pairs named after the pair, TCP', () => {
    expect(printed(buildService({name: 'x', type: 'ClusterIP', tcp: ['5678:8080', '80', '81:http'], clusterIP: '10.0.0.1'}))).toBe(
      expected({
        ports: [
          {name: '5678-8080', protocol: 'TCP', port: 5678, targetPort: 8080},
          {name: '80', protocol: 'TCP', port: 80, targetPort: 80},
          {name: '81-http', protocol: 'TCP', port: 81, targetPort: 'http'},
        ],
        selector: {app: 'x'},
        clusterIP: '10.0.0.1',
        type: 'ClusterIP',
      }),
    )
  })

  test('clusterip: headless without ports', () => {
    expect(printed(buildService({name: 'x', type: 'ClusterIP', tcp: [], clusterIP: 'None'}))).toBe(expected({selector: {app: 'x'}, clusterIP: 'None', type: 'ClusterIP'}))
  })

  test('nodeport: --node-port on every port', () => {
    expect(printed(buildService({name: 'x', type: 'NodePort', tcp: ['80', '81:8081'], nodePort: 30000}))).toBe(
      expected({
        ports: [
          {name: '80', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30000},
          {name: '81-8081', protocol: 'TCP', port: 81, targetPort: 8081, nodePort: 30000},
        ],
        selector: {app: 'x'},
        type: 'NodePort',
      }),
    )
  })

  test('loadbalancer and externalname', () => {
    expect(printed(buildService({name: 'x', type: 'LoadBalancer', tcp: ['80']}))).toBe(
      expected({ports: [{name: '80', protocol: 'TCP', port: 80, targetPort: 80}], selector: {app: 'x'}, type: 'LoadBalancer'}),
    )
    expect(printed(buildService({name: 'x', type: 'ExternalName', tcp: [], externalName: 'a.b'}))).toBe(
      expected({selector: {app: 'x'}, type: 'ExternalName', externalName: 'a.b'}),
    )
  })

  test("kubectl's errors", () => {
    const clusterIP = (tcp: string[]) => () => buildService({name: 'x', type: 'ClusterIP', tcp})
    expect(clusterIP([])).toThrow('error: at least one tcp port specifier must be provided')
    expect(() => buildService({name: 'x', type: 'NodePort', tcp: [], clusterIP: 'None'})).toThrow('error: ClusterIP=None can only be used with ClusterIP service type')
    expect(() => buildService({name: 'x', type: 'ExternalName', tcp: [], externalName: 'A'})).toThrow('error: invalid service external name A')
    expect(clusterIP(['abc'])).toThrow('error: strconv.ParseUint: parsing "abc": invalid syntax')
    expect(clusterIP(['+80'])).toThrow('error: strconv.ParseUint: parsing "+80": invalid syntax')
    expect(clusterIP(['70000'])).toThrow('error: strconv.ParseUint: parsing "70000": value out of range')
    expect(clusterIP(['80:0'])).toThrow('error: must be between 1 and 65535, inclusive')
    expect(clusterIP(['80:-1'])).toThrow('error: must be between 1 and 65535, inclusive')
    expect(clusterIP(['80:Http_'])).toThrow('error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
    expect(clusterIP(['80:'])).toThrow('error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-),must contain at least one letter (a-z)')
    expect(clusterIP(['80:a--b-'])).toThrow('error: must not contain consecutive hyphens,must not begin or end with a hyphen')
  })
})
