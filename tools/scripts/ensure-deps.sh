#!/bin/sh
# Installs what the commands need on a fresh machine: node_modules (npm ci), and the Debian packages the
# real-peer tests use (socat, iptables, iproute2) when running as root. Never fails for a missing optional
# system package: the tests that need it print why they skip.
set -e
cd "$(dirname "$0")/../.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[ensure] installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

missing=""
for tool in socat iptables ip; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  pkgs=""
  for tool in $missing; do
    case "$tool" in ip) pkgs="$pkgs iproute2" ;; *) pkgs="$pkgs $tool" ;; esac
  done
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "[ensure] installing$pkgs (apt-get)"
    (apt-get install -y --no-install-recommends $pkgs >/dev/null 2>&1 ||
      { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends $pkgs >/dev/null 2>&1; }) ||
      echo "[ensure] could not install$pkgs; the Linux interop tests will skip and say why"
  else
    echo "[ensure] missing:$missing. Install with: sudo apt-get install$pkgs (the Linux interop tests skip without them)"
  fi
fi
