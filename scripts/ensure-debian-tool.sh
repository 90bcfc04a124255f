#!/usr/bin/env bash
# Makes sure a program from Debian's packages exists for the tests, installing it with apt when
# run as root, and otherwise saying exactly what to do. Playwright's own browser download cannot
# work on these machines, so the e2e tests drive Debian's Chromium; the hosting test runs nginx.
#
# usage: ensure-debian-tool.sh DEFAULT_PATH PACKAGE ENV_VAR WHAT_NEEDS_IT
set -euo pipefail
default_path=$1 package=$2 env_var=$3 purpose=$4
override="${!env_var:-}"
binary="${override:-$default_path}"
if [ -x "$binary" ]; then
  exit 0
fi
if [ -n "$override" ]; then
  echo "$env_var is set to '$override', but nothing executable is there." >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "$package is missing: installing Debian's $package package with apt-get…"
  apt-get update -qq
  # policy-rc.d keeps a package such as nginx from starting a system service on install.
  created_policy=''
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    created_policy=yes
  fi
  status=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null || status=$?
  [ -n "$created_policy" ] && rm -f /usr/sbin/policy-rc.d
  exit "$status"
fi
cat >&2 <<MSG
$purpose needs $package at $default_path, and it is missing.
Install it, then run the tests again:
  sudo apt-get update && sudo apt-get install -y $package      # Debian / Ubuntu
or point $env_var at an existing binary:
  $env_var=/path/to/$package npm test
MSG
exit 1
