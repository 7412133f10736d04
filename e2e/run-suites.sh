#!/bin/sh
# The end-to-end suites, in two phases on this two-core machine (each suite starts a cluster of its own):
#  1. side by side: native-workloads (a native VM, so no failure detector to mistake a busy CPU for silence; its
#     1 GiB transfer is bound by its link's loss, not by the CPU, ~0.5 core) and the container suites, one file at a
#     time;
#  2. every other suite, one file at a time (kill chains, partitions, hung primaries: their failure detectors time
#     out after 1 s of silence, so they get the machine to themselves).
# Every suite runs whatever another one did; the run fails if any failed. (One suite: npx vitest run <file>.)
set -u
cd "$(dirname "$0")"
alongside=src/native-workloads.e2e.test.ts
log=$(mktemp)
npx vitest run --passWithNoTests "$alongside" >"$log" 2>&1 &
pid=$!
npx vitest run --passWithNoTests src/containers/
containers=$?
wait "$pid"
native=$?
cat "$log"
rm -f "$log"
npx vitest run --passWithNoTests --exclude "$alongside" --exclude 'src/containers/**'
rest=$?
echo "[e2e] native-workloads: exit $native; container suites: exit $containers; the rest: exit $rest"
[ "$native" -eq 0 ] && [ "$containers" -eq 0 ] && [ "$rest" -eq 0 ]
