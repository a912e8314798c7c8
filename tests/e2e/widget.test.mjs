// End-to-end tests of the release build in headless Chromium.
//
//   bash scripts/build.sh && node --test tests/e2e/
//   DIST=/some/other/dist node --test tests/e2e/
//
// Every test gets a fresh browser context (its own storage), a network fenced to 127.0.0.1 and a check
// that no page threw or logged a console error. Failures leave screenshots in test-artifacts/.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIST,
  KEY,
  actionLabel,
  actionsFor,
  assertAccessible,
  checkedActions,
  checklistProgress,
  content,
  eventually,
  focused,
  noticeTexts,
  openWidget,
  pressUntil,
  requireBuilt,
  servedBuild,
  storageEntries,
  storedText,
  withContext,
  sectionButton as nav,
} from './harness.mjs';

const ui = content.ui;
// Until anyone says who the checklist is about, it shows every action (34); then those that fit.
const TOTAL_ACTIONS = actionsFor(null).length;
const TOTAL_QUESTIONS = content.items.length + 1; // 24 + the balance item
const SCALE = content.scale; // Never … Always
const BALANCE = content.balance.options; // 7 points
const context = (id) => content.contexts.find((c) => c.id === id);

/** The statement of question `index` (0-based) as the widget words it for `ctx`. */
function statement(index, ctx) {
  return (index < content.items.length ? content.items[index] : content.balance).text[ctx.id];
}
const options = (index) => (index === TOTAL_QUESTIONS - 1 ? BALANCE : SCALE);
const progressText = (n) => `Question ${n} of ${TOTAL_QUESTIONS}`;
const overall = (done, relationship = null) => `${done} of ${actionsFor(relationship).length} done`;

requireBuilt('index.html');

const build = servedBuild();

// ---- small page helpers (mouse allowed; the keyboard test does not use them) ----------------------

const checkbox = (page, text) =>
  page.locator('.rw-checklist .rw-check').filter({ hasText: text }).locator('input');
const questionProgress = async (page) =>
  (await page.locator('.rw-question .rw-progress-label').textContent())?.trim();
const checkedOption = async (page) => {
  const labels = await page.locator('.rw-question .rw-option:has(input:checked) span').allTextContents();
  assert.ok(labels.length <= 1, `more than one option checked: ${labels}`);
  return labels[0] ?? null;
};

async function waitForQuestion(page, n) {
  await eventually(async () => assert.equal(await questionProgress(page), progressText(n)));
}

/** Opens the check and starts it about `label` ("A friend"), with the mouse. */
async function startCheck(page, label) {
  await nav(page, ui.nav_quiz).click();
  await page.getByRole('radio', { name: label, exact: true }).check();
  await page.getByRole('button', { name: ui.start, exact: true }).click();
  // The content note before the first statement: keep the statements about hard times.
  await page.getByRole('button', { name: ui.content_note_include, exact: true }).click();
  await waitForQuestion(page, 1);
}

/** Answers the question on screen with the option labelled `label`, then presses Next / See my plan. */
async function answerAndNext(page, label) {
  const q = Number((await questionProgress(page)).match(/\d+/)[0]) - 1;
  const radio = page.locator('.rw-question').getByRole('radio', { name: label, exact: true });
  await radio.check();
  await page
    .locator('.rw-quiz-nav')
    .getByRole('button', { name: q === TOTAL_QUESTIONS - 1 ? ui.finish : ui.next, exact: true })
    .click();
}

/** Takes the whole check with the mouse, one varied answer per question. */
async function completeCheck(page, label = 'A partner', { beforeLast } = {}) {
  await startCheck(page, label);
  for (let q = 0; q < TOTAL_QUESTIONS; q++) {
    await waitForQuestion(page, q + 1);
    if (q === TOTAL_QUESTIONS - 1 && beforeLast) await beforeLast();
    const opts = options(q);
    await answerAndNext(page, q % 7 === 6 ? ui.prefer_not : opts[(q * 3) % opts.length]);
  }
  await eventually(async () =>
    assert.equal((await page.locator('.rw-view-heading').textContent()).trim(), ui.plan_heading),
  );
}

// ==================================================================================================

describe('keyboard only', () => {
  // The choices of the keyboard journey: index into the options, 'skip' for "Prefer not to answer" or
  // 'na' for "Doesn't apply to us lately". Give statements high, receive statements low: a clear
  // "gives more". Question 6 is skipped and question 8 answered "Never" (the test goes back to both);
  // the second conflict statement doesn't apply; the overall question says "I give more".
  const NOT_APPLICABLE_AT = content.items.findIndex((i) => i.may_not_apply && i.form === 'conflict' && i.side === 'give' && i.id.endsWith('-2'));
  const CHOICES = [
    ...content.items.map((item, q) => {
      if (q === 5) return 'skip';
      if (q === 7) return 0;
      if (q === NOT_APPLICABLE_AT) return 'na';
      return item.side === 'give' ? 3 + (q % 2) : 1;
    }),
    5,
  ];
  const labelOf = (q) =>
    CHOICES[q] === 'skip' ? ui.prefer_not : CHOICES[q] === 'na' ? ui.not_applicable : options(q)[CHOICES[q]];
  // Five actions over three steps.
  const ACTIONS = [
    content.steps[0].actions[0],
    content.steps[0].actions[2],
    content.steps[1].actions[1],
    content.steps[2].actions[0],
    content.steps[2].actions[3],
  ];

  /** From the focused legend, Tab into the radio group and choose `choice` with arrows or Space. */
  async function chooseWithKeys(page, q, choice) {
    const opts = options(q);
    const entry = await pressUntil(page, 'Tab', (f) => f.type === 'radio', { max: 2, what: 'an option' });
    assert.equal(entry.text, opts[0], 'with nothing chosen, Tab enters the group at its first option');
    if (choice === 'skip') {
      // Arrow keys wrap: up from the first option lands on the last one, "Prefer not to answer".
      await page.keyboard.press('ArrowUp');
    } else if (choice === 'na') {
      // "Doesn't apply to us lately" comes just before "Prefer not to answer".
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
    } else if (choice === 0) {
      await page.keyboard.press('Space');
    } else {
      for (let i = 0; i < choice; i++) await page.keyboard.press('ArrowDown');
    }
    const now = await focused(page);
    assert.equal(now.text, labelOf(q));
    assert.equal(now.checked, true, `"${now.text}" is focused but not checked`);
    await eventually(async () => assert.equal(await checkedOption(page), labelOf(q)));
  }

  /** Tab to the Next (or See my plan) button and press Enter. */
  async function nextWithKeys(page, q) {
    const name = q === TOTAL_QUESTIONS - 1 ? ui.finish : ui.next;
    await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === name, { max: 4, what: `"${name}"` });
    await page.keyboard.press('Enter');
  }

  /** After Next/Back/Start: the right question is on screen and focus is on its statement's legend. */
  async function assertOnQuestion(page, q, ctx) {
    await waitForQuestion(page, q + 1);
    const f = await focused(page);
    assert.equal(f.tag, 'legend', `focus should be on the statement's legend, is on ${f.tag} "${f.text}"`);
    assert.equal(f.text, statement(q, ctx));
  }

  test('checklist, check and plan with the keyboard alone; everything survives a reload', async (t) => {
    assert.equal(TOTAL_ACTIONS, 34, 'the content has 34 checklist actions');
    assert.equal(TOTAL_QUESTIONS, 31, 'the content has 30 statements and the overall question');
    assert.ok(NOT_APPLICABLE_AT > 0 && CHOICES[5] === 'skip' && CHOICES[7] === 0, 'the journey covers every kind of answer');
    await withContext(t, build.browser, async ({ page }) => {
      await openWidget(page, build.server.url);

      // Checklist: Tab forward through the actions and tick five of them, in three steps.
      for (const action of ACTIONS) {
        await pressUntil(page, 'Tab', (f) => f.type === 'checkbox' && f.text === actionLabel(action), {
          what: `the checkbox "${action.text}"`,
        });
        await page.keyboard.press('Space');
        assert.equal((await focused(page)).checked, true, `"${action.text}" not checked by Space`);
      }
      await eventually(async () => assert.equal(await checklistProgress(page), overall(5)));
      assert.deepEqual(await checkedActions(page), ACTIONS.map((a) => actionLabel(a)));

      // Back up to the sections and open the check.
      const quizButton = await pressUntil(
        page,
        'Shift+Tab',
        (f) => f.inNav && f.text === ui.nav_quiz,
        { what: `the "${ui.nav_quiz}" section button` },
      );
      assert.equal(quizButton.current, null);
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal((await focused(page)).current, 'page'));
      assert.equal(await nav(page, ui.nav_checklist).getAttribute('aria-current'), null);

      // Who it is about: Tab into the picker, arrow to "A friend", Tab to Start.
      const friend = context('friend');
      const firstContext = await pressUntil(page, 'Tab', (f) => f.type === 'radio', { what: 'the context picker' });
      assert.equal(firstContext.text, content.contexts[0].label);
      while ((await focused(page)).text !== friend.label) await page.keyboard.press('ArrowDown');
      assert.equal((await focused(page)).checked, true);
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.start, { max: 3, what: 'Start' });
      await page.keyboard.press('Enter');
      // The content note: focus lands on its heading; Tab to "Include them".
      await eventually(async () => assert.equal((await focused(page)).text, ui.content_note_heading));
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.content_note_include, { max: 2, what: 'Include them' });
      await page.keyboard.press('Enter');
      await assertOnQuestion(page, 0, friend);

      // The 30 statements and the overall question.
      for (let q = 0; q < TOTAL_QUESTIONS; q++) {
        await chooseWithKeys(page, q, CHOICES[q]);
        await nextWithKeys(page, q);
        if (q === TOTAL_QUESTIONS - 1) break;
        await assertOnQuestion(page, q + 1, friend);

        // Twice, go Back and find the earlier answer kept (once a "Prefer not to answer", once "Never").
        if (q + 1 === 6 || q + 1 === 8) {
          await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.back, { max: 3, what: 'Back' });
          await page.keyboard.press('Enter');
          await assertOnQuestion(page, q, friend);
          assert.equal(await checkedOption(page), labelOf(q), `answer to question ${q + 1} kept`);
          // Tab now enters the group at the checked option.
          const kept = await pressUntil(page, 'Tab', (f) => f.type === 'radio', { max: 2, what: 'an option' });
          assert.equal(kept.text, labelOf(q));
          assert.equal(kept.checked, true);
          await nextWithKeys(page, q);
          await assertOnQuestion(page, q + 1, friend);
        }
      }

      // The plan, with focus on its heading.
      await eventually(async () => {
        const f = await focused(page);
        assert.equal(f.tag, 'h2');
        assert.equal(f.text, ui.plan_heading);
      });
      await assertPlan(page);
      const planBefore = await page.locator('.rw-plan').innerText();

      // Reload: the plan, the checklist and the stored document are all still there.
      await page.reload();
      await page.locator('.rw-plan').waitFor();
      await assertPlan(page);
      assert.equal(await page.locator('.rw-plan').innerText(), planBefore);
      const doc = JSON.parse(await storedText(page));
      assert.equal(doc.schema, 7);
      assert.deepEqual([...doc.checklist.done].sort(), ACTIONS.map((a) => a.id).sort());
      assert.equal(doc.quiz.attempts.length, 1);
      assert.equal(doc.quiz.attempts[0].context, 'friend');
      assert.ok(doc.quiz.attempts[0].finished, 'the attempt is finished');
      assert.deepEqual(doc.quiz.attempts[0].answers[content.items[5].id], 'prefer_not');

      await pressUntil(page, 'Tab', (f) => f.inNav && f.text === ui.nav_checklist, { what: 'Checklist' });
      await page.keyboard.press('Enter');
      await page.locator('.rw-checklist').waitFor();
      // The check was about a friend, so the checklist now is too: the actions that fit a friend are
      // shown and counted (the partner's nightly check-in is hidden, its tick kept in the document).
      const forFriend = ACTIONS.filter((a) => actionsFor('friend').includes(a));
      assert.equal(forFriend.length, 4);
      assert.equal(await checklistProgress(page), overall(forFriend.length, 'friend'));
      assert.deepEqual(await checkedActions(page), forFriend.map((a) => actionLabel(a, 'friend')));
    });
  });

  // Asking to reset swaps the focused button for the confirmation: focus must follow to "Cancel", come
  // back to "Reset checklist" after cancelling, and go to the section heading after confirming.
  test('resetting the checklist with the keyboard keeps focus on a control', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openWidget(page, build.server.url);
      const where = async () => {
        const f = await focused(page);
        return `${f.tag} "${f.text}"`;
      };
      await pressUntil(page, 'Tab', (f) => f.type === 'checkbox', { what: 'a checkbox' });
      await page.keyboard.press('Space');
      await eventually(async () => assert.equal(await checklistProgress(page), overall(1)));
      const reset = (f) => f.tag === 'button' && f.text === ui.checklist_reset;
      const seen = {};

      await pressUntil(page, 'Tab', reset, { what: `"${ui.checklist_reset}"` });
      await page.keyboard.press('Enter');
      await page.getByRole('group', { name: ui.checklist_reset_question }).waitFor();
      // Focus lands on the safe choice, so a stray Enter cannot wipe progress.
      seen.afterAskingToReset = await where();

      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: ui.checklist_reset, exact: true }).waitFor();
      seen.afterCancel = await where();

      await page.keyboard.press('Enter');
      await page.getByRole('group', { name: ui.checklist_reset_question }).waitFor();
      await pressUntil(page, 'Shift+Tab', (f) => f.text === ui.checklist_reset_confirm, { max: 3, what: 'Yes, reset' });
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal(await checklistProgress(page), overall(0)));
      seen.afterConfirming = await where();
      assert.deepEqual(await checkedActions(page), []);
      await page.getByText(ui.checklist_reset_done).waitFor();

      assert.deepEqual(seen, {
        afterAskingToReset: `button "${ui.cancel}"`,
        afterCancel: `button "${ui.checklist_reset}"`,
        afterConfirming: `h2 "${ui.checklist_heading}"`,
      });
    });
  });

  async function assertPlan(page) {
    // The plan's part of the wasm may still be arriving (it is fetched on first opening).
    await page.locator('.rw-plan').waitFor();
    assert.equal((await page.locator('h2.rw-view-heading').textContent()).trim(), ui.plan_heading);
    assert.equal(await nav(page, ui.nav_plan).getAttribute('aria-current'), 'page');
    const rows = page.locator('.rw-plan table.rw-table tbody tr');
    assert.equal(await rows.count(), content.forms.length);
    assert.equal(content.forms.length, 6);
    assert.deepEqual(
      (await rows.locator('th').allTextContents()).map((s) => s.trim()),
      content.forms.map((f) => f.name),
    );
    const direction = (
      await page.locator('.rw-plan-section').filter({ hasText: ui.direction_heading }).locator('p').first().textContent()
    ).trim();
    // Every give statement was answered higher than its receive twin.
    assert.equal(direction, ui.direction_gives_more);
    const steps = await page.locator('.rw-recommendations > .rw-recommendation').count();
    assert.ok(steps >= 2 && steps <= 3, `2–3 recommended steps, found ${steps}`);
    // Someone who gives more is not told to give more: the article's words, and no "Invest" first.
    const plan = await page.locator('.rw-plan').innerText();
    assert.ok(plan.includes(ui.direction_gives_more_note), 'the note for someone who gives more');
    assert.ok(plan.includes(ui.balance_agrees), 'the overall question agrees, and the plan says so');
    const invest = content.steps.find((s) => s.id === 'invest').title;
    const first = await page.locator('.rw-recommendations > .rw-recommendation h4').first().innerText();
    assert.ok(!first.includes(invest), `the first step is not "${invest}"`);
  }

  test('a check left after four answers resumes at question 5 with the answers kept', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openWidget(page, build.server.url);
      const partner = context('partner');
      const picks = [SCALE[4], ui.prefer_not, SCALE[0], SCALE[2]];
      await startCheck(page, partner.label);
      for (const [q, pick] of picks.entries()) {
        await waitForQuestion(page, q + 1);
        await answerAndNext(page, pick);
      }
      await waitForQuestion(page, 5);

      await page.reload();
      await page.locator('.rw-question').waitFor();
      assert.equal(await questionProgress(page), progressText(5));
      assert.equal((await page.locator('.rw-question legend').textContent()).trim(), statement(4, partner));
      assert.equal(await checkedOption(page), null, 'question 5 was not answered');
      for (let q = 3; q >= 0; q--) {
        await page.getByRole('button', { name: ui.back, exact: true }).click();
        await waitForQuestion(page, q + 1);
        assert.equal(await checkedOption(page), picks[q], `answer to question ${q + 1} after reload`);
      }
    });
  });
});

// ==================================================================================================

describe('storage trouble', () => {
  test('unreadable saved progress is copied aside, explained, and the widget carries on', async (t) => {
    const GARBAGE = '{"schema": 2, "checklist": {"done": [tr';
    const corrupt = ([key, garbage]) => {
      // Only on the widget's page (not the blank page a new tab starts with), and only on the first load
      // of this tab, so a reload shows what the widget made of it.
      if (location.hostname === '127.0.0.1' && !sessionStorage.getItem('e2e-corrupted')) {
        sessionStorage.setItem('e2e-corrupted', '1');
        localStorage.setItem(key, garbage);
      }
    };
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        await openWidget(page, build.server.url);
        const notices = await noticeTexts(page);
        assert.equal(notices.length, 1, `one notice, got ${JSON.stringify(notices)}`);
        assert.match(notices[0], /progress couldn’t be read/);

        const copies = Object.entries(await storageEntries(page)).filter(([k]) =>
          k.startsWith(`${KEY}/corrupt/`),
        );
        assert.equal(copies.length, 1, 'exactly one corrupt copy');
        const [copyKey, copyValue] = copies[0];
        assert.equal(copyValue, GARBAGE, 'the copy holds the unreadable text exactly');
        assert.ok(notices[0].includes(copyKey), `the notice names the copy's key ${copyKey}`);

        const action = content.steps[3].actions[1];
        await checkbox(page, action.text).check();
        await eventually(async () => assert.equal(await checklistProgress(page), overall(1)));
        await eventually(async () => {
          const doc = JSON.parse(await storedText(page));
          assert.equal(doc.schema, 7);
          assert.deepEqual(doc.checklist.done, [action.id]);
        });
        assert.equal(await storedText(page, copyKey), GARBAGE, 'the corrupt copy is still there');

        // A reload reads the repaired document quietly.
        await page.reload();
        await page.locator('.rw-checklist').waitFor();
        assert.deepEqual(await noticeTexts(page), []);
        assert.deepEqual(await checkedActions(page), [action.text]);
      },
      { initScripts: [[corrupt, [KEY, GARBAGE]]] },
    );
  });

  test('blocked storage: a notice, and the widget works in memory', async (t) => {
    const block = () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
        configurable: true,
      });
    };
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        await openWidget(page, build.server.url);
        const notices = await noticeTexts(page);
        assert.equal(notices.length, 1, `one notice, got ${JSON.stringify(notices)}`);
        assert.match(notices[0], /can’t be saved/);

        for (const [i, action] of [content.steps[0].actions[1], content.steps[6].actions[0]].entries()) {
          await checkbox(page, action.text).check();
          await eventually(async () => assert.equal(await checklistProgress(page), overall(i + 1)));
        }
        await startCheck(page, 'A colleague');
        await answerAndNext(page, SCALE[3]);
        await waitForQuestion(page, 2);
        await answerAndNext(page, SCALE[1]);
        await waitForQuestion(page, 3);
        await page.getByRole('button', { name: ui.back, exact: true }).click();
        await waitForQuestion(page, 2);
        assert.equal(await checkedOption(page), SCALE[1]);
        // Still one notice: failing saves do not pile up more.
        assert.equal((await noticeTexts(page)).length, 1);
      },
      { initScripts: [[block]] },
    );
  });

  test('progress from a newer version is left untouched', async (t) => {
    const NEWER = '{"schema": 99}';
    const preset = ([key, value]) => {
      if (location.hostname === '127.0.0.1' && !sessionStorage.getItem('e2e-preset')) {
        sessionStorage.setItem('e2e-preset', '1');
        localStorage.setItem(key, value);
      }
    };
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        await openWidget(page, build.server.url);
        const notices = await noticeTexts(page);
        assert.equal(notices.length, 1, `one notice, got ${JSON.stringify(notices)}`);
        assert.match(notices[0], /newer version/);

        await checkbox(page, content.steps[4].actions[2].text).check();
        await eventually(async () => assert.equal(await checklistProgress(page), overall(1)));
        await nav(page, ui.nav_plan).click(); // another change of the document
        await page.locator('.rw-plan').waitFor();
        assert.equal(await storedText(page), NEWER, 'the newer document is byte for byte as it was');
        assert.deepEqual(Object.keys(await storageEntries(page)), [KEY], 'nothing else written');
      },
      { initScripts: [[preset, [KEY, NEWER]]] },
    );
  });

  test('a full storage: a notice, old value kept, saved again once there is room', async (t) => {
    const quota = () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (window.__e2eStorageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    };
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        await openWidget(page, build.server.url);
        const [a, b, c] = [content.steps[0].actions[3], content.steps[1].actions[0], content.steps[5].actions[2]];
        const isFull = (text) => text.includes('storage is full');

        await checkbox(page, a.text).check();
        await eventually(async () => assert.deepEqual(JSON.parse(await storedText(page)).checklist.done, [a.id]));
        const before = await storedText(page);

        await page.evaluate(() => (window.__e2eStorageFull = true));
        await checkbox(page, b.text).check();
        await eventually(async () => assert.ok((await noticeTexts(page)).some(isFull), 'a "storage is full" notice'));
        assert.equal(await checklistProgress(page), overall(2), 'the change is kept in memory');
        assert.equal(await storedText(page), before, 'the stored value is unchanged');

        await page.evaluate(() => (window.__e2eStorageFull = false));
        await checkbox(page, c.text).check();
        await eventually(async () =>
          assert.deepEqual(JSON.parse(await storedText(page)).checklist.done, [a.id, b.id, c.id].sort()),
        );
        await eventually(async () => assert.ok(!(await noticeTexts(page)).some(isFull), 'the notice is gone'));
        assert.equal(await checklistProgress(page), overall(3));
      },
      { initScripts: [[quota]] },
    );
  });
});

// ==================================================================================================

describe('tabs', () => {
  test('a change in one tab shows in another without a reload', async (t) => {
    await withContext(t, build.browser, async ({ page, newPage }) => {
      const other = await newPage();
      await openWidget(page, build.server.url);
      await openWidget(other, build.server.url);
      const action = content.steps[2].actions[1];

      await checkbox(page, action.text).check();
      await eventually(async () => assert.equal(await checkbox(other, action.text).isChecked(), true));
      assert.equal(await checklistProgress(other), overall(1));
      assert.equal((await other.locator('.rw-status').textContent()).trim(), ui.notice_other_tab);

      // And back the other way; each tab keeps its own open section.
      await nav(other, ui.nav_quiz).click();
      await checkbox(page, content.steps[6].actions[3].text).check();
      await nav(other, ui.nav_checklist).click();
      await checkbox(other, action.text).uncheck();
      await eventually(async () => assert.equal(await checkbox(page, action.text).isChecked(), false));
      await eventually(async () => assert.equal(await checklistProgress(page), overall(1)));
      assert.equal(await nav(page, ui.nav_checklist).getAttribute('aria-current'), 'page');
      assert.deepEqual(JSON.parse(await storedText(page)).checklist.done, [content.steps[6].actions[3].id]);
    });
  });
});

// ==================================================================================================

describe('accessibility (axe-core, WCAG 2.0/2.1/2.2 A and AA, whole page)', () => {
  test('intro and checklist, context picker (and its error), a statement, the plan before a check', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openWidget(page, build.server.url);
      await checkbox(page, content.steps[0].actions[0].text).check();
      // Ticking scrolled the page; axe counts controls scrolled under the sticky toolbar as obscured
      // targets, so scan from the top, as the page is first seen.
      await page.evaluate(() => window.scrollTo(0, 0));
      await assertAccessible(page, 'the intro and checklist');

      await nav(page, ui.nav_quiz).click();
      await page.locator('.rw-context').waitFor();
      await assertAccessible(page, 'the context picker');

      await page.getByRole('button', { name: ui.start, exact: true }).click(); // without a choice
      await page.locator('.rw-error[role="alert"]').waitFor();
      await assertAccessible(page, 'the context picker with its "choose who" error');

      await page.getByRole('radio', { name: 'A family member', exact: true }).check();
      await page.getByRole('button', { name: ui.start, exact: true }).click();
      await page.locator('.rw-content-note').waitFor();
      await assertAccessible(page, 'the content note');
      await page.getByRole('button', { name: ui.content_note_include, exact: true }).click();
      await waitForQuestion(page, 1);
      await page.locator('.rw-question').getByRole('radio', { name: SCALE[2], exact: true }).check();
      await assertAccessible(page, 'a statement (question 1)');

      await nav(page, ui.nav_plan).click();
      await page.locator('.rw-plan').waitFor();
      await assertAccessible(page, 'the plan while a check is in progress');
    });
  });

  test('the balance statement and the finished plan', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openWidget(page, build.server.url);
      await completeCheck(page, 'A partner', {
        beforeLast: async () => {
          assert.equal(
            (await page.locator('.rw-question legend').textContent()).trim(),
            statement(TOTAL_QUESTIONS - 1, context('partner')),
          );
          await assertAccessible(page, 'the balance statement (question 25)');
        },
      });
      await page.locator('.rw-plan table').waitFor();
      await assertAccessible(page, 'the plan');

      await page.getByRole('button', { name: ui.retake, exact: true }).click();
      await page.locator('.rw-context').waitFor();
      await nav(page, ui.nav_plan).click();
      await assertAccessible(page, 'the plan with a retake in progress');
    });
  });
});
