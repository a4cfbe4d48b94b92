#!/usr/bin/env bash
# The one command that sets up and runs every test on a fresh Debian machine:
#   bash scripts/test.sh
# 1. Debian packages: Chromium (end-to-end tests), espeak-ng + sox (test speech), a C/C++ toolchain,
#    PostgreSQL (the team store: tests start a throwaway cluster of their own).
# 2. npm packages from the lockfile (this builds better-sqlite3 and whisper.cpp from source, once).
# 3. lint, typecheck, unit + integration tests, end-to-end tests in Chromium, the Electron smoke test
#    (skipped, and says so, where the Electron binary cannot be installed).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium espeak-ng sox make g++ python3 postgresql)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The Electron binary cannot be downloaded on CI machines; the smoke test skips itself without it.
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
echo "== npm ci"
npm ci --no-audit --no-fund

echo "== lint";        npm run --silent lint
echo "== typecheck";   npm run --silent typecheck
mkdir -p out/test-results
status=0
echo "== unit + integration tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=out/test-results/unit.json || status=1
echo "== end-to-end tests (Chromium)"
npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=out/test-results/e2e.json || status=1
node scripts/summarize-vitest.mjs out/test-results/unit.json out/test-results/e2e.json || status=1
exit $status
