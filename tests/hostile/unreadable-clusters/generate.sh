#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  clusters.yaml cannot be
# read: it was called missing.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chmod 000 "$d/content/clusters.yaml"
