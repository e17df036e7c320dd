// Import rules for src/ and workers/, checked by `npm run lint:deps` (in .ci/run).

/** The shared layers: what every feature may import, and which may import only each other. */
const shared = '^src/(access/|db/|(config|errors|ids|pagination|logger|metrics|queues|limits|principal|scopes)[.]ts$)';

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
      name: 'shared-imports-no-feature',
      severity: 'error',
      comment: 'A shared layer imports only shared layers, so any feature can use it without a cycle.',
      from: { path: shared },
      to: { path: '^(src|workers)/', pathNot: shared },
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
