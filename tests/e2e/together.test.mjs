// End-to-end tests of the check taken together on one device: two people in turn, by keyboard only,
// with the first person's answers never in the page nor in storage while the second person answers;
// both side by side, with where their answers tell different stories; kept only when both choose to
// (and then read back from localStorage), deleted after a question; either person stops and deletes at
// any step without a single write to storage; quick exit in the middle of it; axe-core on every new
// view at 320 and 1280 px, light and dark, in English and in Arabic (right to left), with screenshots
// in test-artifacts/screens/together-*.png.
//
//   bash scripts/build.sh && node --test --test-concurrency=1 tests/e2e/together.test.mjs

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clinicPage,
  content,
  eventually,
  focused,
  keyOf,
  pressUntil,
  recordStorageWrites,
  requireBuilt,
  screens,
  servedBuild,
  serveHtml,
  storageWrites,
  widgetElement,
  withContext,
  sectionButton,
  contentIn,
} from './harness.mjs';

requireBuilt('reciprocity-widget.js', 'exit-landing.html', 'text/ar.json');

const build = servedBuild();
const landingUrl = () => new URL('exit-landing.html', build.server.url).href;
const AR = await contentIn('ar');

/** The screens of a check without the statements about hard times: each statement, then the overall one. */
function screensOf(words) {
  return [...words.items.filter((i) => !words.sensitive_forms.includes(i.form)), null];
}
const SCREENS = screensOf(content);
const GIVE_ITEM = SCREENS.find((i) => i?.side === 'give');

/** A statement as `focused()` reads it (white space made plain). */
const statement = (item, words = content) => (item ?? words.balance).text.partner.replace(/\s+/g, ' ');

/**
 * What each person answers, as the index of the option on each screen: the first gives "Always" and
 * receives "Rarely", and overall "I give more than they do"; the second says "Sometimes" to everything,
 * and overall "About even". So the first person's giving and the second's receiving tell different
 * stories (5 against 3) in every form answered, and the other way round they are close (3 against 2).
 */
const FIRST = (item) => (item === null ? 5 : item.side === 'give' ? 4 : 1);
const SECOND = (item) => (item === null ? 3 : 2);

async function openClinic(page, namespace, { lang = 'en', modules } = {}) {
  const url = await serveHtml(
    page,
    new URL(`e2e/${namespace}.html`, build.server.url).href,
    clinicPage(widgetElement({ lang, namespace, 'exit-url': landingUrl(), modules })),
  );
  await page.goto(url);
  const widget = page.locator('reciprocity-widget');
  await widget.locator('.rw-widget nav').waitFor();
  return widget;
}

const storedDoc = async (page, namespace) =>
  JSON.parse((await page.evaluate((k) => localStorage.getItem(k), keyOf(namespace))) ?? 'null');

/** Whether anything of anyone's answers is in the saved text: an item id, or a kept result. */
async function answersStored(page, namespace, words = content) {
  const text = (await page.evaluate((k) => localStorage.getItem(k), keyOf(namespace))) ?? '';
  return [...words.items.map((i) => i.id), words.balance.id].some((id) => text.includes(`"${id}"`));
}

/** How many radios and checkboxes are checked in the widget. */
const checkedInWidget = (widget) => widget.locator('input:checked').count();

/** Answers one person's turn by keyboard only: Tab into each statement's options, arrows to choose. */
async function turnByKeyboard(page, widget, pick, done, { beforeEach } = {}) {
  for (const [q, item] of SCREENS.entries()) {
    await eventually(async () => {
      const f = await focused(page);
      assert.equal(f.tag, 'legend', `focus on statement ${q + 1}`);
      assert.equal(f.text, statement(item));
    });
    if (beforeEach) await beforeEach(q);
    await pressUntil(page, 'Tab', (f) => f.type === 'radio', { max: 2, what: 'an option' });
    const index = pick(item);
    if (index === 0) await page.keyboard.press('Space');
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).checked, true);
    const next = q === SCREENS.length - 1 ? done : content.ui.next;
    await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === next, { max: 4, what: next });
    await page.keyboard.press('Enter');
  }
}

/** Answers one person's turn with the mouse (for the tests about stopping and other languages). */
async function turnByMouse(widget, pick, done, words = content, count = SCREENS.length) {
  const screensHere = screensOf(words);
  const total = String(screensHere.length);
  for (let q = 0; q < count; q++) {
    const item = screensHere[q];
    const labels = item === null ? words.balance.options : words.scale;
    const question = widget.locator('.rw-question');
    const progress = words.ui.question_progress.replace('{n}', String(q + 1)).replace('{total}', total);
    await question.locator('.rw-progress-label').filter({ hasText: progress }).waitFor();
    await question.getByRole('radio', { name: labels[pick(item)], exact: true }).check();
    if (q === screensHere.length - 1) {
      await widget.getByRole('button', { name: done, exact: true }).click();
    } else if (q < count - 1) {
      await widget.getByRole('button', { name: words.ui.next, exact: true }).click();
    }
  }
}

/** On the note: chooses a partner and to leave out the statements about hard times, and starts. */
async function beginHere(widget, words = content) {
  const ui = words.ui;
  await widget.getByRole('heading', { name: ui.together_note_heading, exact: true }).waitFor();
  const partner = words.contexts.find((c) => c.id === 'partner').label;
  await widget.locator('.rw-together').getByRole('radio', { name: partner, exact: true }).check();
  await widget.getByRole('radio', { name: ui.content_note_skip, exact: true }).check();
  await widget.getByRole('button', { name: ui.together_begin, exact: true }).click();
  await widget.locator('.rw-together-who').filter({ hasText: ui.together_first_turn }).waitFor();
}

/** Opens the check taken together from the check's start, with the mouse, and starts it. */
async function startTogether(widget, words = content) {
  const ui = words.ui;
  await sectionButton(widget, ui.nav_quiz).click();
  await widget.getByRole('button', { name: ui.together_open, exact: true }).click();
  await beginHere(widget, words);
}

describe('the check taken together on one device', () => {
  test('by keyboard, both in turn: the first person’s answers never in the page or storage while the second answers; different stories; kept only when both choose to', async (t) => {
    const ns = 'together-keys';
    const ui = content.ui;
    await withContext(t, build.browser, async ({ page }) => {
      const widget = await openClinic(page, ns);

      // From the check's start, by keyboard.
      await sectionButton(widget, ui.nav_quiz).focus();
      await page.keyboard.press('Enter');
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.together_open, {
        what: ui.together_open,
      });
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal((await focused(page)).text, ui.together_heading));
      const note = await widget.locator('.rw-together').innerText();
      for (const point of [ui.together_note_want, ui.together_note_share, ui.together_note_stop, ui.together_note_exit, ui.safety_text]) {
        assert.ok(note.includes(point), `the note says: ${point}`);
      }
      await screens(page, 'together-intro', [widget.locator('.rw-view')]);

      // Both choices, by keyboard: who it is about, and the statements about hard times left out.
      const partner = content.contexts.find((c) => c.id === 'partner').label;
      await pressUntil(page, 'Tab', (f) => f.type === 'radio' && f.text === partner, { what: partner });
      await page.keyboard.press('Space');
      await pressUntil(page, 'Tab', (f) => f.type === 'radio' && f.text === ui.content_note_include, {
        max: 3,
        what: ui.content_note_include,
      });
      await page.keyboard.press('ArrowDown');
      assert.deepEqual([(await focused(page)).text, (await focused(page)).checked], [ui.content_note_skip, true]);
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.together_begin, { max: 3, what: ui.together_begin });
      await page.keyboard.press('Enter');

      // The first person.
      assert.equal((await widget.locator('.rw-together-who').innerText()).trim(), ui.together_first_turn);
      await turnByKeyboard(page, widget, FIRST, ui.together_first_done, {
        beforeEach: async (q) => {
          if (q === 0) await screens(page, 'together-first', [widget.locator('.rw-view')]);
        },
      });

      // The handover: nothing of the first person's answers in the page, nothing stored.
      await eventually(async () => assert.equal((await focused(page)).text, ui.together_handover_heading));
      assert.equal(await widget.locator('.rw-question').count(), 0);
      assert.equal(await checkedInWidget(widget), 0, 'no answer of anyone on screen');
      assert.equal(await answersStored(page, ns), false, 'no answer in storage');
      await screens(page, 'together-handover', [widget.locator('.rw-view')]);
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.together_second_start, { max: 3, what: ui.together_second_start });
      await page.keyboard.press('Enter');

      // The second person: every screen starts without an answer (the first person's are not in the
      // page), and storage holds none.
      assert.equal((await widget.locator('.rw-together-who').innerText()).trim(), ui.together_second_turn);
      await turnByKeyboard(page, widget, SECOND, ui.together_second_done, {
        beforeEach: async (q) => {
          assert.equal(await checkedInWidget(widget), 0, `screen ${q + 1}: nothing checked before the second person answers`);
          const html = await widget.locator('.rw-view').innerHTML();
          assert.ok(!/checked/.test(html), `screen ${q + 1}: no checked state in the markup`);
          if (q % 8 === 0) assert.equal(await answersStored(page, ns), false, `screen ${q + 1}: nothing stored`);
          if (q === 0) await screens(page, 'together-second', [widget.locator('.rw-view')]);
        },
      });

      // Both, side by side.
      await eventually(async () => assert.equal((await focused(page)).text, ui.together_results_heading));
      const results = widget.locator('.rw-together-results').first();
      // A group of two rows per form answered (the one left out is not there), and the overall question.
      const groups = results.locator('tbody');
      const answered = content.forms.filter((f) => !content.sensitive_forms.includes(f.id));
      assert.equal(await groups.count(), answered.length + 1, 'every form answered and the overall question');
      const flat = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
      const practical = await flat(groups.filter({ hasText: content.forms.find((f) => f.id === 'practical').name }));
      assert.ok(practical.includes(`${ui.together_first} 5.0 2.0`), practical);
      assert.ok(practical.includes(`${ui.together_second} 3.0 3.0`), practical);
      const overall = await flat(groups.last());
      assert.ok(overall.includes(`${ui.together_first} ${content.balance.options[5]}`), overall);
      assert.ok(overall.includes(`${ui.together_second} ${content.balance.options[3]}`), overall);
      const healing = content.forms.find((f) => f.id === 'healing').name;
      assert.equal(await groups.filter({ hasText: healing }).count(), 0, 'the statements left out are not shown as missing');
      const text = await results.innerText();
      const quoted = answered.map((f) => ui.form_quoted.replace('{form}', f.name));
      const list = `${quoted.slice(0, -1).join(ui.list_separator)}${ui.list_last_separator}${quoted.at(-1)}`;
      assert.ok(text.includes(ui.together_differs_first_gives.replace('{forms}', list)), `the different stories, form by form:\n${text}`);
      assert.ok(!text.includes(ui.together_differs_second_gives.split('{forms}')[1]), 'close the other way round');
      for (const words of [ui.together_differs_note, ui.together_talk_needs, ui.together_talk_together, ui.together_talk_turns, ui.together_talk_reset]) {
        assert.ok(text.includes(words), words);
      }
      assert.equal(await answersStored(page, ns), false, 'nothing stored on the results');
      await screens(page, 'together-results', [widget.locator('.rw-view')]);

      // Keep: not with one choice, then with both; read back from localStorage.
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.together_keep, { what: ui.together_keep });
      await page.keyboard.press('Enter');
      await widget.getByRole('alert').filter({ hasText: ui.together_keep_both }).waitFor();
      await pressUntil(page, 'Shift+Tab', (f) => f.type === 'checkbox' && f.text === ui.together_keep_first, { max: 4, what: ui.together_keep_first });
      await page.keyboard.press('Space');
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.together_keep, { max: 3, what: ui.together_keep });
      await page.keyboard.press('Enter');
      await widget.getByRole('alert').filter({ hasText: ui.together_keep_both }).waitFor();
      assert.equal(await answersStored(page, ns), false, 'one person’s choice keeps nothing');
      await pressUntil(page, 'Shift+Tab', (f) => f.type === 'checkbox' && f.text === ui.together_keep_second, { max: 3, what: ui.together_keep_second });
      await page.keyboard.press('Space');
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.together_keep, { max: 3, what: ui.together_keep });
      await page.keyboard.press('Enter');
      const doc = await eventually(async () => {
        const d = await storedDoc(page, ns);
        assert.equal(d?.together?.kept?.length, 1, 'kept once both chose to');
        return d;
      });
      const record = doc.together.kept[0];
      assert.equal(record.context, 'partner');
      assert.equal(record.skip_sensitive, true);
      assert.deepEqual(record.first[GIVE_ITEM.id], { value: 5 });
      assert.deepEqual(record.second[GIVE_ITEM.id], { value: 3 });
      assert.deepEqual(record.first[content.balance.id], { value: 2 });
      assert.equal(Object.keys(record.first).length, SCREENS.length);
      assert.deepEqual(doc.quiz.attempts, [], 'the check of one’s own is untouched');
      await eventually(async () => assert.equal((await widget.locator('.rw-status').innerText()).trim(), ui.together_kept));

      // Kept results: open by keyboard, delete after a question (Cancel first).
      await pressUntil(page, 'Tab', (f) => f.tag === 'summary', { what: 'the kept results' });
      await page.keyboard.press('Enter');
      await widget.locator('.rw-together-kept[open] table').waitFor();
      await screens(page, 'together-kept', [widget.locator('.rw-together-kept')]);
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.together_delete, { what: ui.together_delete });
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal((await focused(page)).text, ui.cancel, 'the safe choice has focus'));
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal((await focused(page)).text, ui.together_delete, 'focus back on Delete'));
      await page.keyboard.press('Enter');
      await pressUntil(page, 'Shift+Tab', (f) => f.tag === 'button' && f.text === ui.together_delete_confirm, { max: 2, what: ui.together_delete_confirm });
      await page.keyboard.press('Enter');
      await eventually(async () => {
        const d = await storedDoc(page, ns);
        assert.deepEqual(d.together.kept, []);
        assert.deepEqual(d.together.removed, [record.started]);
      });
      await eventually(async () => assert.equal((await widget.locator('.rw-status').innerText()).trim(), ui.together_deleted));
      assert.equal(await widget.locator('.rw-together-kept').count(), 0);
    });
  });

  test('either person stops and deletes at any step, and nothing is ever written to storage; without the module there is no way in', async (t) => {
    const ns = 'together-stop';
    const ui = content.ui;
    await withContext(t, build.browser, async ({ page }) => {
      const widget = await openClinic(page, ns);
      // Some progress of the visitor's own, so that the document is saved at all.
      await widget.locator('.rw-check input').first().check();
      await eventually(async () => assert.equal((await storedDoc(page, ns))?.checklist?.done?.length, 1));
      await sectionButton(widget, ui.nav_quiz).click();
      await widget.getByRole('button', { name: ui.together_open, exact: true }).click();
      // Opening the section is saved (it is where a reload comes back to); nothing after it.
      await eventually(async () => assert.equal((await storedDoc(page, ns))?.view, 'together'));
      const mark = (await storageWrites(page)).length;
      const stored = await page.evaluate((k) => localStorage.getItem(k), keyOf(ns));

      // Starting needs both choices.
      await widget.getByRole('button', { name: ui.together_begin, exact: true }).click();
      await widget.getByRole('alert').filter({ hasText: ui.together_choose_both }).waitFor();

      const stop = async (where, shot) => {
        await widget.getByRole('button', { name: ui.together_stop, exact: true }).click();
        await eventually(async () => assert.equal((await focused(page)).text, ui.cancel, `${where}: the safe choice first`));
        if (shot) await screens(page, 'together-stop-question', [widget.locator('.rw-together-stop')]);
        await page.keyboard.press('Enter');
        await eventually(async () => assert.equal((await focused(page)).text, ui.together_stop, `${where}: back on Stop`));
        await widget.getByRole('button', { name: ui.together_stop, exact: true }).click();
        await widget.getByRole('button', { name: ui.together_stop_confirm, exact: true }).click();
        await eventually(async () => assert.equal((await focused(page)).text, ui.together_stopped));
        assert.equal(await checkedInWidget(widget), 0);
        assert.equal(await widget.locator('.rw-question, .rw-together-results').count(), 0, `${where}: no answers left on screen`);
        if (shot) await screens(page, 'together-stopped', [widget.locator('.rw-view')]);
        await widget.getByRole('button', { name: ui.together_again, exact: true }).click();
      };

      // The first person, two statements in.
      await beginHere(widget);
      await turnByMouse(widget, FIRST, ui.together_first_done, content, 2);
      await stop('the first person', true);

      // At the handover, and while the second person answers.
      await beginHere(widget);
      await turnByMouse(widget, FIRST, ui.together_first_done);
      await widget.getByRole('heading', { name: ui.together_handover_heading, exact: true }).waitFor();
      await stop('the handover');
      await beginHere(widget);
      await turnByMouse(widget, FIRST, ui.together_first_done);
      await widget.getByRole('button', { name: ui.together_second_start, exact: true }).click();
      await turnByMouse(widget, SECOND, ui.together_second_done, content, 3);
      await stop('the second person');

      // On the results, one chose to keep them, and they are deleted instead.
      await beginHere(widget);
      await turnByMouse(widget, FIRST, ui.together_first_done);
      await widget.getByRole('button', { name: ui.together_second_start, exact: true }).click();
      await turnByMouse(widget, SECOND, ui.together_second_done);
      await widget.getByRole('checkbox', { name: ui.together_keep_first, exact: true }).check();
      await stop('the results');

      assert.deepEqual(await storageWrites(page, mark), [], 'not one write to storage through all of it');
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), keyOf(ns)), stored, 'storage unchanged');

      // Leaving the section drops a session in progress.
      await startTogether(widget);
      await turnByMouse(widget, FIRST, ui.together_first_done, content, 2);
      await sectionButton(widget, ui.nav_checklist).click();
      await sectionButton(widget, ui.nav_quiz).click();
      await widget.getByRole('button', { name: ui.together_open, exact: true }).click();
      await widget.getByRole('heading', { name: ui.together_note_heading, exact: true }).waitFor();
      assert.equal(await widget.locator('.rw-question').count(), 0, 'the note again, no answers');
      assert.equal(await answersStored(page, ns), false);
    }, { initScripts: [[recordStorageWrites]] });

    // A clinic that leaves the module out: no way in from the check.
    await withContext(t, build.browser, async ({ page }) => {
      const widget = await openClinic(page, 'together-off', { modules: 'checklist quiz plan' });
      await sectionButton(widget, ui.nav_quiz).click();
      await widget.getByRole('button', { name: ui.start, exact: true }).waitFor();
      assert.equal(await widget.getByRole('button', { name: ui.together_open, exact: true }).count(), 0);
    });
  });

  test('quick exit works while the second person answers, and leaves no answer behind', async (t) => {
    const ns = 'together-exit';
    const ui = content.ui;
    await withContext(t, build.browser, async ({ page }) => {
      const widget = await openClinic(page, ns);
      await startTogether(widget);
      await turnByMouse(widget, FIRST, ui.together_first_done);
      await widget.getByRole('button', { name: ui.together_second_start, exact: true }).click();
      await turnByMouse(widget, SECOND, ui.together_second_done, content, 2);
      await widget.locator('.rw-question legend').focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      await page.waitForURL(landingUrl());
      assert.equal(await page.title(), 'Weather forecast');
      assert.equal(await answersStored(page, ns), false, 'no answer of either person in storage');
    });
  });

  test('in Arabic, right to left: the note, the handover and the results, with no axe violation', async (t) => {
    const ns = 'together-ar';
    const ui = AR.ui;
    await withContext(t, build.browser, async ({ page }) => {
      const widget = await openClinic(page, ns, { lang: 'ar' });
      assert.equal(await widget.locator('.rw-widget').getAttribute('dir'), 'rtl');
      await widget.locator('nav').getByRole('button', { name: ui.nav_quiz, exact: true }).click();
      await widget.getByRole('button', { name: ui.together_open, exact: true }).click();
      await widget.getByRole('heading', { name: ui.together_note_heading, exact: true }).waitFor();
      await screens(page, 'together-ar-intro', [widget.locator('.rw-view')]);
      await beginHere(widget, AR);
      await screens(page, 'together-ar-first', [widget.locator('.rw-view')]);
      await turnByMouse(widget, FIRST, ui.together_first_done, AR);
      await widget.getByRole('heading', { name: ui.together_handover_heading, exact: true }).waitFor();
      await screens(page, 'together-ar-handover', [widget.locator('.rw-view')]);
      await widget.getByRole('button', { name: ui.together_second_start, exact: true }).click();
      await turnByMouse(widget, SECOND, ui.together_second_done, AR);
      const results = widget.locator('.rw-together-results');
      await results.waitFor();
      assert.ok((await results.innerText()).includes(ui.together_differs_note));
      await screens(page, 'together-ar-results', [widget.locator('.rw-view')]);
      await widget.getByRole('checkbox', { name: ui.together_keep_first, exact: true }).check();
      await widget.getByRole('checkbox', { name: ui.together_keep_second, exact: true }).check();
      await widget.getByRole('button', { name: ui.together_keep, exact: true }).click();
      await eventually(async () => assert.equal((await storedDoc(page, ns))?.together?.kept?.length, 1));
      await widget.locator('.rw-together-kept summary').click();
      await screens(page, 'together-ar-kept', [widget.locator('.rw-together-kept')]);
    });
  });
});
