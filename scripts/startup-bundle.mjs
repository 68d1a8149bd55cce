// Bundles what `ktl CMD` needs to start into dist/startup/: the dispatcher (src/lib/startup/main.ts)
// and one entry per command file, split so each command loads only the chunks it imports, with the
// lazily imported parts (ops, printers, client) as their own chunks. Node then reads a handful of
// files instead of hundreds.
//
// In this bundle, '@oclif/core' in src/ means src/lib/startup/oclif-lite.ts, which brings oclif's
// own flag and parser modules (and src/lib/startup/help.ts oclif's Help); the modules those
// require only to report failures or for what the startup path leaves to full oclif are replaced
// by src/lib/startup/oclif-shims.ts (see OCLIF_SHIMS). Of the other packages, only BUNDLED_PACKAGES come in.
import {builtinModules, createRequire} from 'node:module'
import {dirname, join, relative, resolve, sep} from 'node:path'
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {build} from 'esbuild'

const require = createRequire(import.meta.url)

/**
 * oclif modules (relative to @oclif/core/lib; 'a.js -> b.js' when only a.js's require of b.js) that
 * the parser and Help require for failures only, or for what only full oclif does, and their stand-ins.
 */
const OCLIF_SHIMS = {
  'errors/index.js': 'errors', // flags.js: CLIError when Flags.integer/url reject a value
  'flags.js -> help/index.js': 'unsupported', // flags.js: Flags.help (help.ts brings the real Help)
  'parser/help.js': 'unsupported', // parser/index.js re-exports flagUsages
  'parser/errors.js': 'unsupported', // parse.js, validate.js: a failed parse is re-run by oclif's own parser
  'cache.js': 'cache', // parse.js: custom exit codes
  'logger.js': 'logger', // parse.js: CLI_FLAGS_DEBUG logging
  'errors/error.js': 'unsupported', // help: "Command x not found" (full oclif says it)
  'ux/index.js': 'unsupported', // help: writing (help.ts captures it)
  'module-loader.js': 'unsupported', // help: loading a custom help class
  'config/ts-path.js': 'unsupported', // help: the same
}

/** Packages bundled rather than imported from node_modules: one file instead of dozens on the request path. */
const BUNDLED_PACKAGES = ['axios']

function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/**
 * Node modules that bundled packages load but rarely use (axios's HTTP/2; oclif's file flags'
 * fs/promises, which only the server path needs): loaded on first use.
 */
const LAZY_BUILTINS = ['node:http2', 'node:fs/promises']

const BUILTIN = `(?:node:)?(${builtinModules.filter((m) => !m.startsWith('_')).join('|')})`

// The expression for a Node module in the bundle. process.getBuiltinModule is Node's CommonJS
// module: an ESM import would build a namespace by reading every export, and getters such as
// node:http's WebSocket (undici, ~40 ms) or node:fs's ReadStream and node:util's (~5 ms each) run.
function builtin(name) {
  const id = JSON.stringify(`node:${name}`)
  return LAZY_BUILTINS.includes(`node:${name}`) ? `new Proxy({}, {get: (_, key) => globalThis.process.getBuiltinModule(${id})[key]})` : `globalThis.process.getBuiltinModule(${id})`
}

// require('fs') or require("node:fs") with a literal name.
const requireOfBuiltin = new RegExp(String.raw`(?<![\w$.])require\(\s*(['"])${BUILTIN}\1\s*\)`, 'g')
// import fs, {readFile as read, type Stats} from 'node:fs' (import type ... is left to esbuild).
const importOfBuiltin = new RegExp(String.raw`^[ \t]*import\s+(?!type\s)([\w$]+\s*,\s*)?(\*\s*as\s+[\w$]+|\{[^}]*\}|[\w$]+)\s+from\s+(['"])${BUILTIN}\3\s*;?[ \t]*$`, 'gm')

/** A module's static imports and requires of Node modules, as process.getBuiltinModule calls. */
function builtinsFromGetBuiltinModule(source) {
  const bindings = []
  const rewritten = source
    .replaceAll(requireOfBuiltin, (_, quote, name) => builtin(name))
    .replaceAll(importOfBuiltin, (_, defaultPart, clause, quote, name) => {
      const module = `__ktlBuiltin${bindings.length}`
      bindings.push(`const ${module} = ${builtin(name)};`)
      const locals = [defaultPart?.replace(/[\s,]/g, ''), clause.startsWith('{') ? undefined : clause.replace(/^\*\s*as\s+/, '')].filter(Boolean)
      for (const local of locals) bindings.push(`const ${local} = ${module};`)
      if (clause.startsWith('{')) {
        const names = clause.slice(1, -1).split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '))
        if (names.length > 0) bindings.push(`const {${names.map((n) => n.replace(/\s+as\s+/, ': ')).join(', ')}} = ${module};`)
      }
      return ''
    })
  return bindings.length > 0 ? `${bindings.join('\n')}\n${rewritten}` : rewritten
}

/** Output name of a command file's entry: flat, so every output file sits directly in dist/startup. */
function entryName(commandFile) {
  return `command.${relative('src/commands', commandFile).replace(/\.ts$/, '').split(sep).join('.')}`
}

function startupPlugin(root) {
  const oclifLib = join(dirname(require.resolve('@oclif/core/package.json', {paths: [root]})), 'lib')
  const liteModule = join(root, 'src/lib/startup/oclif-lite.ts')
  const shimsModule = join(root, 'src/lib/startup/oclif-shims.ts')
  const srcDir = join(root, 'src') + sep
  const startupDir = join(root, 'src/lib/startup') + sep
  const shimTarget = (key) => key.split(' -> ').at(-1)
  for (const key of Object.keys(OCLIF_SHIMS)) require.resolve(join(oclifLib, shimTarget(key))) // fail the build if oclif moved them
  const axiosLib = join(dirname(require.resolve('axios/package.json', {paths: [root]})), 'lib')
  const used = new Set()

  function shimSource(path, kind) {
    const names = Object.keys(require(join(oclifLib, shimTarget(path)))).filter((name) => name !== '__esModule')
    const from = JSON.stringify(shimsModule)
    if (kind === 'cache') return `import {emptyCache} from ${from}\nexport default emptyCache\n`
    const lines = [`import * as shims from ${from}`]
    for (const name of names) {
      if (kind === 'errors' && name === 'CLIError') lines.push('export const CLIError = shims.CLIError')
      else if (kind === 'logger' && name === 'makeDebug') lines.push('export const makeDebug = shims.makeDebug')
      else if (name === 'default') lines.push(`export default shims.unsupported('default')`)
      else lines.push(`export const ${name} = shims.unsupported(${JSON.stringify(name)})`)
    }
    return lines.join('\n') + '\n'
  }

  return {
    name: 'ktl-startup',
    setup(b) {
      b.onResolve({filter: /^@oclif\/core\/lib\/util\/os\.js$/}, (args) =>
        args.importer.startsWith(startupDir) ? {path: join(oclifLib, 'util/os.js')} : undefined,
      )
      b.onResolve({filter: /^@oclif\/core$/}, (args) =>
        args.importer === liteModule ? {path: '@oclif/core', external: true} : {path: liteModule},
      )
      b.onResolve({filter: /^\.\.?\//}, (args) => {
        if (args.importer.startsWith(srcDir)) {
          // A module that does not exist (yet) fails where the plain dist/ build would: when imported.
          const target = resolve(args.resolveDir, args.path)
          if (existsSync(target) || existsSync(target.replace(/\.js$/, '.ts'))) return undefined
          return {path: `../${relative(srcDir, target).split(sep).join('/')}`, external: true}
        }
        if (!args.importer.startsWith(oclifLib + sep)) return undefined
        const target = relative(oclifLib, require.resolve(resolve(args.resolveDir, args.path))).split(sep).join('/')
        const importer = relative(oclifLib, args.importer).split(sep).join('/')
        const shim = [`${importer} -> ${target}`, target].find((key) => key in OCLIF_SHIMS)
        if (!shim) return undefined
        used.add(shim)
        return {path: shim, namespace: 'oclif-shim'}
      })
      b.onLoad({filter: /.*/, namespace: 'oclif-shim'}, (args) => ({
        contents: shimSource(args.path, OCLIF_SHIMS[args.path]),
        loader: 'js',
        resolveDir: root,
      }))
      // Node's own modules that builtinsFromGetBuiltinModule did not rewrite (dynamic imports,
      // re-exports) stay Node's; a require() left over would fail at run time, so it fails the build.
      b.onResolve({filter: /^[a-z0-9_:/]+$/}, (args) => {
        const name = args.path.replace(/^node:/, '')
        if (!builtinModules.includes(name)) return undefined
        if (args.kind === 'require-call') return {errors: [{text: `require('${args.path}') left in ${args.importer}`}]}
        return {path: `node:${name}`, external: true}
      })
      // axios's fetch adapter probes globalThis.Request when loaded, which loads undici (~20 ms);
      // ktl's client asks for the http adapter.
      b.onResolve({filter: /^\.\/fetch\.js$/}, (args) =>
        args.importer === join(axiosLib, 'adapters/adapters.js') ? {path: 'axios-fetch-adapter', namespace: 'unused-axios-adapter'} : undefined,
      )
      b.onLoad({filter: /.*/, namespace: 'unused-axios-adapter'}, () => ({
        contents: 'export const getFetch = () => false\nexport default false\n',
        loader: 'js',
      }))
      // The same for axios's FormData check, which reads globalThis.FormData when loaded: without
      // it, axios still recognises a FormData by its tag, and ktl sends none.
      b.onLoad({filter: /[\\/]axios[\\/]lib[\\/]utils\.js$/}, async (args) => {
        const source = await readFile(args.path, 'utf8')
        const probe = "const FormDataCtor = typeof G.FormData !== 'undefined' ? G.FormData : undefined;"
        if (source.includes(probe)) return {contents: source.replace(probe, 'const FormDataCtor = undefined;'), loader: 'js'}
        return {contents: source, loader: 'js', warnings: [{text: 'axios changed its FormData probe: the startup bundle loads undici; update startup-bundle.mjs'}]}
      })
      // axios's Node build brings form-data (and its MIME tables) for multipart bodies, which ktl never sends.
      b.onResolve({filter: /^form-data$/}, (args) =>
        args.importer.startsWith(srcDir) ? undefined : {path: 'form-data', namespace: 'unused-package'},
      )
      b.onLoad({filter: /.*/, namespace: 'unused-package'}, (args) => ({
        contents: `module.exports = function FormData() {\n  throw new Error(${JSON.stringify(`${args.path} is not in ktl's startup bundle`)})\n}\n`,
        loader: 'js',
      }))
      // Packages' Node modules (a CommonJS require() would also fail: an ESM bundle has none).
      b.onLoad({filter: /[\\/]node_modules[\\/].*\.[cm]?js$/}, async (args) => ({
        contents: builtinsFromGetBuiltinModule(await readFile(args.path, 'utf8')),
        loader: 'js',
      }))
      // Of the packages src/ imports, BUNDLED_PACKAGES come into the bundle (with what they import);
      // the others stay where npm put them.
      b.onResolve({filter: /^[^./]/}, (args) => {
        if (args.importer.startsWith(startupDir) && /^@oclif\/core\/(args|flags|parser|help)$/.test(args.path)) return undefined
        if (!args.importer.startsWith(srcDir)) return undefined
        return BUNDLED_PACKAGES.includes(packageName(args.path)) ? undefined : {path: args.path, external: true}
      })
      // src's Node modules, and its import.meta: a bundled module's is its output file's, so it points
      // back at the file it was, in dist/ (src/lib/startup is written for the bundle).
      b.onLoad({filter: /\.ts$/}, async (args) => {
        if (!args.path.startsWith(srcDir)) return undefined
        let contents = builtinsFromGetBuiltinModule(await readFile(args.path, 'utf8'))
        if (args.path.startsWith(startupDir) || !contents.includes('import.meta')) return {contents, loader: 'ts'}
        if (/\bimport\.meta\.resolve\b/.test(contents)) throw new Error(`${args.path}: import.meta.resolve is not supported in the startup bundle`)
        const distFile = JSON.stringify(`../${relative(srcDir, args.path).replace(/\.ts$/, '.js').split(sep).join('/')}`)
        const url = `new URL(${distFile}, import.meta.url)`
        contents =
          "const {fileURLToPath: __ktlFileURLToPath} = globalThis.process.getBuiltinModule('node:url')\nconst {dirname: __ktlDirname} = globalThis.process.getBuiltinModule('node:path')\n" +
          contents
            .replaceAll(/\bimport\.meta\.url\b/g, `${url}.href`)
            .replaceAll(/\bimport\.meta\.filename\b/g, `__ktlFileURLToPath(${url})`)
            .replaceAll(/\bimport\.meta\.dirname\b/g, `__ktlDirname(__ktlFileURLToPath(${url}))`)
        return {contents, loader: 'ts'}
      })
      b.onEnd((result) => {
        if (result.errors.length > 0) return
        const unused = Object.keys(OCLIF_SHIMS).filter((path) => !used.has(path))
        if (unused.length > 0) throw new Error(`startup bundle: oclif no longer requires ${unused.join(', ')}; update OCLIF_SHIMS`)
      })
    },
  }
}

/** Builds dist/startup; returns each command file's output file name (relative to dist/startup). */
export async function bundleStartup(root, commandFiles) {
  // complete: `ktl __complete` (bin/run.js), which must answer a Tab within 300 ms.
  const entryPoints = {main: 'src/lib/startup/main.ts', complete: 'src/lib/completion/main.ts'}
  for (const file of commandFiles) entryPoints[entryName(file)] = file
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir: 'dist/startup',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    chunkNames: 'chunk.[hash]',
    // .mjs: Node knows each file's format without looking for the package.json above it.
    outExtension: {'.js': '.mjs'},
    logLevel: 'warning',
    plugins: [startupPlugin(root)],
  })
  return Object.fromEntries(commandFiles.map((file) => [file, `./${entryName(file)}.mjs`]))
}
