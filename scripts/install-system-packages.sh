#!/usr/bin/env bash
# Debian packages the product and its tests need. Idempotent: installs only what is missing.
set -euo pipefail

PACKAGES=(
  gettext        # compilemessages for the German/English interface strings
  postgresql-client # pg_dump/pg_restore for manage.py backup/restore
  postfix        # smtp-sink/smtp-source for the newsletter send benchmark (postfix itself is not configured or started)
  redis-server   # the newsletter's Redis restart test and send benchmark start throwaway instances
  espeak-ng      # read-aloud audio: German text-to-speech
  ffmpeg         # read-aloud audio (Opus, ffprobe durations); sign language video checks and the demo video
  libpango-1.0-0 # WeasyPrint: tagged PDF variants of pages and the yearly report
  libpangoft2-1.0-0
  fonts-dejavu-core
  chromium       # browser tests (Playwright drives /usr/bin/chromium)
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
# postfix: install its binaries only, never a configured mail server
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
