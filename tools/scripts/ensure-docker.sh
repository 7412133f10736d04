#!/bin/sh
# What the container suites need, for CI (as root): a Docker engine (docker.io from apt when missing, dockerd
# started when none answers), compose (docker-compose from apt when the v2 plugin is missing), the base images
# (the official ones when they can be pulled, else built offline by offline-images.sh) and the services' image
# (build-image.sh). Prints the environment overrides the suites read:
#   eval "$(sh tools/scripts/ensure-docker.sh)"
# Progress goes to stderr.
set -eu
cd "$(dirname "$0")/../.."
say() { echo "[ensure-docker] $*" >&2; }

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  need=""
  command -v dockerd >/dev/null 2>&1 || need="$need docker.io"
  command -v debootstrap >/dev/null 2>&1 || need="$need debootstrap"
  # The compose demo suite runs compose.yaml: the v2 plugin when there is one, else docker-compose (Debian 12
  # packages only that).
  docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1 || need="$need docker-compose"
  if [ -n "$need" ]; then
    say "installing$need (apt-get)"
    apt-get install -y --no-install-recommends $need >/dev/null 2>&1 || {
      apt-get update >/dev/null 2>&1 || true
      apt-get install -y --no-install-recommends $need >/dev/null
    }
  fi
fi
if ! docker info >/dev/null 2>&1; then
  command -v dockerd >/dev/null 2>&1 || {
    say "no Docker engine, and dockerd is not installed (apt-get install docker.io)"
    exit 1
  }
  say "starting dockerd (log: /tmp/vmha-dockerd.log)"
  nohup dockerd >/tmp/vmha-dockerd.log 2>&1 &
  i=0
  until docker info >/dev/null 2>&1; do
    i=$((i + 1))
    [ "$i" -le 60 ] || {
      say "dockerd did not answer within 30 s: $(tail -3 /tmp/vmha-dockerd.log)"
      exit 1
    }
    sleep 0.5
  done
fi

node_image=${VMHA_NODE_IMAGE:-node:lts-slim}
nats_image=${VMHA_NATS_IMAGE:-nats:2.10}
pulled() { docker image inspect "$1" >/dev/null 2>&1 || timeout 60 docker pull -q "$1" >/dev/null 2>&1; }
if pulled "$node_image" && pulled "$nats_image"; then
  say "using $node_image and $nats_image"
else
  say "cannot pull $node_image / $nats_image: building the base images offline"
  eval "$(sh tools/scripts/offline-images.sh)"
  node_image=$VMHA_NODE_IMAGE
  nats_image=$VMHA_NATS_IMAGE
fi
VMHA_NODE_IMAGE=$node_image sh tools/scripts/build-image.sh
echo "export VMHA_NODE_IMAGE=$node_image"
echo "export VMHA_NATS_IMAGE=$nats_image"
echo "export VMHA_IMAGE=${VMHA_IMAGE:-vmha/app:dev}"
