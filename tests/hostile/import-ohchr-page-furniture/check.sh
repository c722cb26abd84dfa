# The recommendation cut by a page break is whole, without the page's
# furniture; the one before a page number keeps its State.
y=$2/content/recommendations.yaml
tr '\n' ' ' <"$y" | tr -s ' ' | grep -q 'Economic, Social and Cultural Rights, in order to continue' ||
	{ echo "140.8 is not whole"; exit 1; }
! grep -qE 'Page [0-9]|GE\.24|Thematic list of|Position of the State' "$y" ||
	{ echo "page furniture in the texts"; exit 1; }
! grep -q $'\f' "$y" || { echo "a form feed in the texts"; exit 1; }
grep -A2 'id: "140.9"' "$y" | grep -q 'Protect children from violence in all settings$' ||
	{ echo "140.9 is not right"; exit 1; }
grep -q 'Chile' "$y" || { echo "140.9 lost its State"; exit 1; }
# A number wrapped onto a line of its own, mid-page, is text.
tr '\n' ' ' <"$y" | tr -s ' ' | grep -q 'Sustainable Development Goal 16 states:' ||
	{ echo "140.7 lost its number"; exit 1; }
