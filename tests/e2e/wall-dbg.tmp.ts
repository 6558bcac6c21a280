import { launchBrowser, openPage, startServer } from '/work/main/tests/e2e/harness';
import { wallDataDir, wallEvents } from '/work/main/tests/e2e/wall-fixture';
const data = process.env.REAL ? { dir: '/work/main/geodata', remove() {} } : wallDataDir(wallEvents());
const server = await startServer({ geodataDir: data.dir });
const browser = await launchBrowser();
const [w, h] = (process.argv[4] ?? '1920x1080').split('x').map(Number);
const { page, errors, external } = await openPage(browser, { width: w!, height: h! });
await page.goto(`${server.url}/wall?${process.argv[2] ?? 'from=2021-11-01&to=2021-11-30&speed=0.25&window=10'}`);
const t0 = Date.now();
for (let k = 0; k < Number(process.argv[3] ?? 8); k++) {
  await new Promise((r) => setTimeout(r, 1000));
  console.log(((Date.now() - t0) / 1000).toFixed(1), await page.evaluate(() => { const m = (window as any).__map; return JSON.stringify({ wall: { ...(window as any).__wall }, loaded: m?.loaded(), tiles: m?.areTilesLoaded(), moving: m?.isMoving(), styleLoaded: m?.isStyleLoaded() }); }));
}
await page.screenshot({ path: process.env.SHOT ?? '/tmp/wdbg/shot.png' });
console.log('errors', errors, 'external', external);
console.log('server output', server.output().slice(-3000));
await browser.close(); await server.stop(); data.remove();
