// Paraglide's compiler options, shared by scripts/i18n.mjs and the Vite plugin (vite.config.ts).
// The locale is the app's (src/lib/i18n.svelte.ts sets it through overwriteGetLocale and
// overwriteSetLocale), so the strategy is only the fallback before that runs.
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const COMPILER_OPTIONS = {
  project: './project.inlang',
  outdir: './src/paraglide',
  strategy: ['baseLocale'],
  emitGitIgnore: false,
  emitPrettierIgnore: false,
  emitReadme: false,
};
