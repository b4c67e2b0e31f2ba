'use strict';
// ShareDB 7 peer server: in-memory DB, ot-text-unicode type, WebSocket on 127.0.0.1.
// Usage: node server-sharedb.js [--port P]   (0 = pick a free port)
// Prints one line "LISTENING <port>" on stdout once the document exists.
const http = require('http');
const { performance } = require('perf_hooks');
const { WebSocketServer } = require('ws');
const ShareDB = require('sharedb');
const WebSocketJSONStream = require('@teamwork/websocket-json-stream');
const textUnicode = require('ot-text-unicode');

ShareDB.types.register(textUnicode.type);

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 0;
const COLLECTION = 'bench';
const DOC_ID = 'doc1';

const backend = new ShareDB(); // ShareDB.MemoryDB + ShareDB.MemoryPubSub by default
const server = http.createServer((req, res) => { res.writeHead(404); res.end(); });
const wss = new WebSocketServer({ server });
wss.on('connection', (ws) => {
  const stream = new WebSocketJSONStream(ws);
  stream.on('error', () => {});
  backend.listen(stream);
});

// Create the (empty) document once, server side, before any client connects.
const local = backend.connect();
const doc = local.get(COLLECTION, DOC_ID);
doc.fetch((err) => {
  if (err) throw err;
  const listen = () => server.listen(port, '127.0.0.1', () => {
    process.stdout.write(`LISTENING ${server.address().port}\n`);
  });
  if (doc.type) return listen();
  doc.create('', textUnicode.type.uri, (err2) => {
    if (err2) throw err2;
    listen();
  });
});

const stop = () => { try { wss.close(); server.close(); } catch (_) { /* ignore */ } process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Never outlive the harness: exit when stdin (a pipe from the parent) closes.
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
