// Size and speed figures of a release build. Prints figures only: no pass/fail.
//
//   node tests/e2e/bench.mjs [dist]        (scripts/bench.sh builds first, then runs this)
//
// Sizes: every shipped .wasm, .js and .css file raw, gzip -9 and brotli (quality 11).
// Speed, in headless Chromium, each load in a new browser context (empty cache and storage):
//   - navigation start → first checklist checkbox in the DOM (Yew attaches handlers as it renders),
//   - navigation start → first quiz option in the DOM, with a check in progress pre-seeded,
//   - pointerdown on a checkbox → the widget's localStorage.setItem call for its key has returned,
// and the size of the saved document after the whole check and all checklist actions.

import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer } from './server.mjs';
import { KEY, content, launchBrowser } from './harness.mjs';

const RUNS = 5;
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

async function sizes() {
  const files = (await readdir(dist)).filter((f) => /\.(wasm|js|css)$/.test(f)).sort((a, b) => {
    const order = (f) => ['.wasm', '.js', '.css'].indexOf(path.extname(f));
    return order(a) - order(b) || a.localeCompare(b);
  });
  if (!files.length) throw new Error(`no .wasm/.js/.css files in ${dist}: build first`);
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

/** A fresh context (no cache, no storage) whose requests cannot leave 127.0.0.1. */
async function freshContext(browser, initScripts = []) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient'),
  );
  for (const [script, arg] of initScripts) await context.addInitScript(script, arg);
  return context;
}

/** Records performance.now() (ms since navigation start) when `selector` first matches. */
function watchFor(selector) {
  window.__benchSeen = null;
  const observer = new MutationObserver(() => {
    if (window.__benchSeen === null && document.querySelector(selector)) {
      window.__benchSeen = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

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

async function coldLoad(browser, url, selector, initScripts = []) {
  const context = await freshContext(browser, [...initScripts, [watchFor, selector]]);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__benchSeen !== null, null, { timeout: 30_000 });
    return await page.evaluate(() => window.__benchSeen);
  } finally {
    await context.close();
  }
}

async function clickToSaved(browser, url) {
  const context = await freshContext(browser, [[timeSaves, KEY]]);
  try {
    const page = await context.newPage();
    await page.goto(url);
    const boxes = page.locator('.rw-checklist .rw-check input');
    await boxes.first().waitFor();
    const results = [];
    for (let i = 0; i < RUNS; i++) {
      // A different step each time, so every click changes the document.
      await boxes.nth(i * 4 + 1).click();
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
    await page.goto(url);
    const boxes = page.locator('.rw-checklist .rw-check input');
    await boxes.first().waitFor();
    const count = await boxes.count();
    for (let i = 0; i < count; i++) await boxes.nth(i).check();

    const ui = content.ui;
    await page.locator('nav[aria-label="Sections"]').getByRole('button', { name: ui.nav_quiz, exact: true }).click();
    await page.getByRole('radio', { name: content.contexts[0].label, exact: true }).check();
    await page.getByRole('button', { name: ui.start, exact: true }).click();
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
    return {
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

const { rows, total } = await sizes();
console.log(`Reciprocity widget benchmark: ${dist}\n`);
console.log('Transfer size (bytes)');
console.log(table(['file', 'raw', 'gzip -9', 'brotli 11'], rows));
console.log(
  `\nBudget: total gzip ${int(total.gzip)} bytes (${(total.gzip / 1024).toFixed(1)} KB) vs 100 KB ` +
    `(${int(BUDGET_GZIP)} bytes): ${((100 * total.gzip) / BUDGET_GZIP).toFixed(0)}% of the budget`,
);

const server = await startServer(dist);
const browser = await launchBrowser();
try {
  const checklist = [];
  const quiz = [];
  for (let i = 0; i < RUNS; i++) {
    checklist.push(await coldLoad(browser, server.url, '.rw-check input'));
    const seeded = JSON.stringify({
      schema: 2,
      view: 'quiz',
      quiz: { attempts: [{ started: 1, context: 'partner', question: 0, answers: {} }] },
    });
    quiz.push(await coldLoad(browser, server.url, '.rw-option input', [[seed, [KEY, seeded]]]));
  }
  const saves = await clickToSaved(browser, server.url);
  const state = await fullState(browser, server.url);

  console.log(`\nTimings in headless Chromium ${browser.version()} (${RUNS} runs each, localhost, no throttling)`);
  console.log(
    table(
      ['measure', 'median', 'min', 'max', 'runs'],
      [
        timing('navigation start → first checklist checkbox', checklist),
        timing('navigation start → first quiz option (seeded)', quiz),
        timing('pointerdown → saved (setItem returned)', saves.map((s) => s.fromPointerdown)),
        timing('  of which click event → saved', saves.map((s) => s.fromClick)),
      ],
    ),
  );
  console.log(
    '  (pointerdown → saved includes the gap between the mouse down and up events the automation sends)',
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
