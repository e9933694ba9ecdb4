// End-to-end: the fact-checker's workflow in the built page — edit, judge,
// keyboard, saving and the library, export and import, damaged storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ARTICLE, annotate, eventually, openPage, screenshot, sliceCodePoints, servedPageAndBrowser,
} from './harness.mjs';

const live = servedPageAndBrowser();

// Our own small article: a claim inside a quote, a plain claim, boilerplate.
const STORY = [
  'Harbour town council votes on the new ferry budget',
  'The council approved a budget of 4.2 million euros for the ferry on Tuesday, officials said.',
  '"We will cut the fare by 30 percent next year," the mayor, Ana Berg, told reporters.',
  'The old ferry carried 12,000 passengers in 2023, according to the port authority.',
  'Residents gathered at the pier in the evening.',
  'Subscribe to our newsletter for more local news.',
].join('\n');

/**
 * A page with an empty library (tests in this file share one origin), and
 * the language model off: its rescoring arrives whenever it is done, and
 * its announcement would replace the one a step checks (encoder.test.mjs
 * tests the model).
 */
async function freshPage() {
  const opened = await openPage(live.context, live.url, { lexical: true });
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  await opened.page.getByRole('button', { name: 'Annotate' }).waitFor();
  return opened;
}

/** Selects `phrase` in the article as a reader would, then releases the mouse. */
async function selectInArticle(page, phrase) {
  await page.evaluate((phrase) => {
    const article = document.querySelector('article.article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(phrase);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
    }
    throw new Error(`phrase not in one text node: ${phrase}`);
  }, phrase);
}

/** The code-point span of `phrase` in `text`. */
function spanOf(text, phrase) {
  const start = Array.from(text.slice(0, text.indexOf(phrase))).length;
  return [start, start + Array.from(phrase).length];
}

const announce = (page) => page.locator('#announce').textContent();
const card = (page) => page.locator('section.card');

test('select text to add an annotation; relabel it, remove it; reject a detection for good', async () => {
  const { page, assertClean } = await freshPage();
  await annotate(page, STORY);
  await page.getByRole('slider', { name: /Claim threshold/ }).fill('0');

  const phrase = 'Residents gathered at the pier';
  await selectInArticle(page, phrase);
  const bar = page.getByRole('region', { name: 'Selected text' });
  await eventually(() => bar.textContent(), /Residents gathered at the pier/);
  await bar.getByRole('button', { name: /Boilerplate/ }).click();
  const [start, end] = spanOf(STORY, phrase);
  const manual = page.locator(`article mark[data-origin=manual][data-start="${start}"][data-end="${end}"]`);
  await eventually(() => manual.getAttribute('data-kind'), 'boilerplate');
  await eventually(() => manual.textContent(), phrase);
  await eventually(() => announce(page), /Added a boilerplate: “Residents gathered at the pier”/);
  await eventually(() => bar.count(), 0, 'the bar goes once the words are marked');

  // The new annotation is open; relabel it as a quote, then remove it.
  await eventually(() => card(page).locator('blockquote').textContent(), phrase);
  await card(page).getByRole('button', { name: 'Quote' }).click();
  await eventually(() => manual.getAttribute('data-kind'), 'quote');
  await eventually(() => page.locator(`article mark[data-start="${start}"][data-end="${end}"]`).count(), 1, 'relabelled, not duplicated');
  await card(page).getByRole('button', { name: 'Remove' }).click();
  await eventually(() => manual.count(), 0);

  // Reject a detected claim: it stays rejected when the text is analysed again.
  const claimText = 'The old ferry carried 12,000 passengers in 2023, according to the port authority.';
  const [cs, ce] = spanOf(STORY, claimText);
  const claim = page.locator(`article mark[data-kind=claim][data-start="${cs}"][data-end="${ce}"]`);
  await eventually(() => claim.count(), 1, 'the claim is detected');
  await claim.click();
  await card(page).getByRole('button', { name: 'Reject' }).click();
  await eventually(() => claim.count(), 0);
  await eventually(() => announce(page), /Rejected the claim .* stays hidden/);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.waitForTimeout(100);
  await eventually(() => claim.count(), 0, 'still rejected after analysing again');
  assert.ok((await page.locator('article mark[data-kind=claim]').count()) > 0, 'other claims remain');
  assertClean();
  await page.close();
});

test('overlapping annotations stay clickable: a quote inside a claim opens the quote', async () => {
  const { page, assertClean } = await freshPage();
  await annotate(page, STORY);
  await page.getByRole('slider', { name: /Claim threshold/ }).fill('0');
  const quote = page.locator('article mark[data-kind=quote][data-first]').first();
  const parentKind = await quote.evaluate((m) => m.parentElement.closest('mark')?.dataset.kind);
  assert.equal(parentKind, 'claim', 'the quote sits inside its sentence');
  await quote.click();
  await eventually(() => card(page).locator('h2').textContent(), /quote/);
  // Click the claim where it is not the quote: on the words after it.
  const point = await page.evaluate(() => {
    const article = document.querySelector('article.article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf('told reporters');
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 4);
        const rect = range.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
    }
    return null;
  });
  await page.mouse.click(point.x, point.y);
  await eventually(() => card(page).locator('h2').textContent(), /claim/);
  assertClean();
  await page.close();
});

test('judge a claim: verdict, note, sources, prefilled author and date; badge, counts and filter', async () => {
  const { page, assertClean } = await freshPage();
  await annotate(page, STORY);
  await page.getByRole('slider', { name: /Claim threshold/ }).fill('0');
  // A claim inside the mayor's quote gets the speaker as its author.
  const inQuote = page.locator('article mark[data-kind=claim][data-first]', { has: page.locator('mark[data-kind=quote]') });
  await inQuote.first().focus();
  const author = page.getByLabel('Claim made by');
  await eventually(() => author.inputValue(), /Ana Berg|mayor/, 'author prefilled from the quote');

  await page.getByLabel('Verdict', { exact: true }).selectOption('Mostly false');
  await page.getByLabel('Note').fill('The budget says 20 percent.');
  await page.getByLabel('Note').blur();
  await page.getByLabel(/Sources/).fill('https://example.org/budget\njavascript:alert(1)');
  await page.getByLabel(/Sources/).blur();
  await page.getByLabel('Date').fill('2026-03-04');
  await page.getByLabel('Date').blur();

  const first = inQuote.first();
  await eventually(() => first.getAttribute('data-verdict'), 'mostly-false');
  const badge = await first.evaluate((m) => getComputedStyle(m, '::after').content);
  assert.equal(badge, '"Mostly false"', 'the verdict shows on the highlight');
  const links = card(page).locator('.sources a');
  await eventually(() => links.count(), 1, 'only the web address becomes a link');
  await eventually(() => links.getAttribute('href'), 'https://example.org/budget');
  await eventually(() => page.getByLabel('Note').inputValue(), 'The budget says 20 percent.');
  await eventually(() => page.locator('.verdict-list li[data-verdict="Mostly false"] .verdict-count').textContent(), '1');

  // The list can show only the claims with a verdict.
  await page.getByRole('combobox', { name: 'Filter by verdict' }).selectOption('Mostly false');
  const items = page.locator('.annotation-list .item');
  await eventually(() => items.count(), 1);
  await eventually(() => items.textContent(), /Mostly false/);
  await page.getByRole('combobox', { name: 'Filter by verdict' }).selectOption('');
  assert.ok((await items.count()) > 1);

  // The minimap marks the judged claim.
  await eventually(() => page.locator('.minimap .tick.judged').count(), 1);
  await screenshot(page, 'workflow-judged');
  assertClean();
  await page.close();
});

test('keyboard: j/k move, c/q/b relabel, 1-7 judge, x rejects, ? lists every shortcut', async () => {
  const { page, assertClean } = await freshPage();
  await annotate(page, STORY);
  await page.getByRole('slider', { name: /Claim threshold/ }).fill('0');
  await page.locator('body').click({ position: { x: 2, y: 2 } });

  const focused = () => page.evaluate(() => document.activeElement?.closest('mark')?.dataset.ann ?? null);
  await page.keyboard.press('j');
  const firstId = await focused();
  assert.notEqual(firstId, null, 'j focuses the first annotation');
  await page.keyboard.press('j');
  const second = await focused();
  assert.notEqual(second, firstId);
  await eventually(() => announce(page), /^(Claim|Quote|Boilerplate) 2 of \d+/);
  await page.keyboard.press('k');
  await eventually(() => focused(), firstId, 'k goes back');

  // Walk to a claim and give it each verdict by digit.
  const claimFocused = () => page.evaluate(() => document.activeElement?.dataset.kind === 'claim');
  for (let i = 0; i < 20 && !(await claimFocused()); i++) await page.keyboard.press('n');
  assert.ok(await claimFocused(), 'n reaches a claim');
  const verdicts = ['Unchecked', 'True', 'Mostly true', 'Mixed', 'Mostly false', 'False', 'Unverifiable'];
  for (const [i, label] of verdicts.entries()) {
    await page.keyboard.press(String(i + 1));
    await eventually(() => page.getByLabel('Verdict', { exact: true }).inputValue(), label);
    await eventually(() => announce(page), new RegExp(`Verdict: ${label}`));
  }
  // b relabels the open claim as boilerplate, q as a quote.
  const exact = await card(page).locator('blockquote').textContent();
  await page.keyboard.press('b');
  await eventually(() => card(page).locator('h2').textContent(), /boilerplate/);
  await eventually(() => announce(page), /Relabelled .* as a boilerplate/);
  await page.keyboard.press('q');
  await eventually(() => card(page).locator('h2').textContent(), /quote/);
  await eventually(() => card(page).locator('blockquote').textContent(), exact);
  await page.keyboard.press('x');
  await eventually(() => announce(page), /Removed the quote/);

  // A selection plus c adds a claim.
  await selectInArticle(page, 'gathered at the pier');
  await page.keyboard.press('c');
  await eventually(() => announce(page), /Added a claim: “gathered at the pier”/);

  // Typing in a field is not a shortcut.
  await page.getByRole('textbox', { name: 'Article text' }).press('j');
  await eventually(() => page.getByRole('textbox', { name: 'Article text' }).inputValue(), /j$/);

  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  const listed = await help.locator('kbd').allTextContents();
  for (const key of ['j', 'n', 'k', 'p', 'c', 'q', 'b', 'a', 'x', '1', '2', '3', '4', '5', '6', '7', '?', 'Esc']) {
    assert.ok(listed.includes(key), `the help lists ${key}`);
  }
  await screenshot(page, 'workflow-help');
  await page.keyboard.press('Escape');
  await eventually(() => help.count(), 0, 'Escape closes the help');
  assertClean();
  await page.close();
});

test('every change is saved: reload, reopen from the library, rename, delete and undo', async () => {
  const { page, assertClean } = await freshPage();
  await annotate(page, STORY);
  await page.getByRole('slider', { name: /Claim threshold/ }).fill('0');
  const claim = page.locator('article mark[data-kind=claim][data-first]').first();
  const start = await claim.getAttribute('data-start');
  await claim.focus();
  await page.keyboard.press('6');
  await eventually(() => announce(page), /Verdict: False/);
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await eventually(() => announce(page), /^(Rejected|Removed)/);

  await page.reload();
  await page.getByRole('button', { name: 'Annotate' }).waitFor();
  const item = page.locator('.library-item').first();
  await eventually(() => item.textContent(), /Harbour town council votes on the new ferry budget/);
  await eventually(() => item.textContent(), /\(1 judged\)/);
  await item.locator('.library-open').click();
  await page.locator('article.article').waitFor();
  await eventually(() => page.getByRole('textbox', { name: 'Article text' }).inputValue(), STORY, 'the text is back in the box');
  const judged = page.locator(`article mark[data-kind=claim][data-start="${start}"][data-first]`);
  await eventually(() => judged.getAttribute('data-verdict'), 'false', 'the verdict survived the reload');

  // Rename the open article.
  await item.getByRole('button', { name: /^Rename/ }).click();
  const rename = page.getByLabel('New title');
  await rename.fill('Ferry budget check');
  await rename.press('Enter');
  await eventually(() => page.locator('.article-title').textContent(), 'Ferry budget check');
  await eventually(() => page.locator('.library-item').first().textContent(), /Ferry budget check/);

  // A second article, then delete the first and undo.
  await page.getByRole('button', { name: 'New article' }).click();
  await annotate(page, 'Second story\nThe bridge cost 3 million euros in 2020.');
  await eventually(() => page.locator('.library-item').count(), 2);
  await page.getByRole('button', { name: 'Delete Ferry budget check' }).click();
  await eventually(() => page.locator('.library-item').count(), 1);
  await page.locator('.library').getByRole('button', { name: 'Undo' }).click();
  await eventually(() => page.locator('.library-item').count(), 2);
  await page.reload();
  await page.getByRole('button', { name: 'Annotate' }).waitFor();
  await eventually(() => page.locator('.library-item').count(), 2, 'the undo is stored');
  assertClean();
  await page.close();
});

test('exports download locally; the W3C export imports back and lists orphans', async () => {
  const { page, assertClean } = await freshPage();
  await annotate(page, STORY);
  await page.getByRole('slider', { name: /Claim threshold/ }).fill('0');
  const claim = page.locator('article mark[data-kind=claim][data-first]').first();
  await claim.focus();
  await page.keyboard.press('3');

  const save = async (name) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ]);
    assert.match(download.url(), /^blob:/, 'a local blob, nothing uploaded');
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  };
  const w3c = await save('W3C annotations (JSON-LD)');
  assert.match(w3c.name, /^harbour-town-council.*\.jsonld$/);
  const collection = JSON.parse(w3c.text);
  assert.equal(collection.type, 'AnnotationCollection');
  assert.ok(collection.total >= 3);
  const reviews = JSON.parse((await save('ClaimReview (JSON-LD)')).text);
  assert.match(JSON.stringify(reviews), /Mostly true/);
  assert.match((await save('Markdown report')).text, /Mostly true/);
  const csv = (await save('CSV table')).text;
  assert.match(csv.split('\n')[0], /^id,kind,start,end,text/);

  // A changed text without the port-authority sentence: import, see the orphans.
  await page.getByRole('button', { name: 'New article' }).click();
  const shorter = STORY.replace('The old ferry carried 12,000 passengers in 2023, according to the port authority.\n', '');
  await annotate(page, shorter);
  await page.setInputFiles('#import-file', { name: 'annotations.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(w3c.text) });
  const report = page.getByRole('region', { name: /Imported \d+ annotations/ });
  await report.waitFor();
  const orphans = await report.locator('.orphan').allTextContents();
  assert.ok(orphans.some((o) => o.includes('The old ferry carried 12,000 passengers')), `orphan listed: ${orphans}`);
  // The judged claim found its place and kept its verdict.
  await eventually(() => page.locator('article mark[data-verdict="mostly-true"]').count(), 1);

  // Not JSON: a clear message, nothing changed.
  await page.setInputFiles('#import-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
  await eventually(() => page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).textContent(), /not JSON/);
  assertClean();
  await page.close();
});

test('pasting a changed version lists the saved claims that changed or vanished', async () => {
  const { page, assertClean } = await freshPage();
  await annotate(page, STORY);
  await page.getByRole('slider', { name: /Claim threshold/ }).fill('0');
  for (const phrase of ['The council approved a budget', 'The old ferry carried']) {
    await page.locator('article mark[data-kind=claim][data-first]', { hasText: phrase }).focus();
    await page.keyboard.press('a');
  }
  const changed = STORY
    .replace('4.2 million euros', '4.9 million euros')
    .replace('The old ferry carried 12,000 passengers in 2023, according to the port authority.\n', '');
  await annotate(page, changed);
  const report = page.getByRole('region', { name: /New version of/ });
  await report.waitFor();
  await eventually(() => report.locator('[data-status=edited]').textContent(), /4\.2 million.*4\.9 million/s);
  await eventually(() => report.locator('[data-status=vanished]').first().textContent(), /The old ferry carried/);
  await eventually(() => page.locator('.library-item').count(), 1, 'the same article, a new version');
  assertClean();
  await page.close();
});

test('a damaged entry, a damaged index or a full store never lose the other articles or the open work', async () => {
  const { page, assertClean } = await freshPage();
  await annotate(page, STORY);
  await page.getByRole('button', { name: 'New article' }).click();
  await annotate(page, 'Second story\nThe bridge cost 3 million euros in 2020.');
  // Saving waits for an idle moment (within a second).
  await eventually(() => page.locator('.library-item').count(), 2, 'both saved');
  const ids = await page.$$eval('.library-item', (items) => items.map((i) => i.dataset.id));

  // Damage the first story's entry and the index, then reload.
  await page.evaluate((id) => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(`/article/${id}`));
    localStorage.setItem(key, localStorage.getItem(key).slice(0, 40));
    localStorage.setItem('article-annotator/index', 'not json');
  }, ids[1]);
  await page.reload();
  await page.getByRole('button', { name: 'Annotate' }).waitFor();
  await eventually(() => page.locator('.library-item').count(), 1, 'the index is rebuilt from the good entry');
  await eventually(() => page.locator('#storage-problem').textContent(), /could not be read: it is not valid JSON.*other articles are fine/);
  await page.locator('.library-item .library-open').click();
  await eventually(() => page.locator('article.article').textContent(), /The bridge cost 3 million/);

  // A full store: a clear message, the work stays open; it saves once there is room.
  await page.evaluate(() => {
    window.realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.locator('article mark').first().focus();
  await page.keyboard.press('x');
  const problem = page.locator('#storage-problem');
  await eventually(() => problem.textContent(), /storage for this page is full.*still open here/);
  await eventually(() => page.locator('article.article').textContent(), /The bridge cost 3 million/);
  // Any other refusal is a message too.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('Access is denied.', 'SecurityError');
    };
  });
  await page.keyboard.press('x');
  await eventually(() => problem.textContent(), /refused to store the article.*still open here/);
  await page.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.waitForTimeout(100);
  await eventually(() => problem.count(), 0, 'saved again');
  assertClean();
  await page.close();
});

test('saving waits for an idle moment, and a change not yet saved is saved when the page is hidden or left', async () => {
  const { page, assertClean } = await freshPage();
  // An idle moment that never comes: only hiding or leaving the page saves.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  await page.reload();
  await page.getByRole('button', { name: 'Annotate' }).waitFor();
  const saved = () => page.evaluate(() => Object.keys(localStorage)
    .filter((key) => key.startsWith('article-annotator/article/'))
    .map((key) => JSON.parse(localStorage.getItem(key)).article)
    .map((article) => `${article.title}: ${article.annotations.length}`));

  await annotate(page, STORY);
  await page.locator('article mark').first().waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(await saved(), [], 'not saved while the page is busy or was never idle');

  // The tab is hidden: saved at once.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    delete document.visibilityState;
  });
  assert.deepEqual(await saved(), ['Harbour town council votes on the new ferry budget: 0']);

  // A decision, then the page is left before any idle moment: saved on the way out.
  const claim = page.locator('article mark[data-kind=claim][data-first]').first();
  await claim.focus();
  await page.keyboard.press('6');
  await eventually(() => announce(page), /Verdict: False/);
  assert.deepEqual(await saved(), ['Harbour town council votes on the new ferry budget: 0'], 'the verdict waits for an idle moment');
  await page.reload();
  await page.getByRole('button', { name: 'Annotate' }).waitFor();
  assert.deepEqual(await saved(), ['Harbour town council votes on the new ferry budget: 1'], 'the verdict was saved as the page was left');
  assertClean();
  await page.close();
});
