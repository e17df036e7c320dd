import { mkdirSync, writeFileSync } from 'node:fs';
import { generatedTypes, generatedTypesPath } from './types.js';

mkdirSync(new URL('.', generatedTypesPath), { recursive: true });
writeFileSync(generatedTypesPath, await generatedTypes());
console.log(`wrote ${generatedTypesPath.pathname}`);
