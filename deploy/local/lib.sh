# Shared settings of the deploy/local scripts. Every value can be set in the environment.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Data, logs, PIDs and downloaded tools live outside the repository.
IA_LOCAL_DIR=${IA_LOCAL_DIR:-/var/tmp/ia-platform}
LOG_DIR=$IA_LOCAL_DIR/logs
PID_DIR=$IA_LOCAL_DIR/pids

# PostgreSQL: a private cluster by default; set PGHOST (and PGPORT, PGUSER, PGPASSWORD of a
# role that may create roles and databases) to use an existing server instead.
PG_PORT=${PG_PORT:-15432}
PG_DATA=$IA_LOCAL_DIR/pg
EXTERNAL_PG=${PGHOST:-}

KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
OIDC_PORT=${OIDC_PORT:-8090}
GATEWAY_PORT=${GATEWAY_PORT:-8080}
AGREEMENT_PORT=${AGREEMENT_PORT:-8081}
DELIVERY_PORT=${DELIVERY_PORT:-8082}
SCORECARD_PORT=${SCORECARD_PORT:-8083}
ISSUER_URL=http://127.0.0.1:$OIDC_PORT/ia

SERVICES=(agreement-service delivery-service scorecard-service gateway)
# Instances of each service (`up --replicas N`, remembered for restart and down): instance k > 1 is
# named SERVICE-k and listens on the service's port + 100*(k-1). One gateway balances across them.
REPLICAS=$(cat "$IA_LOCAL_DIR/replicas" 2>/dev/null || echo 1)

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

# Waits until a TCP port answers, or fails after $2 seconds.
wait_port() {
  local port=$1 seconds=${2:-60} name=${3:-port $1}
  for _ in $(seq $((seconds * 4))); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return 0
    sleep 0.25
  done
  log "$name did not open port $port within ${seconds}s"; return 1
}

# Waits until a URL answers 200, or fails after $2 seconds.
wait_http() {
  local url=$1 seconds=${2:-60} name=${3:-$1}
  for _ in $(seq $((seconds * 4))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ] && return 0
    sleep 0.25
  done
  log "$name was not ready at $url within ${seconds}s"; return 1
}

# Waits until a service the scripts started is ready, or fails: at once when its process has
# ended (a failed start, such as a migration refused), after $2 seconds otherwise. A failure
# prints the end of the service's last start in its log, so a CI run's output shows the cause.
wait_service() {
  local name=$1 seconds=${2:-120} url pid
  url="$(management_url_of "$name")/q/health/ready"
  pid=$(cat "$PID_DIR/$name.pid" 2>/dev/null || true)
  for _ in $(seq $((seconds * 4))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ] && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      log "$name ended before it was ready"; show_last_start "$name"; return 1
    fi
    sleep 0.25
  done
  log "$name was not ready at $url within ${seconds}s"; show_last_start "$name"; return 1
}

# The end of a service's log since its last start marker, without DEBUG lines.
show_last_start() {
  local log=$LOG_DIR/$1.log
  [ -f "$log" ] || return 0
  echo "----- $log, its last start (last 40 lines)"
  awk '/^=== .* started / { n = 0; delete lines } { lines[n++] = $0 } END { for (i = 0; i < n; i++) print lines[i] }' "$log" \
    | grep -v ' DEBUG ' | tail -n 40
  echo "-----"
}

# Stops a process the scripts started, by its recorded PID: SIGNAL (default TERM), then KILL after
# SECONDS (default 30) if it is still there (a graceful shutdown lets requests in flight finish, up
# to 20 s). STOP_PID_KILLED says afterwards whether it had to be killed.
stop_pid() {
  local name=$1 signal=${2:-TERM} seconds=${3:-30} pidfile=$PID_DIR/$1.pid pid
  STOP_PID_KILLED=0
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name ($pid)"
    kill -s "$signal" "$pid"
    for _ in $(seq $((seconds * 4))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name did not stop in $seconds s; killing it"
      kill -9 "$pid" 2>/dev/null || true
      STOP_PID_KILLED=1
    fi
  fi
  rm -f "$pidfile"
}

is_running() {
  local pidfile=$PID_DIR/$1.pid
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}
