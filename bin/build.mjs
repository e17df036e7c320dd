#!/usr/bin/env node
// Compiles src/, workers/ and migrations/ to dist/ file by file (imports already name .js files), so
// production runs plain JavaScript with no TypeScript tooling loaded. It takes well under a second.
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entryPoints = ['src', 'workers', 'migrations'].flatMap((folder) =>
  readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(folder, file)),
);

// Built aside, then swapped in: a process starting from dist/ meanwhile never finds it half-written.
const staging = join(root, `dist.${process.pid}`);
const retired = `${staging}.old`;
await build({ absWorkingDir: root, entryPoints, outdir: staging, outbase: '.', format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
const dist = join(root, 'dist');
const ignoring = (codes, action) => {
  try {
    action();
    return true;
  } catch (error) {
    if (!codes.includes(error.code)) throw error;
    return false;
  }
};
// Another build may swap its own dist/ in between these steps: then retire that one too.
do {
  rmSync(retired, { recursive: true, force: true });
  ignoring(['ENOENT'], () => renameSync(dist, retired));
} while (!ignoring(['ENOTEMPTY', 'EEXIST'], () => renameSync(staging, dist)));
rmSync(retired, { recursive: true, force: true });
