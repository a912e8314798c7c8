// Builds the WebAssembly the clinic serves, split in parts: a Trunk post-build hook (see Trunk.toml),
// writing into Trunk's staging folder before minify.mjs runs.
//
//   1. `cargo build` of embed/ with the release settings of scripts/release-env.sh (the standard
//      library rebuilt for size) and the linker's relocations kept (`--emit-relocs`), which the
//      splitter needs to move code and data between files.
//   2. `wasm-split-cli` cuts it at the split points of src/components/lazy.rs: the main file (the first
//      screen) and one file per part (`split_<part>.wasm`, plus `chunk_<n>.wasm` for code two parts
//      share), and writes `__wasm_split.js`, which fetches and instantiates a part when the wasm asks.
//   3. `wasm-bindgen` makes the JS glue for the main file (keeping the exports the parts import).
//   4. Three rewrites, each refusing to build when what it expects is not there:
//      - `__wasm_split.js` becomes a function of the instance (`splitLoaders`): the loader gives every
//        widget on a page a WebAssembly instance of its own (glue imported again under its own URL),
//        and a part must be instantiated against the memory and table of the instance that asked for
//        it, not the first one's;
//      - the glue imports that function once and hands it its own instance;
//      - every part's file is fetched through one function, so that the reader of saved progress can
//        be fetched ahead (`fetchReaderEarly`, called by the page's loader when the browser holds a
//        widget's progress).
//   5. `wasm-opt -Oz --converge` on every wasm file (the main file's control flow rebuilt too).
//   6. The main file's imports and exports renamed to one or two letters (binaryen's
//      `--minify-imports-and-exports-and-modules`), and the glue and the loader of the parts rewritten
//      to the same names: wasm-bindgen names an import after its function and a hash
//      (`__wbg_setAttribute_f75317b2b5cabfb4`), ~170 of them, written in both the wasm and the glue.
//      The build refuses to finish unless every import the wasm asks for is one the glue provides.
//
//   node scripts/split-wasm.mjs [folder]     (the folder defaults to $TRUNK_STAGING_DIR)
//   RECIPROCITY_WASM_NAMES=1 …               keeps function names in the wasm (for profiling; run
//                                            scripts/minify.mjs on the folder after it, as the build does)

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('split-wasm.mjs: no folder (TRUNK_STAGING_DIR, or give it as an argument)');

const NAME = 'reciprocity-core';
const LINK = '__wasm_split.js';
const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], ...options });

// 1. The release build, with the settings of scripts/release-env.sh (their one home); the shell then
//    prints the target folder those settings chose (cargo reports on stderr, so stdout is just that).
const targetDir = execFileSync(
  'bash',
  [
    '-c',
    'source scripts/release-env.sh && export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS -Clink-arg=--emit-relocs" && cargo build --release -p reciprocity-core --target wasm32-unknown-unknown >&2 && echo "$CARGO_TARGET_DIR"',
  ],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
).trim();
const built = path.join(targetDir, 'wasm32-unknown-unknown/release/reciprocity_core.wasm');

// 2. Split.
const work = path.join(targetDir, 'split');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
run('wasm-split-cli', ['--out-name', NAME, built, work]);

// 3. The glue for the main file.
run('wasm-bindgen', [
  '--target', 'web',
  '--no-typescript',
  '--keep-lld-exports',
  '--out-name', NAME,
  '--out-dir', path.join(work, 'bindgen'),
  path.join(work, `${NAME}.wasm`),
]);

// 4. The rewrites.
function replaceOnce(source, from, to, what) {
  const count = source.split(from).length - 1;
  if (count !== 1) throw new Error(`split-wasm.mjs: expected one ${what} (${JSON.stringify(from)}), found ${count}`);
  return source.replace(from, to);
}

/**
 * `__wasm_split.js` as `export function splitLoaders(instanceExports, guard)`, returning its loaders.
 * `guard` wraps the one call into the WebAssembly that is not an export (the callback that tells the
 * wasm a part has arrived, taken from the table), so a trap there stops the widget as a trap in any
 * export does (scripts/minify.mjs gives the glue's stop guard).
 */
function linkPerInstance(source) {
  let body = replaceOnce(source, `import { initSync } from "./${NAME}.js";\n`, '', 'import of the glue');
  body = replaceOnce(body, 'initSync(undefined, undefined)', 'instanceExports()', 'use of the first instance');
  body = replaceOnce(
    body,
    'sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);',
    'guard(sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex))(callbackData, success);',
    'call of the callback',
  );
  const loaders = [...body.matchAll(/^export const (__wasm_split_load_\w+) =/gm)].map((m) => m[1]);
  if (loaders.length === 0) throw new Error('split-wasm.mjs: no loaders in __wasm_split.js');
  body = body.replace(/^export const /gm, 'const ');
  return (
    '// Made by wasm-split-cli, turned into a function of the instance by scripts/split-wasm.mjs.\n' +
    '/** The loaders of the parts for one instance; `instanceExports()` gives that instance\'s exports. */\n' +
    `export function splitLoaders(instanceExports, guard = (f) => f) {\n${body}\nreturn { ${loaders.join(', ')} };\n}\n`
  );
}

/** The glue with one import of `splitLoaders`, given this glue's own instance. */
function gluePerInstance(source) {
  const imports = [...source.matchAll(/^import \* as (import\d+) from "\.\/__wasm_split\.js"\n/gm)];
  if (imports.length === 0) throw new Error('split-wasm.mjs: the glue imports nothing from __wasm_split.js');
  let glue = source;
  for (const [line, name] of imports) {
    glue = glue.replace(line, '');
    glue = replaceOnce(glue, `"./${LINK}": ${name},\n`, '', `use of ${name}`);
  }
  glue = replaceOnce(
    glue,
    `"./${NAME}_bg.js": import0,\n`,
    `"./${NAME}_bg.js": import0,\n        "./${LINK}": splitLoaders(() => wasm),\n`,
    'import table of the glue',
  );
  return `import { splitLoaders } from "./${LINK}";\n${glue}`;
}

/**
 * Which wasm files each part fetches, from wasm-split-cli's loader: `{ "plan": ["chunk_5.wasm", …,
 * "split_plan.wasm"] }`. Written as parts.json for the benchmark and the size figures.
 */
function filesOfParts(source) {
  const chunks = new Map(
    [...source.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(chunk_\d+\.wasm)"/g)].map(
      (m) => [m[1], m[2]],
    ),
  );
  const parts = {};
  for (const m of source.matchAll(
    /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(split_\w+\.wasm)"[\s\S]*?, \[([^\]]*)\]\)\);/g,
  )) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean);
    const missing = deps.filter((d) => !chunks.has(d));
    if (missing.length) throw new Error(`split-wasm.mjs: part ${m[1]} needs unknown ${missing.join(', ')}`);
    parts[m[1]] = [...deps.map((d) => chunks.get(d)), m[2]];
  }
  if (Object.keys(parts).length === 0) throw new Error('split-wasm.mjs: found no parts in __wasm_split.js');
  return parts;
}

/**
 * The loader of the parts with every file fetched through `fetchPart`, which takes a response fetched
 * ahead when there is one, and `fetchReaderEarly()`, which fetches the reader's files ahead: the page's
 * loader calls it when the browser holds a widget's saved progress, so the reader (which the first
 * screen then waits for: src/components/root.rs) travels alongside the first screen's wasm instead of
 * after it. Each response fetched ahead is taken once; a second widget, or a retry, fetches again.
 */
function linkWithEarlyReader(source, parts) {
  if (!parts.reader) throw new Error('split-wasm.mjs: no reader part in __wasm_split.js');
  const partFetch = /fetch\(new URL\("(\.\/\w+\.wasm)", import\.meta\.url\)\)/g;
  const fetches = [...source.matchAll(partFetch)];
  const files = new Set(Object.values(parts).flat());
  if (fetches.length !== files.size) {
    throw new Error(`split-wasm.mjs: expected ${files.size} fetches in __wasm_split.js, found ${fetches.length}`);
  }
  const body = source.replace(partFetch, 'fetchPart("$1")');
  return (
    `${body}\n` +
    '/** Responses fetched ahead by `fetchReaderEarly`, by file, each taken once by the load that needs it. */\n' +
    'const early = new Map();\n' +
    'function fetchPart(file) {\n' +
    '  const ahead = early.get(file);\n' +
    '  early.delete(file);\n' +
    '  return ahead ?? fetch(new URL(file, import.meta.url));\n' +
    '}\n' +
    '/** Starts fetching the files of the reader of saved progress (src/core/reader.rs) ahead of need. */\n' +
    'export function fetchReaderEarly() {\n' +
    `  for (const file of ${JSON.stringify(parts.reader.map((f) => `./${f}`))}) {\n` +
    '    if (early.has(file)) continue;\n' +
    '    const response = fetch(new URL(file, import.meta.url));\n' +
    '    response.catch(() => {});\n' +
    '    early.set(file, response);\n' +
    '  }\n' +
    '}\n'
  );
}

const link = readFileSync(path.join(work, LINK), 'utf8');
const filesOf = filesOfParts(link);
writeFileSync(path.join(dir, 'parts.json'), `${JSON.stringify(filesOf, null, 2)}\n`);
writeFileSync(path.join(dir, LINK), linkWithEarlyReader(linkPerInstance(link), filesOf));
writeFileSync(
  path.join(dir, `${NAME}.js`),
  gluePerInstance(readFileSync(path.join(work, 'bindgen', `${NAME}.js`), 'utf8')),
);

// 5. Every wasm file optimised for size, until it stops shrinking.
// RECIPROCITY_WASM_NAMES=1 keeps the functions' names, for a profile in the browser's devtools.
const debugNames = process.env.RECIPROCITY_WASM_NAMES === '1' ? ['--debuginfo'] : ['--strip-debug'];
// What no browser reads: the tools that made the file, and the features it uses (which wasm-opt itself
// reads with --detect-features, so a file loses it in its last pass only).
const lastPass = [...debugNames, '--strip-producers', '--strip-target-features'];
const parts = readdirSync(work).filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f));
for (const [from, to] of [
  [path.join(work, 'bindgen', `${NAME}_bg.wasm`), `${NAME}_bg.wasm`],
  ...parts.map((f) => [path.join(work, f), f]),
]) {
  const where = path.join(dir, to);
  const first = to === `${NAME}_bg.wasm`;
  const last = first ? debugNames : lastPass; // the main file has one more pass (6.)
  // The main file's control flow rebuilt (binaryen's flatten and rereloop) and shrunk again: 734 B gzip
  // less on the first screen; the parts gained or lost a few bytes each, so they keep -Oz alone.
  const rereloop = first ? ['--flatten', '--rereloop', '-Oz', '-Oz'] : [];
  run(path.join(ROOT, 'node_modules/.bin/wasm-opt'), ['--detect-features', '-Oz', '--converge', ...rereloop, ...last, from, '-o', where]);
  console.log(`${to}: ${statSync(from).size} → ${statSync(where).size} bytes`);
}

// 6. Short names for what the main file imports and exports (about 6 KB gzip less, wasm and glue).
const main = path.join(dir, `${NAME}_bg.wasm`);
const renamed = execFileSync(
  path.join(ROOT, 'node_modules/.bin/wasm-opt'),
  // -Oz once more after the renaming: about 300 B gzip less again.
  ['--detect-features', '--minify-imports-and-exports-and-modules', '-Oz', ...lastPass, main, '-o', main],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
);
const shortened = shortNames(renamed);
writeFileSync(path.join(work, 'names.json'), `${JSON.stringify(shortened, null, 2)}\n`);
const module = importModule(main, shortened);
writeFileSync(path.join(dir, LINK), linkWithShortNames(readFileSync(path.join(dir, LINK), 'utf8'), shortened));
const glue = glueWithShortNames(readFileSync(path.join(dir, `${NAME}.js`), 'utf8'), shortened, module);
writeFileSync(path.join(dir, `${NAME}.js`), glue);
console.log(`${NAME}_bg.wasm: ${shortened.imports.length} imports and ${shortened.exports.length} exports renamed → ${statSync(main).size} bytes`);

/**
 * binaryen's map of the renaming (printed on stdout, with trailing commas): `{ imports: [[module,
 * name, short]], exports: [[name, short]] }`. Every import then comes from one module, of a short name.
 */
function shortNames(printed) {
  const map = JSON.parse(printed.replace(/,(\s*[\]}])/g, '$1'));
  if (!Array.isArray(map.imports) || !Array.isArray(map.exports) || map.imports.length === 0) {
    throw new Error('split-wasm.mjs: wasm-opt printed no map of the renamed imports and exports');
  }
  return map;
}

/** `__wasm_split.js` with the loaders under their short import names, reading the short exports. */
function linkWithShortNames(source, { imports, exports }) {
  const short = new Map(exports);
  const taken = ['__indirect_function_table', '__wasm_split_shared0', 'memory'];
  let link = replaceOnce(
    source,
    `const { ${taken.join(', ')},  } = instanceExports();`,
    `const { ${taken.map((n) => `${short.get(n)}: ${n}`).join(', ')} } = instanceExports();`,
    "the parts' use of the instance's exports",
  );
  const list = /^return \{ [^}]* \};$/m.exec(link);
  if (!list) throw new Error('split-wasm.mjs: no list of the loaders in __wasm_split.js');
  const loaders = imports.filter(([module]) => module === `./${LINK}`);
  return link.replace(list[0], () => `return { ${loaders.map(([, name, to]) => `${to}: ${name}`).join(', ')} };`);
}

/** The glue providing its imports under their short names, as `module`, and calling short exports. */
function glueWithShortNames(source, { imports, exports }, module) {
  let glue = source;
  for (const [module, name, to] of imports) {
    if (module !== `./${NAME}_bg.js`) continue;
    const key = new RegExp(`^(\\s+)${name}:`, 'm');
    if ((glue.match(new RegExp(key.source, 'gm')) ?? []).length !== 1) {
      throw new Error(`split-wasm.mjs: expected the glue to provide ${name} once`);
    }
    glue = glue.replace(key, (_, indent) => `${indent}${to}:`);
  }
  glue = replaceOnce(
    glue,
    `"./${NAME}_bg.js": import0,\n        "./${LINK}": splitLoaders(() => wasm),\n`,
    `${JSON.stringify(module)}: Object.assign(import0, splitLoaders(() => wasm)),\n`,
    'import table of the glue',
  );
  for (const [name, to] of exports) {
    glue = glue.replace(new RegExp(`\\bwasm\\.${name}\\b`, 'g'), () => `wasm.${to}`);
  }
  const short = new Set(exports.map(([, to]) => to));
  const unknown = [...glue.matchAll(/\bwasm\.([\w$]+)/g)].map((m) => m[1]).filter((n) => !short.has(n));
  const left = glue.match(/__wbg_\w+_[0-9a-f]{16}\b/g);
  if (unknown.length || left) {
    throw new Error(`split-wasm.mjs: the glue still uses ${[...unknown, ...(left ?? [])].join(', ')}`);
  }
  return glue;
}

/**
 * The one module the renamed wasm imports from. Refuses a build whose wasm asks for an import that is
 * not in the map, so not given by the glue (which provides each name of the map, or fails above).
 */
function importModule(file, { imports }) {
  const wanted = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(file)));
  const modules = [...new Set(wanted.map((i) => i.module))];
  if (modules.length !== 1) throw new Error(`split-wasm.mjs: the wasm imports from ${modules.join(', ')}, not one module`);
  const provided = new Set(imports.map(([, , to]) => to));
  const missing = wanted.filter((i) => !provided.has(i.name));
  if (missing.length) {
    throw new Error(`split-wasm.mjs: the wasm imports ${missing.map((i) => i.name).join(', ')}, which the glue does not provide`);
  }
  return modules[0];
}
