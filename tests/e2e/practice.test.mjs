// End-to-end tests of the practice log ("Observe") as a visitor uses it: a month of rituals marked by
// keyboard on Playwright's clock, in Paris across the end of summer time; the week in words; private
// notes; no streaks and no "missed"; kept, downloaded and deleted with everything else; every new view
// checked by axe at 320 and 1280 px, light and dark, in English and in Arabic (right to left).
//
//   bash scripts/build.sh && node --test --test-concurrency=1 tests/e2e/practice.test.mjs

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  clinicPage,
  content,
  eventually,
  fill,
  focused,
  keyOf,
  pressUntil,
  requireBuilt,
  screens,
  servedBuild,
  serveHtml,
  storedText,
  widgetElement,
  withContext,
  contentIn,
} from './harness.mjs';

const ui = content.ui;
const [arabic, french, hindi] = await Promise.all(
  ['ar', 'fr', 'hi'].map((lang) => contentIn(lang)),
);

requireBuilt('reciprocity-widget.js');

const build = servedBuild();

const ritualName = (id, words = content) => words.rituals.find((r) => r.id === id).name;
const PARIS = { timezoneId: 'Europe/Paris', locale: 'en-GB' };

/** Opens a page with one widget in `namespace` (language `lang`) on the practice log. */
async function openPractice(page, namespace, { lang = 'en', words = content } = {}) {
  const url = await serveHtml(
    page,
    new URL(`e2e/${namespace}.html`, build.server.url).href,
    clinicPage(widgetElement({ lang, namespace })),
  );
  await page.goto(url);
  await page.locator('.rw-widget nav').waitFor();
  await page.getByRole('button', { name: words.ui.nav_practice, exact: true }).click();
  await page.locator('.rw-practice').waitFor();
}

/** The ritual's card. */
const card = (page, id, words = content) =>
  page.locator('.rw-ritual').filter({ has: page.getByRole('heading', { name: ritualName(id, words), exact: true }) });

/** The day buttons of a ritual's week, with their labels and pressed states. */
async function week(page, id) {
  return card(page, id)
    .locator('.rw-day')
    .evaluateAll((buttons) =>
      buttons.map((b) => ({ label: b.textContent.replace('✓', '').trim(), pressed: b.getAttribute('aria-pressed') === 'true', disabled: b.disabled })),
    );
}

const marksIn = async (page, ns) => JSON.parse((await storedText(page, keyOf(ns))) ?? '{"practice":{"marks":[]}}').practice.marks;

/** A day written out as the widget writes it ("Sunday, October 25" in English): by the page's own Intl. */
const longDay = (page, iso, lang = 'en') =>
  page.evaluate(
    ([iso, lang]) =>
      new Date(`${iso}T12:00:00Z`).toLocaleDateString(`${lang}-u-nu-latn`, {
        timeZone: 'UTC',
        weekday: 'long',
        day: 'numeric',
        month: 'long',
      }),
    [iso, lang],
  );

/** The week's heading for the week from `monday` to `sunday`. */
const weekHeading = async (page, monday, sunday) =>
  fill(ui.practice_week, { start: await longDay(page, monday), end: await longDay(page, sunday) });

/** Paris local time → the instant, for the clock. `offset` is "+01:00" in winter, "+02:00" in summer. */
const paris = (local, offset) => new Date(`${local}${offset}`);

describe('the practice log', () => {
  test('a month of rituals by keyboard, across the end of summer time, kept as the days they were lived', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        const ns = 'practice-month';
        // Sunday 25 October 2026, 23:30 in Paris: summer time ended at 03:00 that morning.
        await page.clock.install({ time: paris('2026-10-25T23:30:00', '+01:00') });
        await openPractice(page, ns);

        // Who the rituals are about, from the same chooser as the checklist.
        await page.getByRole('button', { name: content.contexts.find((c) => c.id === 'partner').label, exact: true }).click();
        const heading = page.locator('.rw-week-nav h3');
        assert.equal(await heading.textContent(), await weekHeading(page, '2026-10-19', '2026-10-25'));

        // By keyboard: from "Previous week" Tab reaches the first ritual's days; Space marks Sunday.
        await page.getByRole('button', { name: ui.practice_previous_week }).focus();
        await page.keyboard.press('Shift+Tab');
        const sunday = await pressUntil(page, 'Tab', (f) => f.tag === 'button' && /Sun 25/.test(f.text), { what: 'Sunday in the first ritual' });
        assert.ok(sunday);
        await page.keyboard.press('Space');
        const first = content.rituals.find((r) => r.id === 'ten-minute-check-in');
        await eventually(async () => assert.deepEqual(
          (await marksIn(page, ns)).map((m) => [m.day, m.ritual, m.done]),
          [['2026-10-25', first.id, true]],
          'the mark belongs to Sunday, the day lived in Paris (22:30 UTC)',
        ));
        assert.equal((await focused(page)).text.replace('✓', '').trim(), 'Sun 25', 'focus stays on the day');
        assert.equal(
          (await card(page, first.id).locator('.rw-ritual-week').textContent()).trim(),
          fill(ui.practice_done_days, { days: await longDay(page, '2026-10-25') }),
          'the week in words',
        );

        // A private note on that day, kept when the field is left.
        const note = card(page, first.id).getByLabel(fill(ui.practice_note_label, { day: await longDay(page, '2026-10-25') }));
        await note.focus();
        await page.keyboard.type('Talked about the week. Calmer.');
        await page.keyboard.press('Tab');
        await eventually(async () => assert.equal((await marksIn(page, ns))[0].note, 'Talked about the week. Calmer.'));

        // An hour later it is Monday 26 October: a new week, last week's marks still there.
        await page.clock.setSystemTime(paris('2026-10-26T00:30:00', '+01:00'));
        await page.reload();
        await page.locator('.rw-practice').waitFor();
        assert.equal(await heading.textContent(), await weekHeading(page, '2026-10-26', '2026-11-01'));
        assert.deepEqual(
          (await week(page, first.id)).map((d) => [d.pressed, d.disabled]),
          [[false, false], ...Array(6).fill([false, true])],
          'only today and earlier can be marked, and nothing is marked yet',
        );
        assert.equal((await card(page, first.id).locator('.rw-ritual-week').textContent()).trim(), ui.practice_none);
        await page.getByRole('button', { name: ui.practice_previous_week }).press('Enter');
        assert.equal(await heading.textContent(), await weekHeading(page, '2026-10-19', '2026-10-25'));
        assert.equal((await week(page, first.id))[6].pressed, true, 'Sunday stays marked after the change of time and week');
        await page.getByRole('button', { name: ui.practice_next_week }).press('Enter');
        assert.equal((await focused(page)).text, ui.practice_next_week, 'focus stays on "Next week" at this week');
        assert.equal(await page.getByRole('button', { name: ui.practice_next_week }).getAttribute('aria-disabled'), 'true');
        await page.getByRole('button', { name: ui.practice_next_week }).press('Enter');
        assert.equal(await heading.textContent(), await weekHeading(page, '2026-10-26', '2026-11-01'), 'no week after this one');

        // The rest of the month: a few rituals on a few days each week, as a visitor would, with gaps.
        const plan = [
          ['2026-10-28T21:00:00', 'two-minute-appreciation'],
          ['2026-10-30T21:00:00', 'lets-reset'],
          ['2026-11-03T20:00:00', 'two-minute-appreciation'],
          ['2026-11-04T20:00:00', 'two-minute-appreciation'],
          ['2026-11-12T22:00:00', 'five-second-pause'],
          ['2026-11-22T23:59:00', 'how-are-we-doing'],
        ];
        for (const [local, ritual] of plan) {
          await page.clock.setSystemTime(paris(local, '+01:00'));
          await page.reload();
          await page.locator('.rw-practice').waitFor();
          const today = (await week(page, ritual)).findLast((d) => !d.disabled);
          await card(page, ritual).getByRole('button', { name: today.label, exact: true }).press('Space');
          await eventually(async () => assert.ok(
            (await marksIn(page, ns)).some((m) => m.day === local.slice(0, 10) && m.ritual === ritual && m.done),
            `${ritual} on ${local.slice(0, 10)}`,
          ));
        }
        const days = (await marksIn(page, ns)).filter((m) => m.done).map((m) => m.day);
        assert.deepEqual(days, ['2026-10-25', '2026-10-28', '2026-10-30', '2026-11-03', '2026-11-04', '2026-11-12', '2026-11-22']);

        // Taking a mark back removes its note too, and says nothing about a gap.
        // Sunday 22 November's week, then two weeks back.
        await page.getByRole('button', { name: ui.practice_previous_week }).press('Enter');
        await page.getByRole('button', { name: ui.practice_previous_week }).press('Enter');
        assert.equal(await heading.textContent(), await weekHeading(page, '2026-11-02', '2026-11-08'));
        const appreciation = card(page, 'two-minute-appreciation');
        assert.equal(
          (await appreciation.locator('.rw-ritual-week').textContent()).trim(),
          fill(ui.practice_done_days, {
            days: `${await longDay(page, '2026-11-03')}${ui.list_separator}${await longDay(page, '2026-11-04')}`,
          }),
        );
        await appreciation.getByRole('button', { name: 'Wed 4', exact: true }).press('Space');
        await eventually(async () => assert.equal(
          (await marksIn(page, ns)).find((m) => m.day === '2026-11-04').done,
          false,
        ));
        const text = await page.locator('.rw-practice').textContent();
        assert.doesNotMatch(text, /missed|in a row|streak of|you failed|well done/i, 'no streaks, no blame, no praise for counts');
      },
      { contextOptions: PARIS },
    );
  });

  test('the log is downloaded and deleted with everything else', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'practice-data';
      await page.clock.install({ time: paris('2026-11-27T10:00:00', '+01:00') });
      await openPractice(page, ns);
      await page.getByRole('button', { name: content.contexts.find((c) => c.id === 'friend').label, exact: true }).click();
      await card(page, 'appreciation').getByRole('button', { name: 'Fri 27', exact: true }).click();
      await eventually(async () => assert.equal((await marksIn(page, ns)).length, 1));

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: ui.data_button, exact: true }).click();
      await page.getByRole('button', { name: ui.data_export, exact: true }).click();
      const file = await (await download).path();
      const saved = JSON.parse(await readFile(file, 'utf8'));
      assert.deepEqual(saved.practice.marks.map((m) => [m.day, m.ritual]), [['2026-11-27', 'appreciation']]);

      await page.getByRole('button', { name: ui.data_delete, exact: true }).click();
      await page.getByRole('button', { name: ui.data_delete_confirm, exact: true }).click();
      await eventually(async () => assert.equal(await storedText(page, keyOf(ns)), null));
      assert.equal((await week(page, 'appreciation'))[4].pressed, false, 'the deleted mark is gone from the week');
    }, { contextOptions: PARIS });
  });

  test('a colleague gets the rituals that fit work, each with the safety note', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openPractice(page, 'practice-colleague');
      await page.getByRole('button', { name: content.contexts.find((c) => c.id === 'colleague').label, exact: true }).click();
      const names = await page.locator('.rw-ritual h4').allTextContents();
      assert.ok(!names.includes(ritualName('ten-minute-check-in')), 'no nightly check-in with a colleague');
      assert.ok(names.includes(ritualName('feedback-session')));
      assert.equal(await page.locator('.rw-practice .rw-safety').count(), 1, 'the safety note comes before the rituals');
      // Every ritual that asks for repair or openness says "when it feels safe".
      const resetCard = card(page, 'lets-reset');
      assert.match(await resetCard.textContent(), new RegExp(ui.action_when_safe.replace(/[.?]/g, '\\$&')));
    });
  });

  test('the practice log at 320 and 1280 px, light and dark, in English and Arabic', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await page.clock.install({ time: paris('2026-11-25T12:00:00', '+01:00') });
      await openPractice(page, 'practice-screens');
      await page.getByRole('button', { name: content.contexts.find((c) => c.id === 'partner').label, exact: true }).click();
      await card(page, 'ten-minute-check-in').getByRole('button', { name: 'Mon 23', exact: true }).click();
      await card(page, 'ten-minute-check-in').getByRole('button', { name: 'Wed 25', exact: true }).click();
      await screens(page, 'practice-en', [page.locator('.rw-week-nav'), card(page, 'ten-minute-check-in')]);
    }, { contextOptions: PARIS });
    await withContext(t, build.browser, async ({ page }) => {
      await page.clock.install({ time: paris('2026-11-25T12:00:00', '+01:00') });
      await openPractice(page, 'practice-screens-ar', { lang: 'ar', words: arabic });
      await page.getByRole('button', { name: arabic.contexts.find((c) => c.id === 'family').label, exact: true }).click();
      const family = card(page, 'family-check-in', arabic);
      await family.locator('.rw-day').nth(0).click();
      assert.equal(await page.locator('.rw-widget').getAttribute('dir'), 'rtl');
      const [first, last] = await family.locator('.rw-day').evaluateAll((b) => [b[0].getBoundingClientRect().x, b[6].getBoundingClientRect().x]);
      assert.ok(first > last, 'the week runs from the right in Arabic');
      assert.doesNotMatch(await page.locator('.rw-week-nav h3').textContent(), /[٠-٩]/, 'Western digits, like every number');
      await screens(page, 'practice-ar', [page.locator('.rw-week-nav'), family]);
    }, { contextOptions: PARIS });
  });

  test('the practice log in French and Hindi, with the section menu of four at 320 px', async (t) => {
    for (const [lang, words] of [['fr', french], ['hi', hindi]]) {
      await withContext(t, build.browser, async ({ page }) => {
        await page.clock.install({ time: paris('2026-11-25T12:00:00', '+01:00') });
        await openPractice(page, `practice-screens-${lang}`, { lang, words });
        await page.getByRole('button', { name: words.contexts.find((c) => c.id === 'friend').label, exact: true }).click();
        const appreciation = card(page, 'appreciation', words);
        await appreciation.locator('.rw-day').nth(1).click();
        const note = appreciation.locator('.rw-practice-note input');
        await note.fill(lang === 'hi' ? 'शाम को बात हुई' : 'Un bon moment');
        await note.press('Tab');
        assert.equal(await page.locator('.rw-practice .rw-ritual-week').first().textContent() !== '', true);
        await screens(page, `practice-${lang}`, [page.locator('.rw-widget nav'), page.locator('.rw-week-nav'), appreciation]);
      }, { contextOptions: PARIS });
    }
  });
});
