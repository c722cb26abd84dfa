#!/usr/bin/env bash
# An unclosed <style> block in one chapter (CommonMark example 175) ends
# with its chapter: the next chapter is typeset, in the contents too.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$1/content/chapters"
echo "chapters: [chapters/a.md, chapters/b.md]" >>"$1/content/report.yaml"
printf '# First\n\n<style\n  type="text/css">\n\nfoo\n' >"$1/content/chapters/a.md"
printf '# Second chapter\n\nIts words are here.\n' >"$1/content/chapters/b.md"
