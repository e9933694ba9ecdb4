// End-to-end: hostile input never runs or loads anything. Pasted text and
// pasted HTML carrying <script>, event handlers, javascript: links, CSS
// tricks, iframes and SVG; the same strings typed as plain text; and an
// imported W3C file whose note, sources and speaker carry them. After each,
// every mark and link of the result is clicked, and then: the canary
// `window.__canary` is still unset, nothing outside the page's origin was
// requested, the console holds no error (a CSP refusal would be one), no
// active element (script, img, iframe...) appeared anywhere, and the
// hostile strings show as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysed, annotate, openPage, servedPageAndBrowser } from './harness.mjs';

const live = servedPageAndBrowser();

const EVIL = 'https://evil.test';
const HOSTILE = [
  '<script>window.__canary=1</script>',
  '<img src=x onerror="window.__canary=1">',
  `<img src="${EVIL}/pixel.png">`,
  '<a href="javascript:window.__canary=1">read more</a>',
  `<style>@import url(${EVIL}/a.css); body { background: url(${EVIL}/b.png) }</style>`,
  `<link rel="stylesheet" href="${EVIL}/c.css">`,
  `<div style="background-image: url(${EVIL}/d.png)">styled words</div>`,
  '<iframe srcdoc="<script>parent.__canary=1</script>"></iframe>',
  '<svg onload="window.__canary=1"><circle r="4"/></svg>',
  '<object data="javascript:window.__canary=1"></object>',
  `<base href="${EVIL}/">`,
  '<meta http-equiv="refresh" content="0;url=javascript:window.__canary=1">',
  '<form action="javascript:window.__canary=1"><button>Send</button></form>',
  '<details open ontoggle="window.__canary=1">x</details>',
];

/** Our own story with every hostile string inside a quote or a claim. */
const PLAIN = [
  'Town hall website hacked, council says',
  `The council said on Friday that 3,200 pages were changed by the attackers ${HOSTILE.slice(0, 5).join(' ')}.`,
  `"We found ${HOSTILE[5]} and ${HOSTILE[6]} in the templates," said the IT chief, Rosa Imre.`,
  `Officials said 14 of 20 servers ran ${HOSTILE.slice(7, 11).join(' ')} old software.`,
  `${HOSTILE.slice(11).join(' ')} Subscribe to our newsletter for more local news.`,
].join('\n');

/** The same story as a web page would put it on the clipboard. */
const HTML = `<html><head>${HOSTILE[4]}${HOSTILE[5]}${HOSTILE[10]}${HOSTILE[11]}</head><body>
<article><h1>Town hall website hacked, council says</h1>
<p>The council said on Friday that 3,200 pages were changed ${HOSTILE[0]}${HOSTILE[1]}${HOSTILE[2]}
by the attackers <a href="javascript:window.__canary=1">read more</a>.</p>
<p style="background:url(${EVIL}/e.png)">"We found bad code in the templates," said the IT chief, Rosa Imre.</p>
${HOSTILE[7]}${HOSTILE[8]}${HOSTILE[9]}${HOSTILE[12]}${HOSTILE[13]}
<p onclick="window.__canary=1">Officials said 14 of 20 servers ran old software.</p>
</article></body></html>`;

const ACTIVE = 'script:not([src]), script[src]:not([src$="boot.js"]), img, iframe, svg, object, embed, '
  + 'base, meta[http-equiv=refresh], form:not(.judgement):not(.details-form):not(.speaker), details, link:not([rel=icon]):not([rel=manifest])'
  + ':not([href$="style.css"]), style, [onerror], [onload], [onclick], [ontoggle], [style*="url("], a[href^="javascript:" i]';

/** Clicks every mark and link of the annotated article, then checks the canary. */
async function clickEverything(page) {
  const marks = page.locator('article.article mark');
  const count = await marks.count();
  assert.ok(count > 0, 'the story has marks to click');
  for (let i = 0; i < count; i += 1) {
    await marks.nth(i).click({ force: true });
  }
  const links = page.locator('article.article a');
  for (let i = 0; i < (await links.count()); i += 1) {
    await links.nth(i).click({ force: true });
  }
  // Give any handler, timer or stylesheet a moment to act.
  await page.waitForTimeout(300);
}

async function assertNothingRan(page, assertClean, where) {
  assert.equal(await page.evaluate(() => window.__canary), undefined, `${where}: the canary is unset`);
  const active = await page.$$eval(ACTIVE, (found) => found.map((e) => e.outerHTML.slice(0, 120)));
  assert.deepEqual(active, [], `${where}: no active element anywhere in the page`);
  assert.equal(new URL(page.url()).origin, new URL(live.url).origin, `${where}: still on the page`);
  assertClean();
}

/** Every hostile string appears, as text, in the annotated article. */
async function assertShownAsText(page, strings) {
  const shown = await page.locator('article.article').evaluate((a) => a.textContent);
  for (const hostile of strings) {
    assert.ok(shown.includes(hostile), `shown as text: ${hostile}`);
  }
}

/**
 * Pastes into the article box with a real ClipboardEvent carrying both
 * text/plain and text/html. A script-made event gets no default action,
 * so when the page does not handle it, the browser's default (inserting
 * the plain text) is done here.
 */
async function pasteEvent(page, plain, html) {
  await page.evaluate(({ plain, html }) => {
    const area = document.getElementById('article-text');
    area.focus();
    area.value = '';
    const data = new DataTransfer();
    data.setData('text/plain', plain);
    data.setData('text/html', html);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (area.dispatchEvent(event)) {
      area.setRangeText(plain, area.selectionStart, area.selectionEnd, 'end');
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
  }, { plain, html });
}

test('pasted HTML and text with scripts, handlers, javascript: links and CSS tricks run nothing', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  await pasteEvent(page, PLAIN, HTML);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await analysed(page);
  await clickEverything(page);
  await assertNothingRan(page, assertClean, 'ClipboardEvent paste');
  // The words of the story are there, and no markup was turned into elements.
  const shown = await page.locator('article.article').textContent();
  assert.match(shown, /3,200 pages were changed/);
  assert.match(shown, /said the IT chief, Rosa Imre/);
  await page.close();
});

test('a trusted Ctrl+V paste from the system clipboard (text/plain and text/html) runs nothing', async () => {
  await live.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(live.url).origin });
  // Chromium sanitises text/html as it is written to the clipboard, in the
  // writing page (where our CSP logs refusals), so another page writes it.
  const writer = await live.context.newPage();
  await writer.goto(live.url);
  await writer.evaluate(({ plain, html }) => navigator.clipboard.write([new ClipboardItem({
    'text/plain': new Blob([plain], { type: 'text/plain' }),
    'text/html': new Blob([html], { type: 'text/html' }),
  })]), { plain: PLAIN, html: HTML });
  await writer.close();
  const { page, assertClean } = await openPage(live.context, live.url);
  await page.bringToFront();
  const box = page.getByRole('textbox', { name: 'Article text' });
  await box.fill('');
  await box.focus();
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => document.getElementById('article-text').value.length > 0);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await analysed(page);
  await clickEverything(page);
  await assertNothingRan(page, assertClean, 'Ctrl+V paste');
  assert.match(await page.locator('article.article').textContent(), /3,200 pages were changed/);
  await live.context.clearPermissions();
  await page.close();
});

test('the hostile strings typed as plain text show as text and run nothing', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  await annotate(page, PLAIN);
  await clickEverything(page);
  await assertNothingRan(page, assertClean, 'typed text');
  await assertShownAsText(page, HOSTILE);
  // Typed key by key too (a shorter story: typing is slow).
  const typed = `Officials said 40 pages ran ${HOSTILE[1]} and ${HOSTILE[3]} last year.`;
  const box = page.getByRole('textbox', { name: 'Article text' });
  await box.fill('');
  await box.pressSequentially(typed);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await analysed(page);
  await clickEverything(page);
  await assertNothingRan(page, assertClean, 'text typed key by key');
  await assertShownAsText(page, [HOSTILE[1], HOSTILE[3]]);
  await page.close();
});

test('an imported W3C file with javascript: sources and HTML in its note and speaker runs nothing', async () => {
  const { page, assertClean } = await openPage(live.context, live.url);
  await page.evaluate(() => localStorage.clear());
  const story = 'Ferry fares rise\nThe port raised ferry fares by 12 percent in March, the operator said.';
  await annotate(page, story);
  const claim = 'The port raised ferry fares by 12 percent in March, the operator said.';
  const sources = [
    'javascript:window.__canary=1',
    '  JavaScript:window.__canary=1',
    'data:text/html,<script>parent.__canary=1</script>',
    'vbscript:msgbox(1)',
    '//evil.test/protocol-relative',
    'https://example.org/fares-report',
  ];
  const file = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [{
        type: 'Annotation',
        id: 'urn:x#hostile-1',
        body: [
          { type: 'TextualBody', purpose: 'classifying', value: 'claim' },
          { type: 'TextualBody', purpose: 'assessing', value: 'False' },
          { type: 'TextualBody', purpose: 'commenting', value: `${HOSTILE[1]} ${HOSTILE[0]}` },
          { type: 'TextualBody', purpose: 'identifying', value: HOSTILE[8] },
          ...sources.map((source) => ({ type: 'SpecificResource', purpose: 'linking', source })),
        ],
        target: { selector: [{ type: 'TextQuoteSelector', exact: claim }] },
        'annotator:reasons': [HOSTILE[3]],
      }],
    },
  };
  await page.setInputFiles('#import-file', {
    name: 'hostile.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.getByRole('region', { name: 'Imported 1 annotations' }).waitFor();
  const mark = page.locator('article.article mark[data-verdict="false"]');
  await mark.first().click();
  const card = page.locator('section.card');
  await card.waitFor();
  // The note and the speaker are text in their fields; only the https
  // source is a link, every other source is plain text.
  assert.equal(await card.locator('#judgement-note').inputValue(), `${HOSTILE[1]} ${HOSTILE[0]}`);
  assert.equal(await card.locator('#judgement-author').inputValue(), HOSTILE[8]);
  const hrefs = await card.locator('.sources a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, ['https://example.org/fares-report']);
  const items = await card.locator('.sources li').allTextContents();
  assert.deepEqual(items, sources, 'every source listed as written');
  for (const item of await card.locator('.sources li:not(:has(a))').all()) {
    await item.click();
  }
  await clickEverything(page);
  await assertNothingRan(page, assertClean, 'imported file');
  await page.close();
});
