// End-to-end: the page audited by axe-core against WCAG 2.1 A and AA in every
// state a reader sees — empty, annotated, a claim open, claims judged, words
// selected, the shortcut help, the saved articles, the dark scheme and a
// phone-sized screen. Fact-checkers use it for hours, some with a screen
// reader or the keyboard only. axe does not read generated content, so the
// badges the stylesheet draws on marks (kind, score, verdict) are measured
// here with the same contrast formula.
//
// axe-core is a test tool only (a devDependency): its source is evaluated in
// the page through the DevTools protocol, which the page's CSP does not
// govern, so the page is audited under its real CSP and never serves axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import axe from 'axe-core';
import { ARTICLE, annotate, eventually, openPage, servedPageAndBrowser } from './harness.mjs';

const live = servedPageAndBrowser();

const WCAG_21_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Serious or critical findings against WCAG fail the test; milder ones, and
// axe's best practices, are printed as a note.
const FAILING = new Set(['serious', 'critical']);
const failing = (v) => FAILING.has(v.impact) && v.tags.some((tag) => WCAG_21_A_AA.includes(tag));
// WCAG 1.4.3 for text under 18.66px bold, as the badges are.
const MIN_CONTRAST = 4.5;

/** One line per finding: rule, impact, the elements, and what to do. */
function describe(violations) {
  return violations
    .map((v) => {
      const targets = v.nodes.map((n) => n.target.join(' ')).slice(0, 8);
      const more = v.nodes.length > targets.length ? ` (+${v.nodes.length - targets.length} more)` : '';
      return `  ${v.id} [${v.impact}] ×${v.nodes.length}: ${v.help}\n    at ${targets.join(', ')}${more}`;
    })
    .join('\n');
}

/**
 * The contrast of each distinct badge the stylesheet draws before or after a
 * mark (`::before`, `::after`), where axe does not look: text colour on the
 * badge's own opaque background.
 */
async function badgeContrasts(page) {
  return page.evaluate(() => {
    const luminance = (css) => {
      const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const seen = new Map();
    for (const mark of document.querySelectorAll('article mark[data-first], article mark[data-verdict]')) {
      for (const pseudo of ['::before', '::after']) {
        const style = getComputedStyle(mark, pseudo);
        if (style.content === 'none' || style.content === 'normal') continue;
        const key = `mark[data-kind=${mark.dataset.kind}]${mark.dataset.verdict ? `[data-verdict=${mark.dataset.verdict}]` : ''}${pseudo}`;
        const [a, b] = [luminance(style.color), luminance(style.backgroundColor)];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        seen.set(key, { key, color: style.color, background: style.backgroundColor, ratio });
      }
    }
    return [...seen.values()];
  });
}

/**
 * Runs axe on the page as it is now; fails on a serious or critical
 * finding and prints the milder ones as a note. Checks the marks' badges too.
 */
async function audit(page, state) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axe.source);
  }
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    [...WCAG_21_A_AA, 'best-practice'],
  );
  assert.ok(results.passes.length > 0, `axe checked something in the ${state}`);
  const mild = results.violations.filter((v) => !failing(v));
  if (mild.length > 0) console.log(`note: milder accessibility findings in the ${state}:\n${describe(mild)}`);
  const serious = results.violations.filter(failing);
  assert.deepEqual(serious, [], `serious or critical accessibility findings in the ${state}:\n${describe(serious)}`);

  const faint = (await badgeContrasts(page)).filter((b) => b.ratio < MIN_CONTRAST);
  const lines = faint.map((b) => `  ${b.key}: ${b.color} on ${b.background}, ${b.ratio.toFixed(2)}:1`);
  assert.deepEqual(lines, [], `badges under ${MIN_CONTRAST}:1 contrast in the ${state}:\n${lines.join('\n')}`);
}

/** A page with an empty library, so each test starts from the same state. */
async function freshPage(options) {
  const opened = await openPage(live.context, live.url, options);
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  await opened.page.getByRole('button', { name: 'Annotate' }).waitFor();
  return opened;
}

test('the empty page', async () => {
  const { page, assertClean } = await freshPage();
  await audit(page, 'empty page');
  assertClean();
  await page.close();
});

test('the example article annotated, then a claim opened in the side panel', async () => {
  const { page, assertClean } = await freshPage();
  await annotate(page, ARTICLE);
  await page.locator('.minimap').waitFor();
  await audit(page, 'annotated example article');

  const claim = page.locator('article mark[data-kind=claim][data-first]').first();
  await claim.focus();
  await page.locator('section.card').waitFor();
  await page.getByRole('tooltip').waitFor();
  await audit(page, 'claim opened in the side panel');
  assertClean();
  await page.close();
});

test('an empty paste: the message', async () => {
  const { page, assertClean } = await freshPage();
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.getByRole('alert').filter({ hasText: 'no text' }).waitFor();
  await audit(page, 'empty paste message');
  assertClean();
  await page.close();
});

/** Gives the first seven claims the seven verdicts, by key, as a fact-checker does. */
async function judgeSeven(page) {
  await page.getByRole('slider', { name: /Claim threshold/ }).fill('0');
  const claims = page.locator('article mark[data-kind=claim][data-first]');
  const verdicts = ['Unchecked', 'True', 'Mostly true', 'Mixed', 'Mostly false', 'False', 'Unverifiable'];
  for (const [i, label] of verdicts.entries()) {
    await claims.nth(i).focus();
    await page.keyboard.press(String(i + 1));
    await eventually(() => page.getByLabel('Verdict', { exact: true }).inputValue(), label);
  }
  await page.getByLabel('Note').fill('Checked against the ministry figures.');
  await page.getByLabel(/Sources/).fill('https://example.org/figures');
  await page.getByLabel(/Sources/).blur();
  await eventually(() => page.locator('section.card .sources a').count(), 1, 'the source link');
  // "Unchecked" draws no badge.
  await eventually(() => page.locator('article mark[data-verdict]').count(), 6, 'six badges of verdicts');
}

test('claims judged with every verdict, then words selected', async () => {
  const { page, assertClean } = await freshPage();
  await annotate(page, ARTICLE);
  await judgeSeven(page);
  await audit(page, 'judged claims');

  await page.evaluate(() => {
    const article = document.querySelector('article.article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.data.trim().length > 30) {
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, 20);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
    }
  });
  await page.getByRole('region', { name: 'Selected text' }).waitFor();
  await audit(page, 'selection bar');
  assertClean();
  await page.close();
});

test('the shortcut help', async () => {
  const { page, assertClean } = await freshPage();
  await annotate(page, ARTICLE);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await audit(page, 'shortcut help');
  assertClean();
  await page.close();
});

test('the saved articles, one being renamed', async () => {
  const { page, assertClean } = await freshPage();
  await annotate(page, ARTICLE);
  await page.getByRole('button', { name: 'New article' }).click();
  await annotate(page, 'The bridge cost 3 million euros to build in 2019, the city said.\nSubscribe to our newsletter.');
  const items = page.locator('.library-item');
  await eventually(() => items.count(), 2, 'two saved articles');
  await audit(page, 'saved articles list');

  await items.first().getByRole('button', { name: /^Rename / }).click();
  await page.getByRole('textbox', { name: 'New title' }).waitFor();
  await audit(page, 'saved articles list with a title being edited');
  assertClean();
  await page.close();
});

test('the dark colour scheme, annotated', async () => {
  const { page, assertClean } = await freshPage({ colorScheme: 'dark' });
  await annotate(page, ARTICLE);
  await page.locator('.minimap').waitFor();
  await audit(page, 'dark colour scheme');
  const claim = page.locator('article mark[data-kind=claim][data-first]').first();
  await claim.focus();
  await page.locator('section.card').waitFor();
  await audit(page, 'dark colour scheme with a claim open');
  await judgeSeven(page);
  await audit(page, 'dark colour scheme with judged claims');
  assertClean();
  await page.close();
});

test('a phone-sized screen, annotated', async () => {
  const { page, assertClean } = await freshPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await annotate(page, ARTICLE);
  await page.locator('.minimap').waitFor();
  await audit(page, 'narrow viewport (390×844)');
  assertClean();
  await page.close();
});

test('the fact-checker\'s new states: a quote\'s speaker, a claim\'s anatomy, undo, folded boilerplate, refused exports and imports', async () => {
  const { page, assertClean } = await freshPage();
  await importFileOn(page, '{"type": "AnnotationCollection", "first": {"items": []}}');
  await page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).waitFor();
  await audit(page, 'empty page with an import refused');

  await annotate(page, ARTICLE);
  await page.getByRole('button', { name: 'ClaimReview (JSON-LD)' }).click();
  await page.locator('#export-problem').waitFor();
  await audit(page, 'ClaimReview refused, details form');

  const quote = page.locator('article mark[data-kind=quote][data-first]').first();
  await quote.focus();
  await page.getByLabel('Speaker', { exact: true }).waitFor();
  await audit(page, 'quote open with its speaker field');

  const claim = page.locator('article mark[data-kind=claim][data-first]').first();
  await claim.focus();
  await page.locator('section.card .anatomy').waitFor();
  await page.keyboard.press('x');
  await page.locator('#undo-bar').waitFor();
  await audit(page, 'claim anatomy and the undo bar');

  await page.locator('.legend button[data-kind=boilerplate]').click();
  await page.locator('.fold-toggle').first().waitFor();
  await audit(page, 'boilerplate folded');
  await page.locator('.fold-toggle').first().click();
  await audit(page, 'a boilerplate block unfolded');
  assertClean();
  await page.close();
});

test('a phone with the open annotation as a bottom sheet', async () => {
  const { page, assertClean } = await freshPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await annotate(page, ARTICLE);
  await page.locator('article mark[data-kind=claim][data-first]').first().focus();
  await page.locator('section.card').waitFor();
  await audit(page, 'phone with the bottom sheet open');
  assertClean();
  await page.close();
});

/** Imports `text` through the Import field. */
async function importFileOn(page, text) {
  await page.setInputFiles('#import-file', { name: 'import.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}
