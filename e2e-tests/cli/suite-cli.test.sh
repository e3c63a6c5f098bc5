#!/usr/bin/env bash
# The ./suite command line, tested against the running suite (./suite test runs it last, with the
# platform and the services up):
#   - every command answers --help and -h with its usage and exit 0, and does nothing else: no pid
#     file, no listening port, no jar and no Maven log changes;
#   - status exits 0 with everything up and non-zero with a component down (a port nothing answers on);
#   - logs lists exactly the logs that exist, follows one, and refuses one that does not exist;
#   - ingest, scoring and notify listen on loopback only, the gateway on every interface;
#   - lag shows the suite's groups, and exactly the lag of a group this test sets up; says when Kafka is down;
#   - dlq lists a dead letter a service wrote for a record this test poisoned account-events with,
#     with its error; dlq replay republishes it once to its original topic and partition with its key,
#     value and headers; and a dead letter on a scratch dead-letter topic is replayed exactly, twice.
# Everything this test creates in Kafka has the run's name and is deleted at the end, except the
# poisoned record and its dead letters, which stay on account-events and account-events.dlq (as the
# integration tests' dead letters do; their key says where they came from).
# Prints "cli: N passed, M failed" last; exits 1 when a check failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT" || exit 1
STATE_DIR="${STATE_DIR:-$ROOT/.suite}"
PID_DIR="$STATE_DIR/pids"
LOG_DIR="$STATE_DIR/logs"
KAFKA_BOOTSTRAP="${KAFKA_BOOTSTRAP:-127.0.0.1:${KAFKA_PORT:-9092}}"
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"
RUN="cli$$-$(date +%s)"
WORK="$(mktemp -d)"
SCRATCH_TOPICS=("cli-test-$RUN.lag" "cli-test-$RUN.dlq" "cli-test-$RUN.replay")
LAG_GROUP="cli-test-$RUN"

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

# run SECONDS COMMAND...: runs it with a time limit; leaves rc, out and err.
rc=0 out="" err=""
run() {
  local limit="$1"
  shift
  timeout "$limit" "$@" > "$WORK/out" 2> "$WORK/err"
  rc=$?
  out="$(cat "$WORK/out")"
  err="$(cat "$WORK/err")"
}
# Shows what a failed check saw.
show() { printf '     rc %s\n' "$rc"; sed 's/^/     out| /' <<< "$out" | head -n 25; sed 's/^/     err| /' <<< "$err" | head -n 10; }
has() { grep -qE -- "$1" <<< "$out"; }
err_has() { grep -qE -- "$1" <<< "$err"; }

hex() { printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n'; }

port_open() { (exec 3<> "/dev/tcp/${2:-127.0.0.1}/$1") 2> /dev/null; }
free_port() {
  local p
  for p in $(seq 47100 47400); do port_open "$p" || { echo "$p"; return; }; done
}

# The test's own Kafka client, compiled once against the broker's jars.
fixture() {
  "${JAVA_BIN}java" -Dlog4j2.configurationFile="$ROOT/platform/kafka/log4j2.properties" -Dkafka.logs.dir="$WORK" \
    -cp "$WORK/fixture:$STATE_DIR/kafka/libs/*" KafkaFixture "$KAFKA_BOOTSTRAP" "$@" 2>> "$WORK/fixture.log"
}

cleanup() {
  local t
  for t in "${SCRATCH_TOPICS[@]}"; do fixture delete-topic "$t" > /dev/null || true; done
  fixture delete-group "$LAG_GROUP" > /dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# What a command that does nothing must leave as it was: the pid files (names, pids, times), which
# of the suite's ports answer, the jars (a build rewrites them), and Maven's log (any Maven run
# appends to it).
snapshot() {
  local f p
  for f in "$PID_DIR"/* "$STATE_DIR/postgres.started"; do
    [ -f "$f" ] && echo "file $f $(cat "$f") $(stat -c %y "$f")"
  done
  for p in "${PG_PORT:-5432}" "${REDIS_PORT:-6379}" "${KAFKA_PORT:-9092}" "${INGEST_PORT:-8081}" "${SCORING_PORT:-8082}" \
    "${NOTIFY_PORT:-8083}" "${GATEWAY_PORT:-8080}" "${SCORING_REPLICA_PORT:-8092}"; do
    if port_open "$p"; then echo "port $p open"; else echo "port $p closed"; fi
  done
  for f in ./*/target/quarkus-app/quarkus-run.jar simulator/target/simulator-cli.jar bench/target/bench-cli.jar \
    authenticity-model/target/authenticity-model-cli.jar "$LOG_DIR/maven.log"; do
    [ -f "$f" ] && echo "file $f $(stat -c '%s %y' "$f")"
  done
  true
}

mkdir -p "$WORK/fixture"
if ! "${JAVA_BIN}javac" -d "$WORK/fixture" -cp "$STATE_DIR/kafka/libs/*" e2e-tests/cli/KafkaFixture.java 2> "$WORK/javac.log"; then
  cat "$WORK/javac.log"
  echo "cli: 0 passed, 1 failed"
  exit 1
fi

## status

run 60 ./suite status
if [ "$rc" -eq 0 ] && has '^gateway ' && ! has 'DOWN|NOT READY'; then ok "status exits 0 with every component up"; else fail "status exits 0 with every component up"; show; fi

FREE="$(free_port)"
run 60 env NOTIFY_PORT="$FREE" ./suite status
if [ "$rc" -ne 0 ] && has "^notify +$FREE .*DOWN" && has '^gateway ' && err_has 'not every component'; then
  ok "status exits non-zero, table and all, when a component is down (notify on a port nothing answers)"
else
  fail "status exits non-zero, table and all, when a component is down"; show
fi

## logs

run 30 ./suite logs
listed="$(awk 'NR > 1 && NF == 0 { exit } NR > 1 { print $1 }' <<< "$out" | sort)"
existing="$(for f in "$LOG_DIR"/*.log; do [ -f "$f" ] && basename "$f" .log; done | sort)"
if [ "$rc" -eq 0 ] && [ -n "$listed" ] && [ "$listed" = "$existing" ]; then ok "logs lists exactly the logs that exist"; else
  fail "logs lists exactly the logs that exist (expected: $(tr '\n' ' ' <<< "$existing"))"; show
fi

run 5 ./suite logs gateway
if [ "$rc" -eq 124 ] && [ -n "$out" ]; then ok "logs NAME shows an existing log and follows it"; else fail "logs NAME shows an existing log and follows it"; show; fi

run 30 ./suite logs "no-such-log-$RUN"
if [ "$rc" -ne 0 ] && err_has "Logs that exist: .*gateway"; then ok "logs refuses a log that does not exist and lists those that do"; else
  fail "logs refuses a log that does not exist"; show
fi

run 30 ./suite logs ../secrets/db-password
if [ "$rc" -ne 0 ] && [ -z "$out" ]; then ok "logs reads nothing outside the logs"; else fail "logs reads nothing outside the logs"; show; fi

mkdir -p "$WORK/empty-state"
run 30 env STATE_DIR="$WORK/empty-state" ./suite logs scoring
if [ "$rc" -ne 0 ] && err_has "scoring has not run here yet"; then ok "logs says a component has not run yet"; else fail "logs says a component has not run yet"; show; fi
run 30 env STATE_DIR="$WORK/empty-state" ./suite logs
if [ "$rc" -eq 0 ] && has "no logs yet"; then ok "logs with no logs says so"; else fail "logs with no logs says so"; show; fi

## where the services listen

listening() { ss -ltnH "sport = :$1" 2> /dev/null | awk '{ print $4 }'; }
if [ "${INTERNAL_HOST:-127.0.0.1}" = 127.0.0.1 ] && [ "${GATEWAY_HOST:-0.0.0.0}" = 0.0.0.0 ] && command -v ss > /dev/null; then
  for s in ingest:"${INGEST_PORT:-8081}" scoring:"${SCORING_PORT:-8082}" notify:"${NOTIFY_PORT:-8083}"; do
    addresses="$(listening "${s#*:}")"
    if [ -n "$addresses" ] && ! grep -qvE "^(127\.0\.0\.1|\[::1\]|\[::ffff:127\.0\.0\.1\]):${s#*:}$" <<< "$addresses"; then
      ok "${s%%:*} listens on loopback only"
    else
      fail "${s%%:*} listens on loopback only (it listens on: $(tr '\n' ' ' <<< "$addresses"))"
    fi
  done
  addresses="$(listening "${GATEWAY_PORT:-8080}")"
  if grep -qE "^(0\.0\.0\.0|\*|\[::\]):${GATEWAY_PORT:-8080}$" <<< "$addresses"; then ok "the gateway listens on every interface"; else
    fail "the gateway listens on every interface (it listens on: $(tr '\n' ' ' <<< "$addresses"))"
  fi
  # From this machine's own network address: the gateway answers, the internal services do not.
  outside="$(hostname -I 2> /dev/null | tr ' ' '\n' | grep -E '^[0-9.]+$' | grep -v '^127\.' | head -n 1)"
  if [ -n "$outside" ]; then
    if port_open "${GATEWAY_PORT:-8080}" "$outside" && ! port_open "${INGEST_PORT:-8081}" "$outside" &&
      ! port_open "${SCORING_PORT:-8082}" "$outside" && ! port_open "${NOTIFY_PORT:-8083}" "$outside"; then
      ok "on $outside only the gateway answers"
    else
      fail "on $outside only the gateway answers"
    fi
  else
    echo "skip on a non-loopback address only the gateway answers (this machine has none)"
  fi
else
  echo "skip the services' addresses (INTERNAL_HOST or GATEWAY_HOST set, or no ss)"
fi

## lag

EVENT_PARTITIONS="$(awk '$1 == "account-events" { print $2 }' platform/kafka/topics.txt)"
run 90 ./suite lag
if [ "$rc" -eq 0 ] && has '^GROUP +STATE +MEMBERS +TOPIC +LAG' &&
  has "^ingest-ledger +[A-Za-z]+ +[0-9-]+ +account-events +[0-9,]+ +[0-9]+ of $EVENT_PARTITIONS$" &&
  has '^total lag [0-9,]+ over [0-9]+ groups'; then
  ok "lag shows the suite's consumer groups"
else
  fail "lag shows the suite's consumer groups"; show
fi

run 90 ./suite lag --group ingest-ledger --partitions
partitions="$(grep -cE '^ +partition +[0-9]+ +committed' <<< "$out")"
if [ "$rc" -eq 0 ] && [ "$partitions" -eq "$EVENT_PARTITIONS" ]; then ok "lag --partitions shows each of account-events' $EVENT_PARTITIONS partitions"; else
  fail "lag --partitions shows each partition ($partitions lines)"; show
fi

# A group of our own, 4 records behind on one partition of three, caught up on another, nothing on the third.
LAG_TOPIC="cli-test-$RUN.lag"
if fixture create-topic "$LAG_TOPIC" 3 && fixture fill "$LAG_TOPIC" 0 6 && fixture fill "$LAG_TOPIC" 1 2 &&
  fixture commit "$LAG_GROUP" "$LAG_TOPIC" 0 $(($(fixture end "$LAG_TOPIC" 0) - 4)) &&
  fixture commit "$LAG_GROUP" "$LAG_TOPIC" 1 "$(fixture end "$LAG_TOPIC" 1)"; then
  run 90 ./suite lag --group "$LAG_GROUP"
  if [ "$rc" -eq 0 ] && has "^$LAG_GROUP +[A-Za-z]+ +0 +${LAG_TOPIC//./\\.} +4 +1 of 3$"; then ok "lag is exactly a group's lag (4, behind on 1 of 3)"; else
    fail "lag is exactly a group's lag (4, behind on 1 of 3)"; show
  fi
  run 90 ./suite lag --group "$LAG_GROUP" --max-lag 3
  if [ "$rc" -eq 1 ] && err_has "lag above 3: $LAG_GROUP on $LAG_TOPIC \(4\)"; then ok "lag --max-lag exits 1 above the bound"; else fail "lag --max-lag exits 1 above the bound"; show; fi
  run 90 ./suite lag --group "$LAG_GROUP" --max-lag 4
  if [ "$rc" -eq 0 ]; then ok "lag --max-lag exits 0 within the bound"; else fail "lag --max-lag exits 0 within the bound"; show; fi
else
  fail "setting up a group with a known lag (see $WORK/fixture.log)"
  tail -n 5 "$WORK/fixture.log"
fi

run 90 ./suite lag --group "no-such-group-$RUN"
if [ "$rc" -eq 2 ] && err_has "no consumer group no-such-group-$RUN"; then ok "lag refuses a group that does not exist"; else fail "lag refuses a group that does not exist"; show; fi

before="$(snapshot)"
run 60 env KAFKA_PORT="$FREE" ./suite lag
if [ "$rc" -ne 0 ] && err_has "Kafka is down" && [ "$(snapshot)" = "$before" ]; then ok "lag with Kafka down says so, exits non-zero and starts nothing"; else
  fail "lag with Kafka down says so and exits non-zero"; show
fi
run 60 ./suite lag --kafka "127.0.0.1:$FREE" --timeout 2
if [ "$rc" -eq 2 ] && err_has "Kafka is not reachable at 127.0.0.1:$FREE"; then ok "lag against an unreachable Kafka says so, exit 2"; else fail "lag against an unreachable Kafka says so"; show; fi
run 60 env KAFKA_PORT="$FREE" ./suite dlq
if [ "$rc" -ne 0 ] && err_has "Kafka is down"; then ok "dlq with Kafka down says so and exits non-zero"; else fail "dlq with Kafka down says so and exits non-zero"; show; fi

## dlq: a dead letter written by the suite's own consumers

run 90 ./suite dlq --limit 3
if [ "$rc" -eq 0 ] && has '^account-events\.dlq: [0-9,]+ dead letter' && has '^enforcement\.dlq: [0-9,]+ dead letter'; then
  ok "dlq reads both dead-letter topics"
else
  fail "dlq reads both dead-letter topics"; show
fi

# Not an account event: every consumer of account-events that reads it gives it up as a dead letter.
KEY="cli-test-$RUN"
VALUE="{\"cliTest\":\"$RUN\",\"note\":\"not an account event: ./suite test's command-line test sends it on purpose\"}"
HEADERS=("ce_id=$(hex "cli-$RUN")" "ce_type=$(hex CLI_TEST)" "x-cli-test=$(hex "$RUN")")
if read -r P O < <(fixture produce account-events - "$(hex "$KEY")" "$(hex "$VALUE")" "${HEADERS[@]}") && [ -n "${O:-}" ]; then
  deadline=$((SECONDS + 120))
  until run 90 ./suite dlq --topic account-events --key "$KEY" && has "from account-events-$P@$O" || [ $SECONDS -ge $deadline ]; do sleep 3; done
  if [ "$rc" -eq 0 ] && has "^account-events\.dlq-[0-9]+@[0-9]+ +[0-9T:-]+Z +from account-events-$P@$O +key $KEY$" &&
    has '^    error: .+' && ! has 'error: \(no reason given\)' && has "^    value: \{\"cliTest\":\"$RUN\"" &&
    has "^account-events\.dlq: [0-9]+ dead letters? \(from account-events: [0-9]+\)$"; then
    ok "dlq lists the dead letter of a poisoned record with its origin, key, error and value"
  else
    fail "dlq lists the dead letter of a poisoned record (account-events-$P@$O) within 120 s"; show
  fi
  end="$(fixture end account-events "$P")"
  run 90 ./suite dlq replay --topic account-events --key "$KEY"
  # Each consumer group that gave the record up wrote a dead letter (more may have come since the listing).
  if [ "$rc" -eq 0 ] && has "^replayed 1 record \(account-events: 1\) from [0-9]+ dead letters?$"; then
    ok "dlq replay republishes a record once, however many groups gave it up ($(grep -oE 'from [0-9]+ dead letters?' <<< "$out"))"
  else
    fail "dlq replay republishes a record once"; show
  fi
  # On its original partition: exactly the original key, value and headers (trace context aside,
  # which the dead-lettering service may have attached), and no dead-letter-* header.
  replayed="$(fixture read account-events "$P" "$end" | awk -v k="$(hex "$KEY")" '$2 == k')"
  headers="$(awk '{ print $4 }' <<< "$replayed" | tr ',' '\n' | grep -vE '^(traceparent|tracestate|baggage)=' | paste -sd, -)"
  if [ "$(wc -l <<< "$replayed")" -eq 1 ] && [ "$(awk '{ print $3 }' <<< "$replayed")" = "$(hex "$VALUE")" ] &&
    [ "$headers" = "$(IFS=,; echo "${HEADERS[*]}")" ]; then
    ok "the replayed record is the original: same partition, key, value and headers"
  else
    fail "the replayed record is the original (found on account-events-$P from $end: $replayed)"
  fi
else
  fail "poisoning account-events (see $WORK/fixture.log)"
  tail -n 5 "$WORK/fixture.log"
fi

## dlq replay, exactly and twice: a dead letter on a dead-letter topic of our own

DLQ="cli-test-$RUN.dlq"
ORIGIN="cli-test-$RUN.replay"
KEY2="cli-test-$RUN-2"
VALUE2=00ff10c3283a29fe # not UTF-8: shown as binary, replayed byte for byte
ORIGINAL2=("ce_id=$(hex "e-$RUN")" "x-bin=00fffe01")
if fixture create-topic "$DLQ" 1 && fixture create-topic "$ORIGIN" 3 &&
  fixture produce "$DLQ" 0 "$(hex "$KEY2")" "$VALUE2" "${ORIGINAL2[@]}" "dead-letter-reason=$(hex 'cannot apply: the ledger was down')" \
    "dead-letter-topic=$(hex "$ORIGIN")" "dead-letter-partition=$(hex 2)" "dead-letter-offset=$(hex 41)" > /dev/null; then
  run 90 ./suite dlq --topic "$DLQ"
  if [ "$rc" -eq 0 ] && has "^${DLQ//./\\.}-0@0 +[0-9T:-]+Z +from ${ORIGIN//./\\.}-2@41 +key $KEY2$" &&
    has '^    error: cannot apply: the ledger was down$' && has '^    value: \(binary, 8 bytes\)$' &&
    has "^${DLQ//./\\.}: 1 dead letter \(from ${ORIGIN//./\\.}: 1\)$"; then
    ok "dlq lists a dead letter with its origin, key, error and a binary value"
  else
    fail "dlq lists a dead letter with its origin, key, error and a binary value"; show
  fi
  run 90 ./suite dlq --topic "$DLQ" --since 2099-01-01
  if [ "$rc" -eq 0 ] && has "^${DLQ//./\\.}: 0 dead letters$"; then ok "dlq --since leaves out older dead letters"; else fail "dlq --since leaves out older dead letters"; show; fi
  run 90 ./suite dlq --topic "$DLQ" --since 1h
  if [ "$rc" -eq 0 ] && has "^${DLQ//./\\.}: 1 dead letter"; then ok "dlq --since 1h keeps a recent one"; else fail "dlq --since 1h keeps a recent one"; show; fi

  run 90 ./suite dlq replay --topic "$DLQ" --dry-run
  if [ "$rc" -eq 0 ] && has "^would replay 1 record \(${ORIGIN//./\\.}: 1\) from 1 dead letter$" && [ "$(fixture end "$ORIGIN" 2)" = 0 ]; then
    ok "dlq replay --dry-run says what it would do and republishes nothing"
  else
    fail "dlq replay --dry-run republishes nothing"; show
  fi
  for attempt in first second; do
    run 90 ./suite dlq replay --topic "$DLQ"
    if [ "$rc" -eq 0 ] && has "^replayed 1 record \(${ORIGIN//./\\.}: 1\) from 1 dead letter$"; then ok "dlq replay, the $attempt time, says it replayed 1"; else
      fail "dlq replay, the $attempt time, says it replayed 1"; show
    fi
  done
  replayed="$(fixture read "$ORIGIN" 2 0)"
  expected="$(hex "$KEY2") $VALUE2 $(IFS=,; echo "${ORIGINAL2[*]}")"
  if [ "$(wc -l <<< "$replayed")" -eq 2 ] && [ "$(cut -d' ' -f2- <<< "$replayed" | sort -u)" = "$expected" ] &&
    [ "$(fixture end "$ORIGIN" 0)" = 0 ] && [ "$(fixture end "$ORIGIN" 1)" = 0 ]; then
    ok "both replays put the original key, value and headers on the original partition, and nothing else anywhere"
  else
    fail "both replays put exactly the original on its partition (found: $replayed)"
  fi
else
  fail "setting up a dead-letter topic of our own (see $WORK/fixture.log)"
  tail -n 5 "$WORK/fixture.log"
fi

## help: every command, with --help and with -h, prints its usage and does nothing else

mapfile -t commands < <(./suite help | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p' | sort -u)
if [ "${#commands[@]}" -ge 20 ]; then ok "help lists ${#commands[@]} commands"; else fail "help lists the commands (${commands[*]})"; fi
forms=("${commands[@]}" "dlq replay" "model generate" "replica scoring start" "replica scoring stop" "stop kafka" "restart gateway"
  "logs gateway" "token user" "simulate --accounts 5" "bench --duration 1" "chaos")
before="$(snapshot)"
for form in "${forms[@]}"; do
  read -r -a words <<< "$form"
  for flag in --help -h; do
    run 60 ./suite "${words[@]}" "$flag"
    usage="Usage: \./suite ${words[0]}"
    [ "${words[0]}" != help ] || usage="Usage: \./suite COMMAND"
    [[ "${words[0]}" != evaluate && "${words[0]}" != model ]] || usage="\./suite ${words[0]}"
    after="$(snapshot)"
    if [ "$rc" -eq 0 ] && has "$usage" && ! has '^==>' && ! err_has '^==>|error:' && ! has '^COMPONENT +PORT' && [ "$after" = "$before" ]; then
      ok "./suite $form $flag prints its usage and does nothing else"
    else
      fail "./suite $form $flag prints its usage and does nothing else"
      show
      diff <(echo "$before") <(echo "$after") | sed 's/^/     changed| /' | head -n 10
      before="$after"
    fi
  done
done
run 30 ./suite help status
if [ "$rc" -eq 0 ] && has '^Usage: \./suite status' && has 'Exit status'; then ok "help COMMAND prints that command's usage"; else fail "help COMMAND prints that command's usage"; show; fi

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
