#!/usr/bin/env bash
# Lints the public OpenAPI document with Redocly CLI (the recommended ruleset; exceptions in redocly.yaml).
# Offline: no telemetry, no update check. Needs `npm ci` (or `npm install`) in this folder first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

SPEC=../../gateway/src/main/resources/META-INF/openapi.yaml

if [ ! -x node_modules/.bin/redocly ]; then
  echo "Redocly CLI is not installed here: run 'npm ci' in $(pwd) first." >&2
  exit 2
fi

export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export REDOCLY_SUPPRESS_NOTIFICATIONS=true
export DO_NOT_TRACK=1

exec node_modules/.bin/redocly lint --config redocly.yaml --max-problems 200 "$SPEC"
