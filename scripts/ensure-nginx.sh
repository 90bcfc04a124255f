#!/usr/bin/env bash
# Makes sure Debian's nginx exists for e2e/nginx.spec.ts, which serves the build with the
# deploy/ configs and checks the response headers. Installs it with apt when run as root.
set -euo pipefail
nginx="${NGINX_PATH:-/usr/sbin/nginx}"
if [ -x "$nginx" ]; then
  exit 0
fi
if [ -n "${NGINX_PATH:-}" ]; then
  echo "NGINX_PATH is set to '$NGINX_PATH', but nothing executable is there." >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "nginx is missing: installing Debian's nginx package with apt-get…"
  apt-get update -qq
  # policy-rc.d keeps the package from starting a system nginx on port 80.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null || { rm -f /usr/sbin/policy-rc.d; exit 1; }
  rm -f /usr/sbin/policy-rc.d
  exit 0
fi
cat >&2 <<MSG
The nginx test needs nginx at /usr/sbin/nginx, and it is missing.
Install it, then run the tests again:
  sudo apt-get update && sudo apt-get install -y nginx      # Debian / Ubuntu
or point NGINX_PATH at an existing nginx binary:
  NGINX_PATH=/path/to/nginx npm test
MSG
exit 1
