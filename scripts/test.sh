#!/usr/bin/env bash
# The one command that installs what is needed and runs every check and test:
# lint, typecheck, build, then one vitest run (unit, database, browser) against one
# FerretDB (or MONGODB_URI) and one started server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
pnpm lint
pnpm typecheck
pnpm build
pnpm test
