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
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
