// What the benchmarks watch in the page (each runs there, as an init script: see addInitScript), how
// they hear of it without asking the page during the load they measure, and the slow network they
// load on as a phone would.
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
