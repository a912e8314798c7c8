// The widget in each of its languages, inside the custom element, as a visitor uses it: only that
// language's words are fetched; the checklist, the whole check by keyboard and the plan; axe finds no
// violation in any view at 320 and 1280 px, light and dark (right to left included), with screenshots
// in test-artifacts/screens/lang-*.png; and the visitor's own choice of language, kept across a reload,
// including a change while a section's words are still on their way (arriving or failing late).
//
//   bash scripts/build.sh && node --test --test-concurrency=1 tests/e2e/languages.test.mjs

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  breakInsertionIn,
  clinicPage,
  eventually,
  focused,
  pressUntil,
  requireBuilt,
  screens,
  serveHtml,
  servedBuild,
  storageEntries,
  widgetElement,
  withContext,
  contentIn,
  sectionButton,
  partArrived,
} from './harness.mjs';

const LANGUAGES = ['en', 'fr', 'hi', 'ar'];
const CONTENT = Object.fromEntries(
  await Promise.all(
    LANGUAGES.map(async (lang) => [lang, await contentIn(lang)]),
  ),
);

requireBuilt('text/ar.json');

const build = servedBuild();

/** A clinic page with one widget in `lang`; records the requests for words. */
async function openIn(page, lang, namespace) {
  const words = [];
  page.on('request', (r) => new URL(r.url()).pathname.startsWith('/text/') && words.push(new URL(r.url()).pathname));
  const url = await serveHtml(
    page,
    new URL(`clinic/${namespace}.html`, build.server.url).href,
    clinicPage(widgetElement({ lang, namespace })),
  );
  await page.goto(url);
  const widget = page.locator('reciprocity-widget');
  await widget.locator('.rw-widget').waitFor();
  return { widget, words, url };
}

/** The statement of question `q` for `relationship`, as the content of that language words it (with
 * its spaces made plain, as `focused()` reads them: French puts a no-break space before "?"). */
const statement = (content, q, relationship) =>
  (q < content.items.length ? content.items[q] : content.balance).text[relationship].replace(/\s+/g, ' ');

describe('in each language', () => {
  for (const lang of LANGUAGES) {
    const content = CONTENT[lang];
    const ui = content.ui;
    test(`${lang}: its words only; checklist, the whole check by keyboard and the plan; no axe violation`, async (t) => {
      await withContext(t, build.browser, async ({ page }) => {
        const { widget, words } = await openIn(page, lang, `lang-${lang}`);
        const learned = [];
        page.on('request', (r) => new URL(r.url()).pathname.startsWith('/learn/') && learned.push(new URL(r.url()).pathname));
        const root = widget.locator('.rw-widget');
        assert.equal(await root.getAttribute('lang'), lang);
        assert.equal(await root.getAttribute('dir'), content.dir);
        assert.deepEqual(words, [`/text/${lang}.json`], 'only the words of its own language');
        assert.equal((await widget.locator('.rw-view-heading').textContent()).trim(), ui.checklist_heading);

        // The checklist: Tab to the first action and tick it with Space.
        const first = content.steps[0].actions[0];
        await pressUntil(page, 'Tab', (f) => f.type === 'checkbox' && f.text.startsWith(first.text), {
          what: `the checkbox "${first.text}"`,
        });
        await page.keyboard.press('Space');
        assert.equal((await focused(page)).checked, true);
        await screens(page, `lang-${lang}-checklist`, [widget.locator('.rw-view')]);

        // The check, by keyboard: its section, who it is about, the content note, every statement.
        await widget.getByRole('button', { name: ui.nav_quiz, exact: true }).focus();
        await page.keyboard.press('Enter');
        const partner = content.contexts.find((c) => c.id === 'partner');
        await pressUntil(page, 'Tab', (f) => f.type === 'radio' && f.text === partner.label, { what: partner.label });
        await page.keyboard.press('Space');
        await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.start, { max: 4, what: ui.start });
        await page.keyboard.press('Enter');
        await eventually(async () => assert.equal((await focused(page)).text, ui.content_note_heading));
        await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === ui.content_note_include, {
          max: 3,
          what: ui.content_note_include,
        });
        await page.keyboard.press('Enter');
        const questions = content.items.length + 1;
        for (let q = 0; q < questions; q++) {
          await eventually(async () => {
            const f = await focused(page);
            assert.equal(f.tag, 'legend');
            assert.equal(f.text, statement(content, q, 'partner'));
          });
          if (q === 0) {
            assert.equal((await widget.locator('.rw-about').textContent()).trim(), partner.thinking_about);
            await screens(page, `lang-${lang}-question`, [widget.locator('.rw-view')]);
          }
          await pressUntil(page, 'Tab', (f) => f.type === 'radio', { max: 2, what: 'an option' });
          for (let i = 0; i < q % 5; i++) await page.keyboard.press('ArrowDown');
          if (q % 5 === 0) await page.keyboard.press('Space');
          assert.equal((await focused(page)).checked, true);
          const next = q === questions - 1 ? ui.finish : ui.next;
          await pressUntil(page, 'Tab', (f) => f.tag === 'button' && f.text === next, { max: 4, what: next });
          await page.keyboard.press('Enter');
        }

        // The plan, with its chart drawn from the start of the line.
        const plan = widget.locator('.rw-plan');
        await plan.waitFor();
        assert.equal((await widget.locator('.rw-view-heading').textContent()).trim(), ui.plan_heading);
        const bars = await widget.locator('.rw-chart .rw-bar-give').evaluateAll((rects) =>
          rects.slice(1).map((r) => ({ x: Number(r.getAttribute('x')), width: Number(r.getAttribute('width')) })),
        );
        assert.ok(bars.length > 0, 'the chart has bars');
        for (const bar of bars) {
          if (content.dir === 'rtl') assert.equal(bar.x + bar.width, 320, 'in right to left, bars grow from the right');
          else assert.equal(bar.x, 0, 'bars grow from the left');
        }
        await screens(page, `lang-${lang}-plan`, [plan]);

        // "Need support now?": every number in a left-to-right run of its own.
        await widget.locator('.rw-toolbar').getByRole('button', { name: ui.support_button, exact: true }).click();
        const support = widget.locator('.rw-support');
        await support.waitFor();
        const links = await support.locator('a[href^="tel:"]').count();
        assert.ok(links > 0);
        assert.equal(await support.locator('a[href^="tel:"] bdi[dir="ltr"]').count(), links);
        await screens(page, `lang-${lang}-support`, [support]);

        // "Your data", and "Learn more" (fetched in this language only).
        await widget.locator('.rw-toolbar').getByRole('button', { name: ui.data_button, exact: true }).click();
        const data = widget.locator('.rw-data');
        await data.waitFor();
        await partArrived(data);
        await screens(page, `lang-${lang}-data`, [data]);
        await data.getByRole('button', { name: ui.close, exact: true }).click();
        await widget.getByRole('button', { name: ui.learn_button, exact: true }).first().click();
        await widget.locator('.rw-learn-section').first().waitFor();
        assert.deepEqual(learned, [`/learn/${lang}.json`], 'Learn more in its own language only');
        await screens(page, `lang-${lang}-learn`, [widget.locator('.rw-learn')]);
      });
    });

    test(`${lang}: the iframe page takes the language from its query string`, async (t) => {
      await withContext(t, build.browser, async ({ page }) => {
        await page.goto(new URL(`embed.html?lang=${lang}&namespace=frame-${lang}`, build.server.url).href);
        const widget = page.locator('reciprocity-widget');
        await widget.locator('.rw-widget').waitFor();
        assert.equal(await widget.locator('.rw-widget').getAttribute('lang'), lang);
        assert.deepEqual(
          await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
          [lang, content.dir],
        );
        assert.equal((await widget.locator('.rw-view-heading').textContent()).trim(), ui.checklist_heading);
        // The page's own fallback, kept for the widget's box, is the one in its language.
        assert.equal(await widget.locator('.rw-embed-fallback').getAttribute('lang'), lang);
        assert.equal(await page.locator('.rw-embed-fallback').count(), 1);
      });
    });
  }
});

describe('the page’s language', () => {
  test('a regional tag finds its language (fr-CA: French), and one without words finds English', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const { widget, words } = await openIn(page, 'fr-CA', 'lang-fr-ca');
      assert.equal(await widget.locator('.rw-widget').getAttribute('lang'), 'fr');
      assert.deepEqual(words, ['/text/fr.json']);
    });
    await withContext(t, build.browser, async ({ page }) => {
      const { widget, words } = await openIn(page, 'de', 'lang-de');
      assert.equal(await widget.locator('.rw-widget').getAttribute('lang'), 'en');
      assert.deepEqual(words, ['/text/en.json']);
    });
  });
});

describe('the visitor’s language', () => {
  test('chosen in the widget: its words fetched once, the widget in it with focus kept, and still in it after a reload', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const { widget, words } = await openIn(page, 'en', 'choose-language');
      const list = widget.getByLabel(CONTENT.en.ui.language_label, { exact: true });
      assert.deepEqual(
        (await list.locator('option').allTextContents()).map((s) => s.trim()),
        ['English', 'Français', 'हिन्दी', 'العربية'],
      );
      await list.focus();
      await list.selectOption('ar');
      const root = widget.locator('.rw-widget');
      await eventually(async () => assert.equal(await root.getAttribute('lang'), 'ar'));
      assert.equal(await root.getAttribute('dir'), 'rtl');
      assert.equal((await widget.locator('.rw-view-heading').textContent()).trim(), CONTENT.ar.ui.checklist_heading);
      await eventually(async () => assert.equal((await focused(page)).tag, 'select'), { timeout: 3000 });
      assert.equal(await widget.getByLabel(CONTENT.ar.ui.language_label, { exact: true }).inputValue(), 'ar');
      await eventually(async () => {
        const doc = JSON.parse((await storageEntries(page))['reciprocity-widget/v1/choose-language']);
        assert.equal(doc.settings.language, 'ar');
      });
      await screens(page, 'lang-choice-ar', [widget.locator('.rw-toolbar')]);
      assert.deepEqual(words, ['/text/en.json', '/text/ar.json']);

      // Back to English: its words are kept, nothing is fetched.
      await widget.getByLabel(CONTENT.ar.ui.language_label, { exact: true }).selectOption('en');
      await eventually(async () => assert.equal(await root.getAttribute('lang'), 'en'));
      assert.deepEqual(words, ['/text/en.json', '/text/ar.json']);

      // Chosen again, and the page reloaded: the widget comes back in the visitor's language.
      await widget.getByLabel(CONTENT.en.ui.language_label, { exact: true }).selectOption('fr');
      await eventually(async () => assert.equal(await root.getAttribute('lang'), 'fr'));
      await page.reload();
      await eventually(async () => assert.equal(await widget.locator('.rw-widget').getAttribute('lang'), 'fr'));
      assert.equal((await widget.locator('.rw-view-heading').textContent()).trim(), CONTENT.fr.ui.checklist_heading);
    });
  });

  test('a section open when the language changes: its words come in the new language, each fetched once', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      const { widget, words } = await openIn(page, 'en', 'language-in-section');
      await sectionButton(widget, CONTENT.en.ui.nav_practice).click();
      const intro = widget.locator('.rw-practice p').first();
      await eventually(async () => assert.equal((await intro.textContent()).trim(), CONTENT.en.ui.practice_intro));
      assert.deepEqual(words, ['/text/en.json', '/text/en.parts.json']);

      await widget.getByLabel(CONTENT.en.ui.language_label, { exact: true }).selectOption('fr');
      await eventually(async () => assert.equal((await intro.textContent()).trim(), CONTENT.fr.ui.practice_intro));
      assert.equal((await widget.locator('.rw-view-heading').textContent()).trim(), CONTENT.fr.ui.practice_heading);
      assert.deepEqual(words, ['/text/en.json', '/text/en.parts.json', '/text/fr.json', '/text/fr.parts.json']);

      // Back to English: both of its tables are kept, nothing is fetched.
      await widget.getByLabel(CONTENT.fr.ui.language_label, { exact: true }).selectOption('en');
      await eventually(async () => assert.equal((await intro.textContent()).trim(), CONTENT.en.ui.practice_intro));
      assert.equal(words.length, 4);
    });
  });

  test('a change of language while the section’s words are on their way: the new language’s words show, the late ones are kept for later', async (t) => {
    await withContext(t, build.browser, async ({ page }) => {
      // The English sections' words held back until the language has changed.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route('**/text/en.parts.json', async (route) => {
        await held;
        await route.continue();
      });
      const { widget, words } = await openIn(page, 'en', 'language-during-words');
      await sectionButton(widget, CONTENT.en.ui.nav_practice).click();
      const status = widget.locator('.rw-view .rw-part-status[role="status"]');
      await eventually(async () => assert.equal((await status.textContent()).trim(), CONTENT.en.ui.learn_loading));
      assert.deepEqual(words, ['/text/en.json', '/text/en.parts.json']);

      await widget.getByLabel(CONTENT.en.ui.language_label, { exact: true }).selectOption('fr');
      const intro = widget.locator('.rw-practice p').first();
      await eventually(async () => assert.equal((await intro.textContent()).trim(), CONTENT.fr.ui.practice_intro));
      assert.equal((await widget.locator('.rw-view-heading').textContent()).trim(), CONTENT.fr.ui.practice_heading);

      // The English words arrive late: nothing changes on screen, and no word shows as a blank.
      release();
      await eventually(async () => assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/text/en.parts.json') && e.responseEnd > 0).length), 1));
      assert.equal((await intro.textContent()).trim(), CONTENT.fr.ui.practice_intro);
      assert.equal(await status.count(), 0);

      // Back to English: its late words were kept, so nothing is fetched again.
      await widget.getByLabel(CONTENT.fr.ui.language_label, { exact: true }).selectOption('en');
      await eventually(async () => assert.equal((await intro.textContent()).trim(), CONTENT.en.ui.practice_intro));
      assert.deepEqual(words, ['/text/en.json', '/text/en.parts.json', '/text/fr.json', '/text/fr.parts.json']);
    });
  });

  test('a change of language while the section’s words are on their way, and then they fail: the new language’s section stays, with no failure shown', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        let release;
        const held = new Promise((resolve) => (release = resolve));
        await page.route('**/text/en.parts.json', async (route) => {
          await held;
          await route.abort('internetdisconnected');
        });
        const { widget } = await openIn(page, 'en', 'language-during-failing-words');
        await sectionButton(widget, CONTENT.en.ui.nav_practice).click();
        await widget.getByLabel(CONTENT.en.ui.language_label, { exact: true }).selectOption('fr');
        const intro = widget.locator('.rw-practice p').first();
        await eventually(async () => assert.equal((await intro.textContent()).trim(), CONTENT.fr.ui.practice_intro));

        // The English words fail late: that is English's news, not the French section's.
        const warned = page.waitForEvent('console', (m) => /words of the sections could not be loaded/.test(m.text()));
        release();
        await warned;
        assert.equal((await intro.textContent()).trim(), CONTENT.fr.ui.practice_intro);
        assert.equal(await widget.locator('.rw-view .rw-part-status').count(), 0);
      },
      { allowErrors: [/Failed to load resource/, /words of the sections could not be loaded|internetdisconnected|Failed to fetch|TypeError/i] },
    );
  });

  test('a widget that stops after a change of language says so in the new language', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        const { widget } = await openIn(page, 'en', 'crash-language');
        await widget.getByLabel(CONTENT.en.ui.language_label, { exact: true }).selectOption('fr');
        await eventually(async () => assert.equal(await widget.locator('.rw-widget').getAttribute('lang'), 'fr'));
        // A hostile page breaks node insertion inside the widget.
        await breakInsertionIn(page, 'reciprocity-widget');
        const ui = CONTENT.fr.ui;
        await widget.locator('.rw-toolbar').getByRole('button', { name: ui.support_button, exact: true }).click();
        const alert = widget.locator('.rw-crash[role="alert"]');
        await alert.waitFor();
        assert.equal(await alert.getAttribute('lang'), 'fr');
        assert.ok((await alert.textContent()).includes(ui.crash_message));
        await alert.getByRole('link', { name: ui.crash_reload, exact: true }).waitFor();
      },
      {
        allowErrors: [/reciprocity-widget stopped/, /insertion refused by the page/],
        allowPageErrors: [/unreachable/i, /insertion refused by the page/],
      },
    );
  });

  test('words that cannot be fetched: the status line says so and the widget stays in its language', async (t) => {
    await withContext(
      t,
      build.browser,
      async ({ page }) => {
        await page.route('**/text/hi.json', (route) => route.fulfill({ status: 503, body: 'Unavailable' }));
        const { widget } = await openIn(page, 'en', 'language-fails');
        await widget.getByLabel(CONTENT.en.ui.language_label, { exact: true }).selectOption('hi');
        await eventually(async () =>
          assert.equal((await widget.locator('.rw-status').textContent()).trim(), CONTENT.en.ui.language_failed),
        );
        assert.equal(await widget.locator('.rw-widget').getAttribute('lang'), 'en');
        assert.equal(await widget.getByLabel(CONTENT.en.ui.language_label, { exact: true }).inputValue(), 'en');
      },
      { allowErrors: [/503/] },
    );
  });
});
