#!/usr/bin/env bash
# Starts the server on the embedded corpus, building the dictionary and index on the way.
# Extra arguments go to `serve` (e.g. --addr 0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec cargo run --release --locked -- serve "$@"
