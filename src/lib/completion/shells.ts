// The shells `ktl completion` has a script for (completion/ktl.SHELL).
export const COMPLETION_SHELLS: readonly string[] = ['bash', 'zsh', 'fish']
