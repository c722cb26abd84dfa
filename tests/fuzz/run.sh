#!/usr/bin/env bash
# The fuzz targets of uprgen (tests/fuzz/fuzz_*.c), in two modes.
#
#   bash tests/fuzz/run.sh            replay (what `make test` runs): builds
#       every target with replay_main.c under AddressSanitizer and
#       UndefinedBehaviorSanitizer (clang when installed, else $CC) and runs
#       each file of tests/fuzz/corpus/TARGET/ and tests/fuzz/crashes/TARGET/
#       through it, in a child process with a time limit; prints
#       "fuzz replay: N passed, N failed".  Every crash ever found stays in
#       crashes/ as a regression test.
#   bash tests/fuzz/run.sh fuzz [TARGET...]   (`make fuzz`) builds the targets
#       with libFuzzer (clang -fsanitize=fuzzer,address,undefined) and runs
#       each in turn for FUZZ_SECONDS (default 600), one process at a time,
#       from seeds made by seeds.py (the example content, the templates, the
#       test fixtures, the Mustache and CommonMark specifications) and the
#       saved corpus.  Then the corpus is minimized (-merge=1) back into
#       tests/fuzz/corpus/TARGET/ (at most FUZZ_KEEP files, default 200);
#       crashes, leaks and timeouts go to tests/fuzz/crashes/TARGET/.  The
#       last lines of each run (exec/s, cov:, ft:) are in
#       build/fuzz/TARGET.log.
#
# Objects are built once into build/fuzz/ and rebuilt when a source
# changes.  Settings: FUZZ_SECONDS, FUZZ_KEEP, FUZZ_TIMEOUT (seconds an
# input may take, default 10), FUZZ_CC (the replay's compiler), SHARED.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/fuzz
cd "$root"
mode=${1:-replay}
[[ $# -gt 0 ]] && shift
: "${SHARED:=$(cd "$root/.." && pwd)/shared}"
FUZZ_SECONDS=${FUZZ_SECONDS:-600}
FUZZ_KEEP=${FUZZ_KEEP:-200}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}
# libhyphen's own leak of the French patterns (see lsan.supp).
export LSAN_OPTIONS=suppressions=$here/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}
targets=()
for f in "$here"/fuzz_*.c; do targets+=("$(basename "$f" .c)"); done
[[ $# -gt 0 ]] && targets=("$@")

if [[ -n ${FUZZ_CC:-} ]]; then
	cc=$FUZZ_CC
elif command -v clang >/dev/null; then
	cc=clang
else
	cc=${CC:-cc}
fi
if [[ $mode == fuzz ]]; then
	cc=clang
	san=(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all)
	link=(-fsanitize=fuzzer,address,undefined)
	out=build/fuzz/libfuzzer
else
	san=(-fsanitize=address,undefined -fno-sanitize-recover=all)
	link=("${san[@]}")
	out=build/fuzz/replay-$cc
fi
flags=(-std=c17 -g -O1 -fno-omit-frame-pointer -Wall -Wextra
	-D_POSIX_C_SOURCE=200809L -DUPRGEN_VERSION='"fuzz"'
	-DUPRGEN_DATADIR='"/nonexistent"' "-DFUZZ_ROOT=\"$root\"" -Igen)
# the libraries the Makefile links uprgen and its object with (its LDLIBS
# and FORMATS_LDLIBS := and += lines): the targets link every module
read -r -a libs <<<"$(sed -n 's/^\(FORMATS_\)\{0,1\}LDLIBS *[:+]*= *//p' Makefile | tr '\n' ' ')"
((${#libs[@]})) || libs=(-lyaml -lcmark-gfm-extensions -lcmark-gfm -lhpdf -lhyphen -lz -lm)
mkdir -p "$out/obj"

# The newest header of gen/ and tests/fuzz/: an object older than it is
# rebuilt.
newest_h=$(ls -t gen/*.h "$here"/*.h | head -n 1)

build() {
	local objs=() c o
	for c in gen/*.c; do
		[[ $c == gen/main.c ]] && continue
		o=$out/obj/$(basename "$c" .c).o
		if [[ ! -f $o || $c -nt $o || $newest_h -nt $o ]]; then
			"$cc" "${flags[@]}" "${san[@]}" -c "$c" -o "$o" || return 1
		fi
		objs+=("$o")
	done
	local t extra=()
	[[ $mode != fuzz ]] && extra=("$here/replay_main.c")
	for t in "${targets[@]}"; do
		local bin=$out/$t
		local stale=0
		[[ ! -x $bin || $here/$t.c -nt $bin || $newest_h -nt $bin ||
			$here/replay_main.c -nt $bin ]] && stale=1
		for o in "${objs[@]}"; do [[ $o -nt $bin ]] && stale=1; done
		if ((stale)); then
			"$cc" "${flags[@]}" "${link[@]}" "$here/$t.c" "${extra[@]}" \
				"${objs[@]}" -o "$bin" "${libs[@]}" || return 1
		fi
	done
}

built=0
build >"$out/build.log" 2>&1 && built=1
if ((!built)) && [[ $mode != fuzz && $cc != "${CC:-cc}" ]]; then
	# clang without its sanitizer runtimes: the project's compiler then
	echo "the replay does not build with $cc; trying ${CC:-cc} (see $out/build.log)"
	cc=${CC:-cc}
	out=build/fuzz/replay-$cc
	mkdir -p "$out/obj"
	build >"$out/build.log" 2>&1 && built=1
fi
if ((!built)); then
	cat "$out/build.log"
	echo "fuzz $mode: 0 passed, 1 failed (the targets do not build)"
	exit 1
fi

# ------------------------------------------------------------------ replay
if [[ $mode != fuzz ]]; then
	pass=0
	fail=0
	for t in "${targets[@]}"; do
		files=()
		for d in "$here/corpus/$t" "$here/crashes/$t"; do
			[[ -d $d ]] || continue
			while IFS= read -r -d '' f; do files+=("$f"); done \
				< <(find "$d" -type f ! -name '.*' -print0 | sort -z)
		done
		((${#files[@]})) || continue
		log=$out/$t.replay.log
		UPRGEN_ROOT=$root "$out/$t" -t "$FUZZ_TIMEOUT" "$t" "${files[@]}" >"$log" 2>&1
		line=$(tail -n 1 "$log")
		p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+')
		f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+')
		if [[ -z $p || -z $f ]]; then
			echo "$t: the replay stopped:"
			tail -n 30 "$log"
			fail=$((fail + 1))
			continue
		fi
		echo "$line"
		((f > 0)) && grep -A 30 '^FAIL' "$log" | head -n 60
		pass=$((pass + p))
		fail=$((fail + f))
	done
	echo "fuzz replay: $pass passed, $fail failed"
	((fail == 0))
	exit
fi

# -------------------------------------------------------------------- fuzz
seeds=build/fuzz/seeds
rm -rf "$seeds"
python3 "$here/seeds.py" "$seeds" "$root" "$SHARED" || exit 1
status=0
for t in "${targets[@]}"; do
	corpus=$here/corpus/$t
	crashes=$here/crashes/$t
	work=build/fuzz/work/$t
	mkdir -p "$corpus" "$crashes" "$work" "$seeds/$t"
	log=build/fuzz/$t.log
	echo "== $t: fuzzing for ${FUZZ_SECONDS}s (log: $log)"
	UPRGEN_ROOT=$root ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
		"$out/$t" -max_total_time="$FUZZ_SECONDS" -timeout="$FUZZ_TIMEOUT" \
		-rss_limit_mb=2048 -max_len=65536 -close_fd_mask=3 \
		-print_final_stats=1 -artifact_prefix="$crashes/" \
		"$work" "$corpus" "$seeds/$t" >"$log" 2>&1
	st=$?
	grep -E '^#[0-9]+ +DONE|^stat::|^==[0-9]+==ERROR|^SUMMARY|Test unit written' "$log" | tail -n 12
	if ((st != 0)); then
		echo "$t: the fuzzer stopped (exit $st); see $log"
		status=1
	fi
	# Minimize: the inputs that keep the coverage, into a fresh folder.
	merged=build/fuzz/merged/$t
	rm -rf "$merged"
	mkdir -p "$merged"
	UPRGEN_ROOT=$root "$out/$t" -merge=1 -timeout="$FUZZ_TIMEOUT" \
		-rss_limit_mb=2048 -max_len=65536 -close_fd_mask=3 \
		"$merged" "$corpus" "$work" "$seeds/$t" >"build/fuzz/$t.merge.log" 2>&1
	n=$(find "$merged" -type f | wc -l)
	if ((n > 0)); then
		# Keep the smallest FUZZ_KEEP files (small inputs replay fast
		# and cover most); the rest stay in build/fuzz/work/.
		rm -f "$corpus"/*
		find "$merged" -type f -printf '%s %p\n' | sort -n | head -n "$FUZZ_KEEP" |
			while read -r _ f; do cp "$f" "$corpus/"; done
	fi
	echo "$t: corpus $(find "$corpus" -type f | wc -l) files," \
		"$(du -sk "$corpus" | cut -f1) KB; crashes: $(find "$crashes" -type f | wc -l)"
done
exit $status
