// End-to-end: the page audited by axe-core against WCAG 2.1 A and AA in every
// state a reader sees — empty, annotated, a claim open, the shortcut help,
// the saved articles, the dark scheme and a phone-sized screen. Fact-checkers
// use it for hours, some with a screen reader or the keyboard only.
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
// Findings of these impacts fail the test; the others are printed as a note.
const FAILING = new Set(['serious', 'critical']);

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
 * Runs axe on the page as it is now; fails on a serious or critical
 * finding and prints the milder ones as a note.
 */
async function audit(page, state) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axe.source);
  }
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_21_A_AA,
  );
  assert.ok(results.passes.length > 0, `axe checked something in the ${state}`);
  const failing = results.violations.filter((v) => FAILING.has(v.impact));
  const mild = results.violations.filter((v) => !FAILING.has(v.impact));
  if (mild.length > 0) console.log(`note: milder accessibility findings in the ${state}:\n${describe(mild)}`);
  assert.deepEqual(failing, [], `serious or critical accessibility findings in the ${state}:\n${describe(failing)}`);
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
