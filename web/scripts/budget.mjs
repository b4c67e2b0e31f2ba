// Build budget for weak links: the JavaScript a first visit must download before the page works
// (the entry chunk and everything it imports statically, as loaded by index.html) must stay within
// 150 KB gzipped, and nothing may come from another host (fonts, scripts, styles).
//
// Run after `vite build` (npm run build): node scripts/budget.mjs [outDir]

import { readFileSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const BUDGET_BYTES = 150 * 1000;

/** The module scripts and module preloads of index.html (paths as written, e.g. "/assets/index-x.js"). */
export function entryScripts(html) {
  const found = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isModule = /^<script/i.test(tag) && /type=["']?module/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /rel=["']?modulepreload/i.test(tag);
    const url = tag.match(/\b(?:src|href)=["']?([^"'\s>]+)/i)?.[1];
    if ((isModule || isPreload) && url) found.push(url);
  }
  return found;
}

/** Relative specifiers of the static imports and re-exports of a (minified) module; dynamic import() is not followed. */
export function staticImports(code) {
  const specifiers = new Set();
  const pattern = /(?:^|[;}\n\s)])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const match of code.matchAll(pattern)) specifiers.add(match[1]);
  return [...specifiers];
}

/** Every file a first visit loads before the app runs: the entry scripts and their static imports, transitively. */
export function initialFiles(html, read) {
  const seen = new Set();
  const queue = entryScripts(html).map((url) => posix.normalize(url.replace(/^\//, "")));
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(read(file))) queue.push(posix.join(posix.dirname(file), specifier));
  }
  return [...seen];
}

/** URLs of another host in HTML or CSS: src/href attributes, url(), @import. */
export function externalReferences(text) {
  const found = [];
  const pattern = /(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])((?:https?:)?\/\/[^"')\s>]+)/gi;
  for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

export function gzipSize(content) {
  return gzipSync(content, { level: 9 }).length;
}

function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = resolve(process.argv[2] ?? join(here, "..", "..", "silo", "Kaolack.Silo", "wwwroot"));
  const read = (file) => readFileSync(join(outDir, file), "utf8");
  const html = read("index.html");
  const files = initialFiles(html, read);
  if (files.length === 0) throw new Error(`No module script in ${join(outDir, "index.html")}.`);
  const sizes = files.map((file) => [file, gzipSize(readFileSync(join(outDir, file)))]);
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  for (const [file, size] of sizes) console.log(`  ${file}  ${(size / 1000).toFixed(1)} kB gzip`);
  console.log(`Initial JavaScript: ${(total / 1000).toFixed(1)} kB gzip of ${BUDGET_BYTES / 1000} kB allowed.`);

  const styles = html.match(/href=["']?([^"'\s>]+\.css)/gi)?.map((m) => m.replace(/^href=["']?/i, "").replace(/^\//, "")) ?? [];
  const external = [html, ...styles.map(read)].flatMap(externalReferences);

  let failed = false;
  if (total > BUDGET_BYTES) {
    console.error(`Build budget exceeded: ${total} bytes gzip > ${BUDGET_BYTES}. Load the new code lazily (see src/lazy.tsx).`);
    failed = true;
  }
  if (external.length > 0) {
    console.error(`Nothing may be loaded from another host (weak links, privacy): ${external.join(", ")}`);
    failed = true;
  }
  if (failed) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
