# One image for every service: the monorepo's sources with their production dependencies, run by tsx (there is
# no build step). The context is staged by tools/scripts/build-image.sh: deps/ (node_modules pruned to production,
# installed on the host, so a build never needs a registry) and app/ (the sources), each its own layer, so a change
# of sources reuses the dependencies' layer.
#
#   sh tools/scripts/build-image.sh          # vmha/app:dev on NODE_IMAGE (default: the official Node LTS slim image)
#   docker run --rm vmha/app:dev packages/primary-vmm/src/main.ts --help
ARG NODE_IMAGE=node:lts-slim
FROM ${NODE_IMAGE}
WORKDIR /app
COPY deps/ ./
COPY app/ ./
ENV NODE_ENV=production \
    VMHA_HEALTH_FILE=/tmp/vmha-health
# A service writes its status there every 2 s (service-runtime): healthy while it says "serving" and is fresh.
HEALTHCHECK --interval=5s --timeout=2s --start-period=60s --retries=3 \
  CMD grep -q '^serving' /tmp/vmha-health && [ $(( $(date +%s) - $(stat -c %Y /tmp/vmha-health) )) -lt 10 ]
USER node
ENTRYPOINT ["node", "--import", "tsx"]
CMD ["packages/primary-vmm/src/main.ts", "--help"]
