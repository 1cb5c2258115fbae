#!/bin/sh
# SPDX-License-Identifier: MIT
# End-to-end tests of the bpfverify command line: every output format and
# option on the testdata objects, the SARIF output against the SARIF 2.1.0
# schema, gating (baseline, suppressions, --fail-on, exit codes), stats and
# compare, rules and explain, and the examples/ walkthrough.
# Usage: sh tests/cli_test.sh BPFVERIFY     (run from the repository root)
# Prints "N passed, N failed[, N skipped]"; exits non-zero on any failure.
set -u
BV=${1:-./bpfverify}
case "$BV" in /*) ;; *) BV="$(pwd)/$BV" ;; esac
pass=0
fail=0
skip=0
# sanitizer reports must not be mistaken for verdict exit codes
export ASAN_OPTIONS="exitcode=86:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:exitcode=87:print_stacktrace=1"
unset NO_COLOR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	echo "FAIL: $*"
}
skipped() {
	skip=$((skip + 1))
	echo "SKIP: $*"
}

# run CMD...: output in $tmp/out and $tmp/err, exit status in $rc; a sanitizer report fails
run() {
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if grep -q -e 'Sanitizer' -e 'runtime error' "$tmp/err"; then
		bad "sanitizer report from: $*"
		head -20 "$tmp/err"
	fi
}

# expect CODE DESCRIPTION -- CMD...
expect() {
	want=$1
	what=$2
	shift 2
	run "$@"
	if [ "$rc" -eq "$want" ]; then ok; else
		bad "$what: exit $rc, want $want"
		sed 's/^/    /' "$tmp/err" | head -5
	fi
}

# check DESCRIPTION -- shell test: counts one pass or failure
check() {
	what=$1
	shift
	if "$@"; then ok; else bad "$what"; fi
}

has() { grep -q -e "$1" "$2"; }

T=testdata
REJ=$T/xdp_parse_ipv4_offbyone.o # one program, P5.2, with line info
ACC=$T/xdp_pass_ok.o
INC=$T/asm_call_unknown_helper.o # P10.1, inconclusive
MAL=$T/asm_jump_out_of_range.o   # malformed program
for f in $REJ $ACC $INC $MAL; do
	if [ ! -f "$f" ]; then
		echo "cli_test: $f is missing (run make testdata)"
		echo "0 passed, 1 failed"
		exit 1
	fi
done
HAVE_PY=no
command -v python3 >/dev/null 2>&1 && HAVE_PY=yes
HAVE_CLANG=no
command -v clang >/dev/null 2>&1 && HAVE_CLANG=yes
BPF_CFLAGS="-O2 -g -target bpf -D__TARGET_ARCH_x86 -I/usr/include/$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu) -Itestdata/include"

json_ok() {
	if [ "$HAVE_PY" = yes ]; then python3 -m json.tool "$1" >/dev/null 2>&1; else
		head -c 1 "$1" | grep -q '{'
	fi
}

# ---- 1. exit codes and worst-wins --------------------------------------------------------
expect 0 "accept exits 0" "$BV" check $ACC
expect 1 "reject exits 1" "$BV" check $REJ
expect 4 "inconclusive exits 4" "$BV" check $INC
expect 3 "malformed program exits 3" "$BV" check $MAL
expect 1 "reject beats inconclusive" "$BV" check $INC $REJ $ACC
expect 3 "malformed beats reject" "$BV" check $REJ $MAL
expect 4 "inconclusive beats accept" "$BV" check $ACC $INC
expect 0 "default command is check" "$BV" $ACC
expect 0 "--exit-zero on reject" "$BV" check --exit-zero $REJ $INC
expect 3 "--exit-zero keeps input errors" "$BV" check --exit-zero $MAL
expect 0 "--fail-on error: inconclusive passes" "$BV" check --fail-on error $INC
expect 1 "--fail-on error: reject fails" "$BV" check --fail-on error $REJ $INC
expect 4 "--fail-on inconclusive is the default" "$BV" check --fail-on inconclusive $INC
for bad_opt in "--format nope" "-o nope=x" "-o sarif=" "--color=sometimes" "--fail-on maybe" \
	"-j 0" "--path-map nothing" "--suppress NOSUCHRULE" "--max-insns -1"; do
	# shellcheck disable=SC2086
	expect 2 "usage error: $bad_opt" "$BV" check $bad_opt $ACC
done
expect 2 "stats rejects gcc" "$BV" stats --format gcc $ACC
expect 0 "--help" "$BV" --help
check "--help lists --format sarif" has "sarif" "$tmp/out"

# ---- 2. text format -----------------------------------------------------------------------
run "$BV" check $REJ
check "text: first line is FILE:SECTION/FUNCTION: verdict" \
	sh -c "head -1 '$tmp/out' | grep -qx '$REJ:xdp/xdp_block_dst: reject'"
check "text: root cause in compiler form" \
	sh -c "sed -n 2p '$tmp/out' | grep -Eq '^testdata/xdp_parse_ipv4_offbyone.c:[0-9]+:[0-9]+: error: .* \\[P5.2 pkt-oob\\]$'"
check "text: source line echoed" sh -c "sed -n 3p '$tmp/out' | grep -Eq '^ +[0-9]+ \\| .*iph->daddr'"
# the source line starts with a tab: the caret line keeps it so the caret lines up
check "text: caret line" sh -c "sed -n 4p '$tmp/out' | grep -q '^      | 	 *^$'"
check "text: instruction note" has "note: insn [0-9]*: r1 = \*(u32 \*)(r1 + 30)" "$tmp/out"
check "text: hint with explain pointer" has "hint: compare data + N against data_end.*bpfverify explain P5.2" "$tmp/out"
check "text: no state without -v" sh -c "! grep -q 'state:' '$tmp/out'"
check "text: paths relative to the cwd" sh -c "! grep -q '$(pwd)' '$tmp/out'"
run "$BV" check -v $REJ
check "-v prints the state" has "note: state: .*R1=pkt" "$tmp/out"
run "$BV" check $ACC $REJ $INC
check "text: summary line" has "^3 programs: 1 accepted, 1 rejected, 1 inconclusive, 0 errors$" "$tmp/out"
check "text: inconclusive finding is a warning" has "warning: call to unknown helper 9999 \[P10.1 unsupported\]" "$tmp/out"

# every rejected testdata program: the line after the verdict names file:line:col
run "$BV" check --format tsv $T/*.o
awk -F'\t' '$4 == "reject" { print $1 }' "$tmp/out" | sort -u >"$tmp/rejected"
n_rej=0
n_rej_bad=0
while read -r obj; do
	"$BV" check "$obj" >"$tmp/t.out" 2>/dev/null
	if ! awk '
		/: reject$/ { want = 1; next }
		want == 1 { want = 0; if ($0 !~ /^[^ :]+:[0-9]+:[0-9]+: error: .*\[P[0-9.]+ [a-z0-9-]+\]$/) bad = 1 }
		END { exit bad }' "$tmp/t.out"; then
		n_rej_bad=$((n_rej_bad + 1))
		echo "    $obj:"
		head -3 "$tmp/t.out" | sed 's/^/      /'
	fi
	n_rej=$((n_rej + 1))
done <"$tmp/rejected"
check "text: every rejected program ($n_rej objects) names file:line:col first" [ "$n_rej" -gt 10 -a "$n_rej_bad" -eq 0 ]

# colour
run "$BV" check --color=always $REJ
check "--color=always colours" sh -c "grep -q \"$(printf '\033')\\[\" '$tmp/out'"
run "$BV" check --color=never $REJ
check "--color=never plain" sh -c "! grep -q \"$(printf '\033')\" '$tmp/out'"
run "$BV" check $REJ
check "no colour into a pipe" sh -c "! grep -q \"$(printf '\033')\" '$tmp/out'"

# without line info: obj:section/func+pc and one note about -g
if [ "$HAVE_CLANG" = yes ]; then
	# shellcheck disable=SC2086
	clang $(echo "$BPF_CFLAGS" | sed 's/ -g / /') -c $T/xdp_parse_ipv4_offbyone.c -o "$tmp/nog.o" 2>/dev/null
	cp "$tmp/nog.o" "$tmp/nog2.o"
	run "$BV" check "$tmp/nog.o" "$tmp/nog2.o"
	check "no line info: object location with pc" has "^$tmp/nog.o:xdp/xdp_block_dst+[0-9]*: error: " "$tmp/out"
	check "no line info: one -g note per object" [ "$(grep -c 'compile with -g' "$tmp/out")" -eq 2 ]
	run "$BV" check --format gcc "$tmp/nog.o"
	check "gcc without line info" has "^$tmp/nog.o: error: xdp/xdp_block_dst+[0-9]*: .*\[P5.2 pkt-oob\]$" "$tmp/out"
else
	skipped "no clang: objects without line info"
fi

# ---- 3. machine formats -------------------------------------------------------------------
run "$BV" check --format tsv $REJ $ACC $MAL
check "tsv: 7 columns" sh -c "awk -F'\t' 'NF != 7 { exit 1 }' '$tmp/out'"
check "tsv: reject line" sh -c "grep -q \"^$REJ	xdp	xdp_block_dst	reject	P5.2	[0-9]*	packet read\" '$tmp/out'"
check "tsv: accept line" sh -c "grep -qx \"$ACC	xdp	xdp_pass	accept			\" '$tmp/out'"
check "tsv: malformed line" has "	error			malformed program$" "$tmp/out"

run "$BV" check --format gcc $REJ $ACC $INC
check "gcc: only finding lines" sh -c "[ \$(wc -l <'$tmp/out') -eq 2 ] && awk '!/^[^ :]+:[0-9]+:[0-9]+: (error|warning): .* \\[P[0-9.]+ [a-z0-9-]+\\]$/ { exit 1 }' '$tmp/out'"

run "$BV" check --format github $REJ $INC $MAL
check "github: error annotation" has "^::error file=testdata/xdp_parse_ipv4_offbyone.c,line=[0-9]*,col=[0-9]*,title=P5.2 pkt-oob::packet read" "$tmp/out"
check "github: inconclusive is a warning" has "^::warning file=testdata/asm_call_unknown_helper.c,line=9,col=2,title=P10.1 unsupported::" "$tmp/out"
check "github: malformed input annotated" has "^::error file=testdata/asm_jump_out_of_range.o,title=bpfverify::socket/jump_out_of_range+1: jump target" "$tmp/out"

run "$BV" check --format csv $REJ $ACC
check "csv: header" has "^file,section,function,type,verdict,insns,insns_processed,states,duration_us,peak_bytes,rule,rule_name,pc,source_file,line,column,message,suppressed$" "$tmp/out"
check "csv: one row per program" [ "$(wc -l <"$tmp/out")" -eq 3 ]
check "csv: finding columns" has ",reject,.*,P5.2,pkt-oob,[0-9]*,testdata/xdp_parse_ipv4_offbyone.c,[0-9]*,[0-9]*,packet read" "$tmp/out"

run "$BV" check --format json $REJ $ACC $MAL
cp "$tmp/out" "$tmp/j.json"
check "json: parses" json_ok "$tmp/j.json"
check "json: version 1" has '^{"version":1,' "$tmp/j.json"
check "json: exit code recorded" has '"exit_code":3}' "$tmp/j.json"
check "json: finding with source" has '"rule":"P5.2","name":"pkt-oob","severity":"error","pc":[0-9]*,.*"file":"testdata/xdp_parse_ipv4_offbyone.c","line":[0-9]*,"column":[0-9]*' "$tmp/j.json"
check "json: diagnostics" has '"severity":"error","file":"testdata/asm_jump_out_of_range.o"' "$tmp/j.json"
if [ "$HAVE_PY" = yes ]; then
	check "json: structure" python3 -c "
import json, sys
d = json.load(open('$tmp/j.json'))
assert d['version'] == 1 and d['summary']['programs'] == 3, d['summary']
p = {x['function']: x for x in d['programs']}
assert p['xdp_block_dst']['verdict'] == 'reject'
f = p['xdp_block_dst']['findings'][0]
assert f == p['xdp_block_dst']['finding'] and len(f['fingerprint']) == 16
assert p['xdp_pass']['findings'] == [] and 'finding' not in p['xdp_pass']
assert p['jump_out_of_range']['verdict'] == 'error'
"
fi

# SARIF against the 2.1.0 schema
run "$BV" check --format sarif $T/*.o
cp "$tmp/out" "$tmp/all.sarif"
check "sarif: exit status of the whole corpus is 3 (one malformed object)" [ "$rc" -eq 3 ]
if [ "$HAVE_PY" = yes ]; then
	if python3 tests/sarif/validate.py "$tmp/all.sarif" >"$tmp/v" 2>&1; then ok; else
		bad "sarif: schema validation"
		head -20 "$tmp/v"
	fi
	check "sarif: details" python3 -c "
import json
d = json.load(open('$tmp/all.sarif'))
run = d['runs'][0]
rules = run['tool']['driver']['rules']
assert d['version'] == '2.1.0' and len(rules) >= 25
r = [x for x in run['results'] if x['ruleId'] == 'P5.2'][0]
loc = r['locations'][0]['physicalLocation']
assert loc['artifactLocation']['uriBaseId'] == '%SRCROOT%', loc
assert not loc['artifactLocation']['uri'].startswith('/'), loc
assert loc['region']['startLine'] > 0 and loc['region']['startColumn'] > 0
assert r['relatedLocations'][0]['message']['text'].startswith('insn ')
assert r['codeFlows'][0]['threadFlows'][0]['locations']
assert r['partialFingerprints']['bpfverifyFinding/v1']
inv = run['invocations'][0]
assert inv['exitCode'] == 3 and inv['toolExecutionNotifications']
for x in rules:
    assert x['defaultConfiguration']['level'] in ('error', 'warning')
"
	# a broken document must fail the validator (the validator itself works)
	sed 's/"version":"2.1.0"/"version":"2.0.0"/' "$tmp/all.sarif" >"$tmp/broken.sarif"
	check "sarif: validator rejects a bad document" sh -c "! python3 tests/sarif/validate.py '$tmp/broken.sarif' >/dev/null 2>&1"
	python3 - "$tmp/all.sarif" >"$tmp/mini" 2>&1 <<'EOF'
import json, sys
sys.path.insert(0, "tests/sarif")
import validate
s = json.load(open(validate.SCHEMA))
d = json.load(open(sys.argv[1]))
errs = list(validate.MiniValidator(s).errors(d, s))
d["runs"][0]["results"][0]["level"] = "fatal"
bad = list(validate.MiniValidator(s).errors(d, s))
sys.exit(0 if not errs and bad else 1)
EOF
	check "sarif: built-in validator agrees" [ $? -eq 0 ]
else
	skipped "no python3: SARIF schema validation (structural checks only)"
	check "sarif: structural" sh -c "grep -q '\"version\":\"2.1.0\"' '$tmp/all.sarif' && grep -q '\"ruleId\":\"P5.2\"' '$tmp/all.sarif' && grep -q '\"startLine\":' '$tmp/all.sarif'"
fi
# without line info the object file is the location, with a start line
if [ -f "$tmp/nog.o" ]; then
	run "$BV" check --format sarif "$tmp/nog.o"
	check "sarif: object location without line info" has '"artifactLocation":{"uri":"file://.*nog.o"},"region":{"startLine":1}' "$tmp/out"
fi

# --path-map
run "$BV" check --format gcc --path-map testdata=src/bpf $REJ
check "--path-map rewrites the prefix" has "^src/bpf/xdp_parse_ipv4_offbyone.c:[0-9]*:[0-9]*: " "$tmp/out"
run "$BV" check --format gcc --path-map "$(pwd)/testdata/=" $REJ
check "--path-map to empty" has "^xdp_parse_ipv4_offbyone.c:[0-9]*:[0-9]*: " "$tmp/out"
run "$BV" check --format gcc --path-map testdatax=zz $REJ
check "--path-map matches whole components" has "^testdata/xdp_parse_ipv4_offbyone.c:" "$tmp/out"

# -o: several formats from one run
expect 1 "-o several outputs" "$BV" check -o sarif="$tmp/o.sarif" -o json="$tmp/o.json" -o gcc=- $REJ $ACC
check "-o: stdout gets only the -o - format" sh -c "[ \$(wc -l <'$tmp/out') -eq 1 ] && grep -q ': error: ' '$tmp/out'"
check "-o: sarif file written" has '"ruleId":"P5.2"' "$tmp/o.sarif"
check "-o: json file written" json_ok "$tmp/o.json"
expect 1 "-o with --format keeps stdout" "$BV" check --format tsv -o text="$tmp/o.txt" $REJ
check "-o: text file" has "^$REJ:xdp/xdp_block_dst: reject$" "$tmp/o.txt"
check "-o: stdout has tsv" has "	reject	P5.2	" "$tmp/out"
expect 2 "-o to an unwritable path" "$BV" check -o json=/nonexistent/dir/x.json $REJ

# ---- 4. selection, type, parallelism ------------------------------------------------------
run "$BV" check --format tsv -p xdp_block_dst $REJ $ACC
check "-p selects" sh -c "[ \$(wc -l <'$tmp/out') -eq 1 ] && grep -q xdp_block_dst '$tmp/out'"
run "$BV" check --format tsv -p 'xdp*' -p '!xdp_pass' $REJ $ACC
check "-p !GLOB excludes" sh -c "[ \$(wc -l <'$tmp/out') -eq 1 ] && grep -q xdp_block_dst '$tmp/out'"
expect 3 "no program matched -p" "$BV" check -p nosuchprog $REJ
run "$BV" check --format tsv --type sched_cls $ACC
check "--type overrides" has "accept" "$tmp/out"
run "$BV" check --format tsv -j 1 $T/*.o
cp "$tmp/out" "$tmp/j1"
run "$BV" check --format tsv -j 3 $T/*.o
check "-j 3: same output as -j 1" cmp -s "$tmp/j1" "$tmp/out"
run "$BV" check --format sarif -j 2 $T/*.o
check "-j 2: sarif identical" cmp -s "$tmp/all.sarif" "$tmp/out"

# ---- 5. baseline and suppressions ---------------------------------------------------------
expect 0 "--write-baseline exits 0" "$BV" check --write-baseline "$tmp/base.txt" $REJ $ACC
check "baseline: key line" has "^$REJ	xdp	xdp_block_dst	P5.2	packet read" "$tmp/base.txt"
expect 0 "--baseline: known finding passes" "$BV" check --baseline "$tmp/base.txt" $REJ
check "baseline: text says suppressed" has "note: known finding \[P5.2 pkt-oob\] suppressed by baseline" "$tmp/out"
check "baseline: verdict line unchanged" has "^$REJ:xdp/xdp_block_dst: reject$" "$tmp/out"
expect 1 "--baseline: new finding fails" "$BV" check --baseline "$tmp/base.txt" $REJ $T/xdp_swap_mac_offbyone.o
run "$BV" check --format gcc --baseline "$tmp/base.txt" $REJ
check "baseline: gcc omits known findings" [ ! -s "$tmp/out" ]
run "$BV" check --format sarif --baseline "$tmp/base.txt" $REJ $T/xdp_swap_mac_offbyone.o
check "baseline: sarif suppressions and baselineState" sh -c "grep -q '\"suppressions\":\\[{\"kind\":\"external\"' '$tmp/out' && grep -q '\"baselineState\":\"new\"' '$tmp/out' && grep -q '\"baselineState\":\"unchanged\"' '$tmp/out'"
printf 'x.o\tonly-three\tfields\n' >"$tmp/badbase.txt"
expect 3 "malformed baseline" "$BV" check --baseline "$tmp/badbase.txt" $REJ
expect 3 "missing baseline" "$BV" check --baseline "$tmp/nonexistent" $REJ
# the key does not contain the pc: a baseline still matches after the code moves
sed 's/	P5.2	.*/	pkt-oob/' "$tmp/base.txt" >"$tmp/base2.txt"
expect 0 "baseline by rule name" "$BV" check --baseline "$tmp/base2.txt" $REJ
expect 0 "--suppress RULE" "$BV" check --suppress P5.2 $REJ
expect 0 "--suppress NAME@GLOB (object)" "$BV" check --suppress 'pkt-oob@*offbyone.o' $REJ
expect 0 "--suppress @GLOB (source file)" "$BV" check --suppress 'P5.2@testdata/*.c' $REJ
expect 1 "--suppress non-matching glob" "$BV" check --suppress 'P5.2@other*' $REJ
expect 1 "--suppress other rule" "$BV" check --suppress P5.4 $REJ
expect 0 "--suppress inconclusive rule" "$BV" check --suppress P10.1 $INC
expect 0 "--suppress '*'" "$BV" check --suppress '*' $REJ $INC

# ---- 6. rules and explain -----------------------------------------------------------------
expect 0 "rules" "$BV" rules
check "rules: P5.2 listed" has "^P5.2   pkt-oob" "$tmp/out"
check "rules: at least 25" [ "$(wc -l <"$tmp/out")" -ge 25 ]
# every rule id the library can emit is documented (ids from verifier/fix.c)
if [ -f verifier/fix.c ]; then
	missing=""
	for id in $(sed -n 's/.*= { "\(P[0-9.]*\)", "\([a-z0-9-]*\)" }.*/\1/p' verifier/fix.c | sort -u); do
		grep -q "^$id " "$tmp/out" || missing="$missing $id"
	done
	check "rules: every library rule id documented (missing:$missing)" [ -z "$missing" ]
fi
expect 0 "rules --format json" "$BV" rules --format json
cp "$tmp/out" "$tmp/rules.json"
check "rules json parses" json_ok "$tmp/rules.json"
expect 0 "explain P5.2" "$BV" explain P5.2
cp "$tmp/out" "$tmp/ex1"
check "explain: kernel message" has "invalid access to packet, off=%d size=%d" "$tmp/ex1"
check "explain: example and fix" sh -c "grep -q '^Example:' '$tmp/ex1' && grep -q '^Usual fix:' '$tmp/ex1' && grep -q '^PREVAIL assertions:' '$tmp/ex1'"
expect 0 "explain pkt-oob" "$BV" explain pkt-oob
check "explain by name = by id" cmp -s "$tmp/ex1" "$tmp/out"
expect 0 "explain alias spin-lock" "$BV" explain spin-lock
expect 2 "explain unknown rule" "$BV" explain P99.9
expect 2 "explain without argument" "$BV" explain

# ---- 7. stats and compare -----------------------------------------------------------------
expect 0 "stats table" "$BV" stats $REJ $ACC
check "stats: table header" has "^File .*Program .*Verdict .*Duration(us) .*Processed .*States .*Peak(KiB)" "$tmp/out"
expect 3 "stats: input errors exit 3" "$BV" stats $MAL
expect 0 "stats csv" "$BV" stats --format csv $T/xdp_*.o
cp "$tmp/out" "$tmp/old.csv"
check "stats: csv header" has "^file,section,function,type,verdict,insns,insns_processed,states,duration_us,peak_bytes$" "$tmp/old.csv"
expect 0 "stats json" "$BV" stats --format json $REJ $ACC
cp "$tmp/out" "$tmp/stats.json"
check "stats json parses" json_ok "$tmp/stats.json"
expect 0 "compare: identical, verdict unchanged" "$BV" compare "$tmp/old.csv" "$tmp/old.csv" --fail-if 'verdict changed'
check "compare: table" has "xdp_block_dst .*reject -> reject" "$tmp/out"
# NEW: one verdict flips, one program doubles its processed instructions
awk -F, 'BEGIN { OFS = "," } NR > 1 && $3 == "xdp_pass" { $5 = "reject" } NR > 1 && $3 == "xdp_block_dst" { $7 = $7 * 2 } { print }' "$tmp/old.csv" >"$tmp/new.csv"
expect 1 "compare: verdict changed" "$BV" compare "$tmp/old.csv" "$tmp/new.csv" --fail-if 'verdict changed'
check "compare: names the program" has "xdp_pass: --fail-if 'verdict changed' holds" "$tmp/err"
expect 1 "compare: insns_processed > 1.2*old" "$BV" compare "$tmp/old.csv" "$tmp/new.csv" --fail-if 'insns_processed > 1.2*old'
expect 0 "compare: insns_processed > 3*old" "$BV" compare "$tmp/old.csv" "$tmp/new.csv" --fail-if 'insns_processed > 3 * old'
expect 1 "compare: new.verdict == reject && old.verdict == accept" "$BV" compare "$tmp/old.csv" "$tmp/new.csv" --fail-if 'new.verdict == reject && old.verdict == accept'
expect 0 "compare: or/and/not" "$BV" compare "$tmp/old.csv" "$tmp/old.csv" --fail-if 'not (states == old) or (insns < 0 and 1)'
expect 2 "compare: bad expression" "$BV" compare "$tmp/old.csv" "$tmp/new.csv" --fail-if 'insns_processed >'
expect 2 "compare: unknown column" "$BV" compare "$tmp/old.csv" "$tmp/new.csv" --fail-if 'old.nosuch > 1'
expect 0 "compare --format csv" "$BV" compare --format csv "$tmp/old.csv" "$tmp/new.csv"
check "compare csv: diff columns" has "^file,section,function,verdict_old,verdict_new,insns_processed_old,insns_processed_new,insns_processed_diff,insns_processed_pct" "$tmp/out"
expect 3 "compare: missing file" "$BV" compare "$tmp/old.csv" "$tmp/nonexistent.csv"
expect 2 "compare: one file" "$BV" compare "$tmp/old.csv"
run "$BV" check --format csv $REJ $ACC
cp "$tmp/out" "$tmp/check.csv"
expect 0 "compare accepts check --format csv" "$BV" compare "$tmp/check.csv" "$tmp/check.csv" --fail-if 'verdict changed'

# ---- 8. examples/ walkthrough -------------------------------------------------------------
if [ "$HAVE_CLANG" = yes ] && [ -f examples/parse_offbyone.c ]; then
	# shellcheck disable=SC2086
	clang $BPF_CFLAGS -c examples/parse_offbyone.c -o "$tmp/parse_offbyone.o" 2>"$tmp/cc" &&
		clang $BPF_CFLAGS -c examples/parse_fixed.c -o "$tmp/parse_fixed.o" 2>>"$tmp/cc"
	check "examples compile" [ $? -eq 0 ]
	expect 1 "example: off-by-one rejected" "$BV" check "$tmp/parse_offbyone.o"
	check "example: finding names the source line" has "^examples/parse_offbyone.c:35:69: error: .*\[P5.2 pkt-oob\]" "$tmp/out"
	# column 69 after a leading tab: the caret line is a tab and 67 spaces
	check "example: caret under payload[3]" sh -c "grep -q '^      | 	$(printf '%67s' '')^$' '$tmp/out'"
	expect 0 "example: fixed accepted" "$BV" check "$tmp/parse_fixed.o"
else
	skipped "no clang or no examples/: walkthrough"
fi

# ---- kernel BTF (--btf) ---------------------------------------------------------------------
TPB=$T/tpbtf_sched_switch_ok.o
CORE=$T/tpbtf_exec_ppid_ok.o # reads task->real_parent->tgid through CO-RE
expect 2 "--btf with a missing file is a usage error" "$BV" check --btf "$tmp/no-such-btf" $TPB
check "--btf: the message names the file" has "no-such-btf" "$tmp/err"
expect 2 "--btf with a non-BTF file is a usage error" "$BV" check --btf $ACC $TPB
check "--btf: not a BTF file" has "not a BTF file" "$tmp/err"
expect 4 "--btf none: a tp_btf context is inconclusive" "$BV" check --btf none $TPB
check "--btf none: the finding says why" has "typed by the kernel's BTF" "$tmp/out"
expect 0 "--btf none: programs without kernel types are unaffected" "$BV" check --btf none $ACC
expect 0 "--btf none in JSON" "$BV" check --format json --btf none $ACC
check "JSON: kernel_btf is null with --btf none" has '"kernel_btf":null' "$tmp/out"
if [ -r /sys/kernel/btf/vmlinux ]; then
	expect 0 "tp_btf accepted with the default kernel BTF" "$BV" check $TPB
	expect 0 "tp_btf accepted with --btf /sys/kernel/btf/vmlinux" "$BV" check \
		--btf /sys/kernel/btf/vmlinux $TPB
	expect 0 "CO-RE relocated against the kernel BTF" "$BV" check $CORE
	# against its own BTF the local struct layout puts real_parent elsewhere: the walk
	# through the kernel's task_struct is not possible without the kernel BTF at all
	expect 4 "CO-RE without kernel BTF: the BTF-typed context is inconclusive" "$BV" check \
		--btf none $CORE
	cp /sys/kernel/btf/vmlinux "$tmp/vmlinux.btf"
	head -c 1000 "$tmp/vmlinux.btf" >"$tmp/trunc.btf"
	expect 2 "--btf with a truncated BTF file is a usage error" "$BV" check --btf "$tmp/trunc.btf" $TPB
	expect 0 "--btf with a copied kernel BTF" "$BV" check --btf "$tmp/vmlinux.btf" $TPB $CORE
	expect 0 "--btf FILE in JSON" "$BV" check --format json --btf "$tmp/vmlinux.btf" $TPB
	check "JSON: kernel_btf names the file" has '"kernel_btf":"[^"]*vmlinux.btf"' "$tmp/out"
	expect 0 "-j 2 shares one kernel BTF" "$BV" check -j 2 $TPB $CORE $T/iter_task_pid_ok.o
else
	skipped "no /sys/kernel/btf/vmlinux: kernel BTF checks"
fi

total=$((pass + fail))
echo "cli: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ] && [ "$total" -gt 0 ]
