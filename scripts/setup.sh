#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and run the server:
# the IPADIC dictionary source (Debian's mecab-ipadic), and for the web interface's browser
# tests Debian's chromium, chromium-driver and a Japanese font. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

have_ipadic() {
  [ -f /usr/share/mecab/dic/ipadic/matrix.def ] ||
    [ -f .cache/mecab-ipadic/usr/share/mecab/dic/ipadic/matrix.def ] ||
    { [ -n "${SEISAKU_IPADIC_DIR:-}" ] && [ -f "$SEISAKU_IPADIC_DIR/matrix.def" ]; }
}

if ! have_ipadic; then
  echo "setup: installing the IPADIC source (mecab-ipadic)" >&2
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mecab-ipadic >/dev/null
  else
    # Without root: fetch the package and unpack it into the project.
    mkdir -p .cache
    (cd .cache && apt-get download mecab-ipadic && dpkg -x mecab-ipadic_*.deb mecab-ipadic && rm -f mecab-ipadic_*.deb)
  fi
fi
have_ipadic || { echo "setup: IPADIC source still missing; see README (Dictionary)" >&2; exit 1; }

# The browser tests (tests/ui_browser.rs) drive Debian's chromium through chromedriver; the
# font makes Japanese text readable in their screenshots.
have_browser() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] &&
    { [ -d /usr/share/fonts/opentype/noto ] ||
      fc-list 2>/dev/null | grep -qi 'cjk\|ipa'; }
}
if ! have_browser; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup: installing chromium, chromium-driver and fonts-noto-cjk for the browser tests" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  else
    echo "setup: chromium and chromium-driver are missing; the browser tests need them (apt-get install chromium chromium-driver fonts-noto-cjk as root)" >&2
  fi
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo not found; install Rust with rustup (https://rustup.rs)" >&2
  exit 1
fi

# The OpenAPI validator the tests run (offline) against /openapi.json, in a project-local venv.
if [ ! -x .cache/venv/bin/openapi-spec-validator ]; then
  echo "setup: installing openapi-spec-validator into .cache/venv" >&2
  if ! python3 -m venv .cache/venv >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    fi
    python3 -m venv .cache/venv
  fi
  .cache/venv/bin/pip install --quiet --disable-pip-version-check openapi-spec-validator
fi
