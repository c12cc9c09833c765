// @ts-check
/**
 * Renders the installed-app icons in public/ from public/icon.svg with the system Chromium (the same one
 * the end-to-end tests use), so the PNGs carry the 客 glyph whatever fonts the installing device has.
 * Run after changing icon.svg: `node scripts/make-icons.mjs`. The PNGs are committed; builds do not run it.
 *
 * - pwa-192.png, pwa-512.png: "any" purpose, the rounded square as drawn.
 * - maskable-512.png: full-bleed background with the glyph inside the central 80 % safe zone, because
 *   launchers crop maskable icons to their own shape.
 * - apple-touch-icon.png (180): iOS ignores the manifest's icons and rounds corners itself.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const svg = readFileSync('public/icon.svg', 'utf8');
// Full-bleed variants: a square background, the glyph scaled into the safe zone.
const fullBleed = (/** @type {number} */ glyphScale) =>
  svg
    .replace(/<rect [^>]*\/>/, '<rect width="512" height="512" fill="#2457c5"/>')
    .replace(/<text /, `<text transform="translate(256 256) scale(${glyphScale}) translate(-256 -256)" `);

const outputs = [
  { file: 'public/pwa-192.png', size: 192, markup: svg },
  { file: 'public/pwa-512.png', size: 512, markup: svg },
  { file: 'public/maskable-512.png', size: 512, markup: fullBleed(0.8) },
  { file: 'public/apple-touch-icon.png', size: 180, markup: fullBleed(0.9) },
];

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  for (const { file, size, markup } of outputs) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`,
    );
    await page.screenshot({ path: file, omitBackground: true });
    console.log(`wrote ${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
