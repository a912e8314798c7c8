// End-to-end tests of safety in the content and a checklist for each relationship: the safety message
// before the first statement and on the plan, each region's domestic-abuse lines in "Need support now?",
// "When it feels safe to do so." with every action that asks for repair, openness, patience or a first
// move, the checklist following who it is about (chosen by keyboard, ticks kept across a change), and
// axe-core on the new views at 320 and 1280 px, light and dark, with screenshots.
//
//   bash scripts/build.sh && node --test --test-concurrency=1 tests/e2e/safety-content.test.mjs
//
// No fixed sleeps: every wait is on a condition. Screenshots go to test-artifacts/screens/.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import {
  SCREENS,
  actionLabel,
  actionsFor,
  clinicPage,
  content,
  contextOf,
  dialled,
  eventually,
  fill,
  focused,
  focusIndicator,
  keyOf,
  pressUntil,
  requireBuilt,
  screens,
  servedBuild,
  serveHtml,
  widgetElement,
  withContext,
  sectionButton as nav,
} from './harness.mjs';

const ui = content.ui;
const REGIONS = content.support.regions;
const ALL_ACTIONS = actionsFor(null);
const byId = (id) => ALL_ACTIONS.find((a) => a.id === id);
const NIGHT_OR_MEAL = /\bnight|\bmeal/i;

requireBuilt(...['reciprocity-widget.js', 'reciprocity-core.js', 'reciprocity-core_bg.wasm', 'reciprocity-widget.css', 'exit-landing.html']);

const build = servedBuild();
before(() => mkdir(SCREENS, { recursive: true }));

// ---- pages and locators ---------------------------------------------------------------------------

/** Opens a clinic page with one widget (its own namespace `name`, lang="en") and waits for it. */
async function openClinic(page, attributes = {}, { name = 'safety-content' } = {}) {
  const exitUrl = new URL('exit-landing.html', build.server.url).href;
  const url = await serveHtml(
    page,
    new URL(`e2e/${name}.html`, build.server.url).href,
    clinicPage(widgetElement({ lang: 'en', namespace: name, 'exit-url': exitUrl, ...attributes })),
  );
  await page.goto(url);
  await page.locator('reciprocity-widget .rw-widget').waitFor();
  return url;
}

/** Sets localStorage entries once per tab, before the page's scripts run (an init script). */
function seedStorage(entries) {
  if (location.hostname !== '127.0.0.1' || sessionStorage.getItem('e2e-seeded')) return;
  sessionStorage.setItem('e2e-seeded', '1');
  for (const [key, value] of entries) localStorage.setItem(key, value);
}

/** A finished check about `context`: every "give" statement Always, every "receive" one Rarely. */
function finishedDocument(context = 'partner') {
  const answers = Object.fromEntries(content.items.map((item) => [item.id, { value: item.side === 'give' ? 5 : 2 }]));
  answers[content.balance.id] = { value: 2 };
  return JSON.stringify({
    schema: 2,
    view: 'plan',
    checklist: { done: [] },
    quiz: { attempts: [{ started: 1764000000000, finished: 1764000600000, context, question: content.items.length, answers }] },
  });
}

const supportButton = (page) => page.locator('.rw-toolbar').getByRole('button', { name: ui.support_button, exact: true });
const supportPanel = (page) => page.locator('section.rw-support');
const chooser = (page) => page.locator('.rw-checklist .rw-relationship');
const safetyNotes = (page) => page.locator('.rw-safety');
const checklistProgress = async (page) =>
  (await page.locator('.rw-checklist > .rw-progress .rw-progress-label').textContent())?.trim();
const overall = (done, relationship) => `${done} of ${actionsFor(relationship).length} done`;
const checklistLabels = async (page) =>
  (await page.locator('.rw-checklist .rw-check span').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
const textOf = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const storedDoc = async (page, namespace) =>
  JSON.parse((await page.evaluate((k) => localStorage.getItem(k), keyOf(namespace))) ?? 'null');

/** The check: who it is about, then "Start", up to the content note. */
async function toContentNote(page, relationship = 'partner') {
  await nav(page, ui.nav_quiz).click();
  await page.getByRole('radio', { name: contextOf(relationship).label, exact: true }).check();
  await page.getByRole('button', { name: ui.start, exact: true }).click();
  await page.locator('.rw-content-note').waitFor();
}

/** Asserts the safety message is on screen, whole, with its button. */
async function assertSafetyMessage(scope, where) {
  const note = scope.locator('.rw-safety');
  assert.equal(await note.count(), 1, `one safety message ${where}`);
  assert.ok(await note.isVisible(), `the safety message is visible ${where}`);
  const text = await textOf(note);
  for (const part of [ui.safety_heading, ui.safety_text, ui.safety_button]) {
    assert.ok(text.includes(part), `${where}: the safety message says "${part}"`);
  }
  assert.equal(await note.getByRole('heading', { name: ui.safety_heading, exact: true }).count(), 1, `${where}: a heading`);
  // Calm, not alarm-coloured: neither its border nor its button is the exit's warning red.
  const colours = await note.evaluate((el) => {
    const button = el.querySelector('button');
    return [getComputedStyle(el).borderTopColor, getComputedStyle(button).backgroundColor, getComputedStyle(button).color];
  });
  assert.ok(!colours.includes('rgb(179, 38, 30)'), `${where}: no warning red (${colours})`);
}


// ==================================================================================================

describe('the safety message', () => {
  test('before the first statement: on the content note, and its button opens the support lines', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, {}, { name: 'safety-before' });
      await toContentNote(page);
      assert.equal(await page.locator('.rw-question').count(), 0, 'no statement yet');
      const note = page.locator('.rw-content-note');
      await assertSafetyMessage(note, 'on the content note');
      // It comes first on that screen, before the choice about hard times.
      const order = await note.evaluate((el) => {
        const safety = el.querySelector('.rw-safety');
        const include = Array.from(el.querySelectorAll('button')).find((b) => b.textContent.trim() === 'Include them');
        return Boolean(safety.compareDocumentPosition(include) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert.ok(order, 'the safety message comes before the buttons that start the statements');

      // By keyboard: Tab to its button, Enter: the support panel opens with focus on its heading.
      await page.locator('.rw-content-note h3').focus();
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.safety_button, { max: 3, what: ui.safety_button });
      const indicator = await focusIndicator(page);
      assert.ok(indicator.visible, `a visible focus indicator on "${ui.safety_button}"`);
      await page.keyboard.press('Enter');
      await supportPanel(page).waitFor();
      await eventually(async () => assert.equal((await focused(page)).focusTarget, 'support', 'focus on the panel heading'));
      assert.equal(await supportButton(page).getAttribute('aria-expanded'), 'true');
      const panel = await textOf(supportPanel(page));
      assert.ok(panel.includes(ui.support_abuse_heading), 'the panel lists the lines for someone frightened or hurt');
      // The check is where it was: the content note, no answer given.
      assert.equal(await page.locator('.rw-content-note').count(), 1);
    });
  });

  test('on the plan, before any suggestion; the plan’s action lists say "when it feels safe"', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        await openClinic(page, {}, { name: 'safety-plan' });
        await page.locator('.rw-plan .rw-recommendation').first().waitFor();
        const plan = page.locator('.rw-plan');
        await assertSafetyMessage(plan, 'on the plan');
        const first = await plan.evaluate((el) => {
          const safety = el.querySelector('.rw-safety');
          const later = ['.rw-recommendations', '.rw-chart', '.rw-plan-section'].map((s) => el.querySelector(s)).filter(Boolean);
          return later.length > 0 && later.every((x) => Boolean(safety.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING));
        });
        assert.ok(first, 'the safety message comes before the direction, the chart and the steps');

        // Every action shown in the plan that asks for repair, openness, patience or a first move says
        // when; the others do not.
        const rows = await page.locator('.rw-recommendation .rw-check span').evaluateAll((spans) =>
          spans.map((s) => ({ text: s.textContent.replace(/\s+/g, ' ').trim(), safe: Boolean(s.querySelector('.rw-when-safe')) })),
        );
        assert.ok(rows.length > 0, 'the plan shows actions');
        let flagged = 0;
        for (const row of rows) {
          const action = ALL_ACTIONS.find((a) => row.text.startsWith(a.by_context?.partner ?? a.text));
          assert.ok(action, `"${row.text}" is an action of the content`);
          assert.equal(row.safe, Boolean(action.ask_safe), `${action.id}: "${ui.action_when_safe}" shown when flagged`);
          assert.equal(row.text, actionLabel(action, 'partner'));
          if (action.ask_safe) flagged += 1;
        }
        assert.ok(flagged > 0, 'the plan shows at least one action with the safety wording');

        await page.getByRole('button', { name: ui.safety_button, exact: true }).click();
        await supportPanel(page).waitFor();
        await eventually(async () => assert.equal((await focused(page)).focusTarget, 'support'));
      },
      { initScripts: [[seedStorage, [[keyOf('safety-plan'), finishedDocument('partner')]]]] },
    );
  });
});

// ==================================================================================================

describe('domestic-abuse lines in "Need support now?"', () => {
  for (const region of REGIONS) {
    test(`region="${region.id}": ${region.abuse_lines?.map((l) => l.name).join(' and ') || 'the note'}, gender-neutral`, async (t) => {
      await withContext(t, build.browser, async ({ page }) => {
        await openClinic(page, { region: region.id }, { name: `abuse-${region.id.toLowerCase()}` });
        await supportButton(page).click();
        await supportPanel(page).waitFor();
        const regions = await supportPanel(page)
          .locator('section.rw-region[data-region]')
          .evaluateAll((sections) => sections.map((s) => s.dataset.region));
        assert.deepEqual(regions, [region.id]);
        const section = supportPanel(page).locator(`section.rw-region[data-region="${region.id}"]`);
        const abuse = section.locator('.rw-abuse');
        assert.equal(await abuse.count(), 1, 'a part for someone frightened, controlled or hurt');
        assert.equal(await abuse.getByRole('heading', { name: ui.support_abuse_heading, exact: true }).count(), 1);
        // The crisis lines are still there, first.
        for (const line of region.lines) assert.ok((await textOf(section)).includes(line.name));

        const text = await textOf(abuse);
        const hrefs = await abuse.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        for (const line of region.abuse_lines ?? []) {
          assert.ok(text.includes(line.name), `"${line.name}" shown`);
          const call = abuse.getByRole('link', { name: fill(ui.support_call, { number: line.call }), exact: true });
          assert.equal(await call.count(), 1, `a link "${fill(ui.support_call, { number: line.call })}"`);
          assert.equal(await call.getAttribute('href'), `tel:${dialled(line.call)}`);
          // As it reads on screen too, not only to a screen reader: "Call 0808…", not "Call0808…".
          assert.equal(await call.innerText(), fill(ui.support_call, { number: line.call }));
          if (line.text) {
            const label = line.text_word
              ? fill(ui.support_text_word, { word: line.text_word, number: line.text })
              : fill(ui.support_text, { number: line.text });
            const sms = abuse.getByRole('link', { name: label, exact: true });
            assert.equal(await sms.count(), 1, `a link "${label}"`);
            assert.equal(await sms.getAttribute('href'), `sms:${dialled(line.text)}`);
            assert.equal(await sms.innerText(), label);
          }
        }
        // Every line's link, the emergency number's sentence included, reads as one run of words.
        const rendered = await section.locator('.rw-line-link').evaluateAll((links) => links.map((l) => l.innerText));
        for (const words of rendered) assert.ok(!words.includes('\n'), `"${words}" in one run`);
        const expectedLinks = (region.abuse_lines ?? []).reduce((n, l) => n + 1 + (l.text ? 1 : 0), 0);
        assert.equal(hrefs.length, expectedLinks, `links: ${hrefs}`);
        if (region.abuse_note) {
          const note = await textOf(abuse.locator('.rw-abuse-note'));
          assert.equal(note, region.abuse_note);
        }

        // What each region must show, from RESEARCH.md section 4.
        const expected = {
          US: ['tel:18007997233', 'sms:88788'],
          CA: [],
          GB: ['tel:08082000247', 'tel:08088010327'],
          AU: ['tel:1800737732'],
          IN: ['tel:181'],
          AE: ['tel:800111'],
        }[region.id];
        assert.deepEqual(hrefs, expected);
        if (region.id === 'US') assert.ok(text.includes('Text START to 88788'));
        if (region.id === 'CA') {
          // No single national line: 911 in danger, and where local shelters' lines are listed, as text.
          assert.ok(text.includes('911') && text.includes('sheltersafe.ca'), text);
          assert.equal(await abuse.locator('a').count(), 0, 'the shelters’ list is named, not linked or dialled');
        }
        if (region.id === 'GB') {
          // Both lines, one after the other, in the same form.
          const names = await abuse.locator('.rw-line-name').allTextContents();
          assert.deepEqual(names, ['National Domestic Abuse Helpline (Refuge)', 'Men’s Advice Line']);
        }
        // Words around the lines assume no one's gender.
        const around = `${ui.support_abuse_heading} ${region.abuse_note ?? ''}`.toLowerCase();
        assert.doesNotMatch(around, /\b(he|she|his|her|husband|wife|boyfriend|girlfriend|woman|man)\b/);
      });
    });
  }

  test('a clinic’s own lines stay first', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, { region: 'GB', 'support-lines': 'Front desk | 020 7946 0000' }, { name: 'abuse-clinic' });
      await supportButton(page).click();
      await supportPanel(page).waitFor();
      const sections = await supportPanel(page)
        .locator('section.rw-region')
        .evaluateAll((all) => all.map((s) => (s.classList.contains('rw-clinic-lines') ? 'clinic' : s.dataset.region)));
      assert.deepEqual(sections, ['clinic', 'GB']);
    });
  });
});

// ==================================================================================================

describe('a checklist for this relationship', () => {
  test('a colleague’s checklist shows no nightly or mealtime action; each relationship gets its own', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, {}, { name: 'for-colleague' });
      // Nothing said yet: the question, and every action.
      assert.ok((await textOf(chooser(page))).includes(ui.checklist_relationship_question));
      assert.equal(await checklistProgress(page), overall(0, null));
      assert.equal((await checklistLabels(page)).length, ALL_ACTIONS.length);

      for (const r of ['colleague', 'partner', 'family', 'friend']) {
        const current = chooser(page).getByRole('button', { name: ui.checklist_relationship_change, exact: true });
        if (await current.count()) await current.click();
        await chooser(page).getByRole('button', { name: contextOf(r).label, exact: true }).click();
        await eventually(async () => assert.equal(await checklistProgress(page), overall(0, r)));
        const labels = await checklistLabels(page);
        assert.deepEqual(labels, actionsFor(r).map((a) => actionLabel(a, r)), `${r}: the actions for ${r}, in their wording`);
        const about = await textOf(chooser(page));
        assert.ok(about.includes(fill(ui.checklist_relationship_current, { relationship: contextOf(r).label })), about);
        // Each step: "n of N" counts the actions shown.
        const steps = await page.locator('.rw-step').evaluateAll((els) =>
          els.map((el) => [el.querySelector('.rw-progress-label').textContent.trim(), el.querySelectorAll('.rw-check').length]),
        );
        for (const [label, shown] of steps) assert.ok(label.endsWith(`0 of ${shown} done`), `${r}: ${label} (${shown} shown)`);
        assert.ok(steps.every(([, shown]) => shown >= 3), `${r}: at least three actions per step`);

        const all = labels.join('\n');
        if (r === 'colleague') {
          assert.doesNotMatch(all, NIGHT_OR_MEAL, 'a colleague is never offered nightly or mealtime rituals');
          assert.match(all, /reciprocal feedback session/);
        }
        if (r === 'partner') assert.match(all, /ten minutes each night/);
        if (r === 'family') {
          assert.match(all, /once a month/);
          assert.match(all, /caregiving/);
          assert.match(all, /an adult in my family/, 'pausing the overgiving speaks of adults');
        }
        if (r === 'friend') assert.match(all, /getting in touch/);
      }
    });
  });

  test('the clinic’s context attribute chooses until the visitor does; the check’s choice counts too', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, { context: 'colleague' }, { name: 'for-attribute' });
      assert.ok((await textOf(chooser(page))).includes(fill(ui.checklist_relationship_current, { relationship: contextOf('colleague').label })));
      assert.equal(await checklistProgress(page), overall(0, 'colleague'));
      assert.doesNotMatch((await checklistLabels(page)).join('\n'), NIGHT_OR_MEAL);
      // Choosing a friend in the check makes the checklist a friend's.
      await toContentNote(page, 'friend');
      await nav(page, ui.nav_checklist).click();
      await eventually(async () => assert.equal(await checklistProgress(page), overall(0, 'friend')));
      assert.equal((await storedDoc(page, 'for-attribute')).settings.relationship, 'friend');
    });
  });

  test('choosing by keyboard; a tick stays with its action across a change of relationship', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, {}, { name: 'for-keyboard' });
      const nightly = byId('check-in-ten-minutes-nightly');
      const partner = contextOf('partner');
      const colleague = contextOf('colleague');

      // Tab to "A partner" and press Enter: focus lands on "Change", which names the choice.
      const first = await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === partner.label, { what: partner.label });
      assert.equal(first.current, null);
      assert.ok((await focusIndicator(page)).visible, 'a visible focus indicator on the choice');
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal((await focused(page)).focusTarget, 'relationship-change'));
      const described = await page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el.getRootNode().getElementById(el.getAttribute('aria-describedby'))?.textContent.trim();
      });
      assert.equal(described, fill(ui.checklist_relationship_current, { relationship: partner.label }));
      assert.equal(await checklistProgress(page), overall(0, 'partner'));

      // Tick the nightly check-in with Space.
      await pressUntil(page, 'Tab', (f) => f.type === 'checkbox' && f.text === actionLabel(nightly, 'partner'), { what: 'the nightly check-in' });
      await page.keyboard.press('Space');
      await eventually(async () => assert.equal(await checklistProgress(page), overall(1, 'partner')));

      // Back to "Change", Enter: focus on the current choice, marked as current.
      await pressUntil(page, 'Shift+Tab', (f) => f.focusTarget === 'relationship-change', { what: ui.checklist_relationship_change });
      await page.keyboard.press('Enter');
      await eventually(async () => {
        const f = await focused(page);
        assert.equal(f.focusTarget, 'relationship-partner');
        assert.equal(f.current, 'true');
      });
      // "Cancel" keeps the choice.
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.cancel, { max: 5, what: ui.cancel });
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal((await focused(page)).focusTarget, 'relationship-change'));
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal((await focused(page)).focusTarget, 'relationship-partner'));

      // A colleague: the nightly check-in is hidden and not counted, but its tick is kept.
      await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === colleague.label, { max: 4, what: colleague.label });
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal(await checklistProgress(page), overall(0, 'colleague')));
      assert.equal((await focused(page)).focusTarget, 'relationship-change');
      assert.ok(!(await checklistLabels(page)).some((l) => l.includes(nightly.text)));
      await eventually(async () => {
        const doc = await storedDoc(page, 'for-keyboard');
        assert.equal(doc.settings.relationship, 'colleague');
        assert.deepEqual(doc.checklist.done, [nightly.id]);
      });

      // Back to a partner after a reload: ticked again, counted again.
      await page.reload();
      await page.locator('.rw-checklist').waitFor();
      assert.equal(await checklistProgress(page), overall(0, 'colleague'));
      await pressUntil(page, 'Tab', (f) => f.focusTarget === 'relationship-change', { what: ui.checklist_relationship_change });
      await page.keyboard.press('Enter');
      await pressUntil(page, 'Shift+Tab', (f) => f.tag === 'button' && f.text === partner.label, { max: 4, what: partner.label });
      await page.keyboard.press('Enter');
      await eventually(async () => assert.equal(await checklistProgress(page), overall(1, 'partner')));
      const box = page.locator('.rw-checklist .rw-check').filter({ hasText: nightly.text }).locator('input');
      assert.equal(await box.isChecked(), true);
    });
  });

  test('actions that ask for repair, openness, patience or a first move say "when it feels safe to do so"', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, {}, { name: 'when-safe' });
      const rows = await page.locator('.rw-checklist .rw-check span').evaluateAll((spans) =>
        spans.map((s) => ({ text: s.textContent.replace(/\s+/g, ' ').trim(), safe: s.querySelector('.rw-when-safe')?.textContent.trim() ?? null })),
      );
      assert.equal(rows.length, ALL_ACTIONS.length);
      for (const [i, action] of ALL_ACTIONS.entries()) {
        assert.equal(rows[i].text, actionLabel(action, null));
        assert.equal(rows[i].safe, action.ask_safe ? ui.action_when_safe : null, action.id);
      }
      // The accessible name of the checkbox includes it.
      const repair = byId('repair-within-24-hours');
      const name = `${repair.text} ${ui.action_when_safe}`;
      assert.equal(await page.getByRole('checkbox', { name, exact: true }).count(), 1, `a checkbox named "${name}"`);
    });
  });
});

// ==================================================================================================

describe('accessibility of the new views (axe-core, 320 and 1280 px, light and dark); screenshots', () => {
  test('the checklist’s question, its "About … Change" line, and the chooser while changing', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, {}, { name: 'axe-checklist' });
      await screens(page, 'relationship-question', [chooser(page), page.locator('.rw-step').nth(1)]);
      await chooser(page).getByRole('button', { name: contextOf('family').label, exact: true }).click();
      await eventually(async () => assert.equal(await checklistProgress(page), overall(0, 'family')));
      await screens(page, 'relationship-chosen-family', [chooser(page), page.locator('.rw-step').nth(4)]);
      await chooser(page).getByRole('button', { name: ui.checklist_relationship_change, exact: true }).click();
      await chooser(page).getByRole('button', { name: ui.cancel, exact: true }).waitFor();
      await screens(page, 'relationship-changing', [chooser(page)]);
    });
  });

  test('the content note with the safety message, and the plan with it', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      await openClinic(page, {}, { name: 'axe-note' });
      await toContentNote(page, 'colleague');
      await screens(page, 'content-note-safety', [page.locator('.rw-content-note')]);
    });
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        await openClinic(page, {}, { name: 'axe-plan' });
        await page.locator('.rw-plan .rw-safety').waitFor();
        await screens(page, 'plan-safety', [page.locator('.rw-plan .rw-safety'), page.locator('.rw-recommendation').first()]);
      },
      { initScripts: [[seedStorage, [[keyOf('axe-plan'), finishedDocument('friend')]]]] },
    );
  });

  test('the support panel with the domestic-abuse lines (US, CA, GB)', async (t) => {
    for (const region of ['US', 'CA', 'GB']) {
      await withContext(t, build.browser, async ({ page }) => {
        await openClinic(page, { region }, { name: `axe-support-${region.toLowerCase()}` });
        await supportButton(page).click();
        await supportPanel(page).waitFor();
        await screens(page, `support-abuse-${region}`, [supportPanel(page)]);
      });
    }
  });
});
