// SPDX-License-Identifier: MIT
/*
 * Soundness self-check over the corpus: every program of the testdata objects that
 * bpfverify accepts runs on random inputs in the concrete interpreter, and
 * every live register at every executed instruction must lie within the
 * engine's invariant there; no run may fault. 200 inputs per program in
 * make check, 2000 in make check-long (BV_LONG=1); BV_SC_RUNS overrides,
 * BV_SC_VERBOSE=1 prints one line of figures per file, and BV_SC_GLOB checks
 * other objects instead (e.g. the mutants of tests/diff_kernel.sh).
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "selfcheck.h"
#include "../verifier/interp.h"

#define SC_MAX_FILES 4096

static char *files[SC_MAX_FILES];
static size_t file_cnt;

static unsigned sc_runs(void)
{
	const char *s = getenv("BV_SC_RUNS");

	if (s && *s)
		return (unsigned)strtoul(s, NULL, 10);
	return tests_long() ? 2000 : 200;
}

static void print_stats(const char *what, const struct sc_stats *st)
{
	const char *v = getenv("BV_SC_VERBOSE");

	if (!v || !*v || *v == '0')
		return;
	printf("selfcheck %s: %zu programs, %zu accepted, %zu runs (%zu exit, %zu fault, %zu "
	       "step-limit, %zu unsupported), %zu violations, %llu insns, coverage %zu/%zu\n",
	       what, st->progs, st->accepted, st->runs, st->exits, st->faults, st->step_limits,
	       st->unsupported, st->violations, (unsigned long long)st->steps, st->pcs_covered,
	       st->pcs_total);
	fflush(stdout);
}

START_TEST(test_selfcheck_file)
{
	struct sc_opts o = { .runs = sc_runs(), .seed = 0x5eed0000u + (uint64_t)_i };
	struct sc_stats st = { 0 };
	long problems = sc_check_file(files[_i], &o, &st);

	print_stats(files[_i], &st);
	ck_assert_msg(problems >= 0, "%s: cannot be loaded", files[_i]);
	ck_assert_msg(problems == 0, "%s: %ld problems in %zu runs:\n%s", files[_i], problems,
		      st.runs, st.reports ? st.reports : "");
	sc_stats_fini(&st);
}
END_TEST

/* The concrete side notices a fault: a program bpfverify rejects (its IPv4 check is one byte
 * short) reads past data_end on a 33-byte IPv4 packet */
START_TEST(test_selfcheck_detects_fault)
{
	const char *path = "testdata/xdp_parse_ipv4_offbyone.o";
	struct bv_diags d = { 0 };
	struct obj *o = obj_open(path, &d);
	struct bv_options vopt = { 0 };
	enum bv_verdict v;
	struct insn *insns;
	struct insn_err err;
	struct interp *m;
	uint8_t pkt[64] = { 0 };
	struct interp_input in = { .seed = 1, .pkt = pkt };
	size_t faults = 0;

	bv_diags_free(&d);
	if (!o)
		return; /* corpus not built */
	ck_assert_ptr_null(sc_prog_new(o, 0, &vopt, &v));
	ck_assert_int_eq(v, BV_REJECT);
	insns = calloc(o->progs[0].insn_cnt + 1, sizeof(*insns));
	ck_assert_int_eq(insn_decode_all(o->progs[0].insns, o->progs[0].insn_cnt, insns, &err), 0);
	m = interp_new(o, &o->progs[0], insns);
	pkt[12] = 0x08; /* IPv4 */
	for (uint32_t len = 0; len < sizeof(pkt); len++) {
		in.pkt_len = len;
		ck_assert_int_eq(interp_reset(m, &in), 0);
		if (interp_run(m, 0) == INTERP_FAULT) {
			faults++;
			ck_assert_msg(len == 33, "fault at length %u: %s", len, m->fault.msg);
			ck_assert_ptr_nonnull(strstr(m->fault.msg, "data_end"));
		}
	}
	ck_assert_uint_eq(faults, 1);
	interp_free(m);
	free(insns);
	obj_free(o);
}
END_TEST

/* The checker notices an invariant that is too narrow: claim r0 == 12345 at the exit of an
 * accepted program and expect a violation */
START_TEST(test_selfcheck_detects_narrow)
{
	const char *path = "testdata/xdp_pass_ok.o";
	struct bv_diags d = { 0 };
	struct obj *o = obj_open(path, &d);
	struct bv_options vopt = { 0 };
	struct sc_opts so = { .runs = 5, .seed = 1 };
	struct sc_stats st = { 0 };
	enum bv_verdict v;
	struct sc_prog *sp;
	size_t n;

	bv_diags_free(&d);
	if (!o)
		return;
	sp = sc_prog_new(o, 0, &vopt, &v);
	ck_assert_ptr_nonnull(sp);
	n = o->progs[0].insn_cnt;
	sc_prog_narrow(sp, (uint32_t)(n - 1), 0, sval_const(12345));
	ck_assert_uint_gt(sc_prog_run(sp, &so, &st), 0);
	ck_assert_uint_gt(st.violations, 0);
	ck_assert_ptr_nonnull(strstr(st.reports, "outside the invariant"));
	sc_prog_free(sp);
	sc_stats_fini(&st);
	obj_free(o);
}
END_TEST

Suite *selfcheck_suite(void)
{
	Suite *s = suite_create("selfcheck");
	TCase *tc = tcase_create("corpus");
	TCase *neg = tcase_create("negative");
	const char *pat = getenv("BV_SC_GLOB");
	glob_t g;

	if (!file_cnt && glob(pat && *pat ? pat : "testdata/*.o", 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc && file_cnt < SC_MAX_FILES; i++)
			files[file_cnt++] = strdup(g.gl_pathv[i]);
		globfree(&g);
	}
	tcase_set_timeout(tc, tests_long() ? 3600 : 120);
	if (file_cnt)
		tcase_add_loop_test(tc, test_selfcheck_file, 0, (int)file_cnt);
	tcase_add_test(neg, test_selfcheck_detects_fault);
	tcase_add_test(neg, test_selfcheck_detects_narrow);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, neg);
	return s;
}
