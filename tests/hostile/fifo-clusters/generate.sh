#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  clusters.yaml is a named
# pipe no one writes to.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
rm "$d/content/clusters.yaml"
mkfifo "$d/content/clusters.yaml"
