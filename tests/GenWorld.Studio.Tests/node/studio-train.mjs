// Starts a tiny fine-tune from the page's Train panel and follows it to the end; prints what the page saw as JSON.
// Usage: node studio-train.mjs BASE_URL OUT_DIR HYPERPARAMETERS_JSON
import puppeteer from 'puppeteer-core';

const [base, out, hyper] = process.argv.slice(2);
const result = {};
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1300 });
  await page.goto(`${base}/studio/`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.studioTest?.ready === true || window.studioTest?.errors.length > 0, { timeout: 60000 });
  const fill = (id, value) => page.$eval(id, (el, v) => { el.value = v; }, value);
  await fill('#job-dataset', 'fixtures/notes');
  await fill('#job-name', 'studio-notes');
  await fill('#job-steps', '60');
  await fill('#job-hyper', hyper);
  await page.click('#job-start');
  // The curve must grow while the job runs, not only at the end.
  await page.waitForFunction(() => (window.studioTest.train?.points ?? 0) >= 2 || window.studioTest.errors.length > 0, { timeout: 240000 });
  result.pointsWhileRunning = await page.evaluate(() => ({ points: window.studioTest.train.points, states: window.studioTest.train.states }));
  await page.waitForFunction(() => ['succeeded', 'failed', 'cancelled'].some((s) => window.studioTest.train?.states.includes(s)) || window.studioTest.errors.length > 0, { timeout: 300000 });
  await page.waitForFunction(() => (window.studioTest.modelsReloaded ?? 0) > 0 || window.studioTest.errors.length > 0, { timeout: 30000 });
  result.train = await page.evaluate(() => window.studioTest.train);
  result.errors = await page.evaluate(() => window.studioTest.errors);
  result.models = await page.$$eval('#model option', (options) => options.map((o) => o.textContent));
  result.jobs = await page.$$eval('#jobs li', (items) => items.map((i) => i.textContent));
  await page.screenshot({ path: `${out}/train.png` });
} catch (e) {
  result.error = String(e?.stack || e);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result));
