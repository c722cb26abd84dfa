#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
# Scalars of 1 MB to 8 MB, quoted, plain and folded, in the text of a
# recommendation, a theme, a State and a cluster's description (Markdown,
# over its own 64 KiB limit): read in well under a second, within the
# 32 MiB of a file.
big() { head -c "$1" /dev/zero | tr '\0' "$2"; }
{
	echo '- id: "110.1"'
	printf '  text: "'; big 8000000 t; echo '"'
	echo '  states: [Chile]'
	echo '  position: supported'
	echo '  cluster: women'
	printf '  themes: ['; big 1000000 h; echo ']'
	echo '- id: "110.2"'
	echo '  text: >'
	printf '    '; big 4000000 f; echo
	echo '  states:'
	printf '    - '; big 2000000 s; echo
	echo '  position: noted'
	echo '  cluster: justice'
} > "$d/content/recommendations.yaml"
{
	echo '- id: women'
	echo '  title: {en: Women, es: Mujeres}'
	echo '- id: justice'
	echo '  title: {en: Justice, es: Justicia}'
	printf '  description: "'; big 100000 d; echo '"'
} > "$d/content/clusters.yaml"
