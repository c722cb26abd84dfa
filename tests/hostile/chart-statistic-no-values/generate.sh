#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
# A chart of a statistic whose only series has no values.
printf -- '- id: empty\n  title: {en: Empty}\n  series:\n    - label: {en: None}\n      values: {}\n' >"$d/content/statistics.yaml"
sed -i 's/indicators: \[budget\]/indicators: [empty]/' "$d/content/recommendations.yaml"
printf '# Figures\n\n```chart empty\n```\n' >"$c"
