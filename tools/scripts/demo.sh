#!/bin/sh
# The embedded default. Until the replicated cluster exists (issue: emulated guest + virtual network), the demo
# runs what exists today: two guest-tcp stacks transferring data over a lossy simulated link.
set -e
cd "$(dirname "$0")/../.."
sh tools/scripts/ensure-deps.sh
exec npx tsx tools/src/demo.ts "$@"
