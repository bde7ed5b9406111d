#!/usr/bin/env bash
# Installs what the real-editor end-to-end test needs, idempotently:
#   - Debian packages: chromium (the browser playwright-core drives), ripgrep (stands in for the
#     binary @vscode/ripgrep would download from a host this network cannot reach), libkrb5-dev
#     (headers for code-server's `kerberos` native module);
#   - code-server 4.100.3 (VS Code 1.100.3's workbench + extension host, from npm) by hand into
#     .cache/code-server/, because its postinstall refuses to run as root and downloads ripgrep.
# A second run that finds everything in place only checks `--version` and exits (about a second).
# Works without stdin (CI=true, root). Env: DSH_CODE_SERVER_DIR overrides the cache folder.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${DSH_CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
CS="$CACHE/node_modules/code-server"
ENTRY="$CS/out/node/entry.js"
STAMP="$CACHE/.installed-$CODE_SERVER_VERSION"
# Even --version writes a default config (with a password) into ~/.config and logs into ~/.local/share: keep them here.
cs_version() {
  XDG_CONFIG_HOME="$CACHE/.xdg/config" XDG_DATA_HOME="$CACHE/.xdg/data" \
    node "$ENTRY" --config "$CACHE/config.yaml" --version 2>/dev/null | grep -E "^[0-9]+\.[0-9]+\.[0-9]+ " | head -n1
}

log() { printf '[e2e-setup] %s\n' "$*"; }
die() { printf '[e2e-setup] error: %s\n' "$*" >&2; exit 1; }
t0=$(date +%s)

# --- Debian packages -----------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q "install ok installed" || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install ${missing[*]}"
    SUDO="sudo -n"
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq </dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing after apt-get install chromium"
RG="$(command -v rg)" || die "rg is missing after apt-get install ripgrep"

# --- code-server ---------------------------------------------------------------------------
version_ok() {
  [ -f "$ENTRY" ] && [ -f "$STAMP" ] || return 1
  local v
  v="$(cs_version)" || return 1
  case "$v" in "$CODE_SERVER_VERSION "*) log "code-server already installed: $v"; return 0 ;; esac
  return 1
}

if version_ok; then
  log "nothing to do ($(( $(date +%s) - t0 ))s)"
  exit 0
fi

npmq() { npm --no-audit --no-fund --loglevel=error "$@" </dev/null; }

log "installing code-server@$CODE_SERVER_VERSION into $CACHE"
rm -f "$STAMP"
mkdir -p "$CACHE"
if [ ! -f "$CACHE/package.json" ]; then
  printf '{\n  "name": "dsh-e2e-code-server-cache",\n  "private": true,\n  "description": "code-server for the e2e test, installed by scripts/e2e-setup.sh"\n}\n' >"$CACHE/package.json"
fi
(cd "$CACHE" && npmq install --ignore-scripts --save-exact "code-server@$CODE_SERVER_VERSION")
[ -f "$ENTRY" ] || die "code-server did not install: $ENTRY missing"

log "installing VS Code's own dependencies (lib/vscode)"
(
  cd "$CS/lib/vscode"
  npmq install --omit=dev --ignore-scripts
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp -f "$RG" node_modules/@vscode/ripgrep/bin/rg
  log "rebuilding native modules (a few minutes)"
  npm_config_yes=true npmq rebuild @parcel/watcher kerberos node-pty @vscode/spdlog @vscode/deviceid native-watchdog
  ln -sfn node_modules node_modules.asar
  log "installing built-in extensions' dependencies"
  (cd extensions && npmq install --omit=dev)
)
log "rebuilding argon2"
(cd "$CACHE" && npmq rebuild argon2)

v="$(cs_version)" || true
case "$v" in
  "$CODE_SERVER_VERSION "*) ;;
  *) die "unexpected code-server --version output: $v" ;;
esac
touch "$STAMP"
log "installed $v in $(( $(date +%s) - t0 ))s"
