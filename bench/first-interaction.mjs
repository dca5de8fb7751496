// What a reader's first interaction costs now that the app starts on it (app-start.js):
// for each page, open it, wait until it has settled, press a key (as a reader's first key
// press), and print how long until the app is live and the long tasks (over 50 ms) the
// main thread ran meanwhile, with the CPU slowed 4x as Lighthouse's mobile preset does.
// The network is not throttled: add the wasm's download at the reader's speed.
// Prints figures; it is not a test. Run by bench/pages.sh, or:
//   node bench/first-interaction.mjs http://127.0.0.1:8193 /meetings/x /decisions
import puppeteer from './node_modules/puppeteer-core/lib/esm/puppeteer/puppeteer-core.js';

const [origin, ...pages] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
console.log('| page | key press to live | long tasks meanwhile (ms, 4x CPU) | blocking time (sum over 50 ms) |');
console.log('|---|---:|---|---:|');
for (const path of pages) {
  const page = await browser.newPage();
  await page.setViewport({ width: 412, height: 823, isMobile: true, hasTouch: true });
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(origin + path, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 1500));
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push(e.duration)))
      .observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-mb-app') === 'live',
    { timeout: 60000, polling: 50 });
  const live = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 500));
  const tasks = await page.evaluate(() => window.__tasks.map(Math.round));
  const blocking = tasks.reduce((s, d) => s + Math.max(0, d - 50), 0);
  console.log(`| \`${path}\` | ${live} ms | ${tasks.join(', ') || 'none'} | ${blocking} ms |`);
  await page.close();
}
await browser.close();
