// A sampled CPU profile of what a page does between `start` and `stop`, through the Chrome DevTools Protocol, and
// its functions ranked by self time. Function names need a wasm that keeps its name section; see docs/BENCH.md.
import { writeFileSync } from 'node:fs';

/** Starts sampling `page` every 100 µs; `stop(path)` writes the .cpuprofile (for DevTools) and returns the ranking. */
export async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async (path, top = 25) => {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(path, JSON.stringify(profile));
    return selfTimes(profile, top);
  };
}

/** Self time per function name in ms, largest first, with its share of the sampled time that was not idle. */
export function selfTimes(profile, top) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const f = byId.get(profile.samples[i]).callFrame;
    const name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`;
    ms.set(name, (ms.get(name) ?? 0) + profile.timeDeltas[i] / 1000);
  }
  const busy = [...ms].filter(([n]) => n !== '(idle)' && n !== '(program)').reduce((a, [, t]) => a + t, 0);
  return [...ms]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => ({ name, self_ms: Number(t.toFixed(1)), share_of_busy: Number((t / busy).toFixed(3)) }));
}
