#!/usr/bin/env bash
# A silo of a three-silo cluster behind nginx killed (SIGKILL) while 100 live clients edit one plan through the proxy:
# time until every client's edits are acknowledged again, ops lost, clients that needed a reload. Starts Azurite, the
# silos (as OS processes) and nginx on loopback ports, and stops them all at the end. One JSON line per run, appended
# to bench/results/failover-<UTC date>.jsonl. See docs/BENCHMARKS.md ("Fail-over under load").
#
#   bench/cluster/run.sh                                   # 3 silos, 100 clients, a marker per client per second
#   bench/cluster/run.sh --clients 50 --after 20           # any option of `Kaolack.Bench failover --help`
#   bench/cluster/run.sh --silo-env Cluster__ProbeTimeout=00:00:05 --silo-env Cluster__MissedProbesLimit=3
#                                                          # Orleans' own membership timing, for comparison
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/common.sh

require_tools dotnet node
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
ensure_npm_deps tools/azurite
export KAOLACK_AZURITE_JS="$KAOLACK_ROOT/tools/azurite/node_modules/azurite/dist/src/azurite.js"
ensure_nginx
export KAOLACK_NGINX="${KAOLACK_NGINX:-/usr/sbin/nginx}"

log "Building the bench and the silo (Release)…"
dotnet build bench/Kaolack.Bench -c Release -v quiet -nologo >/dev/null
exec dotnet bench/Kaolack.Bench/bin/Release/net10.0/Kaolack.Bench.dll failover "$@"
