// Whether two release builds draw the widget the same, pixel for pixel: a screenshot of the widget in
// each section, from each build, compared byte for byte. For a change that should not change the look
// (moving CSS rules between files, renaming classes, a smaller build). Prints figures only: no
// pass/fail in CI, since fonts differ between machines; run both builds on one machine.
//
//   node tests/e2e/compare-screens.mjs OLD_DIST NEW_DIST
//
// The views: the checklist; the check in progress; the plan after three checks (on screen and as
// printed); Practice; the check taken together. Each at 320 and 1280 px wide, light and dark, on the
// demo page (index.html), with the saved document seeded before the page runs. The screenshots of the
// views that differ are kept in test-artifacts/compare/ (`<view>-<width>-<scheme>-old.png` and `-new.png`).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from './server.mjs';
import { ARTIFACTS, KEY, day, finishedCheck as check, launchBrowser } from './harness.mjs';

const [oldDist, newDist] = process.argv.slice(2);
if (!oldDist || !newDist) throw new Error('usage: node tests/e2e/compare-screens.mjs OLD_DIST NEW_DIST');
const OUT = path.join(ARTIFACTS, 'compare');

const CHECKS = [
  check(day(3, 3), { give: 5, receive: 2 }),
  check(day(7, 15), { give: 4, receive: 3, notApplicable: ['conflict'] }),
  check(day(11, 20), { give: 3, receive: 4 }),
];
const inProgress = { started: day(11, 21), finished: null, context: 'partner', question: 3, answers: {}, skip_sensitive: false };

/** Each view: the saved document that opens it (none: the first visit's checklist), and its media. */
const VIEWS = [
  ['checklist', null, 'screen'],
  ['check', { schema: 7, view: 'quiz', quiz: { attempts: [...CHECKS, inProgress] } }, 'screen'],
  ['plan', { schema: 7, view: 'plan', quiz: { attempts: CHECKS } }, 'screen'],
  ['plan-printed', { schema: 7, view: 'plan', quiz: { attempts: CHECKS } }, 'print'],
  ['practice', { schema: 7, view: 'practice', quiz: { attempts: CHECKS } }, 'screen'],
  ['together', { schema: 7, view: 'together', quiz: { attempts: CHECKS } }, 'screen'],
];

const servers = [await startServer(oldDist), await startServer(newDist)];
const browser = await launchBrowser();

async function screenshot(server, { width, scheme, doc, media }) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  try {
    if (doc) await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(doc)]);
    const page = await context.newPage();
    await page.goto(server.url);
    const widget = page.locator('reciprocity-widget');
    await widget.locator('.rw-view').waitFor();
    // A section drawn, not its "Loading…" line.
    await widget.locator('.rw-part-status').waitFor({ state: 'detached' });
    await page.emulateMedia({ media });
    return await widget.screenshot({ animations: 'disabled' });
  } finally {
    await context.close();
  }
}

const differ = [];
let same = 0;
for (const width of [320, 1280]) {
  for (const scheme of ['light', 'dark']) {
    for (const [view, doc, media] of VIEWS) {
      const before = await screenshot(servers[0], { width, scheme, doc, media });
      const after = await screenshot(servers[1], { width, scheme, doc, media });
      if (before.equals(after)) {
        same += 1;
        continue;
      }
      const name = `${view}-${width}-${scheme}`;
      differ.push(name);
      mkdirSync(OUT, { recursive: true });
      writeFileSync(path.join(OUT, `${name}-old.png`), before);
      writeFileSync(path.join(OUT, `${name}-new.png`), after);
    }
  }
}
console.log(`${same} of ${same + differ.length} screenshots the same in both builds`);
if (differ.length) console.log(`different (kept in ${path.relative(process.cwd(), OUT)}/): ${differ.join(', ')}`);
await browser.close();
for (const server of servers) await server.close();
