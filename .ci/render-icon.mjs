// Draws media/icon.png (the 128x128 Marketplace/extension-list icon) from an inline SVG, rendered by
// Debian's Chromium through playwright-core, so that the PNG can be regenerated without an image editor.
// Run: node .ci/render-icon.mjs   (needs /usr/bin/chromium: bash .ci/e2e-setup.sh installs it)
import { chromium } from 'playwright-core';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#1e88e5"/><stop offset="1" stop-color="#1565c0"/></linearGradient></defs>
  <path d="M64 8 16 26v34c0 28 20 50 48 60 28-10 48-32 48-60V26L64 8z" fill="url(#g)"/>
  <rect x="42" y="58" width="44" height="34" rx="6" fill="#fff"/>
  <path d="M51 58V47a13 13 0 0 1 26 0v11" fill="none" stroke="#fff" stroke-width="8"/>
  <circle cx="64" cy="72" r="5" fill="#1565c0"/><rect x="61.5" y="74" width="5" height="10" rx="2" fill="#1565c0"/>
</svg>`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: new URL('../media/icon.png', import.meta.url).pathname, omitBackground: true });
} finally {
  await browser.close();
}
