# Starting the platform's parts one by one; sourced by `up` and `restart` after lib.sh.

# Where the services find PostgreSQL (start_postgres sets the same).
if [ -n "$EXTERNAL_PG" ]; then PG_HOST=$PGHOST; PG_PORT=${PGPORT:-5432}; else PG_HOST=127.0.0.1; fi

fetch_tools() {
  for tool in kafka oidc; do
    if [ ! -d "$IA_LOCAL_DIR/lib/$tool" ]; then
      log "resolving $tool from Maven Central into $IA_LOCAL_DIR/lib/$tool"
      ./mvnw -B -q -f "deploy/local/tools/$tool/pom.xml" dependency:copy-dependencies \
        -DoutputDirectory="$IA_LOCAL_DIR/lib/$tool" -DincludeScope=runtime
    fi
  done
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local psql_admin
  if [ -n "$EXTERNAL_PG" ]; then
    log "using the existing PostgreSQL at $PGHOST:${PGPORT:-5432}"
    PG_HOST=$PGHOST; PG_PORT=${PGPORT:-5432}
    psql_admin=(psql -v ON_ERROR_STOP=1 -q -h "$PG_HOST" -p "$PG_PORT" -U "${PGUSER:-postgres}" -d postgres)
  else
    local bin; bin=$(pg_bin)
    if [ -z "$bin" ]; then
      log "installing Debian's postgresql (its binaries are absent)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade postgresql >/dev/null
      bin=$(pg_bin)
    fi
    mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DATA"
    chmod 700 "$PG_DATA"
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
      log "initialising a private PostgreSQL cluster in $PG_DATA"
      as_postgres "$bin/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
      log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
      as_postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/postgres.log" -w \
        -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1" start >/dev/null
      echo "$bin" > "$PID_DIR/postgres.started"
    fi
    PG_HOST=127.0.0.1
    psql_admin=("$bin/psql" -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres)
  fi
  for db in agreement delivery scorecard; do
    "${psql_admin[@]}" -tAc "select 1 from pg_roles where rolname = '$db'" | grep -q 1 \
      || "${psql_admin[@]}" -c "create role $db login password '$db'"
    "${psql_admin[@]}" -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1 \
      || "${psql_admin[@]}" -c "create database $db owner $db"
  done
}

# Logs are appended across restarts (a crash drill's log of the killed process stays), each start
# marked with a line of its own.
log_start() { echo "=== $1 started $(date -u +%FT%TZ) ===" >> "$LOG_DIR/$1.log"; }

start_kafka() {
  if is_running kafka; then log "Kafka is already running"; return; fi
  local dir=$IA_LOCAL_DIR/kafka cp="$IA_LOCAL_DIR/lib/kafka/*"
  mkdir -p "$dir"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=6
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  if [ ! -f "$dir/data/meta.properties" ]; then
    log "formatting Kafka storage in $dir/data"
    local id; id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    java -cp "$cp" kafka.tools.StorageTool format -t "$id" -c "$dir/server.properties" >/dev/null
  fi
  log "starting Kafka (KRaft) on 127.0.0.1:$KAFKA_PORT"
  log_start kafka
  setsid nohup java -Xmx512m -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka-log4j2.properties" -cp "$cp" \
    kafka.Kafka "$dir/server.properties" >>"$LOG_DIR/kafka.log" 2>&1 &
  echo $! > "$PID_DIR/kafka.pid"
  wait_port "$KAFKA_PORT" 60 Kafka
  java -cp "$cp" "$ROOT/deploy/local/CreateTopics.java" "127.0.0.1:$KAFKA_PORT"
}

start_oidc() {
  if is_running oidc; then log "mock-oauth2-server is already running"; return; fi
  log_start oidc
  log "starting mock-oauth2-server on 127.0.0.1:$OIDC_PORT (issuer $ISSUER_URL)"
  SERVER_HOSTNAME=127.0.0.1 SERVER_PORT=$OIDC_PORT JSON_CONFIG_PATH="$ROOT/deploy/local/oidc.json" \
    setsid nohup java -Xmx128m -cp "$IA_LOCAL_DIR/lib/oidc/*" no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt \
    >>"$LOG_DIR/oidc.log" 2>&1 &
  echo $! > "$PID_DIR/oidc.pid"
  wait_http "$ISSUER_URL/.well-known/openid-configuration" 60 mock-oauth2-server
}

# The services' JVM: a small heap with the serial collector (one collector thread, no G1 remembered
# sets) and two glibc malloc arenas instead of one per thread keep the footprint small; override
# with IA_JAVA_OPTS and MALLOC_ARENA_MAX. The AppCDS archive that `up` builds
# (quarkus.package.jar.appcds) is used when present: classes load from it instead of the jars. The
# archive holds the class path as the build ran it, so the JVM starts in the app's own folder.
# The client compiler only (C1): on these 2 cores the server compiler (C2) spends, in the first
# minutes, more CPU compiling than its faster code saves, and its profiles and code take about
# 80 MB more per service. Measured with 32 connections after 40 s of warm-up (docs/performance.md,
# session 10): 4.2-4.8 ms of CPU per delivery over all processes with C1 and 5.3 with C2, and RSS
# 245 / 213 / 146 MB (delivery, scorecard, gateway) against 339 / 271 / 206. Heaps are sized to the
# live set (about 20-30 MB) with room for the young generation: 64 MB for delivery-service and
# agreement-service (a 1.1-million-entity register import: RSS at most 227 MB, 246 with 96 MB), 72 MB
# for scorecard-service (about 21 MB live after rebuilding a million deliveries' projection, 98
# young collections and no full one in that rebuild; with 80 MB its RSS ended two full bench runs at
# 251 MB: a serial heap's pages, once touched, stay resident up to its cap; docs/performance.md,
# session 51) and 80 MB for the gateway. Every 5 s the JVM hands the memory glibc keeps after
# free() back to the system (-XX:TrimNativeHeapInterval, JDK 17.0.9 and later): after 10,000
# malformed requests RSS was 236 / 237 / 203 / 178 MB against 241 / 243 / 208 / 190 without it,
# and during a register import 228 against 235 (docs/performance.md, session 14). An older JDK
# starts without it.
JAVA_OPTS_DEFAULT="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
TRIM_OPT="-XX:TrimNativeHeapInterval=5000"
# Whether this java takes the trim flag. Asking a JVM takes about 40 ms, so the answer is kept per
# java binary (path and modification time) in the data folder, out of every later (re)start. Only
# "Unrecognized VM option" counts as no: a JVM that failed to start for another reason is asked
# again next time.
java_knows_trim() {
  local bin known cache=$IA_LOCAL_DIR/java-trim answer tmp said
  bin=$(readlink -f "$(command -v java)")
  known="$bin $(stat -c %Y "$bin")"
  if [ "$(sed -n 1p "$cache" 2>/dev/null)" = "$known" ]; then
    [ "$(sed -n 2p "$cache" 2>/dev/null)" = yes ]
    return
  fi
  if said=$(java "$TRIM_OPT" -version 2>&1); then
    answer=yes
  elif [[ $said == *"Unrecognized VM option"* ]]; then
    answer=no
  else
    return 1
  fi
  if mkdir -p "$IA_LOCAL_DIR" && tmp=$(mktemp "$cache.XXXXXX"); then
    printf '%s\n%s\n' "$known" "$answer" > "$tmp" && mv -f "$tmp" "$cache"
  fi
  [ "$answer" = yes ]
}
java_opts_default() {
  local opts=$JAVA_OPTS_DEFAULT
  java_knows_trim && opts+=" $TRIM_OPT"
  case $1 in
    delivery-service | agreement-service) echo "-Xmx64m $opts" ;;
    scorecard-service) echo "-Xmx72m $opts" ;;
    *) echo "-Xmx80m $opts" ;;
  esac
}

# Quarkus's AppCDS archive (app-cds.jsa) holds the classes loaded until static init ends: about
# 6,600 of the 15,800 agreement-service loads before it serves; Hibernate's, Kafka's and the rest of
# the runtime start load from the jars. `up` therefore records a second archive from a whole start:
# after a build it starts each service once with -XX:ArchiveClassesAtExit, stops it when it is
# ready (the JVM writes the archive as it exits) and starts it again with that archive. Measured on
# the idle platform: ready in 2.5-2.7 s instead of 3.3-3.7 (docs/performance.md, session 11).
RECORDED_CDS=app-cds-recorded.jsa
# Whether an app's recorded archive is missing or older than its build.
cds_to_record() { [ ! -f "$1/$RECORDED_CDS" ] || [ "$1/quarkus-run.jar" -nt "$1/$RECORDED_CDS" ]; }
# Stops a service that records its archive: the JVM writes it (as .part) as it exits, a few seconds
# after the stop, and only an archive whose JVM exited by itself is taken. One cut short by a kill
# is never taken (here it is removed; after `down` or any other kill it stays .part), so that the
# next `up` records it again.
stop_recording() {
  local name=$1 app
  app=$ROOT/$(service_of "$name")/target/quarkus-app
  stop_pid "$name" TERM 120
  if [ "$STOP_PID_KILLED" = 1 ]; then
    log "$name did not write its class archive; it starts without it"
  elif [ -s "$app/$RECORDED_CDS.part" ]; then
    mv -f "$app/$RECORDED_CDS.part" "$app/$RECORDED_CDS"
  fi
  rm -f "$app/$RECORDED_CDS.part"
}

start_service() {
  local name=$1 port=$2; shift 2
  local app; app=$ROOT/$(service_of "$name")/target/quarkus-app
  local -a opts
  read -r -a opts <<< "${IA_JAVA_OPTS:-$(java_opts_default "$(service_of "$name")")}"
  if [ "${IA_CDS_RECORD:-0}" = 1 ]; then
    opts+=("-XX:ArchiveClassesAtExit=$RECORDED_CDS.part" "-Xlog:cds=error")
  elif ! cds_to_record "$app"; then
    opts+=("-XX:SharedArchiveFile=$RECORDED_CDS")
  elif [ -f "$app/app-cds.jsa" ]; then
    opts+=("-XX:SharedArchiveFile=app-cds.jsa")
  fi
  if is_running "$name"; then log "$name is already running"; return; fi
  log "starting $name on 127.0.0.1:$port"
  log_start "$name"
  # setsid (here and for Kafka and the OIDC provider): a session of its own, so that a process
  # outlives the terminal or job that ran `up` or `restart` (a helper's shell ending took replicas
  # it had restarted with it). A script's background job (job control is off in a script, so no
  # `set -m` here) is no process group leader, so setsid does not fork and the PID written below
  # stays the JVM's.
  env MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} PORT="$port" MANAGEMENT_PORT=$((port + 1000)) OIDC_ISSUER_URL="$ISSUER_URL" KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT" \
    DB_HOST="$PG_HOST" DB_PORT="$PG_PORT" "$@" \
    bash -c 'cd "$1" && shift && exec setsid nohup java "$@" -jar quarkus-run.jar' start "$app" "${opts[@]}" >>"$LOG_DIR/$name.log" 2>&1 &
  echo $! > "$PID_DIR/$name.pid"
}


# The service of an instance name (delivery-service-2 -> delivery-service) and its number (2).
service_of() { case $1 in *-service-[0-9]|gateway-[0-9]) echo "${1%-*}" ;; *) echo "$1" ;; esac; }
instance_of() { case $1 in *-service-[0-9]|gateway-[0-9]) echo "${1##*-}" ;; *) echo 1 ;; esac; }

# Every instance name of a service: SERVICE, then SERVICE-2 ... SERVICE-REPLICAS.
instances_of() {
  echo "$1"
  for k in $(seq 2 "$REPLICAS"); do echo "$1-$k"; done
}

# The base URLs of every instance of a service, separated by commas (what the gateway balances across).
urls_of() {
  local base urls=""
  base=$(port_of "$1")
  for k in $(seq 1 "$REPLICAS"); do urls+="${urls:+,}http://127.0.0.1:$((base + 100 * (k - 1)))"; done
  echo "$urls"
}

# Starts one instance of one of the four services with its own settings: NAME or NAME-k.
start_named() {
  local service instance port name=$1
  service=$(service_of "$name"); instance=$(instance_of "$name")
  port=$(( $(port_of "$service") + 100 * (instance - 1) ))
  case $service in
    agreement-service) mkdir -p "$IA_LOCAL_DIR/register"
      start_service "$name" "$port" DB_DATABASE=agreement DB_USERNAME=agreement DB_PASSWORD=agreement \
        IA_REGISTER_IMPORT_DIR="$IA_LOCAL_DIR/register" ;;
    delivery-service) start_service "$name" "$port" DB_DATABASE=delivery DB_USERNAME=delivery DB_PASSWORD=delivery \
      AGREEMENT_SERVICE_URL="http://127.0.0.1:$AGREEMENT_PORT" ;;
    scorecard-service) start_service "$name" "$port" DB_DATABASE=scorecard DB_USERNAME=scorecard DB_PASSWORD=scorecard ;;
    # PUBLIC_URL as on NAIS (unless set): a service's Location names the gateway's address, not the
    # Host a client sent (a security review's `Host: evil.example` came back in a 201's Location).
    gateway) start_service "$name" "$port" AGREEMENT_SERVICE_URL="$(urls_of agreement-service)" \
      DELIVERY_SERVICE_URL="$(urls_of delivery-service)" SCORECARD_SERVICE_URL="$(urls_of scorecard-service)" \
      PUBLIC_URL="${PUBLIC_URL:-http://127.0.0.1:$port}" ;;
    *) log "unknown service $name"; return 2 ;;
  esac
}

# The port of a service's first instance, or of the named instance (NAME-k).
port_of() {
  local base
  case $(service_of "$1") in
    agreement-service) base=$AGREEMENT_PORT ;; delivery-service) base=$DELIVERY_PORT ;;
    scorecard-service) base=$SCORECARD_PORT ;; gateway) base=$GATEWAY_PORT ;;
  esac
  echo $((base + 100 * ($(instance_of "$1") - 1)))
}

# The management interface of an instance (health, metrics): its port + 1000.
management_url_of() { echo "http://127.0.0.1:$(( $(port_of "$1") + 1000 ))"; }
