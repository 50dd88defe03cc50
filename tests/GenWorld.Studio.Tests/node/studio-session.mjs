// Drives GenWorld Studio in Debian's headless Chromium and prints one JSON object of what it observed; the C# tests
// (GenWorld.Studio.Tests) make the assertions, decode the exported WAV and regenerate codes with the CLI.
// Usage: node studio-session.mjs BASE_URL OUT_DIR [LATENCY_CLICKS] [THINK_MS]
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

const [base, out, clicksArg, thinkArg] = process.argv.slice(2);
const clicks = Number(clicksArg || 30);
const thinkMs = Number(thinkArg || 400); // a person listens before the next click; the page prefetches meanwhile
const result = { steps: [] };
const step = (name, data) => { result.steps.push(name); Object.assign(result, data); };

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.setViewport({ width: 1400, height: 1300 });
  await page.goto(`${base}/studio/`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.studioTest?.ready === true || window.studioTest?.errors.length > 0, { timeout: 60000 });
  const plays = () => page.evaluate(() => window.studioTest.plays.length);
  const last = () => page.evaluate(() => window.studioTest.last);
  async function clickAndWait(selector) {
    const before = await plays();
    await page.click(selector);
    await page.waitForFunction((n) => window.studioTest.plays.length > n || window.studioTest.errors.length > 0, { timeout: 60000 }, before);
    const errors = await page.evaluate(() => window.studioTest.errors);
    if (errors.length) throw new Error(`page error after ${selector}: ${errors.join('; ')}`);
    return last();
  }

  // Map: click the canvas at an anchor's screen position.
  const map = await page.evaluate(() => ({ count: window.studioTest.map.count, labels: window.studioTest.map.labels, point: window.studioTest.map.screen[1234 % window.studioTest.map.count] }));
  const box = await page.$eval('#map', (c) => { const r = c.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width / c.width, h: r.height / c.height }; });
  await page.mouse.move(box.x + map.point[0] * box.w, box.y + map.point[1] * box.h);
  const hover = await page.$eval('#hover', (h) => (h.hidden ? '' : h.textContent));
  const beforeMap = await plays();
  await page.mouse.click(box.x + map.point[0] * box.w, box.y + map.point[1] * box.h);
  await page.waitForFunction((n) => window.studioTest.plays.length > n || window.studioTest.errors.length > 0, { timeout: 60000 }, beforeMap);
  const mapPlay = await last();
  const anchor = await page.evaluate(() => window.studioTest.lastAnchor);
  const legend = await page.$$eval('#legend li', (items) => items.map((i) => i.textContent));
  step('map', { mapCount: map.count, mapLabels: map.labels, legend, hover, mapPlay, anchor });

  // Randomize, then lock dimensions 0 and 5 and mutate / randomize.
  const randomized = await clickAndWait('#randomize');
  await page.click('#dims input.lock[data-dim="0"]');
  await page.click('#dims input.lock[data-dim="5"]');
  const mutated = await clickAndWait('#mutate');
  const randomizedLocked = await clickAndWait('#randomize');
  step('shape', { randomized, mutated, randomizedLocked });

  // Undo goes back to the sound before the last Randomize.
  const undone = await clickAndWait('#undo');
  step('undo', { undone });

  // Keep the current sound and export it at 44.1 kHz, 24-bit, stereo.
  const kept = await last();
  await page.select('#rate', '44100');
  await page.select('#bits', '24');
  await page.select('#channels', '2');
  await page.evaluate(() => { window.studioTest.lastExport = null; });
  await page.click('#export');
  await page.waitForFunction(() => window.studioTest.lastExport || window.studioTest.errors.length > 0, { timeout: 60000 });
  const exported = await page.evaluate(() => {
    const bytes = window.studioTest.lastExport.bytes;
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { name: window.studioTest.lastExport.name, base64: btoa(binary) };
  });
  writeFileSync(`${out}/export.wav`, Buffer.from(exported.base64, 'base64'));
  step('export', { exportName: exported.name, kept });

  // Paste the kept code back after another sound: the same bytes must come back.
  await clickAndWait('#randomize');
  await page.$eval('#code', (input, code) => { input.value = code; }, kept.code);
  const reloaded = await clickAndWait('#load-code');
  step('code', { reloaded });

  // Keep two sounds, tick both as blend corners and click the middle of the pad: their average plays.
  await page.click('#keep');
  const second = await clickAndWait('#randomize');
  await page.click('#keep');
  const shelf = await page.$$eval('#shelf li code', (codes) => codes.map((c) => c.textContent));
  await page.click('#shelf li:nth-child(1) input.corner');
  await page.click('#shelf li:nth-child(2) input.corner');
  const pad = await page.$eval('#blend', (c) => { const r = c.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; });
  const beforeBlend = await plays();
  await page.mouse.click(pad.x, pad.y);
  await page.waitForFunction((n) => window.studioTest.plays.length > n || window.studioTest.errors.length > 0, { timeout: 60000 }, beforeBlend);
  const blended = await last();
  step('blend', { shelf, blendEnds: [reloaded.latent, second.latent], blended });

  // A/B: set A, move on, set B, then play A: A's bytes again, without changing the current sound.
  await page.click('#set-a');
  const b = await clickAndWait('#mutate');
  await page.click('#set-b');
  const playedA = await clickAndWait('#play-a');
  const currentAfterA = await page.$eval('#code', (input) => input.value);
  step('ab', { a: blended, b, playedA, currentAfterA });

  // Click → sound latency over Mutate and Randomize clicks (each a new latent): back to back (the click lands before
  // the prefetch of the next sound could finish) and at a listener's pace (thinkMs between sound and next click).
  async function series(pause) {
    await page.evaluate(() => { window.studioTest.latencies = []; });
    for (let i = 0; i < clicks; i++) {
      if (pause > 0) await new Promise((r) => setTimeout(r, pause));
      await clickAndWait(i % 2 ? '#randomize' : '#mutate');
    }
    return page.evaluate((n) => ({ latencies: window.studioTest.latencies, generateMs: window.studioTest.plays.slice(-n).map((p) => p.generateMs) }), clicks);
  }
  const backToBack = await series(0);
  const paced = await series(thinkMs);
  step('latency', { backToBack, paced, thinkMs });

  // Textures: a tile and its code.
  await page.click('#tex-generate');
  await page.waitForFunction(() => window.studioTest.lastTexture || window.studioTest.errors.length > 0, { timeout: 60000 });
  const texture = await page.evaluate(() => ({ ...window.studioTest.lastTexture, tiled: getComputedStyle(document.getElementById('tex-tiled')).backgroundImage.startsWith('url(') }));
  step('texture', { texture });

  await page.screenshot({ path: `${out}/studio.png` });

  // A page from another origin cannot call the API: its JSON POST needs a preflight, which is refused.
  const evil = http.createServer((_, res) => { res.setHeader('Content-Type', 'text/html'); res.end('<!doctype html><title>elsewhere</title>'); });
  await new Promise((r) => evil.listen(0, '127.0.0.1', r));
  const other = await browser.newPage();
  await other.goto(`http://127.0.0.1:${evil.address().port}/`);
  const crossSite = await other.evaluate(async (api) => {
    try {
      const r = await fetch(`${api}/studio/api/sound`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ model: 'notes-vae', seed: 1, pitch: 60 }) });
      return { status: r.status, read: true };
    } catch (e) { return { blocked: String(e) }; }
  }, base);
  evil.close();
  step('crossSite', { crossSite, consoleErrors });
} catch (e) {
  result.error = String(e?.stack || e);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result));
