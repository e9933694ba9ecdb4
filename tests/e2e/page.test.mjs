// End-to-end: the built page in headless Chromium, used as a reader would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ARTICLE, EXPECTED, KINDS, annotate, legendCount, markGroups, openPage, screenshot,
  sliceCodePoints, servedPageAndBrowser,
} from './harness.mjs';

const live = servedPageAndBrowser();

test('the page loads under its CSP, from its own origin only, without errors', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  assert.equal(await page.locator('#fatal').isHidden(), true, 'no error banner');
  await assert.doesNotReject(page.getByRole('textbox', { name: 'Article text' }).waitFor());
  assertClean();
  await page.close();
});

test('the example article gets every expected mark, with legend counts to match', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  await annotate(page, ARTICLE);
  const groups = await markGroups(page);
  await screenshot(page, 'example-light');

  for (const kind of KINDS) {
    const marks = groups.filter((g) => g.kind === kind);
    assert.equal(await legendCount(page, kind), marks.length, `legend count of ${kind}s`);
    for (const mark of marks) {
      assert.equal(mark.text, sliceCodePoints(ARTICLE, mark.start, mark.end), `text of ${kind} ${mark.start}..${mark.end}`);
    }
  }
  const status = await page.locator('#status').textContent();
  assert.match(status, /^Found \d+ claims?, \d+ quotes? and \d+ boilerplate blocks?\.$/);

  const expectations = [
    ['boilerplate', EXPECTED.boilerplate.must],
    ['quote', EXPECTED.quotes.must],
    ['claim', EXPECTED.claims.must],
  ];
  for (const [kind, musts] of expectations) {
    for (const must of musts) {
      const [start, end] = must.span;
      const found = groups.find((g) => g.kind === kind && g.start === start && g.end === end);
      assert.ok(found, `a ${kind} mark over ${start}..${end}: ${sliceCodePoints(ARTICLE, start, end).slice(0, 60)}`);
      assert.equal(found.text, sliceCodePoints(ARTICLE, start, end));
    }
  }

  // Hovering and focusing a quote shows who said it. The language model's
  // scores redraw the marks as they arrive, which closes an open tooltip:
  // the checks start once scoring has ended.
  await page.waitForFunction(() => !document.getElementById('scoring'), null, { timeout: 60_000 });
  for (const must of EXPECTED.quotes.must) {
    const [start, end] = must.span;
    const mark = page.locator(`mark[data-kind=quote][data-first][data-start="${start}"][data-end="${end}"]`);
    await mark.hover();
    await assert.doesNotReject(page.getByRole('tooltip').waitFor());
    assert.equal(await page.locator('#mark-tooltip .speaker-name').textContent(), must.speaker);
    await page.mouse.move(0, 0);
    await mark.focus();
    assert.equal(await page.locator('#mark-tooltip .speaker-name').textContent(), must.speaker);
  }
  assertClean();
  await page.close();
});

test('Ctrl+Enter in the text box annotates too', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  // Nothing open (a reload would reopen the last test's article).
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const box = page.getByRole('textbox', { name: 'Article text' });
  await box.waitFor();
  await box.fill(ARTICLE);
  assert.equal(await page.locator('article.article').count(), 0);
  await box.press('Control+Enter');
  await page.locator('article.article').waitFor();
  assert.match(await page.locator('#status').textContent(), /^Found /);
  assert.equal(await page.locator('article.article').textContent(), ARTICLE.replace(/\r\n?/g, '\n'));
  assertClean();
  await page.close();
});

test('the threshold re-filters claims and every claim shows its score', async () => {
  // The expected count comes from the wasm's lexical scores.
  const { page, assertClean } = await openPage(live.context, live.url, { lexical: true });
  await annotate(page, ARTICLE);
  const slider = page.getByRole('slider', { name: /Claim threshold/ });
  assert.equal(Number(await slider.inputValue()), 0.5, 'the default threshold');

  // At 0 every sentence outside boilerplate is a claim, whatever its score.
  await slider.fill('0');
  const all = await page.locator('article mark[data-kind=claim][data-first]').count();
  assert.ok(all > 0, 'at threshold 0 sentences are shown as claims');
  assert.equal(await legendCount(page, 'claim'), all);
  const scores = await page.$$eval('article mark[data-kind=claim][data-first]', (ms) => ms.map((m) => m.dataset.score));
  for (const score of scores) assert.match(score, /^[01]\.\d\d$/, 'a score on each claim');

  // Displayed scores are rounded ("1.00" may be 0.996), so the expected
  // count comes from the same wasm's exact scores.
  await slider.fill('0.8');
  const strict = await page.locator('article mark[data-kind=claim][data-first]').count();
  assert.equal(await legendCount(page, 'claim'), strict);
  const expected = await page.evaluate(async (text) => {
    const wasm = await import('./article_annotator.js');
    return wasm.annotate(text, { threshold: 0.8 }).filter((a) => a.kind === 'claim').length;
  }, ARTICLE);
  assert.ok(expected < all, 'a stricter threshold shows fewer claims');
  assert.equal(strict, expected, 'only claims scoring at least the threshold stay');
  assert.equal(await page.locator('.threshold-value').textContent(), '0.80');
  assertClean();
  await page.close();
});

test('each legend toggle hides and shows its kind', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  await annotate(page, ARTICLE);
  await page.getByRole('slider', { name: /Claim threshold/ }).fill('0');
  for (const kind of KINDS) {
    const toggle = page.locator(`.legend button[data-kind=${kind}]`);
    const marks = page.locator(`article mark[data-kind=${kind}]`);
    const before = await marks.count();
    const count = await legendCount(page, kind);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await marks.count(), 0, `${kind} marks hidden`);
    assert.equal(await legendCount(page, kind), count, 'the count stays while hidden');
    await toggle.click();
    assert.equal(await marks.count(), before, `${kind} marks shown again`);
  }
  assert.ok((await page.locator('article mark[data-kind=claim]').count()) > 0, 'claims to toggle');
  assertClean();
  await page.close();
});

test('focusing a mark shows its details; the list focuses marks and sorts claims by score', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  await annotate(page, ARTICLE);
  await page.getByRole('slider', { name: /Claim threshold/ }).fill('0');

  const claim = page.locator('article mark[data-kind=claim][data-first]').first();
  await claim.focus();
  const tooltip = page.getByRole('tooltip');
  await tooltip.waitFor();
  assert.match(await tooltip.textContent(), /Claim.*Check-worthiness \d\.\d\d/s);
  assert.equal(await claim.getAttribute('aria-describedby'), 'mark-tooltip');
  await screenshot(page, 'claims-tooltip-light');
  await page.keyboard.press('Escape');
  assert.equal(await tooltip.count(), 0, 'Escape closes the details');

  await page.getByRole('combobox', { name: 'Sort annotations' }).selectOption('score');
  const listed = await page.$$eval('.annotation-list .item', (items) => items.map((i) => i.dataset.ann));
  const scoreOf = async (id) => Number(await page.locator(`article mark[data-ann="${id}"][data-first]`).getAttribute('data-score'));
  const kinds = await page.$$eval('.annotation-list .item', (items) => items.map((i) => i.dataset.kind));
  const claimIds = listed.filter((_, i) => kinds[i] === 'claim');
  assert.ok(claimIds.length > 0);
  assert.deepEqual(kinds.slice(0, claimIds.length), claimIds.map(() => 'claim'), 'claims first');
  const scores = [];
  for (const id of claimIds) scores.push(await scoreOf(id));
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'highest score first');

  const last = page.locator('.annotation-list .item').last();
  const id = await last.getAttribute('data-ann');
  await last.click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.ann), id, 'the mark has focus');
  assertClean();
  await page.close();
});

test('empty input gives a clear message and loses nothing', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  await annotate(page, ARTICLE);
  const before = await page.locator('article.article').textContent();
  const box = page.getByRole('textbox', { name: 'Article text' });
  await box.fill('   \n  ');
  await page.getByRole('button', { name: 'Annotate' }).click();
  assert.match(await page.getByRole('alert').filter({ hasText: 'no text' }).textContent(), /no text to annotate/);
  assert.equal(await box.inputValue(), '   \n  ');
  assert.equal(await page.locator('article.article').textContent(), before, 'the last analysis stays');
  assertClean();
  await page.close();
});

test('after one visit the page loads and annotates with the network off', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await live.context.setOffline(true);
  try {
    await page.reload();
    await page.getByRole('button', { name: 'Annotate' }).waitFor();
    await annotate(page, ARTICLE);
    assert.match(await page.locator('#status').textContent(), /^Found /);
  } finally {
    await live.context.setOffline(false);
  }
  assertClean();
  await page.close();
});

test('dark theme follows the system setting (screenshot for review)', async () => {
  const { page, assertClean } = await openPage(live.context, live.url, { colorScheme: 'dark' });
  await annotate(page, ARTICLE);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `a dark background, got ${background}`);
  const first = page.locator('article mark[data-first]').first();
  if (await first.count()) await first.hover();
  await screenshot(page, 'example-dark');
  assertClean();
  await page.close();
});
