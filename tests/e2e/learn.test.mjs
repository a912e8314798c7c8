// End-to-end tests of "Learn more": its text is not part of the first screen's download, it is fetched
// once from the widget's own folder (not the page's) when first opened and kept for the rest of the
// page's life, a failed or slow fetch says so calmly and "Try again" works, it is usable by keyboard
// alone, and axe-core finds nothing in it at 320 and 1280 px, light and dark (screenshots in
// test-artifacts/screens/).
//
//   bash scripts/build.sh && node --test --test-concurrency=1 tests/e2e/learn.test.mjs
//
// The widget's files are served under /reciprocity/ and the clinic's page from /clinic/, so a request
// resolved against the page instead of the widget's folder would miss. No fixed sleeps: every wait is on
// a condition, and the timeout runs on Playwright's clock.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  ARTIFACTS,
  ROOT,
  assertAccessible,
  clinicPage,
  content,
  eventually,
  offlineFor,
  focused,
  pressUntil,
  requireBuilt,
  servedBuild,
  serveHtml,
  widgetElement,
  withContext,
  sectionButton,
} from './harness.mjs';

const ui = content.ui;
const learn = JSON.parse(readFileSync(path.join(ROOT, 'content/learn/en.json'), 'utf8'));
const SCREENS = path.join(ARTIFACTS, 'screens');
const BASE = '/reciprocity/';

requireBuilt('learn/en.json');

const build = servedBuild({ base: BASE });

const learnUrl = () => `${build.server.url}learn/en.json`;
const isLearnRequest = (url) => new URL(url).pathname.endsWith('/learn/en.json');

/** Opens a clinic page outside the widget's folder, records every request, waits for the widget. */
async function openClinic(page, { name = 'learn', attributes = {} } = {}) {
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const html = clinicPage(widgetElement({ id: 'w', lang: 'en', ...attributes }), {
    script: `${BASE}reciprocity-widget.js`,
  });
  const origin = new URL(build.server.url).origin;
  const url = await serveHtml(page, `${origin}/clinic/${name}.html`, html);
  await page.goto(url);
  const widget = page.locator('#w');
  await widget.locator('.rw-widget nav[aria-label="Sections"]').waitFor();
  return { widget, requests };
}

const learnButton = (scope) => scope.getByRole('button', { name: ui.learn_button, exact: true });
const viewHeading = (scope) => scope.locator('.rw-view-heading');
const sectionHeading = (scope, section) => scope.locator('.rw-learn-section > h3').filter({ hasText: section.heading });
const backButtons = (scope, label) => scope.locator('.rw-learn').getByRole('button', { name: label, exact: true });
const learnStatus = (scope) => scope.locator('.rw-learn-status[role="status"]');

/** Saves a screenshot of `scope` into test-artifacts/screens/. */
async function screenshot(scope, name) {
  await mkdir(SCREENS, { recursive: true });
  await scope.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

describe('Learn more', () => {
  test('is not in the first download; opening it fetches it once from the widget’s own folder, and never again on this page, offline too', async (t) => {
    await withContext(t, build.browser, async ({ page, context }) => {
      const { widget, requests } = await openClinic(page);
      // The first screen is complete (the wasm, the stylesheet and the checklist are in): nothing of
      // Learn was asked for.
      await widget.locator('.rw-checklist').waitFor();
      assert.ok(requests.some((u) => u.endsWith('reciprocity-core_bg.wasm')), 'the widget loaded');
      assert.deepEqual(requests.filter(isLearnRequest), [], 'no request for the Learn text on the first screen');
      await screenshot(widget.locator('.rw-view'), 'learn-button-checklist');
      // The plan's part of the wasm arrives on first opening too (src/components/lazy.rs): opened once
      // here, before going offline below.
      await sectionButton(widget, ui.nav_plan).click();
      await widget.locator('.rw-plan').waitFor();
      await sectionButton(widget, ui.nav_checklist).click();
      await widget.locator('.rw-checklist').waitFor();

      await learnButton(widget).click();
      await assert.doesNotReject(sectionHeading(widget, learn.sections[0]).waitFor());
      assert.equal((await viewHeading(widget).textContent()).trim(), ui.learn_heading);
      assert.deepEqual(requests.filter(isLearnRequest), [learnUrl()], 'exactly one request, next to the loader');
      // Everything in the file is on screen: every section, passage heading, paragraph and question.
      for (const section of learn.sections) {
        await sectionHeading(widget, section).waitFor();
        for (const passage of section.passages) {
          const shown = widget.locator(`[data-passage="${passage.id}"]`);
          if (passage.heading) assert.equal((await shown.locator('h4').textContent()).trim(), passage.heading);
          assert.equal(await shown.locator(':scope > p').count(), passage.paragraphs.length, passage.id);
          assert.equal(await shown.locator('li').count(), (passage.list ?? []).length, passage.id);
        }
      }
      assert.deepEqual(
        (await widget.locator('.rw-faq-item summary').allTextContents()).map((s) => s.trim()),
        learn.faq.map((q) => q.question),
      );
      // The section navigation does not claim the checklist is on screen.
      assert.equal(await widget.locator('nav[aria-label="Sections"] [aria-current="page"]').count(), 0);

      // Offline from here on: what was fetched stays until the page closes.
      await context.setOffline(true);
      // Back to the checklist, and in again: the text is still in memory.
      await backButtons(widget, ui.learn_back_checklist).first().click();
      await widget.locator('.rw-checklist').waitFor();
      assert.equal((await focused(page)).focusTarget, 'learn-button', 'focus is back on “Learn more”');
      await learnButton(widget).click();
      await sectionHeading(widget, learn.sections[0]).waitFor();

      // From the plan too, and back to the plan.
      await sectionButton(widget, ui.nav_plan).click();
      await widget.locator('.rw-plan').waitFor();
      await learnButton(widget).click();
      await sectionHeading(widget, learn.sections[0]).waitFor();
      await backButtons(widget, ui.learn_back_plan).last().click();
      await widget.locator('.rw-plan').waitFor();

      // A clinic changing an attribute mounts the widget afresh (with the words the loader kept): still
      // no second request, and nothing failed for being offline.
      await page.evaluate(() => document.querySelector('#w').setAttribute('clinic-name', 'Another name'));
      await widget.locator('.rw-clinic').filter({ hasText: 'Another name' }).waitFor();
      await learnButton(widget).click();
      await sectionHeading(widget, learn.sections[0]).waitFor();
      assert.deepEqual(requests.filter(isLearnRequest), [learnUrl()], 'reopening fetched nothing');
    });
  });

  test('a failed fetch says so calmly, keeps everything else, and “Try again” loads it', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        const text = await offlineFor(page, '**/learn/en.json');
        const { widget } = await openClinic(page, { name: 'learn-fails' });
        await learnButton(widget).click();
        // Nothing done yet, so it does not say that everything done is still here.
        await eventually(async () => assert.equal((await learnStatus(widget).textContent()).trim(), ui.part_failed));
        assert.equal(text.asked(), 1);
        const retry = widget.getByRole('button', { name: ui.learn_retry, exact: true });
        await retry.waitFor();
        // Nothing alarming: the message is a polite status, not an alert, and the way back is there.
        assert.equal(await widget.locator('.rw-learn [role="alert"]').count(), 0);
        assert.equal(await backButtons(widget, ui.learn_back_checklist).count(), 1);
        await screenshot(widget.locator('.rw-view'), 'learn-failed');
        await assertAccessible(page, 'Learn, after a failed fetch');

        text.reconnect();
        await retry.focus();
        await page.keyboard.press('Enter');
        await sectionHeading(widget, learn.sections[0]).waitFor();
        assert.equal(text.asked(), 2);
        assert.equal(await retry.count(), 0);
        assert.equal((await learnStatus(widget).textContent()).trim(), '');
        // The retry button gave way: focus went to the heading above, not to the page.
        assert.equal((await focused(page)).focusTarget, 'view-heading');
      },
      // Chromium reports the aborted request itself in the console.
      { allowErrors: [/Failed to load resource/] },
    );
  });

  test('a fetch that hangs is given up after a while, and the text still shows if it arrives', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await page.clock.install();
      let hanging = null;
      await page.route('**/learn/en.json', (route) => {
        hanging = route;
      });
      const { widget } = await openClinic(page, { name: 'learn-hangs' });
      await learnButton(widget).click();
      await eventually(async () => assert.ok(hanging, 'the request went out'));
      assert.equal((await learnStatus(widget).textContent()).trim(), ui.learn_loading);
      await page.clock.runFor(21_000);
      await eventually(async () => assert.equal((await learnStatus(widget).textContent()).trim(), ui.part_failed));
      await hanging.continue();
      await sectionHeading(widget, learn.sections[0]).waitFor();
      assert.equal(await widget.getByRole('button', { name: ui.learn_retry, exact: true }).count(), 0);
    });
  });

  test('by keyboard alone: open it, jump to the questions, open one, go back to where you were', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const { widget } = await openClinic(page, { name: 'learn-keys' });
      await page.locator('body').focus();
      await pressUntil(page, 'Tab', (f) => f.focusTarget === 'learn-button', { what: '“Learn more”' });
      await page.keyboard.press('Enter');
      await eventually(async () => {
        const now = await focused(page);
        assert.equal(now.focusTarget, 'view-heading');
        assert.equal(now.text, ui.learn_heading);
      });
      await sectionHeading(widget, learn.sections[0]).waitFor();

      // The table of contents moves focus to the part chosen.
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.learn_faq_heading, {
        what: 'the questions in the table of contents',
      });
      await page.keyboard.press('Enter');
      assert.equal((await focused(page)).text, ui.learn_faq_heading);
      await page.keyboard.press('Tab');
      const first = learn.faq[0];
      assert.deepEqual(
        { tag: (await focused(page)).tag, text: (await focused(page)).text },
        { tag: 'summary', text: first.question },
      );
      const answer = widget.locator('.rw-faq-item').first().locator('p');
      assert.equal(await answer.isVisible(), false, 'questions start closed');
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal(await answer.isVisible(), true));
      assert.equal((await answer.textContent()).trim(), first.answer);

      // The painful part can be skipped: its note's button goes to the next part.
      const sensitive = learn.sections.findIndex((s) => s.sensitive);
      await widget.locator('.rw-learn-contents').getByRole('button', { name: learn.sections[sensitive].heading }).focus();
      await page.keyboard.press('Enter');
      assert.equal((await focused(page)).text, learn.sections[sensitive].heading);
      await pressUntil(page, 'Tab', (f) => f.text === ui.learn_skip, { what: 'the skip button' });
      await page.keyboard.press('Enter');
      assert.equal((await focused(page)).text, learn.sections[sensitive + 1].heading);

      // Back (the button at the end): the checklist, with focus on the button that opened Learn.
      await pressUntil(page, 'Tab', (f) => f.text === ui.learn_back_checklist, { max: 80, what: 'the back button' });
      await page.keyboard.press('Enter');
      await widget.locator('.rw-checklist').waitFor();
      await eventually(async () => assert.equal((await focused(page)).focusTarget, 'learn-button'));
      assert.equal((await viewHeading(widget).textContent()).trim(), content.ui.checklist_heading);
    });
  });

  test('choosing another section from the navigation leaves Learn', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const { widget } = await openClinic(page, { name: 'learn-nav' });
      await learnButton(widget).click();
      await sectionHeading(widget, learn.sections[0]).waitFor();
      const quiz = sectionButton(widget, ui.nav_quiz);
      await quiz.click();
      assert.equal((await viewHeading(widget).textContent()).trim(), ui.quiz_heading);
      assert.equal(await widget.locator('.rw-learn').count(), 0);
      assert.equal(await quiz.getAttribute('aria-current'), 'page');
      assert.equal((await focused(page)).text, ui.nav_quiz, 'focus stays on the button pressed');
    });
  });

  for (const [page, what] of [
    ['strict-csp.html', 'under a strict Content-Security-Policy'],
    ['embed.html', 'in iframe mode'],
  ]) {
    test(`opens ${what}, with its one request from the widget’s folder`, async (t) => {
      await withContext(t, build.browser, async ({ page: tab }) => {
        const requests = [];
        tab.on('request', (request) => requests.push(request.url()));
        await tab.goto(`${build.server.url}${page}`);
        const widget = tab.locator('reciprocity-widget').first();
        await widget.locator('.rw-widget nav[aria-label="Sections"]').waitFor();
        await learnButton(widget).click();
        await sectionHeading(widget, learn.sections.at(-1)).waitFor();
        assert.deepEqual(requests.filter(isLearnRequest), [learnUrl()]);
      });
    });
  }

  for (const colorScheme of ['light', 'dark']) {
    for (const width of [320, 1280]) {
      test(`no axe violation in Learn at ${width} px, ${colorScheme}; screenshots`, async (t) => {
        await withContext(t, build.browser, async ({ page }) => {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme });
          const { widget } = await openClinic(page, { name: `learn-${width}-${colorScheme}` });
          await screenshot(widget.locator('.rw-view'), `learn-button-${width}-${colorScheme}`);
          await assertAccessible(page, `the checklist with “Learn more”, ${width} px, ${colorScheme}`);
          await learnButton(widget).click();
          await sectionHeading(widget, learn.sections[0]).waitFor();
          await widget.locator('.rw-faq-item summary').nth(1).click();
          await assertAccessible(page, `Learn at ${width} px, ${colorScheme}`);
          const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(sideways <= 0, `no sideways scrolling (${sideways} px)`);
          await screenshot(widget, `learn-${width}-${colorScheme}`);
        });
      });
    }
  }
});
