// Size and speed figures of a release build. Prints figures only: no pass/fail.
//
//   node tests/e2e/bench.mjs [dist]        (scripts/bench.sh builds first, then runs this)
//   BENCH_RUNS=15 node tests/e2e/bench.mjs  more cold loads per row (default 5)
//
// Sizes: raw, gzip -9 and brotli (quality 11) of what a clinic's page loads for the two-line embed
// (reciprocity-widget.js and the files it loads), what iframe mode adds, the optional host script, and
// what opening "Learn more" fetches later (not part of the first screen); demo pages and their styles
// are left out. (A build without reciprocity-widget.js: every .wasm, .js and
// .css file.)
// Speed, in headless Chromium, each load in a new browser context (empty cache and storage):
//   - navigation start → first checklist checkbox in the widget's shadow root, on the demo page
//     (index.html: the custom element; Yew attaches handlers as it renders), at CPU 1× and 4×, with
//     the optional preload lines of docs/EMBEDDING.md, and as Lighthouse's mobile profile (CPU 4× on
//     a slow 4G network: the row where the bytes show),
//   - the same to the first quiz option, with a check in progress pre-seeded,
//   - the same in iframe mode: iframe.html's navigation start → first checkbox inside embed.html,
//   - pointerdown on a checkbox → the widget's localStorage.setItem call for its key has returned,
//   - where the first screen's time goes, at CPU 1× and 4×: when the loader runs, the wasm is compiled,
//     the instance is ready, the element is defined, the widget starts, the first checkbox is in the
//     DOM; and the waterfall (each file's request start and response end) of the median 4× load,
// and the size of the saved document after the whole check and all checklist actions.
// A load is not asked anything until its moment has come: the page announces it (tests/e2e/watch.mjs).

import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer } from './server.mjs';
import { KEY, content, launchBrowser } from './harness.mjs';
import { SLOW_4G, announced, coldLoad, freshContext, watchFor } from './watch.mjs';

// Cold loads per row; BENCH_RUNS=15 for a steadier median (this machine's spread at CPU 4× is wide).
const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? '5', 10) || 5);
const BUDGET_GZIP = 100 * 1024; // 100 KB
const dist = path.resolve(process.argv[2] ?? 'dist');

// ---- formatting ----------------------------------------------------------------------------------

const int = (n) => n.toLocaleString('en-US');
const ms = (n) => `${n.toFixed(1)} ms`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
const timing = (label, xs) => [label, ms(median(xs)), ms(Math.min(...xs)), ms(Math.max(...xs)), xs.map((x) => x.toFixed(1)).join(', ')];

// ---- sizes ---------------------------------------------------------------------------------------

/** The files of each way in, as shipped; `null` for a build without the custom element. */
const GROUPS = [
  {
    name: 'two-line embed (custom element)',
    files: [
      'reciprocity-core_bg.wasm',
      'reciprocity-core.js',
      '__wasm_split.js',
      'reciprocity-widget.js',
      'reciprocity-widget.css',
      'text/en.json',
    ],
  },
  { name: 'iframe mode adds (embed.html)', files: ['embed.html', 'embed.js', 'embed.css'] },
  { name: 'optional host script (iframe)', files: ['reciprocity-frame.js'] },
  { name: 'fetched when a visitor first opens Learn more', files: ['learn/en.json'] },
];

/** What each part of the wasm (src/components/lazy.rs) holds, as the benchmark names it. */
const PART_NAMES = {
  quiz: 'the check',
  plan: 'the plan (with its history and the page to print)',
  practice: 'Practice',
  together: 'the check taken together',
  learn: 'Learn more (reading and drawing its text; the text itself is learn/en.json)',
  data: 'Your data (its controls but Delete everything, which is on the first screen)',
};

/** Parts fetched on an occasion other than a section's first opening: what the group is called. */
const PART_OCCASIONS = {
  results: 'fetched with the check on a page that sets share-results-with-page (the scoring its event needs)',
  reader: 'fetched before the first screen when the browser holds saved progress, or when another tab changes it (reading and merging saved progress)',
};
/** Parts that draw nothing, or have words of their own: they fetch no section words or stylesheet. */
const WITHOUT_SECTION_WORDS = ['learn', 'results', 'reader'];

async function sizes() {
  const present = await readdir(dist);
  if (!present.includes('reciprocity-widget.js')) {
    const files = present.filter((f) => /\.(wasm|js|css)$/.test(f)).sort((a, b) => {
      const order = (f) => ['.wasm', '.js', '.css'].indexOf(path.extname(f));
      return order(a) - order(b) || a.localeCompare(b);
    });
    if (!files.length) throw new Error(`no .wasm/.js/.css files in ${dist}: build first`);
    return sizeRows(files);
  }
  // The parts of the wasm that arrive when a section is first opened (scripts/split-wasm.mjs writes
  // which files each part fetches; a part shares some with others, fetched once for both), and with
  // the first section opened, the words and the stylesheet only the sections read (not Learn's code:
  // its text is apart).
  const sectionWords = ['text/en.parts.json', 'reciprocity-parts.css'].filter((f) => existsSync(path.join(dist, f)));
  const parts = existsSync(path.join(dist, 'parts.json'))
    ? Object.entries(JSON.parse(await readFile(path.join(dist, 'parts.json'), 'utf8'))).map(([part, files]) => ({
        name: PART_OCCASIONS[part] ?? `fetched when a visitor first opens ${PART_NAMES[part] ?? part}`,
        files: WITHOUT_SECTION_WORDS.includes(part) ? files : [...files, ...sectionWords],
      }))
    : [];
  const groups = [];
  for (const group of [...GROUPS, ...parts]) {
    const files = group.files.filter((f) => existsSync(path.join(dist, f)));
    // (A build from before the words left the wasm has no text/en.json, and one from before the wasm
    // was split no __wasm_split.js: both can still be compared.)
    const missing = group.files.filter((f) => !files.includes(f) && f !== 'text/en.json' && f !== '__wasm_split.js');
    if (missing.length && group === GROUPS[0]) throw new Error(`missing in ${dist}: ${missing.join(', ')}`);
    groups.push({ ...group, ...(await sizeRows(files)) });
  }
  return { groups, total: groups[0].total };
}

async function sizeRows(files) {
  const rows = [];
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const body = await readFile(path.join(dist, file));
    const raw = body.length;
    const gzip = zlib.gzipSync(body, { level: 9 }).length;
    const brotli = zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw,
        ...(file.endsWith('.wasm') ? {} : { [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT }),
      },
    }).length;
    total.raw += raw;
    total.gzip += gzip;
    total.brotli += brotli;
    rows.push([file, int(raw), int(gzip), int(brotli)]);
  }
  rows.push(['total', int(total.raw), int(total.gzip), int(total.brotli)]);
  return { rows, total };
}

// ---- browser -------------------------------------------------------------------------------------

function seed([key, value]) {
  if (location.hostname === '127.0.0.1') localStorage.setItem(key, value);
}

/** Times from the last pointerdown (and click) to the return of the next setItem of `key`. */
function timeSaves(key) {
  window.__benchSaves = [];
  let down = null;
  let click = null;
  addEventListener('pointerdown', () => (down = performance.now()), true);
  addEventListener('click', () => (click = performance.now()), true);
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const result = setItem.call(this, k, v);
    if (k === key && down !== null) {
      const now = performance.now();
      window.__benchSaves.push({ fromPointerdown: now - down, fromClick: click === null ? null : now - click });
      down = click = null;
    }
    return result;
  };
}


/**
 * The moments of a cold load, in ms since navigation start: the loader runs (it starts the wasm
 * download and compilation), the wasm is compiled, the instance is ready, the element is defined, the
 * shadow root is attached, the first checkbox is in it. Page-side, by wrapping the browser calls the
 * loader makes; with the resource timings of the files (the waterfall).
 */
function watchPhases() {
  const at = (window.__benchPhases = {});
  const mark = (name) => {
    if (name in at) return;
    at[name] = performance.now();
    // The last moment: see `announced` in watch.mjs.
    if (name === 'checkbox') console.debug('__bench checkbox');
  };
  const compileStreaming = WebAssembly.compileStreaming;
  WebAssembly.compileStreaming = function (...args) {
    mark('loader');
    return compileStreaming.apply(this, args).then((module) => (mark('compiled'), module));
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then((result) => (mark('instance'), result));
  };
  // The loader instantiates the compiled module with the glue's `initSync`: `new WebAssembly.Instance`.
  // (Builds before that went through `WebAssembly.instantiate`, above: both are watched, so a build of
  // either kind can be measured against the other.)
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget);
      mark('instance');
      return instance;
    },
  });
  const define = customElements.define.bind(customElements);
  customElements.define = (...args) => (mark('defined'), define(...args));
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    mark('shadow');
    const root = attachShadow.call(this, init);
    new MutationObserver(() => root.querySelector('.rw-check input') && mark('checkbox')).observe(root, {
      childList: true,
      subtree: true,
    });
    return root;
  };
}

const PHASES = [
  ['loader', 'the loader runs (requests the glue, wasm and stylesheet)'],
  ['compiled', 'the wasm is downloaded and compiled'],
  ['instance', 'the instance is ready'],
  ['defined', 'the element is defined'],
  ['shadow', 'the widget starts (shadow root attached)'],
  ['checkbox', 'the first checkbox is in the DOM'],
];

async function phasedLoad(browser, url, cpu) {
  const context = await freshContext(browser, [[watchPhases]]);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const checkbox = announced(page, 'checkbox');
    await page.goto(url, { waitUntil: 'commit' });
    await checkbox;
    return await page.evaluate(() => ({
      ...window.__benchPhases,
      files: performance
        .getEntriesByType('resource')
        .map((e) => [new URL(e.name).pathname.split('/').pop(), e.startTime, e.responseEnd]),
    }));
  } finally {
    await context.close();
  }
}

/** Like coldLoad, for a widget inside an iframe: from the top page's navigation start. */
async function coldLoadInFrame(browser, url, frameUrlPart, selector) {
  const context = await freshContext(browser, [[watchFor, selector]]);
  try {
    const page = await context.newPage();
    // The frame's console messages are the page's too.
    const seen = announced(page, 'seen');
    await page.goto(url, { waitUntil: 'commit' });
    await seen;
    const frame = await waitForFrame(page, frameUrlPart);
    const seenAt = await frame.evaluate(() => window.__benchSeenAt);
    return seenAt - (await page.evaluate(() => performance.timeOrigin));
  } finally {
    await context.close();
  }
}

async function waitForFrame(page, urlPart) {
  for (let i = 0; i < 300; i++) {
    const frame = page.frames().find((f) => f.url().includes(urlPart));
    if (frame) return frame;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no frame with ${urlPart} in its URL`);
}

async function clickToSaved(browser, url) {
  const context = await freshContext(browser, [[timeSaves, KEY]]);
  try {
    const page = await context.newPage();
    await page.goto(url);
    const boxes = page.locator('.rw-checklist .rw-check input');
    await boxes.first().waitFor();
    const results = [];
    const count = await boxes.count();
    for (let i = 0; i < RUNS; i++) {
      // Another box each time (a box again untick it): every click changes the document.
      await boxes.nth((i * 4 + 1) % count).click();
      await page.waitForFunction((n) => window.__benchSaves.length > n, i);
      results.push((await page.evaluate(() => window.__benchSaves))[i]);
    }
    return results;
  } finally {
    await context.close();
  }
}

async function fullState(browser, url) {
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    const boxes = page.locator('.rw-checklist .rw-check input');
    await boxes.first().waitFor();
    const count = await boxes.count();
    for (let i = 0; i < count; i++) await boxes.nth(i).check();

    const ui = content.ui;
    await page.locator('nav[aria-label="Sections"]').getByRole('button', { name: ui.nav_quiz, exact: true }).click();
    await page.getByRole('radio', { name: content.contexts[0].label, exact: true }).check();
    await page.getByRole('button', { name: ui.start, exact: true }).click();
    await page.getByRole('button', { name: ui.content_note_include, exact: true }).click();
    const questions = content.items.length + 1;
    for (let q = 0; q < questions; q++) {
      await page.locator('.rw-question .rw-progress-label', { hasText: `Question ${q + 1} of ${questions}` }).waitFor();
      const options = q === questions - 1 ? content.balance.options : content.scale;
      await page.locator('.rw-question').getByRole('radio', { name: options[q % options.length], exact: true }).check();
      await page.locator('.rw-quiz-nav .rw-button:not(.rw-button-quiet)').click();
    }
    await page.locator('.rw-plan table').waitFor();
    const text = await page.evaluate((k) => localStorage.getItem(k), KEY);
    const doc = JSON.parse(text);
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return {
      heap: usedSize,
      bytes: Buffer.byteLength(text, 'utf8'),
      chars: text.length,
      actions: doc.checklist.done.length,
      answers: Object.keys(doc.quiz.attempts.at(-1).answers).length,
    };
  } finally {
    await context.close();
  }
}

// ---- main ----------------------------------------------------------------------------------------

const measured = await sizes();
const { total } = measured;
console.log(`Reciprocity widget benchmark: ${dist}\n`);
if (measured.groups) {
  for (const group of measured.groups) {
    if (!group.rows.length) continue;
    console.log(`Transfer size (bytes): ${group.name}`);
    console.log(table(['file', 'raw', 'gzip -9', 'brotli 11'], group.rows));
    console.log('');
  }
  console.log('(Demo pages and their stylesheets are not counted.)');
} else {
  console.log('Transfer size (bytes)');
  console.log(table(['file', 'raw', 'gzip -9', 'brotli 11'], measured.rows));
}
console.log(
  `\nBudget: ${measured.groups ? 'two-line embed' : 'total'} gzip ${int(total.gzip)} bytes ` +
    `(${(total.gzip / 1024).toFixed(1)} KB) vs 100 KB ` +
    `(${int(BUDGET_GZIP)} bytes): ${((100 * total.gzip) / BUDGET_GZIP).toFixed(0)}% of the budget`,
);
const iframeMode = measured.groups && (await readdir(dist)).includes('iframe.html');

const server = await startServer(dist);
const browser = await launchBrowser();
// The demo page with the optional lines of docs/EMBEDDING.md ("start the downloads even earlier"), which
// let the browser fetch the widget's files while it still reads the page.
const PRELOADS = [
  '<link rel="modulepreload" href="reciprocity-widget.js">',
  '<link rel="modulepreload" href="reciprocity-core.js">',
  '<link rel="modulepreload" href="__wasm_split.js">',
  '<link rel="preload" href="reciprocity-core_bg.wasm" as="fetch" crossorigin>',
  '<link rel="preload" href="reciprocity-widget.css" as="style">',
  '<link rel="preload" href="text/en.json" as="fetch" crossorigin>',
].join('');
const demo = await readFile(path.join(dist, 'index.html'), 'utf8');
const preloadedUrl = new URL('preloaded.html', server.url).href;
const preloaded = demo.replace('<head>', `<head>${PRELOADS}`);
try {
  const checklist = [];
  const slowed = [];
  const early = [];
  const earlySlowed = [];
  const phone = [];
  const quiz = [];
  const framed = [];
  for (let i = 0; i < RUNS; i++) {
    checklist.push(await coldLoad(browser, server.url, '.rw-check input'));
    slowed.push(await coldLoad(browser, server.url, '.rw-check input', [], { cpu: 4 }));
    early.push(await coldLoad(browser, preloadedUrl, '.rw-check input', [], { html: preloaded }));
    earlySlowed.push(await coldLoad(browser, preloadedUrl, '.rw-check input', [], { html: preloaded, cpu: 4 }));
    phone.push(await coldLoad(browser, server.url, '.rw-check input', [], { cpu: 4, network: SLOW_4G }));
    const seeded = JSON.stringify({
      schema: 5,
      view: 'quiz',
      // Past the content note, on the first statement.
      quiz: { attempts: [{ started: 1, context: 'partner', question: 0, answers: {}, skip_sensitive: false }] },
    });
    quiz.push((await coldLoad(browser, server.url, '.rw-option input', [[seed, [KEY, seeded]]])).seen);
    if (iframeMode) {
      framed.push(await coldLoadInFrame(browser, new URL('iframe.html', server.url).href, 'embed.html', '.rw-check input'));
    }
  }
  const phased = { 1: [], 4: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const cpu of [1, 4]) phased[cpu].push(await phasedLoad(browser, server.url, cpu));
  }
  const saves = await clickToSaved(browser, server.url);
  const state = await fullState(browser, server.url);

  console.log(`\nTimings in headless Chromium ${browser.version()} (${RUNS} runs each, localhost; CPU not slowed unless said)`);
  console.log(
    table(
      ['measure', 'median', 'min', 'max', 'runs'],
      [
        timing('navigation start → first checklist checkbox', checklist.map((r) => r.seen)),
        timing('  the same with the CPU slowed 4× (a mid-range phone)', slowed.map((r) => r.seen)),
        timing('  longest task before it, CPU 1×', checklist.map((r) => Math.max(0, ...r.longTasks))),
        timing('  longest task before it, CPU 4×', slowed.map((r) => Math.max(0, ...r.longTasks))),
        timing('  with the optional preload lines, CPU 1×', early.map((r) => r.seen)),
        timing('  with the optional preload lines, CPU 4×', earlySlowed.map((r) => r.seen)),
        timing('  CPU 4× on a slow 4G network (Lighthouse mobile: 150 ms, 1.6 Mbit/s)', phone.map((r) => r.seen)),
        timing('navigation start → first quiz option (seeded)', quiz),
        ...(iframeMode ? [timing('iframe mode: navigation start → first checkbox', framed)] : []),
        timing('pointerdown → saved (setItem returned)', saves.map((s) => s.fromPointerdown)),
        timing('  of which click event → saved', saves.map((s) => s.fromClick)),
      ],
    ),
  );
  if (measured.groups) {
    console.log(
      '  (the first two: the demo page, index.html, with the two-line embed: the checkbox or option is\n' +
        '   found inside the element\'s shadow root; iframe mode: iframe.html\'s navigation start to the first\n' +
        '   checkbox in the shadow root inside embed.html)',
    );
  }
  console.log(
    '  (pointerdown → saved includes the gap between the mouse down and up events the automation sends)',
  );
  console.log(`\nWhere the first screen's time goes (the demo page; median of ${RUNS} cold loads; ms since navigation start)`);
  console.log(
    table(
      ['moment', 'CPU 1×', 'CPU 4×'],
      PHASES.map(([key, label]) => [label, ...[1, 4].map((cpu) => ms(median(phased[cpu].map((p) => p[key]))))]),
    ),
  );
  const middle = [...phased[4]].sort((a, b) => a.checkbox - b.checkbox)[phased[4].length >> 1];
  console.log('Waterfall of that median CPU 4× load (request start → response end, ms since navigation start)');
  console.log(
    table(
      ['file', 'start', 'end'],
      middle.files.map(([file, start, end]) => [file, ms(start), ms(end)]),
    ),
  );
  const heapKB = (bytes) => `${int(Math.round(bytes / 1024))} KB`;
  const heaps = checklist.map((r) => r.heap).sort((a, b) => a - b);
  console.log(
    `\nJS heap (Runtime.getHeapUsage): after load ${heapKB(heaps[Math.floor(heaps.length / 2)])} (median), ` +
      `after the whole check and checklist ${heapKB(state.heap)}`,
  );
  console.log(
    `Long tasks (over 50 ms) before the first checkbox, per run: CPU 1× ` +
      `[${checklist.map((r) => r.longTasks.map(Math.round).join('+') || '0').join(', ')}], CPU 4× ` +
      `[${slowed.map((r) => r.longTasks.map(Math.round).join('+') || '0').join(', ')}] ms`,
  );
  console.log(
    `\nSaved state after the whole check and all ${state.actions} checklist actions ` +
      `(${state.answers} answers): ${int(state.bytes)} bytes` +
      (state.chars !== state.bytes ? ` (${int(state.chars)} UTF-16 code units)` : ''),
  );
} finally {
  await browser.close();
  await server.close();
}
