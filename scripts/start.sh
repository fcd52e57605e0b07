#!/usr/bin/env bash
# The one command that installs what is needed and runs the product: the database
# (MONGODB_URI, or an embedded FerretDB), the API and the web app on http://127.0.0.1:8080
# (PORT and HOST change that). Ctrl-C stops all of it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
pnpm build
exec pnpm start
