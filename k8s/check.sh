#!/usr/bin/env bash
# Offline checks of the Kubernetes manifests (no cluster needed):
#   1. render k8s/overlays/dev, dev-monitoring and prod with `kubectl kustomize` into target/k8s/;
#   2. validate every rendered object against its schema (Kubernetes API, Strimzi and KEDA CRDs) and
#      against the models' TypeScript declarations (unknown fields), with k8s/validate (npm);
#   3. policy and consistency checks: probes, resources, non-root, read-only root filesystem, no
#      privilege escalation; selectors, scale targets, topics vs platform/kafka/topics.txt,
#      environment vs application.properties, network paths; kustomize v2.0.3 field subset;
#   4. the monitoring pack: monitors vs pods, alert rules and dashboard PromQL vs the meters the Java
#      registers and the exporters, runbooks in k8s/README.md, Kafka exporter and JMX metrics.
# Prints one line per object and check, then "k8s: N passed, M failed"; exits 1 on any failure.
#
# Environment: KUBECTL (default: kubectl on PATH; Debian's kubernetes-client is kubectl 1.20).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/target/k8s"
VALIDATE_DIR="$ROOT/k8s/validate"
KUBECTL="${KUBECTL:-kubectl}"

passed=0
failed=0
ok() { passed=$((passed + 1)); printf 'ok   %-5s %-44s %s\n' "$1" "$2" "$3"; }
fail() { failed=$((failed + 1)); printf 'FAIL %-5s %-44s %s\n' "$1" "$2" "$3"; }
finish() {
  echo "k8s: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

if ! command -v "$KUBECTL" >/dev/null 2>&1; then
  echo "k8s/check.sh: '$KUBECTL' not found. Install a kubectl, e.g. Debian's: apt-get install -y kubernetes-client" >&2
  echo "             (kubectl 1.20 or newer; or set KUBECTL=/path/to/kubectl)" >&2
  fail all kubectl "not installed"
  finish
fi
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "k8s/check.sh: '$tool' not found: install Node.js 20+ and npm (apt-get install -y nodejs npm)" >&2
    fail all "$tool" "not installed"
    finish
  fi
done

mkdir -p "$OUT"
kubectl_version="$("$KUBECTL" version --client --short 2>/dev/null || "$KUBECTL" version --client 2>/dev/null | head -n 1)"
echo "kubectl: $(command -v "$KUBECTL") (${kubectl_version//$'\n'/, })"

# 1. render
rendered=()
for overlay in dev dev-monitoring prod; do
  if "$KUBECTL" kustomize "k8s/overlays/$overlay" >"$OUT/$overlay.yaml" 2>"$OUT/$overlay.err"; then
    ok "$overlay" "k8s/overlays/$overlay" "renders with kubectl kustomize -> target/k8s/$overlay.yaml"
    rendered+=("$overlay=$OUT/$overlay.yaml")
  else
    fail "$overlay" "k8s/overlays/$overlay" "kubectl kustomize failed: $(grep -v '^# Warning' "$OUT/$overlay.err" | tr '\n' ' ' | cut -c1-400)"
  fi
done

# 2. + 3. validate (installs the pinned validator packages from package-lock.json when needed)
if [ ! -f "$VALIDATE_DIR/node_modules/.package-lock.json" ] || [ "$VALIDATE_DIR/package-lock.json" -nt "$VALIDATE_DIR/node_modules/.package-lock.json" ]; then
  if ! (cd "$VALIDATE_DIR" && npm ci --no-audit --no-fund --loglevel=error >"$OUT/npm-ci.log" 2>&1); then
    fail all k8s/validate "npm ci failed (log: target/k8s/npm-ci.log): $(tail -n 3 "$OUT/npm-ci.log" | tr '\n' ' ')"
    finish
  fi
fi
rm -f "$OUT/validate.counts"
node "$VALIDATE_DIR/validate.mjs" --root "$ROOT" --summary "$OUT/validate.counts" "${rendered[@]}"
if [ -s "$OUT/validate.counts" ]; then
  read -r vp vf <"$OUT/validate.counts"
  passed=$((passed + vp))
  failed=$((failed + vf))
else
  fail all k8s/validate/validate.mjs "crashed before it finished"
fi
finish
