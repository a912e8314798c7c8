// The byte budget of the English two-line embed, checked in CI: every file a visitor downloads before
// the widget's first screen (the loader, the JS glue, the WebAssembly of the first screen and the
// loader of its other parts, the stylesheet and the words), gzip -9. The parts fetched when a section
// is first opened (split_*.wasm, chunk_*.wasm) are not in it: `node tests/e2e/bench.mjs` prints them.
//
//   node scripts/size-budget.mjs [dist]            # prints the figures; fails over budget
//   node scripts/size-budget.mjs [dist] --record   # writes today's figures as the reference
//
// `size-budget.json` holds the budget (the total allowed) and the reference size of each file. Over
// budget, the check fails and names every file that grew past its reference, so the change that grew
// it is easy to find. Timings stay out of CI (too noisy); bytes are exact.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_FILE = path.join(ROOT, 'size-budget.json');
const FILES = [
  'reciprocity-widget.js',
  'reciprocity-core.js',
  'reciprocity-core_bg.wasm',
  // The loader of the parts that arrive on first use (scripts/split-wasm.mjs), imported by the glue.
  '__wasm_split.js',
  'reciprocity-widget.css',
  // The English words, fetched beside the wasm for every English visitor.
  'text/en.json',
];
/** Headroom above the reference total before the check fails. */
const HEADROOM = 3 * 1024;

const args = process.argv.slice(2);
const dist = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'dist'));
const record = args.includes('--record');

const sizes = Object.fromEntries(
  FILES.map((file) => {
    const bytes = readFileSync(path.join(dist, file));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return [file, { raw: bytes.length, gzip, brotli }];
  }),
);
const total = (key) => Object.values(sizes).reduce((sum, s) => sum + s[key], 0);

const pad = (text, n) => String(text).padStart(n);
console.log(`${'file'.padEnd(28)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}`);
for (const [file, s] of Object.entries(sizes)) {
  console.log(`${file.padEnd(28)}${pad(s.raw, 10)}${pad(s.gzip, 10)}${pad(s.brotli, 10)}`);
}
console.log(`${'total'.padEnd(28)}${pad(total('raw'), 10)}${pad(total('gzip'), 10)}${pad(total('brotli'), 10)}`);

if (record) {
  const files = Object.fromEntries(Object.entries(sizes).map(([file, s]) => [file, s.gzip]));
  const reference = total('gzip');
  const budget = { budget_gzip: reference + HEADROOM, reference_gzip: reference, files };
  writeFileSync(BUDGET_FILE, `${JSON.stringify(budget, null, 2)}\n`);
  console.log(`recorded: reference ${reference} B gzip, budget ${reference + HEADROOM} B`);
  process.exit(0);
}

const { budget_gzip: budget, files: reference } = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'));
const gzip = total('gzip');
console.log(`budget: ${gzip} of ${budget} B gzip (${budget - gzip} B left)`);
if (gzip > budget) {
  const grown = FILES.filter((file) => sizes[file].gzip > (reference[file] ?? 0)).map(
    (file) => `${file}: ${reference[file] ?? 0} → ${sizes[file].gzip} B gzip (+${sizes[file].gzip - (reference[file] ?? 0)})`,
  );
  console.error(`\nThe English embed is ${gzip - budget} B over its budget of ${budget} B gzip.`);
  console.error(`Grown past the reference in size-budget.json:\n  ${grown.join('\n  ') || '(no single file: all grew a little)'}`);
  console.error('Take the bytes back, or, if the growth is worth it, say so in the change and run');
  console.error('`node scripts/size-budget.mjs --record` to move the reference.');
  process.exit(1);
}
