'use strict';
// Shared helpers: one monotonic clock for every thread of the load process, the op-id format,
// a seeded PRNG and the op schedule.

// process.hrtime is CLOCK_MONOTONIC (uv_hrtime) for the whole process, so values taken in the
// main thread and in any worker thread are directly comparable. Milliseconds, sub-µs precision.
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

// Each op inserts exactly 8 characters: '[' + 6 base36 digits of the global op index + ']'.
// The brackets let a receiver decode ids even when several ops arrive merged into one change
// (ShareDB composes queued local ops; Yjs/Hocuspocus merge updates) and a later insert landed
// inside an earlier one: inserted runs are then properly nested bracket groups.
const ID_LEN = 8;
const opText = (g) => '[' + g.toString(36).padStart(6, '0') + ']';

// Calls cb(g) for every complete op id found in the inserted runs of one remote change.
function parseIds(runs, cb) {
  for (let r = 0; r < runs.length; r++) {
    const s = runs[r];
    const stack = [];
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (ch === 91 /* [ */) stack.push('');
      else if (ch === 93 /* ] */) {
        if (stack.length) {
          const body = stack.pop();
          if (body.length === 6) cb(parseInt(body, 36));
        }
      } else if (stack.length) stack[stack.length - 1] += s[i];
    }
  }
}

// mulberry32
function rng(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The schedule. Global op index g = 0 .. N-1 with N = (warmupS + measureS) * R.
// Measured-phase index k = g - warmupS*R (negative during warm-up).
// Op k is due at measureStart + k/R seconds and is sent by sender ((k mod S) + S) mod S.
function schedule({ R, S, warmupS, measureS }) {
  const warmOps = Math.round(warmupS * R);
  const N = Math.round((warmupS + measureS) * R);
  return {
    warmOps,
    N,
    dueOffsetMs: (g) => ((g - warmOps) * 1000) / R, // relative to measureStart
    senderOf: (g) => ((((g - warmOps) % S) + S) % S),
  };
}

module.exports = { nowMs, ID_LEN, opText, parseIds, rng, schedule };
