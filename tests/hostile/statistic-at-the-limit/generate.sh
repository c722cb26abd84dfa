#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
# The largest values check accepts, either side of 0, and a tiny one:
# charted in the site and the PDF with a finite scale.
cat >"$d/content/statistics.yaml" <<'YAML'
- id: budget
  title: {en: Budget, es: Presupuesto}
  series:
    - label: {en: Soles, es: Soles}
      values: {"2021": 1e15, "2022": -1e15, "2023": 5e-324}
YAML
printf '# Figures\n\n```chart budget\n```\n' >"$c"
