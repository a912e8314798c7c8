// Makes the shipped files small after Trunk builds them: a Trunk post-build hook (see Trunk.toml), on
// the files in Trunk's staging folder.
// - The loader and wasm-bindgen's glue, minified with esbuild (Trunk's own minifier cannot parse
//   wasm-bindgen's output): about 3 KB gzip less for every visitor.
// - The stylesheet, minified with esbuild.
// - The "Learn more" text without its `source` quotes (they are for reviewers and the tests, which
//   read content/learn/ itself): about 4 KB gzip less when Learn is opened.
// The readable sources stay in www/, content/ and the build's target folder.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

{
  const where = path.join(dir, 'reciprocity-widget.css');
  const source = readFileSync(where, 'utf8');
  const { code } = esbuild.transformSync(source, { loader: 'css', minify: true, target: 'chrome100' });
  writeFileSync(where, code);
  console.log(`minified reciprocity-widget.css: ${source.length} → ${code.length} bytes`);
}

const learn = path.join(dir, 'learn');
for (const file of readdirSync(learn).filter((f) => f.endsWith('.json'))) {
  const where = path.join(learn, file);
  const source = readFileSync(where, 'utf8');
  const text = JSON.stringify(JSON.parse(source), (key, value) => (key === 'source' ? undefined : value));
  writeFileSync(where, text);
  console.log(`learn/${file} without its source quotes: ${source.length} → ${text.length} bytes`);
}
