// Makes the shipped files small after Trunk builds them: a Trunk post-build hook (see Trunk.toml), on
// the files in Trunk's staging folder.
// - The loader, wasm-bindgen's glue and the loader of the parts (scripts/split-wasm.mjs), minified with
//   esbuild (Trunk's own minifier cannot parse wasm-bindgen's output): about 3 KB gzip less for every
//   visitor.
// - The stylesheets (the first screen's and the sections'), minified with esbuild.
// - The "Learn more" text without its `source` quotes (they are for reviewers and the tests, which
//   read content/learn/ itself): about 4 KB gzip less when Learn is opened.
// - wasm-bindgen's glue told to report a stop: every call into the WebAssembly goes through a guard
//   that, when the call throws (the release build aborts at once on a panic, which traps), tells the
//   loader through the glue's `onStop` export, so the loader can show the crash message in that
//   widget's box (see src/web/crash.rs). Without it a stopped widget would go blank. The loader of the
//   parts gets the same guard for its one call through the wasm's table.
// The readable sources stay in www/, content/ and the build's target folder.

import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const esbuild = require(path.join(ROOT, 'node_modules/esbuild'));

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('minify.mjs: no folder (TRUNK_STAGING_DIR, or give it as an argument)');

// The one line of wasm-bindgen's glue (0.2.130) that takes the instance's exports: every call into the
// WebAssembly goes through `wasm.<export>`. A glue without it stops the build rather than ship a widget
// that goes blank when it stops.
const EXPORTS_TAKEN = 'wasm = instance.exports;';
const STOP_GUARD = `
let stopped = null;
/** Calls \`listener(error)\` once this instance has stopped (a trap, or an exception thrown through it). */
export function onStop(listener) {
  stopped = listener;
}
/** \`call\`, telling the listener when it throws. */
function guarded(call) {
  return (...args) => {
    try {
      return call(...args);
    } catch (error) {
      stopped?.(error);
      throw error;
    }
  };
}
function guardExports(exports) {
  const all = {};
  for (const [name, value] of Object.entries(exports)) {
    all[name] = typeof value === 'function' ? guarded(value) : value;
  }
  return all;
}
`;
// The loader of the parts calls into the WebAssembly once through its table, not an export: the glue
// hands it the same guard (see scripts/split-wasm.mjs).
const PARTS_LINKED = 'splitLoaders(() => wasm)';

function guardGlue(source) {
  if (source.split(EXPORTS_TAKEN).length !== 2) {
    throw new Error(`minify.mjs: the glue no longer has exactly one "${EXPORTS_TAKEN}"; update the stop guard`);
  }
  if (source.split(PARTS_LINKED).length !== 2) {
    throw new Error(`minify.mjs: the glue no longer has exactly one "${PARTS_LINKED}"; update the stop guard`);
  }
  return (
    source
      .replace(EXPORTS_TAKEN, 'wasm = guardExports(instance.exports);')
      .replace(PARTS_LINKED, 'splitLoaders(() => wasm, guarded)') + STOP_GUARD
  );
}

// What the loader (www/reciprocity-widget.js) calls in the glue. The rest of what wasm-bindgen exports
// (its asynchronous `default` initialisation, which can fetch and compile the WebAssembly itself, with
// its fallbacks and warnings) is left out: the loader compiles the module and instantiates it with
// `initSync`. About 500 B gzip less. A name the glue no longer exports stops the build.
const LOADER_USES = ['initSync', 'mountWidget', 'observedAttributes', 'onStop'];

// Plain syntax only: no eval, no new Function, so a strict Content-Security-Policy still works.
const OPTIONS = { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' };

/** The glue with only what the loader uses, minified: esbuild bundles it from an entry that re-exports
 * those names and drops what nothing reaches. The loader of the parts stays a module of its own. */
function glueForTheLoader(source) {
  const whole = path.join(dir, '.glue-whole.js');
  writeFileSync(whole, source);
  try {
    const { outputFiles } = esbuild.buildSync({
      ...OPTIONS,
      stdin: { contents: `export { ${LOADER_USES.join(', ')} } from './.glue-whole.js';`, resolveDir: dir },
      bundle: true,
      write: false,
      external: ['./__wasm_split.js'],
      logLevel: 'silent',
    });
    return outputFiles[0].text;
  } finally {
    rmSync(whole);
  }
}

for (const file of ['reciprocity-core.js', '__wasm_split.js', 'reciprocity-widget.js']) {
  const where = path.join(dir, file);
  const source = readFileSync(where, 'utf8');
  const code =
    file === 'reciprocity-core.js'
      ? glueForTheLoader(guardGlue(source))
      : esbuild.transformSync(source, OPTIONS).code;
  writeFileSync(where, code);
  console.log(`minified ${file}: ${source.length} → ${code.length} bytes`);
}

// The first screen's stylesheet, and the sections' (src/web/part_styles.rs).
for (const file of ['reciprocity-widget.css', 'reciprocity-parts.css']) {
  const where = path.join(dir, file);
  const source = readFileSync(where, 'utf8');
  const { code } = esbuild.transformSync(source, { loader: 'css', minify: true, target: 'chrome100' });
  writeFileSync(where, code);
  console.log(`minified ${file}: ${source.length} → ${code.length} bytes`);
}

const learn = path.join(dir, 'learn');
for (const file of readdirSync(learn).filter((f) => f.endsWith('.json'))) {
  const where = path.join(learn, file);
  const source = readFileSync(where, 'utf8');
  const text = JSON.stringify(JSON.parse(source), (key, value) => (key === 'source' ? undefined : value));
  writeFileSync(where, text);
  console.log(`learn/${file} without its source quotes: ${source.length} → ${text.length} bytes`);
}

