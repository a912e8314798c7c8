// End-to-end tests of the plan as a visitor reads it, for the profiles that could be hurt by a careless
// plan: someone who already gives more (with the overall question agreeing, or differing), and someone
// whose conflict and hard-times statements don't apply lately. Finished checks are seeded into storage
// before the page starts, so each test opens straight onto the plan.
//
//   bash scripts/build.sh && node --test --test-concurrency=1 tests/e2e/plan.test.mjs

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clinicPage,
  content,
  keyOf,
  requireBuilt,
  screens,
  servedBuild,
  serveHtml,
  widgetElement,
  withContext,
} from './harness.mjs';

const ui = content.ui;

requireBuilt('reciprocity-widget.js');

const build = servedBuild();

/** A schema 5 document with one finished check, every give statement `give`, every receive `receive`. */
function finishedCheck({ give, receive, balance = null, notApplicable = [] }) {
  const answers = {};
  for (const item of content.items) {
    answers[item.id] = notApplicable.includes(item.form)
      ? 'not_applicable'
      : { value: item.side === 'give' ? give : receive };
  }
  if (balance !== null) answers[content.balance.id] = { value: balance };
  const started = Date.UTC(2026, 10, 20, 10);
  return JSON.stringify({
    schema: 5,
    view: 'plan',
    quiz: {
      attempts: [{ started, finished: started + 600000, context: 'partner', question: 0, answers, skip_sensitive: false }],
    },
  });
}

/** Seeds `value` under the namespace's key before the page's scripts run (an init script). */
function seed([key, value]) {
  // Init scripts also run in the blank page a tab starts with, which has no storage.
  if (location.hostname !== '127.0.0.1') return;
  if (!sessionStorage.getItem('e2e-seeded')) {
    sessionStorage.setItem('e2e-seeded', '1');
    localStorage.setItem(key, value);
  }
}

async function openPlan(page, namespace) {
  const url = await serveHtml(
    page,
    new URL(`e2e/${namespace}.html`, build.server.url).href,
    clinicPage(widgetElement({ lang: 'en', namespace, 'exit-url': new URL('exit-landing.html', build.server.url).href })),
  );
  await page.goto(url);
  await page.locator('.rw-plan .rw-recommendations').waitFor();
}


const directionSection = (page) => page.locator('.rw-plan-section').filter({ hasText: ui.direction_heading });
const stepTitles = (page) => page.locator('.rw-recommendations > .rw-recommendation h4').allInnerTexts();
const titleOf = (id) => content.steps.find((s) => s.id === id).title;

/** Runs `body` on a page whose storage holds `doc` for `namespace`. */
function withPlan(t, namespace, doc, body) {
  return withContext(t, build.browser, ({ page }) => body(page), { initScripts: [[seed, [keyOf(namespace), doc]]] });
}

describe('the plan for the profiles a careless plan could hurt', () => {
  test('someone who gives more in every form is not told to give more', async (t) => {
    await withPlan(t, 'plan-giver', finishedCheck({ give: 5, receive: 2, balance: 2 }), async (page) => {
      await openPlan(page, 'plan-giver');
      const direction = await directionSection(page).innerText();
      assert.ok(direction.includes(ui.direction_gives_more), 'the answers described, never the person');
      assert.ok(direction.includes(ui.direction_gives_more_note), 'the article’s words: not to give more');
      assert.ok(direction.includes(ui.balance_agrees), 'the overall question agrees, and it says so');
      const titles = await stepTitles(page);
      assert.ok(titles.length >= 2, 'steps measured');
      for (const id of ['invest', 'repair']) {
        assert.ok(!titles.some((title) => title.includes(titleOf(id))), `no "${titleOf(id)}" step`);
      }
      const reasons = await page.locator('.rw-reasons li').allInnerTexts();
      assert.ok(reasons.includes(ui.reason_gives_more), 'the overall reason');
      // The forms that lean the same way share one sentence that names each of them.
      const leaning = ui.reason_form_gives_more.split('{forms}')[1];
      const lines = reasons.filter((r) => r !== ui.reason_gives_more && r.endsWith(leaning));
      assert.ok(lines.length > 0, `a reason says the way the forms lean: ${reasons}`);
      for (const form of content.forms) {
        const named = ui.form_quoted.replace('{form}', form.name);
        assert.ok(lines.some((line) => line.includes(named)), `${form.name} is named: ${lines}`);
      }
      await screens(page, 'plan-gives-more', [page.locator('reciprocity-widget .rw-widget')]);

      // The plan links to the parts of "Learn more" that fit: the first opens Learn right there.
      const links = page.locator('.rw-learn-links button');
      assert.equal(await links.count(), 3, 'two or three passages');
      assert.equal((await links.first().innerText()).trim(), content.learn_links['if-you-give-more']);
      const requests = [];
      page.on('request', (request) => {
        if (request.url().includes('/learn/')) requests.push(request.url());
      });
      await links.first().click();
      const focusedTarget = () =>
        page.evaluate(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          return el?.dataset?.focus ?? null;
        });
      await page.waitForFunction(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.dataset?.focus === 'learn-if-you-give-more';
      });
      assert.equal(requests.length, 1, `one request for the Learn text: ${requests}`);
      await page.getByRole('button', { name: ui.learn_back_plan, exact: true }).first().click();
      await page.waitForFunction(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.dataset?.focus === 'learn-link-if-you-give-more';
      });
      assert.equal(await focusedTarget(), 'learn-link-if-you-give-more', 'focus back on the link');
    });
  });

  test('when the overall question differs from the details, both are shown and reflection invited', async (t) => {
    await withPlan(t, 'plan-differs', finishedCheck({ give: 5, receive: 2, balance: -2 }), async (page) => {
      await openPlan(page, 'plan-differs');
      const direction = await directionSection(page).innerText();
      assert.ok(direction.includes(ui.direction_gives_more), 'the details');
      assert.ok(direction.includes(ui.balance_answer.replace('{answer}', content.balance.options[1])), 'the overall answer');
      assert.ok(direction.includes(ui.balance_differs), 'both can be true');
      await screens(page, 'plan-differs', [page.locator('reciprocity-widget .rw-widget')]);
    });
  });

  test('forms that don’t apply lately are described as such, never as low', async (t) => {
    const doc = finishedCheck({ give: 4, receive: 4, notApplicable: ['conflict', 'healing'] });
    await withPlan(t, 'plan-not-applicable', doc, async (page) => {
      await openPlan(page, 'plan-not-applicable');
      const rows = page.locator('.rw-plan table.rw-table tbody tr');
      assert.equal(await rows.count(), content.forms.length, 'every form measured');
      for (const id of ['conflict', 'healing']) {
        const name = content.forms.find((f) => f.id === id).name;
        const row = (await rows.filter({ hasText: name }).innerText()).replace(/\s+/g, ' ');
        assert.ok(row.includes(ui.form_not_applicable), `${name}: "${row}"`);
        assert.ok(!row.includes(ui.not_enough));
      }
      // The chart says the same as the table.
      const chart = await page.locator('.rw-plan svg').textContent();
      for (const id of ['conflict', 'healing']) {
        const name = content.forms.find((f) => f.id === id).name;
        assert.ok(chart.includes(`${name}: ${ui.form_not_applicable}`), `the chart for ${name}: "${chart}"`);
      }
      assert.ok(!chart.includes(ui.not_enough), 'never "not enough answers" for what does not apply');
      const reasons = await page.locator('.rw-reasons li').allInnerTexts();
      assert.ok(reasons.length > 0, 'reasons measured');
      assert.ok(!reasons.some((r) => /conflict|hard time/i.test(r)), `no reason about a form that doesn't apply: ${reasons}`);
      await screens(page, 'plan-not-applicable', [page.locator('reciprocity-widget .rw-widget')]);
    });
  });
});
