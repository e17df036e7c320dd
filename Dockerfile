# Sendoka: one image for every process role (api, worker, release); docker-compose.yml runs them.
# The image holds compiled JavaScript (dist/) and production dependencies only: no TypeScript at run time.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY migrations ./migrations
RUN node bin/build.mjs && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin/sendoka.js ./bin/
# The release step and the CLI: `docker compose run --rm web node bin/sendoka.js orgs create "My SaaS"`.
USER node
EXPOSE 3000
# Started directly (not through npm) so that SIGTERM reaches Sendoka's graceful shutdown.
CMD ["node", "dist/src/main.js", "api"]
