# Read line by line (pdftotext -raw): a soft hyphen mid-line is not drawn;
# lines break at soft hyphens, each such line ending in a hyphen that is
# drawn but not text (an /ActualText span gives the word whole where it
# starts); the controls leave no character behind.
t=$(pdftotext -q -raw "$2/report-en.pdf" -)
grep -qE '^([0-9]+\. )?The international word\.$' <<<"$t" ||
	{ echo "the soft-hyphen word reads: $(grep 'The in' <<<"$t")"; exit 1; }
para=$(sed -n '/Start /,/ end\.$/p' <<<"$t" | sed -E 's/^[0-9]+\. //')
words=$(tr -s ' \n' '\n\n' <<<"$para" | grep -v '^$' | sort | uniq -c |
	awk '{ printf "%s:%s ", $2, $1 }')
[[ $words == "Start:1 Zertifikationsverfahren:40 end.:1 " ]] ||
	{ echo "the words read: $words"; exit 1; }
# the drawing: lines broken at soft hyphens, each such word in a span
spans=$(qpdf --qdf --object-streams=disable "$2/report-en.pdf" - |
	grep -ac 'ActualText <feff005a0065007200740069')
((spans >= 3)) || { echo "only $spans words broken at a soft hyphen"; exit 1; }
grep -qE '^([0-9]+\. )?Controls: ab cd ef gh ij klmnop qrstuv wxyzA BC\.$' <<<"$t" ||
	{ echo "the controls line reads: $(grep Controls <<<"$t" | od -c | head)"; exit 1; }
