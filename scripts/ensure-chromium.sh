#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests (Playwright drives it;
# `playwright install` cannot download browsers here and is never used).
set -euo pipefail
CHROMIUM="${SG_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<MSG
The browser tests need Chromium at $CHROMIUM and it is not installed.
Install it as root with:  apt-get update && apt-get install -y chromium
or point SG_CHROMIUM at a Chromium or Chrome binary, then run 'make test' again.
MSG
exit 1
