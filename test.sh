#!/usr/bin/env bash
# Builds and tests everything: web unit tests (vitest), then the .NET solution
# (xunit via `dotnet test`). The C# fixtures start their own Azurite on free
# ports, using the copy installed under tools/azurite.
# Ends with one line: "N passed, N failed[, N skipped]" (from the .trx files).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/common.sh

require_tools dotnet node
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# --- installs the tests need -------------------------------------------------
ensure_npm_deps tools/azurite
export KAOLACK_AZURITE_JS="$KAOLACK_ROOT/tools/azurite/node_modules/azurite/dist/src/azurite.js"
[[ -f "$KAOLACK_AZURITE_JS" ]] || die "Azurite is missing at $KAOLACK_AZURITE_JS"
# ot-text-unicode, the reference the C# text OT is checked against (differential test).
ensure_npm_deps tests/ot-reference
export KAOLACK_OT_REFERENCE_DIR="$KAOLACK_ROOT/tests/ot-reference"
# Chromium for the browser tests (tests/Kaolack.Web.Tests); axe-core comes with the web dependencies.
ensure_browser
export KAOLACK_CHROMIUM="${KAOLACK_CHROMIUM:-$(command -v chromium)}"
# nginx for the two-silos-behind-the-proxy test (tests/Kaolack.Api.Tests/Cluster).
ensure_nginx
export KAOLACK_NGINX="${KAOLACK_NGINX:-/usr/sbin/nginx}"

# --- web ---------------------------------------------------------------------
build_web
log "Running the web unit tests (vitest)…"
npm --prefix web test

# --- .NET --------------------------------------------------------------------
log "Building Kaolack.Orleans.sln (Release)…"
dotnet build Kaolack.Orleans.sln -c Release

RESULTS_DIR="${KAOLACK_TEST_RESULTS_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/kaolack-tests.XXXXXX")/TestResults}"
mkdir -p "$RESULTS_DIR"
log "Running the .NET tests (results in $RESULTS_DIR)…"
test_rc=0
dotnet test Kaolack.Orleans.sln -c Release --no-build \
  --logger "console;verbosity=normal" --logger trx \
  --results-directory "$RESULTS_DIR" || test_rc=$?

# --- summary -----------------------------------------------------------------
# Sums <Counters passed= failed= ...> over every .trx file. Exit code 2 = no trx.
summary_rc=0
summary="$(node - "$RESULTS_DIR" <<'NODE'
const fs = require("fs");
const path = require("path");
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith(".trx")) files.push(p);
  }
})(process.argv[2]);
const sum = { passed: 0, failed: 0, skipped: 0 };
for (const f of files) {
  const m = /<Counters\b([^>]*)>/.exec(fs.readFileSync(f, "utf8"));
  if (!m) continue;
  const attr = (n) => Number((new RegExp(`\\b${n}="(\\d+)"`).exec(m[1]) || [])[1] || 0);
  sum.passed += attr("passed");
  // Anything that ran and did not pass counts as failed.
  sum.failed += attr("failed") + attr("error") + attr("timeout") + attr("aborted");
  // "total" minus "executed" = tests that did not run (skipped / not executed).
  sum.skipped += Math.max(0, attr("total") - attr("executed")) || attr("notExecuted");
}
let line = `${sum.passed} passed, ${sum.failed} failed`;
if (sum.skipped > 0) line += `, ${sum.skipped} skipped`;
console.log(line);
process.exit(files.length === 0 ? 2 : sum.failed > 0 ? 1 : 0);
NODE
)" || summary_rc=$?

if ((summary_rc == 2)); then
  warn "no .trx file was produced under $RESULTS_DIR: counting the run as failed."
  test_rc=$((test_rc == 0 ? 1 : test_rc))
elif ((summary_rc != 0 && test_rc == 0)); then
  test_rc=1
fi
echo "$summary"
exit "$test_rc"
