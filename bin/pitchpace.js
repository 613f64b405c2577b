#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: tsx (a runtime dependency) registers its loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
