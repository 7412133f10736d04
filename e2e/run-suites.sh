#!/bin/sh
# The end-to-end suites, in two phases on this two-core machine (each suite starts a cluster of its own):
#  1. two lanes side by side:
#     - native-workloads: a native VM, so no failure detector to mistake a busy CPU for silence, and a 1 GiB
#       transfer bound by its link's loss rather than by the CPU (~0.5 core, 5-6 minutes);
#     - meanwhile, one file at a time, the container suites and the short process-mode suites (one failure or
#       handover each, under 30 s);
#  2. the long kill chains and the partitions, one file at a time with the machine to themselves: their failure
#     detectors time out after 1 s of silence, and they give a busy CPU dozens of chances to look like one.
# Every suite runs whatever another one did; the run fails if any failed. (One suite: npx vitest run <file>.)
set -uf # (-f: the file filters and globs below go to vitest as they are)
cd "$(dirname "$0")"
alongside=src/native-workloads.e2e.test.ts
short="src/containers/ src/garbage-on-subjects src/planned-failover src/failover-traces src/hung-primary src/backup-loss"
log=$(mktemp)
pid=
# Interrupted (Ctrl-C, a CI timeout), the lane in the background goes too, and its log; the status is kept.
cleanup() {
  status=$?
  if [ -n "$pid" ]; then
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
  fi
  rm -f "$log"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
npx vitest run --passWithNoTests "$alongside" >"$log" 2>&1 &
pid=$!
# shellcheck disable=SC2086 # the list is file filters, one word each
npx vitest run --passWithNoTests $short
lane=$?
wait "$pid"
native=$?
pid=
cat "$log"
excludes="--exclude $alongside --exclude src/containers/**"
for f in $short; do
  case "$f" in src/containers/) ;; *) excludes="$excludes --exclude $f*" ;; esac
done
# shellcheck disable=SC2086
npx vitest run --passWithNoTests $excludes
rest=$?
echo "[e2e] native-workloads: exit $native; containers and short suites: exit $lane; the rest: exit $rest"
[ "$native" -eq 0 ] && [ "$lane" -eq 0 ] && [ "$rest" -eq 0 ]
