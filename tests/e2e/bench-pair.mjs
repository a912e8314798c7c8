// Two builds side by side, for a change's before and after on a noisy machine: cold loads of each
// build's demo page, alternating between the two (A, B, A, B, …) so that a slow moment of the machine
// falls on both alike, at CPU 1×, slowed 4×, and slowed 4× on Lighthouse's slow 4G network (where the
// bytes show: on localhost they hardly do). Prints medians, no pass/fail.
//
//   node tests/e2e/bench-pair.mjs <dist A> <dist B>    (e.g. a build of main against this change's)
//   BENCH_RUNS=25 node tests/e2e/bench-pair.mjs …      more loads per build and condition (default 15)
//
// What is measured is the benchmark's first row (tests/e2e/bench.mjs): navigation start → the first
// checklist checkbox in the widget's shadow root, and the longest task before it.

import path from 'node:path';
import { startServer } from './server.mjs';
import { launchBrowser } from './harness.mjs';
import { SLOW_4G, coldLoad } from './watch.mjs';

const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? '15', 10) || 15);
const dists = process.argv.slice(2, 4).map((d) => path.resolve(d));
if (dists.length !== 2) throw new Error('bench-pair.mjs: give two built folders (dist A, dist B)');

/** The conditions each build is loaded in. */
const CONDITIONS = [
  { name: 'CPU 1×', cpu: 1 },
  { name: 'CPU 4×', cpu: 4 },
  { name: 'CPU 4× on slow 4G', cpu: 4, network: SLOW_4G },
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const servers = await Promise.all(dists.map((dist) => startServer(dist)));
const browser = await launchBrowser();
try {
  const results = CONDITIONS.map(() => [[], []]);
  for (let run = 0; run < RUNS; run++) {
    for (const [c, condition] of CONDITIONS.entries()) {
      // Alternate which build goes first, too.
      const order = run % 2 ? [1, 0] : [0, 1];
      for (const which of order) {
        const { seen, longTasks } = await coldLoad(browser, servers[which].url, '.rw-check input', [], condition);
        results[c][which].push({ seen, longest: Math.max(0, ...longTasks) });
      }
    }
  }
  console.log(`Navigation start → first checklist checkbox, ${RUNS} cold loads of each, alternating (median; longest task before it)`);
  for (const [which, dist] of dists.entries()) {
    const row = CONDITIONS.map(({ name }, c) => {
      const loads = results[c][which];
      const seen = median(loads.map((l) => l.seen)).toFixed(1);
      const longest = median(loads.map((l) => l.longest)).toFixed(0);
      const over50 = loads.filter((l) => l.longest > 50).length;
      return `${name}: ${seen} ms (longest task ${longest} ms; over 50 ms in ${over50} of ${loads.length})`;
    });
    console.log(`${'AB'[which]} ${dist}\n    ${row.join('\n    ')}`);
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
}
