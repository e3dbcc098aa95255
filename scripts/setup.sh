#!/usr/bin/env bash
# Create (or reuse) the virtual environment at .venv/ and install presswatch with its test tools.
# Used by the README's two commands and by .ci/run; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
# Spark (tests/spark, `presswatch spark`) needs a Java runtime; Debian's is installed when missing.
if ! command -v java >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null
fi
# Browser tests (tests/browser) drive Debian's Chromium, installed when missing.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
# The dashboard's map outlines and API docs page: npm packages served locally (static/vendor/package.json).
VENDOR=presswatch/web/static/vendor
if command -v npm >/dev/null 2>&1 && { [ ! -f "$VENDOR/node_modules/world-atlas/countries-110m.json" ] \
    || [ ! -f "$VENDOR/node_modules/swagger-ui-dist/swagger-ui-bundle.js" ]; }; then
  npm install --prefix "$VENDOR" --ignore-scripts --no-audit --no-fund --no-package-lock --silent
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
