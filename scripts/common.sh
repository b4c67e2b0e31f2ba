# shellcheck shell=bash
# Shared helpers for run.sh and test.sh. Source it; the callers set `set -euo pipefail`.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/scripts/common.sh"
#
# Everything here works with absolute paths under $KAOLACK_ROOT, so the caller's
# working directory does not matter.

if [[ -n "${KAOLACK_COMMON_SOURCED:-}" ]]; then
  return 0
fi
KAOLACK_COMMON_SOURCED=1

KAOLACK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KAOLACK_AZURITE_JS_DEFAULT="$KAOLACK_ROOT/tools/azurite/node_modules/azurite/dist/src/azurite.js"

# The well-known, public Azurite development account key (not a secret).
AZURITE_ACCOUNT_NAME="devstoreaccount1"
AZURITE_ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

# PID of the Azurite started by start_azurite (empty when none).
AZURITE_PID=""

log()  { printf '\033[1;34m[kaolack]\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m[kaolack] warning:\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31m[kaolack] error:\033[0m %s\n' "$*" >&2; exit 1; }

# require_tools [dotnet] [node]
# Checks that the given tools (default: dotnet and node/npm) are on PATH.
require_tools() {
  local wanted=("$@")
  ((${#wanted[@]})) || wanted=(dotnet node)
  local t
  for t in "${wanted[@]}"; do
    case "$t" in
      dotnet)
        command -v dotnet >/dev/null 2>&1 ||
          die "'dotnet' not found on PATH. Install the .NET 10 SDK (see global.json): https://dotnet.microsoft.com/download/dotnet/10.0"
        ;;
      node)
        command -v node >/dev/null 2>&1 ||
          die "'node' not found on PATH. Install Node.js 20.19+ (or 22.12+), which also provides npm."
        command -v npm >/dev/null 2>&1 ||
          die "'npm' not found on PATH. It ships with Node.js; reinstall Node.js 20.19+ or install the 'npm' package."
        ;;
      *)
        command -v "$t" >/dev/null 2>&1 || die "'$t' not found on PATH."
        ;;
    esac
  done
}

# ensure_npm_deps DIR
# Runs `npm ci` in DIR when DIR/node_modules is missing or older than
# DIR/package-lock.json (or package.json). A stamp file records the last success.
ensure_npm_deps() {
  local dir="$1"
  [[ "$dir" = /* ]] || dir="$KAOLACK_ROOT/$dir"
  [[ -f "$dir/package-lock.json" ]] || die "$dir/package-lock.json is missing (run 'npm install' there once and commit the lock file)."
  local stamp="$dir/node_modules/.kaolack-installed"
  if [[ -f "$stamp" && ! "$dir/package-lock.json" -nt "$stamp" && ! "$dir/package.json" -nt "$stamp" ]]; then
    return 0
  fi
  log "Installing npm dependencies in ${dir#"$KAOLACK_ROOT"/} (npm ci)…"
  # --loglevel=error: Azurite 3.37 declares Node 22+ and npm lists an EBADENGINE warning per package on Node 20,
  # where it runs fine (see README); real failures still print and stop.
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $dir"
  touch "$stamp"
}

# ensure_browser
# The browser tests drive Debian's Chromium (no Playwright browser download, which
# would need the internet); Noto fonts render the Arabic names of the Oriental.
# Installs both with apt when missing (as root, or through sudo).
ensure_browser() {
  local packages=(fonts-noto-core)
  command -v chromium >/dev/null 2>&1 || packages+=(chromium)
  ensure_apt_packages "the browser tests" "${packages[@]}"
}

# ensure_apt_packages WHY PACKAGE... — installs the Debian packages that are missing, with apt-get (as root, or
# through sudo); WHY says who needs them.
ensure_apt_packages() {
  local why="$1"
  shift
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  ((${#missing[@]} == 0)) && return 0
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 || die "$why need: ${missing[*]} (apt-get install ${missing[*]}), and this user cannot install them."
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null 2>&1 || die "$why need: ${missing[*]}; install them with your package manager."
  log "Installing ${missing[*]} for $why (apt-get)…"
  "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
    die "apt-get install ${missing[*]} failed"
}

# ensure_nginx
# The cluster tests and bench/cluster/run.sh put the silos behind Debian's nginx, run with their own configuration
# (scripts/nginx/kaolack-cluster.conf, nginx -p/-c on loopback ports), never as the system service. Installing the
# package may start that service (Debian's default site listens on port 80): it is stopped and disabled again when
# this function installed it, so nothing listens that the scripts did not start.
ensure_nginx() {
  [[ -x "${KAOLACK_NGINX:-/usr/sbin/nginx}" ]] && return 0
  ensure_apt_packages "the cluster tests (nginx in front of the silos)" nginx
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nginx 2>/dev/null; then
    systemctl disable --now nginx >/dev/null 2>&1 || true
  elif [[ -f /run/nginx.pid ]]; then
    /usr/sbin/nginx -s quit 2>/dev/null || true
  fi
}

# build_web
# Installs the web dependencies if needed and builds the front end into
# silo/Kaolack.Silo/wwwroot.
build_web() {
  ensure_npm_deps web
  log "Building the web front end (web/ → silo/Kaolack.Silo/wwwroot)…"
  npm --prefix "$KAOLACK_ROOT/web" run build
}

# port_open PORT [HOST] — true when something accepts TCP connections.
port_open() {
  local port="$1" host="${2:-127.0.0.1}"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# wait_for_ports TIMEOUT_SECONDS PID PORT... — polls every 0.2 s until all ports
# accept connections. Fails early if PID exits. Returns 1 on failure.
wait_for_ports() {
  local timeout="$1" pid="$2"
  shift 2
  local tries=$((timeout * 5)) port pending
  while :; do
    pending=()
    for port in "$@"; do
      port_open "$port" || pending+=("$port")
    done
    ((${#pending[@]} == 0)) && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      WAIT_FOR_PORTS_REASON="process $pid exited"
      return 1
    fi
    if ((--tries <= 0)); then
      WAIT_FOR_PORTS_REASON="port(s) ${pending[*]} not listening after ${timeout}s"
      return 1
    fi
    sleep 0.2
  done
}

# start_azurite DATA_DIR BLOB_PORT QUEUE_PORT TABLE_PORT LOG_FILE
# Starts Azurite in the background (PID in $AZURITE_PID) and waits up to
# ${KAOLACK_AZURITE_START_TIMEOUT:-30} s until the three ports listen.
start_azurite() {
  local data_dir="$1" blob="$2" queue="$3" table="$4" log_file="$5"
  local js="${KAOLACK_AZURITE_JS:-$KAOLACK_AZURITE_JS_DEFAULT}"
  local timeout="${KAOLACK_AZURITE_START_TIMEOUT:-30}"
  [[ -f "$js" ]] || die "Azurite not found at $js (run: npm ci --prefix tools/azurite)."

  local port
  for port in "$blob" "$queue" "$table"; do
    if port_open "$port"; then
      die "Port $port on 127.0.0.1 is already in use (another Azurite?). Stop it, choose other ports with KAOLACK_BLOB_PORT / KAOLACK_QUEUE_PORT / KAOLACK_TABLE_PORT, or set ConnectionStrings__AzureStorage to use an existing storage account."
    fi
  done

  mkdir -p "$data_dir" "$(dirname "$log_file")"
  log "Starting Azurite (blob $blob, queue $queue, table $table; data in $data_dir)…"
  # In its own session: Ctrl-C in the terminal reaches the script and the silo, and Azurite is stopped last, so the
  # silo never spends its shutdown retrying a store that is already gone.
  local setsid=()
  command -v setsid >/dev/null 2>&1 && setsid=(setsid)
  "${setsid[@]}" node "$js" \
    --location "$data_dir" \
    --blobHost 127.0.0.1 --blobPort "$blob" \
    --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" \
    --disableTelemetry --skipApiVersionCheck --loose \
    >"$log_file" 2>&1 </dev/null &
  AZURITE_PID=$!

  WAIT_FOR_PORTS_REASON=""
  if ! wait_for_ports "$timeout" "$AZURITE_PID" "$blob" "$queue" "$table"; then
    local reason="$WAIT_FOR_PORTS_REASON"
    stop_azurite
    printf '\033[1;31m[kaolack] error:\033[0m Azurite did not start (%s). Last lines of %s:\n' "$reason" "$log_file" >&2
    tail -n 20 "$log_file" >&2 || true
    return 1
  fi
  log "Azurite is listening (pid $AZURITE_PID, log $log_file)."
}

# stop_pid PID [GRACE_SECONDS] — SIGTERM, wait up to GRACE seconds, then SIGKILL.
# Works for children of this shell (reaps them) and for other processes.
stop_pid() {
  local pid="$1" grace="${2:-10}"
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "process $pid did not stop within ${grace}s; killing it."
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# stop_process_group PID [GRACE_SECONDS] — like stop_pid, but signals the whole
# process group led by PID (used for `setsid dotnet run`, whose app is a child
# process). Falls back to stop_pid when PID does not lead its own group.
stop_process_group() {
  local pid="$1" grace="${2:-30}"
  [[ -n "$pid" ]] || return 0
  local pgid
  pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
  if [[ "$pgid" != "$pid" ]]; then
    stop_pid "$pid" "$grace"
    return 0
  fi
  kill -TERM -- "-$pgid" 2>/dev/null || true
  local deadline=$((SECONDS + grace))
  while kill -0 -- "-$pgid" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if kill -0 -- "-$pgid" 2>/dev/null; then
    warn "process group $pgid did not stop within ${grace}s; killing it."
    kill -KILL -- "-$pgid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# stop_azurite — stops the Azurite started by start_azurite (no-op otherwise).
stop_azurite() {
  if [[ -n "$AZURITE_PID" ]]; then
    stop_pid "$AZURITE_PID" 10
    AZURITE_PID=""
  fi
}

# azurite_connection_string BLOB_PORT QUEUE_PORT TABLE_PORT
azurite_connection_string() {
  local blob="$1" queue="$2" table="$3"
  printf 'DefaultEndpointsProtocol=http;AccountName=%s;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/%s;QueueEndpoint=http://127.0.0.1:%s/%s;TableEndpoint=http://127.0.0.1:%s/%s;\n' \
    "$AZURITE_ACCOUNT_NAME" "$AZURITE_ACCOUNT_KEY" \
    "$blob" "$AZURITE_ACCOUNT_NAME" "$queue" "$AZURITE_ACCOUNT_NAME" "$table" "$AZURITE_ACCOUNT_NAME"
}
