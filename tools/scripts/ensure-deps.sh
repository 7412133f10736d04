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

# nats-server runs the virtual network; socat, iptables and ip make the Linux interop lab; redis-cli and
# redis-benchmark prove RESP compatibility.
missing=""
for tool in nats-server socat iptables ip redis-cli; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  pkgs=""
  for tool in $missing; do
    case "$tool" in ip) pkgs="$pkgs iproute2" ;; redis-cli) pkgs="$pkgs redis-tools" ;; *) pkgs="$pkgs $tool" ;; esac
  done
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "[ensure] installing$pkgs (apt-get)"
    (apt-get install -y --no-install-recommends $pkgs >/dev/null 2>&1 ||
      { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends $pkgs >/dev/null 2>&1; }) ||
      echo "[ensure] could not install$pkgs: tests that need nats-server fail, the Linux interop tests skip and say why"
  else
    echo "[ensure] missing:$missing. Install with: sudo apt-get install$pkgs (nats-server is required; the Linux interop tests skip without the others)"
  fi
fi
