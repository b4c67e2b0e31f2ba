// The service worker (built to /sw.js by scripts/precachePlugin.mjs, which puts the build's files and version in place of the two
// markers below). Plain JavaScript on purpose: it runs as a classic worker, not through the app's bundler.
//
// - The app shell (the page, its scripts and styles) is stored on install and served from here: the app opens with no
//   signal, and a warm start asks the server for nothing it already has. A new release is a new sw.js, which replaces it.
// - The reads a member looks at offline (who is signed in, the directories, the projects) go to the network first; each
//   answer is kept, and when the network fails the last one kept is served, stamped with when it was saved, and the page
//   is told, so it can say the data is read-only and how old it is.
// - Signing in or out forgets the kept answers: they were one person's.

const SHELL_FILES = self.__KAOLACK_PRECACHE__;
const VERSION = self.__KAOLACK_VERSION__;
const SHELL_CACHE = `kaolack-shell-${VERSION}`;
const DATA_CACHE = "kaolack-data";
const SAVED_AT = "x-kaolack-saved-at";
const KEPT_READS = [/^\/api\/auth\/me$/, /^\/api\/cooperatives(\/|$)/, /^\/api\/diaspora-groups(\/|$)/, /^\/api\/projects(\/|$)/];
const SESSION_CHANGES = ["/api/auth/login", "/api/auth/logout"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL_FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("kaolack-shell-") && n !== SHELL_CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && SESSION_CHANGES.includes(url.pathname)) {
    event.respondWith(caches.delete(DATA_CACHE).then(() => fetch(request)));
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate" && (url.pathname === "/" || url.pathname === "/index.html")) {
    // The app routes by hash: every page of it is "/". Other addresses (API reference, Orleans dashboard) are the server's.
    event.respondWith(fromShell("/", request));
  } else if (SHELL_FILES.includes(url.pathname)) {
    event.respondWith(fromShell(url.pathname, request));
  } else if (KEPT_READS.some((pattern) => pattern.test(url.pathname))) {
    event.respondWith(networkThenKept(request, event.clientId));
  }
});

async function fromShell(path, request) {
  const cached = await caches.match(path, { cacheName: SHELL_CACHE });
  return cached ?? fetch(request);
}

async function networkThenKept(request, clientId) {
  const cache = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const headers = new Headers(response.headers);
      headers.set(SAVED_AT, new Date().toISOString());
      await cache.put(request, new Response(await response.clone().blob(), { status: response.status, headers }));
    }
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (!kept) throw error;
    const client = clientId ? await self.clients.get(clientId) : null;
    client?.postMessage({ type: "kaolack-offline-read", url: request.url, savedAt: kept.headers.get(SAVED_AT) });
    return kept;
  }
}
