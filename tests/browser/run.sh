#!/usr/bin/env bash
# The browser suite as part of `make test` (tests/run.sh runs every
# tests/*/run.sh): the sites in headless Chromium, see browser.sh.
# browser.sh wants the fast build: the sanitizers' one is ten times slower
# and the pages are the same.
exec env UPRGEN="${UPRGEN_FAST:-$UPRGEN}" bash "$(dirname "$0")/browser.sh"
