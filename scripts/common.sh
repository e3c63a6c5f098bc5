# Shared settings and helpers for ./suite. Every setting can be overridden from the environment.

: "${STATE_DIR:=$SUITE_ROOT/.suite}"
: "${GATEWAY_PORT:=8080}"
: "${INGEST_PORT:=8081}"
: "${SCORING_PORT:=8082}"
: "${SCORING_REPLICA_PORT:=8092}"
: "${NOTIFY_PORT:=8083}"
: "${KAFKA_PORT:=9092}"
: "${KAFKA_CONTROLLER_PORT:=9093}"
: "${PG_PORT:=5432}"
: "${REDIS_PORT:=6379}"
: "${DB_USER:=integrity}"
: "${SERVICE_HEAP:=192m}"
: "${SCORING_HEAP:=256m}"
: "${SERVICE_METASPACE:=160m}"
: "${KAFKA_HEAP:=512m}"
: "${READY_TIMEOUT:=180}"

LOG_DIR="$STATE_DIR/logs"
PID_DIR="$STATE_DIR/pids"
SECRETS_DIR="$STATE_DIR/secrets"
mkdir -p "$LOG_DIR" "$PID_DIR" "$SECRETS_DIR"
chmod 700 "$SECRETS_DIR"

export GATEWAY_PORT INGEST_PORT SCORING_PORT SCORING_REPLICA_PORT NOTIFY_PORT KAFKA_PORT PG_PORT REDIS_PORT DB_USER
export KAFKA_BOOTSTRAP="127.0.0.1:${KAFKA_PORT}"

if [ -t 1 ]; then BOLD=$'\e[1m'; RED=$'\e[31m'; GREEN=$'\e[32m'; YELLOW=$'\e[33m'; RESET=$'\e[0m'
else BOLD=""; RED=""; GREEN=""; YELLOW=""; RESET=""; fi

info() { printf '%s==>%s %s\n' "$BOLD" "$RESET" "$*"; }
warn() { printf '%swarning:%s %s\n' "$YELLOW" "$RESET" "$*" >&2; }
die() { printf '%serror:%s %s\n' "$RED" "$RESET" "$*" >&2; exit 1; }
# die, after showing the end of the log that explains it (CI keeps only what was printed).
die_with_log() {
  local log="$1"; shift
  [ -f "$log" ] && tail -n 20 "$log" | sed 's/^/  | /' >&2
  die "$* (see $log)"
}

# The build and every service run on JDK 25, whatever the default java is.
require_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      export JAVA_HOME="$candidate"
      JAVA="$JAVA_HOME/bin/java"
      return
    fi
  done
  die "no JDK 25 found: install one (e.g. Temurin 25 under /usr/lib/jvm) or point JAVA_HOME at it"
}

mvnw() { "$SUITE_ROOT/mvnw" -q -Dstyle.color=never "$@"; }

# A secret generated on first use into the ignored state folder; never committed.
local_secret() {
  local file="$SECRETS_DIR/$1"
  [ -s "$file" ] || { openssl rand -hex 16 > "$file"; chmod 600 "$file"; }
  cat "$file"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# "name (pid N)" of whatever listens on a port, for clear messages.
port_owner() {
  local line
  line="$(ss -ltnpH "sport = :$1" 2>/dev/null | head -n 1)"
  if [[ "$line" =~ \"([^\"]+)\",pid=([0-9]+) ]]; then
    echo "${BASH_REMATCH[1]} (pid ${BASH_REMATCH[2]})"
  else
    echo "another program"
  fi
}

wait_for_port() { # port seconds what
  local deadline=$((SECONDS + $2))
  until port_open "$1"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.3
  done
}

pid_of() { [ -f "$PID_DIR/$1" ] && cat "$PID_DIR/$1"; }

# True when the pid recorded for a component is still one of our processes.
alive() {
  local pid
  pid="$(pid_of "$1")" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# Stops a process we started, politely first. Removes its pid file.
stop_pid_file() { # component seconds
  local pid
  if alive "$1"; then
    pid="$(pid_of "$1")"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + $2))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.3; done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$1 did not stop within $2 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    info "stopped $1"
  fi
  rm -f "$PID_DIR/$1"
}

# Runs a command as root (directly, or through sudo), for installing packages.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "this needs root to run: $* (no sudo available)"; fi
}

apt_install() { # package...
  command -v apt-get >/dev/null ||
    die "$* missing and apt-get is not available: install $* yourself, or start it on the configured port"
  if [ ! -f "$STATE_DIR/.apt-updated" ]; then
    info "apt-get update"
    as_root apt-get update -qq >/dev/null
    touch "$STATE_DIR/.apt-updated"
  fi
  info "installing $* with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null ||
    die "apt-get could not install $*"
}
