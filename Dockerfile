# One image for every service (six subgraphs, the gateway, the seed). The service's command chooses the
# entry point, e.g. `node -r @swc-node/register subgraphs/orders/src/main.ts`. TypeScript runs directly
# through @swc-node/register, as in development, so no build step.

# Stage 1: only the package manifests, with their directory structure, so that the dependency layer below
# is rebuilt only when a package.json or the lockfile changes.
FROM node:24-slim AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -path '*/node_modules' -prune -o \( -name package.json -o -name package-lock.json \) -print \
    | xargs -I{} cp --parents {} /manifests

# Stage 2: dependencies (dev ones too: @swc-node/register runs the sources), then the sources.
FROM node:24-slim
WORKDIR /app
COPY --from=manifests /manifests/ ./
# No package needs its install script (see STACK.md); `npm ci` is not used because the lockfile holds
# only the platforms the team develops on.
RUN npm install --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force
COPY . .

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    LOG_LEVEL=info
USER node
EXPOSE 4000
CMD ["node", "-r", "@swc-node/register", "gateway/src/main.ts"]
