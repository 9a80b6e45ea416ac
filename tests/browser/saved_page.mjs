// Opens a document's saved web page, as published by a built briefing site,
// in headless Chromium, and checks that nothing of the page runs.
// usage: node saved_page.mjs SITE_DIR DOCUMENT_PAGE EXPECTED_TEXT
//   DOCUMENT_PAGE: the document's page in the site (documents/x.html),
//   whose "original document" link leads to the saved page;
//   EXPECTED_TEXT: words the saved page must still show.
// The page tries to run script every way a saved page can (inline and
// external scripts, event handlers, javascript: links, forms, frames,
// objects, a refresh, a base address), each by asking the server for a
// path that starts with /pwned. Checks, with the page's Content-Security-
// Policy and then without it (bypassCSP: the sanitising alone): the link
// opens the page, the text is there, no /pwned request reached the server,
// no dialog opened, no script set window.__pwned. Exits 1 on any failure.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';

const [siteDir, documentPage, expectedText] = process.argv.slice(2);
const failures = [];
const check = (cond, what) => {
  console.log(`${cond ? 'ok  ' : 'FAIL'} ${what}`);
  if (!cond) failures.push(what);
};

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8' };
const pwned = [];
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  if (path.includes('pwned')) pwned.push(path);
  const file = join(siteDir, path);
  const found = existsSync(file) && statSync(file).isFile();
  res.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
  res.end(found ? readFileSync(file) : 'not found');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const bypassCSP of [false, true]) {
  const how = bypassCSP ? 'sanitised, CSP bypassed' : 'with its CSP';
  pwned.length = 0;
  const context = await browser.newContext({ bypassCSP });
  const page = await context.newPage();
  try {
    await visit(page, how);
  } catch (e) {
    check(false, `${how}: the page could be visited to the end (${e.message.split('\n')[0]})`);
  }
  check(pwned.length === 0, `${how}: nothing the page asked for was fetched (${pwned.join(', ')})`);
  await context.close().catch(() => {});
}
await browser.close().catch(() => {});
server.close();
if (failures.length) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}

async function visit(page, how) {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await page.goto(new URL(documentPage, base).href, { waitUntil: 'load' });
  const link = page.locator('a', { hasText: 'The original document' });
  check(await link.count() === 1, `${how}: the document page links to the original`);
  await Promise.all([page.waitForLoadState('load'), link.click()]);
  await page.waitForTimeout(2500);
  check(new URL(page.url()).pathname.includes('/sources/'), `${how}: the link opens the saved page (${page.url()})`);
  const text = await page.evaluate(() => document.body ? document.body.innerText : '');
  check(text.includes(expectedText), `${how}: the saved page shows its text`);
  await page.locator('#script-link, a', { hasText: 'Read the annex' }).first().click().catch(() => {});
  await page.locator('h1').first().click().catch(() => {});
  await page.waitForTimeout(500);
  const ran = await page.evaluate(() => window.__pwned).catch(() => 'navigated away');
  check(ran === undefined, `${how}: no script ran (window.__pwned: ${ran})`);
  check(dialogs === 0, `${how}: no dialog opened`);
}
