'use strict';
// A worker thread hosting a share of the C clients. All workers share the process's monotonic
// clock (common.nowMs), so send times recorded in one thread and receive times recorded in
// another are directly comparable.
const { parentPort, workerData } = require('worker_threads');
const { performance, monitorEventLoopDelay } = require('perf_hooks');
const crypto = require('crypto');
const { nowMs, opText, parseIds, rng, schedule } = require('./common');
const { connectShareDB, connectHocuspocus, connectShareDBLight, connectHocuspocusLight } = require('./adapters');

const cfg = workerData; // { system, port, clientIds, C, S, R, seed, warmupS, measureS, preventCompose, sharedbDoc, receivers }
const sch = schedule(cfg);
const N = sch.N;
const local = cfg.clientIds; // global client indices hosted here
const nLocal = local.length;

const sendTime = new Float64Array(N).fill(NaN);
const recvTime = new Float64Array(nLocal * N).fill(NaN); // [li * N + g]
let received = 0;
let lastRecvAt = 0;
let badIds = 0;
const clients = new Array(nLocal);

function onRemoteFor(li) {
  const base = li * N;
  return (runs) => {
    const t = nowMs();
    parseIds(runs, (g) => {
      if (!(g >= 0 && g < N)) { badIds++; return; }
      if (Number.isNaN(recvTime[base + g])) { recvTime[base + g] = t; received++; lastRecvAt = t; }
    });
  };
}

async function connectAll() {
  const full = cfg.system === 'sharedb'
    ? (li) => connectShareDB(cfg.port, onRemoteFor(li), { preventCompose: cfg.preventCompose, sharedbDoc: cfg.sharedbDoc })
    : (li) => connectHocuspocus(cfg.port, onRemoteFor(li));
  const light = cfg.system === 'sharedb'
    ? (li) => connectShareDBLight(cfg.port, onRemoteFor(li))
    : (li) => connectHocuspocusLight(cfg.port, onRemoteFor(li));
  // Senders (clients 0..S-1) are always full clients; receivers are full unless --receivers light.
  const connect = (li) => (cfg.receivers === 'light' && local[li] >= cfg.S ? light(li) : full(li));
  const BATCH = 10;
  for (let i = 0; i < nLocal; i += BATCH) {
    const batch = [];
    for (let li = i; li < Math.min(nLocal, i + BATCH); li++) {
      batch.push(connect(li).then((c) => { clients[li] = c; }));
    }
    await Promise.all(batch);
  }
}

let sent = 0;
let sentMeasured = 0;
let finishedSending = false;

function runSchedule(measureStart, cutoff) {
  // The ops this worker sends, in due order.
  const localOf = new Map(local.map((gid, li) => [gid, li]));
  const mine = [];
  for (let g = 0; g < N; g++) if (localOf.has(sch.senderOf(g))) mine.push(g);
  const rngs = new Map();
  for (const gid of local) if (gid < cfg.S) rngs.set(gid, rng((cfg.seed * 1000003 + gid * 7919) >>> 0));

  let idx = 0;
  const tick = () => {
    let t = nowMs();
    while (idx < mine.length && measureStart + sch.dueOffsetMs(mine[idx]) <= t) {
      if (t >= cutoff) break;
      const g = mine[idx++];
      const sender = sch.senderOf(g);
      const client = clients[localOf.get(sender)];
      const pos = Math.floor(rngs.get(sender)() * (client.length() + 1));
      sendTime[g] = t; // submit time at the sending client
      client.insert(pos, opText(g));
      sent++;
      if (g >= sch.warmOps) sentMeasured++;
      t = nowMs();
    }
    if (idx >= mine.length || t >= cutoff) { finishedSending = true; return; }
    // Sleep until the next op is due (timers have ~1 ms granularity; lateness is recorded).
    const delay = measureStart + sch.dueOffsetMs(mine[idx]) - t;
    setTimeout(tick, Math.max(0, delay));
  };
  if (mine.length === 0) { finishedSending = true; return; }
  const first = measureStart + sch.dueOffsetMs(mine[0]) - nowMs();
  setTimeout(tick, Math.max(0, first));
}

const eld = monitorEventLoopDelay({ resolution: 2 });
let eluStart = null;
let eluMeasured = null;

parentPort.on('message', (msg) => {
  if (msg.type === 'start') {
    runSchedule(msg.measureStart, msg.cutoff);
    // Event-loop metrics over the measured window only.
    setTimeout(() => { eld.enable(); eluStart = performance.eventLoopUtilization(); },
      Math.max(0, msg.measureStart - nowMs()));
    setTimeout(() => {
      eld.disable();
      eluMeasured = performance.eventLoopUtilization(eluStart || undefined);
    }, Math.max(0, msg.measureEnd - nowMs()));
  } else if (msg.type === 'count') {
    let pending = 0;
    for (const c of clients) if (c) pending += c.pending();
    parentPort.postMessage({ type: 'count', received, lastRecvAt, pending, finishedSending, sent });
  } else if (msg.type === 'collect') {
    const docs = clients.map((c) => {
      const text = c.text();
      return { length: text.length, hash: crypto.createHash('sha1').update(text).digest('hex') };
    });
    parentPort.postMessage({
      type: 'collect',
      clientIds: local,
      sendTime,
      recvTime,
      sent,
      sentMeasured,
      badIds,
      docs,
      eld: { p50: eld.percentile(50) / 1e6, p99: eld.percentile(99) / 1e6, max: eld.max / 1e6 },
      elu: eluMeasured ? eluMeasured.utilization : null,
    }, [sendTime.buffer, recvTime.buffer]);
  } else if (msg.type === 'close') {
    for (const c of clients) if (c) c.close();
    setTimeout(() => process.exit(0), 200);
  }
});

connectAll().then(
  () => parentPort.postMessage({ type: 'ready' }),
  (e) => parentPort.postMessage({ type: 'error', error: String(e && e.stack || e) }),
);
