// End-to-end: the JS API a web developer embeds (dist/api/), its example
// page, and the single-file build opened from file:// (the offline reload of
// the installable app is in page.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ARTICLE, EXPECTED, ROOT, annotate, markGroups, openPage, screenshot, sliceCodePoints,
  servedPageAndBrowser,
} from './harness.mjs';

const live = servedPageAndBrowser();

/** Opens a page that is not the app, recording requests that leave `origin`. */
async function openRecorded(url, origin) {
  const page = await live.context.newPage();
  const foreign = [];
  const errors = [];
  page.on('request', (request) => {
    const target = request.url();
    // data: and blob: URLs (the single file's worker) never leave the machine.
    if (!/^(data|blob):/.test(target) && !target.startsWith(origin)) foreign.push(target);
  });
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  return { page, foreign, errors };
}

test('the JS API returns what the CLI returns with --fast on the example article', async () => {
  // annotate() is synchronous and scores claims with the lexical model, as
  // the CLI does with --fast (by default the CLI uses the encoder).
  const cli = resolve(ROOT, process.env.ANNOTATE ?? 'target/debug/annotate');
  const fromCli = JSON.parse(
    execFileSync(cli, ['--fast', join(ROOT, 'tests/fixtures/moscow-times-kursk.txt')], { encoding: 'utf8' }),
  ).annotations;
  const { page, foreign, errors } = await openRecorded(`${live.url}api/example.html`, live.url);
  const fromApi = await page.evaluate(async (text) => {
    const api = await import('./annotator.js');
    await api.init();
    return api.annotate(text);
  }, ARTICLE);
  assert.ok(fromCli.length >= 8, `the CLI found ${fromCli.length} annotations`);
  assert.equal(fromApi.length, fromCli.length);
  fromApi.forEach((a, i) => {
    const c = fromCli[i];
    assert.deepEqual(
      [a.kind, a.start, a.end, a.reasons, a.speaker?.text, a.speaker?.start, a.speaker?.end],
      [c.kind, c.start, c.end, c.reasons, c.speaker?.text, c.speaker?.start, c.speaker?.end],
    );
    assert.ok(Math.abs(a.score - c.score) < 1e-6, `score ${a.score} vs ${c.score}`);
    // UTF-16 offsets slice the same text the code points name.
    assert.equal(ARTICLE.slice(a.start16, a.end16), sliceCodePoints(ARTICLE, a.start, a.end));
  });
  const w3c = await page.evaluate(async (text) => {
    const api = await import('./annotator.js');
    return api.toWebAnnotations(text, api.annotate(text));
  }, ARTICLE);
  assert.equal(w3c.type, 'AnnotationCollection');
  assert.equal(w3c.total, fromCli.length);
  assert.equal(w3c.first.items[0].target.selector[1].type, 'TextPositionSelector');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('annotateWithModel scores claims with the language model as the CLI does by default; calls take turns', async () => {
  // The CLI's default scores claims with the same encoder natively; the
  // browser's wasm may differ in the last float bits only.
  const cli = resolve(ROOT, process.env.ANNOTATE ?? 'target/debug/annotate');
  const fromCli = JSON.parse(
    execFileSync(cli, [join(ROOT, 'tests/fixtures/moscow-times-kursk.txt')], { encoding: 'utf8' }),
  ).annotations;
  const { page, foreign, errors } = await openRecorded(`${live.url}api/example.html`, live.url);
  const got = await page.evaluate(async (text) => {
    const api = await import('./annotator.js');
    await api.init();
    let badOptions = null;
    try {
      await api.annotateWithModel(text, { threshold: 2 });
    } catch (error) {
      badOptions = error.message;
    }
    const modelAsked = performance.getEntriesByType('resource').some((r) => r.name.includes('claims-encoder'));
    const progress = [];
    // Two calls at once: the worker drops an older request for a newer
    // one, so the API must queue them; both resolve.
    const [whole, part] = await Promise.all([
      api.annotateWithModel(text, { onProgress: (p) => progress.push(p) }),
      api.annotateWithModel(text.slice(0, 600)),
    ]);
    return { whole, part, progress, badOptions, modelAsked, lexical: api.annotate(text) };
  }, ARTICLE);
  assert.match(got.badOptions ?? '', /threshold must be a number in \[0, 1\]/);
  assert.equal(got.modelAsked, false, 'bad options fail before the model loads');
  assert.ok(got.progress.length > 0, 'progress reported');
  const last = got.progress.at(-1);
  assert.equal(last.done, last.total);
  assert.ok(got.part.length > 0 && got.part.every((a) => a.end <= 600), 'the second call resolved with its own text');

  assert.equal(got.whole.length, fromCli.length, 'as many annotations as the CLI');
  got.whole.forEach((a, i) => {
    const c = fromCli[i];
    assert.deepEqual([a.kind, a.start, a.end], [c.kind, c.start, c.end]);
    assert.ok(Math.abs(a.score - c.score) < 1e-3, `${a.kind} ${a.start}..${a.end}: score ${a.score} vs the CLI's ${c.score}`);
  });
  const claims = got.whole.filter((a) => a.kind === 'claim');
  assert.ok(claims.length > 0);
  assert.ok(claims.every((c) => c.reasons.some((r) => /language model/.test(r))), JSON.stringify(claims[0].reasons));
  const lexicalClaims = got.lexical.filter((a) => a.kind === 'claim');
  assert.notDeepEqual(claims.map((c) => c.score), lexicalClaims.map((c) => c.score), 'the model changed the scores');
  for (const must of EXPECTED.claims.must) {
    assert.ok(claims.some((c) => c.start === must.span[0] && c.end === must.span[1]), `a claim over ${must.span}`);
  }
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the JS API warms its code up while the page is idle, and stops at the first real call', async () => {
  /** The example page with its own script emptied, so no init() has run. */
  const bare = async () => {
    const opened = await live.context.newPage();
    await opened.route(`${live.url}api/example.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await opened.goto(`${live.url}api/example.html`);
    return opened;
  };
  const errors = [];
  const idle = await bare();
  idle.on('pageerror', (error) => errors.push(String(error)));
  const { rounds, before, after } = await idle.evaluate(async (text) => {
    const api = await import('./annotator.js');
    await api.init(undefined, { warmUp: false });
    const wasm = await import('./article_annotator.js');
    // What the annotator finds, analysed directly before any warm-up.
    const before = wasm.annotate(text, undefined);
    const rounds = await api.warmUp();
    return { rounds, before, after: api.annotate(text) };
  }, ARTICLE);
  assert.ok(rounds >= 2, `an idle page ran ${rounds} warm-up rounds`);
  assert.deepEqual(after, before, 'warming up changes nothing that is found');

  const busy = await bare();
  busy.on('pageerror', (error) => errors.push(String(error)));
  const { roundsAfterCall, again } = await busy.evaluate(async (text) => {
    const api = await import('./annotator.js');
    await api.init();
    api.annotate(text);
    const roundsAfterCall = await api.warmUp();
    return { roundsAfterCall, again: await api.warmUp() };
  }, ARTICLE);
  assert.equal(roundsAfterCall, 0, 'a call right after init() stops the warm-up before its first round');
  assert.equal(again, 0, 'warmUp() again returns the same outcome, it does not start over');
  assert.deepEqual(errors, []);
  await idle.close();
  await busy.close();
});

test('the example page highlights across inline markup and unhighlight restores the DOM exactly', async () => {
  const { page, foreign, errors } = await openRecorded(`${live.url}api/example.html`, live.url);
  const button = page.getByRole('button', { name: /Highlight claims/ });
  await button.waitFor();
  await page.waitForFunction(() => !document.getElementById('highlight').disabled);
  const before = await page.evaluate(() => {
    window.keptNode = document.querySelector('#story strong').firstChild;
    window.pristine = document.getElementById('story').cloneNode(true);
    return document.getElementById('story').innerHTML;
  });

  await button.click();
  const kinds = await page.$$eval('#story mark', (marks) => [...new Set(marks.map((m) => m.dataset.kind))].sort());
  assert.deepEqual(kinds, ['boilerplate', 'claim', 'quote']);
  // A claim runs through the <strong> of its sentence: marks inside and outside it.
  const claimAroundStrong = await page.evaluate(() => {
    const strong = document.querySelector('#story strong');
    const inside = strong.querySelector('mark[data-kind=claim]');
    const outside = strong.parentElement.querySelector(':scope > mark[data-kind=claim]');
    return Boolean(inside && outside && inside.dataset.annotation === outside.dataset.annotation);
  });
  assert.ok(claimAroundStrong, 'one claim is marked on both sides of inline markup');
  // The quote inside a claim sentence is the inner mark, so both stay visible.
  const nested = await page.$$eval('#story mark[data-kind=quote]', (marks) =>
    marks.some((m) => m.parentElement.closest('mark')?.dataset.kind === 'claim'));
  assert.ok(nested, 'a quote mark nests inside its claim sentence');
  const quoteSpeaker = await page.$eval('#story mark[data-kind=quote]', (m) => m.title);
  assert.match(quoteSpeaker, /Amira Hassan/);
  assert.match(await page.locator('#status').textContent(), /\d+ claims, \d+ quotes, \d+ boilerplate/);
  await screenshot(page, 'example-highlighted');

  await page.getByRole('button', { name: 'Remove highlights' }).click();
  const restored = await page.evaluate(() => ({
    html: document.getElementById('story').innerHTML,
    equal: document.getElementById('story').isEqualNode(window.pristine),
    sameTextNode: window.keptNode.isConnected,
    marks: document.querySelectorAll('#story mark').length,
  }));
  assert.equal(restored.marks, 0);
  assert.equal(restored.html, before);
  assert.ok(restored.equal, 'the DOM equals its copy from before highlighting');
  assert.ok(restored.sameTextNode, 'original text nodes are kept, not replaced');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await page.close();
});

/**
 * Runs `check` on dist/`name` copied alone into a new folder and opened from
 * file://, recording requests that leave it.
 */
async function withSingleFile(name, check) {
  const dir = mkdtempSync(join(tmpdir(), 'annotator-single-'));
  try {
    const file = join(dir, name);
    copyFileSync(join(ROOT, 'dist', name), file);
    const url = pathToFileURL(file).href;
    const opened = await openRecorded(url, url);
    await opened.page.getByRole('button', { name: 'Annotate' }).waitFor();
    await check(opened);
    await opened.page.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the single file works from file:// with nothing else beside it', async () => {
  await withSingleFile('annotator.html', async ({ page, foreign, errors }) => {
    await annotate(page, ARTICLE);
    const groups = await markGroups(page);
    for (const kind of ['claim', 'quote', 'boilerplate']) {
      assert.ok(groups.some((g) => g.kind === kind), `a ${kind} mark in the single file`);
    }
    const block = EXPECTED.boilerplate.must[0].span;
    assert.ok(groups.some((g) => g.kind === 'boilerplate' && g.text === sliceCodePoints(ARTICLE, ...block)));
    // Analysed in its worker (a classic one: Chromium starts no module
    // worker from a blob: URL on a file:// page), not on the page's thread:
    // only a reply from the worker records a round trip.
    assert.ok(await page.evaluate(() => performance.getEntriesByName('analysis-roundtrip').length) > 0, 'the worker answered');
    // The small file keeps the quick scores: it has no model to offer.
    assert.equal(await page.evaluate(() => typeof window.annotatorEncoder), 'undefined');
    assert.ok((await page.$$eval('article mark[data-kind=claim]', (m) => m.map((x) => x.dataset.model)))
      .every((model) => model === 'lexical'));
    assert.deepEqual(foreign, [], 'the single file requested nothing');
    assert.deepEqual(errors, []);
  });
});

test('the single file with the model rescores the claims with it from file://, with nothing beside it', async () => {
  await withSingleFile('annotator-with-model.html', async ({ page, foreign, errors }) => {
    await annotate(page, ARTICLE);
    // Generous: the worker unpacks 23 MB of weights and compiles the
    // encoder first, on a machine other jobs share.
    await page.waitForFunction(() => {
      const claims = [...document.querySelectorAll('article mark[data-kind=claim]')];
      return claims.length > 0 && claims.every((m) => m.dataset.model === 'encoder') && !document.getElementById('scoring');
    }, null, { timeout: 180_000, polling: 100 });
    assert.equal(await page.locator('#model-problem').count(), 0, 'no note');
    assert.ok(await page.evaluate(() => performance.getEntriesByName('analysis-roundtrip').length) > 0, 'the analysis worker answered');
    const claims = (await markGroups(page)).filter((g) => g.kind === 'claim');
    for (const must of EXPECTED.claims.must) {
      assert.ok(claims.some((c) => c.start === must.span[0] && c.end === must.span[1]), `a claim over ${must.span}`);
    }
    assert.deepEqual(foreign, [], 'the single file requested nothing');
    assert.deepEqual(errors, []);
  });
});
