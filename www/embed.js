// embed.js: the script of embed.html (iframe mode). A module, so it defines no global names.
//
// 1. Creates one <reciprocity-widget> from the page's query string. Only the widget's own attribute
//    names are passed on, each at most once (the last value wins); the element checks every value
//    itself, exactly as it does for attributes written in HTML, and warns about bad ones.
// 2. When this page is inside a frame, tells the parent page its height whenever it changes, so the
//    optional reciprocity-frame.js on the host can size the iframe. The message carries a height and
//    nothing else: { type: 'reciprocity-widget:height', height: <whole CSS pixels> }.

// The element's own attribute names (its observedAttributes). Kept in step with src/core/config.rs by a
// native test (tests/content.rs reads this file), since this list is needed before the wasm has started.
const ATTRIBUTES = [
  'lang',
  'namespace',
  'modules',
  'context',
  'clinic-name',
  'cta-url',
  'cta-label',
  'exit-url',
  'region',
  'storage',
  'share-results-with-page',
  'exit-clears',
  'support-lines',
];
const HEIGHT_MESSAGE = 'reciprocity-widget:height';
const MAX_HEIGHT = 100000;

const slot = document.getElementById('reciprocity-embed') ?? document.body;
const widget = document.createElement('reciprocity-widget');
const params = new URLSearchParams(location.search);
for (const name of ATTRIBUTES) {
  const values = params.getAll(name);
  if (values.length > 0) widget.setAttribute(name, values[values.length - 1]);
}
// The page's fallback text in the widget's language (English if the page has none in it) becomes the
// element's own content: shown only if the widget cannot start. The page takes its title, lang and dir.
const fallbacks = [...slot.querySelectorAll('.rw-embed-fallback')];
const wanted = (widget.getAttribute('lang') ?? 'en').split('-')[0].toLowerCase();
const fallback = fallbacks.find((p) => p.lang === wanted) ?? fallbacks.find((p) => p.lang === 'en');
for (const other of fallbacks) other.remove();
if (fallback) {
  widget.append(fallback);
  document.documentElement.lang = fallback.lang;
  document.documentElement.dir = fallback.dir;
  document.title = fallback.dataset.title;
}
slot.append(widget);

if (window.parent !== window) {
  let last = -1;
  const postHeight = () => {
    const measured = Math.ceil(document.documentElement.getBoundingClientRect().height);
    const height = Math.min(Math.max(measured, 0), MAX_HEIGHT);
    // Nothing laid out yet is not a height worth collapsing the frame to.
    if (height === 0 || height === last) return;
    last = height;
    // '*': this page cannot know which site embeds it, and a height is all that is ever sent.
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  // The first observation arrives after the first layout, then one after every change of size.
  new ResizeObserver(postHeight).observe(document.documentElement);
}
