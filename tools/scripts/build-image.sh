#!/bin/sh
# Builds the services' image (Dockerfile at the root) from a staged context:
#   deps/  the installed node_modules, pruned to production dependencies (npm prune --omit=dev, offline)
#   app/   the repository's files (tracked and untracked, not ignored), as a clone would have them
# so the build needs no registry: the dependencies come from this checkout's install (`npm ci` first if missing).
#   sh tools/scripts/build-image.sh
# Environment: VMHA_IMAGE (default vmha/app:dev), VMHA_NODE_IMAGE (the base; default the official node:lts-slim;
# tools/scripts/offline-images.sh builds one where no image registry can be reached).
set -eu
cd "$(dirname "$0")/../.."
image=${VMHA_IMAGE:-vmha/app:dev}
node_image=${VMHA_NODE_IMAGE:-node:lts-slim}

say() { echo "[build-image] $*" >&2; }
command -v docker >/dev/null 2>&1 || {
  say "docker is not installed (apt-get install docker.io)"
  exit 1
}
docker info >/dev/null 2>&1 || {
  say "no Docker engine answers (start one: dockerd &)"
  exit 1
}
[ -d node_modules ] || npm ci --no-audit --no-fund

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/app" "$stage/deps"

# app/: what a clone has, plus the untracked files a developer added (not the ignored ones).
git ls-files -z --cached --others --exclude-standard |
  tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$stage/app"

# deps/: the workspace's manifests and its installed tree, pruned to what runs. Workspaces' own node_modules
# (dependencies npm could not hoist) come along.
prune="$stage/prune"
mkdir -p "$prune"
git ls-files -z --cached -- package.json package-lock.json '*/package.json' | tar --null -T - -cf - | tar -xf - -C "$prune"
tar -cf - node_modules $(ls -d packages/*/node_modules tools/node_modules e2e/node_modules 2>/dev/null) | tar -xf - -C "$prune"
(cd "$prune" && npm prune --omit=dev --ignore-scripts --no-audit --no-fund --offline >/dev/null 2>&1) || {
  say "npm prune --omit=dev failed in the staged copy"
  exit 1
}
(cd "$prune" && find . -name node_modules -prune -print0 | tar --null -T - -cf -) | tar -xf - -C "$stage/deps"
rm -rf "$prune"

cp Dockerfile "$stage/Dockerfile"
say "building $image on $node_image ($(du -sh "$stage/deps" | cut -f1) of dependencies)"
DOCKER_BUILDKIT=0 docker build -q --build-arg "NODE_IMAGE=$node_image" -t "$image" "$stage" >/dev/null 2>"$stage/build.log" || {
  cat "$stage/build.log" >&2
  exit 1
}
say "built $image"
