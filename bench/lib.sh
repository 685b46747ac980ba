# Shared by bench/run and bench/faults. Sources the local platform's settings (ports, data folder).
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
source "$ROOT/deploy/local/components.sh"

BENCH=$ROOT/bench
RESULTS_DIR=$BENCH/results
mkdir -p "$RESULTS_DIR"
WORK=$(mktemp -d /tmp/ia-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
SCORECARD=http://127.0.0.1:$SCORECARD_PORT
RESULTS=()

# Prints a figure as name=value and keeps it for the results table.
emit() {
  printf '%s=%s\n' "$1" "$2"
  RESULTS+=("$1=$2")
}

# Writes the kept figures as a Markdown table (not committed: bench/results is ignored).
write_results() {
  local file=$RESULTS_DIR/$1-$(date +%Y%m%dT%H%M%S).md
  {
    echo "# $1 $(date -Iseconds)"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), $(java -version 2>&1 | head -n 1)"
    echo
    echo "| figure | value |"
    echo "|---|---|"
    for r in "${RESULTS[@]}"; do echo "| ${r%%=*} | ${r#*=} |"; done
  } > "$file"
  log "results in $file"
}

# The platform must be up; bring it up with the README's command when it is not.
ensure_platform() {
  if ! curl -sf "$(management_url_of gateway)/q/health/ready" >/dev/null 2>&1; then
    log "the platform is not up: running deploy/local/up"
    "$ROOT/deploy/local/up"
  fi
}

ensure_tool() {
  local tool=$1 package=${2:-$1}
  command -v "$tool" >/dev/null && return 0
  [ "$(id -u)" = 0 ] || { log "$tool is missing: apt-get install $package"; exit 1; }
  log "installing Debian's $package"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null; }
}

# Runs a harness command of the bench module (built on first use).
harness() {
  local jar=$BENCH/target/bench-1.0.0-SNAPSHOT.jar
  if [ ! -f "$jar" ] || [ -n "$(find "$BENCH/src" -newer "$jar" -type f | head -n 1)" ]; then
    (cd "$ROOT" && ./mvnw -B -q -pl bench package -DskipTests)
  fi
  java -cp "$jar:$BENCH/target/lib/*" no.nav.ia.bench.Main "$@" \
    gateway="$GATEWAY" scorecard="$SCORECARD" issuer="$ISSUER_URL" kafka="127.0.0.1:$KAFKA_PORT"
}

# A value from a harness's output.
value() { sed -n "s/^$1=//p" | head -n 1; }

# How the PostgreSQL client tools reach the platform's server, as the admin role.
if [ -n "$EXTERNAL_PG" ]; then
  PG_CLIENT_BIN=; PG_CONN=(-h "$PGHOST" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}")
else
  PG_CLIENT_BIN="$(pg_bin)/"; PG_CONN=(-h 127.0.0.1 -p "$PG_PORT" -U postgres)
fi

# psql against one of the platform's databases.
sql() {
  local db=$1; shift
  "${PG_CLIENT_BIN}psql" "${PG_CONN[@]}" -d "$db" -tAq -v ON_ERROR_STOP=1 "$@"
}

pid_of() { cat "$PID_DIR/$1.pid"; }

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$(pid_of "$1")/status"; }

# Waits until a SQL query answers the expected value, up to $4 seconds; returns 1 on timeout.
await_sql() {
  local db=$1 query=$2 expected=$3 seconds=${4:-120} got
  for _ in $(seq $((seconds * 5))); do
    got=$(sql "$db" -c "$query")
    [ "$got" = "$expected" ] && return 0
    sleep 0.2
  done
  log "waited ${seconds}s for '$query' = $expected, last answer $got"; return 1
}
