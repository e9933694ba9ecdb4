// End-to-end: a long text in the page. These tests assert behaviour, not
// speed (scripts/bench-browser.mjs measures that): a 1 MB text is analysed
// off the main thread while a busy indicator shows and the page keeps
// answering; only the blocks near the screen get marks; scrolling, jumping
// and selecting far down the text work on the blocks drawn there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, servedPageAndBrowser } from './harness.mjs';
import { articleOfBytes, articleOfWords } from './generated-text.mjs';

const live = servedPageAndBrowser();
const BIG = articleOfBytes(1_000_000, 21);
const LONG = articleOfWords(10_000, 34);

/** Polls `read` until it returns something `accept` takes (or fails after `ms`). */
async function until(read, accept, message, ms = 60_000) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) assert.fail(`${message}; last saw ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Puts `text` in the box as a paste would (not typed key by key). */
async function paste(page, text) {
  await page.getByRole('textbox', { name: 'Article text' }).evaluate((box, value) => {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** The code-point offsets of the last occurrence of `phrase` in `text`. */
function lastSpanOf(text, phrase) {
  const at16 = text.lastIndexOf(phrase);
  assert.ok(at16 >= 0, `"${phrase}" is in the text`);
  const start = Array.from(text.slice(0, at16)).length;
  return [start, start + Array.from(phrase).length];
}

const shownCount = (page) => page.$$eval('.legend .legend-count', (counts) => counts.reduce((sum, c) => sum + Number(c.textContent), 0));

test('a 1 MB text is analysed off the page: busy shows, the page answers, then marks appear', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  await paste(page, BIG);
  await page.getByRole('button', { name: 'Annotate' }).click();

  // Busy while analysing, announced to assistive technology too.
  const busy = page.locator('#busy');
  await busy.waitFor({ state: 'visible' });
  assert.match(await busy.textContent(), /Analysing/);
  assert.equal(await page.locator('.main-column').getAttribute('aria-busy'), 'true');

  // The page answers a click while the analysis is still in flight: the
  // help opens at once, before the busy indicator has gone.
  const duringAnalysis = await page.evaluate(async () => {
    document.querySelector('.help-button').click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return {
      help: document.querySelector('[role=dialog]') !== null,
      busy: document.getElementById('busy') !== null,
    };
  });
  assert.deepEqual(duringAnalysis, { help: true, busy: true }, 'the click was handled during the analysis');
  await page.keyboard.press('Escape');

  // Then the result: marks, and no busy indicator.
  await page.locator('article mark').first().waitFor({ timeout: 60_000 });
  await busy.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.main-column').getAttribute('aria-busy'), null);
  assert.match(await page.locator('#status').textContent(), /^Found \d+ claims/);
  assertClean();
  await page.close();
});

test('a 1 MB text gets marks only near the screen; scrolling, jumping and selecting far down work', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  await paste(page, BIG);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.locator('article mark').first().waitFor({ timeout: 60_000 });
  await page.locator('#busy').waitFor({ state: 'detached' });

  // The whole text is in the page, but only a window of it has marks.
  const length = Array.from(BIG).length;
  assert.equal(await page.locator('article.article').evaluate((a) => a.textContent.length), BIG.length);
  const total = await shownCount(page);
  const drawn = await page.locator('article mark').count();
  assert.ok(total > 5_000, `a 1 MB text has thousands of annotations (${total})`);
  assert.ok(drawn > 0 && drawn * 10 < total, `far fewer marks drawn (${drawn}) than annotations (${total})`);
  const lastStart = () => page.$$eval('article mark', (marks) => Math.max(...marks.map((m) => Number(m.dataset.start))));
  assert.ok(await lastStart() < length / 2, 'nothing near the end is drawn yet');

  // Jumping to the last annotation (k from none) draws its block and focuses it.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('k');
  const focused = await until(
    () => page.evaluate(() => document.activeElement?.closest('mark')?.dataset.start ?? null),
    (start) => start !== null && Number(start) > length * 0.99,
    'the last annotation is focused',
  );
  assert.ok(Number(focused) > length * 0.99);

  // Scrolling to the end draws the end's marks.
  await page.keyboard.press('Escape');
  await until(
    async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      return page.$$eval('article mark', (marks) => marks.filter((m) => Number(m.dataset.start) > 0).length);
    },
    () => true,
    'scrolled',
  );
  await until(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    return lastStart();
  }, (start) => start > length * 0.99, 'marks at the end of the text after scrolling there');
  const drawnAtEnd = await page.locator('article mark').count();
  assert.ok(drawnAtEnd * 10 < total, `still a window of marks at the end (${drawnAtEnd})`);

  // Selecting words in the last block and marking them gives their offsets
  // in the whole text.
  const phrase = 'called for a public vote';
  const [start, end] = lastSpanOf(BIG, phrase);
  await page.evaluate(({ phrase }) => {
    const blocks = [...document.querySelectorAll('article .block')];
    const block = blocks[blocks.length - 1];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let found = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.lastIndexOf(phrase);
      if (at >= 0) found = [node, at];
    }
    if (!found) throw new Error('the phrase is not in one text node of the last block');
    const [node, at] = found;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + phrase.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    block.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, { phrase });
  await page.getByRole('region', { name: 'Selected text' }).waitFor();
  await page.keyboard.press('c');
  const manual = page.locator(`article mark[data-origin=manual][data-start="${start}"][data-end="${end}"]`);
  await manual.waitFor();
  assert.equal(await manual.textContent(), phrase);
  assertClean();
  await page.close();
});

/** How many replies from the analysis worker the page has taken. */
const roundtrips = (page) => page.evaluate(() => performance.getEntriesByName('analysis-roundtrip').length);

test('a reply for a text since replaced is ignored', async () => {
  const { page, assertClean } = await openPage(live.context, live.url, { fresh: true });
  const before = await roundtrips(page);
  await paste(page, BIG);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.locator('#busy').waitFor({ state: 'visible' });
  const small = 'Small town\n\nThe bridge cost 4 million euros in 2021, the council said.';
  await paste(page, small);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await until(() => page.locator('article.article').textContent().catch(() => null), (t) => t === small, 'the small text is shown');
  await page.locator('#busy').waitFor({ state: 'detached' });
  // The worker answers in order, so the big text's reply came first and was
  // dropped; a frame later the small text is still the one shown.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  assert.equal(await roundtrips(page) - before, 1, 'one reply taken');
  assert.equal(await page.locator('article.article').textContent(), small);
  assertClean();
  await page.close();
});

test('a saved article reopens through the worker, as a paste is analysed', async () => {
  const { page, assertClean } = await openPage(live.context, live.url, { fresh: true });
  const before = await roundtrips(page);
  await paste(page, LONG);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.locator('article mark').first().waitFor({ timeout: 60_000 });
  const marked = await shownCount(page);
  // Earlier tests in this file saved articles of the same origin too.
  const id = await until(() => page.locator('.library-item.open').getAttribute('data-id').catch(() => null), Boolean, 'saved in the library');
  assert.equal(await roundtrips(page) - before, 1);

  await page.getByRole('button', { name: 'New article' }).click();
  await until(() => page.locator('article mark').count(), (n) => n === 0, 'a blank page');
  await page.locator(`.library-item[data-id="${id}"] .library-open`).click();
  await page.locator('article mark').first().waitFor({ timeout: 60_000 });
  await page.locator('#busy').waitFor({ state: 'detached' });
  // The worker answered the opening: the page measured a second round trip,
  // which only a reply from the worker records.
  assert.equal(await roundtrips(page) - before, 2, 'the opening was analysed in the worker');
  assert.equal(await shownCount(page), marked, 'the same annotations as before');
  assert.equal(await page.getByRole('textbox', { name: 'Article text' }).inputValue(), LONG);
  assert.match(await page.locator('#announce').textContent(), /Opened/);
  assertClean();
  await page.close();
});

test('the marks are painted first; the list and the strip follow, whole, and the list grows on request', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  await paste(page, LONG);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('annotate→complete').length > 0, null, { timeout: 60_000 });
  const [painted, complete] = await page.evaluate(() => ['annotate→painted', 'annotate→complete']
    .map((name) => performance.getEntriesByName(name).at(-1).duration));
  assert.ok(painted <= complete, `marks painted (${painted} ms) no later than the whole page (${complete} ms)`);

  // The whole text is in the article; blocks without marks are one text node each.
  assert.equal(await page.locator('article.article').evaluate((a) => a.textContent), LONG);
  const plain = await page.$$eval('article .block.plain', (blocks) => blocks.map((b) => [b.childNodes.length, b.firstChild?.nodeType]));
  assert.ok(plain.length > 0, 'a long text has blocks far from the screen');
  assert.ok(plain.every(([nodes, type]) => nodes === 1 && type === 3 /* Node.TEXT_NODE */), JSON.stringify(plain.slice(0, 5)));

  // The list: its first hundred, then a hundred more on request.
  const total = await shownCount(page);
  assert.ok(total > 300, `a 10,000-word text has hundreds of annotations (${total})`);
  const items = page.locator('.annotation-list li');
  assert.equal(await items.count(), 100);
  const more = page.getByRole('button', { name: /^Show more/ });
  assert.equal(await more.textContent(), `Show more (100 of ${total} listed)`);
  await more.click();
  await until(() => items.count(), (n) => n === 200, 'two hundred listed');

  // The strip: every tick visible (slivers take their height from the
  // stylesheet, longer spans their own) and named.
  const ticks = await page.$$eval('.minimap .tick', (all) => all.map((t) => ({
    height: t.getBoundingClientRect().height,
    own: t.dataset.height ?? null,
    style: t.style.height,
    title: t.title,
  })));
  assert.ok(ticks.length > 0);
  assert.ok(ticks.every((t) => t.height >= 3 && /^(claim|quote|boilerplate)/.test(t.title)), JSON.stringify(ticks.slice(0, 3)));
  assert.ok(ticks.every((t) => (t.own === null ? t.style === '' : t.style === `${t.own}%`)));
  assertClean();
  await page.close();
});
