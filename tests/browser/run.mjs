// Drives headless Chromium through a built briefing site as a reader would.
// usage: node run.mjs SITE_DIR PLAN_JSON
//   PLAN_JSON: { searches: [{query, filters?, expect}], tokens: [{text, terms}],
//                hashes: [{text, hash, buckets, bucket}], passages: query }
//   where `expect` is the href (relative to the site) the first result must
//   link to, `terms` what the Rust tokeniser makes of `text`, and `hash` and
//   `bucket` Rust's FNV-1a of `text` and its passage bucket among `buckets`;
//   `passages` a query with results in several documents of each bucket.
// Checks: click-through home → theme → passage → document → dialogue → year;
// each search finds its section and the link lands there; search.js tokenises
// and hashes like Rust; results show their passages, each bucket script
// loaded once, and show without them when the scripts fail; Tab reaches
// every link; no horizontal overflow at 390 px; axe-core finds no violation
// on any page type. Prints every failure, exits 1 if any.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, extname, normalize } from 'node:path';

const require = createRequire(import.meta.url);
const [siteDir, planPath] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planPath, 'utf8'));
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const failures = [];
const fail = (what) => { failures.push(what); console.log(`FAIL ${what}`); };
const ok = (what) => console.log(`ok   ${what}`);
const check = (cond, what) => (cond ? ok(what) : fail(what));

// ---- a static server on loopback ----------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.svg': 'image/svg+xml', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(siteDir, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  const found = existsSync(file);
  res.writeHead(found ? 200 : 404, { 'content-type': TYPES[found ? extname(file) : '.html'] || 'application/octet-stream' });
  res.end(readFileSync(found ? file : join(siteDir, '404.html')));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

// ---- one page of each kind ----------------------------------------------
const first = (dir) => {
  const files = readdirSync(join(siteDir, dir)).filter((f) => f.endsWith('.html')).sort();
  return files.length ? `${dir}/${files[0]}` : null;
};
const pageTypes = {
  home: 'index.html', document: first('documents'), theme: first('themes'), dialogue: first('dialogues'),
  year: first('years'), themes: 'themes.html', dialogues: 'dialogues.html', years: 'years.html',
  glossary: 'glossary.html', search: 'search.html', 'search results': `search.html?q=${encodeURIComponent(plan.searches[0].query)}`,
  'not found': 'no-such-page.html',
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
// The site's CSP forbids inline script; the harness injects axe-core inline, so it bypasses CSP.
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
const errors = [];
context.on('page', (p) => p.on('pageerror', (e) => errors.push(`${p.url()}: ${e.message}`)));
const page = await context.newPage();
page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
const path = () => new URL(page.url()).pathname.slice(1);

async function settle(url) {
  await page.goto(new URL(url, base).href, { waitUntil: 'load' });
  if (url.startsWith('search.html?')) await page.waitForSelector('#search-results li', { timeout: 5000 }).catch(() => {});
}

async function clickThrough() {
  await settle('index.html');
  const steps = [
    ['theme', 'main a[href*="themes/"][href*=".html"]:not([href$=".xml"])', /^themes\//],
    ['passage deep link', 'main a[href*="documents/"][href*="#"]', /^documents\//],
    ['dialogue', 'main a[href*="dialogues/"]', /^dialogues\//],
    ['year', 'main a[href*="years/"]', /^years\//],
  ];
  for (const [label, selector, where] of steps) {
    const link = page.locator(selector).first();
    if (!(await link.count())) { fail(`click-through: no ${label} link on ${path()}`); return; }
    const from = path();
    await Promise.all([page.waitForURL((u) => u.pathname.slice(1) !== from), link.click()]);
    check(where.test(path()), `click-through: ${label} link on ${from} leads to ${path()}`);
    const h1 = await page.locator('h1').first().textContent().catch(() => '');
    check(h1 && h1.trim().length > 0, `click-through: ${path()} has a heading (${(h1 || '').trim()})`);
    if (label === 'passage deep link') await checkTarget(label);
  }
}

// The #fragment of the current page names an element that is on screen.
async function checkTarget(label) {
  const state = await page.evaluate(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const el = id && document.getElementById(id);
    if (!el) return { id, found: false };
    const r = el.getBoundingClientRect();
    return { id, found: true, visible: r.top >= -2 && r.top < innerHeight };
  });
  check(state.found && state.visible, `${label}: #${state.id} exists on ${path()} and is scrolled into view`);
}

async function searches() {
  for (const s of plan.searches) {
    const params = new URLSearchParams({ q: s.query, ...(s.filters || {}) });
    await settle(`search.html?${params}`);
    const results = page.locator('#search-results li a');
    const count = await results.count();
    const status = (await page.locator('#search-status').textContent()) || '';
    if (s.expect === null) { check(count === 0, `search ${params}: no results (${status.trim()})`); continue; }
    const href = count ? await results.first().getAttribute('href') : null;
    check(href === s.expect, `search ${params}: first result ${href}, expected ${s.expect} (${status.trim()})`);
    if (href !== s.expect) continue;
    await page.waitForSelector('#search-results li:first-child mark', { timeout: 5000 }).catch(() => {});
    check(await page.locator('#search-results li:first-child mark').count() > 0, `search ${params}: passage highlights the terms`);
    await Promise.all([page.waitForURL(/documents\//), results.first().click()]);
    if (s.expect.includes('#')) await checkTarget(`search result for ${s.query}`);
  }
  await settle('search.html');
  await page.fill('#search-q', plan.searches[0].query);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q'), null, { timeout: 5000 }).catch(() => {});
  const q = new URL(page.url()).searchParams.get('q');
  check(q === plan.searches[0].query, `search: typing puts the query in the URL (?q=${q})`);
}

// With JavaScript off, the header search box still leads somewhere useful.
async function withoutScript() {
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const p = await plain.newPage();
  await p.goto(new URL('index.html', base).href);
  await p.fill('#site-search-q', 'anything');
  await Promise.all([p.waitForURL(/search\.html\?q=anything/), p.press('#site-search-q', 'Enter')]);
  const fallback = await p.locator('main a[href="themes.html"], main a[href="years.html"]').count();
  const says = (await p.locator('main').textContent()).includes('needs JavaScript');
  check(fallback === 2 && says, `without JavaScript: search.html says search needs it and offers the index pages`);
  await plain.close();
}

async function tokens() {
  await settle('search.html');
  for (const t of plan.tokens) {
    const got = await page.evaluate((text) => window.BriefingSearch.tokenize(text), t.text);
    check(JSON.stringify(got) === JSON.stringify(t.terms), `tokenize(${JSON.stringify(t.text)}) = ${JSON.stringify(got)} in JS and ${JSON.stringify(t.terms)} in Rust`);
  }
}

async function hashes() {
  await settle('search.html');
  for (const h of plan.hashes) {
    const got = await page.evaluate(([text, buckets]) =>
      [window.BriefingSearch.fnv1a(text), window.BriefingSearch.textBucket(text, buckets)], [h.text, h.buckets]);
    check(got[0] === h.hash && got[1] === h.bucket,
      `fnv1a(${JSON.stringify(h.text)}) = ${got[0]}, bucket ${got[1]} of ${h.buckets} in JS and ${h.hash}, ${h.bucket} in Rust`);
  }
}

// Passages come from the bucket scripts: the results shown get theirs, a
// bucket script is loaded once however many results are in it, and without
// the scripts the results still show, without passages.
async function passages() {
  const url = `search.html?q=${encodeURIComponent(plan.passages)}`;
  const settled = () => page.waitForFunction(() => {
    const passages = [...document.querySelectorAll('#search-results .search-result__passage')];
    return document.querySelector('#search-results li') && passages.every((p) => p.innerHTML !== '');
  }, null, { timeout: 5000 }).then(() => true, () => false);
  const count = (selector) => page.locator(`#search-results ${selector}`).count();
  const requested = [];
  const listen = (request) => { if (/\/search\/\d+\.js$/.test(request.url())) requested.push(request.url()); };
  page.on('request', listen);
  await settle(url);
  const loaded = await settled();
  page.off('request', listen);
  const [results, shown] = [await count('li'), await count('.search-result__passage')];
  check(loaded && shown > 1, `passages: ${shown} of ${results} results show a passage`);
  const once = new Set(requested).size === requested.length;
  check(once && requested.length < results, `passages: ${requested.length} bucket scripts loaded, each once, for ${results} results`);
  await page.route('**/search/*.js', (route) => route.abort());
  await settle(url);
  const settledWithout = await settled();
  const [without, passagesWithout] = [await count('li'), await count('.search-result__passage')];
  await page.unroute('**/search/*.js');
  check(settledWithout && without === results && passagesWithout === 0,
    `passages: without the bucket scripts ${without} results show, ${passagesWithout} passages`);
}

// Tab from the top of the page; every rendered link must receive focus.
async function keyboard(name, url) {
  await settle(url);
  const total = await page.evaluate(() => {
    const links = [...document.querySelectorAll('a[href]')].filter((a) => a.getClientRects().length > 0);
    links.forEach((a, i) => { a.dataset.kbd = String(i); });
    return links.length;
  });
  const seen = new Set();
  const limit = total * 2 + 40;
  for (let i = 0; i < limit && seen.size < total; i++) {
    await page.keyboard.press('Tab');
    const k = await page.evaluate(() => document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.kbd : undefined);
    if (k !== undefined) seen.add(k);
  }
  if (new URL(page.url()).pathname !== new URL(new URL(url, base)).pathname) { fail(`keyboard ${name}: Tab navigated away`); return; }
  check(seen.size === total, `keyboard ${name}: Tab reached ${seen.size} of ${total} links`);
}

async function narrow(name, url) {
  await page.setViewportSize({ width: 390, height: 844 });
  await settle(url);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 390, `390 px ${name}: scrollWidth ${width}`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function axe(name, url) {
  await settle(url);
  await page.addScriptTag({ content: axeSource });
  const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  for (const v of r.violations) {
    fail(`axe ${name} (${url}): ${v.id} (${v.impact}) x${v.nodes.length}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }
  if (!r.violations.length) ok(`axe ${name}: no violations`);
}

try {
  await clickThrough();
  await searches();
  await tokens();
  await hashes();
  await passages();
  await withoutScript();
  for (const [name, url] of Object.entries(pageTypes)) {
    if (!url) { fail(`no ${name} page in the site`); continue; }
    await keyboard(name, url);
    await narrow(name, url);
    await axe(name, url);
  }
  for (const e of errors) fail(`script error: ${e}`);
} catch (e) {
  fail(`harness: ${e.stack || e}`);
} finally {
  await browser.close();
  server.close();
}
console.log(`${failures.length} browser check${failures.length === 1 ? '' : 's'} failed`);
process.exit(failures.length ? 1 : 0);
