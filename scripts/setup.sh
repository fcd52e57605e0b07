#!/usr/bin/env bash
# Installs everything ClauseFlow needs on a fresh Debian machine with Node 20 and Go:
# pnpm, the workspace's packages, FerretDB (built once per machine with Go) and, with
# --browser, Debian's Chromium for the browser tests. Safe to run again: each step is
# skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    *) echo "setup: unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { printf '\n[setup] %s\n' "$*"; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version | cut -d. -f1)" != "12" ]; then
  say "installing pnpm 12 with npm"
  npm install --global --no-fund --no-audit pnpm@12
fi

say "installing packages (pnpm install --frozen-lockfile)"
pnpm install --frozen-lockfile

if [ -z "${MONGODB_URI:-}" ]; then
  say "checking FerretDB (built with Go once per machine, then reused)"
  pnpm --silent db install
fi

if $want_browser && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  say "installing Debian's chromium for the browser tests"
  sudo_cmd=""
  if [ "$(id -u)" != "0" ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: run as root or install sudo to install chromium" >&2; exit 1; }
    sudo_cmd="sudo"
  fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
say "ready"
