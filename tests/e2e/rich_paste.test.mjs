// End-to-end: rich paste. A real paste event carrying text/html goes into
// the textarea in Chromium; the page shows the rendered text, marks the
// <nav> block as boilerplate with its reason, and never runs anything from
// the pasted markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, servedPageAndBrowser } from './harness.mjs';

const live = servedPageAndBrowser();

// A page of our own, as a clipboard carries it (with Windows' fragment markers).
const PASTED = `<html><body><!--StartFragment-->
<nav class="site-menu"><ul><li><a href="/">Harbours</a></li><li><a href="/w">Weather</a></li>
<li><a href="/s">Shipping</a></li></ul></nav>
<article><h1>Dredging starts on the northern channel</h1>
<p>The harbour board voted on Tuesday to dredge the northern channel before the autumn storms,
after two cargo ships ran aground there in August.</p>
<img src="x" onerror="window.__richPasteCanary = 'img'">
<script>window.__richPasteCanary = 'script'</script>
<p>Pilots had warned for years that silt was building up near the breakwater, the board&rsquo;s
chair told reporters after the meeting on Tuesday evening.</p>
<p>Work is expected to start next month and to last about six weeks, during which larger
vessels will wait for high tide.</p></article>
<!--EndFragment--></body></html>`;

const RENDERED = [
  'Harbours\nWeather\nShipping\n',
  'Dredging starts on the northern channel\n\n',
  'The harbour board voted on Tuesday to dredge the northern channel before the autumn storms, after two cargo ships ran aground there in August.\n\n',
  'Pilots had warned for years that silt was building up near the breakwater, the board’s chair told reporters after the meeting on Tuesday evening.\n\n',
  'Work is expected to start next month and to last about six weeks, during which larger vessels will wait for high tide.',
].join('');

/** Dispatches a paste of `html` (and a plain-text fallback) into the textarea. */
async function paste(page, html, plain) {
  return page.evaluate(([html, plain]) => {
    const area = document.getElementById('article-text');
    area.focus();
    const data = new DataTransfer();
    if (html) data.setData('text/html', html);
    data.setData('text/plain', plain);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    area.dispatchEvent(event);
    return event.defaultPrevented;
  }, [html, plain]);
}

test('a rich paste shows the rendered text and marks the <nav> as boilerplate', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  const handled = await paste(page, PASTED, 'plain fallback');
  assert.equal(handled, true, 'the page handled the paste itself');
  const area = page.getByRole('textbox', { name: 'Article text' });
  assert.equal(await area.inputValue(), RENDERED);
  await page.locator('#rich-paste-note').waitFor();
  assert.match(await page.locator('#rich-paste-note').textContent(), /Pasted as formatted text/);

  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.locator('article.article').waitFor();
  const nav = page.locator('article mark[data-kind=boilerplate][data-first]').first();
  const shown = await page.$$eval('article mark[data-kind=boilerplate]', (marks) =>
    marks.map((m) => m.textContent).join(''));
  assert.equal(shown, 'Harbours\nWeather\nShipping', 'only the menu is boilerplate');
  assert.equal(await page.locator('h2.article-title').textContent(), 'Dredging starts on the northern channel',
    'the title is the headline, not the menu above it');
  await nav.focus();
  const tooltip = page.getByRole('tooltip');
  await tooltip.waitFor();
  assert.match(await tooltip.textContent(), /navigation \(<nav>\)/);
  await screenshot(page, 'rich-paste-nav');

  const canary = await page.evaluate(() => window.__richPasteCanary);
  assert.equal(canary, undefined, 'nothing in the pasted HTML ran');
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'the pasted markup is not in the DOM');
  assertClean();
});

test('editing the text drops the hints it touched; plain-text wrappers paste as usual', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  await paste(page, PASTED, 'plain fallback');
  const area = page.getByRole('textbox', { name: 'Article text' });
  // The menu's words replaced: its hint no longer fits and must not apply.
  const edited = RENDERED.replace('Harbours\nWeather\nShipping', 'Ports\nClimate\nCargo');
  await area.fill(edited);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.locator('article.article').waitFor();
  const marks = page.locator('article mark[data-kind=boilerplate][data-first]');
  for (let i = 0; i < (await marks.count()); i += 1) {
    await marks.nth(i).focus();
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    assert.doesNotMatch(await tooltip.textContent(), /<nav>/, 'no hint applied to edited words');
  }
  // The article's own paragraphs still carry their hints: the body is kept.
  assert.equal(
    await page.locator('article mark[data-kind=boilerplate]', { hasText: 'harbour board voted' }).count(),
    0,
  );

  // HTML that only wraps plain text in styled spans says nothing about the
  // page: the browser pastes the plain text itself.
  const handled = await paste(page, '<meta charset="utf-8"><span style="color: red">Just words</span>', 'Just words');
  assert.equal(handled, false);
  assertClean();
});

test('the JS API annotates HTML: annotateHtml returns the rendered text and its annotations', async () => {
  const page = await live.context.newPage();
  await page.goto(`${live.url}api/example.html`);
  const result = await page.evaluate(async (html) => {
    const api = await import('./annotator.js');
    await api.init();
    return { ...api.annotateHtml(html), canary: window.__richPasteCanary };
  }, PASTED);
  assert.equal(result.text, RENDERED);
  const nav = result.annotations.find((a) => a.kind === 'boilerplate');
  assert.equal(result.text.slice(nav.start16, nav.end16), 'Harbours\nWeather\nShipping');
  assert.equal(nav.reasons[0], 'navigation (<nav>)');
  assert.equal(result.canary, undefined);
  await page.close();
});
