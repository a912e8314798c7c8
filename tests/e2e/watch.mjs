// What the benchmarks watch in the page (each runs there, as an init script: see addInitScript), and
// how they hear of it without asking the page during the load they measure.
//
// The page says when a moment has come on its console (`__bench <name>`), which the benchmark hears
// through `announced` (Playwright reports console messages as they come). Asking the page instead
// (`waitForFunction`, `evaluate`) injects Playwright's own page script the first time: about 40 ms of
// the page's main thread at CPU 4×, in the middle of the load being measured, which no visitor pays.
// The page is asked only once the moment has come.

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
