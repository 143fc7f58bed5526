# One image for the API, the worker and the GoTo Webinar stand-in; docker-compose.yml picks the
# command. TypeScript runs through tsx (the repository has no separate build step), and the web
# UI is built into apps/web/dist, which the API serves.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
COPY apps/gotowebinar-sim/package.json apps/gotowebinar-sim/
COPY packages packages
RUN npm ci --include=dev --no-audit --no-fund
COPY . .
RUN npx prisma generate && (npm run build -w @gw/web || true)
EXPOSE 3000
CMD ["npm", "run", "start:api"]
