#!/bin/sh
# The whole test suite: typecheck, lint, every package's tests through Nx, then the end-to-end suites.
set -e
cd "$(dirname "$0")/../.."
sh tools/scripts/ensure-deps.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true
# Typecheck and lint side by side (one core each).
echo "[test] typecheck and lint"
typecheck_log=$(mktemp)
npx tsc -b >"$typecheck_log" 2>&1 &
typecheck=$!
lint=0
npx eslint . || lint=1
npx prettier --check . >/dev/null || { npx prettier --check .; lint=1; }
typechecked=0
wait "$typecheck" || typechecked=$?
cat "$typecheck_log"
rm -f "$typecheck_log"
[ "$typechecked" -eq 0 ] || { echo "[test] typecheck failed"; exit 1; }
[ "$lint" -eq 0 ] || { echo "[test] lint failed"; exit 1; }
# Two packages at a time: the unit, property and fuzz tests are pure CPU (seeded simulations on injected
# clocks), so two of them fill this machine's two cores without changing a result.
echo "[test] unit, property, fuzz and interop tests"
npx nx run-many -t test --exclude=@vmha/e2e --outputStyle=stream --parallel=2
# The container suites need Docker and the images: CI prepares them in the background meanwhile
# (.ci/run: VMHA_DOCKER_PREP names the folder where ensure-docker.sh leaves its log, overrides and status).
if [ -n "${VMHA_DOCKER_PREP:-}" ]; then
  sh tools/scripts/await-docker-prep.sh "$VMHA_DOCKER_PREP"
  . "$VMHA_DOCKER_PREP/env"
fi
# Each suite starts a cluster: e2e/run-suites.sh decides which may share the machine (one beside the containers).
echo "[test] end-to-end suites"
npx nx run @vmha/e2e:test --outputStyle=stream
