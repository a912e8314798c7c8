// Shared helpers for the end-to-end tests and the benchmark: the browser, one isolated context per test
// with the network fenced to 127.0.0.1, error collection, axe-core scans, keyboard helpers and
// screenshots of failures.

import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.resolve(process.env.DIST ?? path.join(ROOT, 'dist'));
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
/** The key of the default widget's document in localStorage. */
export const KEY = 'reciprocity-widget/v1/default';
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const require = createRequire(import.meta.url);
const { chromium } = require(path.join(ROOT, 'node_modules/playwright-core'));

/** The English content the build was made from: the tests find controls by the words visitors read. */
export const content = JSON.parse(await readFile(path.join(ROOT, 'content/en.json'), 'utf8'));

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/**
 * Runs `body` with a fresh browser context and tears it down. Fails the test when
 *   - any request left 127.0.0.1 (it is aborted and recorded),
 *   - a page threw, or logged a console error not matched by `allowErrors` (regexes, per test),
 * and saves a screenshot of every open page into test-artifacts/ when anything failed.
 *
 * `body` gets { context, page, newPage, blocked, errors }; `page` is the first page, already open.
 */
export async function withContext(t, browser, body, { allowErrors = [], initScripts = [] } = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const blocked = [];
  const errors = [];
  const pages = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {}
    if (host !== '127.0.0.1') {
      blocked.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  for (const [script, arg] of initScripts) await context.addInitScript(script, arg);
  context.on('page', (page) => {
    const n = pages.push(page);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push({ page: n, kind: 'console', text: message.text() });
    });
    page.on('pageerror', (error) =>
      errors.push({ page: n, kind: 'pageerror', text: `${error.name}: ${error.message}` }),
    );
  });
  const newPage = () => context.newPage();
  let failed = true;
  try {
    const page = await newPage();
    await body({ context, page, newPage, blocked, errors });
    failed = false;
  } finally {
    const unexpected = errors.filter(
      (e) => !(e.kind === 'console' && allowErrors.some((pattern) => pattern.test(e.text))),
    );
    if (failed || unexpected.length || blocked.length) {
      await mkdir(ARTIFACTS, { recursive: true });
      for (const [i, page] of pages.entries()) {
        if (page.isClosed()) continue;
        const file = path.join(ARTIFACTS, `${slug(t.name)}-page${i + 1}.png`);
        try {
          await page.screenshot({ path: file, fullPage: true, timeout: 5000 });
          t.diagnostic(`screenshot: ${path.relative(ROOT, file)}`);
        } catch (error) {
          t.diagnostic(`screenshot of page ${i + 1} failed: ${error.message}`);
        }
      }
      for (const e of errors) t.diagnostic(`page ${e.page} ${e.kind}: ${e.text}`);
    }
    await context.close();
    if (!failed) {
      assert.deepEqual(blocked, [], `requests to hosts other than 127.0.0.1 (aborted): ${blocked.join(', ')}`);
      assert.deepEqual(
        unexpected.map((e) => `page ${e.page} ${e.kind}: ${e.text}`),
        [],
        'page errors or unexpected console errors',
      );
    }
  }
}

/** Loads the widget page and waits until the widget has rendered. */
export async function openWidget(page, url) {
  await page.goto(url);
  await page.locator('.rw-widget nav[aria-label="Sections"]').waitFor();
}

/** Polls `check` (which should throw an assertion error until it holds) for up to `timeout` ms. */
export async function eventually(check, { timeout = 5000, interval = 50 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

export async function storedText(page, key = KEY) {
  return page.evaluate((k) => window.localStorage.getItem(k), key);
}

export async function storageEntries(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).map((k) => [
        k,
        localStorage.getItem(k),
      ]),
    ),
  );
}

/** Text of the notices in the widget's alert region. */
export async function noticeTexts(page) {
  return page.locator('.rw-notices[role="alert"] .rw-notice p').allTextContents();
}

/** The text of the widget's overall checklist progress ("5 of 28 done"). */
export async function checklistProgress(page) {
  return (await page.locator('.rw-checklist > .rw-progress .rw-progress-label').textContent())?.trim();
}

/** Labels of the checked checkboxes in the checklist view. */
export async function checkedActions(page) {
  return page.locator('.rw-checklist .rw-check:has(input:checked) span').allTextContents();
}

// ---- keyboard ------------------------------------------------------------------------------------

/** What has focus (inside shadow roots too), in the words a visitor sees. */
export async function focused(page) {
  return page.evaluate(() => {
    // The widget lives in a shadow root: follow focus into it (document.activeElement is the host).
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return { tag: 'body', text: '' };
    const label = el.closest('label');
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      text: (label ?? el).textContent.trim().replace(/\s+/g, ' '),
      checked: 'checked' in el ? el.checked : null,
      focusTarget: el.dataset.focus ?? null,
      inNav: Boolean(el.closest('nav[aria-label="Sections"]')),
      current: el.getAttribute('aria-current'),
    };
  });
}

/**
 * Presses `key` until the focused element satisfies `match` (a function of `focused()`), at most `max`
 * times. Fails with the path focus took.
 */
export async function pressUntil(page, key, match, { max = 60, what = 'the target' } = {}) {
  const start = await focused(page);
  const trail = [`(from ${start.tag}${start.type ? `[${start.type}]` : ''} "${start.text.slice(0, 40)}")`];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (match(now)) return now;
    trail.push(`${now.tag}${now.type ? `[${now.type}]` : ''} "${now.text.slice(0, 40)}"`);
  }
  assert.fail(`${key} ×${max} never reached ${what}; focus went: ${trail.join(' → ')}`);
}

// ---- axe-core ------------------------------------------------------------------------------------

const AXE_SOURCE = await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Runs axe-core on the whole page with the WCAG 2.0/2.1/2.2 A and AA rules; returns the violations. */
export async function axeScan(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  return page.evaluate(
    async (tags) => {
      const results = await window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
      }));
    },
    AXE_TAGS,
  );
}

export function formatViolations(violations) {
  return violations
    .map((v) =>
      [
        `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
        ...v.nodes.map(
          (n) =>
            `    - ${n.target}\n      ${n.html.slice(0, 200)}\n      ${(n.summary ?? '').replace(/\n/g, '\n      ')}`,
        ),
      ].join('\n'),
    )
    .join('\n');
}

/** Asserts the page has no axe violations, printing them readably if it has. */
export async function assertAccessible(page, where) {
  const violations = await axeScan(page);
  assert.equal(
    violations.length,
    0,
    `axe-core found ${violations.length} WCAG A/AA violation(s) on ${where}:\n${formatViolations(violations)}`,
  );
}
