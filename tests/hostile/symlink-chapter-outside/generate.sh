#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A chapter is a symbolic link
# to /etc/passwd: it must not be published.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
ln -s /etc/passwd "$c"
