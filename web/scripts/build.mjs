// Bundles the widget and the console and copies the static pages into the directory given as the
// first argument (Maven passes dist, which is committed and packaged under META-INF/resources).
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
mkdirSync(out, { recursive: true });
cpSync('static', out, { recursive: true });

const common = { bundle: true, minify: true, format: 'iife', target: ['es2020'], legalComments: 'none', logLevel: 'warning' };
await build({ ...common, entryPoints: ['src/widget/main.ts'], outfile: join(out, 'widget.js') });
await build({ ...common, entryPoints: ['src/console/main.ts'], outfile: join(out, 'console', 'console.js') });
await build({ ...common, entryPoints: ['src/console/admin/main.ts'], outfile: join(out, 'console', 'admin.js') });
await build({ ...common, entryPoints: ['src/console/admin/password.ts'], outfile: join(out, 'console', 'password.js') });

// Not shipped: the fault suite's driver of the real socket client, for Node (system-tests' NodeCustomer).
await build({ bundle: true, platform: 'node', format: 'esm', target: ['node20'], logLevel: 'warning',
  entryPoints: ['test/drivers/socket-driver.ts'], outfile: 'target/drivers/socket-driver.mjs' });

for (const file of ['widget.js', 'console/console.js', 'console/admin.js', 'console/password.js']) {
  const raw = readFileSync(join(out, file));
  console.log(`${file}: ${raw.length} bytes, ${gzipSync(raw, { level: 9 }).length} bytes gzipped`);
}
