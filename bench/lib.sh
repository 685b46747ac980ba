# Shared by bench/run and bench/faults. Sources the local platform's settings (ports, data folder).
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
source "$ROOT/deploy/local/components.sh"

BENCH=$ROOT/bench
RESULTS_DIR=$BENCH/results
mkdir -p "$RESULTS_DIR"
WORK=$(mktemp -d /tmp/ia-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
# The management ports (metrics): the service's port + 1000, each replica's (deploy/local/lib.sh).
GATEWAY_MANAGEMENT=$((GATEWAY_PORT + 1000))
DELIVERY_MANAGEMENT=()
for ((k = 0; k < REPLICAS; k++)); do DELIVERY_MANAGEMENT+=($((DELIVERY_PORT + 100 * k + 1000))); done
SCORECARD=http://127.0.0.1:$SCORECARD_PORT
RESULTS=()

# The POST requests answered 201 that the instances at these management ports counted, per bucket
# of their request timer (http_server_requests_seconds): "port le count" lines, none for an instance
# that did not answer.
created_buckets() {
  local port
  for port in "$@"; do
    curl -s --max-time 5 "http://127.0.0.1:$port/q/metrics" \
      | awk -v port="$port" '/^http_server_requests_seconds_bucket[{]/ && /method="POST"/ && /status="201"/ {
          match($0, /le="[^"]*"/); n[substr($0, RSTART + 4, RLENGTH - 5)] += $NF }
        END { for (le in n) print port, le, n[le] }'
  done
}

# The share (%) of the requests counted between two created_buckets snapshots that took longer than
# a bucket's bound (seconds, as the metric spells it: 0.05), over every instance; n/a when none was
# counted, or when an instance is missing from either snapshot (its counts would mix in its life).
percent_over() {
  awk -v bound="$3" 'FNR == NR { before[$1 " " $2] = $3; ports[$1] = 1; next }
    { now[$1 " " $2] = $3; if (!($1 in ports)) missing = 1; seen[$1] = 1 }
    END { for (p in ports) if (!(p in seen)) missing = 1
          for (p in ports) { total += now[p " +Inf"] - before[p " +Inf"]; fast += now[p " " bound] - before[p " " bound]
                             if (!((p " " bound) in now)) missing = 1 }
          if (missing || total <= 0) print "n/a"; else printf "%.2f", 100 * (total - fast) / total }' "$1" "$2"
}

# The p-th percentile (nearest rank) of a file of sorted numbers, one per line, to one decimal.
nearest_rank() {
  awk -v p="$2" '{ v[NR] = $1 } END { if (!NR) { print "n/a"; exit } r = int(p / 100 * NR); if (r < p / 100 * NR) r++; if (r < 1) r = 1; printf "%.1f", v[r] }' "$1"
}

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
    (cd "$ROOT" && ./mvnw -B -q -pl bench -am package -DskipTests)
  fi
  # The latency harnesses send load at a fixed rate on the same two cores as the platform. With the
  # JVM's defaults (C2 compiling the client for most of a short run, G1) and the JDK's HTTP client
  # the load generator took 0.4 of a core at 400 deliveries/s; with C1, the serial collector and a
  # Vert.x client (Posts) about 0.11. The long-running generators keep the JVM's defaults.
  local opts=()
  case $1 in open-loop | lag) opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx256m) ;; esac
  java "${opts[@]}" -cp "$jar:$BENCH/target/lib/*" no.nav.ia.bench.Main "$@" \
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

# CPU time in clock ticks a process has used, with that of the children it has waited for
# (PostgreSQL's postmaster reaps its backends, so a backend that exited still counts); 0 if gone.
cpu_ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# One line per process the platform's ingest costs, "name ticks": the services, Kafka, the issuer,
# PostgreSQL (the postmaster and its backends) and the load generator (this shell's waited-for
# children: the wrk run between two snapshots).
cpu_snapshot() {
  local s pm ticks child
  for s in "${SERVICES[@]}"; do echo "$s $(cpu_ticks "$(pid_of "$s")")"; done
  for s in kafka oidc; do echo "$s $(cpu_ticks "$(cat "$PID_DIR/$s.pid" 2>/dev/null)")"; done
  if [ -z "$EXTERNAL_PG" ] && [ -r "$PG_DATA/postmaster.pid" ]; then
    pm=$(head -n 1 "$PG_DATA/postmaster.pid"); ticks=$(cpu_ticks "$pm")
    for child in $(pgrep -P "$pm"); do ticks=$((ticks + $(cpu_ticks "$child"))); done
    echo "postgres $ticks"
  fi
  awk '{ print "load_generator", $16 + $17 }' "/proc/$$/stat"
}

# Emits cpu_ms_per_delivery (every platform process, PostgreSQL and Kafka; the load generator and the
# local issuer, which is Entra ID's work in production, apart) and a line per process, from two
# snapshots around the measured ingest and the deliveries it made.
emit_cpu_per_delivery() {
  local before=$1 after=$2 deliveries=$3 hz name ticks total=0 ms
  hz=$(getconf CLK_TCK)
  while read -r name ticks; do
    ms=$(awk -v t="$ticks" -v b="$(awk -v n="$name" '$1 == n { print $2 }' "$before")" -v hz="$hz" -v d="$deliveries" \
      'BEGIN { printf "%.2f", (t - b) * 1000 / hz / d }')
    emit "cpu_ms_per_delivery_$name" "$ms"
    [ "$name" != load_generator ] && [ "$name" != oidc ] && total=$(awk -v a="$total" -v b="$ms" 'BEGIN { printf "%.2f", a + b }')
  done < "$after"
  emit cpu_ms_per_delivery "$total"
}

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
