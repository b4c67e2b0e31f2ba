// Hocuspocus 4 peer server: in-memory (no persistence extension), Yjs, WebSocket on 127.0.0.1.
// Usage: node server-hocuspocus.mjs [--port P]   (0 = pick a free port)
// Prints one line "LISTENING <port>" on stdout once listening.
// ESM on purpose: @hocuspocus/server is an ES module package; its ESM build pulls in the ESM
// build of yjs (the CJS build routes every lib0 call through namespace getters and is slower).
import { Server } from '@hocuspocus/server';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 0;

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  // Defaults otherwise (debounce/flushDelay etc. as shipped); no extensions => nothing persisted.
});

server.listen().then(() => {
  process.stdout.write(`LISTENING ${server.address.port}\n`);
}).catch((e) => { console.error(e); process.exit(1); });

const stop = () => { process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
// The harness writes "elu\n" at the start and end of the measured window; answer with this
// process's cumulative event-loop utilization (idle and active ms) so it can report how busy
// the server's event loop was.
let inBuf = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => {
  inBuf += d;
  let i;
  while ((i = inBuf.indexOf('\n')) >= 0) {
    const line = inBuf.slice(0, i).trim();
    inBuf = inBuf.slice(i + 1);
    if (line === 'elu') {
      const e = performance.eventLoopUtilization();
      process.stdout.write(`ELU ${e.idle} ${e.active}\n`);
    }
  }
});
