// End-to-end tests of the wasm's parts (src/components/lazy.rs, scripts/split-wasm.mjs): the first
// screen downloads none of them; each section fetches its own part once, from the widget's folder, the
// first time it is opened (or a moment before, when its button is pointed at or focused); a part that
// cannot be fetched says so calmly, keeps everything else, and "Try again" loads it; a stop while a part
// arrives shows the crash message; a part fetched stays for the life of the page, offline too; two
// widgets on one page each get the part into their own instance; and "Your data", whose controls are a
// part too, deletes offline before they came.
//
//   bash scripts/build.sh && node --test --test-concurrency=1 tests/e2e/parts.test.mjs
//
// The widget's files are served under /reciprocity/ and the clinic's page from /clinic/, so a part
// resolved against the page instead of the widget's folder would miss.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIRST_SCREEN_FILES,
  actionLabel,
  assertAccessible,
  clinicPage,
  content,
  eventually,
  focused,
  keyOf,
  offlineFor,
  partFiles,
  requireBuilt,
  screens,
  servedBuild,
  serveHtml,
  storageEntries,
  widgetElement,
  withContext,
  sectionButton,
  SECTION_STYLES,
  SECTION_WORDS,
} from './harness.mjs';

const ui = content.ui;
const BASE = '/reciprocity/';

requireBuilt('parts.json', '__wasm_split.js');

const build = servedBuild({ base: BASE });

/** The widget's files asked for since `from`, as paths under its folder. */
const widgetFiles = (requests, from = 0) =>
  requests
    .slice(from)
    .map((u) => new URL(u).pathname)
    .filter((p) => p.startsWith(BASE))
    .map((p) => p.slice(BASE.length));

/** Opens a clinic page outside the widget's folder with the widgets `body`, recording every request. */
async function openClinic(page, name, body = widgetElement({ id: 'w', lang: 'en', namespace: name })) {
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const origin = new URL(build.server.url).origin;
  const url = await serveHtml(page, `${origin}/clinic/${name}.html`, clinicPage(body, { script: `${BASE}reciprocity-widget.js` }));
  await page.goto(url);
  for (const widget of await page.locator('reciprocity-widget').all()) {
    await widget.locator('.rw-widget .rw-checklist').waitFor();
  }
  return { widget: page.locator('reciprocity-widget').first(), requests };
}

/** Each section the navigation opens, the part it fetches and what shows once it is there. */
const SECTIONS = [
  { nav: ui.nav_quiz, part: 'quiz', shown: '.rw-view [role="radio"], .rw-view input[type="radio"]' },
  { nav: ui.nav_plan, part: 'plan', shown: '.rw-plan' },
  { nav: ui.nav_practice, part: 'practice', shown: '.rw-practice' },
];

describe('the parts of the wasm', () => {
  test('the first screen fetches none; each section fetches its part once, from the widget’s folder', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const { widget, requests } = await openClinic(page, 'parts-once');
      assert.deepEqual(widgetFiles(requests).sort(), FIRST_SCREEN_FILES().sort(), 'the first screen’s files only');

      const fetched = new Set();
      for (const { nav, part, shown } of SECTIONS) {
        const from = requests.length;
        await sectionButton(widget, nav).click();
        await widget.locator(shown).first().waitFor();
        // What this section asked for: its part's files that an earlier part had not brought (parts
        // share some), and, after the check, the plan's part, fetched ahead while the check is open.
        const asked = widgetFiles(requests, from);
        const expected = partFiles(part).filter((f) => !fetched.has(f));
        for (const file of expected) assert.ok(asked.includes(file), `${part}: ${file} fetched`);
        for (const file of asked) {
          assert.ok(
            expected.includes(file) || (part === 'quiz' && partFiles('plan').includes(file)),
            `${part}: nothing but its own part (and the plan’s, ahead) — asked for ${file}`,
          );
        }
        asked.forEach((f) => fetched.add(f));
        if (part === 'quiz') await eventually(() => partFiles('plan').forEach((f) => assert.ok(requests.some((u) => u.endsWith(`/${f}`)), f)));
        partFiles('plan').forEach((f) => part === 'quiz' && fetched.add(f));
      }

      // Back and forth: nothing is fetched again.
      const from = requests.length;
      for (const { nav, shown } of [...SECTIONS, ...SECTIONS]) {
        await sectionButton(widget, nav).click();
        await widget.locator(shown).first().waitFor();
      }
      assert.deepEqual(widgetFiles(requests, from), [], 'a part already here is not fetched again');
      // Every part came from the widget's folder, none from the page's.
      assert.equal(requests.filter((u) => /\/clinic\/.*\.wasm$/.test(u)).length, 0);
    });
  });

  test('pointing at or tabbing to a section’s button starts its part on its way, before the press', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const { widget, requests } = await openClinic(page, 'parts-intent');
      const fetchedAll = (part) => partFiles(part).every((f) => widgetFiles(requests).includes(f));
      // The pointer over "My plan": its part comes, though nothing was pressed.
      await sectionButton(widget, ui.nav_plan).hover();
      await eventually(() => assert.ok(fetchedAll('plan'), 'the plan’s part, on pointing at its button'));
      assert.equal(await widget.locator('.rw-plan').count(), 0, 'the section did not open');
      // The keyboard onto "Practice": the same.
      assert.equal(fetchedAll('practice'), false);
      await sectionButton(widget, ui.nav_practice).focus();
      await eventually(() => assert.ok(fetchedAll('practice'), 'Practice’s part, on focusing its button'));
      // Pressed now, it opens at once, and nothing more is fetched.
      const from = requests.length;
      await page.keyboard.press('Enter');
      await widget.locator('.rw-practice').waitFor();
      assert.deepEqual(widgetFiles(requests, from), []);
    });
  });

  test('a part that cannot be fetched says so calmly, keeps everything else, and “Try again” loads it', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        const part = await offlineFor(page, `**${BASE}split_practice.wasm`);
        const { widget } = await openClinic(page, 'parts-fail');
        // A tick first: it must survive the failure.
        const action = content.steps[0].actions[0];
        await widget.getByRole('checkbox', { name: actionLabel(action), exact: true }).check();
        await eventually(async () =>
          assert.deepEqual(JSON.parse((await storageEntries(page))[keyOf('parts-fail')]).checklist.done, [action.id]),
        );

        await sectionButton(widget, ui.nav_practice).click();
        // Calm: a polite status, not an alert.
        const message = widget.locator('.rw-view .rw-part-status[role="status"]');
        await eventually(async () => assert.equal((await message.textContent()).trim(), ui.learn_failed));
        const retry = widget.getByRole('button', { name: ui.learn_retry, exact: true });
        await retry.waitFor();
        assert.equal(await widget.locator('.rw-view [role="alert"]').count(), 0);
        assert.equal((await widget.locator('h2.rw-view-heading').textContent()).trim(), ui.practice_heading);
        await screens(page, 'part-failed', [widget]);
        await assertAccessible(page, 'a part that could not be fetched');

        // The rest of the widget still works, and the tick is still there.
        await sectionButton(widget, ui.nav_checklist).click();
        assert.equal(await widget.getByRole('checkbox', { name: actionLabel(action), exact: true }).isChecked(), true);
        await sectionButton(widget, ui.nav_practice).click();
        await retry.waitFor();

        // Connection back: "Try again" by keyboard loads the part.
        part.reconnect();
        await retry.focus();
        await page.keyboard.press('Enter');
        await widget.locator('.rw-practice').waitFor();
        assert.equal(await retry.count(), 0);
        assert.equal(await message.count(), 0, 'the message gave way to the practice log');
        assert.notEqual((await focused(page)).tag, 'body', 'focus stays in the widget');
      },
      // Chromium reports the aborted request in the console, and the loader logs why.
      { allowErrors: [/Failed to load resource/, /Failed to fetch|internetdisconnected|TypeError/i] },
    );
  });

  test('when the sections’ words cannot be fetched, the section says so calmly, never shows a blank, and “Try again” loads them', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        const words = await offlineFor(page, `**${BASE}${SECTION_WORDS}`);
        const { widget } = await openClinic(page, 'parts-words');
        await sectionButton(widget, ui.nav_practice).click();
        const message = widget.locator('.rw-view .rw-part-status[role="status"]');
        // Nothing done yet: no "everything you've done is still here".
        await eventually(async () => assert.equal((await message.textContent()).trim(), ui.part_failed));
        // The section's code arrived, but nothing of it is drawn without its words.
        assert.equal(await widget.locator('.rw-practice').count(), 0);
        words.reconnect();
        await widget.getByRole('button', { name: ui.learn_retry, exact: true }).click();
        await widget.locator('.rw-practice').waitFor();
        assert.equal((await widget.locator('.rw-practice p').first().textContent()).trim(), ui.practice_intro);
      },
      { allowErrors: [/Failed to load resource/, /words of the sections could not be loaded|Failed to fetch|internetdisconnected|TypeError/i] },
    );
  });

  test('“Your data”’s controls arrive on first opening (pointing at its button starts them); offline before they came, “Delete everything” still works and says what it did, and “Try again” brings the rest', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        const part = await offlineFor(page, `**${BASE}split_data.wasm`);
        const { widget, requests } = await openClinic(page, 'parts-data');
        const action = content.steps[0].actions[0];
        await widget.getByRole('checkbox', { name: actionLabel(action), exact: true }).check();
        await eventually(async () => assert.ok((await storageEntries(page))[keyOf('parts-data')]));
        assert.equal(part.asked(), 0, 'not on the first screen');

        const toggle = widget.getByRole('button', { name: ui.data_button, exact: true });
        await toggle.hover();
        await eventually(() => assert.ok(part.asked() > 0, 'asked for on pointing at “Your data”'));
        await toggle.click();
        const panel = widget.locator('section.rw-data');
        const heading = panel.getByRole('heading', { name: ui.data_heading, exact: true });
        await heading.waitFor();
        await eventually(async () => assert.equal((await focused(page)).focusTarget, 'data', 'focus on the panel’s heading'));
        const message = panel.locator('.rw-part-status[role="status"]');
        await eventually(async () => assert.equal((await message.textContent()).trim(), ui.learn_failed));
        assert.equal(await panel.getByRole('button', { name: ui.data_export, exact: true }).count(), 0, 'the rest did not come');
        await screens(page, 'data-part-failed', [widget]);
        await assertAccessible(page, '“Your data” before its controls could be fetched');

        // Deleting works all the same, by keyboard, and is said only once storage was read back empty.
        await panel.getByRole('button', { name: ui.data_delete, exact: true }).click();
        await eventually(async () => assert.equal((await focused(page)).text, ui.cancel, 'focus on the safe choice'));
        await panel.getByRole('button', { name: ui.data_delete_confirm, exact: true }).focus();
        await page.keyboard.press('Enter');
        await eventually(async () =>
          assert.equal((await panel.locator('.rw-panel-status').textContent()).trim(), ui.data_deleted),
        );
        assert.equal((await storageEntries(page))[keyOf('parts-data')], undefined, 'nothing of the widget is stored');
        // Nor does the panel still say that everything done is here.
        assert.equal((await message.textContent()).trim(), ui.part_failed);
        await screens(page, 'data-part-failed-deleted', [widget]);
        assert.equal(await widget.getByRole('checkbox', { name: actionLabel(action), exact: true }).isChecked(), false);

        // Connection back: "Try again" brings the controls, under the same heading, which keeps focus.
        part.reconnect();
        const from = requests.length;
        await panel.getByRole('button', { name: ui.learn_retry, exact: true }).click();
        await panel.getByRole('button', { name: ui.data_export, exact: true }).waitFor();
        assert.ok(widgetFiles(requests, from).includes('split_data.wasm'));
        assert.equal(await message.count(), 0, 'the message gave way to the controls');
        assert.ok((await panel.textContent()).includes(ui.exit_about_heading));
        await eventually(async () => assert.equal((await focused(page)).focusTarget, 'data'));
        // The panel closed and opened again: nothing is fetched again.
        const again = requests.length;
        await panel.getByRole('button', { name: ui.close, exact: true }).click();
        await toggle.click();
        await panel.getByRole('button', { name: ui.data_export, exact: true }).waitFor();
        assert.deepEqual(widgetFiles(requests, again), []);
      },
      { allowErrors: [/Failed to load resource/, /Failed to fetch|internetdisconnected|TypeError/i] },
    );
  });

  test('“Your data” on a slow connection: “Delete everything” works while the rest is on its way, and the rest comes under it', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      let held = null;
      await page.route(`**${BASE}split_data.wasm`, (route) => {
        held = route;
      });
      const { widget } = await openClinic(page, 'parts-data-slow');
      const action = content.steps[0].actions[0];
      await widget.getByRole('checkbox', { name: actionLabel(action), exact: true }).check();
      await eventually(async () => assert.ok((await storageEntries(page))[keyOf('parts-data-slow')]));

      await widget.getByRole('button', { name: ui.data_button, exact: true }).click();
      const panel = widget.locator('section.rw-data');
      await eventually(() => assert.ok(held, 'the controls are on their way'));
      assert.equal((await panel.locator('.rw-part-status').textContent()).trim(), ui.learn_loading);
      await panel.getByRole('button', { name: ui.data_delete, exact: true }).click();
      await panel.getByRole('button', { name: ui.data_delete_confirm, exact: true }).click();
      await eventually(async () =>
        assert.equal((await panel.locator('.rw-panel-status').textContent()).trim(), ui.data_deleted),
      );
      assert.equal((await storageEntries(page))[keyOf('parts-data-slow')], undefined, 'nothing of the widget is stored');

      // The rest arrives: the controls, with what was said kept, and no second "Delete everything".
      await held.continue();
      await panel.getByRole('button', { name: ui.data_export, exact: true }).waitFor();
      assert.equal((await panel.locator('.rw-panel-status').textContent()).trim(), ui.data_deleted);
      assert.equal(await panel.getByRole('button', { name: ui.data_delete, exact: true }).count(), 1);
      assert.equal(await panel.locator('.rw-part-status').count(), 0);
    });
  });

  test('the sections’ stylesheet comes with the first section, into that widget’s shadow root; a section is never drawn without it, and “Try again” brings it', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        const stylesheet = await offlineFor(page, `**${BASE}${SECTION_STYLES}`);
        const { widget, requests } = await openClinic(page, 'parts-styles');
        const sheets = () =>
          widget.evaluate((element) => [...element.shadowRoot.querySelectorAll('link')].map((l) => new URL(l.href).pathname.split('/').pop()));
        assert.equal(widgetFiles(requests).includes(SECTION_STYLES), false, 'not with the first screen');
        assert.deepEqual(await sheets(), ['reciprocity-widget.css']);

        await sectionButton(widget, ui.nav_practice).click();
        const message = widget.locator('.rw-view .rw-part-status[role="status"]');
        await eventually(async () => assert.equal((await message.textContent()).trim(), ui.part_failed));
        // The section's code and words arrived, but nothing of it is drawn unstyled; the stylesheet
        // that failed is taken out, so the next try adds it afresh.
        assert.equal(await widget.locator('.rw-practice').count(), 0);
        assert.deepEqual(await sheets(), ['reciprocity-widget.css']);

        stylesheet.reconnect();
        await widget.getByRole('button', { name: ui.learn_retry, exact: true }).click();
        await widget.locator('.rw-practice').waitFor();
        // In from the first frame the section is drawn: its rules apply (the days of the week in a row).
        assert.equal(await widget.locator('.rw-days').first().evaluate((days) => getComputedStyle(days).display), 'flex');
        assert.deepEqual(await sheets(), ['reciprocity-widget.css', SECTION_STYLES]);

        // Another section uses the same stylesheet: nothing more is fetched, and no second link.
        const from = requests.length;
        await sectionButton(widget, ui.nav_plan).click();
        await widget.locator('.rw-plan').waitFor();
        assert.equal(widgetFiles(requests, from).includes(SECTION_STYLES), false);
        assert.deepEqual(await sheets(), ['reciprocity-widget.css', SECTION_STYLES]);
      },
      { allowErrors: [/Failed to load resource/, /could not load .*reciprocity-parts\.css/] },
    );
  });

  test('a stop while a part arrives shows the crash message in that widget; the saved tick is kept', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        // The loader of the parts tells the wasm a part has arrived through a function of its table,
        // not an export: make that one call trap, as a bug there would.
        await page.addInitScript(() => {
          const get = WebAssembly.Table.prototype.get;
          WebAssembly.Table.prototype.get = function (index) {
            const value = get.call(this, index);
            if (typeof value !== 'function' || !/__wasm_split\.js/.test(new Error().stack)) return value;
            return () => {
              throw new WebAssembly.RuntimeError('unreachable (a test-made trap)');
            };
          };
        });
        const { widget } = await openClinic(page, 'parts-stop');
        const action = content.steps[0].actions[0];
        await widget.getByRole('checkbox', { name: actionLabel(action), exact: true }).check();
        const ticks = async () => JSON.parse((await storageEntries(page))[keyOf('parts-stop')]).checklist.done;
        await eventually(async () => assert.deepEqual(await ticks(), [action.id]));

        await sectionButton(widget, ui.nav_practice).click();
        const alert = widget.locator('.rw-crash[role="alert"]');
        await alert.waitFor();
        assert.ok((await alert.textContent()).includes(ui.crash_message));
        await alert.getByRole('link', { name: ui.crash_reload, exact: true }).waitFor();
        assert.deepEqual(await ticks(), [action.id], 'the saved tick is kept');
        await screens(page, 'part-stopped', [widget]);
      },
      {
        allowErrors: [/reciprocity-widget stopped/, /test-made trap/],
        allowPageErrors: [/test-made trap/],
      },
    );
  });

  test('a part fetched stays for the life of the page, offline too', async (t) => {
    await withContext(t, build.browser, async ({ page, context }) => {
      const { widget, requests } = await openClinic(page, 'parts-offline');
      for (const { nav, shown } of SECTIONS) {
        await sectionButton(widget, nav).click();
        await widget.locator(shown).first().waitFor();
      }
      await context.setOffline(true);
      const from = requests.length;
      for (const { nav, shown } of [...SECTIONS].reverse()) {
        await sectionButton(widget, nav).click();
        await widget.locator(shown).first().waitFor();
      }
      // A clinic changing an attribute mounts the widget afresh, in the same instance: still there.
      await page.evaluate(() => document.querySelector('#w').setAttribute('clinic-name', 'Another name'));
      await widget.locator('.rw-clinic').filter({ hasText: 'Another name' }).waitFor();
      await sectionButton(widget, ui.nav_plan).click();
      await widget.locator('.rw-plan').waitFor();
      assert.deepEqual(widgetFiles(requests, from), [], 'nothing fetched offline');
    });
  });

  test('in iframe mode (embed.html, under its own strict policy) a part arrives as on a page', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const violations = [];
      page.on('console', (m) => /Content Security Policy|Content-Security-Policy/i.test(m.text()) && violations.push(m.text()));
      await page.goto(new URL(`embed.html?lang=en&namespace=parts-frame`, build.server.url).href);
      const widget = page.locator('reciprocity-widget');
      await widget.locator('.rw-widget .rw-checklist').waitFor();
      await sectionButton(widget, ui.nav_practice).click();
      await widget.locator('.rw-practice').waitFor();
      assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
    });
  });

  test('two widgets on one page: each gets the parts into its own instance', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const body =
        widgetElement({ id: 'a', lang: 'en', namespace: 'parts-a' }) + widgetElement({ id: 'b', lang: 'en', namespace: 'parts-b' });
      await openClinic(page, 'parts-two', body);
      const [a, b] = [page.locator('#a'), page.locator('#b')];
      // The check in the first widget, practice in the second, then each the other's.
      await sectionButton(a, ui.nav_quiz).click();
      await a.locator(SECTIONS[0].shown).first().waitFor();
      await sectionButton(b, ui.nav_practice).click();
      await b.locator('.rw-practice').waitFor();
      await sectionButton(a, ui.nav_practice).click();
      await a.locator('.rw-practice').waitFor();
      await sectionButton(b, ui.nav_quiz).click();
      await b.locator(SECTIONS[0].shown).first().waitFor();

      // Each works on its own state: a mark in one widget's practice log is stored under its key only.
      await sectionButton(b, ui.nav_practice).click();
      await b.locator('.rw-practice').waitFor();
      await a.locator('.rw-practice .rw-day:not([disabled])').first().click();
      await eventually(async () => {
        const stored = await storageEntries(page);
        assert.equal(JSON.parse(stored[keyOf('parts-a')]).practice.marks.length, 1);
        assert.equal(JSON.parse(stored[keyOf('parts-b')] ?? '{"practice":{"marks":[]}}').practice.marks.length, 0);
      });
      assert.equal(await a.locator('.rw-practice button[aria-pressed="true"]').count(), 1);
      assert.equal(await b.locator('.rw-practice button[aria-pressed="true"]').count(), 0);
    });
  });
});

describe('reading saved progress (the reader part: src/core/reader.rs)', () => {
  /** Quick exit's address on these pages: a page of the test server, so leaving can be followed. */
  const exitUrl = () => `${new URL(build.server.url).origin}${BASE}exit-landing.html`;
  const readerFetched = (requests, from = 0) => partFiles('reader').filter((f) => widgetFiles(requests, from).includes(f));

  test('a first visit saves without it; a returning visitor waits for it and sees their own progress, never an empty checklist', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const { widget, requests } = await openClinic(page, 'reader-return');
      const action = content.steps[0].actions[0];
      const box = widget.getByRole('checkbox', { name: actionLabel(action), exact: true });
      await box.check();
      await eventually(async () => assert.ok((await storageEntries(page))[keyOf('reader-return')]?.includes(action.id)));
      await box.uncheck();
      await box.check();
      await eventually(async () => assert.ok((await storageEntries(page))[keyOf('reader-return')]?.includes(action.id)));
      assert.deepEqual(readerFetched(requests), [], 'ticking and saving on a first visit read nothing back in');

      // Held back on the next visit: "Loading…", and no checklist until the saved one can be drawn.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(`**${BASE}split_reader.wasm`, async (route) => {
        await held;
        await route.continue();
      });
      const from = requests.length;
      await page.reload();
      const status = widget.locator('.rw-part-status[role="status"]');
      await eventually(async () => assert.equal((await status.textContent()).trim(), ui.learn_loading));
      assert.equal(await widget.locator('.rw-checklist').count(), 0, 'no checklist before the saved one');
      await screens(page, 'reader-loading', [widget]);
      release();
      await box.waitFor();
      assert.equal(await box.isChecked(), true, 'the saved tick, at the first drawing');
      assert.equal(await status.count(), 0);
      assert.deepEqual(readerFetched(requests, from).sort(), partFiles('reader'), 'the reader, from the widget’s folder');
    });
  });

  test('for a returning visitor the page’s loader fetches it alongside the first screen’s wasm, each file once', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const { widget, requests } = await openClinic(page, 'reader-early');
      const action = content.steps[0].actions[0];
      const box = widget.getByRole('checkbox', { name: actionLabel(action), exact: true });
      await box.check();
      await eventually(async () => assert.ok((await storageEntries(page))[keyOf('reader-early')]?.includes(action.id)));

      // The next visit: the first screen's wasm is held until the reader's files have been asked for,
      // so they can only have been asked for by the loader, not by the widget once it started.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route(`**${BASE}reciprocity-core_bg.wasm`, async (route) => {
        await held;
        await route.continue();
      });
      const from = requests.length;
      await page.reload();
      try {
        await eventually(() => assert.deepEqual(readerFetched(requests, from).sort(), partFiles('reader')));
      } finally {
        release();
      }
      await box.waitFor();
      assert.equal(await box.isChecked(), true);
      const asked = widgetFiles(requests, from);
      for (const file of partFiles('reader')) {
        assert.equal(asked.filter((f) => f === file).length, 1, `${file}: fetched once, ahead, and that copy used`);
      }
    });
  });

  test('offline before it came: a calm message, the saved progress untouched, and “Try again” by keyboard brings it, focus on its heading', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        const { widget } = await openClinic(
          page,
          'reader-offline',
          widgetElement({ id: 'w', lang: 'en', namespace: 'reader-offline', 'exit-url': exitUrl() }),
        );
        const action = content.steps[0].actions[0];
        const box = widget.getByRole('checkbox', { name: actionLabel(action), exact: true });
        await box.check();
        await eventually(async () => assert.ok((await storageEntries(page))[keyOf('reader-offline')]?.includes(action.id)));
        const saved = (await storageEntries(page))[keyOf('reader-offline')];

        const part = await offlineFor(page, `**${BASE}split_reader.wasm`);
        await page.reload();
        const message = widget.locator('.rw-part-status[role="status"]');
        await eventually(async () => assert.equal((await message.textContent()).trim(), ui.learn_failed));
        assert.equal(await widget.locator('.rw-checklist').count(), 0, 'no empty checklist in its place');
        assert.equal((await storageEntries(page))[keyOf('reader-offline')], saved, 'the saved progress untouched');
        await screens(page, 'reader-failed', [widget]);
        await assertAccessible(page, 'the widget before its saved progress could be read');
        // Quick exit is there meanwhile, first in the tab order.
        const exit = widget.getByRole('link', { name: ui.exit_button, exact: true });
        assert.equal(await exit.getAttribute('href'), exitUrl());
        await page.keyboard.press('Tab');
        assert.equal((await focused(page)).text, ui.exit_button);

        part.reconnect();
        await widget.getByRole('button', { name: ui.learn_retry, exact: true }).focus();
        await page.keyboard.press('Enter');
        await box.waitFor();
        assert.equal(await box.isChecked(), true);
        await eventually(async () => assert.equal((await focused(page)).focusTarget, 'view-heading', 'focus on the heading of what came'));
        assert.equal((await storageEntries(page))[keyOf('reader-offline')], saved);

        // Offline again on the next visit: quick exit leaves at once, and the page is not left in the
        // tab's history.
        part.disconnect();
        await page.reload();
        await eventually(async () => assert.equal((await message.textContent()).trim(), ui.learn_failed));
        const before = await page.evaluate(() => history.length);
        await exit.click();
        await page.waitForURL(exitUrl());
        assert.equal(await page.evaluate(() => history.length), before, 'replaced, not added');
      },
      { allowErrors: [/Failed to load resource/, /Failed to fetch|internetdisconnected|TypeError/i] },
    );
  });

  test('another tab’s change on a first visit: offline, a notice says this tab saves nothing until it can read it, and nothing is lost; back online, every tick of both tabs is kept', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page, newPage }) => {
        const key = keyOf('reader-tabs');
        const [one, two, three] = content.steps[0].actions;
        const { widget: first, requests } = await openClinic(page, 'reader-tabs');
        const part = await offlineFor(page, `**${BASE}split_reader.wasm`);
        const other = await newPage();
        const { widget: second } = await openClinic(other, 'reader-tabs');
        const tick = (widget, action) => widget.getByRole('checkbox', { name: actionLabel(action), exact: true });

        // The other tab ticks one: this tab asks for the reader to take it in, and cannot.
        await tick(second, one).check();
        await eventually(async () => assert.ok((await storageEntries(other))[key]?.includes(one.id)));
        await eventually(() => assert.ok(part.asked() > 0, 'the reader asked for'));
        const notice = first.locator('.rw-notices .rw-notice p');
        await eventually(async () => assert.deepEqual(await notice.allTextContents(), [ui.notice_unread]));
        await screens(page, 'reader-unread', [first]);

        // A tick here waits: what the other tab stored is not written over.
        await tick(first, two).check();
        await eventually(() => assert.ok(part.asked() > 1, 'asked again'));
        const stored = JSON.parse((await storageEntries(page))[key]);
        assert.deepEqual([...stored.checklist.done], [one.id], 'only the other tab’s tick is stored, untouched');

        // Back online: the next tick reads the other tab's in, and all three are saved and shown.
        part.reconnect();
        await tick(first, three).check();
        await eventually(async () => {
          const done = JSON.parse((await storageEntries(page))[key]).checklist.done;
          for (const action of [one, two, three]) assert.ok(done.includes(action.id), action.id);
        });
        for (const action of [one, two, three]) await eventually(async () => assert.equal(await tick(first, action).isChecked(), true));
        await eventually(async () => assert.deepEqual(await notice.allTextContents(), [], 'the notice withdrawn'));
        assert.ok(readerFetched(requests).includes('split_reader.wasm'));
        // And the other tab follows.
        for (const action of [one, two, three]) await eventually(async () => assert.equal(await tick(second, action).isChecked(), true));
      },
      { allowErrors: [/Failed to load resource/, /Failed to fetch|internetdisconnected|TypeError/i] },
    );
  });
});
