#!/usr/bin/env bash
# Runs the whole test suite offline on loopback, with formatting and lint checks.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
# The builds test binaries share live as long as the run; clear those of earlier runs.
rm -rf target/test-shared
cargo test --locked
