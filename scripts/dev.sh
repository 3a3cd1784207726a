#!/usr/bin/env bash
# `npm run dev`: compile, then recompile on every change (tsc --watch) and restart the gateway whenever
# the output changes (node --watch). Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc -p tsconfig.build.json
npx tsc -p tsconfig.build.json --watch --preserveWatchOutput &
compiler=$!
trap 'kill "$compiler" 2>/dev/null' EXIT INT TERM
node --max-semi-space-size=64 --experimental-async-context-frame --watch-path=dist --watch-preserve-output dist/src/main.js
