#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (browser downloads do not work here).
# Installs it when missing and we are allowed to; otherwise says how.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
	echo "Installing Debian chromium for the browser tests…"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	exit 0
fi
echo "Chromium is missing at $CHROMIUM. Install it: sudo apt-get install -y chromium (or set CHROMIUM_PATH)." >&2
exit 1
