#!/usr/bin/env bash
# Installs everything ClauseFlow needs on a fresh Debian machine with Node 20 and Go:
# pnpm, the workspace's packages, FerretDB (built once per machine with Go), Debian's
# PostgreSQL server programs (the benchmarks' optional FerretDB-on-PostgreSQL backend
# starts a throw-away cluster with them) and, with --browser, Debian's Chromium and a CJK font
# (fonts-noto-cjk, so Chinese screenshots show glyphs, not empty boxes) for the browser tests. Safe to run again: each step is skipped when its result is already there.
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

# Installs Debian packages as root, or through sudo; the package lists are refreshed once.
apt_updated=false
apt_install() {
  local sudo_cmd=""
  if [ "$(id -u)" != "0" ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: run as root or install sudo to install $*" >&2; exit 1; }
    sudo_cmd="sudo"
  fi
  $apt_updated || { $sudo_cmd apt-get update -qq; apt_updated=true; }
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# initdb marks the server programs; looked for where packages/embedded-db/src/postgres-cluster.ts looks.
has_initdb() {
  local bindir
  bindir=$(pg_config --bindir 2>/dev/null || true)
  [ -n "$bindir" ] && [ -x "$bindir/initdb" ] && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && return 0
  command -v initdb >/dev/null 2>&1
}

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

if ! has_initdb; then
  say "installing Debian's postgresql for the benchmarks' PostgreSQL backend"
  apt_install postgresql
fi

if $want_browser && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  say "installing Debian's chromium for the browser tests"
  apt_install chromium
fi
if $want_browser && ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  say "installing Debian's fonts-noto-cjk so Chinese renders in the browser tests"
  apt_install fonts-noto-cjk
fi
say "ready"
