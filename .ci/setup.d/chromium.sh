#!/usr/bin/env bash
# Headless Chromium for the web app's end-to-end test (tests/web/test_browser.py).
# Debian's chromium is driven by the Python `playwright` package (a dev dependency) through
# `executable_path`; Playwright's own browser download (`playwright install`) is never used: the
# machines reach package registries only.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if [ -x /usr/bin/chromium ] && dpkg -s fonts-dejavu-core fonts-liberation2 >/dev/null 2>&1; then
  exit 0
fi
apt-get update -q
# fonts-dejavu-core / fonts-liberation2: readable text in screenshots (the page itself uses system fonts,
# never a web font). Chromium's package already pulls the libraries Playwright's driver needs (nss, gbm, ...).
apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core fonts-liberation2
