#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 120) and prints how many inputs each ran.
# Needs cargo-fuzz (cargo install cargo-fuzz); RUSTC_BOOTSTRAP lets a stable toolchain build it.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-120}
export RUSTC_BOOTSTRAP=1
for target in $(cargo fuzz list); do
  mkdir -p corpus/$target
  out=$(cargo fuzz run -O "$target" corpus/$target seeds -- -max_total_time="$seconds" -rss_limit_mb=4096 2>&1 | tail -n 5)
  echo "$target: $(echo "$out" | grep -o 'Done [0-9]* runs in [0-9]* second(s)' || echo "$out")"
done
