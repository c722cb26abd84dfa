# Sourced by a case's generate.sh with the folder to write: the check
# corpus's valid minimal project in it ($d), and `chapter`, which adds one
# chapter to the project and sets $c to its file, for the case to fill.
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "${BASH_SOURCE[0]}")/../check/valid-minimal/content/." \
	"$d/content/"

chapter() {
	mkdir -p "$d/content/chapters"
	echo "chapters: [chapters/c.md]" >>"$d/content/report.yaml"
	c=$d/content/chapters/c.md
}
