#!/usr/bin/env bash
# Debian packages the product and its tests need. Idempotent: installs only what is missing.
set -euo pipefail

PACKAGES=(
  gettext        # compilemessages for the German/English interface strings
  chromium       # browser tests (Playwright drives /usr/bin/chromium)
  libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core  # WeasyPrint: yearly report PDFs
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${PACKAGES[*]})"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
