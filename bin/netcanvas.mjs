#!/usr/bin/env node
// Runs the TypeScript CLI straight from source through tsx, so `npx netcanvas` works right after install.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/netcanvas.ts');
process.exitCode = await main(process.argv);
