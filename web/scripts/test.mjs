// Compiles the unit tests (test/*.test.ts) with esbuild and runs them with Node's own test runner.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const out = process.argv[2] ?? 'target/web-tests';
const entries = readdirSync('test').filter((f) => f.endsWith('.test.ts')).map((f) => `test/${f}`);
await build({ entryPoints: entries, outdir: out, bundle: true, platform: 'node', format: 'esm',
  outExtension: { '.js': '.mjs' }, logLevel: 'warning' });
const files = entries.map((e) => `${out}/${e.slice(5).replace(/\.ts$/, '.mjs')}`);
const run = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
