# Sourced by run.sh (uses its ok, ko, expect, copy_example, $tmp, $root,
# $UPRGEN): the output folder of `uprgen build` (gen/output.h) under
# hostile or unlucky use, issue 14.  Each part names the case it covers.
fast=${UPRGEN_FAST:-$UPRGEN}
[[ -x $fast ]] || fast=$UPRGEN

# What a reader of OUT sees: every file under the visible names, with its
# checksum (links followed), as one line.
seen() {
	(cd "$1" 2>/dev/null && find -L site md report-*.pdf -type f -exec md5sum {} + 2>/dev/null | sort | md5sum | cut -c1-32)
}
# The generations in OUT/.uprgen besides the current one.
stray() {
	local cur
	cur=$(readlink "$1/.uprgen/current" 2>/dev/null)
	{
		find "$1/.uprgen" -mindepth 1 -maxdepth 1 -name 'out-*' ! -name "$cur" 2>/dev/null
		find "$1" -mindepth 1 -maxdepth 1 -name '.uprgen-build-*' 2>/dev/null # before 0.1
	} | wc -l
}
# Waits up to 5 s for the killed build's guard to remove its staging.
no_stray() {
	local i
	for i in $(seq 50); do (($(stray "$1") == 0)) && return 0; sleep 0.1; done
	return 1
}

# --- a user's own site/, md/ or PDF is never replaced -----------------------
for what in site md report-en.pdf; do
	copy_example "$tmp/own-$what"
	o=$tmp/own-$what/build
	mkdir -p "$o"
	if [[ $what == *.pdf ]]; then echo "my own PDF" >"$o/$what"; else mkdir -p "$o/$what" && echo mine >"$o/$what/index.html"; fi
	before=$(cd "$o" && find . -exec ls -ld {} + | sort && find . -type f -exec md5sum {} + | sort)
	"$UPRGEN" build -C "$tmp/own-$what" >/dev/null 2>"$tmp/err"
	status=$?
	expect "a user's own $what: exit 1 (got $status)" "[[ $status == 1 ]]"
	expect "a user's own $what: the message says why" \
		"grep -q '$what: error: is a .* uprgen did not make' '$tmp/err'"
	after=$(cd "$o" && find . -exec ls -ld {} + | sort && find . -type f -exec md5sum {} + | sort)
	after=$(grep -v '\\.uprgen' <<<"$after")
	before=$(grep -v '\\.uprgen' <<<"$before")
	expect "a user's own $what is left as it was" '[[ $before == "$after" ]]'
done

# --- never an output folder inside content/ or templates/ ------------------
copy_example "$tmp/inside"
mkdir -p "$tmp/inside/content/md" "$tmp/inside/templates"
echo "# A chapter kept in content/md/" >"$tmp/inside/content/md/intro.md"
echo "my template" >"$tmp/inside/templates/page.md"
snap() { (cd "$tmp/inside" && find . | sort && find . -type f -exec md5sum {} + | sort); }
before=$(snap)
for out in content content/ content/md "$tmp/inside/content/./new/.." \
	templates templates/x/y; do
	(cd "$tmp/inside" && "$UPRGEN" build --out "$out" >/dev/null 2>"$tmp/err")
	status=$?
	expect "--out $out: exit 2 (got $status)" "[[ $status == 2 ]]"
	expect "--out $out: the message says why" \
		"grep -q \"is inside the project's .*/ folder\" '$tmp/err'"
done
ln -s content "$tmp/inside/alias"
(cd "$tmp/inside" && "$UPRGEN" build --out alias/x >/dev/null 2>"$tmp/err")
status=$?
expect "--out through a link into content/: exit 2 (got $status)" "[[ $status == 2 ]]"
rm "$tmp/inside/alias"
expect "content/ and templates/ are left as they were" '[[ $before == "$(snap)" ]]'

# --- build/site linked to a web root: refused, the link and root kept ------
copy_example "$tmp/webroot"
mkdir -p "$tmp/webroot/build" "$tmp/www"
echo "published" >"$tmp/www/index.html"
ln -s "$tmp/www" "$tmp/webroot/build/site"
"$UPRGEN" build -C "$tmp/webroot" >/dev/null 2>"$tmp/err"
status=$?
expect "build/site a link to a web root: exit 1 (got $status)" "[[ $status == 1 ]]"
expect "build/site a link to a web root: the message says so" \
	"grep -q 'build/site: error: is a link uprgen did not make' '$tmp/err'"
expect "the user's link is kept" "[[ \$(readlink '$tmp/webroot/build/site') == '$tmp/www' ]]"
expect "the web root is untouched" "[[ \$(ls -A '$tmp/www') == index.html ]] && grep -q published '$tmp/www/index.html'"

# --- the output is uprgen's links into one generation ------------------------
copy_example "$tmp/gen"
"$UPRGEN" build -C "$tmp/gen" >/dev/null 2>&1
o=$tmp/gen/build
expect "the visible names are links through .uprgen/current" \
	"[[ \$(readlink '$o/site') == .uprgen/current/site && \$(readlink '$o/md') == .uprgen/current/md && \$(readlink '$o/report-es.pdf') == .uprgen/current/report-es.pdf ]]"
expect "one generation, readable by a web server" \
	"[[ \$(find '$o/.uprgen' -mindepth 1 -maxdepth 1 -name 'out-*' | wc -l) == 1 && \$(stat -c %a \"\$(readlink -f '$o/site')/..\") == 755 ]]"
"$UPRGEN" build -C "$tmp/gen" >/dev/null 2>&1
expect "the previous generation is removed after the switch" \
	"[[ \$(find '$o/.uprgen' -mindepth 1 -maxdepth 1 -name 'out-*' | wc -l) == 1 ]]"

# --- --lang and --format keep the rest, at the same addresses ---------------
copy_example "$tmp/lang"
"$UPRGEN" build -C "$tmp/lang" >/dev/null 2>&1
o=$tmp/lang/build
en_pdf=$(md5sum <"$o/report-en.pdf")
sed -i 's/^state: .*/state: Langtest/' "$tmp/lang/content/report.yaml"
"$UPRGEN" build -C "$tmp/lang" --lang es >"$tmp/out" 2>"$tmp/err"
status=$?
expect "--lang es: exit 0 (got $status)" "[[ $status == 0 ]]"
expect "--lang es: the Spanish site stays in site/es/, the English in site/en/" \
	"[[ -s $o/site/es/index.html && -s $o/site/en/index.html && -s $o/site/index.html ]]"
expect "--lang es: the site is of the new content, in both languages" \
	"grep -q Langtest '$o/site/es/index.html' && grep -q Langtest '$o/site/en/index.html'"
expect "--lang es: the Spanish PDF is new" "[[ -s $o/report-es.pdf ]] && pdftotext '$o/report-es.pdf' - 2>/dev/null | grep -q Langtest"
expect "--lang es: the English PDF is kept, and the build says so" \
	"[[ \$(md5sum <'$o/report-en.pdf') == '$en_pdf' ]] && grep -q 'kept from the previous build: report-en.pdf' '$tmp/out'"
"$UPRGEN" build -C "$tmp/lang" --format pdf >"$tmp/out" 2>&1
expect "--format pdf: the site is kept, and the build says so" \
	"[[ -s $o/site/en/index.html ]] && grep -q 'kept from the previous build: site/' '$tmp/out'"

# --- SOURCE_DATE_EPOCH outside the years a PDF holds ------------------------
for v in 253402300800 253402300799000 9223372036854775807 99999999999999999999 12abc -1; do
	SOURCE_DATE_EPOCH=$v "$UPRGEN" build -C "$root" --out "$tmp/sde" >/dev/null 2>"$tmp/err"
	status=$?
	expect "SOURCE_DATE_EPOCH=$v: exit 2 (got $status)" "[[ $status == 2 ]]"
	expect "SOURCE_DATE_EPOCH=$v: a message about it, no font error" \
		"grep -q 'SOURCE_DATE_EPOCH is .*seconds since 1970' '$tmp/err' && ! grep -q font '$tmp/err'"
done
SOURCE_DATE_EPOCH=253402300799 "$UPRGEN" build -C "$root" --out "$tmp/sde" --format pdf >/dev/null 2>"$tmp/err"
status=$?
expect "SOURCE_DATE_EPOCH=253402300799 (9999-12-31): built (got $status)" "[[ $status == 0 ]]"
expect "its PDF is dated 9999-12-31" \
	"pdfinfo -isodates '$tmp/sde/report-en.pdf' 2>/dev/null | grep -q 'CreationDate: *9999-12-31T23:59:59'"

# --- messages: an empty --out, a full disk ------------------------------------
"$UPRGEN" build -C "$root" --out '' >/dev/null 2>"$tmp/err"
status=$?
expect "--out '': exit 2 (got $status)" "[[ $status == 2 ]]"
expect "--out '': a message that says what is wrong" "grep -q -- '--out needs a folder name' '$tmp/err'"
if unshare -Urm true 2>/dev/null; then
	mkdir -p "$tmp/full"
	unshare -Urm sh -c "mount -t tmpfs -o size=300k tmpfs '$tmp/full' &&
		'$UPRGEN' build -C '$root' --format pdf --out '$tmp/full/out' >/dev/null 2>'$tmp/err'
		echo \$? >'$tmp/status'"
	expect "a full disk: exit 1" "[[ \$(cat '$tmp/status') == 1 ]]"
	expect "a full disk: 'No space left on device' with the PDF's name" \
		"grep -q 'report-e[ns].pdf: error: cannot write the PDF: No space left on device' '$tmp/err' && ! grep -q libharu '$tmp/err'"
else
	ko "no user namespace to mount a small file system in (unshare -Urm)"
fi

# --- a failed switch or a read-only output keeps the old output -------------
if unshare -Urm true 2>/dev/null; then
	copy_example "$tmp/ro"
	"$UPRGEN" build -C "$tmp/ro" >/dev/null 2>&1
	o=$tmp/ro/build
	old=$(seen "$o")
	sed -i 's/^state: .*/state: Rotest/' "$tmp/ro/content/report.yaml"
	# the whole output folder read-only: nothing can be made
	unshare -Urm sh -c "mount --bind '$o' '$o' && mount -o remount,bind,ro '$o' &&
		'$UPRGEN' build -C '$tmp/ro' >/dev/null 2>'$tmp/err'; echo \$? >'$tmp/status'"
	expect "a read-only output folder: exit 1" "[[ \$(cat '$tmp/status') == 1 ]]"
	expect "a read-only output folder: an honest message" \
		"grep -q 'Read-only file system' '$tmp/err'"
	expect "a read-only output folder: the old output is whole" '[[ $(seen "$o") == "$old" ]]'
	# the previous site read-only: the new output is switched in, and
	# the build says the old one could not be removed
	gen=$o/.uprgen/$(readlink "$o/.uprgen/current")
	"$UPRGEN" build -C "$tmp/ro" --out "$tmp/ro-ref" >/dev/null 2>&1
	unshare -Urm sh -c "mount --bind '$gen/site' '$gen/site' && mount -o remount,bind,ro '$gen/site' &&
		'$UPRGEN' build -C '$tmp/ro' >/dev/null 2>'$tmp/err'; echo \$? >'$tmp/status'"
	expect "a read-only previous site: built (exit \$(cat '$tmp/status'))" "[[ \$(cat '$tmp/status') == 0 ]]"
	expect "a read-only previous site: the build says it is left" \
		"grep -q 'warning: the new output is in place, but the previous one could not be removed' '$tmp/err'"
	expect "a read-only previous site: the output is the new one, whole" '[[ $(seen "$o") == "$(seen "$tmp/ro-ref")" ]]'
	"$UPRGEN" build -C "$tmp/ro" >/dev/null 2>&1
	expect "the next build removes what was left" '[[ $(stray "$o") == 0 ]]'
else
	ko "no user namespace for the read-only cases (unshare -Urm)"
fi

# --- property: two builds at once, many times: the output always whole -----
copy_example "$tmp/two"
"$fast" build -C "$tmp/two" --out "$tmp/two-ref" >/dev/null 2>&1
ref=$(seen "$tmp/two-ref")
ref_files=$(find -L "$tmp/two-ref/site" -type f | wc -l)
bad=0
waited=0
for i in $(seq 12); do
	rm -rf "$tmp/two/build"
	"$fast" build -C "$tmp/two" >"$tmp/o1" 2>"$tmp/e1" &
	p1=$!
	"$fast" build -C "$tmp/two" >"$tmp/o2" 2>"$tmp/e2" &
	p2=$!
	wait $p1
	s1=$?
	wait $p2
	s2=$?
	grep -q 'another build is writing to' "$tmp/e1" "$tmp/e2" && waited=$((waited + 1))
	n=$(find -L "$tmp/two/build/site" -type f | wc -l)
	if [[ $s1 != 0 || $s2 != 0 || $(seen "$tmp/two/build") != "$ref" || $n != "$ref_files" ]]; then
		bad=$((bad + 1))
		echo "  round $i: exits $s1 $s2, $n of $ref_files files"
		sed 's/^/    first: /' "$tmp/e1" | head -n 5
		sed 's/^/    second: /' "$tmp/e2" | head -n 5
	fi
done
expect "two builds at once: both built, the output whole every time ($bad bad of 12)" "[[ $bad == 0 ]]"
expect "two builds at once: the second waited for the first, and said so ($waited of 12)" "((waited > 0))"

# --- property: random kills: the old output or the new, whole ----------------
# A medium project (250 recommendations) built again and again with two
# contents in turn, each build killed at a random moment: after each, a
# reader sees exactly one of the two outputs, and the guard removes the
# killed build's staging.
if [[ -x $root/build/gencorpus ]] || cc -O2 -o "$tmp/gencorpus" "$root/tests/bench/gencorpus.c" -lm 2>/dev/null; then
	gc=$tmp/gencorpus
	[[ -x $gc ]] || gc=$root/build/gencorpus
	"$gc" 250 "$tmp/kill" >/dev/null
	k=$tmp/kill
	title=$(grep -m1 '^state:' "$k/content/report.yaml")
	flip() { sed -i "s/^state: .*/$1/" "$k/content/report.yaml"; }
	flip "state: Killtest"
	"$fast" build -C "$k" --out "$tmp/kill-b" >/dev/null 2>&1
	flip "$title"
	"$fast" build -C "$k" --out "$tmp/kill-a" >/dev/null 2>&1
	A=$(seen "$tmp/kill-a")
	B=$(seen "$tmp/kill-b")
	"$fast" build -C "$k" >/dev/null 2>&1
	start=$EPOCHREALTIME
	flip "state: Killtest"
	"$fast" build -C "$k" >/dev/null 2>&1
	span=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%d", (b - a) * 1000 }')
	flip "$title"
	"$fast" build -C "$k" >/dev/null 2>&1
	shown=$A
	mixed=0
	left=0
	both=0
	rounds=40
	for i in $(seq $rounds); do
		if ((i % 2)); then flip "state: Killtest"; want=$B; else flip "$title"; want=$A; fi
		"$fast" build -C "$k" >/dev/null 2>&1 &
		pid=$!
		# half the kills anywhere, half near the end, where the output
		# is put in place
		sleep "$(awk -v r=$RANDOM -v i=$i -v s="$span" 'BEGIN { f = int(i / 2) % 2 ? r / 32768 * 1.2 : 0.8 + r / 32768 * 0.3; printf "%.3f", f * s / 1000 }')"
		sig=KILL
		((i % 10 == 5)) && sig=INT
		((i % 10 == 8)) && sig=TERM
		kill -s $sig $pid 2>/dev/null
		wait $pid 2>/dev/null
		status=$?
		now=$(seen "$k/build")
		if [[ $now != "$shown" && $now != "$want" ]]; then
			mixed=$((mixed + 1))
			echo "  round $i ($sig): neither the old output nor the new"
		fi
		[[ $now == "$want" ]] && both=$((both + 1))
		# a kill after the switch shows the new output with a non-zero
		# exit; success with anything but the new output is a lie
		if [[ $now != "$want" && $status == 0 ]]; then
			mixed=$((mixed + 1))
			echo "  round $i ($sig): exit $status does not tell what is shown"
		fi
		no_stray "$k/build" || { left=$((left + 1)); echo "  round $i ($sig): the staging folder was left"; }
		shown=$now
	done
	# and killed the moment the first part of the new output shows (the
	# Markdown): the rest must show with it
	for i in $(seq 10); do
		if ((i % 2)); then flip "state: Killtest"; want=$B; else flip "$title"; want=$A; fi
		old_md=$(md5sum <"$k/build/md/report-en.md")
		"$fast" build -C "$k" >/dev/null 2>&1 &
		pid=$!
		while kill -0 $pid 2>/dev/null && [[ $(md5sum <"$k/build/md/report-en.md" 2>/dev/null) == "$old_md" ]]; do :; done
		kill -s KILL $pid 2>/dev/null
		wait $pid 2>/dev/null
		now=$(seen "$k/build")
		if [[ $now != "$shown" && $now != "$want" ]]; then
			mixed=$((mixed + 1))
			echo "  round $i (at the switch): neither the old output nor the new"
		fi
		shown=$now
		rounds=$((rounds + 1))
	done
	expect "killed builds: the old output or the new, whole, every time ($mixed bad of $rounds; $both new)" "[[ $mixed == 0 ]]"
	expect "killed builds: no staging folder left behind ($left of $rounds)" "[[ $left == 0 ]]"
	expect "killed builds: the kills fell before and after the switch" "((both > 0 && both < rounds))"
else
	ko "cannot compile tests/bench/gencorpus.c for the kill test"
fi
