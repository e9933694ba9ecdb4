// The page's speed in headless Chromium, for a 10,000-word article and a
// 1 MB text (both generated: tests/e2e/generated-text.mjs). Builds nothing:
// it serves the dist/ that scripts/build made (with target/release/serve,
// or $SERVE) and prints a markdown table of what the page measured:
//
//   analysis (worker)   the wasm analysis in the worker ('analysis' measure)
//   round trip          request posted to reply received ('analysis-roundtrip')
//   reply decode        reading the worker's reply on the page ('analysis-decode')
//   annotate→painted    Annotate pressed to the first frame with the marks drawn
//   painted after reply annotate→painted less the round trip: the page's own part
//   annotate→complete   to the first frame with the side list and strip drawn too
//                       (they follow the marks a frame or two later)
//   longest task        the longest main-thread task from Annotate to complete
//                       (PerformanceObserver 'longtask': only tasks over 50 ms
//                       are reported, so "< 50" means none)
//
// then the wasm analysis of the 10,000-word text called on the main thread
// (median of several runs), as a check on the worker's figure, and the JS
// API's first annotate() of it in a fresh page, with and without warm-up;
// then the claims encoder (the language model, in its own worker): the
// example article from Annotate until every claim is encoder-scored on a
// freshly loaded page in a new browser profile (weights fetched and
// compiled included), a 40-sentence article once warm, and the 10,000-word
// article's scoring with the longest main-thread task meanwhile.
//
//   node scripts/bench-browser.mjs [RUNS]   (default 5 runs per size; medians)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, forgetSessionOnLoad, startServer, startBrowser } from '../tests/e2e/harness.mjs';
import { articleOfWords, articleOfBytes, generateArticle } from '../tests/e2e/generated-text.mjs';

const RUNS = Number(process.argv[2] ?? 5);
if (!existsSync(join(ROOT, 'dist', 'worker.js'))) {
  console.error('bench-browser: dist/ is missing or old; run scripts/build first');
  process.exit(1);
}
if (!process.env.SERVE && !existsSync(join(ROOT, 'target/release/serve'))) {
  process.env.SERVE = 'target/debug/serve';
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Pastes `text` into a fresh page, presses Annotate, reads the measures. */
/**
 * A new page of the app with nothing to reopen (a reopened article would be
 * measured in place of the pasted one), recording its long tasks in
 * `window.longTasks`.
 */
async function openMeasuredPage(context, url) {
  const page = await context.newPage();
  await forgetSessionOnLoad(page);
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) window.longTasks.push({ start: task.startTime, duration: task.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.getByRole('button', { name: 'Annotate' }).waitFor();
  return page;
}

/** Pastes `text` into the open page and presses Annotate; the page's clock then. */
async function pasteAndAnnotate(page, text) {
  // As a paste would, without typing a megabyte key by key.
  await page.getByRole('textbox', { name: 'Article text' }).evaluate((box, text) => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  const started = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Annotate' }).click();
  return started;
}

async function measureOnce(context, url, text) {
  const page = await openMeasuredPage(context, url);
  // Let the worker load its wasm, as it would while the reader pastes.
  await page.waitForTimeout(500);
  const started = await pasteAndAnnotate(page, text);
  await page.waitForFunction(() => performance.getEntriesByName('annotate→painted').length > 0, null, { timeout: 60_000 });
  // A build without the measure (an older one) is waited for a few seconds.
  await page.waitForFunction(() => performance.getEntriesByName('annotate→complete').length > 0, null, { timeout: 5_000 }).catch(() => {});
  const result = await page.evaluate((since) => {
    const last = (name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN;
    const tasks = window.longTasks.filter((t) => t.start + t.duration >= since);
    return {
      analysis: last('analysis'),
      roundTrip: last('analysis-roundtrip'),
      decode: last('analysis-decode'),
      painted: last('annotate→painted'),
      complete: last('annotate→complete'),
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
      marks: document.querySelectorAll('article mark').length,
      status: document.getElementById('status')?.textContent ?? '',
    };
  }, started);
  await page.close();
  return result;
}

/** The wasm analysis called on the page's main thread: median of `runs`. */
async function mainThreadAnalysis(context, url, text, runs) {
  const page = await context.newPage();
  await forgetSessionOnLoad(page);
  await page.goto(url);
  await page.getByRole('button', { name: 'Annotate' }).waitFor();
  const times = await page.evaluate(async ({ text, runs }) => {
    // The module boot.js loaded, already initialised.
    const wasm = await import('./article_annotator.js');
    wasm.analyse_for_worker(text, '');
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      wasm.analyse_for_worker(text, '');
      times.push(performance.now() - start);
    }
    return times;
  }, { text, runs });
  await page.close();
  return median(times);
}

/**
 * The JS API's first annotate() of `text` in a fresh page (median of
 * `runs`), right after init() without warm-up and after `await warmUp()`:
 * what an embedding page's first call costs with and without it.
 */
async function apiFirstCall(context, url, text, runs) {
  const firstCall = async (warm) => {
    const page = await context.newPage();
    // The example page without its own script, so no init() has run.
    await page.route(`${url}api/example.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.goto(`${url}api/example.html`);
    const ms = await page.evaluate(async ({ text, warm }) => {
      const api = await import('./annotator.js');
      await api.init(undefined, { warmUp: warm });
      if (warm) await api.warmUp();
      const start = performance.now();
      api.annotate(text);
      return performance.now() - start;
    }, { text, warm });
    await page.close();
    return ms;
  };
  const cold = [];
  const warmed = [];
  for (let i = 0; i < runs; i += 1) {
    cold.push(await firstCall(false));
    warmed.push(await firstCall(true));
  }
  return { cold: median(cold), warmed: median(warmed) };
}

/** Resolves when the article on show is `text` and the language model has
 * scored it: every claim mark says "encoder" and no progress line is left. */
async function encoderScored(page, text) {
  await page.waitForFunction((text) => {
    const claims = [...document.querySelectorAll('article mark[data-kind=claim]')];
    return document.querySelector('article.article')?.textContent === text
      && claims.length > 0 && claims.every((m) => m.dataset.model === 'encoder')
      && !document.getElementById('scoring');
  }, text, { timeout: 600_000, polling: 50 });
}

/**
 * The claims encoder in the page: `runs` fresh browser profiles each score
 * the example article (from Annotate, the weights fetched and compiled
 * included), then, warm, a 40-sentence article; the last profile then
 * scores the 10,000-word article. Milliseconds, medians.
 */
async function encoderFigures(url, example, forty, long, runs) {
  const fresh = [];
  const warm = [];
  let book = null;
  for (let i = 0; i < runs; i += 1) {
    const browser = await startBrowser();
    try {
      const page = await openMeasuredPage(browser.context, url);
      const scoredAfter = async (text) => {
        const started = await pasteAndAnnotate(page, text);
        await encoderScored(page, text);
        return (await page.evaluate(() => performance.now())) - started;
      };
      fresh.push(await scoredAfter(example));
      warm.push(await scoredAfter(forty));
      if (i === runs - 1) {
        const started = await pasteAndAnnotate(page, long);
        await encoderScored(page, long);
        book = await page.evaluate((since) => {
          // After the paint (the table above has its own longest task):
          // what the scoring and its updates cost the page.
          const complete = performance.getEntriesByName('annotate→complete').at(-1);
          const painted = complete ? complete.startTime + complete.duration : since;
          const tasks = window.longTasks.filter((t) => t.start >= painted);
          return {
            ms: performance.now() - since,
            longest: Math.max(0, ...tasks.map((t) => t.duration)),
            over100: tasks.filter((t) => t.duration > 100).length,
            announced: document.getElementById('announce')?.textContent ?? '',
          };
        }, started);
      }
    } finally {
      await browser.close();
    }
  }
  return { fresh: median(fresh), warm: median(warm), book };
}

const server = await startServer();
const browser = await startBrowser();
try {
  const sizes = [
    ['10,000 words', articleOfWords(10_000)],
    ['1 MB', articleOfBytes(1_000_000)],
  ];
  const rows = [];
  for (const [name, text] of sizes) {
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await measureOnce(browser.context, server.url, text));
    const of = (key) => median(runs.map((r) => r[key]));
    rows.push({
      name, text, analysis: of('analysis'), roundTrip: of('roundTrip'), decode: of('decode'), painted: of('painted'),
      afterReply: median(runs.map((r) => r.painted - r.roundTrip)), complete: of('complete'), longest: of('longest'),
      marks: runs[0].marks, status: runs[0].status,
    });
  }
  const direct = await mainThreadAnalysis(browser.context, server.url, sizes[0][1], 15);
  const api = await apiFirstCall(browser.context, server.url, sizes[0][1], RUNS);

  const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
  const longest = (value) => (value > 0 ? ms(value) : '< 50');
  console.log(`Browser figures: headless Chromium, ${RUNS} runs per size, medians (ms).\n`);
  console.log('| text | size | analysis (worker) | round trip | reply decode | annotate→painted | painted after reply | annotate→complete | longest main-thread task | marks in DOM | found |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const words = row.text.split(/\s+/).filter(Boolean).length;
    const size = `${(Buffer.byteLength(row.text) / 1024).toFixed(0)} KB, ${words} words`;
    console.log(`| ${row.name} | ${size} | ${ms(row.analysis)} | ${ms(row.roundTrip)} | ${ms(row.decode)} | ${ms(row.painted)} | ${ms(row.afterReply)} | ${ms(row.complete)} | ${longest(row.longest)} | ${row.marks} | ${row.status.replace(/^Found /, '').replace(/\.$/, '')} |`);
  }
  console.log(`\nWasm analysis of the 10,000-word text on the main thread (analyse_for_worker, median of 15): ${ms(direct)} ms`);
  console.log(`\nJS API, a fresh page's first annotate() of the 10,000-word text (median of ${RUNS}): ${ms(api.cold)} ms right after init() without warm-up, ${ms(api.warmed)} ms after its idle warm-up`);

  const example = readFileSync(join(ROOT, 'tests/fixtures/moscow-times-kursk.txt'), 'utf8');
  const sentences = (text) => (text.match(/[.!?][”"]?(\s|$)/g) ?? []).length;
  const forty = generateArticle((text) => sentences(text) >= 40, 21);
  const encoderRuns = Math.max(1, Math.min(RUNS, 3));
  const encoder = await encoderFigures(server.url, example, forty, sizes[0][1], encoderRuns);
  console.log(`\nClaims encoder in the page (medians of ${encoderRuns} fresh browser profiles; goals from #16 in brackets):`);
  console.log(`- the example article (${sentences(example)} sentences) all encoder-scored ${ms(encoder.fresh)} ms after the first Annotate on a freshly loaded page, weights fetched and compiled included [≤ 8000]`);
  console.log(`- a ${sentences(forty)}-sentence article, warm: ${ms(encoder.warm)} ms [≤ 3000]`);
  const book = encoder.book;
  console.log(`- the 10,000-word article: scored in ${ms(book.ms)} ms after Annotate (${book.announced.trim()}); longest main-thread task after the paint ${longest(book.longest)} ms, ${book.over100} over 100 ms [none]`);
} finally {
  await browser.close();
  server.stop();
}
