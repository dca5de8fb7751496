// Brotli sizes of what pages need (bench/pages.sh): node bench/sizes.mjs <dist>
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] || 'dist';
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const file = (p) => readFileSync(join(dist, p));

// The stylesheets and classic scripts a page links from <head> (Trunk hashes their names).
function blocking(html) {
  const out = [];
  for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) out.push(m[1]);
  for (const m of html.matchAll(/<script src="([^"]+)"(?![^>]*\b(defer|async)\b)/g)) out.push(m[1]);
  return out;
}

function report(label, page, extra = []) {
  const html = file(page);
  let total = br(html);
  const parts = [`HTML ${kb(br(html))}`];
  for (const href of [...blocking(html.toString()), ...extra]) {
    const n = br(file(href.replace(/^\//, '')));
    total += n;
    parts.push(`${href} ${kb(n)}`);
  }
  console.log(`${label}: ${kb(total)} (${parts.join(', ')})`);
}

report('meeting page before first paint', 'meetings/sefton-osc-children-2022-11-07/index.html');
report('embed view, everything it loads', 'embed/committees/sefton-osc-children/next/index.html', ['embed-frame.js']);
const wasm = readdirSync(dist).find((n) => n.endsWith('_bg.wasm'));
const glue = readdirSync(dist).find((n) => n.endsWith('.js') && n.startsWith('minutebook-'));
console.log(`wasm: ${kb(file(wasm).length)} raw, ${kb(br(file(wasm)))} brotli; JS glue ${kb(br(file(glue)))} brotli`);
