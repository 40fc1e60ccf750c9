#!/usr/bin/env bash
# LibreOffice Writer without a GUI, for the addendum test that converts the generated DOCX to PDF
# (proof that Word documents we produce open without repair). Idempotent: skips when soffice exists.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  echo "soffice already installed: $(command -v soffice)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# libreoffice-writer-nogui (Debian 11+) is the headless build; fall back to the full writer elsewhere.
# Fonts: Liberation (metric-compatible with Arial/Times, used by the DOCX) and DejaVu (French accents).
if apt-cache show libreoffice-writer-nogui >/dev/null 2>&1; then
  writer=libreoffice-writer-nogui
else
  writer=libreoffice-writer
fi
apt-get install -y -q --no-install-recommends "$writer" fonts-liberation fonts-dejavu-core
command -v soffice
