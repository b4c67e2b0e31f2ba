import { defineConfig } from "vitest/config";
import preact from "@preact/preset-vite";
import { precachePlugin } from "./scripts/precachePlugin.mjs";

// The ASP.NET Core silo serves the built files from its wwwroot, so `npm run build`
// writes there directly. `npm run dev` proxies the API and the SignalR hub to a
// silo started with ./run.sh (http://127.0.0.1:5080).
const backend = "http://127.0.0.1:5080";

export default defineConfig({
  plugins: [preact(), precachePlugin()],
  build: {
    outDir: "../silo/Kaolack.Silo/wwwroot",
    emptyOutDir: true,
    target: "es2022",
    // Every browser that runs es2022 modules supports <link rel="modulepreload">.
    modulePreload: { polyfill: false },
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: true,
    proxy: {
      // The silo refuses hub use and cookie writes from other origins (OriginCheck): the dev page's requests
      // reach it as its own.
      "/api": { target: backend, changeOrigin: true, headers: { origin: backend } },
      "/hubs": { target: backend, changeOrigin: true, ws: true, headers: { origin: backend } },
    },
  },
  preview: { host: "127.0.0.1" },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts", "scripts/**/*.test.mjs"],
  },
});
