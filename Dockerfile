# Sendoka: one image for every process role (api, worker, release); docker-compose.yml runs them.
# TypeScript runs through tsx (a runtime dependency), so there is no build step.

FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY migrations ./migrations
# The release step and the CLI: `docker compose run --rm web node bin/sendoka.js orgs create "My SaaS"`.
USER node
EXPOSE 3000
# Started directly (not through npm) so that SIGTERM reaches Sendoka's graceful shutdown.
CMD ["node", "--import", "tsx", "src/main.ts", "api"]
