// Shared helpers for the end-to-end tests and the benchmark: the browser, one isolated context per test
// with the network fenced to 127.0.0.1, error collection, axe-core scans, keyboard helpers and
// screenshots of failures.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { startServer } from './server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.resolve(process.env.DIST ?? path.join(ROOT, 'dist'));
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
/** Where the screenshots of the views go, on every run. */
export const SCREENS = path.join(ARTIFACTS, 'screens');
/** The key of the default widget's document in localStorage. */
export const KEY = 'reciprocity-widget/v1/default';
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const require = createRequire(import.meta.url);
const { chromium } = require(path.join(ROOT, 'node_modules/playwright-core'));

/**
 * A language's content file as the tests read it: its interface words in one `ui`, whether the first
 * screen's (`ui`) or those that come with the sections arriving on first use (`part_ui`).
 */
export async function contentIn(lang) {
  const content = JSON.parse(await readFile(path.join(ROOT, `content/${lang}.json`), 'utf8'));
  return { ...content, ui: { ...content.ui, ...content.part_ui } };
}

/** The English content the build was made from: the tests find controls by the words visitors read. */
export const content = await contentIn('en');

/**
 * The checklist actions shown for `relationship` ("partner", …; null when none is chosen: every
 * action), in display order.
 */
export function actionsFor(relationship) {
  return content.steps
    .flatMap((s) => s.actions)
    .filter((a) => !relationship || !a.only_for || a.only_for.includes(relationship));
}

/**
 * An action's words as the checklist shows them for `relationship`: its wording for that relationship,
 * followed by "When it feels safe to do so." where it asks for repair, openness, patience or a first move.
 */
export function actionLabel(action, relationship = null) {
  const text = (relationship && action.by_context?.[relationship]) || action.text;
  return action.ask_safe ? `${text} ${content.ui.action_when_safe}` : text;
}

/** Headless Chromium; `options` are added to playwright's launch options (e.g. `ignoreDefaultArgs`). */
/** The storage key of a widget's `namespace`. */
export const keyOf = (namespace) => `reciprocity-widget/v1/${namespace}`;

/**
 * Makes the page's requests matching `pattern` fail as if offline, until `reconnect()` (and again after
 * `disconnect()`); `asked()` is how many it has made.
 */
export async function offlineFor(page, pattern) {
  let offline = true;
  let asked = 0;
  await page.route(pattern, (route) => {
    asked += 1;
    return offline ? route.abort('internetdisconnected') : route.continue();
  });
  return { reconnect: () => (offline = false), disconnect: () => (offline = true), asked: () => asked };
}

/**
 * Waits until what arrives with a part inside `scope` is drawn (the part's "Loading…" is gone): a
 * section, or the controls of "Your data", whose panel shows at once.
 */
export const partArrived = (scope) => scope.locator('.rw-part-status').waitFor({ state: 'detached' });

/** Noon UTC on a day of 2026 (month from 1): a date no time zone moves to another day. */
export const day = (month, date) => Date.UTC(2026, month - 1, date, 12);

/**
 * A finished check, as the saved document holds it: every give statement `give`, every receive
 * statement `receive`, except the forms in `notApplicable`, answered "Doesn't apply to us lately".
 */
export function finishedCheck(at, { give, receive, context = 'partner', notApplicable = [] }) {
  const answers = {};
  for (const item of content.items) {
    answers[item.id] = notApplicable.includes(item.form) ? 'not_applicable' : { value: item.side === 'give' ? give : receive };
  }
  answers[content.balance.id] = { value: give > receive ? 2 : 0 };
  return { started: at - 600000, finished: at, context, question: 0, answers, skip_sensitive: false };
}
/** The English content's wording for a relationship (`partner`, `family`, `friend`, `colleague`). */
export const contextOf = (id) => content.contexts.find((c) => c.id === id);
/** `template` with its `{name}` placeholders filled from `values`, as the widget fills them. */
export const fill = (template, values) =>
  Object.entries(values).reduce((text, [k, v]) => text.replaceAll(`{${k}}`, v), template);
/** What a phone number is dialled as: its digits and a leading +. */
export const dialled = (number) => number.replace(/[^\d+]/g, '');

/**
 * The files of the first screen, as the loader asks for them (the words in `lang`): the loader, the
 * glue, the loader of the wasm's other parts, the wasm of the first screen, the stylesheet.
 */
export const FIRST_SCREEN_FILES = (lang = 'en') => [
  '__wasm_split.js',
  'reciprocity-core.js',
  'reciprocity-core_bg.wasm',
  'reciprocity-widget.css',
  'reciprocity-widget.js',
  `text/${lang}.json`,
];

/**
 * The files each part of the widget fetches when a section is first opened (`quiz`, `plan`,
 * `practice`, `together`, `data`, `learn`; see src/components/lazy.rs) or when it is needed (`results`,
 * `reader`): its wasm files, as the build wrote them in parts.json, and for a section (not Learn's
 * code, which comes with its own text, nor the two that draw nothing) the English words and the
 * stylesheet only the sections read, which the first of them fetches.
 */
export function partFiles(...parts) {
  const map = partsOfBuild();
  const files = new Set();
  for (const part of parts) {
    if (!map[part]) throw new Error(`no part "${part}" in ${DIST}/parts.json`);
    for (const file of map[part]) files.add(file);
    if (!['learn', 'results', 'reader'].includes(part)) {
      files.add(SECTION_WORDS);
      files.add(SECTION_STYLES);
    }
  }
  return [...files].sort();
}

/** The English words only the sections arriving on first use read (see src/core/text.rs). */
export const SECTION_WORDS = 'text/en.parts.json';

/** The stylesheet of the rules only those sections draw with (see src/web/part_styles.rs). */
export const SECTION_STYLES = 'reciprocity-parts.css';

/** Every wasm file of every part. */
export function allPartFiles() {
  return partFiles(...Object.keys(partsOfBuild()));
}

/** parts.json of the build in DIST: each part's wasm files. */
const partsOfBuild = () => JSON.parse(readFileSync(path.join(DIST, 'parts.json'), 'utf8'));

/** The button of the section navigation labelled `label`, in `scope` (a page, or one widget). */
export const sectionButton = (scope, label) =>
  scope.locator('nav[aria-label="Sections"]').getByRole('button', { name: label, exact: true });

/** Stops a test file at once, with the command to run, when the build it needs is not in DIST. */
export function requireBuilt(...files) {
  for (const file of files) {
    if (!existsSync(path.join(DIST, file))) {
      throw new Error(`No ${file} in ${DIST}: run \`bash scripts/build.sh\` first (or set DIST).`);
    }
  }
}

/**
 * For a test file: serves DIST and launches the browser before its tests, closes both after. The
 * returned object holds `server` and `browser` once they are up.
 */
export function servedBuild(serverOptions = {}) {
  const up = {};
  before(async () => {
    up.server = await startServer(DIST, serverOptions);
    up.browser = await launchBrowser();
  });
  after(async () => {
    await up.browser?.close();
    await up.server?.close();
  });
  return up;
}

/**
 * A hostile page: node insertion inside the shadow root of the widget matching `selector` throws, so
 * that widget's next render stops it (the other widgets are untouched).
 */
export async function breakInsertionIn(page, selector) {
  await page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const insert = Node.prototype.insertBefore;
    Node.prototype.insertBefore = function (...args) {
      if (this.getRootNode() === root) throw new Error('insertion refused by the page');
      return insert.apply(this, args);
    };
  }, selector);
}

export async function launchBrowser(options = {}) {
  return chromium.launch({
    ...options,
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
 *   - a page threw an error not matched by `allowPageErrors`, or logged a console error not matched by
 *     `allowErrors` (regexes, per test),
 * and saves a screenshot of every open page into test-artifacts/ when anything failed.
 *
 * `body` gets { context, page, newPage, blocked, errors }; `page` is the first page, already open.
 * `contextOptions` go to the new context (a time zone, a locale).
 */
export async function withContext(
  t,
  browser,
  body,
  { allowErrors = [], allowPageErrors = [], initScripts = [], contextOptions = {} } = {},
) {
  const context = await browser.newContext({ serviceWorkers: 'block', ...contextOptions });
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
    const allowed = (e) =>
      (e.kind === 'console' ? allowErrors : allowPageErrors).some((pattern) => pattern.test(e.text));
    const unexpected = errors.filter((e) => !allowed(e));
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

/** The keys of localStorage and sessionStorage, sorted. */
export async function storageKeys(page) {
  return page.evaluate(() => {
    const keys = (area) => Array.from({ length: area.length }, (_, i) => area.key(i)).sort();
    return { local: keys(localStorage), session: keys(sessionStorage) };
  });
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

/**
 * An init script (pass it in `initScripts`): records every write to localStorage and sessionStorage
 * (setItem, removeItem, clear), in order, as `window.__e2eWrites` entries `{ area, op, key }`.
 *
 * For checks that something wrote nothing, without sleeping: note `(await storageWrites(page)).length`,
 * do the thing, then make a change whose save can be seen and wait until it is stored. The widget saves
 * in the render after each change, in the order of the changes, so by then any write caused by the
 * thing has been recorded too: the writes since the mark must be the later change's save alone.
 */
export function recordStorageWrites() {
  const writes = [];
  Object.defineProperty(window, '__e2eWrites', { value: writes });
  for (const op of ['setItem', 'removeItem', 'clear']) {
    const original = Storage.prototype[op];
    Storage.prototype[op] = function (...args) {
      writes.push({
        area: this === window.sessionStorage ? 'session' : 'local',
        op,
        key: op === 'clear' ? null : String(args[0]),
      });
      return original.apply(this, args);
    };
  }
}

/** The writes `recordStorageWrites` has seen on this page since it loaded (from entry `since` on). */
export async function storageWrites(page, since = 0) {
  return page.evaluate((from) => window.__e2eWrites.slice(from), since);
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
      href: el.getAttribute('href'),
      expanded: el.getAttribute('aria-expanded'),
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

// ---- views at every size and scheme ---------------------------------------------------------------

/**
 * At 320 and 1280 px, light and dark: saves a screenshot of each of `parts` (locators of the new view's
 * pieces; the whole widget would be a very long picture), scans the page with axe and checks that it
 * reflows at 320 px.
 */
export async function screens(page, name, parts) {
  await mkdir(SCREENS, { recursive: true });
  for (const width of [320, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      for (const [i, part] of parts.entries()) {
        const suffix = parts.length > 1 ? `-${i + 1}` : '';
        await part.screenshot({ path: path.join(SCREENS, `${name}${suffix}-${width}-${colorScheme}.png`) });
      }
      // Scanned from the top of the page: after the screenshots scrolled a part into view, the sticky
      // toolbar would sit over whatever control happens to be under it, which axe counts as a covered
      // target. (Focused controls keep clear of it: see `scroll-margin-top` in the stylesheet.)
      await page.evaluate(() => window.scrollTo(0, 0));
      await assertAccessible(page, `${name} at ${width} px, ${colorScheme}`);
      if (width === 320) {
        const overflow = await page.evaluate(() => {
          const root = document.querySelector('reciprocity-widget').shadowRoot.querySelector('.rw-widget');
          const box = root.getBoundingClientRect();
          // Inside a scrolling box (the plan's tables) sticking out is by design: it scrolls.
          const scrolls = (el) => {
            for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
              if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
            }
            return false;
          };
          const out = Array.from(root.querySelectorAll('*'))
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5) && !scrolls(el);
            })
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
          return { scroll: document.documentElement.scrollWidth, out };
        });
        assert.ok(overflow.scroll <= 320, `${name}: the page scrolls sideways at 320 px (${overflow.scroll})`);
        assert.deepEqual(overflow.out, [], `${name}: elements stick out of the widget at 320 px`);
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

// ---- host pages -----------------------------------------------------------------------------------

/**
 * Serves `html` at `url` for `page` (same origin as the build, so the widget's files load as on a
 * clinic's page), with `headers`. The route stays for later navigations of the page (back, reload).
 */
export async function serveHtml(page, url, html, headers = {}) {
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
      body: html,
    }),
  );
  return url;
}

/** The HTML-escaped form of an attribute value. */
export const escapeAttribute = (value) =>
  String(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** `<reciprocity-widget>` with these attributes (an object; `true` for a bare flag) and children. */
export function widgetElement(attributes = {}, children = '') {
  const list = Object.entries(attributes)
    .filter(([, value]) => value !== null && value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  return `<reciprocity-widget${list}>${children}</reciprocity-widget>`;
}

/** A minimal clinic page: the loader, then `body` inside <main>. */
export function clinicPage(body, { head = '', script = '/reciprocity-widget.js', title = 'Clinic test page' } = {}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${script ? `<script type="module" src="${script}"></script>` : ''}
${head}
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/**
 * Whether the focused element (followed into shadow roots) shows a focus indicator: an outline or a
 * box-shadow on it, or on the label around it (custom radios and checkboxes draw focus on the label).
 */
export async function focusIndicator(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return { tag: 'body', visible: false, focusVisible: false };
    const drawn = (node) => {
      const cs = getComputedStyle(node);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
      const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
      return { outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`, boxShadow: cs.boxShadow, drawn: outline || shadow };
    };
    const own = drawn(el);
    const label = el.closest('label');
    const around = label ? drawn(label) : null;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      text: (label ?? el).textContent.trim().replace(/\s+/g, ' ').slice(0, 60),
      focusVisible: el.matches(':focus-visible'),
      visible: own.drawn || Boolean(around?.drawn),
      outline: own.outline,
      boxShadow: own.boxShadow,
      labelOutline: around?.outline ?? null,
    };
  });
}
