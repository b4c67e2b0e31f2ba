#!/usr/bin/env node
'use strict';
// Side-by-side co-editing benchmark, peer half.
//
//   node run.js --system sharedb|hocuspocus --clients C --senders S --rate R --seed N
//               [--workers 2] [--warmup 2] [--measure 10] [--quiesce-timeout 30]
//               [--prevent-compose] [--sharedb-doc rope|string] [--young-gen-mb 64]
//               [--receivers full|light]
//               [--wait-idle SECONDS] [--idle-below PCT_OF_ONE_CORE] [--idle-window SECONDS]
//
// Starts the peer server in a separate Node process on 127.0.0.1 (killed by PID at the end),
// connects C clients to one document from worker threads of this process, and runs an open
// loop: op k is due at k/R s after the start of the measured phase (k < 0 during warm-up) and is
// sent by client (k mod S). Prints one JSON line with the results.
const path = require('path');
const fs = require('fs');
const { spawn, execFileSync } = require('child_process');
const { Worker } = require('worker_threads');
const { nowMs, schedule } = require('./lib/common');

function parseArgs(argv) {
  const a = {
    system: null, clients: null, senders: null, rate: null, seed: 1,
    workers: 2, warmup: 2, measure: 10, quiesceTimeout: 30, preventCompose: false, sharedbDoc: 'rope',
    youngGenMb: 64, receivers: 'full', waitIdle: 0, idleBelowPct: 25, idleWindow: 5,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => { if (i + 1 >= argv.length) throw new Error(`missing value for ${k}`); return argv[++i]; };
    switch (k) {
      case '--system': a.system = v(); break;
      case '--clients': a.clients = Number(v()); break;
      case '--senders': a.senders = Number(v()); break;
      case '--rate': a.rate = Number(v()); break;
      case '--seed': a.seed = Number(v()); break;
      case '--workers': a.workers = Number(v()); break;
      case '--warmup': a.warmup = Number(v()); break;
      case '--measure': a.measure = Number(v()); break;
      case '--quiesce-timeout': a.quiesceTimeout = Number(v()); break;
      case '--prevent-compose': a.preventCompose = true; break;
      case '--sharedb-doc': a.sharedbDoc = v(); break;
      case '--young-gen-mb': a.youngGenMb = Number(v()); break;
      case '--receivers': a.receivers = v(); break;
      case '--wait-idle': a.waitIdle = Number(v()); break;
      case '--idle-below': a.idleBelowPct = Number(v()); break;
      case '--idle-window': a.idleWindow = Number(v()); break;
      default: throw new Error(`unknown argument ${k}`);
    }
  }
  if (!['sharedb', 'hocuspocus'].includes(a.system)) throw new Error('--system sharedb|hocuspocus');
  if (!['rope', 'string'].includes(a.sharedbDoc)) throw new Error('--sharedb-doc rope|string');
  if (!['full', 'light'].includes(a.receivers)) throw new Error('--receivers full|light');
  for (const k of ['clients', 'senders', 'rate', 'seed', 'workers', 'warmup', 'measure', 'quiesceTimeout', 'youngGenMb', 'waitIdle', 'idleBelowPct', 'idleWindow']) {
    if (!Number.isFinite(a[k]) || a[k] < 0) throw new Error(`bad --${k}`);
  }
  if (!(a.clients >= 2 && a.clients <= 1000)) throw new Error('--clients must be 2..1000');
  if (!(a.senders >= 1 && a.senders <= a.clients)) throw new Error('--senders must be 1..clients');
  if (!(a.rate > 0 && a.rate <= 20000)) throw new Error('--rate must be 1..20000');
  if (!(a.workers >= 1 && a.workers <= 16)) throw new Error('--workers must be 1..16');
  if (a.warmup + a.measure > 120) throw new Error('warmup + measure must be <= 120 s');
  if (a.quiesceTimeout > 120) throw new Error('--quiesce-timeout must be <= 120 s');
  if (a.waitIdle > 900) throw new Error('--wait-idle must be <= 900 s');
  return a;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sleepUntil = (t) => sleep(Math.max(0, t - nowMs()));

let CLK_TCK = 100;
try { CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100; } catch (_) { /* default */ }

// utime+stime of a process in seconds, from /proc/<pid>/stat.
function procCpuSec(pid) {
  const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' '); // f[0] = field 3 (state)
  return (Number(f[11]) + Number(f[12])) / CLK_TCK;
}
// Machine-wide busy and total CPU time in seconds, from /proc/stat.
function machineCpuSec() {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = line.slice(0, 8).reduce((x, y) => x + y, 0);
  const idle = line[3] + line[4];
  return { busy: (total - idle) / CLK_TCK, total: total / CLK_TCK };
}
function procStatusKB(pid, key) {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = s.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) : null;
}

// Waits (bounded) until the machine is quiet: other sessions may share these cores. "Quiet" means
// the whole machine used less than belowPct % of one core in each of `window` consecutive seconds
// (one quiet second is too easily found between two bursts of someone else's test run).
async function waitForIdle(maxS, belowPct, window) {
  const t0 = nowMs();
  let quiet = 0;
  let last = null;
  while (true) {
    const m0 = machineCpuSec();
    await sleep(1000);
    const m1 = machineCpuSec();
    last = ((m1.busy - m0.busy) / ((m1.total - m0.total) || 1)) * require('os').cpus().length * 100;
    quiet = last < belowPct ? quiet + 1 : 0;
    const waitedS = Math.round((nowMs() - t0) / 100) / 10;
    if (quiet >= window) return { idle: true, waitedS, busyPct: Math.round(last) };
    if (nowMs() - t0 >= maxS * 1000) return { idle: false, waitedS, busyPct: Math.round(last) };
  }
}

function startServer(system) {
  const script = path.join(__dirname, system === 'sharedb' ? 'server-sharedb.js' : 'server-hocuspocus.mjs');
  const child = spawn(process.execPath, [script, '--port', '0'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const eluWaiters = [];
  let lineBuf = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 15 s')), 15000);
    child.stdout.on('data', (d) => {
      lineBuf += d.toString();
      let i;
      while ((i = lineBuf.indexOf('\n')) >= 0) {
        const line = lineBuf.slice(0, i).trim();
        lineBuf = lineBuf.slice(i + 1);
        let m = line.match(/^LISTENING (\d+)$/);
        if (m) { clearTimeout(timer); resolve(Number(m[1])); }
        m = line.match(/^ELU (\S+) (\S+)$/);
        if (m && eluWaiters.length) eluWaiters.shift()({ idle: Number(m[1]), active: Number(m[2]) });
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited early (${code})`)); });
  });
  // Asks the server for its cumulative event-loop utilization (answered from its own loop, so
  // the answer is late by however long its loop is busy; null after 5 s).
  const elu = () => new Promise((resolve) => {
    const timer = setTimeout(() => { const k = eluWaiters.indexOf(done); if (k >= 0) eluWaiters.splice(k, 1); resolve(null); }, 5000);
    const done = (v) => { clearTimeout(timer); resolve(v); };
    eluWaiters.push(done);
    try { child.stdin.write('elu\n'); } catch (_) { /* ignore */ }
  });
  return { child, ready, elu };
}

function killServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try { child.kill('SIGTERM'); } catch (_) { /* ignore */ }
  const pid = child.pid;
  setTimeout(() => { try { process.kill(pid, 'SIGKILL'); } catch (_) { /* already gone */ } }, 1000).unref();
}

function stats(arr) {
  if (arr.length === 0) return { n: 0, p50: null, p95: null, p99: null, max: null, mean: null };
  const a = Float64Array.from(arr).sort();
  const pick = (p) => a[Math.min(a.length - 1, Math.max(0, Math.ceil((p / 100) * a.length) - 1))];
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i];
  const r3 = (x) => Math.round(x * 1000) / 1000;
  return { n: a.length, p50: r3(pick(50)), p95: r3(pick(95)), p99: r3(pick(99)), max: r3(a[a.length - 1]), mean: r3(sum / a.length) };
}

function request(workers, type, timeoutMs) {
  return Promise.all(workers.map((w) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => { w.off('message', on); reject(new Error(`worker did not answer ${type}`)); }, timeoutMs);
    const on = (m) => { if (m.type === type) { clearTimeout(timer); w.off('message', on); resolve(m); } };
    w.on('message', on);
    w.postMessage({ type });
  })));
}

async function main() {
  const a = parseArgs(process.argv.slice(2));
  const { clients: C, senders: S, rate: R } = a;
  const sch = schedule({ R, S, warmupS: a.warmup, measureS: a.measure });
  const W = Math.min(a.workers, C);

  const idle = a.waitIdle > 0 ? await waitForIdle(a.waitIdle, a.idleBelowPct, Math.max(1, a.idleWindow)) : null;
  const { child: server, ready, elu: serverElu } = startServer(a.system);
  let workers = [];
  // Hard bound on the whole run, whatever happens.
  const budgetMs = (360 + a.warmup + a.measure + a.quiesceTimeout) * 1000; // after the idle wait
  const hard = setTimeout(() => {
    console.error(`run.js: hard time limit ${budgetMs / 1000}s reached, killing server ${server.pid}`);
    try { process.kill(server.pid, 'SIGKILL'); } catch (_) { /* ignore */ }
    process.exit(3);
  }, budgetMs);
  process.on('exit', () => { try { process.kill(server.pid, 'SIGKILL'); } catch (_) { /* ignore */ } });
  // Killed from outside (timeout(1), Ctrl-C): take the server down first. (The server also exits
  // by itself when its stdin, a pipe from this process, closes.)
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
    process.on(sig, () => { try { process.kill(server.pid, 'SIGKILL'); } catch (_) { /* ignore */ } process.exit(130); });
  }

  try {
    const port = await ready;

    // Clients: client i lives in worker (i mod W); senders are clients 0..S-1.
    const tConnect0 = nowMs();
    const ids = Array.from({ length: W }, () => []);
    for (let i = 0; i < C; i++) ids[i % W].push(i);
    workers = ids.map((clientIds) => new Worker(path.join(__dirname, 'lib', 'client-worker.js'), {
      workerData: {
        system: a.system, port, clientIds, C, S, R, seed: a.seed,
        warmupS: a.warmup, measureS: a.measure, preventCompose: a.preventCompose,
        sharedbDoc: a.sharedbDoc, receivers: a.receivers,
      },
      // A larger young generation keeps the scavenger from dominating the load process (each
      // client allocates per received op). Applies to the load process only, never the server.
      resourceLimits: a.youngGenMb > 0 ? { maxYoungGenerationSizeMb: a.youngGenMb } : undefined,
    }));
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('clients did not connect within 120 s')), 120000);
      w.on('message', (m) => {
        if (m.type === 'ready') { clearTimeout(timer); resolve(); }
        if (m.type === 'error') { clearTimeout(timer); reject(new Error(m.error)); }
      });
      w.on('error', (e) => { clearTimeout(timer); reject(e); });
    })));
    const connectMs = nowMs() - tConnect0;
    await sleep(500);

    // Timeline on the shared monotonic clock.
    const warmupStart = nowMs() + 500;
    const measureStart = warmupStart + a.warmup * 1000;
    const measureEnd = measureStart + a.measure * 1000;
    const cutoff = measureEnd + 100; // ops not submitted by then count as not sent
    for (const w of workers) w.postMessage({ type: 'start', measureStart, measureEnd, cutoff });

    await sleepUntil(measureStart);
    const elu0P = serverElu();
    const s0 = { t: nowMs(), srv: procCpuSec(server.pid), load: process.cpuUsage(), m: machineCpuSec(), rss: procStatusKB(server.pid, 'VmRSS') };
    await sleepUntil(measureEnd);
    const s1 = { t: nowMs(), srv: procCpuSec(server.pid), load: process.cpuUsage(s0.load), m: machineCpuSec() };
    const elu1 = await serverElu();
    const elu0 = await elu0P;
    const serverElu01 = elu0 && elu1
      ? Math.round(((elu1.active - elu0.active) / ((elu1.active - elu0.active) + (elu1.idle - elu0.idle))) * 1000) / 1000
      : null;
    const windowS = (s1.t - s0.t) / 1000;
    await sleepUntil(cutoff + 20);

    // Quiescence: every sent op seen by every other client, or the timeout.
    const qStart = nowMs();
    let counts;
    let quiet = false;
    while (nowMs() - qStart < a.quiesceTimeout * 1000) {
      counts = await request(workers, 'count', 10000);
      const sent = counts.reduce((x, c) => x + c.sent, 0);
      const received = counts.reduce((x, c) => x + c.received, 0);
      const pending = counts.reduce((x, c) => x + c.pending, 0);
      if (counts.every((c) => c.finishedSending) && received >= sent * (C - 1) && pending === 0) { quiet = true; break; }
      await sleep(100);
    }
    const quiesceMs = nowMs() - qStart;
    if (quiet) await sleep(300); // let any trailing acks/echoes land before comparing documents
    const srvPeakRssKB = procStatusKB(server.pid, 'VmHWM');
    const srvRssEndKB = procStatusKB(server.pid, 'VmRSS');

    const col = await request(workers, 'collect', 120000);

    // Merge send times (each op is sent by exactly one worker).
    const N = sch.N;
    const send = new Float64Array(N).fill(NaN);
    for (const c of col) for (let g = 0; g < N; g++) if (!Number.isNaN(c.sendTime[g])) send[g] = c.sendTime[g];

    const firstPeer = new Float64Array(N).fill(Infinity);
    const lastPeer = new Float64Array(N).fill(-Infinity);
    const lat = [];
    const latSched = [];
    const lag = [];
    let missing = 0;
    let sentMeasured = 0;
    for (let g = sch.warmOps; g < N; g++) {
      if (Number.isNaN(send[g])) continue;
      sentMeasured++;
      const due = measureStart + sch.dueOffsetMs(g);
      lag.push(send[g] - due);
    }
    for (const c of col) {
      for (let li = 0; li < c.clientIds.length; li++) {
        const cid = c.clientIds[li];
        const base = li * N;
        for (let g = sch.warmOps; g < N; g++) {
          if (Number.isNaN(send[g]) || sch.senderOf(g) === cid) continue;
          const r = c.recvTime[base + g];
          if (Number.isNaN(r)) { missing++; continue; }
          lat.push(r - send[g]);
          if (r < firstPeer[g]) firstPeer[g] = r;
          if (r > lastPeer[g]) lastPeer[g] = r;
          latSched.push(r - (measureStart + sch.dueOffsetMs(g)));
        }
      }
    }
    const perOpFirst = [];
    const perOpLast = [];
    for (let g = sch.warmOps; g < N; g++) {
      if (Number.isNaN(send[g]) || firstPeer[g] === Infinity) continue;
      perOpFirst.push(firstPeer[g] - send[g]);
      perOpLast.push(lastPeer[g] - send[g]);
    }
    const docs = col.flatMap((c) => c.docs);
    const hashes = new Set(docs.map((d) => d.hash));
    const loadCpuSec = (s1.load.user + s1.load.system) / 1e6;
    const pkg = require('./package.json');

    const result = {
      system: a.system,
      clients: C,
      senders: S,
      rate: R,
      seed: a.seed,
      workers: W,
      warmupS: a.warmup,
      measureS: a.measure,
      preventCompose: a.system === 'sharedb' ? a.preventCompose : undefined,
      sharedbClientDoc: a.system === 'sharedb' ? a.sharedbDoc : undefined,
      opsScheduledMeasured: N - sch.warmOps,
      opsSentMeasured: sentMeasured,
      achievedOpsPerSec: Math.round((sentMeasured / a.measure) * 10) / 10,
      pairs: lat.length,
      missingPairs: missing,
      latencyMs: stats(lat),
      latencyFromDueMs: stats(latSched),
      firstPeerLatencyMs: stats(perOpFirst), // per op: until the first other client saw it
      lastPeerLatencyMs: stats(perOpLast), // per op: until every other client had seen it
      sendLagMs: stats(lag),
      serverEventLoopUtilization: serverElu01,
      serverCpuPct: Math.round(((s1.srv - s0.srv) / windowS) * 1000) / 10,
      serverPeakRssMB: srvPeakRssKB != null ? Math.round(srvPeakRssKB / 102.4) / 10 : null,
      serverRssAtMeasureStartMB: s0.rss != null ? Math.round(s0.rss / 102.4) / 10 : null,
      serverRssEndMB: srvRssEndKB != null ? Math.round(srvRssEndKB / 102.4) / 10 : null,
      loadCpuPct: Math.round((loadCpuSec / windowS) * 1000) / 10,
      // Everything else on the machine during the measured window (other processes), in % of
      // one core; the machine has os.cpus().length cores in all. High values mean the run shared
      // the CPU with unrelated work and its numbers are suspect.
      machineBusyPct: Math.round(((s1.m.busy - s0.m.busy) / windowS) * 1000) / 10,
      otherCpuPct: Math.round((((s1.m.busy - s0.m.busy) - (s1.srv - s0.srv) - loadCpuSec) / windowS) * 1000) / 10,
      cores: require('os').cpus().length,
      machineIdleBeforeStart: idle,
      youngGenMb: a.youngGenMb,
      receivers: a.receivers,
      loadEventLoopUtilization: col.map((c) => (c.elu == null ? null : Math.round(c.elu * 1000) / 1000)),
      loadEventLoopDelayMs: col.map((c) => ({ p99: Math.round(c.eld.p99 * 10) / 10, max: Math.round(c.eld.max * 10) / 10 })),
      badIds: col.reduce((x, c) => x + c.badIds, 0),
      converged: quiet && hashes.size === 1,
      quiescent: quiet,
      quiesceMs: Math.round(quiesceMs),
      distinctDocs: hashes.size,
      docLength: docs.length ? docs[0].length : null,
      connectMs: Math.round(connectMs),
      node: process.version,
      versions: pkg.dependencies,
      date: new Date().toISOString(),
    };
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    for (const w of workers) { try { w.postMessage({ type: 'close' }); } catch (_) { /* ignore */ } }
    await sleep(300);
    await Promise.all(workers.map((w) => w.terminate().catch(() => {})));
    killServer(server);
    await sleep(1100);
    clearTimeout(hard);
  }
}

main().then(() => process.exit(0), (e) => {
  console.error('run.js failed:', e && e.stack || e);
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 1500);
});
