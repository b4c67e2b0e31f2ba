#!/usr/bin/env bash
# Runs Kaolack.Orleans locally: builds the web front end, starts Azurite (unless
# ConnectionStrings__AzureStorage is already set) and the silo, on loopback only.
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/common.sh

require_tools dotnet node

KAOLACK_PORT="${KAOLACK_PORT:-5080}"
KAOLACK_BLOB_PORT="${KAOLACK_BLOB_PORT:-10000}"
KAOLACK_QUEUE_PORT="${KAOLACK_QUEUE_PORT:-10001}"
KAOLACK_TABLE_PORT="${KAOLACK_TABLE_PORT:-10002}"
DATA_DIR="$KAOLACK_ROOT/.data/azurite"
AZURITE_LOG="$KAOLACK_ROOT/.data/azurite.log"

SILO_PID=""
# shellcheck disable=SC2317  # invoked through the traps below
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$SILO_PID" ]]; then
    log "Stopping the silo…"
    stop_process_group "$SILO_PID" 30
    SILO_PID=""
  fi
  if [[ -n "$AZURITE_PID" ]]; then
    log "Stopping Azurite…"
    stop_azurite
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:$KAOLACK_PORT}"
# The first URL in ASPNETCORE_URLS is the one we announce and wait for.
APP_URL="${ASPNETCORE_URLS%%;*}"
APP_URL="${APP_URL%/}"
APP_PORT="${APP_URL##*:}"
APP_PORT="${APP_PORT%%/*}"

if port_open "$APP_PORT"; then
  die "Port $APP_PORT on 127.0.0.1 is already in use (is Kaolack.Orleans already running?). Set KAOLACK_PORT to use another port."
fi

build_web

if [[ -n "${ConnectionStrings__AzureStorage:-}" ]]; then
  log "ConnectionStrings__AzureStorage is set: using that storage account (Azurite not started)."
else
  ensure_npm_deps tools/azurite
  start_azurite "$DATA_DIR" "$KAOLACK_BLOB_PORT" "$KAOLACK_QUEUE_PORT" "$KAOLACK_TABLE_PORT" "$AZURITE_LOG"
  ConnectionStrings__AzureStorage="$(azurite_connection_string "$KAOLACK_BLOB_PORT" "$KAOLACK_QUEUE_PORT" "$KAOLACK_TABLE_PORT")"
fi

export ConnectionStrings__AzureStorage
export Kaolack__SeedDemoData="${Kaolack__SeedDemoData:-true}"

# The first administrator: made once per data folder, its address and password both random (a guessable address
# would let anyone aim password guesses at it), kept beside the data and printed below.
ADMIN_FILE="$KAOLACK_ROOT/.data/admin-password"
ADMIN_EMAIL_FILE="$KAOLACK_ROOT/.data/admin-email"
mkdir -p "$KAOLACK_ROOT/.data"
if [[ -z "${Kaolack__Admin__Password:-}" ]]; then
  if [[ ! -s "$ADMIN_FILE" ]]; then
    (umask 077; node -e 'process.stdout.write(require("crypto").randomBytes(12).toString("base64url"))' > "$ADMIN_FILE")
  fi
  Kaolack__Admin__Password="$(cat "$ADMIN_FILE")"
fi
if [[ -z "${Kaolack__Admin__Email:-}" ]]; then
  if [[ ! -s "$ADMIN_EMAIL_FILE" ]]; then
    (umask 077; node -e 'process.stdout.write("admin-" + require("crypto").randomBytes(5).toString("hex") + "@example.org")' > "$ADMIN_EMAIL_FILE")
  fi
  Kaolack__Admin__Email="$(cat "$ADMIN_EMAIL_FILE")"
fi
export Kaolack__Admin__Email Kaolack__Admin__Password
# Links in e-mails and invitations point here (never at whatever Host header a request carries).
export Kaolack__PublicBaseUrl="${Kaolack__PublicBaseUrl:-$APP_URL}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Warnings and errors only by default, so the banner below stays readable (KAOLACK_LOG_LEVEL=Information for more).
KAOLACK_LOG_LEVEL="${KAOLACK_LOG_LEVEL:-Warning}"

log "Building and starting the silo (dotnet run -c Release)…"
# setsid: own process group, so stopping it also stops the app that `dotnet run` spawns.
# --no-launch-profile: launchSettings.json must not override the URLs/environment above.
SETSID=()
command -v setsid >/dev/null 2>&1 && SETSID=(setsid)
"${SETSID[@]}" dotnet run --project silo/Kaolack.Silo -c Release --no-launch-profile -- \
  "--Logging:LogLevel:Default=$KAOLACK_LOG_LEVEL" "--Logging:LogLevel:Orleans.Runtime.Silo=$KAOLACK_LOG_LEVEL" </dev/null &
SILO_PID=$!

# Announce the address once the silo accepts connections (dotnet run builds first).
while ! port_open "$APP_PORT"; do
  if ! kill -0 "$SILO_PID" 2>/dev/null; then
    rc=0
    wait "$SILO_PID" || rc=$?
    SILO_PID=""
    die "The silo exited before listening (exit code $rc). See the output above."
  fi
  sleep 0.5
done

cat <<EOF

  Kaolack.Orleans: $APP_URL
    API reference: $APP_URL/scalar
    Dashboard:     $APP_URL/dashboard/
  Administrator: $Kaolack__Admin__Email / $Kaolack__Admin__Password
  E-mail: $(if [[ -n "${Kaolack__Mail__Smtp__Host:-}" ]]; then echo "sent through $Kaolack__Mail__Smtp__Host"; else echo "no SMTP server set (Kaolack__Mail__Smtp__Host): messages wait in Administration → Outbox"; fi)
  Demo accounts (password kaolack-demo-2026, with the demo data):
    awa.ndiaye@example.org        member (Kaolack), owner of the demo projects
    youssef.benali@example.org    member (Oriental), editor of the demo projects
    mariama.sarr@example.org      member, viewer of the demo projects
    coach.cect@example.org        coach
    partenaire.oriental@example.org  partner (read-only)

  Press Ctrl-C to stop.

EOF

rc=0
wait "$SILO_PID" || rc=$?
SILO_PID=""
log "The silo exited (code $rc)."
exit "$rc"
