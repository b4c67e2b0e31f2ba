#!/usr/bin/env node
// Reference side of the differential test in tests/Kaolack.Plans.Tests: runs every case the C#
// test generated through ot-text-unicode itself and prints the results as JSON on stdout.
// Usage: node tests/ot-reference/check.js CASES.json
//
// Input:  { cases: [{ doc, a, b, c, cursors }], raw: [componentArray, ...] }
//   a, b: concurrent ops on doc; c: an op on apply(doc, a); raw: arrays to checkOp/normalize.
// Output: { version, results: [...], raw: [...] }; one entry per input, in order. A step that
// throws yields { error } for that case instead of values, so one bad case cannot hide the rest.
"use strict";

const fs = require("fs");
const path = require("path");

let ot;
try {
  ot = require("ot-text-unicode");
} catch (e) {
  process.stderr.write(
    `ot-text-unicode is not installed in ${__dirname} (${e.message}). Run ./test.sh, which runs npm ci there.\n`);
  process.exit(3);
}
const { type } = ot;
const version = require("ot-text-unicode/package.json").version;

const file = process.argv[2];
if (!file) {
  process.stderr.write(`usage: node ${path.relative(process.cwd(), __filename)} CASES.json\n`);
  process.exit(2);
}
const input = JSON.parse(fs.readFileSync(file, "utf8"));

const attempt = (fn) => {
  try {
    return fn();
  } catch (e) {
    return { error: String(e && e.message || e) };
  }
};

const results = input.cases.map(({ doc, a, b, c, cursors }) => attempt(() => {
  const docA = type.apply(doc, a);
  const docB = type.apply(doc, b);
  const aLeft = type.transform(a, b, "left");
  const aRight = type.transform(a, b, "right");
  const bLeft = type.transform(b, a, "left");
  const bRight = type.transform(b, a, "right");
  const composeAbRight = type.compose(a, bRight);
  const composeAc = type.compose(a, c);
  return {
    docA,
    docB,
    aLeft,
    aRight,
    bLeft,
    bRight,
    // Both orders of application, with a as the left op and then with b as the left op.
    docAThenBRight: type.apply(docA, bRight),
    docBThenALeft: type.apply(docB, aLeft),
    docAThenBLeft: type.apply(docA, bLeft),
    docBThenARight: type.apply(docB, aRight),
    composeAbRight,
    docComposeAbRight: type.apply(doc, composeAbRight),
    composeBaLeft: type.compose(b, aLeft),
    docAc: type.apply(docA, c),
    composeAc,
    docComposeAc: type.apply(doc, composeAc),
    cursorsA: cursors.map((k) => type.transformPosition(k, a)),
    cursorsB: cursors.map((k) => type.transformPosition(k, b)),
    selectionsA: cursors.map((k, i) => type.transformSelection([k, cursors[(i + 1) % cursors.length]], a)),
  };
}));

const raw = (input.raw || []).map((op) => {
  const check = attempt(() => { type.checkOp(op); return null; });
  return {
    valid: check === null,
    error: check && check.error,
    normalized: type.normalize(JSON.parse(JSON.stringify(op))),
  };
});

process.stdout.write(JSON.stringify({ version, results, raw }));
