# The four Quarkus services: build, start, stop, status.

SERVICES=(ingest scoring notify gateway)
COMPONENTS=(postgres redis kafka "${SERVICES[@]}")

service_module() { if [ "$1" = gateway ]; then echo gateway; else echo "$1-service"; fi; }
service_jar() { echo "$SUITE_ROOT/$(service_module "$1")/target/quarkus-app/quarkus-run.jar"; }
service_aot() { echo "$SUITE_ROOT/$(service_module "$1")/target/quarkus-app/app.aot"; }

# The JVM options every service runs with (the AOT cache is only valid for the same ones), sized so
# that a service stays under 300 MB resident under load: the heap, and a cap on each native area a
# JVM otherwise sizes from the machine (class metadata, compiled code, direct buffers, thread stacks).
# Serial GC: one collector thread and no remembered sets, the smallest footprint for heaps this size.
# Half the heap is the young generation: a consumer's batch dies young, and promoted to a small old
# generation it would fill it with garbage and cost a full collection each time (measured: dozens of
# full collections a minute under the benchmark with the default third).
JVM_OPTS=("-Xmx$SERVICE_HEAP" -XX:NewRatio=1 "-XX:MaxMetaspaceSize=$SERVICE_METASPACE" -XX:ReservedCodeCacheSize=64m
  -XX:MaxDirectMemorySize=96m -Xss512k -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError)
# Extra flags for every service (say -XX:NativeMemoryTracking=summary to see where memory goes).
# shellcheck disable=SC2206
[ -z "${SERVICE_JAVA_OPTS:-}" ] || JVM_OPTS+=($SERVICE_JAVA_OPTS)
# glibc gives each thread that allocates its own malloc arena (64 MB reserved each, partly resident):
# two are enough for a JVM, whose heap is not malloc'd.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# Uses the service's AOT cache (./suite aot) when it is newer than the build it was made from.
aot_flags() {
  local cache
  cache="$(service_aot "$1")"
  if [ "${SUITE_AOT:-1}" = 1 ] && [ -f "$cache" ] && [ "$cache" -nt "$(dirname "$cache")/lib" ] \
    && [ -z "$(find "$(dirname "$cache")" -newer "$cache" -name '*.jar' -print -quit)" ]; then
    echo "-XX:AOTCache=$cache"
  fi
}

# Training runs: each service is started once with -XX:AOTCacheOutput, made ready, and stopped;
# the JVM writes the cache of the classes it loaded, and later starts map it instead of loading.
services_aot() {
  service_env
  local s
  for s in "${SERVICES[@]}"; do
    alive "$s" && die "stop $s first (./suite stop $s): a training run needs its port"
  done
  for s in "${SERVICES[@]}"; do
    local cache port
    cache="$(service_aot "$s")"
    port="$(component_port "$s")"
    rm -f "$cache"
    info "AOT training run of $s"
    QUARKUS_HTTP_HOST="$(service_host "$s")" nohup "$JAVA" "${JVM_OPTS[@]}" "-XX:AOTCacheOutput=$cache" -jar "$(service_jar "$s")" \
      > "$LOG_DIR/$s-aot.log" 2>&1 &
    echo $! > "$PID_DIR/$s"
    local deadline=$((SECONDS + READY_TIMEOUT))
    until service_ready "$s"; do
      alive "$s" || die "$s exited during its training run (log: $LOG_DIR/$s-aot.log)"
      [ $SECONDS -lt $deadline ] || die "$s not ready in its training run"
      sleep 0.5
    done
    # Exercise the common paths a little before stopping.
    local base
    base="http://$(url_host "$(component_host "$s")"):$port"
    curl -fs -o /dev/null -o /dev/null "$base/q/health/live" "$base/q/metrics" ||
      die "$s did not answer /q/health/live and /q/metrics in its training run (log: $LOG_DIR/$s-aot.log)"
    stop_pid_file "$s" 60 >/dev/null
    [ -f "$cache" ] && info "wrote $cache ($(du -h "$cache" | cut -f1))" || warn "$s wrote no AOT cache (see $LOG_DIR/$s-aot.log)"
  done
}

# The address a service listens on: the gateway on GATEWAY_HOST (every interface by default), the
# internal services on INTERNAL_HOST (loopback by default: only the gateway faces the network; the
# internal services check every caller's token as well, so exposing one is not an open door).
service_host() { if [ "$1" = gateway ]; then echo "$GATEWAY_HOST"; else echo "$INTERNAL_HOST"; fi; }

# The address to reach a component at (the platform's servers are on loopback).
component_host() {
  case "$1" in
    ingest | scoring | notify | scoring-2 | gateway) reach_host "$(service_host "${1%-2}")" ;;
    *) echo 127.0.0.1 ;;
  esac
}

component_port() {
  case "$1" in
    postgres) echo "$PG_PORT" ;; redis) echo "$REDIS_PORT" ;; kafka) echo "$KAFKA_PORT" ;;
    ingest) echo "$INGEST_PORT" ;; scoring) echo "$SCORING_PORT" ;;
    notify) echo "$NOTIFY_PORT" ;; gateway) echo "$GATEWAY_PORT" ;;
  esac
}

services_build() {
  info "building the services (./mvnw install, tests skipped)"
  mvnw -B -DskipTests install || die "the build failed"
}

# Rebuilds when a jar is missing or any source, resource or pom (the parent's too) is newer than it.
services_build_if_stale() {
  local s jar
  for s in "${SERVICES[@]}"; do
    jar="$(service_jar "$s")"
    if jar_stale "$jar" event-contract service-support "$(service_module "$s")" || [ pom.xml -nt "$jar" ]; then
      services_build
      return
    fi
  done
}

# The environment every service gets: where the platform is and the locally generated secrets.
service_env() {
  export DB_PASSWORD
  DB_PASSWORD="$(local_secret db-password)"
  ensure_dev_keys
  export JWT_PUBLIC_KEY_LOCATION="$KEYS_DIR/dev-public.pem"
  export PG_HOST=127.0.0.1 REDIS_HOST=127.0.0.1
}

# What the test JVMs need on top: the dev signing key, so gateway tests can mint tokens.
export_test_env() {
  service_env
  export JWT_PRIVATE_KEY_LOCATION="$KEYS_DIR/dev-private.pem"
  # The services' finished spans, for TracingE2E; only traces a test starts itself are sampled.
  export INTEGRITY_TRACING_FILE="$STATE_DIR/traces/spans.jsonl" TRACING_SAMPLE_RATIO=0
}

service_ready() { ready_on_port "$(component_port "$1")" "$(component_host "$1")"; }
ready_on_port() { # port [host]
  curl -fs --max-time 3 "http://$(url_host "${2:-127.0.0.1}"):$1/q/health/ready" 2>/dev/null | grep -q '"status" *: *"UP"'
}

# Starts SERVICE's jar as process NAME (its pid file and log) listening on PORT, on the service's
# host (QUARKUS_HTTP_HOST, which wins over application.properties): the gateway on GATEWAY_HOST, the
# internal services on INTERNAL_HOST. The gateway reaches them there (INGEST_HOST and the others,
# unless set).
launch_service() { # SERVICE NAME PORT
  local host reach
  host="$(service_host "$1")"
  reach="$(reach_host "$INTERNAL_HOST")"
  info "starting $2 on $host:$3"
  # SERVICE_STATE_DIR: a process's own local state (scoring's Kafka Streams stores), one folder per process.
  # Scoring gets its own heap (SCORING_HEAP): its feature store's cache and two consumers' fetches
  # live beside the decider's batches, and with the common heap it spent half a core collecting.
  local heap=()
  [ "$1" != scoring ] || heap=("-Xmx$SCORING_HEAP")
  # shellcheck disable=SC2046
  env "${1^^}_PORT=$3" "${1^^}_STATE_DIR=$STATE_DIR/streams/$2" "QUARKUS_HTTP_HOST=$host" \
    "INGEST_HOST=${INGEST_HOST:-$reach}" "SCORING_HOST=${SCORING_HOST:-$reach}" "NOTIFY_HOST=${NOTIFY_HOST:-$reach}" nohup "$JAVA" "${JVM_OPTS[@]}" "${heap[@]}" $(aot_flags "$1") -jar "$(service_jar "$1")" > "$LOG_DIR/$2.log" 2>&1 &
  echo $! > "$PID_DIR/$2"
}

# Waits until process NAME answers ready on PORT; fails with its log if it exits or takes too long.
await_ready() { # NAME PORT
  local deadline=$((SECONDS + READY_TIMEOUT))
  until ready_on_port "$2" "$(component_host "$1")"; do
    alive "$1" || die_with_log "$LOG_DIR/$1.log" "$1 exited during start-up"
    [ $SECONDS -lt $deadline ] || die_with_log "$LOG_DIR/$1.log" "$1 not ready after ${READY_TIMEOUT} s (health: http://$(url_host "$(component_host "$1")"):$2/q/health/ready)"
    sleep 0.5
  done
}

services_up() {
  service_env
  local s started=()
  for s in "${SERVICES[@]}"; do
    if alive "$s"; then continue; fi
    local port
    port="$(component_port "$s")"
    port_open "$port" "$(component_host "$s")" && die "port $port (for $s) is taken by $(port_owner "$port"); stop it or set ${s^^}_PORT"
    [ -f "$(service_jar "$s")" ] || die "$s is not built: run ./suite build"
    launch_service "$s" "$s" "$port"
    started+=("$s")
  done
  for s in "${SERVICES[@]}"; do await_ready "$s" "$(component_port "$s")"; done
  [ ${#started[@]} -eq 0 ] || info "ready: ${started[*]}"
}

services_down() {
  local s
  for s in gateway notify scoring-2 scoring ingest; do stop_pid_file "$s" 30; done
}

# A second scoring instance, "scoring-2": the same jar, options and consumer group on
# SCORING_REPLICA_PORT, so that the group's partitions (and the work) are shared between two
# processes. The benchmark's scale-out phase starts and stops it.
scoring_replica_up() {
  alive scoring-2 && return 0
  [ -f "$(service_jar scoring)" ] || die "scoring is not built: run ./suite build"
  port_open "$SCORING_REPLICA_PORT" "$(component_host scoring-2)" && die "port $SCORING_REPLICA_PORT (for scoring-2) is taken by $(port_owner "$SCORING_REPLICA_PORT"); set SCORING_REPLICA_PORT"
  service_env
  launch_service scoring scoring-2 "$SCORING_REPLICA_PORT"
  await_ready scoring-2 "$SCORING_REPLICA_PORT"
  info "ready: scoring-2"
}

# Components that answer on their port now, ours or not.
running_components() {
  local c
  for c in "${COMPONENTS[@]}"; do port_open "$(component_port "$c")" "$(component_host "$c")" && echo "$c"; done
  true
}

# Stops the components this run started: those not listed in $1 (as given by running_components).
stop_components_not_in() {
  local c
  for c in gateway notify scoring ingest kafka redis postgres; do
    grep -qx "$c" <<< "$1" && continue
    case "$c" in
      postgres) postgres_down ;;
      kafka) stop_pid_file kafka 60 ;;
      *) stop_pid_file "$c" 30 ;;
    esac
  done
}

# The table of components; sets STATUS_UNHEALTHY to 1 when any is down or (a service) not ready, else 0.
print_status() {
  printf '\n%-10s %-6s %-8s %s\n' COMPONENT PORT PID STATE
  local c port pid state unhealthy=0
  for c in "${COMPONENTS[@]}"; do
    port="$(component_port "$c")"
    pid="-"
    alive "$c" && pid="$(pid_of "$c")"
    if ! port_open "$port" "$(component_host "$c")"; then
      state="${RED}DOWN${RESET}"
      unhealthy=1
    elif [[ " ${SERVICES[*]} " == *" $c "* ]]; then
      if service_ready "$c"; then state="${GREEN}UP${RESET} (ready)"; else state="${YELLOW}STARTING or NOT READY${RESET}"; unhealthy=1; fi
    elif [ "$c" = postgres ] && [ -f "$STATE_DIR/postgres.started" ]; then
      state="${GREEN}UP${RESET} (started by ./suite)"
    elif [ "$pid" = "-" ]; then
      state="${GREEN}UP${RESET} (already running, reused)"
    else
      state="${GREEN}UP${RESET}"
    fi
    printf '%-10s %-6s %-8s %s\n' "$c" "$port" "$pid" "$state"
  done
  echo
  STATUS_UNHEALTHY=$unhealthy
}
