import { describe, expect, it } from "vitest";
import { shellFiles, workerSource } from "./precachePlugin.mjs";

describe("the service worker's shell", () => {
  it("holds the page and every built script and style, not images nor the worker itself", () => {
    expect(shellFiles(["index.html", "assets/b-2.js", "assets/a-1.css", "assets/logo-3.svg", "sw.js", "favicon.svg"])).toEqual([
      "/",
      "/assets/a-1.css",
      "/assets/b-2.js",
    ]);
  });

  it("gets a new version whenever its files change, so a release replaces the old shell", () => {
    const template = "const FILES = self.__KAOLACK_PRECACHE__; const VERSION = self.__KAOLACK_VERSION__;";
    const first = workerSource(template, ["/", "/assets/a-1.js"]);
    const same = workerSource(template, ["/", "/assets/a-1.js"]);
    const next = workerSource(template, ["/", "/assets/a-2.js"]);
    expect(first).toContain('const FILES = ["/","/assets/a-1.js"];');
    expect(first).not.toContain("__KAOLACK_");
    expect(same).toBe(first);
    expect(next).not.toBe(first.replace("a-1", "a-2"));
  });
});
