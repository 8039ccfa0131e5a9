#!/usr/bin/env bash
# Installs what the browser tests need when it is missing: Debian's chromium and a Korean font
# (so that screenshots of Korean pages are readable), and axe-core from the npm registry, which the
# accessibility tests inject into pages. Usage: ensure-browser-tools.sh <target-dir>
set -euo pipefail
target=${1:-target}
AXE_VERSION=4.11.0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi nanum || missing+=(fonts-nanum)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -f "$target/axe/node_modules/axe-core/axe.min.js" ]; then
  mkdir -p "$target/axe"
  npm install --prefix "$target/axe" --no-audit --no-fund --silent "axe-core@$AXE_VERSION" >/dev/null
fi
