#!/usr/bin/env bash
# Makes sure a Chromium for the e2e tests exists. Playwright's own browser download cannot work
# on these machines, so the tests drive Debian's Chromium (or whatever CHROMIUM_PATH names).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM_PATH is set to '$CHROMIUM_PATH', but nothing executable is there." >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package with apt-get…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<MSG
The end-to-end tests need Chromium at /usr/bin/chromium, and it is missing.
Install it, then run the tests again:
  sudo apt-get update && sudo apt-get install -y chromium      # Debian / Ubuntu
or point CHROMIUM_PATH at an existing Chromium or Chrome binary:
  CHROMIUM_PATH=/path/to/chrome npm test
MSG
exit 1
