// End-to-end tests of the plan's history and of the page to keep: the checks over time (a small chart
// and a table per form), any two checks compared with their dates, removing one check after a question
// (and never saying so when the save fails), the cap on kept checks, the clinic's `modules` switches, and
// "Print or save as PDF" printed through Chromium's page.pdf(), read back with pdftotext and drawn with
// pdftoppm into test-artifacts/print/ for a person to look at.
//
//   bash scripts/build.sh && node --test --test-concurrency=1 --test-timeout=180000 tests/e2e/history.test.mjs

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ARTIFACTS,
  ROOT,
  clinicPage,
  content,
  eventually,
  fill,
  focused,
  keyOf,
  noticeTexts,
  requireBuilt,
  screens,
  servedBuild,
  serveHtml,
  widgetElement,
  withContext,
  contentIn,
  day,
  finishedCheck,
} from './harness.mjs';
import { STRICT_CSP } from './server.mjs';

const ui = content.ui;
/** How many checks the widget keeps: `MAX_ATTEMPTS` in src/core/document.rs, read so the two stay in step. */
const MAX_CHECKS = Number(
  (await readFile(path.join(ROOT, 'src/core/document.rs'), 'utf8')).match(/pub const MAX_ATTEMPTS: usize = (\d+);/)[1],
);
const PRINTS = path.join(ARTIFACTS, 'print');
const contents = Object.fromEntries(
  await Promise.all(
    ['fr', 'hi', 'ar'].map(async (lang) => [lang, await contentIn(lang)]),
  ),
);

requireBuilt('reciprocity-widget.js');

const build = servedBuild();

const check = finishedCheck;

/** Three checks months apart: the giving comes down and the receiving up; a gap in the middle one. */
const THREE = [
  check(day(3, 3), { give: 5, receive: 2 }),
  check(day(7, 15), { give: 4, receive: 3, notApplicable: ['conflict'] }),
  check(day(11, 20), { give: 3, receive: 4 }),
];

function documentWith(attempts, extra = {}) {
  return JSON.stringify({ schema: 7, view: 'plan', quiz: { attempts }, ...extra });
}

/** The date as the widget writes it in `lang` (the browser's Intl, Western digits). */
const dateIn = (ms, lang = 'en') =>
  new Date(ms).toLocaleString(`${lang}-u-nu-latn`, { day: 'numeric', month: 'long', year: 'numeric' });

/** Seeds `value` under the namespace's key before the page's scripts run, once per tab (an init script). */
function seed([key, value]) {
  if (location.hostname !== '127.0.0.1') return;
  if (!sessionStorage.getItem('e2e-seeded')) {
    sessionStorage.setItem('e2e-seeded', '1');
    localStorage.setItem(key, value);
  }
}

const HOST_TEXT = 'Welcome to the clinic’s own page: opening hours and directions.';

/** Opens a clinic page with one widget of `attributes` on it (and some of the clinic's own content). */
async function openPlan(page, namespace, attributes = {}, { headers = {} } = {}) {
  const url = await serveHtml(
    page,
    new URL(`e2e/${namespace}.html`, build.server.url).href,
    clinicPage(
      `<header><h1>Clinic</h1><nav><a href="#">Home</a></nav></header><p id="host-text">${HOST_TEXT}</p>` +
        widgetElement({ lang: 'en', namespace, ...attributes }) +
        '<footer><p>Clinic footer</p></footer>',
    ),
    headers,
  );
  await page.goto(url);
  await page.locator('.rw-plan .rw-recommendations').waitFor();
}

function withDocument(t, namespace, doc, body, options = {}) {
  return withContext(t, build.browser, ({ page }) => body(page), {
    initScripts: [[seed, [keyOf(namespace), doc]]],
    ...options,
  });
}

/** The points of a chart's markers (a path of zero-length strokes, "M26 8h0M169 24h0…"), as [x, y]. */
const dotsOf = async (path) => [...(await path.getAttribute('d')).matchAll(/M(\d+) (\d+)h0/g)].map((m) => [Number(m[1]), Number(m[2])]);
const section = (page, heading) => page.locator('.rw-plan-section').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
const stored = async (page, namespace) => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), keyOf(namespace)));
const status = async (page) => ((await page.locator('.rw-status').textContent()) ?? '').trim();
/** The element focus is on, inside the shadow root: its `data-focus` target. */
const focusTarget = async (page) => (await focused(page)).focusTarget;

describe('the plan over time', () => {
  test('after three checks: a chart and a table per form, any two compared by their dates', async (t) => {
    await withDocument(t, 'history-three', documentWith(THREE), async (page) => {
      await openPlan(page, 'history-three');
      const dates = THREE.map((a) => dateIn(a.finished));

      // Over time: per form, a chart hidden from screen readers and a table of the three checks.
      const overTime = section(page, ui.history_heading);
      const charts = overTime.locator('svg.rw-trend-chart');
      assert.equal(await charts.count(), content.forms.length, 'one chart per form');
      for (let i = 0; i < content.forms.length; i++) {
        assert.equal(await charts.nth(i).getAttribute('aria-hidden'), 'true');
      }
      const tables = overTime.getByRole('table');
      assert.equal(await tables.count(), content.forms.length, 'one table per form, named by its heading');
      const practical = overTime.getByRole('table', { name: content.forms[0].name, exact: true });
      assert.deepEqual(
        (await practical.locator('tbody th').allInnerTexts()).map((s) => s.trim()),
        dates,
        'a row per check, oldest first, named by its date',
      );
      const firstRow = (await practical.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ');
      assert.ok(firstRow.includes('5.0') && firstRow.includes('2.0'), `the oldest check's numbers: ${firstRow}`);
      // A form that did not apply in the middle check: said in words, and the lines break there.
      const conflict = content.forms.find((f) => f.id === 'conflict');
      const conflictRows = await overTime.getByRole('table', { name: conflict.name, exact: true }).locator('tbody tr').allInnerTexts();
      assert.ok(conflictRows[1].includes(ui.form_not_applicable), `the middle check: ${conflictRows[1]}`);
      const conflictChart = charts.nth(content.forms.indexOf(conflict));
      assert.equal((await conflictChart.locator('path.rw-line-give').getAttribute('d')).match(/M/g).length, 2, 'the line breaks at the gap');
      assert.equal((await dotsOf(conflictChart.locator('path.rw-dot-give'))).length, 2, 'no point where there is no value');
      // Left to right, oldest first: the giving line comes down, the receiving line goes up.
      const points = await dotsOf(charts.first().locator('path.rw-dot-give'));
      assert.ok(points[0][0] < points[2][0] && points[0][1] < points[2][1], `oldest on the left, higher: ${JSON.stringify(points)}`);
      const chartDates = await charts.first().locator('text').allTextContents();
      assert.ok(chartDates.includes(dates[0]) && chartDates.includes(dates[2]), `the first and last dates under the chart: ${chartDates}`);

      // Compared: the previous and the latest by default, the columns named by their dates.
      const compare = section(page, ui.compare_heading);
      const [from, to] = [compare.getByLabel(ui.last_time, { exact: true }), compare.getByLabel(ui.now, { exact: true })];
      assert.equal((await from.locator('option:checked').textContent()).trim(), dates[1]);
      assert.equal((await to.locator('option:checked').textContent()).trim(), dates[2]);
      const headers = async () => (await compare.locator('thead th').allInnerTexts()).map((s) => s.trim());
      assert.deepEqual(await headers(), [ui.form_column, dates[1], dates[2]]);
      // Any two: the oldest with the latest.
      await from.selectOption({ label: dates[0] });
      await eventually(async () => assert.deepEqual(await headers(), [ui.form_column, dates[0], dates[2]]));
      // Per form, a row of what the visitor gives and one of what they receive, in each check.
      const practicalCompared = compare.locator('tbody').first();
      assert.equal((await practicalCompared.locator('th[scope="rowgroup"]').innerText()).trim(), content.forms[0].name);
      const cellsOf = async (n) => (await practicalCompared.locator('tr').nth(n).locator('td').allInnerTexts()).map((s) => s.trim());
      assert.deepEqual(await cellsOf(1), ['5.0', '3.0'], 'what I give, then and now');
      assert.deepEqual(await cellsOf(2), ['2.0', '4.0'], 'what I receive, then and now');
      // A form that did not apply in a check says so once, across its two rows.
      await from.selectOption({ label: dates[1] });
      const conflictCompared = compare.locator('tbody').nth(content.forms.findIndex((f) => f.id === 'conflict'));
      assert.equal((await conflictCompared.locator('td[rowspan="2"]').innerText()).trim(), ui.form_not_applicable);
      await from.selectOption({ label: dates[0] });
      // The same check twice is said, not silently shown.
      await to.selectOption({ label: dates[0] });
      await compare.getByText(ui.compare_same).waitFor();
      await to.selectOption({ label: dates[2] });

      // The checks, newest first, with who each was about; the number kept is said.
      const checks = section(page, ui.checks_heading);
      assert.deepEqual(
        (await checks.locator('.rw-check-date').allInnerTexts()).map((s) => s.trim()),
        [...dates].reverse(),
      );
      await checks.getByText(fill(ui.checks_kept, { count: String(MAX_CHECKS) })).waitFor();
      assert.equal(await checks.getByRole('button', { name: ui.check_remove, exact: true }).count(), 3);

      await screens(page, 'history-compare', [compare]);
      await screens(page, 'history-over-time', [overTime]);
      await screens(page, 'history-checks', [checks]);
      await screens(page, 'history-keep', [section(page, ui.print_heading)]);
    });
  });

  test('removing one check asks first, says so only once it is saved, and puts focus on the list', async (t) => {
    await withDocument(t, 'history-remove', documentWith(THREE), async (page) => {
      await openPlan(page, 'history-remove');
      const checks = section(page, ui.checks_heading);
      const oldest = checks.locator('li').last();
      const date = dateIn(THREE[0].finished);
      assert.ok((await oldest.innerText()).includes(date));

      // Asked inline; focus on the safe choice; cancelling changes nothing and goes back.
      await oldest.getByRole('button', { name: ui.check_remove, exact: true }).click();
      const question = checks.getByRole('group', { name: fill(ui.check_remove_question, { date }) });
      await question.waitFor();
      assert.equal(await focusTarget(page), 'remove-cancel');
      await screens(page, 'history-remove-question', [checks]);
      await question.getByRole('button', { name: ui.cancel, exact: true }).click();
      await eventually(async () => assert.equal(await focusTarget(page), `remove-${THREE[0].started}`));
      assert.equal((await stored(page, 'history-remove')).quiz.attempts.length, 3, 'nothing removed');

      // Removed: from storage (and remembered as removed), from the list, the table and the chart.
      await oldest.getByRole('button', { name: ui.check_remove, exact: true }).click();
      await checks.getByRole('button', { name: ui.check_remove_confirm, exact: true }).click();
      await eventually(async () => assert.equal(await status(page), fill(ui.check_removed, { date })));
      const doc = await stored(page, 'history-remove');
      assert.deepEqual(doc.quiz.attempts.map((a) => a.started), [THREE[1].started, THREE[2].started]);
      assert.deepEqual(doc.quiz.removed, [THREE[0].started]);
      assert.equal(await checks.locator('li').count(), 2);
      assert.equal(await focusTarget(page), 'checks', 'focus on the list’s heading');
      const overTime = section(page, ui.history_heading);
      assert.equal(await overTime.getByRole('table').first().locator('tbody tr').count(), 2);

      // The last two go too: with one check left, nothing is compared and nothing drawn over time.
      await checks.locator('li').last().getByRole('button', { name: ui.check_remove, exact: true }).click();
      await checks.getByRole('button', { name: ui.check_remove_confirm, exact: true }).click();
      await eventually(async () => assert.equal(await status(page), fill(ui.check_removed, { date: dateIn(THREE[1].finished) })));
      assert.equal(await page.locator('.rw-trend').count(), 0);
      assert.equal(await section(page, ui.compare_heading).count(), 0);
      await checks.locator('li').getByRole('button', { name: ui.check_remove, exact: true }).click();
      await checks.getByRole('button', { name: ui.check_remove_confirm, exact: true }).click();
      await page.getByText(ui.plan_empty).waitFor();
      await eventually(async () => assert.equal(await focusTarget(page), 'view-heading', 'no list left: focus at the top'));
      assert.deepEqual((await stored(page, 'history-remove')).quiz.attempts, []);
    });
  });

  test('when the save fails, removing a check does not say it was removed', async (t) => {
    await withDocument(t, 'history-remove-fails', documentWith(THREE), async (page) => {
      await openPlan(page, 'history-remove-fails');
      await page.evaluate(() => {
        Storage.prototype.setItem = function () {
          throw new DOMException('setItem refused by the page', 'SecurityError');
        };
      });
      const checks = section(page, ui.checks_heading);
      await checks.locator('li').last().getByRole('button', { name: ui.check_remove, exact: true }).click();
      await checks.getByRole('button', { name: ui.check_remove_confirm, exact: true }).click();
      await eventually(async () => assert.ok((await noticeTexts(page)).length > 0, 'a notice says the save failed'));
      const said = await status(page);
      assert.ok(!said.includes(fill(ui.check_removed, { date: dateIn(THREE[0].finished) })), `never "removed": "${said}"`);
      assert.equal((await stored(page, 'history-remove-fails')).quiz.attempts.length, 3, 'and indeed nothing was saved');
    });
  });

  test('at the cap of kept checks the list says the oldest goes when a new check starts', async (t) => {
    const full = Array.from({ length: MAX_CHECKS }, (_, i) => check(day(i + 1, 10), { give: 1 + (i % 5), receive: 5 - (i % 5) }));
    await withDocument(t, 'history-cap', documentWith(full), async (page) => {
      await openPlan(page, 'history-cap');
      const checks = section(page, ui.checks_heading);
      await checks.getByText(fill(ui.checks_cap, { count: String(MAX_CHECKS), date: dateIn(full[0].finished) })).waitFor();
      assert.equal((await dotsOf(page.locator('svg.rw-trend-chart').first().locator('path.rw-dot-give'))).length, MAX_CHECKS);
      await screens(page, 'history-full', [section(page, ui.history_heading)]);
      // Starting a new check lets the oldest go, as said.
      await page.getByRole('button', { name: ui.retake, exact: true }).click();
      await eventually(async () => {
        const starts = (await stored(page, 'history-cap')).quiz.attempts.map((a) => a.started);
        assert.equal(starts.length, MAX_CHECKS);
        assert.ok(!starts.includes(full[0].started), 'the oldest was let go');
      });
    });
  });

  test('in Arabic the charts run from the right, and every new view passes axe', async (t) => {
    await withDocument(t, 'history-ar', documentWith(THREE), async (page) => {
      await openPlan(page, 'history-ar', { lang: 'ar' });
      const ar = contents.ar.ui;
      const overTime = section(page, ar.history_heading);
      const points = (await dotsOf(overTime.locator('svg.rw-trend-chart').first().locator('path.rw-dot-give'))).map(([x]) => x);
      assert.ok(points[0] > points[2], `oldest on the right: ${points}`);
      const compare = section(page, ar.compare_heading);
      assert.deepEqual(
        (await compare.locator('thead th').allInnerTexts()).slice(1).map((s) => s.trim()),
        [dateIn(THREE[1].finished, 'ar'), dateIn(THREE[2].finished, 'ar')],
      );
      await screens(page, 'history-ar-compare', [compare]);
      await screens(page, 'history-ar-over-time', [overTime]);
      await screens(page, 'history-ar-checks', [section(page, ar.checks_heading)]);
      await screens(page, 'history-ar-keep', [section(page, ar.print_heading)]);
    });
  });

  for (const lang of ['fr', 'hi']) {
    test(`in ${lang}, the new views fit a phone and pass axe`, async (t) => {
      await withDocument(t, `history-${lang}`, documentWith(THREE), async (page) => {
        await openPlan(page, `history-${lang}`, { lang });
        const words = contents[lang].ui;
        const compare = section(page, words.compare_heading);
        assert.deepEqual(
          (await compare.locator('thead th').allInnerTexts()).slice(1).map((s) => s.trim()),
          [dateIn(THREE[1].finished, lang), dateIn(THREE[2].finished, lang)],
        );
        await screens(page, `history-${lang}-compare`, [compare]);
        await screens(page, `history-${lang}-over-time`, [section(page, words.history_heading)]);
        await screens(page, `history-${lang}-checks`, [section(page, words.checks_heading)]);
        await screens(page, `history-${lang}-keep`, [section(page, words.print_heading)]);
      });
    });
  }

  test('the clinic can turn the history and printing off', async (t) => {
    await withDocument(t, 'history-off', documentWith(THREE), async (page) => {
      await openPlan(page, 'history-off', { modules: 'checklist quiz plan print' });
      const compare = section(page, ui.compare_heading);
      assert.equal(await compare.locator('select').count(), 0, 'no choosing');
      assert.deepEqual(
        (await compare.locator('thead th').allInnerTexts()).map((s) => s.trim()),
        [ui.form_column, dateIn(THREE[1].finished), dateIn(THREE[2].finished)],
        'the last two checks, named by their dates',
      );
      assert.equal(await section(page, ui.history_heading).count(), 0);
      assert.equal(await section(page, ui.checks_heading).count(), 0);
      assert.equal(await page.getByRole('button', { name: ui.print_button }).count(), 1);
      await screens(page, 'history-off-compare', [compare]);
    });
    await withDocument(t, 'print-off', documentWith(THREE), async (page) => {
      await openPlan(page, 'print-off', { modules: 'checklist quiz plan history' });
      assert.equal(await page.getByRole('button', { name: ui.print_button }).count(), 0);
      assert.equal(await page.locator('.rw-print').count(), 0);
      assert.equal(await section(page, ui.history_heading).count(), 1);
    });
  });
});

/** The PDF of the page as printed now, its text (pdftotext, in reading layout) and page count. */
async function printed(page, name) {
  await mkdir(PRINTS, { recursive: true });
  const file = path.join(PRINTS, `${name}.pdf`);
  await writeFile(file, await page.pdf({ format: 'A4' }));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  // Drawn for a person to look at: test-artifacts/print/<name>-<page>.png
  for (const old of [1, 2, 3, 4, 5]) await rm(path.join(PRINTS, `${name}-${old}.png`), { force: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', file, path.join(PRINTS, name)]);
  return { text: text.replace(/[ \t]+/g, ' '), pages };
}

/** The mean grey (0 black … 255 white) of the first page of a PDF, drawn small. */
function meanBrightness(file) {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '20', '-f', '1', '-l', '1', file]);
  // P5 header: "P5\n<width> <height>\n255\n", then one byte per pixel.
  let offset = 0;
  for (let fields = 0; fields < 4; offset++) {
    if (pgm[offset] === 0x0a || pgm[offset] === 0x20) fields++;
  }
  const pixels = pgm.subarray(offset);
  return pixels.reduce((sum, v) => sum + v, 0) / pixels.length;
}

/** window.print() stubbed: headless Chromium would print nothing and return at once (firing afterprint). */
function stubPrint() {
  window.__printCalls = 0;
  window.print = () => {
    window.__printCalls += 1;
  };
}

describe('a page to keep', () => {
  const clinic = { 'clinic-name': 'Harbour Counselling', 'cta-url': 'https://clinic.example/book', 'cta-label': 'Book with us' };

  test('"Print or save as PDF" prints the summary alone, without the page around it, answers only when asked', async (t) => {
    // The checklist has the first action of every step ticked, and none of the others.
    const doc = documentWith(THREE, { checklist: { done: content.steps.map((s) => s.actions[0].id).sort() } });
    await withDocument(
      t,
      'print-en',
      doc,
      async (page) => {
        // The strict policy of a careful clinic: no 'unsafe-inline' anywhere.
        await openPlan(page, 'print-en', clinic, { headers: { 'Content-Security-Policy': STRICT_CSP } });
        await page.evaluate(stubPrint);
        const keep = section(page, ui.print_heading);
        await keep.getByText(ui.print_intro).waitFor();
        const answersBox = keep.getByRole('checkbox', { name: ui.print_include_answers, exact: true });
        assert.equal(await answersBox.isChecked(), false, 'answers left out unless asked for');
        assert.equal(await page.locator('.rw-print').count(), 0, 'no summary until asked for');
        await keep.getByRole('button', { name: ui.print_button, exact: true }).click();
        await eventually(async () => assert.equal(await page.evaluate(() => window.__printCalls), 1, 'the browser’s own print window'));
        await page.locator('.rw-print').waitFor({ state: 'attached' });
        assert.equal(await page.locator('reciprocity-widget').getAttribute('data-rw-printing'), '', 'the widget is marked');

        const { text, pages } = await printed(page, 'plan-en');
        t.diagnostic(`plan-en.pdf: ${pages} page(s)`);
        assert.ok(pages >= 1 && pages <= 2, `one or two pages: ${pages}`);
        const has = (s) => text.replace(/\s+/g, ' ').includes(s.replace(/\s+/g, ' '));
        for (const expected of [
          ui.plan_heading,
          fill(ui.plan_taken_on, { date: dateIn(THREE[2].finished) }),
          fill(ui.clinic_intro, { clinic: 'Harbour Counselling' }),
          'Book with us',
          'https://clinic.example/book',
          ui.direction_heading,
          ui.chart_title,
          ui.recommended_heading,
          content.forms[0].name,
        ]) {
          assert.ok(has(expected), `the PDF says "${expected}":\n${text}`);
        }
        assert.ok(text.includes('☑') && text.includes('☐'), 'ticked and unticked actions are told apart');
        for (const absent of [HOST_TEXT, 'Clinic footer', ui.exit_button, ui.nav_checklist, ui.print_button, ui.retake, ui.checks_heading]) {
          assert.ok(!has(absent), `the PDF leaves out "${absent}"`);
        }
        const statement = content.items[0].text.partner;
        assert.ok(!has(statement), 'no answers to single statements');

        // Black on white even for a visitor whose system is dark. (Printing fires afterprint, which
        // takes the mark away: each print starts from the button, as a visitor's would.)
        assert.equal(await page.locator('reciprocity-widget').getAttribute('data-rw-printing'), null, 'unmarked after printing');
        await page.emulateMedia({ colorScheme: 'dark' });
        await keep.getByRole('button', { name: ui.print_button, exact: true }).click();
        const dark = await printed(page, 'plan-en-dark');
        assert.ok(dark.pages <= 2);
        const brightness = meanBrightness(path.join(PRINTS, 'plan-en-dark.pdf'));
        assert.ok(brightness > 235, `a white page (mean grey ${brightness.toFixed(1)} of 255)`);
        assert.ok(!dark.text.includes('Welcome to the clinic'), 'the summary alone');
        await page.emulateMedia({ colorScheme: 'light' });

        // With the answers: each statement and the answer given.
        await answersBox.check();
        await keep.getByRole('button', { name: ui.print_button, exact: true }).click();
        const withAnswers = await printed(page, 'plan-en-answers');
        t.diagnostic(`plan-en-answers.pdf: ${withAnswers.pages} page(s)`);
        const flat = withAnswers.text.replace(/\s+/g, ' ');
        assert.ok(flat.includes(ui.print_answers_heading), 'the answers heading');
        assert.ok(flat.includes(statement), `a statement: ${statement}`);
        assert.ok(flat.includes(content.scale[2]), 'its answer, in words');

        // After printing, the mark and the summary go: the page prints as itself again, the widget
        // without its controls, as when a visitor prints the page from the browser's menu.
        await keep.getByRole('button', { name: ui.print_button, exact: true }).click();
        await page.locator('.rw-print').waitFor({ state: 'attached' });
        await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
        assert.equal(await page.locator('reciprocity-widget').getAttribute('data-rw-printing'), null);
        await page.locator('.rw-print').waitFor({ state: 'detached' });
        const plain = await printed(page, 'page-after-printing');
        assert.ok(plain.text.includes('Welcome to the clinic'), 'the host page prints again once the widget is done');
        assert.ok(plain.text.includes(ui.recommended_heading), 'with the plan as on screen');
        assert.ok(!plain.text.includes(ui.print_button) && !plain.text.includes(ui.exit_button), 'without its controls');
      },
      // The strict policy refuses nothing the widget does: any refusal would be a console error.
    );
  });

  test('the iframe page prints its own document: the summary alone', async (t) => {
    const namespace = 'print-frame';
    await withDocument(t, namespace, documentWith(THREE), async (page) => {
      const query = new URLSearchParams({ namespace, 'clinic-name': 'Harbour Counselling' });
      await page.goto(new URL(`embed.html?${query}`, build.server.url).href);
      await page.locator('.rw-plan .rw-recommendations').waitFor();
      await page.evaluate(stubPrint);
      await page.getByRole('button', { name: ui.print_button, exact: true }).click();
      const { text, pages } = await printed(page, 'plan-frame');
      t.diagnostic(`plan-frame.pdf: ${pages} page(s)`);
      assert.ok(pages >= 1 && pages <= 2, `one or two pages: ${pages}`);
      assert.ok(text.includes(ui.plan_heading) && text.includes('Harbour Counselling'), text);
      assert.ok(!text.includes(ui.exit_button), 'no controls');
    });
  });

  test('the printed page in Arabic runs right to left', async (t) => {
    await withDocument(t, 'print-ar', documentWith(THREE), async (page) => {
      await openPlan(page, 'print-ar', { ...clinic, lang: 'ar' });
      await page.evaluate(stubPrint);
      const ar = contents.ar.ui;
      await page.getByRole('button', { name: ar.print_button, exact: true }).click();
      const { text, pages } = await printed(page, 'plan-ar');
      t.diagnostic(`plan-ar.pdf: ${pages} page(s)`);
      assert.ok(pages >= 1 && pages <= 2, `one or two pages: ${pages}`);
      assert.ok(text.includes('Harbour Counselling'), 'the clinic');
      assert.ok(!text.includes('Welcome to the clinic'), 'not the page around it');
    });
  });
});
