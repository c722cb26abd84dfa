# "..." and "." are entries of their own with their own State; the empty
# row is not imported (the warning says so).
y=$2/content/recommendations.yaml
entries=$(grep -v '^#' "$y" | awk '/^- id:/ { if (e) print e; e = "" } { e = e " " $0 } END { print e }' | tr -s ' ')
want() {
	grep -qF -- "$1" <<<"$entries" || { echo "no entry like: $1"; echo "$entries"; exit 1; }
}
want 'text: "..." states: - Italy position: noted'
want 'text: "." states: - France position: noted'
want 'text: Abolish the death penalty states: - Chile position: supported'
[[ $(grep -c '^- id:' "$y") == 3 ]] || { echo "not 3 entries"; exit 1; }
! grep -q 'text: ""' "$y" || { echo "an empty text"; exit 1; }
