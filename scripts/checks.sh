# Checks beyond the JVM tests: the Kubernetes manifests, the OpenAPI contract, the browser test, the
# command line.
# Each prints its own "NAME: N passed, M failed" line and leaves "N M" in target/checks/NAME.result
# for ./suite test's closing summary.

CHECKS_DIR="$SUITE_ROOT/target/checks"

# Runs a check command, recording its counts from its closing line.
run_check() { # name command...
  local name="$1"; shift
  mkdir -p "$CHECKS_DIR"
  local log="$CHECKS_DIR/$name.log" status=0
  "$@" 2>&1 | tee "$log" || status=$?
  local line
  line="$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed" "$log" | tail -n 1)"
  if [[ "$line" =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
    echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}" > "$CHECKS_DIR/$name.result"
  else
    echo "0 1" > "$CHECKS_DIR/$name.result"
  fi
  [ "$status" -eq 0 ] || warn "$name check failed (log: $log)"
  return "$status"
}

npm_ready() { # folder
  command -v npm >/dev/null || apt_install nodejs npm
  (cd "$1" && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error >/dev/null; })
}

check_k8s() {
  command -v kubectl >/dev/null || apt_install kubernetes-client
  npm_ready k8s/validate
  run_check k8s bash k8s/check.sh
}

check_contract() {
  npm_ready e2e-tests/contract
  run_check contract bash -c 'cd e2e-tests/contract && ./lint.sh && node check-responses.mjs'
}

check_browser() {
  [ -x /usr/bin/chromium ] || apt_install chromium
  npm_ready e2e-tests/browser
  run_check browser bash -c 'cd e2e-tests/browser && node console.test.mjs'
}

# The command line itself: help that does nothing else, status's exit code, logs, lag, dlq and its
# replay against the running suite's Kafka, and where the services listen.
check_cli() {
  run_check cli bash e2e-tests/cli/suite-cli.test.sh
}
