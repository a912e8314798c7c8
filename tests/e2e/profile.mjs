// Where a cold load's main-thread time goes, by function: a CPU profile (Chrome DevTools Protocol,
// sampling every 0.1 ms) of three cold loads of the demo page with the CPU slowed 4×, from navigation to
// the first checklist checkbox, summed by function (self time, averaged). Prints figures only.
//
//   cp -r dist /tmp/named
//   RECIPROCITY_WASM_NAMES=1 node scripts/split-wasm.mjs /tmp/named   (a wasm whose functions have names)
//   node scripts/minify.mjs /tmp/named          (the glue again as the loader calls it: without, no onStop)
//   node tests/e2e/profile.mjs /tmp/named       (or [dist]: the shipped build, names minified)
//
// "(program)" is the browser's own work (parsing, style, layout, compiling); the rest is JavaScript and
// WebAssembly by function.

import { startServer } from './server.mjs';
import { launchBrowser } from './harness.mjs';
import { announced, watchFor } from './watch.mjs';
const server = await startServer(process.argv[2] ?? 'dist');
const browser = await launchBrowser();
const self = new Map();
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext();
  await context.addInitScript(watchFor, '.rw-check input');
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  // Not asked anything until the checkbox is there (see watch.mjs).
  const seen = announced(page, 'seen');
  await page.goto(server.url, { waitUntil: 'commit' });
  await seen;
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000 / 3);
  });
  await context.close();
}
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(v.toFixed(1).padStart(8), k.slice(0, 170));
await browser.close(); await server.close();
