// What the benchmarks share: what they watch in the page (each runs there, as an init script: see
// addInitScript), how they hear of it without asking the page during the load they measure, the slow
// network they load on as a phone would, and a cold load itself (tests/e2e/bench.mjs and
// bench-pair.mjs).
//
// The page says when a moment has come on its console (`__bench <name>`), which the benchmark hears
// through `announced` (Playwright reports console messages as they come). Asking the page instead
// (`waitForFunction`, `evaluate`) injects Playwright's own page script the first time: about 40 ms of
// the page's main thread at CPU 4×, in the middle of the load being measured, which no visitor pays.
// The page is asked only once the moment has come.

/** Lighthouse's mobile profile's network ("slow 4G"): 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up. */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/**
 * Resolves when the page says `name` has come (`console.debug('__bench <name>')`). Call it before
 * `page.goto`, which then need not wait for `load` (`waitUntil: 'commit'`).
 */
export function announced(page, name, timeout = 60_000) {
  const line = `__bench ${name}`;
  return page.waitForEvent('console', { predicate: (message) => message.text() === line, timeout });
}

/**
 * Records performance.now() (ms since this document's navigation start) when `selector` first matches in
 * the document or in any shadow root attached in it (the custom element renders into one). In every
 * frame; `__benchSeenAt` is the same moment as an absolute time, to compare across frames. Announces
 * `seen` (see `announced`).
 */
export function watchFor(selector) {
  window.__benchSeen = null;
  window.__benchSeenAt = null;
  const roots = [document];
  const observers = [];
  const check = () => {
    if (window.__benchSeen !== null) return;
    if (roots.some((root) => root.querySelector(selector))) {
      window.__benchSeen = performance.now();
      window.__benchSeenAt = performance.timeOrigin + window.__benchSeen;
      for (const observer of observers) observer.disconnect();
      console.debug('__bench seen');
    }
  };
  const observe = (root) => {
    const observer = new MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true });
    observers.push(observer);
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    observe(root);
    return root;
  };
  observe(document);
}

/** Records the long tasks (over 50 ms) of the page from its start. */
export function watchLongTasks() {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
}

// ---- on the benchmark's side ----------------------------------------------------------------------

/** A fresh context (no cache, no storage) whose requests cannot leave 127.0.0.1. */
export async function freshContext(browser, initScripts = []) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient'),
  );
  for (const [script, arg] of initScripts) await context.addInitScript(script, arg);
  return context;
}

/**
 * Navigation start → `selector` usable, on a fresh context, with the CPU slowed `cpu` times (1: not
 * slowed; 4: about a mid-range phone), on `network` if given (SLOW_4G), with `html` served at `url` if
 * given. Also the long tasks up to that moment and the JS heap then.
 */
export async function coldLoad(browser, url, selector, initScripts = [], { cpu = 1, html = null, network = null } = {}) {
  const context = await freshContext(browser, [...initScripts, [watchFor, selector], [watchLongTasks]]);
  try {
    const page = await context.newPage();
    // Another page at `url` (the demo page with the preload lines).
    if (html) await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    const cdp = await context.newCDPSession(page);
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    const announcement = announced(page, 'seen');
    await page.goto(url, { waitUntil: 'commit' });
    await announcement;
    const seen = await page.evaluate(() => window.__benchSeen);
    const longTasks = await page.evaluate(() => window.__benchLongTasks);
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { seen, longTasks, heap: usedSize };
  } finally {
    await context.close();
  }
}
