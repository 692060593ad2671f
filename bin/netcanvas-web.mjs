#!/usr/bin/env node
// `npm run web`: runs the web shell straight from the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/web/webShell.ts');
const code = await main(process.argv);
if (code !== 0) process.exitCode = code;
