#!/usr/bin/env bash
# Tesseract OCR with its French, English and orientation data, for reading scanned and photographed
# contracts (vendorcheck/ingest/ocr.py, tests/ingest/test_ocr.py). Debian's packages only: the
# recognition data ships in tesseract-ocr-fra / -eng / -osd, nothing is downloaded at run time.
# Idempotent: skips when the program and the three data files are already there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng tesseract-ocr-osd)
if command -v tesseract >/dev/null 2>&1 && dpkg -s "${packages[@]}" >/dev/null 2>&1; then
  echo "tesseract already installed: $(tesseract --version 2>&1 | head -n 1)"
  exit 0
fi
apt-get update -q
apt-get install -y -q --no-install-recommends "${packages[@]}"
tesseract --list-langs
