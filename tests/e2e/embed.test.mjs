// End-to-end tests of the embed layer: the <reciprocity-widget> custom element, its attributes, events,
// theme and isolation, the iframe mode (embed.html + reciprocity-frame.js), strict and wasm-blocking
// Content-Security-Policies, and hostile host CSS. The release build in Chromium, as widget.test.mjs.
//
//   bash scripts/build.sh && node --test tests/e2e/embed.test.mjs
//
// Host pages that are not demo pages are served by the test itself (page.route) on the same origin as
// the build, so each test's markup is visible right here. Playwright's CSS locators pierce open shadow
// roots, so `host.locator('.rw-check input')` finds controls inside the element's shadow root.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { STRICT_CSP, WASM_BLOCKING_CSP, startServer } from './server.mjs';
import {
  DIST,
  FIRST_SCREEN_FILES,
  partFiles,
  actionsFor,
  assertAccessible,
  clinicPage,
  content,
  eventually,
  launchBrowser,
  offlineFor,
  storageEntries,
  widgetElement,
  withContext,
  keyOf,
  requireBuilt,
  sectionButton,
} from './harness.mjs';

const ui = content.ui;
const TOTAL_QUESTIONS = content.items.length + 1;
const EVENTS = ['reciprocity-ready', 'reciprocity-checklist-change', 'reciprocity-quiz-complete'];
const ATTRIBUTES = [
  'lang',
  'namespace',
  'modules',
  'context',
  'clinic-name',
  'cta-url',
  'cta-label',
  'exit-url',
  'region',
  'storage',
  'share-results-with-page',
  'exit-clears',
  'support-lines',
];
const NAV_LABEL = { checklist: ui.nav_checklist, quiz: ui.nav_quiz, plan: ui.nav_plan };

requireBuilt(...['reciprocity-widget.js', 'reciprocity-core.js', 'reciprocity-core_bg.wasm', 'reciprocity-widget.css', 'embed.html']);

let server; // the build at /
let other; // the same build on another port: another origin
let cors; // the same build on a third origin, sending the CORS header the embedding guide asks for
let sub; // the same build under /reciprocity/ only
let browser;
before(async () => {
  server = await startServer(DIST);
  other = await startServer(DIST);
  sub = await startServer(DIST, { base: '/reciprocity/' });
  cors = await startServer(DIST, { everyResponse: { 'Access-Control-Allow-Origin': '*' } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await Promise.all([server?.close(), other?.close(), sub?.close(), cors?.close()]);
});

// ---- helpers --------------------------------------------------------------------------------------

/** A host page of the test's own, served at `url` (same origin as the build) with `headers`. */
async function host(page, url, html, headers = {}) {
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
      body: html,
    }),
  );
  return url;
}

/** Waits until the widget in `hostLocator` has rendered into its shadow root. */
async function ready(hostLocator) {
  await hostLocator.locator('.rw-widget').first().waitFor();
}

/** Collects console warnings of `page` (attach before navigating). */
function collectWarnings(page) {
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  return warnings;
}

/** Sets localStorage entries once per tab, before the page's scripts run (an init script). */
function seedStorage(entries) {
  if (location.hostname !== '127.0.0.1' || sessionStorage.getItem('e2e-seeded')) return;
  sessionStorage.setItem('e2e-seeded', '1');
  for (const [key, value] of entries) localStorage.setItem(key, value);
}

/** Records the widget's events as `document` sees them (an init script). */
function recordEvents(types) {
  const seen = [];
  Object.defineProperty(window, '__e2eEvents', { value: seen });
  for (const type of types) {
    document.addEventListener(type, (event) => {
      seen.push({
        type,
        custom: event instanceof CustomEvent,
        bubbles: event.bubbles,
        composed: event.composed,
        target: event.target instanceof Element ? event.target.id || event.target.localName : null,
        detail: event.detail === undefined ? '(undefined)' : JSON.parse(JSON.stringify(event.detail)),
      });
    });
  }
}
const eventsSeen = (page) => page.evaluate(() => window.__e2eEvents);

/** A finished check (every "give" statement answered higher than its "receive" twin). */
function finishedDocument({ view = 'plan', context = 'partner' } = {}) {
  const answers = Object.fromEntries(
    content.items.map((item) => [item.id, { value: item.side === 'give' ? 5 : 2 }]),
  );
  answers[content.balance.id] = { value: 2 };
  return JSON.stringify({
    schema: 2,
    view,
    checklist: { done: [] },
    quiz: {
      attempts: [{ started: 1764000000000, finished: 1764000600000, context, question: TOTAL_QUESTIONS - 1, answers }],
    },
  });
}

/** A check in progress, at its last statement (the overall balance), all others answered. */
function lastQuestionDocument(context = 'partner') {
  const answers = Object.fromEntries(content.items.map((item) => [item.id, { value: item.side === 'give' ? 4 : 3 }]));
  return JSON.stringify({
    schema: 2,
    view: 'quiz',
    checklist: { done: [] },
    quiz: { attempts: [{ started: 1764000000000, context, question: TOTAL_QUESTIONS - 1, answers }] },
  });
}

const checkboxIn = (hostLocator, action) =>
  hostLocator.locator('.rw-checklist .rw-check').filter({ hasText: action.text }).locator('input');
const progressIn = async (hostLocator) =>
  (await hostLocator.locator('.rw-checklist > .rw-progress .rw-progress-label').textContent())?.trim();
/** "n of N done", N the actions shown for `relationship` (null until anyone says: every action). */
const overall = (done, relationship = null) => `${done} of ${actionsFor(relationship).length} done`;
const navButtons = async (hostLocator) =>
  (await hostLocator.locator('nav[aria-label="Sections"] button').allTextContents()).map((s) => s.trim());
const navTo = (hostLocator, view) =>
  sectionButton(hostLocator, NAV_LABEL[view]);

/** Everything inside the shadow root of `hostLocator`'s element, as data. */
function shadowFacts(hostLocator) {
  return hostLocator.evaluate((el) => {
    const root = el.shadowRoot;
    if (!root) return { shadow: false };
    return {
      shadow: true,
      text: root.textContent,
      imgs: root.querySelectorAll('img').length,
      scripts: root.querySelectorAll('script').length,
      hrefs: Array.from(root.querySelectorAll('[href]'), (a) => a.getAttribute('href')),
      links: Array.from(root.querySelectorAll('a[href]'), (a) => a.getAttribute('href')),
      inlineStyles: Array.from(root.querySelectorAll('[style]'), (e) => e.localName),
    };
  });
}

/** WCAG contrast ratio of two computed CSS colours (rgb()/rgba(), alpha ignored). */
function contrast(a, b) {
  const lum = (css) => {
    const m = css.match(/rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/);
    assert.ok(m, `not an rgb() colour: ${css}`);
    const [r, g, bl] = m.slice(1, 4).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Computed `props` of the first element matching `selector` inside `hostLocator`'s shadow root. */
function computed(hostLocator, selector, props) {
  return hostLocator.evaluate(
    (el, [sel, names]) => {
      const target = el.shadowRoot?.querySelector(sel);
      if (!target) return null;
      const cs = getComputedStyle(target);
      return Object.fromEntries(names.map((n) => [n, cs.getPropertyValue(n)]));
    },
    [selector, props],
  );
}

// ==================================================================================================

describe('the custom element', () => {
  test('two lines from any sub-path: open shadow root with its stylesheet, files found next to the script, no global names', async (t) => {
    await withContext(t, browser, async ({ page }) => {
      const origin = new URL(sub.url).origin;
      const body = widgetElement({ lang: 'en', namespace: 'clinic-main' }, '<p id="fallback">Fallback text</p>');
      const plain = await host(page, `${origin}/clinic/help/plain.html`, clinicPage(body, { script: null }));
      const withWidget = await host(
        page,
        `${origin}/clinic/help/self-help.html`,
        clinicPage(body, { script: '/reciprocity/reciprocity-widget.js' }),
      );
      const requests = [];
      page.on('response', (r) => requests.push({ url: r.url(), status: r.status() }));

      // The global names of the same page without the widget.
      await page.goto(plain);
      const baseline = await page.evaluate(() => Object.getOwnPropertyNames(window));

      requests.length = 0;
      await page.goto(withWidget);
      const widget = page.locator('reciprocity-widget');
      await ready(widget);

      const facts = await page.evaluate(() => {
        const el = document.querySelector('reciprocity-widget');
        const root = el.shadowRoot;
        const sheets = root ? [...root.styleSheets, ...root.adoptedStyleSheets] : [];
        return {
          defined: customElements.get('reciprocity-widget') === el.constructor,
          mode: root?.mode ?? null,
          widgetInShadow: Boolean(root?.querySelector('section.rw-widget')),
          widgetInLightDom: document.querySelectorAll('.rw-widget').length,
          sheets: sheets.length,
          sheetHrefs: sheets.map((s) => s.href).filter(Boolean),
          globals: Object.getOwnPropertyNames(window),
          fallbackRendered: document.getElementById('fallback').getClientRects().length > 0,
        };
      });
      assert.equal(facts.defined, true, 'customElements defines reciprocity-widget');
      assert.equal(facts.mode, 'open', 'an open shadow root');
      assert.equal(facts.widgetInShadow, true, 'section.rw-widget inside the shadow root');
      assert.equal(facts.widgetInLightDom, 0, 'nothing of the widget in the light DOM');
      assert.ok(facts.sheets >= 1, 'the widget stylesheet is inside the shadow root');
      assert.deepEqual(facts.sheetHrefs, [`${origin}/reciprocity/reciprocity-widget.css`]);
      assert.equal(facts.fallbackRendered, false, 'the fallback content is not shown once the widget runs');
      const added = facts.globals.filter((name) => !baseline.includes(name));
      assert.deepEqual(added, [], 'global names the widget added to window');

      // Its stylesheet applies (padding and a border from reciprocity-widget.css).
      const style = await computed(widget, '.rw-widget', ['padding-top', 'border-top-width']);
      assert.notEqual(style['padding-top'], '0px');
      assert.notEqual(style['border-top-width'], '0px');

      // Every file came from /reciprocity/, relative to the script; nothing failed.
      const widgetFiles = requests.filter((r) => new URL(r.url).pathname.startsWith('/reciprocity/'));
      // Only the first screen's: the other sections' wasm arrives when they are first opened.
      assert.deepEqual(
        widgetFiles.map((r) => `${new URL(r.url).pathname} ${r.status}`).sort(),
        FIRST_SCREEN_FILES().map((f) => `/reciprocity/${f} 200`).sort(),
      );
      assert.deepEqual(
        requests.filter((r) => r.status >= 400 && !r.url.endsWith('/favicon.ico')).map((r) => `${r.url} ${r.status}`),
        [],
      );

      // And it works: a tick is saved under the namespace's key.
      const action = content.steps[0].actions[0];
      await checkboxIn(widget, action).check();
      await eventually(async () => assert.equal(await progressIn(widget), overall(1)));
      await eventually(async () =>
        assert.deepEqual(JSON.parse((await storageEntries(page))[keyOf('clinic-main')]).checklist.done, [action.id]),
      );

      // The check's part of the wasm comes from the same folder when the check is first opened, and
      // the plan's right after it (the plan follows the check's last answer).
      requests.length = 0;
      await sectionButton(widget, ui.nav_quiz).click();
      await widget.getByRole('radio').first().waitFor();
      await eventually(() =>
        assert.deepEqual(
          requests.map((r) => `${new URL(r.url).pathname} ${r.status}`).sort(),
          partFiles('quiz', 'plan').map((f) => `/reciprocity/${f} 200`),
        ),
      );
    });
  });

  test('its words: only its language is fetched, once; words that cannot be loaded or do not fit leave the fallback and one error', async (t) => {
    const origin = new URL(sub.url).origin;
    const body =
      widgetElement({ lang: 'de-CH', namespace: 'words-a' }, '<p id="fallback-a">Fallback A</p>') +
      widgetElement({ lang: 'en', namespace: 'words-b' }, '<p id="fallback-b">Fallback B</p>');
    const pageUrl = `${origin}/clinic/words.html`;
    // Two widgets, one of them in a language the widget has no words for: one request, for English.
    await withContext(
      t,
      browser,
      async ({ page }) => {
        await host(page, pageUrl, clinicPage(body, { script: '/reciprocity/reciprocity-widget.js' }));
        const words = [];
        page.on('request', (r) => new URL(r.url()).pathname.includes('/text/') && words.push(new URL(r.url()).pathname));
        await page.goto(pageUrl);
        for (const w of await page.locator('reciprocity-widget').all()) await ready(w);
        assert.deepEqual(words, ['/reciprocity/text/en.json']);
      },
    );
    // The words cannot be fetched, or come from another version of the widget: the clinic's fallback
    // content shows in each widget's box, and the console says why, once per widget.
    for (const [name, answer] of [
      ['missing', { status: 404, body: 'Not found' }],
      ['from another version', { status: 200, contentType: 'application/json', body: '["", "en", "ltr"]' }],
    ]) {
      await withContext(
        t,
        browser,
        async ({ page, errors }) => {
          await host(page, pageUrl, clinicPage(body, { script: '/reciprocity/reciprocity-widget.js' }));
          await page.route('**/reciprocity/text/en.json', (route) => route.fulfill(answer));
          await page.goto(pageUrl);
          await eventually(() =>
            assert.equal(errors.filter((e) => e.text.startsWith('reciprocity-widget:')).length, 2, name),
          );
          for (const id of ['#fallback-a', '#fallback-b']) {
            assert.equal(await page.locator(id).isVisible(), true, `${id} shows when the words are ${name}`);
          }
          assert.equal(await page.locator('reciprocity-widget .rw-widget').count(), 0, 'no widget rendered');
          assert.deepEqual(errors.filter((e) => e.kind === 'pageerror').map((e) => e.text), [], 'no uncaught exception');
        },
        { allowErrors: [/^reciprocity-widget:/, /404/] },
      );
    }
  });

  test('files on another origin that sends the CORS header: it starts, with its words, and Learn more loads', async (t) => {
    // The clinic's page from a server of its own (Chromium lets a page reach another local origin only
    // when the page itself came from a local address, which a routed response does not have).
    const pages = await mkdtemp(path.join(os.tmpdir(), 'clinic-'));
    await writeFile(
      path.join(pages, 'elsewhere.html'),
      clinicPage(widgetElement({ id: 'w', lang: 'en', namespace: 'cors' }), { script: `${cors.url}reciprocity-widget.js` }),
    );
    const clinic = await startServer(pages);
    t.after(() => clinic.close());
    await withContext(t, browser, async ({ page }) => {
      const filesOrigin = new URL(cors.url).origin;
      const url = `${clinic.url}elsewhere.html`;
      const requests = [];
      page.on('response', (r) => requests.push(`${new URL(r.url()).origin === filesOrigin ? 'files' : 'page'} ${new URL(r.url()).pathname} ${r.status()}`));
      await page.goto(url);
      const widget = page.locator('#w');
      await ready(widget);
      await checkboxIn(widget, content.steps[0].actions[0]).check();
      await eventually(async () => assert.equal(await progressIn(widget), overall(1)));
      await widget.getByRole('button', { name: ui.learn_button, exact: true }).click();
      await widget.locator('.rw-learn-section').first().waitFor();
      // Learn's part of the wasm came with its text, and Practice's comes now: each from the files'
      // origin on first opening.
      await sectionButton(widget, ui.nav_practice).click();
      await widget.locator('.rw-practice').waitFor();
      assert.deepEqual(
        requests.filter((r) => r.startsWith('files')).sort(),
        [...FIRST_SCREEN_FILES(), 'learn/en.json', ...partFiles('learn', 'practice')].map((f) => `files /${f} 200`).sort(),
      );
      // Saved on the page's own origin, not the files'.
      assert.ok((await storageEntries(page))[keyOf('cors')]);
    });
  });

  test('removed from the page it is taken down; put back it starts again with its progress', async (t) => {
    await withContext(
      t,
      browser,
      async ({ page }) => {
        const url = await host(page, new URL('e2e/move.html', server.url).href, clinicPage(`<div id="a">${widgetElement({ id: 'm', namespace: 'moving' })}</div><div id="b"></div>`));
        await page.goto(url);
        const m = page.locator('#m');
        await ready(m);
        const action = content.steps[2].actions[2];
        await checkboxIn(m, action).check();
        await eventually(async () => assert.equal(await progressIn(m), overall(1)));
        const old = await m.locator('.rw-widget').elementHandle();

        await page.evaluate(() => {
          window.__e2eRemoved = document.getElementById('m');
          window.__e2eRemoved.remove();
        });
        assert.equal(await old.evaluate((e) => e.isConnected), false, 'the widget inside is taken down');
        const before = (await eventsSeen(page)).length;

        // The same element, put back elsewhere.
        await page.evaluate(() => document.getElementById('b').append(window.__e2eRemoved));
        await ready(m);
        await eventually(async () => assert.equal(await checkboxIn(m, action).isChecked(), true));
        assert.equal(await page.locator('reciprocity-widget .rw-widget').count(), 1, 'exactly one widget rendered');
        const after = await eventsSeen(page);
        assert.deepEqual(after.slice(before).map((e) => e.type), ['reciprocity-ready'], 'one ready for the new mount');
        assert.equal(await page.locator('#b > reciprocity-widget').count(), 1);
      },
      { initScripts: [[recordEvents, EVENTS]] },
    );
  });

  test('the demo landing page: header, hero, widget, CTA and footer, and no WCAG A/AA violation', async (t) => {
    await withContext(t, browser, async ({ page }) => {
      await page.goto(server.url);
      const widget = page.locator('reciprocity-widget');
      await ready(widget);
      assert.equal(await page.locator('body > header').count(), 1);
      assert.equal(await page.locator('body > footer').count(), 1);
      assert.equal(await page.locator('h1').count(), 1);
      assert.ok((await page.locator('a', { hasText: 'Book a session' }).count()) >= 1, 'a "Book a session" link');
      assert.equal(await widget.count(), 1);
      assert.equal(await page.evaluate(() => Boolean(document.querySelector('reciprocity-widget').shadowRoot)), true);
      await assertAccessible(page, 'the landing page');
    });
  });
});

// ==================================================================================================

describe('several widgets on one page', () => {
  test('different namespaces never touch each other; the same namespace stays in step', async (t) => {
    await withContext(t, browser, async ({ page }) => {
      await page.goto(new URL('two-instances.html', server.url).href);
      const couples = page.locator('#widget-couples');
      const work = page.locator('#widget-work');
      await ready(couples);
      await ready(work);

      // Radio groups and ids of the two must not collide.
      const ids = await page.evaluate(() =>
        Array.from(document.querySelectorAll('reciprocity-widget'), (el) =>
          Array.from(el.shadowRoot.querySelectorAll('[id]'), (e) => e.id),
        ),
      );
      assert.ok(ids.every((list) => list.length > 0));

      // Ticking in "couples" writes only couples' key.
      const a = content.steps[1].actions[2];
      await checkboxIn(couples, a).check();
      // context="partner": the couples widget's checklist is a partner's.
      await eventually(async () => assert.equal(await progressIn(couples), overall(1, 'partner')));
      await eventually(async () => assert.ok((await storageEntries(page))[keyOf('couples')]));
      assert.deepEqual(Object.keys(await storageEntries(page)), [keyOf('couples')], 'only the couples key');
      const couplesSaved = (await storageEntries(page))[keyOf('couples')];

      // The workplace widget (modules="quiz plan", context="colleague") starts a check: its own key only.
      assert.deepEqual(await navButtons(work), [ui.nav_quiz, ui.nav_plan]);
      await navTo(work, 'quiz').click();
      const colleague = work.getByRole('radio', { name: 'A colleague', exact: true });
      await colleague.waitFor();
      const colleaguePreselected = await colleague.isChecked(); // asserted last, so the rest still runs
      await colleague.check();
      await work.getByRole('button', { name: ui.start, exact: true }).click();
      await work.getByRole('button', { name: ui.content_note_include, exact: true }).click();
      await work.locator('.rw-question').getByRole('radio', { name: content.scale[3], exact: true }).check();
      await eventually(async () => {
        const doc = JSON.parse((await storageEntries(page))[keyOf('workplace')] ?? 'null');
        assert.equal(doc?.quiz?.attempts?.[0]?.context, 'colleague');
      });
      assert.equal((await storageEntries(page))[keyOf('couples')], couplesSaved, 'couples untouched by workplace');
      assert.equal(await progressIn(couples), overall(1, 'partner'));

      // A third widget, added later with the couples namespace, shows couples' progress...
      await page.evaluate(() => {
        const third = document.createElement('reciprocity-widget');
        third.id = 'widget-couples-2';
        third.setAttribute('namespace', 'couples');
        document.querySelector('main').append(third);
      });
      const couples2 = page.locator('#widget-couples-2');
      await ready(couples2);
      await eventually(async () => assert.equal(await checkboxIn(couples2, a).isChecked(), true));

      // ...and the two stay in step, both ways, without a reload.
      const b = content.steps[4].actions[0];
      await checkboxIn(couples2, b).check();
      await eventually(async () => assert.equal(await checkboxIn(couples, b).isChecked(), true), { timeout: 3000 });
      await eventually(async () => assert.equal(await progressIn(couples), overall(2, 'partner')));
      await checkboxIn(couples, a).uncheck();
      await eventually(async () => assert.equal(await checkboxIn(couples2, a).isChecked(), false), { timeout: 3000 });
      await eventually(async () =>
        assert.deepEqual(JSON.parse((await storageEntries(page))[keyOf('couples')]).checklist.done, [b.id]),
      );
      // The workplace widget saw none of it.
      assert.equal(JSON.parse((await storageEntries(page))[keyOf('workplace')]).checklist?.done?.length ?? 0, 0);

      assert.equal(colleaguePreselected, true, 'context="colleague" preselects "A colleague"');
    });
  });
});

// ==================================================================================================

describe('attributes', () => {
  test('good values take effect: modules and their order, context, clinic name, CTA link, storage', async (t) => {
    await withContext(
      t,
      browser,
      async ({ page }) => {
        const warnings = collectWarnings(page);
        const url = await host(
          page,
          new URL('e2e/attributes.html', server.url).href,
          clinicPage(
            [
              widgetElement({ id: 'ordered', namespace: 'ordered', modules: 'plan, quiz', context: 'friend' }),
              widgetElement({ id: 'single', namespace: 'single', modules: 'checklist' }),
              widgetElement({
                id: 'clinic',
                namespace: 'finished',
                'clinic-name': 'Harbour Counselling',
                'cta-url': '/book?from=widget',
                'cta-label': 'Book a first session',
                region: 'GB',
              }),
              widgetElement({ id: 'session', namespace: 'in-session', storage: 'session' }),
              widgetElement({ id: 'nothing', namespace: 'in-memory', storage: 'none' }),
            ].join('\n'),
          ),
        );
        await page.goto(url);
        for (const id of ['ordered', 'single', 'clinic', 'session', 'nothing']) await ready(page.locator(`#${id}`));

        // modules="plan, quiz": two sections in that order, no checklist; context preselected.
        const ordered = page.locator('#ordered');
        assert.deepEqual(await navButtons(ordered), [ui.nav_plan, ui.nav_quiz]);
        assert.equal(await ordered.locator('.rw-checklist').count(), 0, 'no checklist section');
        await navTo(ordered, 'quiz').click();
        const friend = ordered.getByRole('radio', { name: 'A friend', exact: true });
        await friend.waitFor();
        const friendPreselected = await friend.isChecked(); // asserted last, so the rest still runs

        // modules="checklist": the checklist alone, no section menu.
        const single = page.locator('#single');
        await single.locator('.rw-checklist').waitFor();
        assert.equal(await single.locator('nav[aria-label="Sections"]').count(), 0);

        // clinic-name, cta-url (relative, resolved against the page), cta-label on the finished plan.
        const clinic = page.locator('#clinic');
        assert.equal(
          (await clinic.locator('.rw-clinic').textContent())?.trim(),
          ui.clinic_intro.replace('{clinic}', 'Harbour Counselling'),
        );
        await navTo(clinic, 'plan').click();
        const cta = clinic.locator('.rw-plan a', { hasText: 'Book a first session' });
        await cta.waitFor();
        assert.equal(await cta.getAttribute('href'), new URL('/book?from=widget', server.url).href);

        // storage="session": sessionStorage only; storage="none": nowhere, and the visitor is told.
        const action = content.steps[2].actions[0];
        await checkboxIn(page.locator('#session'), action).check();
        await checkboxIn(page.locator('#nothing'), action).check();
        await eventually(async () => {
          const inSession = await page.evaluate((k) => sessionStorage.getItem(k), keyOf('in-session'));
          assert.deepEqual(JSON.parse(inSession ?? 'null')?.checklist?.done, [action.id]);
        });
        await eventually(async () => assert.equal(await progressIn(page.locator('#nothing')), overall(1)));
        const local = await storageEntries(page);
        assert.equal(local[keyOf('in-session')], undefined, 'storage="session" wrote nothing to localStorage');
        assert.equal(local[keyOf('in-memory')], undefined, 'storage="none" wrote nothing to localStorage');
        assert.equal(
          await page.evaluate((k) => sessionStorage.getItem(k), keyOf('in-memory')),
          null,
          'storage="none" wrote nothing to sessionStorage',
        );
        assert.ok(
          (await page.locator('#nothing').locator('.rw-notice').allTextContents()).some((s) =>
            s.includes(ui.notice_not_saving),
          ),
          'storage="none" tells the visitor nothing is saved',
        );
        assert.deepEqual(
          warnings.filter((w) => w.includes('reciprocity-widget')),
          [],
          'no warnings for good values',
        );
        assert.equal(friendPreselected, true, 'context="friend" preselects "A friend"');
      },
      { initScripts: [[seedStorage, [[keyOf('finished'), finishedDocument({ view: 'checklist' })]]]] },
    );
  });

  test('exit-url: a link to the address given appears in the widget', async (t) => {
    await withContext(t, browser, async ({ page }) => {
      const warnings = collectWarnings(page);
      const url = await host(
        page,
        new URL('e2e/exit.html', server.url).href,
        clinicPage(widgetElement({ id: 'exit', namespace: 'exit', 'exit-url': 'https://example.org/weather' })),
      );
      await page.goto(url);
      const w = page.locator('#exit');
      await ready(w);
      assert.deepEqual(warnings.filter((m) => m.includes('reciprocity-widget')), []);
      const facts = await shadowFacts(w);
      assert.ok(facts.links.includes('https://example.org/weather'), `no exit-url link among ${JSON.stringify(facts.links)}`);
    });
  });

  test('changing an attribute after mount takes effect', async (t) => {
    await withContext(t, browser, async ({ page }) => {
      const url = await host(
        page,
        new URL('e2e/changes.html', server.url).href,
        clinicPage(widgetElement({ id: 'w', namespace: 'change-a', 'clinic-name': 'First Clinic' })),
      );
      await page.goto(url);
      const w = page.locator('#w');
      await ready(w);
      const a = content.steps[0].actions[2];
      const b = content.steps[6].actions[1];
      // Sets (or, with null, removes) an attribute, then waits for the widget to be drawn again.
      const set = async (name, value) => {
        const old = await w.locator('.rw-widget').elementHandle();
        await page.evaluate(([n, v]) => {
          const el = document.getElementById('w');
          if (v === null) el.removeAttribute(n);
          else el.setAttribute(n, v);
        }, [name, value]);
        // Every attribute change mounts the widget afresh: the old one goes, a new one comes.
        await page.waitForFunction((e) => !e.isConnected, old);
        await ready(w);
      };

      await checkboxIn(w, a).check();
      await eventually(async () => assert.ok((await storageEntries(page))[keyOf('change-a')]));

      // namespace: another set of progress, and back.
      await set('namespace', 'change-b');
      await eventually(async () => assert.equal(await progressIn(w), overall(0)));
      await checkboxIn(w, b).check();
      await eventually(async () =>
        assert.deepEqual(JSON.parse((await storageEntries(page))[keyOf('change-b')]).checklist.done, [b.id]),
      );
      assert.deepEqual(JSON.parse((await storageEntries(page))[keyOf('change-a')]).checklist.done, [a.id]);
      await set('namespace', 'change-a');
      await eventually(async () => assert.equal(await checkboxIn(w, a).isChecked(), true));
      assert.equal(await checkboxIn(w, b).isChecked(), false);

      // clinic-name.
      await set('clinic-name', 'Second Clinic');
      await eventually(async () =>
        assert.equal((await w.locator('.rw-clinic').textContent())?.trim(), ui.clinic_intro.replace('{clinic}', 'Second Clinic')),
      );
      await set('clinic-name', null);
      await eventually(async () => assert.equal(await w.locator('.rw-clinic').count(), 0));

      // modules, then back to all four sections.
      await set('modules', 'quiz checklist');
      await eventually(async () => assert.deepEqual(await navButtons(w), [ui.nav_quiz, ui.nav_checklist]));
      await set('modules', null);
      await eventually(async () => assert.deepEqual(await navButtons(w), [ui.nav_checklist, ui.nav_quiz, ui.nav_plan, ui.nav_practice]));


      // storage: "none" stops saving (and says so).
      await set('storage', 'none');
      await eventually(async () =>
        assert.ok((await w.locator('.rw-notice').allTextContents()).some((s) => s.includes(ui.notice_not_saving))),
      );

      // context.
      await set('context', 'family');
      await navTo(w, 'quiz').click();
      await eventually(async () =>
        assert.equal(
          await w.getByRole('radio', { name: 'A family member', exact: true }).isChecked(),
          true,
          'context="family" set after mount preselects "A family member"',
        ),
      );
    });
  });

  test('bad values: the default, one warning each, markup shown as text, no javascript: link', async (t) => {
    await withContext(
      t,
      browser,
      async ({ page }) => {
        const warnings = collectWarnings(page);
        const requests = [];
        page.on('request', (r) => requests.push(r.url()));
        const IMG = '<img src=x onerror="window.__e2ePwned=1">';
        const BAD = {
          lang: '<script>',
          namespace: '../../other-clinic',
          modules: 'survey',
          context: 'boss',
          'cta-url': 'javascript:window.__e2ePwned=2',
          'exit-url': 'JavaScript:window.__e2ePwned=3',
          region: 'Mars',
          storage: 'cookies',
        };
        const url = await host(
          page,
          new URL('e2e/bad.html', server.url).href,
          clinicPage(
            [
              widgetElement({ id: 'bad', ...BAD, 'clinic-name': IMG, 'cta-label': '<b onmouseover="window.__e2ePwned=4">Go</b>' }),
              // A good link whose label is markup: shown as text.
              widgetElement({ id: 'label', namespace: 'finished', 'cta-url': 'https://clinic.example/book', 'cta-label': IMG }),
              widgetElement({ id: 'long', namespace: 'x'.repeat(65) }),
            ].join('\n'),
          ),
        );
        await page.goto(url);
        const bad = page.locator('#bad');
        const label = page.locator('#label');
        await ready(bad);
        await ready(label);
        await ready(page.locator('#long'));

        // Defaults: all four sections, no context chosen, local storage under "default".
        assert.deepEqual(await navButtons(bad), [ui.nav_checklist, ui.nav_quiz, ui.nav_plan, ui.nav_practice]);
        const action = content.steps[3].actions[0];
        await checkboxIn(bad, action).check();
        await eventually(async () => assert.ok((await storageEntries(page))[keyOf('default')]));
        const keys = Object.keys(await storageEntries(page));
        assert.ok(!keys.some((k) => k.includes('other-clinic') || k.includes('..')), `keys: ${keys}`);
        await navTo(bad, 'quiz').click();
        await bad.locator('.rw-context').waitFor();
        assert.equal(await bad.locator('.rw-context input:checked').count(), 0, 'no context preselected');

        // One warning per refused value, naming the attribute and the value.
        for (const [name, value] of [...Object.entries(BAD), ['namespace', 'x'.repeat(65)]]) {
          const mine = warnings.filter((w) => w.startsWith(`reciprocity-widget: ignored ${name}="${value}"`));
          assert.equal(mine.length, 1, `one warning for ${name}="${value}", got ${JSON.stringify(warnings)}`);
        }

        // Text is text: the clinic name shows the characters typed; no element, no request, no script.
        const facts = await shadowFacts(bad);
        assert.ok(facts.text.includes(IMG), 'the clinic name is shown literally');
        assert.equal(facts.imgs, 0);
        assert.equal(facts.scripts, 0);
        assert.ok(!facts.hrefs.some((h) => /^\s*javascript:/i.test(h)), `hrefs: ${facts.hrefs}`);
        await navTo(label, 'plan').click();
        const cta = label.locator('.rw-plan a[href="https://clinic.example/book"]');
        await cta.waitFor();
        assert.equal((await cta.textContent()).trim(), IMG, 'the link label is shown literally');
        assert.equal((await shadowFacts(label)).imgs, 0);
        await cta.hover();
        await bad.locator('.rw-widget').hover();
        assert.equal(await page.evaluate(() => window.__e2ePwned), undefined, 'no injected code ran');
        assert.ok(!requests.some((u) => new URL(u).pathname.endsWith('/x')), 'no request for <img src=x>');
        const allHrefs = await page.evaluate(() =>
          Array.from(document.querySelectorAll('reciprocity-widget'), (el) =>
            Array.from(el.shadowRoot.querySelectorAll('[href]'), (a) => a.getAttribute('href')),
          ).flat(),
        );
        assert.ok(!allHrefs.some((h) => /^\s*javascript:/i.test(h)), `hrefs: ${allHrefs}`);

        // A bad value set after mount: the default again, one more warning.
        const before = warnings.length;
        await page.evaluate(() => document.getElementById('label').setAttribute('cta-url', 'javascript:alert(1)'));
        await eventually(async () => {
          assert.equal(await label.locator('.rw-plan table').count(), 1, 'the plan is on screen');
          assert.equal(await label.locator('.rw-plan a[href]').count(), 0, 'and has no link');
        });
        await eventually(() =>
          assert.deepEqual(
            warnings.slice(before).filter((w) => w.startsWith('reciprocity-widget: ignored cta-url=')).length,
            1,
          ),
        );
      },
      { initScripts: [[seedStorage, [[keyOf('finished'), finishedDocument({ view: 'plan' })]]]] },
    );
  });

  test('theme: the custom properties set on the element reach inside the shadow root', async (t) => {
    await withContext(t, browser, async ({ page }) => {
      const css = `reciprocity-widget#themed {
        --rw-accent: #6b2d5c; --rw-accent-contrast: #ffffff; --rw-font: Georgia, serif;
        --rw-radius: 3px; --rw-surface: #fffaf0; --rw-text: #222222;
      }`;
      const url = await host(
        page,
        new URL('e2e/theme.html', server.url).href,
        clinicPage(widgetElement({ id: 'themed', namespace: 'themed' }) + widgetElement({ id: 'plain', namespace: 'plain' }), {
          head: `<style>${css}</style>`,
        }),
      );
      await page.goto(url);
      const themed = page.locator('#themed');
      await ready(themed);
      await ready(page.locator('#plain'));
      const root = await computed(themed, '.rw-widget', ['font-family', 'border-top-left-radius', 'background-color', 'color']);
      assert.match(root['font-family'], /^Georgia/);
      assert.equal(root['border-top-left-radius'], '3px');
      assert.equal(root['background-color'], 'rgb(255, 250, 240)');
      assert.equal(root.color, 'rgb(34, 34, 34)');
      const current = await computed(themed, '.rw-nav button[aria-current="page"]', ['background-color', 'color']);
      assert.equal(current['background-color'], 'rgb(107, 45, 92)');
      assert.equal(current.color, 'rgb(255, 255, 255)');
      // The other widget keeps the defaults.
      const plain = await computed(page.locator('#plain'), '.rw-nav button[aria-current="page"]', ['background-color']);
      assert.equal(plain['background-color'], 'rgb(44, 110, 99)');
    });
  });

  test('theme: colours that would make text unreadable fall back to the widget’s own', async (t) => {
    await withContext(t, browser, async ({ page }) => {
      const css = `
        #white-on-white { --rw-text: #ffffff; --rw-surface: #ffffff; }
        #pale-accent { --rw-accent: #ffff66; --rw-accent-contrast: #ffffff; }`;
      const url = await host(
        page,
        new URL('e2e/contrast.html', server.url).href,
        clinicPage(widgetElement({ id: 'white-on-white', namespace: 'c1' }) + widgetElement({ id: 'pale-accent', namespace: 'c2' }), {
          head: `<style>${css}</style>`,
        }),
      );
      await page.goto(url);
      for (const id of ['white-on-white', 'pale-accent']) {
        const w = page.locator(`#${id}`);
        await ready(w);
        await eventually(async () => {
          const root = await computed(w, '.rw-widget', ['color', 'background-color']);
          const current = await computed(w, '.rw-nav button[aria-current="page"]', ['color', 'background-color']);
          const other = await computed(w, '.rw-nav button:not([aria-current])', ['color', 'background-color']);
          for (const [what, c] of [['body text', root], ['current section button', current], ['section button', other]]) {
            const ratio = contrast(c.color, c['background-color']);
            assert.ok(ratio >= 4.5, `#${id} ${what}: ${c.color} on ${c['background-color']} is ${ratio.toFixed(2)}:1`);
          }
        });
      }
    });
  });
});

// ==================================================================================================

describe('events', () => {
  const types = EVENTS;

  async function finishTheCheck(w) {
    await navTo(w, 'quiz').click();
    const last = w.locator('.rw-question');
    await last.waitFor();
    await last.getByRole('radio', { name: content.balance.options[1], exact: true }).check();
    await w.locator('.rw-quiz-nav').getByRole('button', { name: ui.finish, exact: true }).click();
    await w.locator('.rw-plan table').waitFor();
  }

  test('ready, checklist-change and quiz-complete leave the element, bubbling and composed, with only {namespace}', async (t) => {
    await withContext(
      t,
      browser,
      async ({ page }) => {
        const asked = [];
        page.on('request', (request) => asked.push(new URL(request.url()).pathname));
        const url = await host(page, new URL('e2e/events.html', server.url).href, clinicPage(widgetElement({ id: 'ev', namespace: 'events' })));
        await page.goto(url);
        const w = page.locator('#ev');
        await ready(w);
        await eventually(async () => assert.ok((await eventsSeen(page)).some((e) => e.type === 'reciprocity-ready')));

        await navTo(w, 'checklist').click();
        await checkboxIn(w, content.steps[0].actions[0]).check();
        await eventually(async () =>
          assert.ok((await eventsSeen(page)).some((e) => e.type === 'reciprocity-checklist-change')),
        );
        await finishTheCheck(w);
        await eventually(async () => assert.ok((await eventsSeen(page)).some((e) => e.type === 'reciprocity-quiz-complete')));

        const seen = await eventsSeen(page);
        for (const type of types) {
          const mine = seen.filter((e) => e.type === type);
          assert.ok(mine.length >= 1, `${type} seen`);
          for (const e of mine) {
            assert.deepEqual(
              { custom: e.custom, bubbles: e.bubbles, composed: e.composed, target: e.target, detail: e.detail },
              { custom: true, bubbles: true, composed: true, target: 'ev', detail: { namespace: 'events' } },
              `${type}: a bubbling, composed CustomEvent from the element carrying only the namespace`,
            );
          }
        }
        assert.equal(seen.filter((e) => e.type === 'reciprocity-quiz-complete').length, 1, 'quiz-complete once');
        assert.equal(seen.filter((e) => e.type === 'reciprocity-ready').length, 1, 'ready once');
        // Without sharing, the scoring that works results out for the page is never fetched.
        assert.deepEqual(asked.filter((p) => p.endsWith('/split_results.wasm')), []);
      },
      {
        initScripts: [
          [recordEvents, types],
          [seedStorage, [[keyOf('events'), lastQuestionDocument()]]],
        ],
      },
    );
  });

  test('share-results-with-page adds the per-form summary, never individual answers', async (t) => {
    await withContext(
      t,
      browser,
      async ({ page }) => {
        const url = await host(
          page,
          new URL('e2e/events-shared.html', server.url).href,
          clinicPage(widgetElement({ id: 'ev', namespace: 'shared', 'share-results-with-page': true })),
        );
        await page.goto(url);
        const w = page.locator('#ev');
        await ready(w);
        await navTo(w, 'checklist').click();
        await checkboxIn(w, content.steps[0].actions[0]).check();
        await finishTheCheck(w);
        await eventually(async () => assert.ok((await eventsSeen(page)).some((e) => e.type === 'reciprocity-quiz-complete')));
        const seen = await eventsSeen(page);

        assert.deepEqual(seen.find((e) => e.type === 'reciprocity-ready').detail, { namespace: 'shared' });
        const change = seen.find((e) => e.type === 'reciprocity-checklist-change');
        assert.equal(change.detail.namespace, 'shared');
        // The seeded check is about a partner, so the counts are those of a partner's checklist, as shown.
        assert.deepEqual(change.detail.checklist, { done: 1, total: actionsFor('partner').length });
        const complete = seen.find((e) => e.type === 'reciprocity-quiz-complete');
        assert.equal(complete.detail.namespace, 'shared');
        assert.equal(complete.detail.results.forms.length, content.forms.length);
        assert.deepEqual(
          complete.detail.results.forms.map((f) => f.form),
          content.forms.map((f) => f.id),
        );
        const json = JSON.stringify(complete.detail);
        const leaked = [...content.items.map((i) => i.id), content.balance.id].filter((id) => json.includes(id));
        assert.deepEqual(leaked, [], 'no individual statement in the detail');
      },
      {
        initScripts: [
          [recordEvents, types],
          [seedStorage, [[keyOf('shared'), lastQuestionDocument()]]],
        ],
      },
    );
  });

  test('share-results-with-page: the scoring comes with the check; offline before it came, quiz-complete still leaves, without results', async (t) => {
    await withContext(
      t,
      browser,
      async ({ page }) => {
        const scoring = await offlineFor(page, '**/split_results.wasm');
        const url = await host(
          page,
          new URL('e2e/events-offline.html', server.url).href,
          clinicPage(widgetElement({ id: 'ev', namespace: 'shared-offline', 'share-results-with-page': true })),
        );
        await page.goto(url);
        const w = page.locator('#ev');
        await ready(w);
        assert.equal(scoring.asked(), 0, 'not on the first screen');
        await finishTheCheck(w);
        await eventually(async () => assert.ok((await eventsSeen(page)).some((e) => e.type === 'reciprocity-quiz-complete')));
        assert.ok(scoring.asked() > 0, 'asked for with the check');
        const complete = (await eventsSeen(page)).find((e) => e.type === 'reciprocity-quiz-complete');
        assert.deepEqual(complete.detail, { namespace: 'shared-offline' }, 'no results, and nothing else');
        // The check is finished and saved all the same.
        const saved = JSON.parse((await storageEntries(page))[keyOf('shared-offline')]);
        assert.ok(saved.quiz.attempts.some((a) => a.finished), 'the finished check is saved');
      },
      {
        initScripts: [
          [recordEvents, types],
          [seedStorage, [[keyOf('shared-offline'), lastQuestionDocument()]]],
        ],
        allowErrors: [/Failed to load resource/, /results could not be worked out|Failed to fetch|internetdisconnected|TypeError/i],
      },
    );
  });
});

// ==================================================================================================

describe('iframe mode', () => {
  /** Records every message the top page receives (an init script; frames are skipped). */
  function recordMessages() {
    if (window.top !== window) return;
    const seen = [];
    Object.defineProperty(window, '__e2eMessages', { value: seen });
    addEventListener('message', (event) => {
      let data;
      try {
        data = JSON.parse(JSON.stringify(event.data));
      } catch {
        data = String(event.data);
      }
      const proto = event.data !== null && typeof event.data === 'object' && Object.getPrototypeOf(event.data) === Object.prototype;
      seen.push({ origin: event.origin, data, proto });
    });
  }

  /** The height the frame's document reports for itself (what embed.js measures). */
  const contentHeight = (frame) =>
    frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const frameHeight = (iframe) => iframe.evaluate((el) => el.getBoundingClientRect().height);

  /**
   * From now on, records every height the page gives its iframes, in order, as `window.__e2eHeights`
   * entries "<id or title> <style.height>" (one per change: each message is its own task).
   */
  const recordFrameHeights = (page) =>
    page.evaluate(() => {
      const log = [];
      Object.defineProperty(window, '__e2eHeights', { value: log });
      for (const frame of document.querySelectorAll('iframe')) {
        new MutationObserver(() => log.push(`${frame.id || frame.title} ${frame.style.height}`)).observe(frame, {
          attributes: true,
          attributeFilter: ['style'],
        });
      }
    });
  const heightsGiven = (page, since = 0) => page.evaluate((from) => window.__e2eHeights.slice(from), since);

  test('embed.html takes the options from its query string, validated like attributes, full width', async (t) => {
    await withContext(t, browser, async ({ page }) => {
      const warnings = collectWarnings(page);
      const query = new URLSearchParams([
        ['namespace', 'from-query'],
        ['modules', 'quiz plan'],
        ['context', 'colleague'],
        ['clinic-name', '<img src=x onerror="window.__e2ePwned=1">'],
        ['cta-url', 'javascript:window.__e2ePwned=2'],
        ['storage', 'cookies'],
        ['onclick', 'window.__e2ePwned=3'],
        ['style', 'display:none'],
        ['id', 'injected'],
        ['share-results-with-page', ''],
      ]);
      await page.setViewportSize({ width: 900, height: 700 });
      await page.goto(new URL(`embed.html?${query}`, server.url).href);
      const w = page.locator('reciprocity-widget');
      await ready(w);
      const attributes = await w.evaluate((el) => Object.fromEntries(Array.from(el.attributes, (a) => [a.name, a.value])));
      const known = Object.fromEntries(Object.entries(attributes).filter(([name]) => ATTRIBUTES.includes(name)));
      assert.deepEqual(known, {
        namespace: 'from-query',
        modules: 'quiz plan',
        context: 'colleague',
        'clinic-name': '<img src=x onerror="window.__e2ePwned=1">',
        'cta-url': 'javascript:window.__e2ePwned=2',
        storage: 'cookies',
        'share-results-with-page': '',
      });
      for (const name of ['onclick', 'style', 'id']) assert.equal(attributes[name], undefined, `${name} not passed on`);
      assert.deepEqual(await navButtons(w), [ui.nav_quiz, ui.nav_plan]);
      const facts = await shadowFacts(w);
      assert.ok(facts.text.includes('<img src=x onerror="window.__e2ePwned=1">'));
      assert.equal(facts.imgs, 0);
      for (const name of ['cta-url', 'storage']) {
        assert.equal(
          warnings.filter((m) => m.startsWith(`reciprocity-widget: ignored ${name}=`)).length,
          1,
          `one warning for ${name}`,
        );
      }
      assert.equal(await page.evaluate(() => window.__e2ePwned), undefined);
      // Full width: the element spans the viewport.
      const box = await w.boundingBox();
      assert.equal(Math.round(box.width), 900);
      assert.equal(Math.round(box.x), 0);
    });
  });

  test('iframe.html: the frame is sized to its content and follows it; only heights are posted', async (t) => {
    await withContext(
      t,
      browser,
      async ({ page }) => {
        await page.goto(new URL('iframe.html', server.url).href);
        const iframe = page.locator('iframe[data-reciprocity-frame]');
        const frame = page.frameLocator('iframe[data-reciprocity-frame]');
        const w = frame.locator('reciprocity-widget');
        await ready(w);
        const child = page.frames().find((f) => f.url().includes('embed.html'));
        const fitted = async () => {
          const want = await contentHeight(child);
          const got = await frameHeight(iframe);
          assert.ok(Math.abs(got - want) <= 1, `frame ${got}px for content ${want}px`);
          return got;
        };
        const first = await eventually(fitted);
        assert.ok(first > 300, `a real height (${first}px)`);
        assert.equal(
          await child.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1),
          true,
          'no scrolling inside the frame',
        );

        // Another section has another height: the frame follows.
        await navTo(w, 'quiz').click();
        await w.locator('.rw-context').waitFor();
        const second = await eventually(fitted);
        assert.notEqual(Math.round(second), Math.round(first), 'the quiz intro is not as tall as the checklist');

        // Everything the frame posted: exactly { type, height } with a whole number.
        const messages = await page.evaluate(() => window.__e2eMessages);
        assert.ok(messages.length >= 2, `${messages.length} messages`);
        for (const m of messages) {
          assert.equal(m.origin, new URL(server.url).origin);
          assert.equal(m.proto, true);
          assert.deepEqual(Object.keys(m.data).sort(), ['height', 'type']);
          assert.equal(m.data.type, 'reciprocity-widget:height');
          assert.ok(Number.isInteger(m.data.height) && m.data.height >= 0 && m.data.height <= 100000, JSON.stringify(m.data));
        }
        // The height is set through the CSSOM only: no CSP-sensitive style attribute markup was needed.
        assert.match((await iframe.getAttribute('style')) ?? '', /^height: \d+px;$/);
      },
      { initScripts: [[recordMessages]] },
    );
  });

  test('a frame on another origin: resized, its storage out of the host page’s reach, forged messages ignored', async (t) => {
    await withContext(
      t,
      browser,
      async ({ page }) => {
        await page.goto(new URL('iframe.html', server.url).href);
        const src = new URL('embed.html?namespace=elsewhere', other.url).href;
        await page.evaluate((url) => {
          const add = (id, tagged) => {
            const frame = document.createElement('iframe');
            frame.id = id;
            frame.title = id;
            frame.src = url;
            frame.className = 'demo-frame';
            if (tagged) frame.setAttribute('data-reciprocity-frame', '');
            document.querySelector('main').append(frame);
          };
          add('cross', true);
          add('untagged', false);
        }, src);
        const cross = page.locator('#cross');
        const untagged = page.locator('#untagged');
        await ready(page.frameLocator('#cross').locator('reciprocity-widget'));
        await ready(page.frameLocator('#untagged').locator('reciprocity-widget'));
        const crossChild = await (await cross.elementHandle()).contentFrame();
        const untaggedChild = await (await untagged.elementHandle()).contentFrame();

        // Resized to its content although it is cross-origin. (Chromium pauses rendering, and with it
        // the frame's ResizeObserver, in cross-origin frames out of view: the frame fits once seen.)
        await cross.scrollIntoViewIfNeeded();
        await eventually(async () => {
          const want = await contentHeight(crossChild);
          assert.ok(Math.abs((await frameHeight(cross)) - want) <= 1);
        });
        // The untagged frame keeps its stylesheet height (48rem = 768px).
        assert.equal(await frameHeight(untagged), 768);

        // The host page's scripts cannot read the frame's content or storage.
        const reach = await page.evaluate(() => {
          const frame = document.getElementById('cross');
          let storage;
          try {
            storage = String(frame.contentWindow.localStorage.length);
          } catch (error) {
            storage = error.name;
          }
          return { document: frame.contentDocument === null, storage };
        });
        assert.deepEqual(reach, { document: true, storage: 'SecurityError' });

        // Forgeries, each of which must leave the frame's height alone.
        await recordFrameHeights(page);
        const TYPE = 'reciprocity-widget:height';
        await page.evaluate((type) => window.postMessage({ type, height: 11 }, '*'), TYPE); // from the host itself
        await untaggedChild.evaluate((type) => parent.postMessage({ type, height: 12 }, '*'), TYPE); // another frame
        for (const data of [
          { type: TYPE, height: '13' },
          { type: TYPE, height: -14 },
          { type: TYPE, height: 1e9 },
          { type: TYPE, height: Number.NaN },
          { type: TYPE, height: 15, extra: true },
          { type: 'other', height: 16 },
          [TYPE, 17],
          `{"type":"${TYPE}","height":18}`,
          null,
        ]) {
          await crossChild.evaluate((d) => parent.postMessage(d, '*'), data);
        }

        // A valid message from the tagged frame is accepted. Messages are handled in the order they were
        // posted, so once it has been, so have the forgeries: none of them gave a height before it.
        await crossChild.evaluate((type) => parent.postMessage({ type, height: 321 }, '*'), TYPE);
        await eventually(async () => assert.ok((await heightsGiven(page)).includes('cross 321px'), 'the valid message is used'));
        assert.equal(await frameHeight(cross), 321);
        const given = (await heightsGiven(page)).filter((entry) => entry.startsWith('cross '));
        assert.deepEqual(given.slice(0, given.indexOf('cross 321px') + 1), ['cross 321px'], 'forged messages changed the height');

        // The tagged frame navigated to another origin than its src: its messages are ignored.
        await crossChild.evaluate((url) => location.assign(url), new URL('embed.html?namespace=moved', server.url).href);
        await eventually(async () => assert.ok(page.frames().some((f) => f.url().includes('namespace=moved'))));
        const moved = page.frames().find((f) => f.url().includes('namespace=moved'));
        await moved.locator('reciprocity-widget .rw-widget').waitFor();
        const mark = (await heightsGiven(page)).length;
        await moved.evaluate((type) => parent.postMessage({ type, height: 654 }, '*'), TYPE);
        // A later valid message, from the page's own tagged frame, is handled after it.
        const demo = page.frames().find((f) => f.url().includes('namespace=iframe-demo'));
        await demo.evaluate((type) => parent.postMessage({ type, height: 432 }, '*'), TYPE);
        const demoTitle = await page.locator('iframe[data-reciprocity-frame]:not(#cross)').getAttribute('title');
        await eventually(async () => assert.ok((await heightsGiven(page, mark)).includes(`${demoTitle} 432px`), 'the later message is handled'));
        assert.deepEqual(
          (await heightsGiven(page, mark)).filter((entry) => entry.startsWith('cross ')),
          [],
          'messages from an origin other than the src are ignored',
        );
        assert.equal(await frameHeight(cross), 321);
      },
      { initScripts: [[recordMessages]] },
    );
  });
});

// ==================================================================================================

describe('Content-Security-Policy', () => {
  /** Records securitypolicyviolation events (an init script). */
  function recordViolations() {
    const seen = [];
    Object.defineProperty(window, '__e2eViolations', { value: seen });
    document.addEventListener(
      'securitypolicyviolation',
      (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
      true,
    );
  }

  test('strict-csp.html: the widget works under a strict policy with no violation', async (t) => {
    await withContext(
      t,
      browser,
      async ({ page }) => {
        const logs = [];
        page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
        const response = await page.goto(new URL('strict-csp.html', server.url).href);
        assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'the page is served with the policy');
        const w = page.locator('reciprocity-widget');
        await ready(w);

        // Use it: the finished plan with its chart, tick, retake the check, answer, the plan again.
        await w.locator('.rw-plan table').waitFor();
        assert.ok((await w.locator('.rw-plan svg').count()) >= 1, 'the chart is drawn');
        await navTo(w, 'checklist').click();
        await checkboxIn(w, content.steps[5].actions[1]).check();
        // The demo's saved check is about a partner: the checklist is a partner's.
        await eventually(async () => assert.equal(await progressIn(w), overall(1, 'partner')));
        await navTo(w, 'quiz').click();
        await w.getByRole('button', { name: ui.retake, exact: true }).click();
        await w.getByRole('radio', { name: 'A partner', exact: true }).check();
        await w.getByRole('button', { name: ui.start, exact: true }).click();
        await w.getByRole('button', { name: ui.content_note_include, exact: true }).click();
        await w.locator('.rw-question').getByRole('radio', { name: content.scale[2], exact: true }).check();
        await navTo(w, 'plan').click();
        await w.locator('.rw-plan').waitFor();

        assert.deepEqual(await page.evaluate(() => window.__e2eViolations), [], 'securitypolicyviolation events');
        assert.deepEqual(
          logs.filter((m) => /Content Security Policy|Refused to/i.test(m)),
          [],
          'CSP messages in the console',
        );
        assert.deepEqual((await shadowFacts(w)).inlineStyles, [], 'no style attributes in the widget');
      },
      { initScripts: [[recordViolations], [seedStorage, [[keyOf('strict-csp-demo'), finishedDocument({ view: 'plan' })]]]] },
    );
  });

  test('embed.html (its own meta policy) and iframe.html under the strict policy: no violation', async (t) => {
    await withContext(
      t,
      browser,
      async ({ page }) => {
        const url = await host(
          page,
          new URL('e2e/strict-iframe.html', server.url).href,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>strict iframe host</title>
           <link rel="stylesheet" href="/demo.css"><script src="/reciprocity-frame.js" defer></script></head>
           <body><main><iframe class="demo-frame" data-reciprocity-frame title="widget"
           src="/embed.html?namespace=strict-frame"></iframe></main></body></html>`,
          { 'Content-Security-Policy': STRICT_CSP },
        );
        await page.goto(url);
        const w = page.frameLocator('iframe').locator('reciprocity-widget');
        await ready(w);
        await checkboxIn(w, content.steps[0].actions[1]).check();
        await eventually(async () => assert.notEqual(await page.locator('iframe').evaluate((f) => f.style.height), ''));
        const violations = await Promise.all(
          page.frames().map((f) => f.evaluate(() => window.__e2eViolations ?? []).catch(() => ['(frame gone)'])),
        );
        assert.deepEqual(violations.flat(), []);
      },
      { initScripts: [[recordViolations]] },
    );
  });

  test('csp-blocked.html: WebAssembly blocked, the fallback stays visible, one error names the fix', async (t) => {
    const wasmRefused = /WebAssembly|wasm-unsafe-eval|Content Security Policy/i;
    await withContext(
      t,
      browser,
      async ({ page, errors }) => {
        const response = await page.goto(new URL('csp-blocked.html', server.url).href);
        assert.equal(response.headers()['content-security-policy'], WASM_BLOCKING_CSP);
        // The widget's start has failed: its loader reports that once, in the same promise that would
        // otherwise define the element, so from then on no widget can render.
        await eventually(() => assert.ok(errors.some((e) => e.text.startsWith('reciprocity-widget:'))), { timeout: 10_000 });
        await page.waitForLoadState('load');
        assert.equal(await page.evaluate(() => customElements.get('reciprocity-widget')), undefined, 'the element was never defined');

        const fallback = page.locator('#fallback');
        assert.equal(await fallback.isVisible(), true, 'the fallback content is visible');
        assert.ok((await fallback.boundingBox()).height > 20);
        assert.equal(await page.getByRole('link', { name: 'Book a session' }).isVisible(), true);
        assert.equal(await page.locator('.rw-widget').count(), 0, 'no widget rendered');
        const ours = errors.filter((e) => e.text.startsWith('reciprocity-widget:'));
        assert.equal(ours.length, 1, `one error from the widget, got ${JSON.stringify(ours)}`);
        assert.match(ours[0].text, /'wasm-unsafe-eval'/);
        assert.deepEqual(
          errors.filter((e) => e.kind === 'pageerror').map((e) => e.text),
          [],
          'no uncaught exception',
        );
      },
      // The browser's own report of the refused compilation is expected; the widget's one error too.
      { allowErrors: [/^reciprocity-widget:/, wasmRefused] },
    );
  });
});

// ==================================================================================================

describe('hostile host CSS', () => {
  /** Computed styles of every host element outside the widget (layout sizes left out). */
  function hostStyles() {
    const sizes = new Set(['width', 'height', 'inline-size', 'block-size', 'transform-origin', 'perspective-origin']);
    const out = {};
    const all = Array.from(document.querySelectorAll('*'));
    for (const [i, el] of all.entries()) {
      if (el.closest('reciprocity-widget')) continue;
      const cs = getComputedStyle(el);
      const props = {};
      for (const name of cs) if (!sizes.has(name)) props[name] = cs.getPropertyValue(name);
      out[`${i} ${el.localName}${el.id ? `#${el.id}` : ''}`] = props;
    }
    return out;
  }

  function diff(before, after) {
    const changes = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (!before[key] || !after[key]) {
        changes.push(`${key}: ${before[key] ? 'removed' : 'added'}`);
        continue;
      }
      for (const name of Object.keys(before[key])) {
        if (before[key][name] !== after[key][name]) changes.push(`${key} ${name}: ${before[key][name]} → ${after[key][name]}`);
      }
    }
    return changes;
  }

  /** Loads `url` with the widget's script held back, snapshots the host, lets the widget in, snapshots again. */
  async function stylesBeforeAndAfter(page, url) {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/reciprocity-widget.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () =>
        document.readyState !== 'loading' &&
        Array.from(document.querySelectorAll('link[rel="stylesheet"]')).every((l) => l.sheet),
    );
    assert.equal(await page.evaluate(() => customElements.get('reciprocity-widget')), undefined, 'widget held back');
    const before = await page.evaluate(hostStyles);
    // Every widget says "ready" once it has rendered and run its first effects (the theme check
    // included): counted from here, as the widgets start.
    await page.evaluate(() => {
      window.__e2eReady = 0;
      document.addEventListener('reciprocity-ready', () => window.__e2eReady++);
    });
    release();
    const w = page.locator('reciprocity-widget');
    await ready(w);
    await page.waitForFunction(() => window.__e2eReady === document.querySelectorAll('reciprocity-widget').length);
    const after = await page.evaluate(hostStyles);
    return diff(before, after);
  }

  test('no host element’s computed style changes when the widget loads (hostile page and landing page)', async (t) => {
    await withContext(t, browser, async ({ page }) => {
      const hostile = await stylesBeforeAndAfter(page, new URL('hostile-css.html', server.url).href);
      assert.deepEqual(hostile, [], 'changes on hostile-css.html');
      // Sanity: the hostile rules really apply to the host page.
      assert.equal(await page.locator('#host-para').evaluate((e) => getComputedStyle(e).fontSize), '30px');
      assert.equal(await page.locator('#host-box').evaluate((e) => getComputedStyle(e).display), 'flex');
    });
    await withContext(t, browser, async ({ page }) => {
      assert.deepEqual(await stylesBeforeAndAfter(page, server.url), [], 'changes on the landing page');
    });
  });

  test('hostile host CSS cannot restyle or break the widget', async (t) => {
    const probes = {
      '.rw-widget': ['font-size', 'font-family', 'font-weight', 'color', 'background-color', 'display', 'box-sizing', 'padding-top', 'border-top-width'],
      '.rw-widget h2': ['font-size', 'font-family', 'color', 'display', 'box-sizing'],
      '.rw-checklist': ['display', 'box-sizing', 'font-size'],
      '.rw-nav button': ['display', 'font-size', 'font-family', 'color', 'background-color', 'padding-left', 'border-top-width', 'cursor', 'box-sizing', 'min-height'],
      '.rw-check': ['display', 'font-size', 'color', 'box-sizing'],
      '.rw-check input': ['display', 'width', 'height', 'appearance', 'opacity', 'visibility', 'box-sizing', 'position'],
      '.rw-progress progress': ['display', 'appearance', 'height', 'box-sizing'],
    };
    const snapshot = async (w) => {
      const out = {};
      for (const [selector, props] of Object.entries(probes)) out[selector] = await computed(w, selector, props);
      return out;
    };
    let reference;
    await withContext(t, browser, async ({ page }) => {
      const url = await host(page, new URL('e2e/reference.html', server.url).href, clinicPage(widgetElement({ namespace: 'hostile-demo' })));
      await page.goto(url);
      const w = page.locator('reciprocity-widget');
      await ready(w);
      reference = await snapshot(w);
    });
    await withContext(t, browser, async ({ page }) => {
      await page.goto(new URL('hostile-css.html', server.url).href);
      const w = page.locator('reciprocity-widget');
      await ready(w);
      assert.deepEqual(await snapshot(w), reference, 'inside the widget, computed styles as on a plain page');
      assert.equal(reference['.rw-widget']['font-size'], '16px');

      // And it works: tick with the mouse, then with the keyboard.
      const a = content.steps[0].actions[0];
      await checkboxIn(w, a).click();
      await eventually(async () => assert.equal(await progressIn(w), overall(1)));
      const box = await checkboxIn(w, a).boundingBox();
      assert.ok(box.width >= 12 && box.height >= 12, `a visible checkbox (${box.width}×${box.height})`);
      await checkboxIn(w, content.steps[0].actions[1]).focus();
      await page.keyboard.press('Space');
      await eventually(async () => assert.equal(await progressIn(w), overall(2)));
      await navTo(w, 'quiz').click();
      await w.locator('.rw-context').waitFor();
    });
  });
});
