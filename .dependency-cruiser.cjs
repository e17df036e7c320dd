// Import rules for src/ and workers/, checked by `npm run lint:deps` (in .ci/run).

/**
 * Layers, lowest first: platform/ (db, schema, jobs, errors, ids, …) imports only itself; access/ (who is
 * asking, what they may see) imports platform/; providers/ (SES, SNS, local outbox) imports platform/.
 * Features sit above them, api/ and workers/ on top; nothing below imports what is above it.
 */
const platform = '^src/platform/';
const access = '^src/access/';
const providers = '^src/providers/';
const entries = '^(src/api/|src/cli/|src/smtp/|src/main[.]ts|src/cli[.]ts|workers/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes load order matter and the modules in it inseparable; move what both need to a shared layer.',
      from: { path: '^(src|workers)/' },
      to: { circular: true },
    },
    {
      name: 'platform-imports-only-platform',
      severity: 'error',
      comment: 'platform/ is what every layer stands on; it knows nothing of access, providers or features.',
      from: { path: platform },
      to: { path: '^(src|workers)/', pathNot: platform },
    },
    {
      name: 'access-imports-only-platform',
      severity: 'error',
      comment: 'access/ decides who may see a row for every feature, so it may not depend on one.',
      from: { path: access },
      to: { path: '^(src|workers)/', pathNot: `${platform}|${access}` },
    },
    {
      name: 'providers-import-only-platform',
      severity: 'error',
      comment: 'A provider adapts SES, SNS or the local outbox; what a message means belongs to the features.',
      from: { path: providers },
      to: { path: '^(src|workers)/', pathNot: `${platform}|${providers}` },
    },
    {
      name: 'features-import-no-entry',
      severity: 'error',
      comment: 'api/, cli/, smtp/, workers/ and the entry points adapt HTTP, the command line, SMTP and jobs to features; a feature never calls back up.',
      from: { path: '^src/', pathNot: entries },
      to: { path: entries },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: they tie modules together just the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve packages as Node resolves our ESM imports (got, for one, exports only an `import` entry).
    enhancedResolveOptions: { conditionNames: ['import', 'node', 'default'], exportsFields: ['exports'] },
  },
};
