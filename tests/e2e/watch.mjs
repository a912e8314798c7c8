// What the benchmarks watch in the page (each runs there, as an init script: see addInitScript).

/**
 * Records performance.now() (ms since this document's navigation start) when `selector` first matches in
 * the document or in any shadow root attached in it (the custom element renders into one). In every
 * frame; `__benchSeenAt` is the same moment as an absolute time, to compare across frames.
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
