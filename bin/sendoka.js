#!/usr/bin/env node
// The CLI, from the compiled dist/ that `npm install` (prepare) and `npm start` build.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const cli = new URL('../dist/src/cli.js', import.meta.url);
// A checkout installed with --ignore-scripts has no dist/ yet: build it once.
if (!existsSync(cli)) execFileSync(process.execPath, [new URL('build.mjs', import.meta.url).pathname], { stdio: 'inherit' });
await import(cli.href);
