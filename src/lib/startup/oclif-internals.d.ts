// @oclif/core's platform check, which its package exports do not name; scripts/startup-bundle.mjs
// bundles it from oclif's own files.
declare module '@oclif/core/lib/util/os.js' {
  export function getPlatform(): Promise<string>
}
