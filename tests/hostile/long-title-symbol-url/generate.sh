#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
# Words of 100,000 characters where libharu takes a string whole: the
# report's title and symbol (document information, running header, title
# page), the preparing body, a heading (the PDF outline) and a link's URL.
# libharu refuses strings over 65,535 bytes: the PDF must still be made.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$d/content/chapters"
w=$(head -c 100000 /dev/zero | tr '\0' 'w')
sed -i "s/^title: {en: Mid-term report/title: {en: Mid-term report $w/" "$d/content/report.yaml" 2>/dev/null ||
	python3 -c "import sys; p=sys.argv[1]; s=open(p).read(); open(p,'w').write(s.replace('title: {en: Mid-term report', 'title: {en: Mid-term report ' + 'w'*100000))" "$d/content/report.yaml"
{
	echo "symbol: A/$w"
	echo "prepared_by: B$w"
	echo "chapters: [chapters/c.md]"
} >>"$d/content/report.yaml"
printf '# Long\n\n## H%s\n\nSee [the link](http://x.org/%s) and <http://y.org/%s>.\n' "$w" "$w" "$w" >"$d/content/chapters/c.md"
