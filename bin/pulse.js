#!/usr/bin/env node
// The `pulse` command. Runs the compiled CLI (npm install builds it through the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('pulse: the project is not built yet; run `npm run build` first');
  process.exit(1);
}
const { main } = await import(entry.href);
await main();
