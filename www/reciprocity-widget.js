// <reciprocity-widget>: the one file a clinic's page loads.
//
//   <script type="module" src="/reciprocity/reciprocity-widget.js"></script>
//   <reciprocity-widget lang="en" namespace="clinic-main"></reciprocity-widget>
//
// Everything it needs (reciprocity-core.js, reciprocity-core_bg.wasm, reciprocity-widget.css, the words
// of the widget's language in text/<lang>.json, and what comes when first used: the other parts of the
// wasm, reciprocity-parts.css and text/<lang>.parts.json for the sections, learn/<lang>.json for "Learn
// more") is found next to this file, whatever folder it is served from. It defines the custom element
// and nothing else: no global names, no inline styles, no eval, no network request but those files.
//
// The widget itself (attribute checks, storage, rendering, events) is Rust compiled to WebAssembly; this
// file only attaches a shadow root, loads the stylesheet into it and hands over. Until the WebAssembly
// has started, the element's own children (the clinic's fallback content) stay visible; if it cannot
// start (a Content-Security-Policy without 'wasm-unsafe-eval', a very old browser), they stay for good.
//
// Each widget on a page runs in a WebAssembly instance of its own (the module is fetched and compiled
// once): if one widget's code stops, this file shows a short message in its own box (in the words the
// widget gave when it started, since nothing of a stopped instance can run) and the others keep
// working.

const TAG = 'reciprocity-widget';
const here = import.meta.url;

// Everything the first screen needs is requested at once, as soon as this file runs, instead of one
// after the other (this file, then the glue, then the WebAssembly, then the stylesheet):
// - the stylesheet, through a preload the widgets' own <link> then takes (the preload goes once used);
const styleUrl = new URL('./reciprocity-widget.css', here).href;
const partsStyleUrl = new URL('./reciprocity-parts.css', here).href;
const preload = document.createElement('link');
preload.rel = 'preload';
preload.as = 'style';
preload.href = styleUrl;
document.head.append(preload);
// - the glue (imported here rather than statically, which would hold everything else back);
const firstGlue = import('./reciprocity-core.js');
// - the loader of the wasm's other parts, which the glue imports: requested now rather than once the
//   glue has arrived (it fetches no part until a visitor opens one; see scripts/split-wasm.mjs), but
//   for a widget whose saved progress the browser holds, what reads it back (see below);
const partsLoader = import('./__wasm_split.js');
partsLoader.catch(() => {});
// - the WebAssembly, fetched and compiled once per page.
const wasmUrl = new URL('./reciprocity-core_bg.wasm', here);
const compiled = WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() =>
  // A server that does not send `application/wasm` makes streaming compilation refuse: compile the
  // bytes instead.
  fetch(wasmUrl)
    .then((response) => response.arrayBuffer())
    .then((bytes) => WebAssembly.compile(bytes)),
);

// - the words, one file per language, only for the languages of the widgets on the page (a module
//   script runs once the page is parsed, so its widgets are there to ask). The languages with words,
//   kept in step with content/*.json by a native test:
const LANGUAGES = ['en', 'fr', 'hi', 'ar'];
const words = new Map();
/** The language whose words a widget gets: its `lang` ("fr-CA" finds "fr"), or English. */
function languageOf(element) {
  const primary = (element.getAttribute('lang') ?? '').split('-')[0].toLowerCase();
  return LANGUAGES.includes(primary) ? primary : 'en';
}
function wordsIn(lang) {
  if (!words.has(lang)) {
    const url = new URL(`./text/${lang}.json`, here);
    words.set(
      lang,
      fetch(url).then((response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        return response.json();
      }),
    );
  }
  return words.get(lang);
}
const onThePage = [...document.querySelectorAll(TAG)];
for (const element of onThePage) wordsIn(languageOf(element)).catch(() => {});

// - the reader of saved progress, a part of the wasm (src/core/reader.rs), when the browser holds a
//   widget's progress: its first screen waits for it (src/components/root.rs), so it is fetched now,
//   alongside the first screen's wasm, not after it. A first visit fetches nothing more. The key as the
//   widget makes it (src/core/persistence.rs; a namespace it would refuse falls back to the default).
function holdsProgress(element) {
  if ((element.getAttribute('storage') ?? '').toLowerCase() === 'none') return false;
  const namespace = element.getAttribute('namespace') ?? '';
  const key = `reciprocity-widget/v1/${/^[A-Za-z0-9_-]{1,64}$/.test(namespace) ? namespace : 'default'}`;
  try {
    return localStorage.getItem(key) !== null || sessionStorage.getItem(key) !== null;
  } catch {
    return false; // Storage blocked: nothing saved to read.
  }
}
if (onThePage.some(holdsProgress)) {
  partsLoader.then((parts) => parts.fetchReaderEarly()).catch(() => {});
}

// Started once per page: the first widget's instance, with the glue it came with.
let ready = null;
function start() {
  // `initSync`: the module is compiled already, so instantiating it is quick, and the glue keeps no
  // code for fetching and compiling it (scripts/minify.mjs leaves out what the loader does not call).
  ready ??= Promise.all([firstGlue, compiled]).then(([glue, module]) => {
    glue.initSync({ module });
    return glue;
  });
  return ready;
}

// The glue (and so the WebAssembly instance) for the nth widget on the page. The first uses the glue
// imported above; each later one imports the glue again under its own URL, which gives it a module
// (and an instance of the compiled WebAssembly) of its own.
let widgets = 0;
async function instanceFor() {
  const first = await start();
  widgets += 1;
  if (widgets === 1) return first;
  const glue = await import(new URL(`./reciprocity-core.js?widget=${widgets}`, here).href);
  glue.initSync({ module: await compiled });
  return glue;
}

// Printing from the plan's "Print or save as PDF": the widget marks its element with PRINTING and opens
// the print window. The clinic's page would print around it, so the first mark installs, once, a
// page-level stylesheet whose print rules show only the marked widget (and the elements it sits in,
// flattened so that nothing of the page's layout crops it). A constructed stylesheet, because a strict
// Content-Security-Policy allows it where it refuses an injected <style>. The mark goes after printing.
const PRINTING = 'data-rw-printing';
let printRules = false;
function printOnlyTheWidget() {
  if (printRules) return;
  printRules = true;
  const sheet = new CSSStyleSheet();
  const mark = `[${PRINTING}]`;
  const reset = 'display:block;position:static;overflow:visible;height:auto;min-height:0;max-height:none;margin:0;padding:0;border:0;background:none'
    .split(';')
    .map((rule) => `${rule}!important`)
    .join(';');
  sheet.replaceSync(
    `@media print{@page{margin:14mm}body:has(${mark}) :not(:has(${mark}),${mark}){display:none!important}` +
      `:has(${mark}),${mark}{${reset}}}`,
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  addEventListener('afterprint', () => {
    for (const element of document.querySelectorAll(mark)) element.removeAttribute(PRINTING);
  });
}

/** A stylesheet's `<link>`, for a shadow root, and a promise of whether it loaded. */
function stylesheet(href) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', () => resolve(true), { once: true });
    link.addEventListener('error', () => resolve(false), { once: true });
  });
  return [link, loaded];
}

function attributePairs(element) {
  return Array.from(element.attributes, (a) => [a.name, a.value]);
}

// Start before the class is defined: `observedAttributes` comes from Rust, and must be known when the
// element is defined.
start().then(
  (glue) => {
    const observed = glue.observedAttributes();

    class ReciprocityWidget extends HTMLElement {
      static get observedAttributes() {
        return [...observed, PRINTING];
      }

      #handle = null;
      #mount = null;
      #styled = null;
      #partsStyled = null;
      #glue = null;
      #crashWords = null;
      #stopped = false;

      connectedCallback() {
        this.#render();
      }

      disconnectedCallback() {
        if (!this.#stopped) this.#handle?.destroy();
        this.#handle = null;
      }

      attributeChangedCallback(name, before, after) {
        if (name === PRINTING) {
          if (after !== null) printOnlyTheWidget();
          return;
        }
        // Settings are read once per mount; a change mounts afresh (progress lives in storage).
        if (before !== after && this.#handle) this.#render();
      }

      // This widget's instance has stopped: its box says so calmly, with a link that reloads the page,
      // instead of going blank. Saved progress is untouched (it lives in storage).
      #stop(error) {
        if (this.#stopped) return;
        this.#stopped = true;
        // For the clinic's developer.
        console.error(`${TAG} stopped: ${error}`);
        if (!this.#crashWords) {
          // It stopped before it could say anything: the clinic's fallback content, if any, instead.
          this.#mount.replaceChildren(document.createElement('slot'));
          return;
        }
        const [lang, dir, message, reload] = this.#crashWords;
        const box = document.createElement('div');
        box.className = 'rw-widget rw-crash';
        box.setAttribute('role', 'alert');
        box.lang = lang;
        box.dir = dir;
        const text = document.createElement('p');
        text.textContent = message;
        const link = document.createElement('a');
        link.className = 'rw-button';
        link.href = location.href;
        link.textContent = reload;
        const line = document.createElement('p');
        line.append(link);
        box.append(text, line);
        this.#mount.replaceChildren(box);
      }

      // The sections' own stylesheet, beside the widget's box, when one of them first opens (see
      // src/web/part_styles.rs): a promise of whether it loaded. The sections wait for it, so after a
      // failure (offline) it is taken out, and the next call tries afresh.
      #styleParts() {
        this.#partsStyled ??= (() => {
          const [link, loaded] = stylesheet(partsStyleUrl);
          this.shadowRoot.append(link);
          return loaded.then((ok) => {
            if (!ok) {
              link.remove();
              this.#partsStyled = null;
              console.error(`${TAG}: could not load ${partsStyleUrl}`);
            }
            return ok;
          });
        })();
        return this.#partsStyled;
      }

      async #render() {
        if (!this.shadowRoot) {
          const shadow = this.attachShadow({ mode: 'open' });
          const [link, loaded] = stylesheet(styleUrl);
          // Mount once the styles are in, so the theme check reads real colours and nothing flashes
          // unstyled. A stylesheet that fails to load still lets the widget work.
          this.#styled = loaded.then(() => preload.remove());
          this.#mount = document.createElement('div');
          shadow.append(link, this.#mount);
          this.#glue = instanceFor().then((glue) => {
            glue.onStop((error) => this.#stop(error));
            return glue;
          });
        }
        let glue, text;
        try {
          [glue, text] = await Promise.all([this.#glue, wordsIn(languageOf(this)), this.#styled]);
        } catch (error) {
          // Without its words the widget has nothing to say: the clinic's fallback content instead.
          console.error(`${TAG}: could not load its words, so the content inside <${TAG}> is shown instead. Cause: ${error}`);
          this.#mount.replaceChildren(document.createElement('slot'));
          return;
        }
        if (!this.isConnected || this.#stopped) return;
        this.#handle?.destroy();
        this.#handle = null;
        this.#mount.replaceChildren();
        try {
          // `here`: the widget finds the files it fetches later (learn/<lang>.json) next to this one.
          this.#handle = glue.mountWidget(
            this,
            this.#mount,
            attributePairs(this),
            here,
            text,
            (words) => {
              // The crash message's words, again whenever the widget changes language.
              this.#crashWords = words;
            },
            () => this.#styleParts(),
          );
        } catch (error) {
          // Words from another version of the widget (a stale cache), say; a stop is shown by #stop.
          if (!this.#stopped) {
            console.error(`${TAG}: ${error}`);
            this.#mount.replaceChildren(document.createElement('slot'));
          }
          return;
        }
        this.#crashWords ??= this.#handle.crashWords();
      }
    }

    if (!customElements.get(TAG)) customElements.define(TAG, ReciprocityWidget);
  },
  (error) => {
    preload.remove();
    console.error(
      `${TAG}: could not start its WebAssembly, so the content inside <${TAG}> is shown instead. ` +
        `If this page sends a Content-Security-Policy, add 'wasm-unsafe-eval' to its script-src ` +
        `(for example: script-src 'self' 'wasm-unsafe-eval'). Cause: ${error}`,
    );
  },
);
