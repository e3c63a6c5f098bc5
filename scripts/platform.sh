# The platform under the services: PostgreSQL, Redis and a single-node KRaft Kafka, as real
# servers on localhost. A server already running on its port is reused (and never stopped);
# one that ./suite starts is recorded in the pid folder and stopped by 'down'.

DATABASES=(integrity_ingest integrity_scoring integrity_notify
  integrity_ingest_test integrity_scoring_test integrity_notify_test)
KAFKA_DIR="$STATE_DIR/kafka"
KAFKA_VERSION="4.4.0"

platform_up() {
  postgres_up
  redis_up
  kafka_up
}

platform_down() {
  stop_pid_file kafka 60
  stop_pid_file redis 10
  postgres_down
}

## PostgreSQL

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"
  else sudo -n -u postgres "$@"; fi
}

# "VERSION NAME PORT STATUS" of the first installed Debian cluster, if any.
postgres_cluster() {
  command -v pg_lsclusters >/dev/null || return 1
  pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1, $2, $3, $4}' | grep .
}

postgres_up() {
  if port_open "$PG_PORT"; then
    if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
      die "port $PG_PORT is taken by $(port_owner "$PG_PORT"), which does not answer as PostgreSQL; set PG_PORT"
    fi
  else
    local cluster
    cluster="$(postgres_cluster)" || { apt_install postgresql; cluster="$(postgres_cluster)"; } ||
      die "PostgreSQL was installed but no cluster exists: create one with pg_createcluster"
    # shellcheck disable=SC2086
    set -- $cluster
    [ "$3" = "$PG_PORT" ] ||
      die "the PostgreSQL cluster $1/$2 is configured for port $3, not $PG_PORT: set PG_PORT=$3"
    if ! port_open "$PG_PORT"; then
      info "starting PostgreSQL $1/$2 on port $PG_PORT"
      as_root pg_ctlcluster "$1" "$2" start || die "PostgreSQL $1/$2 would not start (see /var/log/postgresql)"
      echo "$1 $2" > "$STATE_DIR/postgres.started"
      wait_for_port "$PG_PORT" 30 || die "PostgreSQL did not open port $PG_PORT within 30 s"
    fi
  fi
  postgres_provision
}

# Our role and databases, created idempotently. The password is generated locally on first use.
postgres_provision() {
  local password sql db
  password="$(local_secret db-password)"
  sql="DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
      CREATE ROLE $DB_USER LOGIN PASSWORD '$password';
    ELSE
      ALTER ROLE $DB_USER LOGIN PASSWORD '$password';
    END IF;
  END \$\$;"
  for db in "${DATABASES[@]}"; do
    sql+=$'\n'"SELECT 'CREATE DATABASE $db OWNER $DB_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\\gexec"
  done
  if ! printf '%s\n' "$sql" | as_postgres psql -q -X -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres >/dev/null 2>"$LOG_DIR/postgres-provision.log"; then
    # Not a local cluster we administer: fine if our role already works there.
    PGPASSWORD="$password" psql -q -X -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d integrity_ingest -c 'select 1' >/dev/null 2>&1 ||
      die_with_log "$LOG_DIR/postgres-provision.log" "could not create role '$DB_USER' and its databases on port $PG_PORT"
  fi
}

postgres_down() {
  [ -f "$STATE_DIR/postgres.started" ] || return 0
  local version name
  read -r version name < "$STATE_DIR/postgres.started"
  as_root pg_ctlcluster "$version" "$name" stop && info "stopped PostgreSQL $version/$name"
  rm -f "$STATE_DIR/postgres.started"
}

## Redis

redis_ping() {
  local reply=""
  exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3>&-
  [[ "$reply" == "+PONG"* ]]
}

redis_up() {
  if alive redis; then return; fi
  if port_open "$REDIS_PORT"; then
    redis_ping 2>/dev/null ||
      die "port $REDIS_PORT is taken by $(port_owner "$REDIS_PORT"), which does not answer PING as Redis; set REDIS_PORT"
    return
  fi
  command -v redis-server >/dev/null || apt_install redis-server
  port_open "$REDIS_PORT" && return # the package may have started its own server
  info "starting Redis on port $REDIS_PORT"
  mkdir -p "$STATE_DIR/redis"
  nohup redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$STATE_DIR/redis" --logfile "$LOG_DIR/redis.log" > /dev/null 2>&1 &
  echo $! > "$PID_DIR/redis"
  wait_for_port "$REDIS_PORT" 15 || die_with_log "$LOG_DIR/redis.log" "Redis did not open port $REDIS_PORT"
}

## Kafka (single-node KRaft, jars from Maven Central, cached after the first run)

kafka_jars() {
  local libs="$KAFKA_DIR/libs"
  [ -f "$libs/.complete-$KAFKA_VERSION" ] && return
  info "fetching Kafka $KAFKA_VERSION jars through Maven (once)"
  rm -rf "$libs"
  mvnw -B -f platform/kafka/pom.xml dependency:copy-dependencies \
    -DoutputDirectory="$libs" -DincludeScope=runtime ||
    die "could not fetch the Kafka jars from Maven Central"
  touch "$libs/.complete-$KAFKA_VERSION"
}

kafka_configure() {
  mkdir -p "$KAFKA_DIR/data" "$LOG_DIR/kafka"
  cat > "$KAFKA_DIR/server.properties" <<EOF
# Written by ./suite on every start; edit scripts/platform.sh instead.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:${KAFKA_CONTROLLER_PORT}
listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${KAFKA_DIR}/data
num.partitions=6
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
  if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
    local cluster_id
    # A cluster id is 16 random bytes in URL-safe base64. One that starts with '-' would be read
    # as an option by the format command, so draw again (Kafka's own generator does the same).
    cluster_id="-"
    while [[ "$cluster_id" == -* ]]; do
      cluster_id="$(openssl rand 16 | base64 | tr '+/' '-_' | tr -d '=')"
    done
    "$JAVA" "${KAFKA_LOGGING[@]}" -cp "$KAFKA_DIR/libs/*" kafka.tools.StorageTool format --standalone \
      -t "$cluster_id" -c "$KAFKA_DIR/server.properties" > "$LOG_DIR/kafka-format.log" 2>&1 ||
      die_with_log "$LOG_DIR/kafka-format.log" "could not format Kafka's storage"
  fi
}

# Every JVM that runs on Kafka's jars logs through the suite's log4j2 file, into .suite/logs/kafka:
# without kafka.logs.dir, Kafka's own log4j2 file would create a folder named "${sys:kafka.logs.dir}"
# in the working directory.
KAFKA_LOGGING=(-Dkafka.logs.dir="$LOG_DIR/kafka" -Dlog4j2.configurationFile="$SUITE_ROOT/platform/kafka/log4j2.properties")

kafka_up() {
  if ! alive kafka; then
    local port
    for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
      port_open "$port" && die "port $port is taken by $(port_owner "$port"); stop it or set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
    done
    kafka_jars
    kafka_configure
    info "starting Kafka $KAFKA_VERSION (KRaft) on port $KAFKA_PORT"
    nohup "$JAVA" "-Xmx$KAFKA_HEAP" "-Xms$KAFKA_HEAP" -XX:+UseG1GC \
      "${KAFKA_LOGGING[@]}" -cp "$KAFKA_DIR/libs/*" kafka.Kafka "$KAFKA_DIR/server.properties" > "$LOG_DIR/kafka.log" 2>&1 &
    echo $! > "$PID_DIR/kafka"
    wait_for_port "$KAFKA_PORT" 60 || die_with_log "$LOG_DIR/kafka.log" "Kafka did not open port $KAFKA_PORT within 60 s"
  fi
  local list
  for list in platform/kafka/topics.txt platform/kafka/topics-test.txt; do
    "$JAVA" "${KAFKA_LOGGING[@]}" -cp "$KAFKA_DIR/libs/*" platform/kafka/CreateTopics.java "$KAFKA_BOOTSTRAP" "$list" \
      >> "$LOG_DIR/kafka-topics.log" 2>&1 || die_with_log "$LOG_DIR/kafka-topics.log" "could not create the topics of $list"
  done
}
