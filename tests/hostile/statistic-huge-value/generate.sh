#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
# 1.7e308, and 1e308 with -1e308, passed check and crashed the chart's
# scale (an infinite range, a wrapped tick count): refused by check now.
cat >"$d/content/statistics.yaml" <<'YAML'
- id: budget
  title: {en: Budget, es: Presupuesto}
  series:
    - label: {en: Soles, es: Soles}
      values: {"2021": 1.7e308, "2022": -1.7e308}
    - label: {en: Dollars, es: Dólares}
      values: {"2021": 1e308, "2022": -1e308}
YAML
printf '# Figures\n\n```chart budget\n```\n' >"$c"
