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
# Where the services listen: the gateway faces the network; ingest, scoring and notify have no
# authentication of their own and listen on loopback unless told otherwise.
: "${GATEWAY_HOST:=0.0.0.0}"
: "${INTERNAL_HOST:=127.0.0.1}"

LOG_DIR="$STATE_DIR/logs"
PID_DIR="$STATE_DIR/pids"
SECRETS_DIR="$STATE_DIR/secrets"
mkdir -p "$LOG_DIR" "$PID_DIR" "$SECRETS_DIR"
chmod 700 "$SECRETS_DIR"

export GATEWAY_HOST INTERNAL_HOST GATEWAY_PORT INGEST_PORT SCORING_PORT SCORING_REPLICA_PORT NOTIFY_PORT KAFKA_PORT PG_PORT REDIS_PORT DB_USER
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
find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      export JAVA_HOME="$candidate"
      JAVA="$JAVA_HOME/bin/java"
      return 0
    fi
  done
  return 1
}

require_jdk() {
  find_jdk || die "no JDK 25 found: install one (e.g. Temurin 25 under /usr/lib/jvm) or point JAVA_HOME at it"
}

# Maven through the wrapper. Its whole output goes to $LOG_DIR/maven.log; the terminal gets one line
# per module, each module's test totals, the errors (with the lines that explain them), and a
# "still building" line when a step has been silent for MAVEN_TICK seconds. MAVEN_PROGRESS=0 prints
# Maven's own output instead.
: "${MAVEN_PROGRESS:=1}"
: "${MAVEN_TICK:=30}"
MAVEN_LOG="$LOG_DIR/maven.log"
mvnw() {
  if [ "$MAVEN_PROGRESS" = 0 ]; then
    "$SUITE_ROOT/mvnw" --no-transfer-progress -Dstyle.color=never "$@"
    return
  fi
  # One log across runs, kept from growing without end.
  if [ -f "$MAVEN_LOG" ] && [ "$(stat -c %s "$MAVEN_LOG")" -gt $((64 * 1024 * 1024)) ]; then
    mv -f "$MAVEN_LOG" "$LOG_DIR/maven.previous.log"
  fi
  printf '\n===== %s ./mvnw %s\n' "$(date '+%F %T')" "$*" >> "$MAVEN_LOG"
  "$SUITE_ROOT/mvnw" --no-transfer-progress -Dstyle.color=never "$@" 2>&1 | tee -a "$MAVEN_LOG" | maven_progress
}

# Reads Maven's output and prints its progress (see mvnw). Bash's read with a timeout keeps the
# "still building" line going while Maven is silent; a partial line read at a timeout is kept.
maven_progress() {
  local line partial="" module="" announce="" step="" running="" started=$SECONDS last_said=$SECONDS explain=0 failed=""
  local name_re='^\[INFO\] -+< [^:]+:([^ ]+) >-+$'
  local count_re=' \[([0-9]+/[0-9]+)\]$'
  local mojo_re='^\[INFO\] --- ([^ ]+) .*@ ([^ ]+) ---$'
  local running_re='^\[INFO\] Running ([A-Za-z0-9_.$]+)$'
  local totals_re='^\[(INFO|WARNING|ERROR)\] Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+), Skipped: ([0-9]+)$'
  while true; do
    if IFS= read -r -t "$MAVEN_TICK" line; then
      line="$partial$line"
      partial=""
    elif [ $? -gt 128 ]; then # timed out: keep what came of the line
      partial+="$line"
      line=""
    else # the end (a last line without a newline is still a line)
      line="$partial$line"
      partial=""
      [ -n "$line" ] || break
    fi
    line="${line%$'\r'}"
    case "$line" in
      "") ;;
      "[INFO] --"*)
        if [[ "$line" =~ $name_re ]]; then
          module="${BASH_REMATCH[1]}"; announce=1; step=""; running=""; started=$SECONDS; last_said=$SECONDS
        elif [[ "$line" =~ $mojo_re ]]; then
          step="${BASH_REMATCH[1]%%:*}:${BASH_REMATCH[1]##*:}"; running=""
        fi
        explain=0 ;;
      "[INFO] Building "*)
        if [ -n "$announce" ]; then # the line under a module's header, with [i/n] in a multi-module build
          announce=""
          if [[ "$line" =~ $count_re ]]; then progress_line '    [%s] %s\n' "${BASH_REMATCH[1]}" "$module"; else progress_line '    %s\n' "$module"; fi
        fi
        explain=0 ;;
      "[INFO] Running "*)
        [[ "$line" =~ $running_re ]] && running="${BASH_REMATCH[1]}"
        explain=0 ;;
      *"] Tests run: "*)
        if [[ "$line" =~ $totals_re ]]; then # a module's totals (a test class's line goes on with its time)
          progress_line '      tests: %d passed, %d failed, %d skipped\n' \
            $((BASH_REMATCH[2] - BASH_REMATCH[3] - BASH_REMATCH[4] - BASH_REMATCH[5])) \
            $((BASH_REMATCH[3] + BASH_REMATCH[4])) "${BASH_REMATCH[5]}"
          explain=0
        elif [[ "$line" == "[ERROR]"* ]]; then
          progress_line '    %s\n' "$line"
          explain=20
        fi ;;
      "[ERROR] -> [Help"* | "[ERROR] To see the full stack trace"* | "[ERROR] Re-run Maven using"* | \
        "[ERROR] For more information about the errors"* | "[ERROR] [Help "* | "[ERROR] After correcting"* | \
        "[ERROR]   mvn <args>"* | "[ERROR]" | "[ERROR] ")
        explain=0 ;;
      "[ERROR]"*)
        progress_line '    %s\n' "$line"
        explain=20 ;;
      "[INFO] BUILD FAILURE"*) failed=1; explain=0 ;;
      "["*) explain=0 ;;
      *)
        # The lines under an error explain it (an assertion's message, a stack trace): show a few.
        if [ "$explain" -gt 0 ]; then
          progress_line '      %s\n' "$line"
          explain=$((explain - 1))
        fi ;;
    esac
    if [ -n "$module" ] && [ $((SECONDS - last_said)) -ge "$MAVEN_TICK" ]; then
      progress_line '    ... still building %s (%s)%s%s\n' "$module" "$(elapsed $((SECONDS - started)))" \
        "${step:+: $step}" "${running:+, running ${running##*.}}"
    fi
  done
  [ -z "$failed" ] || progress_line '    the build failed; its whole output: %s\n' "${MAVEN_LOG#"$SUITE_ROOT"/}"
  return 0
}

# A line of maven_progress (printf's arguments); resets its silence clock.
progress_line() {
  # shellcheck disable=SC2059
  printf "$@"
  last_said=$SECONDS
}

elapsed() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# True when JAR is missing or a source or pom of one of the modules is newer than it.
jar_stale() { # JAR MODULE...
  local jar="$1" m sources=()
  shift
  for m in "$@"; do sources+=("$m/src" "$m/pom.xml"); done
  [ ! -f "$jar" ] || [ -n "$(find "${sources[@]}" -newer "$jar" -type f -print -quit)" ]
}

# A secret generated on first use into the ignored state folder; never committed.
local_secret() {
  local file="$SECRETS_DIR/$1"
  [ -s "$file" ] || { openssl rand -hex 16 > "$file"; chmod 600 "$file"; }
  cat "$file"
}

port_open() { (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null; } # port [host]

# The address to reach a server listening on $1: loopback for a wildcard (all interfaces).
reach_host() {
  case "$1" in
    "" | 0.0.0.0 | "*" | "::" | "[::]") echo 127.0.0.1 ;;
    *) echo "$1" ;;
  esac
}

# A host as it goes in a URL (an IPv6 address in brackets).
url_host() { if [[ "$1" == *:* && "$1" != \[* ]]; then echo "[$1]"; else echo "$1"; fi; }

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
