// SPDX-License-Identifier: MIT
/*
 * Budgets and robustness: adversarial programs built in C (deep branch
 * nesting, long chains of diamonds, loops nested three deep, a 1M-instruction
 * straight line, the whole stack, call chains of 8 and 9 frames) must each end
 * within their budget with a verdict, never hang: max_insns and timeout_sec
 * turn an analysis that would not finish into an inconclusive (or, as the
 * kernel does for its complexity limit, a reject) verdict. Also: every fuzzer
 * reproducer in testdata/bad/fuzz-*.o and testdata/fuzz-regress/ goes through
 * the whole pipeline without a crash.
 */
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "suites.h"
#include "insn_build.h"
#include "../verifier/fix.h"

enum { ADD = 0, AND = 5, JEQ = 1, JLT = 0xa, JSET = 4 };

/* A growing program with its function table */
struct pb {
	struct raw_insn *v;
	size_t n, cap;
	struct obj_func funcs[16];
	size_t func_cnt;
};

static void pb_add(struct pb *b, struct raw_insn in)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->v = realloc(b->v, b->cap * sizeof(*b->v));
		ck_assert_ptr_nonnull(b->v);
	}
	b->v[b->n++] = in;
}

static void pb_func(struct pb *b)
{
	static char names[16][8];

	ck_assert_uint_lt(b->func_cnt, 16);
	if (b->func_cnt)
		b->funcs[b->func_cnt - 1].end = (uint32_t)b->n;
	snprintf(names[b->func_cnt], sizeof(names[0]), "f%zu", b->func_cnt);
	b->funcs[b->func_cnt].name = names[b->func_cnt];
	b->funcs[b->func_cnt].start = (uint32_t)b->n;
	b->func_cnt++;
}

struct outcome {
	enum bv_verdict verdict;
	const char *rule;
	char msg[384];
	uint64_t processed;
	size_t peak;
	double seconds;
};

static char s_gpl[] = "GPL", s_sec[] = "xdp", s_path[] = "budget";

static void pb_run(struct pb *b, const struct bv_options *opt, struct outcome *out)
{
	struct obj o;
	struct obj_prog p;
	struct insn *dec = calloc(b->n + 1, sizeof(*dec));
	struct insn_err err;
	struct fix_result r;
	struct timespec t0, t1;

	ck_assert_ptr_nonnull(dec);
	if (!b->func_cnt) {
		b->funcs[0].name = s_sec;
		b->func_cnt = 1;
	}
	b->funcs[b->func_cnt - 1].end = (uint32_t)b->n;
	ck_assert_msg(insn_decode_all(b->v, b->n, dec, &err) == 0, "decode %u: %s", err.pc,
		      err.msg);
	memset(&o, 0, sizeof(o));
	o.license = s_gpl;
	o.path = s_path;
	memset(&p, 0, sizeof(p));
	p.section = s_sec;
	p.name = s_sec;
	p.type = BV_PROG_XDP;
	p.insns = b->v;
	p.insn_cnt = b->n;
	p.own_cnt = b->funcs[0].end;
	p.funcs = b->funcs;
	p.func_cnt = b->func_cnt;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	fix_run(&o, &p, dec, opt, &r);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	out->verdict = r.verdict;
	out->rule = r.verdict == BV_ACCEPT ? "" : r.f.rule;
	snprintf(out->msg, sizeof(out->msg), "%s", r.verdict == BV_ACCEPT ? "" : r.f.msg);
	out->processed = r.processed;
	out->peak = r.peak_bytes;
	out->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	free(r.f.state);
	free(dec);
	free(b->v);
	memset(b, 0, sizeof(*b));
}

static void show(const char *what, const struct outcome *o)
{
	if (getenv("BV_BUDGET_VERBOSE"))
		printf("budget %s: %s %s %.3fs, %llu insns, peak %zu bytes: %s\n", what,
		       bv_verdict_name(o->verdict), o->rule, o->seconds,
		       (unsigned long long)o->processed, o->peak, o->msg),
			fflush(stdout);
}

/* r6 = an unknown value (get_prandom_u32), r7 = 0 */
static void prologue(struct pb *b)
{
	pb_add(b, I_CALL(7));
	pb_add(b, I_MOV64_REG(R6, R0));
	pb_add(b, I_MOV64_IMM(R7, 0));
}

/* return r7: keeps it live, so paths that differ in r7 cannot be pruned */
static void epilogue(struct pb *b)
{
	pb_add(b, I_MOV64_REG(R0, R7));
	pb_add(b, I_EXIT());
}

/* @n diamonds in a row, each adding a different constant on one arm: 2^n distinct paths */
static void diamonds(struct pb *b, int n)
{
	prologue(b);
	for (int i = 0; i < n; i++) {
		pb_add(b, I_JMP_IMM(JSET, R6, 1 << (i % 31), 1));
		pb_add(b, I_ADD64_IMM(R7, i + 1));
	}
	epilogue(b);
}

static bool ends_in_budget(const struct outcome *o)
{
	return o->verdict == BV_INCONCLUSIVE ||
	       (o->verdict == BV_REJECT && (!strcmp(o->rule, "P10.3") || !strcmp(o->rule, "P2.7")));
}

START_TEST(test_budget_diamonds)
{
	struct pb b = { 0 };
	struct bv_options opt = { .max_insns = 200000 };
	struct outcome o;

	diamonds(&b, 300);
	pb_run(&b, &opt, &o);
	show("300 diamonds, 200k insns", &o);
	/* joining states after a few partitions per point may finish it: any verdict within
	 * the budget is fine, no hang */
	ck_assert_msg(o.verdict == BV_ACCEPT || ends_in_budget(&o), "verdict %s %s: %s",
		      bv_verdict_name(o.verdict), o.rule, o.msg);
	ck_assert_uint_le(o.processed, 200001);
}
END_TEST

START_TEST(test_budget_diamonds_default)
{
	struct pb b = { 0 };
	struct bv_options opt = { 0 };
	struct outcome o;

	diamonds(&b, 64);
	pb_run(&b, &opt, &o);
	show("64 diamonds, default budget", &o);
	ck_assert_msg(o.verdict == BV_ACCEPT || ends_in_budget(&o), "verdict %s %s: %s",
		      bv_verdict_name(o.verdict), o.rule, o.msg);
	ck_assert_uint_le(o.processed, 1000001);
}
END_TEST

/* Few diamonds: the exploration finishes and accepts */
START_TEST(test_budget_diamonds_small)
{
	struct pb b = { 0 };
	struct bv_options opt = { 0 };
	struct outcome o;

	diamonds(&b, 10);
	pb_run(&b, &opt, &o);
	show("10 diamonds", &o);
	ck_assert_msg(o.verdict == BV_ACCEPT, "%s %s", o.rule, o.msg);
}
END_TEST

/* if (x & 1) { r7 += 1; if (x & 2) { r7 += 2; ... } }, 200 levels deep, with a diamond
 * inside each level so that the paths multiply */
START_TEST(test_budget_nesting)
{
	struct pb b = { 0 };
	struct bv_options opt = { 0 };
	struct outcome o;
	enum { DEPTH = 200 };
	size_t exits[DEPTH];

	prologue(&b);
	for (int i = 0; i < DEPTH; i++) {
		pb_add(&b, I_MOV64_REG(R8, R6));
		pb_add(&b, I_ALU64_IMM(AND, R8, 1 << (i % 31)));
		exits[i] = b.n;
		pb_add(&b, I_JMP_IMM(JEQ, R8, 0, 0)); /* to the end, patched below */
		pb_add(&b, I_ADD64_IMM(R7, i + 1));
		pb_add(&b, I_JMP_IMM(JSET, R7, 1, 1));
		pb_add(&b, I_ADD64_IMM(R7, 1));
	}
	for (int i = 0; i < DEPTH; i++)
		b.v[exits[i]].off = (int16_t)(b.n - exits[i] - 1);
	epilogue(&b);
	pb_run(&b, &opt, &o);
	show("200-deep nesting", &o);
	ck_assert_msg(o.verdict == BV_ACCEPT || ends_in_budget(&o), "verdict %s %s: %s",
		      bv_verdict_name(o.verdict), o.rule, o.msg);
}
END_TEST

/* for i < n: for j < n: for k < n: r0 += 1 */
static void loops3(struct pb *b, int n)
{
	pb_add(b, I_MOV64_IMM(R0, 0));
	pb_add(b, I_MOV64_IMM(R1, 0)); /* 1 */
	pb_add(b, I_MOV64_IMM(R2, 0)); /* 2: L1 */
	pb_add(b, I_MOV64_IMM(R3, 0)); /* 3: L2 */
	pb_add(b, I_ADD64_IMM(R0, 1)); /* 4: L3 */
	pb_add(b, I_ADD64_IMM(R3, 1));
	pb_add(b, I_JMP_IMM(JLT, R3, n, -3)); /* 6 -> 4 */
	pb_add(b, I_ADD64_IMM(R2, 1));
	pb_add(b, I_JMP_IMM(JLT, R2, n, -6)); /* 8 -> 3 */
	pb_add(b, I_ADD64_IMM(R1, 1));
	pb_add(b, I_JMP_IMM(JLT, R1, n, -9)); /* 10 -> 2 */
	pb_add(b, I_MOV64_IMM(R0, 2));
	pb_add(b, I_EXIT());
}

START_TEST(test_budget_loops3_small)
{
	struct pb b = { 0 };
	struct bv_options opt = { 0 };
	struct outcome o;

	loops3(&b, 6);
	pb_run(&b, &opt, &o);
	show("3 nested loops of 6", &o);
	ck_assert_msg(o.verdict == BV_ACCEPT, "%s %s", o.rule, o.msg);
}
END_TEST

START_TEST(test_budget_loops3_big)
{
	struct pb b = { 0 };
	struct bv_options opt = { 0 };
	struct outcome o;

	loops3(&b, 200); /* 8M iterations: more than the 1M budget */
	pb_run(&b, &opt, &o);
	show("3 nested loops of 200", &o);
	ck_assert_msg(ends_in_budget(&o), "verdict %s %s: %s", bv_verdict_name(o.verdict), o.rule,
		      o.msg);
}
END_TEST

/* r0 = 0; r0 += 1 (999998 times); exit: exactly 1M instructions */
static void straight(struct pb *b, size_t n)
{
	pb_add(b, I_MOV64_IMM(R0, 0));
	for (size_t i = 0; i + 2 < n; i++)
		pb_add(b, I_ADD64_IMM(R0, 1));
	pb_add(b, I_EXIT());
}

START_TEST(test_budget_straight_1m)
{
	struct pb b = { 0 };
	struct bv_options opt = { 0 };
	struct outcome o;

	straight(&b, 1000000);
	pb_run(&b, &opt, &o);
	show("1M straight-line", &o);
	/* XDP accepts any return value */
	ck_assert_msg(o.verdict == BV_ACCEPT, "%s %s", o.rule, o.msg);
	ck_assert_uint_eq(o.processed, 1000000);
}
END_TEST

START_TEST(test_budget_straight_small_budget)
{
	struct pb b = { 0 };
	struct bv_options opt = { .max_insns = 1000 };
	struct outcome o;

	straight(&b, 1000000);
	pb_run(&b, &opt, &o);
	show("1M straight-line, 1000 insns", &o);
	ck_assert_msg(ends_in_budget(&o), "verdict %s %s: %s", bv_verdict_name(o.verdict), o.rule,
		      o.msg);
	ck_assert_uint_le(o.processed, 1001);
}
END_TEST

/* A time budget stops an analysis whose instruction budget is practically unlimited */
START_TEST(test_budget_timeout)
{
	struct pb b = { 0 };
	struct bv_options opt = { .max_insns = UINT64_MAX / 2, .timeout_sec = 1 };
	struct outcome o;

	diamonds(&b, 2000);
	pb_run(&b, &opt, &o);
	show("2000 diamonds, 1 s", &o);
	ck_assert_msg(o.verdict == BV_INCONCLUSIVE && !strcmp(o.rule, "P10.3"), "verdict %s %s: %s",
		      bv_verdict_name(o.verdict), o.rule, o.msg);
	ck_assert_msg(o.seconds < 5.0, "took %.1f s", o.seconds);
}
END_TEST

/* Every byte of the 512-byte stack is usable; one byte more is not */
START_TEST(test_budget_stack_full)
{
	struct pb b = { 0 };
	struct bv_options opt = { .unprivileged = true };
	struct outcome o;

	for (int off = 8; off <= 512; off += 8)
		pb_add(&b, I_ST_MEM(I_DW, R10, (int16_t)-off, off));
	pb_add(&b, I_LDX_MEM(I_DW, R0, R10, -512));
	pb_add(&b, I_LDX_MEM(I_DW, R1, R10, -8));
	pb_add(&b, I_ALU64_REG(ADD, R0, R1));
	pb_add(&b, I_EXIT());
	pb_run(&b, &opt, &o);
	show("512-byte stack", &o);
	ck_assert_msg(o.verdict == BV_ACCEPT, "%s %s", o.rule, o.msg);

	pb_add(&b, I_ST_MEM(I_B, R10, -513, 1));
	pb_add(&b, I_MOV64_IMM(R0, 0));
	pb_add(&b, I_EXIT());
	pb_run(&b, &opt, &o);
	ck_assert_msg(o.verdict == BV_REJECT && !strcmp(o.rule, "P4.2"), "%s %s: %s",
		      bv_verdict_name(o.verdict), o.rule, o.msg);
}
END_TEST

/* main -> f1 -> ... -> f(k-1): k frames; each function stores @stack bytes */
static void chain(struct pb *b, int k, int stack)
{
	for (int i = 0; i < k; i++) {
		pb_func(b);
		if (stack)
			pb_add(b, I_ST_MEM(I_DW, R10, (int16_t)-stack, 0));
		if (i + 1 < k) {
			pb_add(b, I_CALL_LOCAL(1));
			pb_add(b, I_EXIT());
		} else {
			pb_add(b, I_MOV64_IMM(R0, 1));
			pb_add(b, I_EXIT());
		}
	}
}

static const struct {
	int frames, stack;
	enum bv_verdict want;
	const char *rule;
} chains[] = {
	{ 8, 0, BV_ACCEPT, "" },
	{ 9, 0, BV_REJECT, "P2.6" },
	{ 8, 64, BV_ACCEPT, "" }, /* 8 x 64 = 512 bytes of stack in total */
	{ 8, 72, BV_REJECT, "P4.2" }, /* 8 x 96 (rounded up to 32) > 512 */
};

START_TEST(test_budget_call_chain)
{
	struct pb b = { 0 };
	struct bv_options opt = { 0 };
	struct outcome o;
	char what[64];

	chain(&b, chains[_i].frames, chains[_i].stack);
	pb_run(&b, &opt, &o);
	snprintf(what, sizeof(what), "call chain of %d frames, %d bytes each", chains[_i].frames,
		 chains[_i].stack);
	show(what, &o);
	ck_assert_msg(o.verdict == chains[_i].want && !strcmp(o.rule, chains[_i].rule),
		      "%s: %s %s: %s", what, bv_verdict_name(o.verdict), o.rule, o.msg);
}
END_TEST

/* ---- fuzzer reproducers ------------------------------------------------------------------- */

static void verify_all(const char *path, bool must_fail)
{
	struct bv_diags d = { 0 };
	struct bv_object *o = bv_object_open(path, &d);
	struct bv_options opt = { .max_insns = 100000, .timeout_sec = 10 };

	if (must_fail)
		ck_assert_msg(!o && d.cnt > 0, "%s: a malformed object must give a diagnostic",
			      path);
	if (o) {
		for (size_t i = 0; i < bv_object_prog_cnt(o); i++) {
			struct bv_result res;

			if (bv_verify(o, i, &opt, &res, &d) == 0)
				bv_result_fini(&res);
		}
	}
	bv_object_close(o);
	bv_diags_free(&d);
}

START_TEST(test_fuzz_regressions)
{
	static const char *const pats[] = { "testdata/bad/fuzz-*.o", "testdata/fuzz-regress/*.o" };

	for (size_t p = 0; p < ARRAY_SIZE(pats); p++) {
		glob_t g;

		if (glob(pats[p], 0, NULL, &g))
			continue;
		for (size_t i = 0; i < g.gl_pathc; i++)
			verify_all(g.gl_pathv[i], p == 0);
		globfree(&g);
	}
}
END_TEST

Suite *budget_suite(void)
{
	Suite *s = suite_create("budget");
	TCase *tc = tcase_create("adversarial");
	TCase *fz = tcase_create("fuzz-regress");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_budget_diamonds);
	tcase_add_test(tc, test_budget_diamonds_default);
	tcase_add_test(tc, test_budget_diamonds_small);
	tcase_add_test(tc, test_budget_nesting);
	tcase_add_test(tc, test_budget_loops3_small);
	tcase_add_test(tc, test_budget_loops3_big);
	tcase_add_test(tc, test_budget_straight_1m);
	tcase_add_test(tc, test_budget_straight_small_budget);
	tcase_add_test(tc, test_budget_timeout);
	tcase_add_test(tc, test_budget_stack_full);
	tcase_add_loop_test(tc, test_budget_call_chain, 0, ARRAY_SIZE(chains));
	tcase_add_test(fz, test_fuzz_regressions);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, fz);
	return s;
}
