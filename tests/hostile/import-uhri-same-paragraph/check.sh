# Each paragraph's rows that say different things are entries of their
# own, each with its own text, States and position; rows that say the
# same are one entry with all their States.  One line per entry:
y=$2/content/recommendations.yaml
entries=$(grep -v '^#' "$y" | awk '/^- id:/ { if (e) print e; e = "" } { e = e " " $0 } END { print e }' | tr -s ' ')
want() {
	grep -qF -- "$1" <<<"$entries" || { echo "no entry like: $1"; echo "$entries"; exit 1; }
}
want '- id: "110.5" text: Ratify the Convention against Torture states: - Chile position: supported'
want '- id: "110.5-2" # TODO: check: row 3 of the export numbers this 110.5, with another text than row 2 text: Abolish the death penalty states: - Spain position: noted'
want '- id: "110.6" text: Train judges on gender equality states: - Norway position: supported'
want '- id: "110.6-2" # TODO: check: row 5 of the export numbers this 110.6, with the position '"'noted'"' where row 4 says '"'supported'"' text: Train judges on gender equality states: - Italy position: noted'
want '- id: "110.7" text: Adopt a law on human rights defenders states: - France - Italy position: supported'
[[ $(grep -c '^- id:' "$y") == 5 ]] || { echo "not 5 entries"; exit 1; }
