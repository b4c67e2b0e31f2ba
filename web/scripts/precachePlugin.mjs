// Builds the service worker (src/offline/serviceWorker.js) into the output as /sw.js, with the list of files that make
// the app shell and a version that changes with them, so that every release installs a new worker and drops the old shell.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const WORKER_SOURCE = new URL("../src/offline/serviceWorker.js", import.meta.url);

/** What the shell holds: the page and every script and style the build wrote (fonts and images come when asked). */
export function shellFiles(bundleFiles) {
  const assets = bundleFiles.filter((name) => /\.(js|css)$/.test(name) && name.startsWith("assets/"));
  return ["/", ...assets.sort().map((name) => `/${name}`)];
}

/** The worker's source with the shell's files and their version in place of its two markers. */
export function workerSource(template, files) {
  const version = createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 16);
  return template
    .replace("self.__KAOLACK_PRECACHE__", JSON.stringify(files))
    .replace("self.__KAOLACK_VERSION__", JSON.stringify(version));
}

/** @returns {import("vite").Plugin} */
export function precachePlugin() {
  return {
    name: "kaolack-precache",
    apply: "build",
    generateBundle(_options, bundle) {
      const source = workerSource(readFileSync(WORKER_SOURCE, "utf8"), shellFiles(Object.keys(bundle)));
      this.emitFile({ type: "asset", fileName: "sw.js", source });
    },
  };
}
