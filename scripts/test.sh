#!/usr/bin/env bash
# Set up on first use (Python packages and Chromium), then run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
exec .venv/bin/python -m pytest "$@"
