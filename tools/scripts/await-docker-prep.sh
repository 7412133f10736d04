#!/bin/sh
# Waits for a background `ensure-docker.sh` started by .ci/run, shows its log, and fails as it failed.
# The folder holds: log (its progress), env (the overrides it printed), status (its exit code, written last).
set -eu
prep=$1
i=0
until [ -s "$prep/status" ]; do
  [ "$i" -eq 0 ] && echo "[test] waiting for the Docker preparation"
  i=$((i + 1))
  # Fresh machines install Docker and debootstrap a base image: allow 15 minutes before calling it stuck.
  [ "$i" -le 900 ] || { echo "[test] the Docker preparation did not finish in 15 min"; cat "$prep/log"; exit 1; }
  sleep 1
done
cat "$prep/log"
status=$(cat "$prep/status")
[ "$status" = 0 ] || { echo "[test] the Docker preparation failed (exit $status)"; exit 1; }
