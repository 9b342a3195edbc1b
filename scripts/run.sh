#!/usr/bin/env bash
# Set up on first use, then open the dashboard on the articles in seeds/ (or
# the files and folders given). It binds to 127.0.0.1:8501; another address is
# explicit: ADDRESS=0.0.0.0 PORT=8080 scripts/run.sh [PATH ...]
# Articles are extracted on first start and cached under data/cache/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ $# -eq 0 ]; then set -- seeds/; fi
exec .venv/bin/python -m streamlit run dashboard/app.py \
  --server.address "${ADDRESS:-127.0.0.1}" --server.port "${PORT:-8501}" \
  --server.headless true --browser.gatherUsageStats false -- "$@"
