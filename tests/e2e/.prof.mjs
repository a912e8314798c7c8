import { startServer } from './server.mjs';
import { launchBrowser } from './harness.mjs';
const dist = process.argv[2];
const server = await startServer(dist);
const browser = await launchBrowser();
const totals = new Map();
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.wasm,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(server.url);
  await page.locator('reciprocity-widget input[type=checkbox]').first().waitFor();
  const t = await page.evaluate(() => performance.now());
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  // main thread: the renderer's CrRendererMain
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => e.ph === 'X' && main && e.tid === main.tid && e.pid === main.pid);
  // top-level tasks' children: sum durations by name at depth 1 (approx: sum all X events by name)
  if (run === 0) {
    const t0 = Math.min(...mine.map((e) => e.ts));
    for (const e of mine.filter((e) => ['Layout', 'EventDispatch', 'UpdateLayoutTree', 'EvaluateScript', 'v8.callFunction', 'FunctionCall', 'wasm.CompileLazy','TimerFire','Paint'].includes(e.name) && e.dur > 2000))
      console.log(((e.ts - t0) / 1000).toFixed(1).padStart(8), (e.dur / 1000).toFixed(1).padStart(7), e.name, JSON.stringify(e.args?.data ?? e.args ?? {}).slice(0, 160));
  }
  for (const e of mine) totals.set(e.name, (totals.get(e.name) ?? 0) + (e.dur ?? 0) / 1000 / 3);
  console.log('run', run, 'checkbox at', t.toFixed(1));
  await context.close();
}
for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(8), k);
await browser.close(); await server.close();
