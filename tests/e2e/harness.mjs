// Shared set-up for the end-to-end tests: the built page (dist/) served by
// target/release/serve on a free loopback port, and the system Chromium
// driven by playwright-core (never a downloaded browser).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(ROOT, 'target', 'screenshots');
export const ARTICLE = readFileSync(join(ROOT, 'tests/fixtures/moscow-times-kursk.txt'), 'utf8');
export const EXPECTED = JSON.parse(
  readFileSync(join(ROOT, 'tests/fixtures/moscow-times-kursk.expected.json'), 'utf8'),
);
export const KINDS = ['claim', 'quote', 'boilerplate'];

/** The text between two code-point offsets (the fixture's units). */
export function sliceCodePoints(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server on a port the OS picks; resolves to its base URL. */
export async function startServer() {
  // scripts/test points SERVE at the debug build it already has.
  const binary = resolve(ROOT, process.env.SERVE ?? 'target/release/serve');
  const server = spawn(binary, ['0', join(ROOT, 'dist')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 10_000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { url, stop: () => server.kill() };
}

export async function startBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'annotator-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1360, height: 1000 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A phone: a 390×844 touch screen (mobile viewport, touch events, coarse
 * pointer) in its own browser, for the layout a phone gets.
 */
export async function startPhone() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  return { context, close: () => browser.close() };
}

/**
 * Starts the server and the browser before a test file's tests and stops
 * them after; returns `{ url, context }`, filled in once they run.
 */
export function servedPageAndBrowser() {
  const live = {};
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await startBrowser();
    live.url = server.url;
    live.context = browser.context;
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });
  return live;
}

/**
 * Opens the page and records every request and console error, so that a
 * test can assert the page stayed on its own origin and logged no error.
 */
/**
 * Tests of the quick scores and of the workflow keep the language model off:
 * its rescoring arrives whenever it is done and would move the claims they
 * count. The page starts the encoder only if it finds
 * window.annotatorEncoder (www/boot.js), which this hides. Call before goto.
 */
export async function keepLanguageModelOff(page) {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'annotatorEncoder', { get: () => undefined, set: () => {}, configurable: true });
  });
}

/** Where the page keeps the article to reopen (src/analysis/library.rs). */
const SESSION_KEY = 'article-annotator/session';

/**
 * From now on, every load of `page` starts with nothing to reopen (the
 * benchmark's pages: a reopened article would be measured in place of the
 * pasted one). Not for tests of reload, which this would defeat.
 */
export async function forgetSessionOnLoad(page) {
  await page.addInitScript((key) => localStorage.removeItem(key), SESSION_KEY);
}

export async function openPage(context, url, { colorScheme = 'light', fresh = false, lexical = false } = {}) {
  const page = await context.newPage();
  if (lexical) await keepLanguageModelOff(page);
  await page.emulateMedia({ colorScheme });
  const origin = new URL(url).origin;
  const foreign = [];
  const errors = [];
  page.on('request', (request) => {
    const target = request.url();
    // data: URLs (none expected) never leave the machine either.
    if (!target.startsWith('data:') && new URL(target).origin !== origin) foreign.push(target);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await page.getByRole('button', { name: 'Annotate' }).waitFor();
  if (fresh) {
    // A page opened where an article was left open reopens it through the
    // worker; a test that counts the worker's replies starts from a page
    // with nothing to reopen (the library keeps its articles).
    await page.evaluate((key) => localStorage.removeItem(key), SESSION_KEY);
    await page.reload();
    await page.getByRole('button', { name: 'Annotate' }).waitFor();
  }
  return {
    page,
    assertClean() {
      assert.deepEqual(foreign, [], 'the page requested nothing outside its own origin');
      assert.deepEqual(errors, [], 'no console errors');
    },
  };
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Each annotation's marks grouped by data-ann: {kind, start, end, text}. */
export async function markGroups(page) {
  return page.$$eval('article mark', (marks) => {
    const groups = new Map();
    for (const mark of marks) {
      const id = mark.dataset.ann;
      if (!groups.has(id)) {
        groups.set(id, {
          kind: mark.dataset.kind,
          start: Number(mark.dataset.start),
          end: Number(mark.dataset.end),
          text: '',
        });
      }
      groups.get(id).text += mark.textContent;
    }
    return [...groups.values()];
  });
}

export async function legendCount(page, kind) {
  return Number(await page.locator(`.legend button[data-kind=${kind}] .legend-count`).textContent());
}

export async function annotate(page, text) {
  await page.getByRole('textbox', { name: 'Article text' }).fill(text);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await analysed(page);
}

/**
 * Waits until the text just sent for analysis is on show. The previous
 * article, with its marks, stays on show until the worker answers; the page
 * marks itself busy (aria-busy) when it sends the request, before the click
 * that sent it returns, so waiting for the busy mark to go is enough.
 */
export async function analysed(page) {
  await page.locator('.main-column:not([aria-busy])').waitFor();
  await page.locator('article.article').waitFor();
}

/**
 * Waits until `read()` gives `expected` (a value, or a RegExp to match):
 * the page renders, analyses and saves after the event that changed it.
 * Fails with `message` and the last value seen after `timeoutMs`.
 */
export async function eventually(read, expected, message = 'value', timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await read();
    const ok = expected instanceof RegExp ? expected.test(String(last ?? '')) : last === expected;
    if (ok) return last;
    if (Date.now() > deadline) {
      assert.fail(`${message}: expected ${expected}, last saw ${JSON.stringify(last)?.slice(0, 300)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
