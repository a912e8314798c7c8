// End-to-end tests of storage that never lies and never loses: three pages of one namespace making a
// thousand interleaved changes, storage taken away or filled by the host page mid-session, deleting and
// "don't remember me" against a store that fails, deletion in one tab winning over a stale tab, and a
// crash in one widget that leaves the page and the other widgets working.
//
//   bash scripts/build.sh && node --test --test-concurrency=1 tests/e2e/storage.test.mjs
//
// No fixed sleeps: every wait is on a condition (the saved document, a notice, a message).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  actionsFor,
  breakInsertionIn,
  clinicPage,
  content,
  eventually,
  fill,
  keyOf,
  requireBuilt,
  screens,
  servedBuild,
  serveHtml,
  widgetElement,
  withContext,
  sectionButton as nav,
} from './harness.mjs';

const ui = content.ui;
const ACTIONS = content.steps.flatMap((s) => s.actions);
const QUESTIONS = [...content.items.map((i) => i.id), content.balance.id];

requireBuilt('reciprocity-widget.js');

const build = servedBuild();

/** A small seeded random generator (mulberry32): the same seed gives the same run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


/** Opens a clinic page with one widget per namespace (ids w0, w1, …), waiting until all rendered. */
async function openPage(page, namespaces, { name = 'storage' } = {}) {
  const widgets = namespaces
    .map((namespace, i) => widgetElement({ id: `w${i}`, lang: 'en', namespace, 'exit-url': new URL('exit-landing.html', build.server.url).href }))
    .join('\n');
  const url = await serveHtml(page, new URL(`e2e/${name}.html`, build.server.url).href, clinicPage(widgets));
  await page.goto(url);
  for (let i = 0; i < namespaces.length; i++) await page.locator(`#w${i} .rw-widget`).waitFor();
  return url;
}

const stored = (page, namespace, area = 'localStorage') =>
  page.evaluate(([k, a]) => JSON.parse(window[a].getItem(k) ?? 'null'), [keyOf(namespace), area]);
const checkbox = (scope, action) => scope.locator('.rw-checklist .rw-check').filter({ hasText: action.text }).locator('input');
const notices = (scope) => scope.locator('.rw-notices .rw-notice p').allTextContents();
const panelStatus = (scope) => scope.locator('section.rw-data .rw-panel-status');
const dataButton = (scope) => scope.locator('.rw-toolbar').getByRole('button', { name: ui.data_button, exact: true });

/** Ticks `action` and waits until the stored document has it. */
async function tickSaved(page, scope, namespace, action) {
  await checkbox(scope, action).check();
  await eventually(async () => assert.ok((await stored(page, namespace))?.checklist?.done?.includes(action.id), `${action.id} saved`));
}

/** Opens the check on `scope`, chooses a partner, includes the hard-times statements. */
async function startCheck(scope) {
  await nav(scope, ui.nav_quiz).click();
  await scope.getByRole('radio', { name: content.contexts[0].label, exact: true }).check();
  await scope.getByRole('button', { name: ui.start, exact: true }).click();
  await scope.getByRole('button', { name: ui.content_note_include, exact: true }).click();
  await scope.locator('.rw-question').waitFor();
}

/**
 * Installs `window.visitor` in a page: a visitor's clicks on the widget (in its shadow root), each
 * resolving once the widget has shown its effect. A thousand changes through Playwright's actionability
 * checks would take minutes; these are the same DOM events, fast enough to race three pages' saves.
 */
async function installVisitor(page, labels) {
  await page.evaluate((labels) => {
    const root = () => document.querySelector('#w0').shadowRoot;
    const $ = (selector) => root().querySelector(selector);
    const $$ = (selector) => Array.from(root().querySelectorAll(selector));
    const button = (scope, text) => $$(`${scope} button`).find((b) => b.textContent.trim() === text);
    // Resolves when `check()` holds, re-checking after every change to the widget's DOM.
    const until = (check) =>
      new Promise((resolve, reject) => {
        if (check()) return resolve();
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`timed out waiting for ${check}`));
        }, 10000);
        const observer = new MutationObserver(() => {
          if (!check()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        });
        observer.observe(root(), { subtree: true, childList: true, attributes: true, characterData: true });
      });
    const questionIndex = () => {
      const label = $('.rw-question .rw-progress-label');
      return label ? Number(/\d+/.exec(label.textContent)[0]) - 1 : -1;
    };
    window.visitor = {
      async show(view) {
        button('nav[aria-label="Sections"]', labels[view]).click();
        await until(() => (view === 'quiz' ? $('.rw-question') : $('.rw-checklist')));
      },
      async tick(index, done) {
        const box = $$('.rw-checklist .rw-check input')[index];
        if (box.checked !== done) box.click();
        await until(() => box.checked === done);
      },
      question: questionIndex,
      /** The scale's radios of the question on screen (not "doesn't apply" or "prefer not"). */
      radios: () => $$('.rw-question .rw-options input[type="radio"]').length,
      chosen: () => $$('.rw-question .rw-options input[type="radio"]').findIndex((r) => r.checked),
      async answer(pick) {
        const radio = $$('.rw-question .rw-options input[type="radio"]')[pick];
        radio.click();
        await until(() => radio.checked);
      },
      async move(which) {
        const before = questionIndex();
        button('.rw-question', labels[which]).click();
        await until(() => questionIndex() !== before);
      },
      ticks: () => $$('.rw-checklist .rw-check input').map((b) => b.checked),
    };
  }, labels);
}

describe('three pages, one namespace, a thousand interleaved changes', () => {
  test('every page and storage end with the union of all last changes: zero lost', async (t) => {
    await withContext(t, build.browser, async ({ page, newPage }) => {
      const ns = 'merge';
      const SEED = Number(process.env.MERGE_SEED ?? 20261127);
      const OPS = Number(process.env.MERGE_OPS ?? 1000);
      const rand = random(SEED);
      t.diagnostic(`seed ${SEED}, ${OPS} changes`);
      const pages = [page, await newPage(), await newPage()];
      const labels = { checklist: ui.nav_checklist, quiz: ui.nav_quiz, next: ui.next, back: ui.back };
      for (const p of pages) {
        await openPage(p, [ns], { name: 'merge' });
        await installVisitor(p, labels);
      }
      // One check for all three: the first page starts it, the others take it from storage.
      await startCheck(pages[0]);
      for (const p of pages.slice(1)) {
        await nav(p, ui.nav_quiz).click();
        await p.locator('.rw-question').waitFor();
      }
      for (const p of pages) await p.evaluate(() => window.visitor.show('checklist'));
      // The check is about a partner, so the checklist follows: a partner's actions, in this order.
      const PARTNER_ACTIONS = actionsFor('partner');

      // Each page owns every third action and every third question, so every item's last change is
      // known exactly; what is tested is that no page's write erases what another page wrote.
      const expectedDone = new Map(PARTNER_ACTIONS.map((a) => [a.id, false]));
      const expectedAnswers = new Map();
      const views = pages.map(() => 'checklist');

      async function step(i) {
        const p = pages[i];
        if (rand() < 0.5) {
          const mine = PARTNER_ACTIONS.map((a, k) => [a, k]).filter(([, k]) => k % 3 === i);
          const [action, k] = mine[Math.floor(rand() * mine.length)];
          const done = !expectedDone.get(action.id);
          expectedDone.set(action.id, done);
          if (views[i] !== 'checklist') {
            views[i] = 'checklist';
            await p.evaluate(() => window.visitor.show('checklist'));
          }
          await p.evaluate(([k, done]) => window.visitor.tick(k, done), [k, done]);
          return;
        }
        if (views[i] !== 'quiz') {
          views[i] = 'quiz';
          await p.evaluate(() => window.visitor.show('quiz'));
          return;
        }
        const [index, radios] = await p.evaluate(() => [window.visitor.question(), window.visitor.radios()]);
        const id = QUESTIONS[index];
        const r = rand();
        if (index % 3 === i && (!expectedAnswers.has(id) || r < 0.4)) {
          // A real change: a point of the scale other than the one this page chose last time.
          const values = Array.from({ length: radios }, (_, k) => k).filter((k) => k !== expectedAnswers.get(id));
          const pick = values[Math.floor(rand() * values.length)];
          expectedAnswers.set(id, pick);
          await p.evaluate((pick) => window.visitor.answer(pick), pick);
          return;
        }
        const back = index === QUESTIONS.length - 1 || (index > 0 && r < 0.3);
        await p.evaluate((which) => window.visitor.move(which), back ? 'back' : 'next');
      }

      const started = Date.now();
      for (let ops = 0; ops < OPS; ops += 3) {
        // The three pages act at once: their saves race each other.
        const batch = [0, 1, 2].slice(0, Math.min(3, OPS - ops));
        await Promise.all(batch.map((i) => step(i)));
      }
      t.diagnostic(`${OPS} changes in ${Date.now() - started} ms`);

      const valueOf = (id, pick) => (id === content.balance.id ? pick - 3 : pick + 1);
      const want = {
        done: [...expectedDone].filter(([, d]) => d).map(([id]) => id).sort(),
        answers: Object.fromEntries([...expectedAnswers].map(([id, pick]) => [id, { value: valueOf(id, pick) }]).sort()),
      };
      t.diagnostic(`expected: ${want.done.length} actions ticked, ${Object.keys(want.answers).length} answers`);
      assert.ok(want.done.length > 0 && Object.keys(want.answers).length > 0, 'the run changed both ticks and answers');

      // Storage, read from every page, holds the union.
      await eventually(
        async () => {
          for (const p of pages) {
            const doc = await stored(p, ns);
            const answers = Object.fromEntries(Object.entries(doc.quiz.attempts.at(-1).answers).sort());
            assert.deepEqual({ done: [...doc.checklist.done].sort(), answers }, want);
          }
        },
        { timeout: 20000 },
      );
      // Every page shows the union: its checklist, and every answer of its check.
      for (const [i, p] of pages.entries()) {
        await p.evaluate(() => window.visitor.show('checklist'));
        await eventually(async () => {
          const shown = await p.evaluate(() => window.visitor.ticks());
          assert.equal(shown.length, PARTNER_ACTIONS.length, 'every action measured');
          assert.deepEqual(PARTNER_ACTIONS.filter((_, k) => shown[k]).map((a) => a.id).sort(), want.done, `page ${i + 1} shows every tick`);
        });
        await p.evaluate(() => window.visitor.show('quiz'));
        const answers = await p.evaluate(async (total) => {
          const v = window.visitor;
          while (v.question() > 0) await v.move('back');
          const chosen = [];
          for (;;) {
            chosen.push(v.chosen());
            if (v.question() === total - 1) return chosen;
            await v.move('next');
          }
        }, QUESTIONS.length);
        assert.equal(answers.length, QUESTIONS.length, 'every question measured');
        const wanted = QUESTIONS.map((id) => (expectedAnswers.has(id) ? expectedAnswers.get(id) : -1));
        assert.deepEqual(answers, wanted, `page ${i + 1} shows every answer`);
      }
    });
  });

  test('deleting in one tab wins over a stale tab, which says so', async (t) => {
    await withContext(t, build.browser, async ({ page, newPage }) => {
      const ns = 'delete-wins';
      const other = await newPage();
      await openPage(page, [ns]);
      await openPage(other, [ns]);
      await tickSaved(page, page, ns, ACTIONS[0]);
      await eventually(async () => assert.ok(await checkbox(other, ACTIONS[0]).isChecked(), 'the other tab follows'));
      await dataButton(page).click();
      await page.getByRole('button', { name: ui.data_delete, exact: true }).click();
      await page.getByRole('button', { name: ui.data_delete_confirm, exact: true }).click();
      await eventually(async () => assert.equal((await panelStatus(page).textContent()).trim(), ui.data_deleted));
      await eventually(async () => assert.deepEqual(await notices(other), [ui.notice_deleted_elsewhere]));
      await screens(other, 'notice-deleted-elsewhere', [other.locator('#w0 .rw-notices')]);
      assert.equal(await checkbox(other, ACTIONS[0]).isChecked(), false, 'the stale tab emptied too');
      assert.equal(await stored(page, ns), null);
      // The stale tab's next change starts a new document; the deleted tick does not come back.
      await tickSaved(other, other, ns, ACTIONS[1]);
      assert.deepEqual((await stored(page, ns)).checklist.done, [ACTIONS[1].id]);
    });
  });
});

describe('storage that fails under the widget', () => {
  /** Replaces Storage methods so that calls on `area` ('localStorage', 'sessionStorage' or 'both') throw. */
  const breakStorage = (page, methods, area = 'both') =>
    page.evaluate(
      ([methods, area]) => {
        window.__saved ??= {};
        for (const name of methods) {
          const original = (window.__saved[name] ??= Storage.prototype[name]);
          Storage.prototype[name] = function (...args) {
            const hit = area === 'both' || this === window[area];
            if (hit) throw new DOMException(`${name} refused by the page`, 'SecurityError');
            return original.apply(this, args);
          };
        }
      },
      [methods, area],
    );
  const repairStorage = (page) =>
    page.evaluate(() => {
      for (const [name, original] of Object.entries(window.__saved ?? {})) Storage.prototype[name] = original;
    });

  test('storage taken away mid-session: keeps working in memory, says so, saves again when it can', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'taken-away';
      await openPage(page, [ns]);
      await tickSaved(page, page, ns, ACTIONS[0]);
      await breakStorage(page, ['getItem', 'setItem', 'removeItem', 'key']);
      await checkbox(page, ACTIONS[1]).check();
      await eventually(async () => assert.deepEqual(await notices(page), [ui.notice_unavailable]));
      assert.ok(await checkbox(page, ACTIONS[1]).isChecked(), 'the tick is kept on screen');
      await repairStorage(page);
      assert.deepEqual((await stored(page, ns)).checklist.done, [ACTIONS[0].id], 'the last good save is intact');
      await checkbox(page, ACTIONS[2]).check();
      await eventually(async () =>
        assert.deepEqual((await stored(page, ns)).checklist.done.sort(), [ACTIONS[0].id, ACTIONS[1].id, ACTIONS[2].id].sort()),
      );
      await eventually(async () => assert.deepEqual(await notices(page), [], 'the notice goes once saving works'));
    });
  });

  test('a quota filled by the host page: "storage is full", then saved once there is room', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'filled';
      await openPage(page, [ns]);
      await tickSaved(page, page, ns, ACTIONS[0]);
      const junk = await page.evaluate(() => {
        const keys = [];
        for (let size = 1 << 20; size >= 16; ) {
          const key = `host-junk-${keys.length}`;
          try {
            localStorage.setItem(key, 'x'.repeat(size));
            keys.push(key);
          } catch {
            size >>= 1;
          }
        }
        return keys;
      });
      assert.ok(junk.length > 0, 'the host page filled storage');
      await checkbox(page, ACTIONS[1]).check();
      await eventually(async () => assert.deepEqual(await notices(page), [ui.notice_full]));
      assert.deepEqual((await stored(page, ns)).checklist.done, [ACTIONS[0].id], 'the last good save is kept');
      await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), junk);
      await checkbox(page, ACTIONS[2]).check();
      await eventually(async () => assert.equal((await stored(page, ns)).checklist.done.length, 3, 'everything saved'));
      await eventually(async () => assert.deepEqual(await notices(page), []));
    });
  });

  test('"Delete everything" when removing fails says what is still stored, and it is', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'delete-fails';
      await openPage(page, [ns]);
      await tickSaved(page, page, ns, ACTIONS[0]);
      await breakStorage(page, ['removeItem']);
      await dataButton(page).click();
      await page.getByRole('button', { name: ui.data_delete, exact: true }).click();
      await page.getByRole('button', { name: ui.data_delete_confirm, exact: true }).click();
      await eventually(async () =>
        assert.equal((await panelStatus(page).textContent()).trim(), fill(ui.data_delete_incomplete, { keys: keyOf(ns) })),
      );
      await screens(page, 'data-delete-incomplete', [page.locator('#w0 section.rw-data')]);
      const left = () => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), keyOf(ns));
      assert.deepEqual(await left(), [keyOf(ns)], 'the message is true: the key is still there');
      // The widget started afresh, so what it writes there next holds none of the deleted progress.
      assert.equal(await checkbox(page, ACTIONS[0]).isChecked(), false);
      // When removing works again, deleting says "deleted", and it is.
      await repairStorage(page);
      await page.getByRole('button', { name: ui.data_delete, exact: true }).click();
      await page.getByRole('button', { name: ui.data_delete_confirm, exact: true }).click();
      await eventually(async () => assert.equal((await panelStatus(page).textContent()).trim(), ui.data_deleted));
      assert.deepEqual(await left(), []);
    });
  });

  test('"Don\'t remember me" when the tab copy cannot be written changes nothing and says so', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'move-write-fails';
      await openPage(page, [ns]);
      await tickSaved(page, page, ns, ACTIONS[0]);
      await breakStorage(page, ['setItem'], 'sessionStorage');
      await dataButton(page).click();
      await page.getByRole('button', { name: ui.data_forget_device, exact: true }).click();
      await eventually(async () => assert.equal((await panelStatus(page).textContent()).trim(), ui.data_forget_failed));
      assert.deepEqual((await stored(page, ns)).checklist.done, [ACTIONS[0].id], 'the saved copy is kept');
      assert.equal(await stored(page, ns, 'sessionStorage'), null);
      // Still saving where it was.
      await repairStorage(page);
      await tickSaved(page, page, ns, ACTIONS[1]);
    });
  });

  test('"Don\'t remember me" when the old copy cannot be removed keeps the tab copy and says both exist', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'move-remove-fails';
      await openPage(page, [ns]);
      await tickSaved(page, page, ns, ACTIONS[0]);
      await breakStorage(page, ['removeItem'], 'localStorage');
      await dataButton(page).click();
      await page.getByRole('button', { name: ui.data_forget_device, exact: true }).click();
      await eventually(async () => assert.equal((await panelStatus(page).textContent()).trim(), ui.data_forget_old_left));
      await screens(page, 'data-forget-old-left', [page.locator('#w0 section.rw-data')]);
      assert.deepEqual((await stored(page, ns)).checklist.done, [ACTIONS[0].id], 'the old copy is there, as the message says');
      assert.deepEqual((await stored(page, ns, 'sessionStorage')).checklist.done, [ACTIONS[0].id], 'and the tab copy');
    });
  });

  test('loading a file when the build.browser refuses the write says it is kept for now only, and it is', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'load-fails';
      await openPage(page, [ns]);
      await tickSaved(page, page, ns, ACTIONS[0]);
      const file = 'progress.json';
      const text = JSON.stringify({ ...(await stored(page, ns)), checklist: { done: [ACTIONS[2].id] } });
      await breakStorage(page, ['setItem'], 'localStorage');
      await dataButton(page).click();
      const panel = page.locator('#w0 section.rw-data');
      await panel.getByLabel(ui.data_import, { exact: true }).setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(text) });
      await panel.getByRole('button', { name: ui.data_import_confirm, exact: true }).click();
      await eventually(async () =>
        assert.equal((await panelStatus(page).textContent()).trim(), ui.data_imported_unsaved.replace('{file}', file)),
      );
      assert.deepEqual((await stored(page, ns)).checklist.done, [ACTIONS[0].id], 'the message is true: nothing was saved');
      await eventually(async () => assert.deepEqual(await notices(page), [ui.notice_unavailable]));
      // Loaded all the same, for this page.
      await nav(page.locator('#w0'), ui.nav_checklist).click();
      assert.ok(await checkbox(page, ACTIONS[2]).isChecked(), 'the loaded progress is on screen');
    });
  });

  test('a download the build.browser refuses is said, not called done', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const ns = 'download-fails';
      await openPage(page, [ns]);
      await tickSaved(page, page, ns, ACTIONS[0]);
      await page.evaluate(() => {
        URL.createObjectURL = () => {
          throw new DOMException('downloads refused by the page', 'SecurityError');
        };
      });
      await dataButton(page).click();
      await page.getByRole('button', { name: ui.data_export, exact: true }).click();
      await eventually(async () => assert.equal((await panelStatus(page).textContent()).trim(), ui.data_export_failed));
    });
  });
});

describe('a crash in one widget', () => {
  test('shows a calm message with a reload link in its own box; the page and the other widget keep working', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        const url = await openPage(page, ['crash-a', 'crash-b'], { name: 'crash' });
        const [a, b] = [page.locator('#w0'), page.locator('#w1')];
        await tickSaved(page, a, 'crash-a', ACTIONS[0]);
        const savedBefore = await page.evaluate((k) => localStorage.getItem(k), keyOf('crash-a'));
        // A hostile page breaks node insertion inside the first widget only.
        await breakInsertionIn(page, '#w0');
        await a.locator('.rw-toolbar').getByRole('button', { name: ui.support_button, exact: true }).click();
        const alert = a.locator('.rw-crash[role="alert"]');
        await alert.waitFor();
        assert.match(await alert.textContent(), new RegExp(ui.crash_message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        const reload = alert.getByRole('link', { name: ui.crash_reload, exact: true });
        assert.equal(await reload.getAttribute('href'), url);
        await screens(page, 'crash', [a]);
        // The other widget still works, and saves.
        await tickSaved(page, b, 'crash-b', ACTIONS[1]);
        // The host page is untouched.
        assert.equal(await page.evaluate(() => document.querySelector('main') !== null && document.title), 'Clinic test page');
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), keyOf('crash-a')), savedBefore, 'saved answers are safe');
        // Reloading brings the widget back with its progress.
        await reload.click();
        await page.locator('#w0 .rw-widget').waitFor();
        assert.ok(await checkbox(a, ACTIONS[0]).isChecked());
      },
      {
        // The loader logs the stop for the clinic's developer, and the stopped instance throws once.
        allowErrors: [/reciprocity-widget stopped/, /insertion refused by the page/],
        allowPageErrors: [/unreachable/i, /insertion refused by the page/],
      },
    );
  });
});
