#!/bin/sh
# The whole test suite: typecheck, lint, then every project's tests through Nx.
set -e
cd "$(dirname "$0")/../.."
sh tools/scripts/ensure-deps.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true
echo "[test] typecheck"
npx tsc -b
echo "[test] lint"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
echo "[test] unit, property, fuzz and interop tests"
npx nx run-many -t test --outputStyle=stream --parallel=1
