#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there, then prints the
# environment to build wasm with (eval "$(tools/setup.sh wasm)"). Safe to run again and again.
#
# Pins, and why:
#   trunk 0.21.14          0.22 needs rustc 1.96.1, newer than Debian's rustc-web (1.96.0).
#   wasm-bindgen-cli       exactly the wasm-bindgen version in Cargo.lock (the CLI and the crate must match).
#   binaryen 132 (npm)     wasm-opt that understands current wasm-bindgen output (bulk memory, table.fill);
#                          Debian's 108 and the wasm-opt crate's 116 break it.
#   @playwright/test       drives Debian's /usr/bin/chromium; never a downloaded browser.
#   Debian rustc-web       the fallback when rustup has no wasm32 target: rustup cannot download it here,
#   + rust-web-src         so the std for wasm32 is built from Debian's sources with -Zbuild-std.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
log() { echo "setup: $*" >&2; }

apt_install() {
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >&2
  fi
}

has_rustup_wasm() {
  command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

cargo_tool() { # name version crate [--locked]
  local bin=$1 version=$2 crate=$3; shift 3
  if command -v "$bin" >/dev/null 2>&1 && "$bin" --version 2>/dev/null | grep -q " $version"; then return; fi
  log "installing $crate $version (10-15 minutes on 2 cores, once per machine)"
  cargo install "$crate" --version "$version" "$@" >&2
}

npm_install() { # folder, marker that shows it is installed
  if [ ! -e "$1/node_modules/$2" ]; then
    log "installing npm packages in $1/"
    (cd "$1" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >&2)
  fi
}

wasm_env() {
  echo "export PATH=\"$ROOT/tools/node_modules/.bin:\$HOME/.cargo/bin:\$PATH\""
  echo "export TRUNK_SKIP_VERSION_CHECK=true"
  if has_rustup_wasm; then
    echo "# rustup's wasm32 target"
    echo "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=\"--cfg erase_components\""
    return
  fi
  local lld
  lld="$(rustup run stable rustc --print sysroot 2>/dev/null)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
  [ -x "$lld" ] || lld="$(command -v rust-lld || command -v lld || echo rust-lld)"
  echo "# Debian rustc-web with -Zbuild-std (no rustup wasm32 target on this machine)"
  echo "export PATH=\"/usr/bin:$ROOT/tools/node_modules/.bin:\$HOME/.cargo/bin:\$PATH\""
  echo "export RUSTC_BOOTSTRAP=1"
  echo "export CARGO_UNSTABLE_BUILD_STD=std,panic_abort"
  echo "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=\"$lld\""
  # This compiler takes unstable features already (build-std): the hot loops over a country's rows are compiled
  # for speed inside a bundle compiled for size (#[optimize(speed)], src/lib.rs; docs/BUNDLE.md).
  echo "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=\"--cfg locallens_speed --cfg erase_components\""
  # Debian's rustc would invalidate the native build's artifacts: give it its own target dir.
  echo "export CARGO_TARGET_DIR=\"$ROOT/target/wasm-debian\""
}

fetch_crates() {
  # Trunk builds offline, so every crate must be in cargo's cache first: ours, and with -Zbuild-std the
  # standard library's own dependencies (dlmalloc, …), which `cargo fetch` of our crate does not cover.
  cargo fetch --quiet >&2
  if ! has_rustup_wasm; then
    (cd /usr/lib/rustlib/src/rust/library && RUSTC_BOOTSTRAP=1 /usr/bin/cargo fetch --quiet >&2)
  fi
}

case "${1:-all}" in
  wasm)
    if ! has_rustup_wasm; then apt_install rustc-web cargo-web rust-web-src; fi
    fetch_crates
    cargo_tool trunk "$TRUNK_VERSION" trunk --locked
    cargo_tool wasm-bindgen "$WASM_BINDGEN_VERSION" wasm-bindgen-cli
    npm_install tools .bin/wasm-opt
    wasm_env
    ;;
  browser)
    apt_install chromium fonts-thai-tlwg
    npm_install tests/e2e @axe-core/playwright
    ;;
  *)
    echo "usage: tools/setup.sh wasm|browser" >&2
    exit 2
    ;;
esac
