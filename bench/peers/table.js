#!/usr/bin/env node
'use strict';
// Prints a Markdown table of a results file written by run-all.sh (one JSON object a line),
// one row per configuration and system, configurations in run-all order, with an empty
// "Kaolack.Orleans (this project)" row under each configuration for the .NET run.
//   node table.js ../results/peers-<date>.jsonl [--no-placeholder]
const fs = require('fs');
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) { console.error('usage: node table.js RESULTS.jsonl [--no-placeholder]'); process.exit(2); }
const placeholder = !args.includes('--no-placeholder');
const rows = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l));
const name = { sharedb: 'ShareDB 7', hocuspocus: 'Hocuspocus 4' };
const f = (x, d = 1) => (x == null ? '–' : Number(x).toFixed(d));
const configs = [];
for (const c of [10, 100]) for (const r of [200, 1000]) for (const s of [c, 2]) configs.push({ c, s, r });

console.log('| C / S / R | System | p50 | p95 | p99 | max (ms) | ops/s | server CPU % | server ELU | server peak RSS MB | load CPU % | load ELU | other CPU % | converged |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const { c, s, r } of configs) {
  const label = `${c} / ${s === c ? 'all' : s} / ${r}`;
  for (const sys of ['sharedb', 'hocuspocus']) {
    // Several rows for one configuration (re-runs): take the least disturbed one.
    const d = rows.filter((x) => x.system === sys && x.clients === c && x.senders === s && x.rate === r)
      .sort((x, y) => (x.error ? 1 : 0) - (y.error ? 1 : 0) || (x.otherCpuPct ?? 1e9) - (y.otherCpuPct ?? 1e9))[0];
    if (!d) { console.log(`| ${label} | ${name[sys]} | not run |||||||||||`); continue; }
    if (d.error) { console.log(`| ${label} | ${name[sys]} | run failed |||||||||||`); continue; }
    const l = d.latencyMs;
    const elu = (d.loadEventLoopUtilization || []).map((x) => f(x, 2)).join(' / ');
    console.log(`| ${label} | ${name[sys]} | ${f(l.p50)} | ${f(l.p95)} | ${f(l.p99)} | ${f(l.max)} | ${f(d.achievedOpsPerSec, 0)} | ${f(d.serverCpuPct, 0)} | ${f(d.serverEventLoopUtilization, 2)} | ${f(d.serverPeakRssMB, 0)} | ${f(d.loadCpuPct, 0)} | ${elu} | ${f(Math.max(0, d.otherCpuPct), 0)}${d.disturbed ? ' ⚠' : ''} | ${d.converged ? 'yes' : 'NO'} |`);
  }
  if (placeholder) console.log(`| ${label} | **Kaolack.Orleans (this project)** | _tbd_ | _tbd_ | _tbd_ | _tbd_ | _tbd_ | _tbd_ | _tbd_ | _tbd_ | _tbd_ | _tbd_ | _tbd_ | _tbd_ |`);
}
