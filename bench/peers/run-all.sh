#!/usr/bin/env bash
# Runs the 8 load configurations against both peers (ShareDB, Hocuspocus), one after the other,
# and writes one JSON line per configuration to bench/results/peers-<date>.jsonl.
#
#   bench/peers/run-all.sh                      # everything, defaults below
#   SYSTEMS=sharedb bench/peers/run-all.sh      # one peer only
#
# Environment (all optional):
#   SYSTEMS="sharedb hocuspocus"  SEED=1  WORKERS=2 (worker threads hosting the clients)
#   WAIT_IDLE=600   wait at most this many seconds before each run for the machine to be quiet
#   IDLE_BELOW=25   "quiet" = the whole machine used less than this % of one core over 1 s
#   MAX_OTHER=20    a run during which other processes used more than this % of one core is
#                   "disturbed" and run again, at most ATTEMPTS times in all (the least disturbed is kept)
#   ATTEMPTS=5      RUN_TIMEOUT=WAIT_IDLE+300 (seconds, per run including its idle wait; timeout(1))
#   OUT=path.jsonl  default bench/results/peers-<UTC date>.jsonl (a new name if that exists)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

SYSTEMS="${SYSTEMS:-sharedb hocuspocus}"
SEED="${SEED:-1}"
WORKERS="${WORKERS:-2}"
WAIT_IDLE="${WAIT_IDLE:-600}"
IDLE_BELOW="${IDLE_BELOW:-25}"
MAX_OTHER="${MAX_OTHER:-20}"
ATTEMPTS="${ATTEMPTS:-5}"
RUN_TIMEOUT="${RUN_TIMEOUT:-$((WAIT_IDLE + 300))}"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund >&2
fi

mkdir -p ../results
day="$(date -u +%Y-%m-%d)"
OUT="${OUT:-../results/peers-$day.jsonl}"
if [ -e "$OUT" ]; then OUT="${OUT%.jsonl}-$(date -u +%H%M%S).jsonl"; fi
: > "$OUT"

# One run-all at a time on this machine (two would disturb each other's numbers).
exec 9>/tmp/kaolack-bench-peers.lock
flock -w 3600 9 || { echo "run-all.sh: another run-all.sh holds the lock" >&2; exit 1; }

for system in $SYSTEMS; do
  for clients in 10 100; do
    for rate in 200 1000; do
      for senders in "$clients" 2; do
        args=(--system "$system" --clients "$clients" --senders "$senders" --rate "$rate" --seed "$SEED"
              --workers "$WORKERS" --wait-idle "$WAIT_IDLE" --idle-below "$IDLE_BELOW")
        kept=""; kept_attempt=0; kept_other=""
        for attempt in $(seq 1 "$ATTEMPTS"); do
          echo "[run-all] $system C=$clients S=$senders R=$rate attempt $attempt/$ATTEMPTS" >&2
          if ! line="$(timeout --kill-after=10 "$RUN_TIMEOUT" node run.js "${args[@]}")"; then
            echo "[run-all] run failed or timed out" >&2
            continue
          fi
          other="$(LINE="$line" node -e 'console.log(JSON.parse(process.env.LINE).otherCpuPct)')"
          # Keep the least disturbed attempt.
          if [ -z "$kept" ] || A="$other" B="$kept_other" node -e 'process.exit(Number(process.env.A) < Number(process.env.B) ? 0 : 1)'; then
            kept="$line"; kept_attempt="$attempt"; kept_other="$other"
          fi
          if A="$other" B="$MAX_OTHER" node -e 'process.exit(Number(process.env.A) > Number(process.env.B) ? 1 : 0)'; then
            break
          fi
          echo "[run-all] disturbed: other processes used ${other}% of a core" >&2
        done
        if [ -n "$kept" ]; then
          LINE="$kept" ATTEMPT="$kept_attempt" MAX="$MAX_OTHER" node -e '
            const d = JSON.parse(process.env.LINE);
            d.attempt = Number(process.env.ATTEMPT);
            d.disturbed = d.otherCpuPct > Number(process.env.MAX);
            console.log(JSON.stringify(d));' >> "$OUT"
          LINE="$kept" node -e '
            const d = JSON.parse(process.env.LINE); const l = d.latencyMs;
            console.error(`[run-all]   ops/s ${d.achievedOpsPerSec}  p50 ${l.p50}  p95 ${l.p95}  p99 ${l.p99}  max ${l.max} ms  server ${d.serverCpuPct}% ${d.serverPeakRssMB} MB  load ${d.loadCpuPct}%  other ${d.otherCpuPct}%  converged ${d.converged}`);'
        else
          echo "{\"system\":\"$system\",\"clients\":$clients,\"senders\":$senders,\"rate\":$rate,\"seed\":$SEED,\"error\":\"run failed\"}" >> "$OUT"
        fi
      done
    done
  done
done
echo "$OUT"
