#!/usr/bin/env bash
# Installs what the platform and its tests need on a fresh Debian 12 machine, when it is missing.
#   --runtime  only what running the platform needs (.NET SDK check, Node.js/npm for the front-end libraries,
#              Chromium and CJK fonts for the annual report's PDF, LibreOffice Writer for .doc/.wps documents)
#   --test     also PostgreSQL, sqlmap and an SMTP server (python3-aiosmtpd) for the test suite
set -euo pipefail
mode="${1:---test}"

need_apt=()
have() { command -v "$1" >/dev/null 2>&1; }

if ! have dotnet; then
  echo "The .NET 10 SDK is required (https://learn.microsoft.com/dotnet/core/install/linux-debian)." >&2
  exit 1
fi
have npm || need_apt+=(nodejs npm)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_apt+=(fonts-noto-cjk)
have soffice || [ -x /usr/lib/libreoffice/program/soffice ] || need_apt+=(libreoffice-writer-nogui)

if [ "$mode" = "--test" ]; then
  [ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
  have sqlmap || need_apt+=(sqlmap)
  /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || need_apt+=(python3-aiosmtpd)
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing: ${need_apt[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi
