# Read line by line (pdftotext -raw): a soft hyphen mid-line is not drawn;
# lines break at soft hyphens, each such line ending in a hyphen; the
# controls leave no character behind.
t=$(pdftotext -q -raw "$2/report-en.pdf" -)
grep -q '^The international word\.$' <<<"$t" ||
	{ echo "the soft-hyphen word reads: $(grep 'The in' <<<"$t")"; exit 1; }
para=$(sed -n '/^Start /,/ end\.$/p' <<<"$t" | grep -v '^[0-9]*\.$')
ends=$(grep -c -- '-$' <<<"$para")
((ends >= 3)) || { echo "only $ends lines end at a soft hyphen: $para"; exit 1; }
words=$(sed -z 's/-\n//g; s/\n/ /g' <<<"$para" | tr ' ' '\n' | sort | uniq -c |
	awk '{ printf "%s:%s ", $2, $1 }')
[[ $words == "Start:1 Zertifikationsverfahren:40 end.:1 " ]] ||
	{ echo "the words set: $words"; exit 1; }
grep -q '^Controls: ab cd ef gh ij klmnop qrstuv wxyzA BC\.$' <<<"$t" ||
	{ echo "the controls line reads: $(grep Controls <<<"$t" | od -c | head)"; exit 1; }
