import { describe, expect, it } from "vitest";
import { BUDGET_BYTES, entryScripts, externalReferences, gzipSize, initialFiles, staticImports } from "./budget.mjs";

describe("build budget", () => {
  it("starts from the module script and module preloads of index.html", () => {
    const html = `<script type="module" crossorigin src="/assets/index-a1.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-b2.js"><link rel="stylesheet" href="/assets/index.css">
      <script src="/legacy.js"></script>`;
    expect(entryScripts(html)).toEqual(["/assets/index-a1.js", "/assets/vendor-b2.js"]);
  });

  it("follows static imports and re-exports, not dynamic import()", () => {
    const code = `import{h as a}from"./preact-1.js";import"./side-2.js";export{b}from"./b-3.js";
      const p=()=>import("./Page-4.js");const s="import x from './not-code.js'";`;
    expect(staticImports(code)).toEqual(["./preact-1.js", "./side-2.js", "./b-3.js"]);
  });

  it("counts each initial file once, transitively", () => {
    const files = {
      "assets/index.js": `import"./a.js";import"./b.js";const l=()=>import("./lazy.js");`,
      "assets/a.js": `import"./b.js";`,
      "assets/b.js": `export const b=1;`,
      "assets/lazy.js": `import"./a.js";`,
    };
    const html = `<script type="module" src="/assets/index.js"></script><link rel="modulepreload" href="/assets/a.js">`;
    expect(initialFiles(html, (f) => files[f]).sort()).toEqual(["assets/a.js", "assets/b.js", "assets/index.js"]);
  });

  it("measures gzip bytes against 150 kB", () => {
    expect(BUDGET_BYTES).toBe(150_000);
    const repetitive = "a".repeat(100_000);
    expect(gzipSize(repetitive)).toBeLessThan(1_000);
  });

  it("finds references to other hosts in HTML and CSS", () => {
    const css = `@import "https://fonts.googleapis.com/css?family=Inter"; .a{background:url(//cdn.example.org/x.png)} .b{background:url(/local.png)}`;
    expect(externalReferences(css)).toEqual(["https://fonts.googleapis.com/css?family=Inter", "//cdn.example.org/x.png"]);
    expect(externalReferences(`<script src="https://cdn.example.org/x.js"></script><a href="/scalar">`)).toEqual(["https://cdn.example.org/x.js"]);
  });
});
