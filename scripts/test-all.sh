#!/usr/bin/env bash
# Every check, in the order that fails fastest: typecheck, lint, unit tests, production build,
# bundle-size budget, end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() { printf '\n== %s\n' "$1"; }

step "Chromium for e2e"
bash scripts/ensure-debian-tool.sh /usr/bin/chromium chromium CHROMIUM_PATH 'The end-to-end tests'
step "nginx for the hosting test"
bash scripts/ensure-debian-tool.sh /usr/sbin/nginx nginx NGINX_PATH 'The nginx hosting test'
step "Typecheck (tsc -b)"
npx tsc -b
step "Lint (eslint)"
npx eslint .
step "Format (prettier --check)"
npx prettier --check . --log-level warn
step "Unit tests (vitest)"
npx vitest run
step "Production build (vite build)"
npx vite build
step "Bundle size budget"
node scripts/check-size.mjs
step "Start-up chunk: nothing that loads on demand (verification, jose, yaml, @tanstack)"
node scripts/check-startup-modules.mjs
step "Quick bench (start-up bytes, 16 KB paste; the full one is npm run bench)"
node bench/run.mjs --quick --no-build
step "Single-file build (npm run build:single) and its Kubernetes ConfigMap"
npm run build:single --silent
node scripts/make-k8s-configmap.mjs
step "End-to-end tests (playwright, Chromium)"
npx playwright test
