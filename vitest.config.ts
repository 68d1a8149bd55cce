import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {test: {name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 20_000, globalSetup: ['test/support/shells/global-setup.ts']}},
      // The built CLI as a process, against bad input and a faulty fake server: crashes and hangs counted.
      {test: {name: 'reliability', include: ['test/reliability/**/*.test.ts'], testTimeout: 120_000}},
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One control plane is shared; files run one after another so they never race on it.
          fileParallelism: false,
          globalSetup: ['test/support/shells/global-setup.ts', 'test/e2e/global-setup.ts'],
        },
      },
    ],
  },
})
