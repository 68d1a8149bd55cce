// Preloaded with `node --import` in tests: appends every module URL the process resolves to the
// file named by KTL_IMPORT_TRACE, so a test can prove a command never loaded a heavy library.
import {appendFileSync} from 'node:fs'
import {registerHooks} from 'node:module'

const file = process.env.KTL_IMPORT_TRACE
if (file) {
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const result = nextResolve(specifier, context)
      appendFileSync(file, `${result.url} ${context.parentURL ?? ""}\n`)
      return result
    },
  })
}
