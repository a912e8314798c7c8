// Minifies the shipped JavaScript (the loader and wasm-bindgen's glue) after Trunk builds them: a
// Trunk post-build hook (see Trunk.toml), on the files in Trunk's staging folder. Trunk's own minifier
// cannot parse wasm-bindgen's output; esbuild can. About 3 KB gzip less for every visitor. Their
// readable sources stay in www/ and in the build's target folder.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const esbuild = require(path.join(ROOT, 'node_modules/esbuild'));

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('minify.mjs: no folder (TRUNK_STAGING_DIR, or give it as an argument)');

for (const file of ['reciprocity-core.js', 'reciprocity-widget.js']) {
  const where = path.join(dir, file);
  const source = readFileSync(where, 'utf8');
  // Plain syntax only: no eval, no new Function, so a strict Content-Security-Policy still works.
  const { code } = esbuild.transformSync(source, {
    minify: true,
    format: 'esm',
    target: 'es2020',
    legalComments: 'none',
  });
  writeFileSync(where, code);
  console.log(`minified ${file}: ${source.length} → ${code.length} bytes`);
}
