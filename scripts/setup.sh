#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, run and test the server:
# the IPADIC dictionary source (Debian's mecab-ipadic), poppler-utils (pdftotext reads added
# PDFs) and, for the tests that make real PDFs, chromium, qpdf and a Japanese font;
# for the web interface's browser tests, chromium-driver.
# With --bench, also Groonga for the scale benchmark.
# Safe to run repeatedly: apt runs only when something is missing.
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

missing=()
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
[ -f /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || missing+=(fonts-ipafont-gothic)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup: installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing ${missing[*]} (PDF conversion and its tests, browser tests); install them as root: apt-get install ${missing[*]}" >&2
  fi
fi

# `--bench`: also Groonga (Debian's groonga-bin), which the scale benchmark compares with.
if [ "${1:-}" = "--bench" ] && ! command -v groonga >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq groonga-bin >/dev/null
  else
    echo "setup: run as root to install groonga-bin for the scale benchmark" >&2
  fi
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo not found; install Rust with rustup (https://rustup.rs)" >&2
  exit 1
fi

# The OpenAPI validator the tests run (offline) against /openapi.json, in a project-local venv.
# A venv copied or moved from another directory no longer runs: make it again.
if ! .cache/venv/bin/openapi-spec-validator --help >/dev/null 2>&1; then
  echo "setup: installing openapi-spec-validator into .cache/venv" >&2
  rm -rf .cache/venv
  if ! python3 -m venv .cache/venv >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    fi
    python3 -m venv .cache/venv
  fi
  .cache/venv/bin/pip install --quiet --disable-pip-version-check openapi-spec-validator
fi
