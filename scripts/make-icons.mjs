// Renders the app icons in public/icons/ from the logo mark (app/icon.svg) with Chromium:
//   node scripts/make-icons.mjs
// "any" icons keep the rounded plate; maskable ones fill the square and keep the mark inside the 80 % safe zone.
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumPath } from "./chromium-path.mjs";

const MARK =
  '<g fill="#1d2a05"><rect x="4" y="15" width="24" height="2" rx="1"/><rect x="7" y="9" width="3.5" height="14" rx="1.5"/>' +
  '<rect x="11.5" y="11" width="2.5" height="10" rx="1.2"/><rect x="21.5" y="9" width="3.5" height="14" rx="1.5"/>' +
  '<rect x="18" y="11" width="2.5" height="10" rx="1.2"/></g>';
const any = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#b6f23a"/>${MARK}</svg>`;
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 40 40"><rect x="-4" y="-4" width="40" height="40" fill="#b6f23a"/>${MARK}</svg>`;

const out = [
  ["icon-192.png", any, 192],
  ["icon-512.png", any, 512],
  ["maskable-512.png", maskable, 512],
  ["apple-touch-icon.png", maskable, 180],
];

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
const page = await browser.newPage();
fs.mkdirSync("public/icons", { recursive: true });
for (const [name, svg, size] of out) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `public/icons/${name}`, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}
await browser.close();
console.log(out.map(([n]) => `public/icons/${n}`).join("\n"));
