#!/usr/bin/env bash
# Set up on first use, then extract the articles in seeds/ (or the paths given).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ $# -eq 0 ]; then set -- seeds/; fi
exec .venv/bin/python -m dashboard extract "$@" --out data/extract.json
