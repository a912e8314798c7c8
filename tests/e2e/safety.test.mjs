// End-to-end tests of "safe, private and accessible": quick exit, support lines, care in content, the
// visitor's own data, a privacy audit of a whole session, and accessibility of every view (axe-core in
// light and dark, at 320 and 1280 px, target sizes, forced colours, reduced motion, keyboard only).
// The release build in Chromium, as widget.test.mjs and embed.test.mjs.
//
//   bash scripts/build.sh && node --test --test-concurrency=1 tests/e2e/safety.test.mjs
//
// The host pages are served by the tests themselves (serveHtml) on the build's origin; quick exit goes
// to www/exit-landing.html on the same origin, because every other host is aborted. Screenshots of the
// main views are saved into test-artifacts/screens/ on every run.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ARTIFACTS,
  actionLabel,
  axeScan,
  clinicPage,
  content,
  FIRST_SCREEN_FILES,
  allPartFiles,
  contextOf,
  dialled,
  eventually,
  fill,
  focused,
  focusIndicator,
  formatViolations,
  keyOf,
  launchBrowser,
  recordStorageWrites,
  requireBuilt,
  servedBuild,
  serveHtml,
  storageKeys,
  storageWrites,
  widgetElement,
  withContext,
  sectionButton as nav,
  partArrived,
} from './harness.mjs';

const ui = content.ui;
const REGIONS = content.support.regions;
// Every action: these tests never say who the checklist is about before counting.
const TOTAL_ACTIONS = content.steps.reduce((n, s) => n + s.actions.length, 0); // 34
const ALL_QUESTIONS = content.items.length + 1; // 24 statements + the balance question
const SENSITIVE = content.items.filter((item) => item.form === 'healing'); // the 4 about hard times
const WITHOUT_SENSITIVE = ALL_QUESTIONS - SENSITIVE.length; // 21
const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';
const SCREENS = path.join(ARTIFACTS, 'screens');

requireBuilt(...['reciprocity-widget.js', 'reciprocity-core.js', 'reciprocity-core_bg.wasm', 'reciprocity-widget.css', 'exit-landing.html']);

const build = servedBuild();
before(() => mkdir(SCREENS, { recursive: true }));

const landingUrl = () => new URL('exit-landing.html', build.server.url).href;

// ---- pages and locators ---------------------------------------------------------------------------

/**
 * Opens a clinic page (served at /e2e/<name>.html) holding one widget with `attributes` (on top of
 * lang="en", its own namespace and exit-url = the neutral landing page; `null` leaves one out), with
 * `before`/`after` host markup around it. Resolves to the page's URL once the widget has rendered.
 */
async function openClinic(page, attributes = {}, { name = 'clinic', before = '', after = '' } = {}) {
  const url = await serveHtml(
    page,
    new URL(`e2e/${name}.html`, build.server.url).href,
    clinicPage(`${before}\n${widgetElement({ lang: 'en', namespace: name, 'exit-url': landingUrl(), ...attributes })}\n${after}`),
  );
  await page.goto(url);
  await page.locator('reciprocity-widget .rw-widget').first().waitFor();
  return url;
}

const toolbar = (scope) => scope.locator('.rw-toolbar');
const exitLink = (scope) => scope.locator('a.rw-exit');
const supportButton = (scope) => toolbar(scope).getByRole('button', { name: ui.support_button, exact: true });
const dataButton = (scope) => toolbar(scope).getByRole('button', { name: ui.data_button, exact: true });
const supportPanel = (scope) => scope.locator('section.rw-support');
const dataPanel = (scope) => scope.locator('section.rw-data');
const exitStatus = (scope) => scope.locator('.rw-exit-status');
const litIndicators = (scope) => scope.locator('.rw-exit-indicator.rw-on').count();
const checkbox = (scope, text) => scope.locator('.rw-checklist .rw-check').filter({ hasText: text }).locator('input');
const checklistProgress = async (scope) =>
  (await scope.locator('.rw-checklist > .rw-progress .rw-progress-label').textContent())?.trim();
const overall = (done) => `${done} of ${TOTAL_ACTIONS} done`;
const questionProgress = async (scope) =>
  (await scope.locator('.rw-question .rw-progress-label').textContent())?.trim();
const progressText = (n, total) => fill(ui.question_progress, { n: String(n), total: String(total) });
const viewHeading = async (scope) => (await scope.locator('.rw-view-heading').textContent())?.trim();
const textOf = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
/** The "Don't remember me" control, whether the widget made it a button or a checkbox. */
const forgetControl = (panel) =>
  panel
    .getByRole('button', { name: ui.data_forget_device, exact: true })
    .or(panel.getByRole('checkbox', { name: ui.data_forget_device, exact: true }));

/** The statement as the widget words it for `ctx`: the content's sentence for that relationship. */
function statement(item, ctx) {
  return (item ?? content.balance).text[ctx.id];
}

/** Entries of localStorage and sessionStorage whose key starts with `prefix`. */
function storedUnder(page, prefix) {
  return page.evaluate((p) => {
    const pick = (area) =>
      Object.fromEntries(
        Array.from({ length: area.length }, (_, i) => area.key(i))
          .filter((k) => k.startsWith(p))
          .map((k) => [k, area.getItem(k)]),
      );
    return { local: pick(localStorage), session: pick(sessionStorage) };
  }, prefix);
}

const localDoc = async (page, namespace) =>
  JSON.parse((await page.evaluate((k) => localStorage.getItem(k), keyOf(namespace))) ?? 'null');
const sessionDoc = async (page, namespace) =>
  JSON.parse((await page.evaluate((k) => sessionStorage.getItem(k), keyOf(namespace))) ?? 'null');

/** Collects console warnings of `page` (attach before navigating). */
function collectWarnings(page) {
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  return warnings;
}

// While a navigation is pending, Chromium under Playwright answers no page.evaluate, locator or
// screenshot, so the overlay cannot be looked at from outside between "exit" and the neutral page.
// This init script watches from inside instead: it notes the overlay the moment it is inserted (how long
// after the click or Shift key-up, its role and text, and whether it is on top across the widget), and
// again when the page is hidden, into sessionStorage, which the neutral page (same origin, same tab)
// can read.
function watchExit() {
  if (!location.pathname.startsWith('/e2e/')) return;
  let trigger = null;
  addEventListener('click', () => (trigger = performance.now()), true);
  addEventListener('keyup', (event) => {
    if (event.key === 'Shift') trigger = performance.now();
  }, true);
  const facts = (root) => {
    const ov = root.querySelector('.rw-exit-overlay') ?? document.querySelector('.rw-exit-overlay');
    if (!ov) return null;
    const r = (root.querySelector('.rw-widget') ?? root.host).getBoundingClientRect();
    const [x0, y0] = [Math.max(r.left, 0), Math.max(r.top, 0)];
    const [x1, y1] = [Math.min(r.right, innerWidth), Math.min(r.bottom, innerHeight)];
    const points = [
      [x0 + 2, y0 + 2],
      [x1 - 2, y0 + 2],
      [(x0 + x1) / 2, (y0 + y1) / 2],
      [x0 + 2, y1 - 2],
      [x1 - 2, y1 - 2],
    ];
    return {
      role: ov.getAttribute('role'),
      text: ov.textContent.replace(/\s+/g, ' ').trim(),
      shown: ov.getClientRects().length > 0,
      on_top: points.map(([x, y]) => {
        const hit = root.elementFromPoint(x, y) ?? document.elementFromPoint(x, y);
        return hit?.closest?.('.rw-exit-overlay') ? 'overlay' : `${hit?.localName}.${hit?.className}`;
      }),
      background: getComputedStyle(ov).backgroundColor,
    };
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === 'reciprocity-widget') {
      let first = null;
      new MutationObserver(() => {
        if (first) return;
        const f = facts(root);
        if (f) first = { ...f, ms_after_trigger: trigger === null ? null : Math.round(performance.now() - trigger) };
      }).observe(root, { childList: true, subtree: true });
      addEventListener('pagehide', () => {
        sessionStorage.setItem('e2e-exit', JSON.stringify({ first, at_pagehide: facts(root) }));
      });
    }
    return root;
  };
}

/**
 * On the neutral page after an exit: the overlay came at once (within 200 ms of the click or key),
 * said "Loading." as an alert, was on top across the widget, and was still there when the page went.
 */
async function assertOverlayCovered(page) {
  const seen = JSON.parse((await page.evaluate(() => sessionStorage.getItem('e2e-exit'))) ?? 'null');
  assert.ok(seen, 'the widget page recorded what it showed before it went');
  assert.ok(seen.first, 'an overlay was shown before the page went');
  const { first, at_pagehide: last } = seen;
  assert.ok(first.ms_after_trigger !== null && first.ms_after_trigger < 200, `the overlay came at once (${first.ms_after_trigger} ms)`);
  assert.equal(first.role, 'alert', 'the overlay has role="alert"');
  assert.equal(first.text, ui.exit_loading);
  assert.equal(first.shown, true);
  assert.deepEqual(first.on_top, first.on_top.map(() => 'overlay'), 'the overlay is on top at the corners and centre of the widget');
  assert.doesNotMatch(first.background, /rgba\(.*,\s*0(\.\d+)?\)$|transparent/, `an opaque overlay (${first.background})`);
  assert.ok(last?.shown, 'the overlay was still there when the page went');
}

/** Presses Shift alone `n` times. */
async function pressShift(page, n) {
  for (let i = 0; i < n; i++) await page.keyboard.press('Shift');
}

/** Whether the overlay is on screen (page.evaluate only, see above). */
const overlayShown = (page) =>
  page.evaluate(() => {
    const ov =
      document.querySelector('reciprocity-widget')?.shadowRoot?.querySelector('.rw-exit-overlay') ??
      document.querySelector('.rw-exit-overlay');
    return Boolean(ov && ov.getClientRects().length > 0);
  });

/** Ticks a checklist action and waits for it to be saved. */
async function tick(page, action, namespace) {
  await checkbox(page, action.text).check();
  await eventually(async () => {
    const doc = (await localDoc(page, namespace)) ?? (await sessionDoc(page, namespace));
    assert.ok(doc?.checklist?.done?.includes(action.id), `${action.id} saved`);
  });
}

/**
 * The storage writes to `namespace`'s keys (its document and copies kept aside) recorded since `mark`
 * (see recordStorageWrites), as "<area> <op> <key>".
 */
async function writesTo(page, namespace, mark) {
  const key = keyOf(namespace);
  return (await storageWrites(page, mark))
    .filter((w) => w.key === null || w.key === key || w.key.startsWith(`${key}/`))
    .map((w) => `${w.area} ${w.op} ${w.key}`);
}

/** How a save of `namespace`'s document shows in `writesTo`. */
const saveOf = (namespace, area = 'local') => `${area} setItem ${keyOf(namespace)}`;

/**
 * Turns the data panel's "delete on exit" checkbox over and waits until the document saying so is
 * stored: a change whose save can be seen, made after something that must write nothing (see
 * recordStorageWrites). Resolves to the new setting.
 */
async function toggleExitClears(page, namespace) {
  const box = dataPanel(page).getByRole('checkbox', { name: ui.exit_clears_label, exact: true });
  const on = !(await box.isChecked());
  await box.setChecked(on);
  await eventually(async () => assert.equal((await localDoc(page, namespace))?.settings?.clear_on_exit, on, 'the setting is saved'));
  return on;
}

/** The saved document without its settings: the visitor's progress alone. */
const progressIn = (text) => ({ ...JSON.parse(text), settings: null });

// ---- the check ------------------------------------------------------------------------------------

/** Opens the check, chooses who it is about, presses Start and waits for the content note. */
async function startCheck(page, label = contextOf('partner').label) {
  await nav(page, ui.nav_quiz).click();
  await page.getByRole('radio', { name: label, exact: true }).check();
  await page.getByRole('button', { name: ui.start, exact: true }).click();
  await page.getByRole('heading', { name: ui.content_note_heading, exact: true }).waitFor();
}

/** Answers the content note: 'skip' leaves the hard-times statements out, 'include' keeps them. */
async function answerNote(page, choice) {
  const name = choice === 'skip' ? ui.content_note_skip : ui.content_note_include;
  await page.getByRole('button', { name, exact: true }).click();
  await waitForQuestion(page, 1, choice === 'skip' ? WITHOUT_SENSITIVE : ALL_QUESTIONS);
}

async function waitForQuestion(page, n, total) {
  await eventually(async () => assert.equal(await questionProgress(page), progressText(n, total)));
}

/** The labels of the options of the question on screen. */
const optionLabels = (page) => page.locator('.rw-question .rw-option span').allTextContents();

/**
 * Goes through the check from question 1 of `total`: at each question calls `each(q)` (0-based) first,
 * then picks `pick(q, labels)` (a label; default a varied one) and presses Next / See my plan.
 */
async function goThrough(page, total, { each, pick } = {}) {
  for (let q = 0; q < total; q++) {
    await waitForQuestion(page, q + 1, total);
    if (each) await each(q);
    const labels = (await optionLabels(page)).map((s) => s.trim());
    const label = pick ? pick(q, labels) : labels[(q * 3) % (labels.length - 1)];
    await page.locator('.rw-question').getByRole('radio', { name: label, exact: true }).check();
    await page
      .locator('.rw-quiz-nav')
      .getByRole('button', { name: q === total - 1 ? ui.finish : ui.next, exact: true })
      .click();
  }
  await eventually(async () => assert.equal(await viewHeading(page), ui.plan_heading));
}

// ---- a tour of every view -------------------------------------------------------------------------

/** The views `tour` visits, in order. */
const TOUR_VIEWS = [
  'checklist',
  'exit-countdown',
  'support',
  'data',
  'data-delete-confirmation',
  'context-picker',
  'content-note',
  'question',
  'balance-question',
  'plan',
];

/**
 * Opens a widget and walks through every view, calling `visit(name)` on each: the intro and checklist,
 * the quick-exit countdown (two Shift presses), the support panel, the data panel and its delete
 * confirmation, the context picker, the content note, a frequency question, the balance question and
 * the plan.
 */
async function tour(page, visit, { name = 'tour' } = {}) {
  await openClinic(page, {}, { name });
  await checkbox(page, content.steps[0].actions[0].text).check();
  await eventually(async () => assert.equal(await checklistProgress(page), overall(1)));
  // Ticking scrolled the page; axe counts controls scrolled under the sticky toolbar as obscured
  // targets, so the checklist is scanned from the top, as it is first seen.
  await page.evaluate(() => window.scrollTo(0, 0));
  await visit('checklist');

  await pressShift(page, 2);
  await eventually(async () => assert.equal(await textOf(exitStatus(page)), ui.exit_remaining_1));
  await visit('exit-countdown');
  await page.keyboard.press('Control'); // any other key starts the count again

  await supportButton(page).click();
  await supportPanel(page).waitFor();
  await visit('support');
  await supportButton(page).click();
  await supportPanel(page).waitFor({ state: 'hidden' });

  await dataButton(page).click();
  await dataPanel(page).waitFor();
  await partArrived(dataPanel(page));
  await visit('data');
  await dataPanel(page).getByRole('button', { name: ui.data_delete, exact: true }).click();
  await dataPanel(page).getByRole('button', { name: ui.data_delete_confirm, exact: true }).waitFor();
  await visit('data-delete-confirmation');
  await dataPanel(page).getByRole('button', { name: ui.cancel, exact: true }).click();
  await dataButton(page).click();
  await dataPanel(page).waitFor({ state: 'hidden' });

  await nav(page, ui.nav_quiz).click();
  await page.locator('.rw-context').waitFor();
  await visit('context-picker');
  await page.getByRole('radio', { name: contextOf('partner').label, exact: true }).check();
  await page.getByRole('button', { name: ui.start, exact: true }).click();
  await page.getByRole('heading', { name: ui.content_note_heading, exact: true }).waitFor();
  await visit('content-note');
  await answerNote(page, 'skip');
  await page.locator('.rw-question').getByRole('radio', { name: content.scale[3], exact: true }).check();
  await visit('question');
  await goThrough(page, WITHOUT_SENSITIVE, {
    each: async (q) => {
      if (q === WITHOUT_SENSITIVE - 1) await visit('balance-question');
    },
  });
  await page.locator('.rw-plan table').waitFor();
  await visit('plan');
}

/** Saves a full-page screenshot into test-artifacts/screens/. */
async function screen(page, file) {
  await page.screenshot({ path: path.join(SCREENS, `${file}.png`), fullPage: true });
}

// ==================================================================================================

describe('quick exit', () => {
  test('a toolbar at the top: the exit link (default address, hidden "Emergency"), support and data buttons', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, { 'exit-url': null }, { name: 'toolbar' });
      const group = page.getByRole('group', { name: ui.toolbar_label, exact: true });
      assert.equal(await group.count(), 1, `one group named "${ui.toolbar_label}"`);
      assert.equal(await group.evaluate((e) => e.classList.contains('rw-toolbar')), true);

      const link = exitLink(page);
      assert.equal(await link.count(), 1);
      assert.equal(await link.getAttribute('href'), DEFAULT_EXIT_URL, 'without exit-url, the default neutral page');
      // Its accessible name starts with the hidden word; only "Exit this page" is seen.
      const name = `${ui.exit_hidden_prefix} ${ui.exit_button}`;
      assert.equal(await page.getByRole('link', { name, exact: true }).count(), 1, `a link named "${name}"`);
      const hidden = await link.evaluate((a, word) => {
        const el = Array.from(a.querySelectorAll('*')).find((e) => e.textContent.trim() === word);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        return {
          tiny: r.width * r.height <= 1,
          clipped: cs.clipPath !== 'none' || cs.clip.startsWith('rect'),
          overflowHidden: cs.overflow === 'hidden',
        };
      }, ui.exit_hidden_prefix);
      assert.ok(hidden, `an element holding just "${ui.exit_hidden_prefix}" inside the link`);
      assert.ok(hidden.tiny && (hidden.clipped || hidden.overflowHidden), `"${ui.exit_hidden_prefix}" visually hidden: ${JSON.stringify(hidden)}`);
      assert.equal(await link.isVisible(), true);

      for (const button of [supportButton(page), dataButton(page)]) {
        assert.equal(await button.count(), 1);
        assert.equal(await button.getAttribute('aria-expanded'), 'false');
      }

      // At the top: before the intro and the sections, and the first thing Tab reaches in the widget.
      const order = await page.evaluate(() => {
        const root = document.querySelector('reciprocity-widget').shadowRoot;
        const tb = root.querySelector('.rw-toolbar');
        const nav = root.querySelector('nav');
        const view = root.querySelector('.rw-view');
        const before = (a, b) => Boolean(a && b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
        return { beforeNav: before(tb, nav), beforeView: before(tb, view) };
      });
      assert.deepEqual(order, { beforeNav: true, beforeView: true }, 'the toolbar comes before the sections and the view');
      await page.keyboard.press('Tab');
      const first = await focused(page);
      assert.equal(first.tag, 'a', `first Tab stop is the exit link, got ${first.tag} "${first.text}"`);
      assert.equal(first.href, DEFAULT_EXIT_URL);

      // The note about what quick exit does and doesn't do is in the widget (here, or in a panel), as a
      // heading with its text.
      const findNote = () => page.evaluate((heading) => {
        const root = document.querySelector('reciprocity-widget').shadowRoot;
        const el = Array.from(root.querySelectorAll('h1,h2,h3,h4,h5,h6,[role="heading"],summary')).find(
          (e) => e.textContent.trim() === heading,
        );
        return el ? { tag: el.localName, sectionText: (el.closest('section,details,div') ?? el).textContent } : null;
      }, ui.exit_about_heading);
      let note = await findNote();
      for (const [button, panel] of [[dataButton(page), dataPanel(page)], [supportButton(page), supportPanel(page)]]) {
        if (note) break;
        await button.click();
        await panel.waitFor();
        await partArrived(panel);
        note = await findNote();
        if (note) t.diagnostic(`the note is in ${await panel.getAttribute('class')}`);
        await button.click();
      }
      assert.ok(note, `a heading "${ui.exit_about_heading}" in the widget`);
      assert.ok(note.sectionText.includes(ui.exit_about_text), 'the note says what quick exit does and does not do');
    });
  });

  test('clicking "Exit this page": the overlay at once, then the neutral page replaces this one; data kept by default', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'exit-click';
      await openClinic(page, {}, { name: ns });
      await tick(page, content.steps[1].actions[0], ns);
      assert.equal(await exitLink(page).getAttribute('href'), landingUrl());

      // The setting is off unless the visitor (or the clinic) turned it on.
      await dataButton(page).click();
      const clears = dataPanel(page).getByRole('checkbox', { name: ui.exit_clears_label, exact: true });
      assert.equal(await clears.isChecked(), false, `"${ui.exit_clears_label}" is off by default`);
      await dataButton(page).click();

      const length = await page.evaluate(() => history.length);
      await exitLink(page).click();
      await page.waitForURL(landingUrl());
      await assertOverlayCovered(page);
      assert.equal(await page.evaluate(() => history.length), length, 'history.length unchanged: the page was replaced');
      assert.equal(await page.title(), 'Weather forecast');
      const doc = await localDoc(page, ns);
      assert.deepEqual(doc?.checklist?.done, [content.steps[1].actions[0].id], 'progress kept (the setting is off)');
    }, { initScripts: [[watchExit]] });
  });

  test('Enter on the focused exit link exits the same way', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, {}, { name: 'exit-enter' });
      const length = await page.evaluate(() => history.length);
      await exitLink(page).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(landingUrl());
      assert.equal(await page.evaluate(() => history.length), length);
    });
  });

  test('exit-url: a relative address is resolved; javascript: and other schemes fall back to the default, with a warning', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const warnings = collectWarnings(page);
      const body = [
        widgetElement({ id: 'relative', lang: 'en', namespace: 'exit-relative', 'exit-url': '../exit-landing.html' }),
        widgetElement({ id: 'script', lang: 'en', namespace: 'exit-script', 'exit-url': 'javascript:alert(1)' }),
        widgetElement({ id: 'data', lang: 'en', namespace: 'exit-data', 'exit-url': 'data:text/html,<h1>hi</h1>' }),
      ].join('\n');
      await page.goto(await serveHtml(page, new URL('e2e/exit-urls.html', build.server.url).href, clinicPage(body)));
      for (const id of ['relative', 'script', 'data']) await page.locator(`#${id} .rw-widget`).waitFor();
      assert.equal(await exitLink(page.locator('#relative')).getAttribute('href'), landingUrl());
      assert.equal(await exitLink(page.locator('#script')).getAttribute('href'), DEFAULT_EXIT_URL);
      assert.equal(await exitLink(page.locator('#data')).getAttribute('href'), DEFAULT_EXIT_URL);
      for (const bad of ['javascript:alert(1)', 'data:text/html']) {
        assert.ok(warnings.some((w) => w.includes('exit-url') && w.includes(bad)), `a warning for exit-url="${bad}…": ${JSON.stringify(warnings)}`);
      }
    });
  });

  test('Shift three times anywhere on the page exits; with the visitor’s setting on, the data is deleted first', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'exit-keys';
      await openClinic(page, {}, {
        name: ns,
        before: '<p>Clinic page text. <button id="host-button" type="button">A button of the clinic page</button></p>',
      });
      await tick(page, content.steps[2].actions[1], ns);
      // Another widget's data and the page's own keys are not the widget's to delete.
      await page.evaluate(() => {
        localStorage.setItem('reciprocity-widget/v1/someone-else', '{"schema":3}');
        localStorage.setItem('clinic-theme', 'dark');
      });

      await dataButton(page).click();
      const clears = dataPanel(page).getByRole('checkbox', { name: ui.exit_clears_label, exact: true });
      const before = JSON.stringify(await storedUnder(page, keyOf(ns)));
      await clears.check();
      await eventually(async () => assert.notEqual(JSON.stringify(await storedUnder(page, keyOf(ns))), before, 'the setting is saved'));
      await dataButton(page).click();

      // Focus on the clinic's own button, outside the widget.
      await page.locator('#host-button').focus();
      assert.equal((await focused(page)).text, 'A button of the clinic page');
      const length = await page.evaluate(() => history.length);
      await pressShift(page, 3);
      await page.waitForURL(landingUrl());
      await assertOverlayCovered(page);
      assert.equal(await page.evaluate(() => history.length), length, 'history.length unchanged');
      assert.deepEqual(await storedUnder(page, keyOf(ns)), { local: {}, session: {} }, 'nothing of the widget left in storage');
      const keys = await storageKeys(page);
      assert.ok(keys.local.includes('reciprocity-widget/v1/someone-else'), 'another namespace is left alone');
      assert.ok(keys.local.includes('clinic-theme'), 'the host page’s own key is left alone');
    }, { initScripts: [[watchExit]] });
  });

  test('exit-clears makes deleting on exit the default; the visitor can still turn it off', async (t) => {
    // On by the clinic's default, with focus inside the widget.
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'exit-attr';
      await openClinic(page, { 'exit-clears': true }, { name: ns });
      await dataButton(page).click();
      const clears = dataPanel(page).getByRole('checkbox', { name: ui.exit_clears_label, exact: true });
      assert.equal(await clears.isChecked(), true, 'exit-clears: the setting starts on');
      await dataButton(page).click();
      await tick(page, content.steps[3].actions[0], ns);
      await checkbox(page, content.steps[3].actions[0].text).focus();
      await pressShift(page, 3);
      await page.waitForURL(landingUrl());
      assert.deepEqual(await storedUnder(page, keyOf(ns)), { local: {}, session: {} }, 'deleted on exit');
    });
    // Turned off by the visitor: kept.
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'exit-attr-off';
      await openClinic(page, { 'exit-clears': true }, { name: ns });
      await tick(page, content.steps[3].actions[1], ns);
      await dataButton(page).click();
      const clears = dataPanel(page).getByRole('checkbox', { name: ui.exit_clears_label, exact: true });
      await clears.uncheck();
      await eventually(async () =>
        assert.equal((await localDoc(page, ns))?.settings?.clear_on_exit, false, 'the visitor’s "off" is saved'),
      );
      await exitLink(page).click();
      await page.waitForURL(landingUrl());
      const doc = await localDoc(page, ns);
      assert.deepEqual(doc?.checklist?.done, [content.steps[3].actions[1].id], 'the visitor’s "off" wins: kept');
    });
  });

  test('with "Don’t remember me" on, clearing on exit also empties this tab’s sessionStorage', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'exit-session';
      await openClinic(page, {}, { name: ns });
      await tick(page, content.steps[4].actions[0], ns);
      await dataButton(page).click();
      await forgetControl(dataPanel(page)).click();
      await eventually(async () => assert.ok((await storedUnder(page, keyOf(ns))).session[keyOf(ns)], 'kept in sessionStorage'));
      await dataPanel(page).getByRole('checkbox', { name: ui.exit_clears_label, exact: true }).check();
      await eventually(async () =>
        assert.equal((await sessionDoc(page, ns))?.settings?.clear_on_exit, true, 'the setting is saved, in sessionStorage'),
      );
      await pressShift(page, 3);
      await page.waitForURL(landingUrl());
      // The neutral page is the same tab and origin: it sees the tab's sessionStorage.
      assert.deepEqual(await storedUnder(page, keyOf(ns)), { local: {}, session: {} }, 'nothing left in either storage');
    });
  });

  test('the Shift countdown: lit indicators and status; Shift+A and other keys do not count; 5 seconds', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      // The widget times the five seconds with Date.now() and setTimeout: on Playwright's clock, installed
      // before the page loads and paused once it has, time moves only when the test says so.
      await page.clock.install();
      const url = await openClinic(page, {}, { name: 'countdown', before: '<p>Clinic page text.</p>' });
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
      assert.equal(await page.locator('.rw-exit-indicator').count(), 3, 'three indicators');
      assert.equal(await exitStatus(page).getAttribute('role'), 'status');
      assert.equal(await litIndicators(page), 0);
      const state = async () => ({ lit: await litIndicators(page), status: await textOf(exitStatus(page)) });
      const expect = async (lit, status, why) =>
        eventually(async () => assert.deepEqual(await state(), { lit, status }, why), { timeout: 2000 });

      await pressShift(page, 1);
      await expect(1, ui.exit_remaining_2, 'after one press');
      await pressShift(page, 1);
      await expect(2, ui.exit_remaining_1, 'after two presses');
      await page.keyboard.press('a');
      await expect(0, ui.exit_expired, 'another key resets the count');

      // Shift as a modifier never counts: after Shift+A ×3, the next Shift alone is the first press.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+A');
      await pressShift(page, 1);
      await expect(1, ui.exit_remaining_2, 'Shift+A ×3 lit nothing: the next Shift is the first');
      assert.equal(await overlayShown(page), false);

      // Two presses then Shift+A: reset; the next press starts again at one.
      await pressShift(page, 1);
      await expect(2, ui.exit_remaining_1, 'two presses again');
      await page.keyboard.press('Shift+A');
      await expect(0, ui.exit_expired, 'Shift+A resets');
      await pressShift(page, 1);
      await expect(1, ui.exit_remaining_2, 'counting from one again');

      // Five seconds after the first press the count runs out, and says so.
      await page.clock.runFor(5300);
      await expect(0, ui.exit_expired, 'expired after five seconds');

      // Presses spread over more than five seconds never exit.
      await pressShift(page, 1);
      await expect(1, ui.exit_remaining_2, 'first of a slow series');
      await page.clock.runFor(5300);
      await pressShift(page, 2);
      await expect(2, ui.exit_remaining_1, 'a late press starts a new count');
      // A key after them is still handled by this page: an exit would have begun before it.
      await page.keyboard.press('a');
      await expect(0, ui.exit_expired, 'still on the page, counting');
      assert.equal(page.url(), url, 'no exit');
      assert.equal(await overlayShown(page), false, 'no overlay');
    });
  });

  test('after an exit, Back never shows the overlay: the page was replaced, and pageshow from the cache removes it', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      // History: a page of the clinic's site, then the widget's page.
      const start = await serveHtml(
        page,
        new URL('e2e/start.html', build.server.url).href,
        clinicPage('<h1>Clinic home</h1>', { script: null, title: 'Clinic home' }),
      );
      await page.goto(start);
      const url = await openClinic(page, {}, { name: 'exit-back' });
      const length = await page.evaluate(() => history.length);
      await pressShift(page, 3);
      await page.waitForURL(landingUrl());
      assert.equal(await page.evaluate(() => history.length), length);

      await page.goBack();
      assert.equal(page.url(), start, 'Back skips the replaced widget page and goes to the page before it');
      await page.goForward();
      assert.equal(page.url(), landingUrl());
      await page.goto(url);
      await page.locator('reciprocity-widget .rw-widget').waitFor();
      assert.equal(await overlayShown(page), false, 'opening the page again shows no overlay');
    });

    // The page restored from the back-forward cache gets `pageshow` with persisted=true: the overlay goes.
    // (Playwright's Chromium runs without the cache, so the event is dispatched here while the exit page
    // is held back and the widget's page is still on screen.)
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        const url = await openClinic(page, {}, { name: 'exit-pageshow' });
        // The neutral page answers "204 No Content": the browser stays on this page, overlay and all.
        await page.route(landingUrl(), (route) => route.fulfill({ status: 204 }));
        await pressShift(page, 3);
        await eventually(async () => assert.equal(await overlayShown(page), true, 'the overlay is shown'));
        await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
        await eventually(async () => assert.equal(await overlayShown(page), false, 'overlay gone after pageshow (persisted)'), {
          timeout: 2000,
        });
        assert.equal(page.url(), url);
        // And the widget still works, quick exit included.
        await checkbox(page, content.steps[0].actions[0].text).check();
        await eventually(async () => assert.equal(await checklistProgress(page), overall(1)));
        await pressShift(page, 1);
        await eventually(async () => assert.equal(await litIndicators(page), 1));
      },
    );
  });

  test('with the back-forward cache on: a page restored from it works and shows no overlay', async (t) => {
    const cached = await launchBrowser({ ignoreDefaultArgs: ['--disable-back-forward-cache'] });
    try {
      await withContext(
        t,
        cached,
        async ({ page }) => {
          const ns = 'bfcache';
          const url = await serveHtml(
            page,
            new URL(`e2e/${ns}.html`, build.server.url).href,
            clinicPage(
              `<p><a id="away" href="${landingUrl()}">Weather</a></p>${widgetElement({ lang: 'en', namespace: ns, 'exit-url': landingUrl() })}`,
            ),
            { 'Cache-Control': 'private, max-age=0' },
          );
          await page.goto(url);
          await page.locator('reciprocity-widget .rw-widget').waitFor();
          await page.evaluate(() => {
            window.__e2eMark = 'same document';
          });
          await page.locator('#away').click();
          await page.waitForURL(landingUrl());
          await page.goBack({ waitUntil: 'commit' });
          await page.locator('reciprocity-widget .rw-widget').waitFor();
          const restored = await page.evaluate(() => window.__e2eMark === 'same document');
          assert.equal(restored, true, 'the page came back from the back-forward cache (the same document, not a reload)');
          assert.equal(await overlayShown(page), false, 'no overlay');
          // Quick exit still works after the restore.
          const length = await page.evaluate(() => history.length);
          await pressShift(page, 3);
          await page.waitForURL(landingUrl());
          assert.equal(await page.evaluate(() => history.length), length);
        },
      );
    } finally {
      await cached.close();
    }
  });
});

// ==================================================================================================

describe('support', () => {
  /** The regions in the support panel, by data-region, in order. */
  const shownRegions = (scope) =>
    supportPanel(scope)
      .locator('section.rw-region[data-region]')
      .evaluateAll((sections) => sections.map((s) => s.dataset.region));

  async function assertRegion(scope, region) {
    const section = supportPanel(scope).locator(`section.rw-region[data-region="${region.id}"]`);
    const hrefs = await section.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes(`tel:${dialled(region.emergency)}`), `${region.id}: emergency ${region.emergency} as tel: (${hrefs})`);
    const text = await textOf(section);
    for (const line of region.lines) {
      assert.ok(text.includes(line.name), `${region.id}: "${line.name}" shown`);
      const call = section.getByRole('link', { name: fill(ui.support_call, { number: line.call }), exact: true });
      assert.equal(await call.count(), 1, `${region.id}: a link "${fill(ui.support_call, { number: line.call })}"`);
      assert.equal(await call.getAttribute('href'), `tel:${dialled(line.call)}`);
      if (line.text) {
        const sms = section.getByRole('link', { name: fill(ui.support_text, { number: line.text }), exact: true });
        assert.equal(await sms.count(), 1, `${region.id}: a link "${fill(ui.support_text, { number: line.text })}"`);
        const href = await sms.getAttribute('href');
        assert.ok(href.startsWith('sms:'), `${region.id}: sms: link, got ${href}`);
        assert.equal(dialled(href.slice(4)), dialled(line.text));
      }
    }
    // The crisis lines' and the domestic-abuse lines' (tests/e2e/safety-content.test.mjs checks those).
    const texted = [...region.lines, ...(region.abuse_lines ?? [])].filter((l) => l.text).length;
    const sms = hrefs.filter((h) => h.startsWith('sms:')).length;
    assert.equal(sms, texted, `${region.id}: an sms: link only where the content has "text"`);
  }

  test('with lang="en": all six regions, each with its emergency number and lines as tel: and sms: links', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, {}, { name: 'support-all' });
      const button = supportButton(page);
      assert.equal(await supportPanel(page).count(), 0, 'closed at first');
      await button.click();
      await supportPanel(page).waitFor();
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      assert.equal(
        await supportPanel(page).getByRole('heading', { name: ui.support_heading, exact: true }).count(),
        1,
        'the panel has its heading',
      );
      assert.deepEqual(await shownRegions(page), REGIONS.map((r) => r.id));
      for (const region of REGIONS) await assertRegion(page, region);

      await button.click();
      await eventually(async () => assert.equal(await supportPanel(page).isVisible(), false, 'closed again'));
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
    });
  });

  test('region, then the region of lang, chooses the lines; region wins; an unknown region warns', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const warnings = collectWarnings(page);
      const cases = [
        { id: 'gb', attrs: { lang: 'en-GB' }, expect: ['GB'] },
        { id: 'ca', attrs: { lang: 'en-CA' }, expect: ['CA'] },
        { id: 'au', attrs: { lang: 'en-GB', region: 'AU' }, expect: ['AU'] },
        { id: 'in', attrs: { region: 'IN' }, expect: ['IN'] },
        { id: 'uk', attrs: { region: 'UK' }, expect: ['GB'] },
        { id: 'nz', attrs: { lang: 'en-NZ' }, expect: REGIONS.map((r) => r.id) },
        { id: 'zz', attrs: { region: 'ZZ' }, expect: REGIONS.map((r) => r.id) },
      ];
      const body = cases
        .map((c) => widgetElement({ id: c.id, lang: 'en', namespace: `support-${c.id}`, 'exit-url': landingUrl(), ...c.attrs }))
        .join('\n');
      await page.goto(await serveHtml(page, new URL('e2e/regions.html', build.server.url).href, clinicPage(body)));
      const problems = [];
      for (const c of cases) {
        const w = page.locator(`#${c.id}`);
        await w.locator('.rw-widget').waitFor();
        await supportButton(w).click();
        await supportPanel(w).waitFor();
        const shown = await shownRegions(w);
        if (JSON.stringify(shown) !== JSON.stringify(c.expect)) {
          problems.push(`${JSON.stringify(c.attrs)}: expected ${c.expect}, shown ${shown}`);
        }
        for (const id of shown) await assertRegion(w, REGIONS.find((r) => r.id === id));
      }
      assert.deepEqual(problems, [], 'regions shown');
      assert.ok(
        warnings.some((w) => w.includes('region') && w.includes('ZZ')),
        `a warning for region="ZZ", got ${JSON.stringify(warnings)}`,
      );
    });
  });

  test('the clinic’s own lines (support-lines) come first; bad entries are skipped with a warning; at most 10', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const warnings = collectWarnings(page);
      const good = [
        ['Harbour Counselling front desk', '+44 20 7946 0000'],
        ['Out of hours', '0800 123 4567'],
      ];
      const bad = ['no separator here', ' | 0800 000 111', 'Letters only | call-us'];
      const lines = [`${good[0][0]} | ${good[0][1]}`, bad[0], bad[1], `${good[1][0]} | ${good[1][1]}`, bad[2]].join('; ');
      const many = Array.from({ length: 12 }, (_, i) => `Line ${i + 1} | 0100 000 ${String(i + 1).padStart(3, '0')}`).join('; ');
      const body = [
        widgetElement({ id: 'clinic', lang: 'en', namespace: 'support-clinic', region: 'GB', 'exit-url': landingUrl(), 'support-lines': lines }),
        widgetElement({ id: 'many', lang: 'en', namespace: 'support-many', region: 'GB', 'exit-url': landingUrl(), 'support-lines': many }),
      ].join('\n');
      await page.goto(await serveHtml(page, new URL('e2e/clinic-lines.html', build.server.url).href, clinicPage(body)));

      const clinicLinks = (w) =>
        w.evaluate((el) =>
          Array.from(el.shadowRoot.querySelectorAll('section.rw-support a[href^="tel:"]'))
            .filter((a) => !a.closest('section.rw-region[data-region]'))
            .map((a) => ({ href: a.getAttribute('href'), around: a.closest('li,p,div')?.textContent.replace(/\s+/g, ' ').trim() })),
        );

      const w = page.locator('#clinic');
      await w.locator('.rw-widget').waitFor();
      await supportButton(w).click();
      await supportPanel(w).waitFor();
      const heading = supportPanel(w).getByRole('heading', { name: ui.support_clinic_heading, exact: true });
      assert.equal(await heading.count(), 1, `a heading "${ui.support_clinic_heading}"`);
      const first = await w.evaluate((el, name) => {
        const root = el.shadowRoot;
        const h = Array.from(root.querySelectorAll('section.rw-support :is(h1,h2,h3,h4,h5,h6)')).find((e) => e.textContent.trim() === name);
        const region = root.querySelector('section.rw-support section.rw-region[data-region]');
        return Boolean(h && region && h.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING);
      }, ui.support_clinic_heading);
      assert.equal(first, true, 'the clinic’s lines come before the regions');
      const links = await clinicLinks(w);
      assert.deepEqual(links.map((l) => l.href), good.map(([, n]) => `tel:${dialled(n)}`), 'the two good entries, in order');
      for (const [i, [name]] of good.entries()) assert.ok(links[i].around.includes(name), `"${name}" shown with its number`);
      for (const entry of bad) {
        assert.ok(
          warnings.some((m) => m.includes('support-lines') && m.includes(entry.trim())),
          `a warning naming the bad entry "${entry.trim()}"; warnings: ${JSON.stringify(warnings)}`,
        );
      }

      const m = page.locator('#many');
      await m.locator('.rw-widget').waitFor();
      await supportButton(m).click();
      await supportPanel(m).waitFor();
      const manyLinks = await clinicLinks(m);
      assert.equal(manyLinks.length, 10, `at most 10 clinic lines, shown ${manyLinks.length}`);
      assert.deepEqual(manyLinks.map((l) => l.href), Array.from({ length: 10 }, (_, i) => `tel:0100000${String(i + 1).padStart(3, '0')}`));
    });
  });

  test('reachable from the checklist, a question and the plan', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, { region: 'GB' }, { name: 'support-views' });
      const check = async (where) => {
        assert.equal(await supportButton(page).isVisible(), true, `support button visible on ${where}`);
        await supportButton(page).click();
        await supportPanel(page).waitFor();
        assert.ok((await textOf(supportPanel(page))).includes('Samaritans'), `support lines on ${where}`);
        await supportButton(page).click();
        await supportPanel(page).waitFor({ state: 'hidden' });
      };
      await check('the checklist');
      await startCheck(page);
      await check('the content note');
      await answerNote(page, 'skip');
      await page.locator('.rw-question').getByRole('radio', { name: content.scale[1], exact: true }).check();
      await check('a question');
      assert.equal(await questionProgress(page), progressText(1, WITHOUT_SENSITIVE), 'still on question 1');
      assert.equal(
        await page.locator('.rw-question').getByRole('radio', { name: content.scale[1], exact: true }).isChecked(),
        true,
        'its answer kept',
      );
      await nav(page, ui.nav_plan).click();
      await page.locator('.rw-plan').waitFor();
      await check('the plan');
    });
  });
});

// ==================================================================================================

describe('care in content', () => {
  test('the content note; "leave them out" drops only the hard-times statements; every question can be skipped', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'note-skip';
      await openClinic(page, {}, { name: ns });
      const friend = contextOf('friend');
      await startCheck(page, friend.label);
      const note = await page.evaluate(() => document.querySelector('reciprocity-widget').shadowRoot.querySelector('.rw-view').textContent);
      assert.ok(note.includes(friend.content_note), 'the note, worded for a friend');
      assert.equal(await page.getByRole('button', { name: ui.content_note_include, exact: true }).count(), 1);
      await answerNote(page, 'skip');

      const expected = [...content.items.filter((i) => i.form !== 'healing'), null].map((i) => statement(i, friend));
      const sensitive = SENSITIVE.map((i) => statement(i, friend));
      const seen = [];
      const noSkip = [];
      await goThrough(page, WITHOUT_SENSITIVE, {
        each: async (q) => {
          seen.push(await textOf(page.locator('.rw-question legend')));
          const labels = (await optionLabels(page)).map((s) => s.trim());
          if (!labels.includes(ui.prefer_not)) noSkip.push(q + 1);
        },
      });
      assert.deepEqual(noSkip, [], `questions without "${ui.prefer_not}"`);
      assert.deepEqual(seen.filter((s) => sensitive.includes(s)), [], 'no statement about hard times');
      assert.deepEqual(seen, expected, 'the other 21 statements, in order');
      const attempt = (await localDoc(page, ns)).quiz.attempts.at(-1);
      assert.ok(attempt.finished, 'the check is finished');
      assert.deepEqual(
        Object.keys(attempt.answers).filter((id) => SENSITIVE.some((i) => i.id === id)),
        [],
        'no answers stored for the left-out statements',
      );
    });
  });

  test('"include them" keeps every question, each with "Prefer not to answer"', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, {}, { name: 'note-include' });
      const partner = contextOf('partner');
      await startCheck(page, partner.label);
      await answerNote(page, 'include');
      const seen = [];
      await goThrough(page, ALL_QUESTIONS, {
        each: async () => seen.push(await textOf(page.locator('.rw-question legend'))),
        pick: (_, labels) => {
          assert.ok(labels.includes(ui.prefer_not), `"${ui.prefer_not}" offered`);
          return ui.prefer_not;
        },
      });
      assert.deepEqual(seen, [...content.items, null].map((i) => statement(i, partner)));
    });
  });
});

// ==================================================================================================

describe('your data', () => {
  test('the panel says what is kept and where; "Delete everything" after confirming leaves no key behind', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'data-delete';
      await openClinic(page, {}, { name: ns });
      await tick(page, content.steps[0].actions[1], ns);
      await tick(page, content.steps[4].actions[2], ns);
      await startCheck(page);
      await answerNote(page, 'skip');
      for (let q = 0; q < 2; q++) {
        await waitForQuestion(page, q + 1, WITHOUT_SENSITIVE);
        await page.locator('.rw-question').getByRole('radio', { name: content.scale[q + 2], exact: true }).check();
        await page.locator('.rw-quiz-nav').getByRole('button', { name: ui.next, exact: true }).click();
      }
      await waitForQuestion(page, 3, WITHOUT_SENSITIVE);
      await page.evaluate((k) => {
        localStorage.setItem(`${k}/corrupt/1764000000000`, 'an old unreadable copy');
        localStorage.setItem('reciprocity-widget/v1/another-widget', '{"schema":3}');
        localStorage.setItem('clinic-theme', 'dark');
      }, keyOf(ns));
      assert.ok(Object.keys((await storedUnder(page, keyOf(ns))).local).length >= 2);

      await dataButton(page).click();
      const panel = dataPanel(page);
      await panel.waitFor();
      assert.equal(await dataButton(page).getAttribute('aria-expanded'), 'true');
      assert.equal(await panel.getByRole('heading', { name: ui.data_heading, exact: true }).count(), 1);
      assert.ok((await textOf(panel)).includes(keyOf(ns)), `the panel names the storage key ${keyOf(ns)}`);

      // Cancel first: nothing happens.
      const before = await storedUnder(page, keyOf(ns));
      const cancelling = (await storageWrites(page)).length;
      await panel.getByRole('button', { name: ui.data_delete, exact: true }).click();
      assert.ok((await textOf(panel)).includes(ui.data_delete_question), 'the question is asked');
      await panel.getByRole('button', { name: ui.cancel, exact: true }).click();
      await panel.getByRole('button', { name: ui.data_delete, exact: true }).waitFor();
      // A later change is saved: a write caused by Cancel would have come before it.
      await toggleExitClears(page, ns);
      assert.deepEqual(await writesTo(page, ns, cancelling), [saveOf(ns)], 'cancel wrote nothing');
      const afterCancel = await storedUnder(page, keyOf(ns));
      assert.deepEqual(Object.keys(afterCancel.local).sort(), Object.keys(before.local).sort(), 'cancel keeps every key');
      assert.deepEqual(
        progressIn(afterCancel.local[keyOf(ns)]),
        progressIn(before.local[keyOf(ns)]),
        'cancel keeps the progress',
      );

      const deleting = (await storageWrites(page)).length;
      await panel.getByRole('button', { name: ui.data_delete, exact: true }).click();
      await panel.getByRole('button', { name: ui.data_delete_confirm, exact: true }).click();
      await eventually(async () => assert.ok((await textOf(panel)).includes(ui.data_deleted), `"${ui.data_deleted}"`));
      assert.deepEqual(await storedUnder(page, keyOf(ns)), { local: {}, session: {} }, 'no key of this widget left');
      const keys = await storageKeys(page);
      assert.ok(keys.local.includes('reciprocity-widget/v1/another-widget'), 'another widget’s data is not touched');
      assert.ok(keys.local.includes('clinic-theme'), 'the host page’s own key is not touched');

      // On screen: nothing left (the panel is over the question the visitor was on).
      await dataButton(page).click();
      await nav(page, ui.nav_checklist).click();
      await eventually(async () => assert.equal(await checklistProgress(page), overall(0)));
      await nav(page, ui.nav_plan).click();
      await page.locator('.rw-plan').waitFor();
      assert.equal(await page.locator('.rw-plan table').count(), 0, 'no plan left');
      // Moving between sections alone stores nothing: no key comes back after "Delete everything".
      const left = (await storedUnder(page, keyOf(ns))).local;
      assert.deepEqual(left, {}, 'nothing stored again by moving between sections');

      // The next change is saved, and it is the first write since the deletion removed the document and
      // the copy kept aside: nothing was written back in between.
      await nav(page, ui.nav_checklist).click();
      const fresh = content.steps[6].actions[0];
      await tick(page, fresh, ns);
      const writes = await writesTo(page, ns, deleting);
      assert.deepEqual(
        writes.slice(0, -1).sort(),
        [`local removeItem ${keyOf(ns)}`, `local removeItem ${keyOf(ns)}/corrupt/1764000000000`].sort(),
        'the deletion removed the document and the copy kept aside',
      );
      assert.deepEqual(writes.slice(-1), [saveOf(ns)], 'then nothing was written until the next change');
      const doc = await localDoc(page, ns);
      assert.deepEqual(doc.checklist.done, [fresh.id], 'only the new tick is kept');
      assert.deepEqual(doc.quiz.attempts, [], 'no check came back');
      await page.reload();
      await page.locator('reciprocity-widget .rw-checklist').waitFor();
      await eventually(async () => assert.equal(await checklistProgress(page), overall(1)));
    }, { initScripts: [[recordStorageWrites]] });
  });

  test('"Delete everything" then a reload: nothing stored, nothing shown', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'data-delete-reload';
      await openClinic(page, {}, { name: ns });
      await tick(page, content.steps[0].actions[2], ns);
      await dataButton(page).click();
      await dataPanel(page).getByRole('button', { name: ui.data_delete, exact: true }).click();
      await dataPanel(page).getByRole('button', { name: ui.data_delete_confirm, exact: true }).click();
      await eventually(async () => assert.deepEqual(await storedUnder(page, keyOf(ns)), { local: {}, session: {} }));
      await page.reload();
      await page.locator('reciprocity-widget .rw-checklist').waitFor();
      assert.equal(await checklistProgress(page), overall(0));
      assert.deepEqual(await storedUnder(page, keyOf(ns)), { local: {}, session: {} }, 'nothing stored after the reload');
      // The next change is saved, and it is the reloaded page's first write: the reload wrote nothing.
      const next = content.steps[1].actions[3];
      await tick(page, next, ns);
      assert.deepEqual(await writesTo(page, ns, 0), [saveOf(ns)], 'a reload writes nothing');
      assert.deepEqual((await localDoc(page, ns)).checklist.done, [next.id]);
    }, { initScripts: [[recordStorageWrites]] });
  });

  test('"Download my data" saves a dated JSON file; loading it back replaces progress after confirming; a bad file changes nothing', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'data-files';
      const [a, b, c] = [content.steps[0].actions[0], content.steps[2].actions[2], content.steps[5].actions[1]];
      await openClinic(page, {}, { name: ns });
      await tick(page, a, ns);
      await tick(page, b, ns);

      await dataButton(page).click();
      const panel = dataPanel(page);
      await panel.waitFor();
      const dayBefore = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('button', { name: ui.data_export, exact: true }).click(),
      ]);
      const dayAfter = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
      const file = download.suggestedFilename();
      assert.match(file, /^reciprocity-widget-\d{4}-\d{2}-\d{2}\.json$/);
      assert.ok([dayBefore, dayAfter].some((d) => file === `reciprocity-widget-${d}.json`), `today's date in ${file}`);
      const text = await readFile(await download.path(), 'utf8');
      const data = JSON.parse(text);
      assert.ok(text.includes(a.id) && text.includes(b.id), 'the file holds the ticked actions');
      assert.equal(await download.failure(), null);
      await eventually(async () => assert.ok((await textOf(panel)).includes(fill(ui.data_exported, { file }))));

      // Change progress: untick a, tick c.
      await dataButton(page).click();
      await checkbox(page, a.text).uncheck();
      await tick(page, c, ns);
      const changed = await storedUnder(page, keyOf(ns));
      await dataButton(page).click();
      const input = panel.getByLabel(ui.data_import, { exact: true });
      assert.equal(await input.getAttribute('type'), 'file');

      // Changed nothing since `mark`: a later change is saved, and it is the only write since (a write
      // caused by what came before would have come before it); the progress stored is as it was.
      const assertUnchanged = async (mark, what) => {
        await toggleExitClears(page, ns);
        assert.deepEqual(await writesTo(page, ns, mark), [saveOf(ns)], `${what} wrote nothing`);
        const now = await storedUnder(page, keyOf(ns));
        assert.deepEqual(Object.keys(now.local).sort(), Object.keys(changed.local).sort(), `${what} added or removed no key`);
        assert.deepEqual(progressIn(now.local[keyOf(ns)]), progressIn(changed.local[keyOf(ns)]), `${what} changed nothing`);
      };
      const tryBad = async (name, body, message) => {
        const mark = (await storageWrites(page)).length;
        await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
        await eventually(async () => assert.ok((await textOf(panel)).includes(fill(message, { file: name })), `message for ${name}`));
        await assertUnchanged(mark, name);
      };

      // A file that is not ours: a message naming it, nothing changed.
      await tryBad('notes.txt', 'Dear diary', ui.data_import_bad);
      await tryBad('other.json', '{"hello": "world"}', ui.data_import_bad);
      await tryBad('truncated.json', text.slice(0, Math.floor(text.length / 2)), ui.data_import_bad);
      // Made by a newer version: its schema number raised, wherever the file keeps it.
      const newer = JSON.parse(text);
      const bump = (o) => {
        if (!o || typeof o !== 'object') return false;
        if (typeof o.schema === 'number') {
          o.schema = 999;
          return true;
        }
        return Object.values(o).some(bump);
      };
      assert.ok(bump(newer), `the export has a "schema" field to raise: ${Object.keys(data)}`);
      await tryBad('newer.json', JSON.stringify(newer), ui.data_import_newer);
      assert.equal(await checkbox(page, c.text).isChecked(), true, 'the checklist on screen is unchanged');

      // The real file: asked first; Cancel keeps; Yes replaces.
      const asking = (await storageWrites(page)).length;
      await input.setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(text) });
      await eventually(async () => assert.ok((await textOf(panel)).includes(fill(ui.data_import_question, { file }))));
      await panel.getByRole('button', { name: ui.cancel, exact: true }).click();
      await eventually(async () => assert.ok(!(await textOf(panel)).includes(fill(ui.data_import_question, { file })), 'the question is gone'));
      await assertUnchanged(asking, 'cancel');
      await input.setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(text) });
      await panel.getByRole('button', { name: ui.data_import_confirm, exact: true }).click();
      await eventually(async () => assert.ok((await textOf(panel)).includes(fill(ui.data_imported, { file }))));
      await eventually(async () => assert.deepEqual([...(await localDoc(page, ns)).checklist.done].sort(), [a.id, b.id].sort()));
      await dataButton(page).click();
      await eventually(async () => assert.equal(await checkbox(page, a.text).isChecked(), true));
      assert.equal(await checkbox(page, c.text).isChecked(), false);
      assert.equal(await checklistProgress(page), overall(2));
    }, { initScripts: [[recordStorageWrites]] });
  });

  test('"Don’t remember me on this device": sessionStorage only, kept on reload, gone in a new tab or build.browser context', async (t) => {
    const ns = 'forget';
    const [a, b] = [content.steps[1].actions[1], content.steps[6].actions[2]];
    await withContext(t, build.browser, async ({ page, newPage }) => {
      await openClinic(page, {}, { name: ns });
      await tick(page, a, ns);
      assert.ok(await localDoc(page, ns));
      await dataButton(page).click();
      const panel = dataPanel(page);
      await forgetControl(panel).click();
      await eventually(async () => assert.ok((await textOf(panel)).includes(ui.data_forgotten), `"${ui.data_forgotten}"`));
      await eventually(async () => {
        const stored = await storedUnder(page, keyOf(ns));
        assert.deepEqual(stored.local, {}, 'the localStorage copy is removed');
        assert.ok(stored.session[keyOf(ns)], 'progress now in sessionStorage');
      });
      assert.ok((await textOf(panel)).includes(ui.data_session_statement), 'the panel says it is kept for this tab only');
      await dataButton(page).click();

      await tick(page, b, ns);
      assert.deepEqual([...(await sessionDoc(page, ns)).checklist.done].sort(), [a.id, b.id].sort());
      assert.deepEqual((await storedUnder(page, keyOf(ns))).local, {}, 'still nothing in localStorage');

      await page.reload();
      await page.locator('reciprocity-widget .rw-checklist').waitFor();
      assert.equal(await checklistProgress(page), overall(2), 'kept on reload in the same tab');
      assert.deepEqual((await storedUnder(page, keyOf(ns))).local, {}, 'nothing written to localStorage by the reload');
      await dataButton(page).click();
      // The panel's controls arrive on first opening (a part of the wasm): wait for them.
      await eventually(async () =>
        assert.ok((await textOf(dataPanel(page))).includes(ui.data_session_statement), 'still "this tab only" after the reload'),
      );

      // A new tab of the same browser profile (sessionStorage is per tab): nothing remembered.
      const other = await newPage();
      await openClinic(other, {}, { name: ns });
      assert.equal(await checklistProgress(other), overall(0), 'a new tab starts afresh');
      assert.deepEqual((await storedUnder(other, keyOf(ns))).local, {});
    });
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, {}, { name: ns });
      assert.equal(await checklistProgress(page), overall(0), 'a new build.browser context starts afresh');
    });
  });
});

// ==================================================================================================

describe('privacy audit', () => {
  // Records every storage write, history change, URL change and cookie write from the first script on.
  function spy() {
    const log = [];
    Object.defineProperty(window, '__e2eLog', { value: log });
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      log.push({ kind: this === window.sessionStorage ? 'session' : 'local', key: String(key) });
      return setItem.call(this, key, value);
    };
    for (const name of ['pushState', 'replaceState']) {
      const original = History.prototype[name];
      History.prototype[name] = function (...args) {
        log.push({ kind: 'history', key: `${name} ${args[2] ?? ''}` });
        return original.apply(this, args);
      };
    }
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      get() {
        return cookie.get.call(this);
      },
      set(value) {
        log.push({ kind: 'cookie', key: String(value) });
        cookie.set.call(this, value);
      },
    });
    addEventListener('hashchange', () => log.push({ kind: 'hashchange', key: location.href }));
    addEventListener('popstate', () => log.push({ kind: 'popstate', key: location.href }));
  }

  test('a whole session asks for nothing but the widget’s files, sets no cookie, keeps the URL, writes only reciprocity-widget/ keys', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page, context }) => {
        const requests = [];
        context.on('request', (r) => requests.push(r.url()));
        const navigations = [];
        page.on('framenavigated', (frame) => {
          if (frame === page.mainFrame()) navigations.push(frame.url());
        });
        const ns = 'audit';
        const url = await openClinic(page, { region: 'GB' }, { name: ns });
        const length = await page.evaluate(() => history.length);
        const urlKept = async (where) => {
          assert.equal(page.url(), url, `URL unchanged after ${where}`);
          assert.deepEqual(await page.evaluate(() => [location.search, location.hash, history.length]), ['', '', length], `no query, hash or history entry after ${where}`);
        };

        for (const action of [content.steps[0].actions[0], content.steps[3].actions[2], content.steps[6].actions[1]]) {
          await checkbox(page, action.text).check();
        }
        await urlKept('the checklist');
        await startCheck(page);
        await answerNote(page, 'include');
        await goThrough(page, ALL_QUESTIONS);
        await urlKept('the check and the plan');
        await page.locator('.rw-plan table').waitFor();
        await supportButton(page).click();
        await supportPanel(page).waitFor();
        await urlKept('the support panel');
        await supportButton(page).click();
        await dataButton(page).click();
        await dataPanel(page).waitFor();
        await dataPanel(page).getByRole('checkbox', { name: ui.exit_clears_label, exact: true }).check();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          dataPanel(page).getByRole('button', { name: ui.data_export, exact: true }).click(),
        ]);
        assert.equal(await download.failure(), null);
        await urlKept('the data panel and the download');
        // A later change is saved: by then anything the download set off has happened too.
        await toggleExitClears(page, ns);
        await urlKept('the last change');

        // Requests: the page itself and the widget's own files (its words in the page's language only,
        // and the parts of its wasm for the sections opened), nothing else (a blob: download is not a
        // request to anyone).
        const origin = new URL(build.server.url).origin;
        const allowed = new Set([url, ...[...FIRST_SCREEN_FILES(), ...allPartFiles()].map((f) => `${origin}/${f}`)]);
        const others = requests.filter((u) => !allowed.has(u) && !u.startsWith(`blob:${origin}/`));
        assert.deepEqual(others, [], 'requests other than the page and the widget’s own files');
        t.diagnostic(`requests: ${[...new Set(requests)].map((u) => u.replace(origin, '')).join(', ')}`);

        assert.deepEqual(await context.cookies(), [], 'no cookie in the build.browser context');
        assert.equal(await page.evaluate(() => document.cookie), '', 'document.cookie is empty');
        assert.deepEqual(navigations, [url], 'the main frame navigated once, to the page');

        const log = await page.evaluate(() => window.__e2eLog);
        assert.deepEqual(log.filter((e) => !['local', 'session'].includes(e.kind)), [], 'no history, hash or cookie change');
        const written = [...new Set(log.filter((e) => e.kind === 'local' || e.kind === 'session').map((e) => `${e.kind} ${e.key}`))];
        assert.ok(written.length > 0, 'progress was saved');
        assert.deepEqual(written.filter((w) => !w.split(' ')[1].startsWith('reciprocity-widget/')), [], 'keys written');
        const keys = await storageKeys(page);
        assert.deepEqual([...keys.local, ...keys.session].filter((k) => !k.startsWith('reciprocity-widget/')), [], 'keys present');
        const other = await page.evaluate(async () => ({
          indexedDB: (await indexedDB.databases()).map((d) => d.name),
          caches: 'caches' in window ? await caches.keys() : [],
        }));
        assert.deepEqual(other, { indexedDB: [], caches: [] }, 'no IndexedDB database or cache');
      },
      { initScripts: [[spy]] },
    );
  });
});

// ==================================================================================================

describe('accessibility', () => {
  test('axe-core reads inside the widget’s shadow root (a planted violation is found)', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, {}, { name: 'axe-probe' });
      await page.evaluate(() => {
        const root = document.querySelector('reciprocity-widget').shadowRoot;
        const planted = document.createElement('button');
        planted.className = 'e2e-planted';
        planted.type = 'button';
        root.querySelector('.rw-widget').append(planted);
      });
      const found = (await axeScan(page)).filter(
        (v) => v.id === 'button-name' && v.nodes.some((n) => n.target.includes('e2e-planted')),
      );
      assert.equal(found.length, 1, 'the nameless button inside the shadow root is reported');
      await page.evaluate(() => document.querySelector('reciprocity-widget').shadowRoot.querySelector('.e2e-planted').remove());
      assert.equal((await axeScan(page)).filter((v) => v.nodes.some((n) => n.target.includes('e2e-planted'))).length, 0);
    });
  });

  test('the widget’s root carries its language', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, {}, { name: 'lang' });
      const lang = await page.evaluate(() => document.querySelector('reciprocity-widget').shadowRoot.querySelector('.rw-widget')?.getAttribute('lang'));
      assert.equal(lang, content.lang);
    });
  });

  const SCREEN_VIEWS = new Set(['checklist', 'question', 'plan', 'support', 'data']);
  for (const scheme of ['light', 'dark']) {
    for (const width of [1280, 320]) {
      test(`every view: no axe violation, ${scheme} colours, ${width} px wide${width === 320 ? ', no sideways scrolling' : ''}; screenshots`, async (t) => {
        await withContext(t, build.browser, async ({ page }) => {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme: scheme });
          const problems = [];
          const visited = [];
          await tour(page, async (view) => {
            visited.push(view);
            const violations = await axeScan(page);
            if (violations.length) problems.push(`${view}:\n${formatViolations(violations)}`);
            if (width === 320) {
              const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
              if (scroll > 320) problems.push(`${view}: document scrollWidth ${scroll} > 320 (content does not reflow)`);
            }
            if (SCREEN_VIEWS.has(view)) await screen(page, `${view}-${scheme}-${width}`);
          });
          const surface = await page.evaluate(() =>
            getComputedStyle(document.querySelector('reciprocity-widget').shadowRoot.querySelector('.rw-widget')).backgroundColor,
          );
          t.diagnostic(`views: ${visited.join(', ')}; widget background in ${scheme}: ${surface}`);
          assert.deepEqual(visited, TOUR_VIEWS, 'every view scanned');
          assert.deepEqual(problems, [], `${problems.length} view(s) with problems:\n${problems.join('\n')}`);
        });
      });
    }
  }

  test('targets are at least 24×24 CSS px (buttons, links, radio and checkbox labels), at 1280 and 320 px', async (t) => {
    const small = new Set();
    const exempt = new Set();
    const measured = {};
    let checked = 0;
    for (const width of [1280, 320]) {
      await withContext(t, build.browser, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await tour(page, async (view) => {
          const found = await page.evaluate(() => {
            const root = document.querySelector('reciprocity-widget').shadowRoot;
            const targets = [
              ...root.querySelectorAll('button, a[href], [role="button"]'),
              ...Array.from(root.querySelectorAll('input[type="radio"], input[type="checkbox"], input[type="file"]'), (input) => input.closest('label') ?? (input.id && root.querySelector(`label[for="${input.id}"]`)) ?? input),
            ];
            const out = [];
            let checked = 0;
            for (const el of new Set(targets)) {
              const r = el.getBoundingClientRect();
              const cs = getComputedStyle(el);
              if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden') continue;
              if (r.width <= 1 && r.height <= 1) continue; // visually hidden (a label stands in for it)
              if (el.closest('.rw-probes')) continue;
              const name = `${el.localName}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
              // WCAG 2.5.8's inline exception: a link inside a sentence.
              const parent = el.parentElement;
              const inline =
                el.localName === 'a' &&
                cs.display === 'inline' &&
                parent &&
                parent.textContent.replace(el.textContent, '').trim().length > 0;
              checked++;
              if (r.width < 24 || r.height < 24) out.push({ name, size: `${Math.round(r.width * 10) / 10}×${Math.round(r.height * 10) / 10}`, inline });
            }
            return { small: out, checked };
          });
          checked += found.checked;
          measured[`${width}px ${view}`] = found.checked;
          for (const f of found.small) (f.inline ? exempt : small).add(`${width}px ${view}: ${f.name} ${f.size}`);
        }, { name: `targets-${width}` });
      });
    }
    t.diagnostic(`targets measured (over all views and both widths): ${checked}`);
    if (exempt.size) t.diagnostic(`inline links in a sentence (exempt under WCAG 2.5.8):\n${[...exempt].join('\n')}`);
    assert.deepEqual(
      Object.keys(measured),
      [1280, 320].flatMap((width) => TOUR_VIEWS.map((view) => `${width}px ${view}`)),
      'every view at both widths',
    );
    assert.deepEqual(
      Object.entries(measured).filter(([, n]) => n === 0).map(([where]) => where),
      [],
      'views where no target was measured',
    );
    assert.ok(checked > 0, 'targets were measured');
    assert.deepEqual([...small], [], 'targets smaller than 24×24');
  });

  test('forced colours: radios and checkboxes stay visible, buttons keep a visible edge', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await page.emulateMedia({ forcedColors: 'active' });
      assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
      const problems = new Set();
      const counted = { inputs: 0, buttons: 0 };
      const visited = [];
      await tour(page, async (view) => {
        visited.push(view);
        const found = await page.evaluate(() => {
          const root = document.querySelector('reciprocity-widget').shadowRoot;
          const out = [];
          let inputs = 0;
          let buttons = 0;
          const visible = (el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
          };
          for (const input of root.querySelectorAll('input[type="radio"], input[type="checkbox"]')) {
            inputs++;
            const r = input.getBoundingClientRect();
            const cs = getComputedStyle(input);
            if (r.width < 10 || r.height < 10 || cs.opacity === '0' || cs.visibility === 'hidden') {
              out.push(`${input.type} "${input.closest('label')?.textContent.trim().slice(0, 40)}": ${r.width}×${r.height}, opacity ${cs.opacity}`);
            }
          }
          for (const button of root.querySelectorAll('button')) {
            if (!visible(button)) continue;
            buttons++;
            const cs = getComputedStyle(button);
            const border = ['Top', 'Right', 'Bottom', 'Left'].some(
              (s) => cs[`border${s}Style`] !== 'none' && cs[`border${s}Style`] !== 'hidden' && parseFloat(cs[`border${s}Width`]) > 0,
            );
            const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
            const underlined = cs.textDecorationLine.includes('underline');
            if (!border && !outline && !underlined) {
              out.push(`button "${button.textContent.trim().slice(0, 40)}": no border, outline or underline`);
            }
          }
          return { out, inputs, buttons };
        });
        counted.inputs += found.inputs;
        counted.buttons += found.buttons;
        if (found.buttons === 0) problems.add(`${view}: no visible button measured`);
        for (const f of found.out) problems.add(`${view}: ${f}`);
      }, { name: 'forced-colors' });
      t.diagnostic(`controls checked (over all views): ${JSON.stringify(counted)}`);
      assert.deepEqual(visited, TOUR_VIEWS, 'every view checked');
      assert.ok(counted.inputs > 0, 'radios and checkboxes were measured');
      assert.ok(counted.buttons > 0, 'buttons were measured');
      assert.deepEqual([...problems], [], 'controls that vanish in forced colours');
    });
  });

  test('reduced motion: no animation or transition runs', async (t) => {
    // Without the preference, for the record (motion is allowed then).
    const withMotion = [];
    await withContext(t, build.browser, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await tour(page, async (view) => {
        const n = await page.evaluate(() => document.querySelector('reciprocity-widget').shadowRoot.getAnimations().length);
        if (n) withMotion.push(`${view}: ${n}`);
      }, { name: 'full-motion' });
    });
    t.diagnostic(`animations running without reduced motion: ${withMotion.join(', ') || 'none seen'}`);
    await withContext(t, build.browser, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const found = new Set();
      const scanned = {};
      await tour(page, async (view) => {
        const facts = await page.evaluate(() => {
          const root = document.querySelector('reciprocity-widget').shadowRoot;
          const running = [...root.getAnimations(), ...document.getAnimations()].map(
            (a) => `${a.constructor.name} ${a.animationName ?? a.transitionProperty ?? ''} ${a.playState}`,
          );
          const moving = [];
          const longest = (list) =>
            Math.max(...list.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000)));
          const elements = root.querySelectorAll('*');
          for (const el of elements) {
            const cs = getComputedStyle(el);
            const tr = longest(cs.transitionDuration);
            const an = cs.animationName !== 'none' ? longest(cs.animationDuration) : 0;
            if (tr > 10 || an > 10) moving.push(`${el.localName}.${el.className}: transition ${cs.transitionDuration}, animation ${cs.animationName} ${cs.animationDuration}`);
          }
          return { running, moving, elements: elements.length };
        });
        scanned[view] = facts.elements;
        for (const r of facts.running) found.add(`${view}: running ${r}`);
        for (const m of facts.moving) found.add(`${view}: ${m}`);
      }, { name: 'reduced-motion' });
      assert.deepEqual(Object.keys(scanned), TOUR_VIEWS, 'every view scanned');
      assert.deepEqual(
        Object.entries(scanned).filter(([, n]) => n === 0).map(([view]) => view),
        [],
        'views where no element was scanned',
      );
      assert.deepEqual([...found], [], 'motion with prefers-reduced-motion: reduce');
    });
  });

  test('keyboard only: checklist, check, plan, support and delete, with a visible focus indicator at every stop', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'keyboard';
      await openClinic(page, { region: 'GB' }, { name: ns });
      const noIndicator = new Set();
      let stops = 0;
      const checkIndicator = async () => {
        stops++;
        // Every stop: controls, and the scrollable table regions a key press reaches too.
        const f = await focusIndicator(page);
        if (!f.visible) noIndicator.add(`${f.tag}${f.type ? `[${f.type}]` : ''} "${f.text}" (outline ${f.outline}, box-shadow ${f.boxShadow}, label outline ${f.labelOutline})`);
        if (!f.focusVisible) noIndicator.add(`${f.tag} "${f.text}" does not match :focus-visible after a key press`);
      };
      const go = async (key, match, what, max = 60) => {
        const trail = [];
        for (let i = 0; i < max; i++) {
          await page.keyboard.press(key);
          await checkIndicator();
          const now = await focused(page);
          if (match(now)) return now;
          trail.push(`${now.tag} "${now.text.slice(0, 30)}"`);
        }
        assert.fail(`${key} ×${max} never reached ${what}; focus went: ${trail.join(' → ')}`);
      };
      const isButton = (name) => (f) => f.tag === 'button' && f.text === name;

      // The exit link comes first, then the checklist.
      const first = await go('Tab', () => true, 'anything', 1);
      assert.equal(first.tag, 'a', 'the first stop is the exit link');
      assert.equal(first.href, landingUrl());
      const action = content.steps[1].actions[0];
      await go('Tab', (f) => f.type === 'checkbox' && f.text === actionLabel(action), `"${action.text}"`);
      await page.keyboard.press('Space');
      await eventually(async () => assert.equal(await checklistProgress(page), overall(1)));

      // The check: who, the content note, 21 statements, the plan.
      await go('Shift+Tab', (f) => f.inNav && f.text === ui.nav_quiz, 'the check section');
      await page.keyboard.press('Enter');
      // The check's part of the wasm arrives on first opening ("Loading…" under the heading until then).
      await page.getByRole('radio').first().waitFor();
      await go('Tab', (f) => f.type === 'radio', 'the context picker');
      await page.keyboard.press('Space');
      await go('Tab', isButton(ui.start), 'Start', 4);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: ui.content_note_heading, exact: true }).waitFor();
      await go('Tab', isButton(ui.content_note_skip), `"${ui.content_note_skip}"`, 6);
      await page.keyboard.press('Enter');
      for (let q = 0; q < WITHOUT_SENSITIVE; q++) {
        await waitForQuestion(page, q + 1, WITHOUT_SENSITIVE);
        await go('Tab', (f) => f.type === 'radio', 'an option', 4);
        for (let i = 0; i < q % 4; i++) await page.keyboard.press('ArrowDown');
        if (q % 4 === 0) await page.keyboard.press('Space');
        await checkIndicator();
        assert.equal((await focused(page)).checked, true);
        const last = q === WITHOUT_SENSITIVE - 1;
        await go('Tab', isButton(last ? ui.finish : ui.next), 'Next', 6);
        await page.keyboard.press('Enter');
      }
      await eventually(async () => assert.equal(await viewHeading(page), ui.plan_heading));
      await page.locator('.rw-plan table').waitFor();

      // Support, from the plan: open with Enter, Tab to a phone link.
      await go('Shift+Tab', isButton(ui.support_button), `"${ui.support_button}"`);
      await page.keyboard.press('Enter');
      await supportPanel(page).waitFor();
      assert.equal(await supportButton(page).getAttribute('aria-expanded'), 'true');
      const phone = await go('Tab', (f) => f.tag === 'a' && f.href?.startsWith('tel:'), 'a phone link');
      assert.ok(phone.href.startsWith('tel:'));
      await go('Shift+Tab', isButton(ui.support_button), `"${ui.support_button}"`);
      await page.keyboard.press('Enter');
      await supportPanel(page).waitFor({ state: 'hidden' });

      // Delete everything.
      await go('Tab', isButton(ui.data_button), `"${ui.data_button}"`, 4).catch(async () =>
        go('Shift+Tab', isButton(ui.data_button), `"${ui.data_button}"`, 8),
      );
      await page.keyboard.press('Enter');
      await dataPanel(page).waitFor();
      // Focus must follow when the button pressed is replaced (as with the checklist's reset): into the
      // question, back to "Delete everything" after Cancel, and somewhere in the widget after deleting.
      const where = async () => {
        const f = await focused(page);
        return `${f.tag} "${f.text}"`;
      };
      const reach = async (name) => {
        const f = await focused(page);
        if (f.tag === 'button' && f.text === name) return;
        await go('Tab', isButton(name), `"${name}"`, 6).catch(() => go('Shift+Tab', isButton(name), `"${name}"`, 60));
      };
      const seen = {};
      // Download first (Enter on the button), to load it back after deleting.
      await go('Tab', isButton(ui.data_export), `"${ui.data_export}"`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      const saved = await readFile(await download.path(), 'utf8');
      await go('Tab', isButton(ui.data_delete), `"${ui.data_delete}"`);
      await page.keyboard.press('Enter');
      await dataPanel(page).getByRole('button', { name: ui.data_delete_confirm, exact: true }).waitFor();
      seen.afterAskingToDelete = await where();
      await reach(ui.cancel);
      await page.keyboard.press('Enter');
      await dataPanel(page).getByRole('button', { name: ui.data_delete, exact: true }).waitFor();
      seen.afterCancel = await where();
      assert.ok(Object.keys((await storedUnder(page, keyOf(ns))).local).length > 0, 'Cancel deleted nothing');
      await reach(ui.data_delete);
      await page.keyboard.press('Enter');
      await reach(ui.data_delete_confirm);
      await page.keyboard.press('Enter');
      await eventually(async () => assert.deepEqual(await storedUnder(page, keyOf(ns)), { local: {}, session: {} }));
      seen.afterDeleting = await where();

      // Load the file back: choosing a file needs the system dialog, so the file is set on the focused
      // input; the question and the answer are keyboard again.
      await dataPanel(page).waitFor();
      await go('Tab', (f) => f.type === 'file', 'the file input').catch(() => go('Shift+Tab', (f) => f.type === 'file', 'the file input'));
      await dataPanel(page).getByLabel(ui.data_import, { exact: true }).setInputFiles({
        name: download.suggestedFilename(),
        mimeType: 'application/json',
        buffer: Buffer.from(saved),
      });
      await dataPanel(page).getByRole('button', { name: ui.data_import_confirm, exact: true }).waitFor();
      seen.afterChoosingFile = await where();
      await reach(ui.data_import_confirm);
      await page.keyboard.press('Enter');
      await eventually(async () => assert.deepEqual((await localDoc(page, ns))?.checklist?.done, [action.id], 'loaded back'));
      seen.afterLoading = await where();
      t.diagnostic(`focus stops checked for an indicator: ${stops}; focus on the delete path: ${JSON.stringify(seen)}`);

      assert.ok(stops > 0, 'focus stops were checked');
      assert.deepEqual([...noIndicator], [], 'focus stops without a visible indicator');
      assert.deepEqual(
        Object.entries(seen).filter(([, f]) => f.startsWith('body')).map(([when]) => when),
        [],
        `focus fell to the page (body) instead of staying in the widget: ${JSON.stringify(seen)}`,
      );
    });
  });
});
