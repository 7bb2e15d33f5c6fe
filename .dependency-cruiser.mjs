/**
 * Import rules checked by `npm run lint:deps` (part of `npm test`). Only runtime imports count: a type-only
 * import creates no cycle when the code runs.
 */
export default {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'folders import each other in one direction only',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(src|scrapers|audits)/' },
      to: { circular: true },
    },
    {
      name: 'scrapers-stand-alone',
      comment: 'scrapers/ knows nothing of the service or of audits',
      severity: 'error',
      from: { path: '^scrapers/' },
      to: { path: '^(src|audits)/' },
    },
    {
      name: 'audits-stand-alone',
      comment: 'audits/ knows nothing of the service or of scrapers',
      severity: 'error',
      from: { path: '^audits/' },
      to: { path: '^(src|scrapers)/' },
    },
  ],
  options: {
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|test|bench)/' },
  },
};
