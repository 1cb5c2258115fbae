// SPDX-License-Identifier: MIT
/*
 * Abstract interpreter tests: small programs built from C arrays, run through
 * the decoder and fix_run() against a hand-made object (maps, type). Each
 * expectation follows the kernel rule cited in ../shared/spec/kernel-model.md;
 * the ELF corpus in testdata/ carries the kernel-confirmed verdicts.
 */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "insn_build.h"
#include "../verifier/fix.h"

#define MAXI 64

struct fcase {
	const char *name;
	enum bv_prog_type type;
	struct raw_insn insns[MAXI];
	enum bv_verdict want;
	const char *rule; /* expected rule id for rejects, or NULL */
};

static char s_m[] = "m", s_main[] = "main", s_sub[] = "sub", s_test[] = "test", s_gpl[] = "GPL";

/* map 0: hash, key 4, value 16 bytes */
static struct obj_map test_maps[] = {
	{ .name = s_m,
	  .kind = OBJ_MAP_USER,
	  .type = 1,
	  .key_size = 4,
	  .value_size = 16,
	  .max_entries = 8,
	  .inner = -1 },
};

#define XDP_DATA 0
#define XDP_END 4
#define MAP(d) I_LDDW(d, 5, 0, 0)
#define END_OF_PROG I_RAW(0xff, 0, 0, 0, 0) /* sentinel, not an instruction */

static const struct fcase cases[] = {
	{ "return 0", BV_PROG_XDP, { I_MOV64_IMM(R0, 2), I_EXIT(), END_OF_PROG }, BV_ACCEPT, NULL },
	{ "r0 unset at exit", BV_PROG_XDP, { I_EXIT(), END_OF_PROG }, BV_REJECT, "P9.1" },
	{ "uninit r2 read",
	  BV_PROG_XDP,
	  { I_MOV64_REG(R0, R2), I_EXIT(), END_OF_PROG },
	  BV_REJECT,
	  "P3.1" },
	{ "write r10",
	  BV_PROG_XDP,
	  { I_MOV64_IMM(R10, 0), I_MOV64_IMM(R0, 0), I_EXIT(), END_OF_PROG },
	  BV_REJECT,
	  "P3.2" },
	{ "packet read with check",
	  BV_PROG_XDP,
	  { I_LDX_MEM(I_W, R2, R1, XDP_DATA), I_LDX_MEM(I_W, R3, R1, XDP_END), I_MOV64_REG(R4, R2),
	    I_ADD64_IMM(R4, 14), I_JMP_REG(0x2, R4, R3, 2), /* if r4 > r3 */
	    I_LDX_MEM(I_H, R0, R2, 12), I_EXIT(), I_MOV64_IMM(R0, 1), I_EXIT(), END_OF_PROG },
	  BV_ACCEPT,
	  NULL },
	{ "packet read off by one",
	  BV_PROG_XDP,
	  { I_LDX_MEM(I_W, R2, R1, XDP_DATA), I_LDX_MEM(I_W, R3, R1, XDP_END), I_MOV64_REG(R4, R2),
	    I_ADD64_IMM(R4, 13), I_JMP_REG(0x2, R4, R3, 2), I_LDX_MEM(I_H, R0, R2, 12), I_EXIT(),
	    I_MOV64_IMM(R0, 1), I_EXIT(), END_OF_PROG },
	  BV_REJECT,
	  "P5.2" },
	{ "packet read, check with data_end on the left",
	  BV_PROG_XDP,
	  { I_LDX_MEM(I_W, R2, R1, XDP_DATA), I_LDX_MEM(I_W, R3, R1, XDP_END), I_MOV64_REG(R4, R2),
	    I_ADD64_IMM(R4, 14), I_JMP_REG(0xb, R3, R4, 2), /* if r3 <= r4 */
	    I_LDX_MEM(I_H, R0, R2, 12), I_EXIT(), I_MOV64_IMM(R0, 1), I_EXIT(), END_OF_PROG },
	  BV_ACCEPT,
	  NULL /* falls through with data_end > r4: 15 bytes proven */ },
	{ "variable offset packet, range on the variable base",
	  BV_PROG_XDP,
	  { I_LDX_MEM(I_W, R2, R1, XDP_DATA), I_LDX_MEM(I_W, R3, R1, XDP_END), I_MOV64_REG(R4, R2),
	    I_ADD64_IMM(R4, 1), I_JMP_REG(0x2, R4, R3, 9), I_LDX_MEM(I_B, R5, R2, 0),
	    I_ALU64_IMM(0x5, R5, 0x3c), /* r5 &= 60 */
	    I_ADD64_REG(R2, R5), I_MOV64_REG(R4, R2), I_ADD64_IMM(R4, 8), I_JMP_REG(0x2, R4, R3, 3),
	    I_LDX_MEM(I_W, R0, R2, 4), I_ALU64_IMM(0x5, R0, 3), I_EXIT(), I_MOV64_IMM(R0, 1),
	    I_EXIT(), END_OF_PROG },
	  BV_ACCEPT,
	  NULL },
	{ "map lookup without null check",
	  BV_PROG_XDP,
	  { I_ST_MEM(I_W, R10, -4, 0), MAP(R1), I_MOV64_REG(R2, R10), I_ADD64_IMM(R2, -4),
	    I_CALL(1), I_LDX_MEM(I_DW, R0, R0, 0), I_MOV64_IMM(R0, 0), I_EXIT(), END_OF_PROG },
	  BV_REJECT,
	  "P5.5" },
	{ "map lookup with null check",
	  BV_PROG_XDP,
	  { I_ST_MEM(I_W, R10, -4, 0), MAP(R1), I_MOV64_REG(R2, R10), I_ADD64_IMM(R2, -4),
	    I_CALL(1), I_JMP_IMM(0x1, R0, 0, 1), I_LDX_MEM(I_DW, R1, R0, 8), I_MOV64_IMM(R0, 0),
	    I_EXIT(), END_OF_PROG },
	  BV_ACCEPT,
	  NULL },
	{ "map value read past the end",
	  BV_PROG_XDP,
	  { I_ST_MEM(I_W, R10, -4, 0), MAP(R1), I_MOV64_REG(R2, R10), I_ADD64_IMM(R2, -4),
	    I_CALL(1), I_JMP_IMM(0x1, R0, 0, 1), I_LDX_MEM(I_DW, R1, R0, 12), I_MOV64_IMM(R0, 0),
	    I_EXIT(), END_OF_PROG },
	  BV_REJECT,
	  "P5.4" },
	{ "null check through a copy",
	  BV_PROG_XDP,
	  { I_ST_MEM(I_W, R10, -4, 0), MAP(R1), I_MOV64_REG(R2, R10), I_ADD64_IMM(R2, -4),
	    I_CALL(1), I_MOV64_REG(R6, R0), I_JMP_IMM(0x1, R0, 0, 1), I_LDX_MEM(I_DW, R1, R6, 0),
	    I_MOV64_IMM(R0, 0), I_EXIT(), END_OF_PROG },
	  BV_ACCEPT,
	  NULL },
	{ "uninitialised key, privileged",
	  BV_PROG_XDP,
	  { MAP(R1), I_MOV64_REG(R2, R10), I_ADD64_IMM(R2, -4), I_CALL(1), I_MOV64_IMM(R0, 0),
	    I_EXIT(), END_OF_PROG },
	  BV_ACCEPT,
	  NULL },
	{ "stack out of bounds",
	  BV_PROG_XDP,
	  { I_ST_MEM(I_DW, R10, -520, 0), I_MOV64_IMM(R0, 0), I_EXIT(), END_OF_PROG },
	  BV_REJECT,
	  "P4.2" },
	{ "stack misaligned",
	  BV_PROG_XDP,
	  { I_ST_MEM(I_DW, R10, -12, 0), I_MOV64_IMM(R0, 0), I_EXIT(), END_OF_PROG },
	  BV_REJECT,
	  "P4.3" },
	{ "spill and fill a packet pointer",
	  BV_PROG_XDP,
	  { I_LDX_MEM(I_W, R2, R1, XDP_DATA), I_LDX_MEM(I_W, R3, R1, XDP_END),
	    I_STX_MEM(I_DW, R10, R2, -8), I_MOV64_REG(R4, R2), I_ADD64_IMM(R4, 4),
	    I_JMP_REG(0x2, R4, R3, 3), I_LDX_MEM(I_DW, R5, R10, -8), I_LDX_MEM(I_W, R0, R5, 0),
	    I_EXIT(), I_MOV64_IMM(R0, 1), I_EXIT(), END_OF_PROG },
	  BV_ACCEPT,
	  NULL },
	{ "bounded loop",
	  BV_PROG_XDP,
	  { I_MOV64_IMM(R1, 0), I_ADD64_IMM(R1, 1), I_JMP_IMM(0xa, R1, 100, -2), I_MOV64_IMM(R0, 0),
	    I_EXIT(), END_OF_PROG },
	  BV_ACCEPT,
	  NULL },
	{ "infinite loop",
	  BV_PROG_XDP,
	  { I_MOV64_IMM(R1, 0), I_JMP_IMM(0x1, R1, 0, -1), I_MOV64_IMM(R0, 0), I_EXIT(),
	    END_OF_PROG },
	  BV_REJECT,
	  "P2.7" },
	{ "correlated branches",
	  BV_PROG_XDP,
	  /* r6 = flag; r7 = flag ? ptr : 0; if flag: deref r7 */
	  { I_ST_MEM(I_W, R10, -4, 0), MAP(R1), I_MOV64_REG(R2, R10), I_ADD64_IMM(R2, -4),
	    I_CALL(1), I_MOV64_IMM(R6, 0), I_JMP_IMM(0x1, R0, 0, 1), I_MOV64_IMM(R6, 1),
	    I_JMP_IMM(0x1, R6, 0, 1), I_LDX_MEM(I_DW, R1, R0, 0), I_MOV64_IMM(R0, 0), I_EXIT(),
	    END_OF_PROG },
	  BV_ACCEPT,
	  NULL },
	{ "ctx write to xdp data",
	  BV_PROG_XDP,
	  { I_ST_MEM(I_W, R1, 0, 0), I_MOV64_IMM(R0, 0), I_EXIT(), END_OF_PROG },
	  BV_REJECT,
	  "P5.1" },
	{ "pointer arithmetic on packet end",
	  BV_PROG_XDP,
	  { I_LDX_MEM(I_W, R3, R1, XDP_END), I_ADD64_IMM(R3, 4), I_MOV64_IMM(R0, 0), I_EXIT(),
	    END_OF_PROG },
	  BV_REJECT,
	  "P3.3" },
	{ "deref of a scalar",
	  BV_PROG_XDP,
	  { I_MOV64_IMM(R2, 4096), I_LDX_MEM(I_W, R0, R2, 0), I_EXIT(), END_OF_PROG },
	  BV_REJECT,
	  "P4.1" },
	{ "unknown helper is inconclusive",
	  BV_PROG_XDP,
	  { I_CALL(100000), I_MOV64_IMM(R0, 0), I_EXIT(), END_OF_PROG },
	  BV_INCONCLUSIVE,
	  NULL },
	{ "helper clobbers r1-r5",
	  BV_PROG_XDP,
	  { I_MOV64_IMM(R3, 1), I_CALL(5), I_MOV64_REG(R0, R3), I_EXIT(), END_OF_PROG },
	  BV_REJECT,
	  "P3.1" },
	{ "bpf-to-bpf call",
	  BV_PROG_XDP,
	  { I_MOV64_IMM(R1, 7), I_CALL_LOCAL(1), I_EXIT(), I_MOV64_IMM(R0, 0), I_MOV64_REG(R0, R1),
	    I_EXIT(), END_OF_PROG },
	  BV_ACCEPT,
	  NULL },
	{ "cgroup_skb returns 2",
	  BV_PROG_CGROUP_SKB,
	  { I_MOV64_IMM(R0, 7), I_EXIT(), END_OF_PROG },
	  BV_REJECT,
	  "P9.3" },
};

static size_t count_insns(const struct raw_insn *v)
{
	size_t n = 0;

	while (n < MAXI && v[n].code != 0xff)
		n++;
	return n;
}

START_TEST(test_fix_cases)
{
	const struct fcase *c = &cases[_i];
	size_t n = count_insns(c->insns);
	struct raw_insn raw[MAXI];
	struct insn dec[MAXI];
	struct insn_err err;
	struct obj_func funcs[2];
	struct obj_prog p;
	struct obj o;
	struct bv_options opt;
	struct fix_result r;

	memcpy(raw, c->insns, n * sizeof(raw[0]));
	ck_assert_msg(insn_decode_all(raw, n, dec, &err) == 0, "%s: decode: %s", c->name, err.msg);
	memset(&p, 0, sizeof(p));
	memset(&o, 0, sizeof(o));
	memset(&opt, 0, sizeof(opt));
	memset(funcs, 0, sizeof(funcs));
	funcs[0].name = s_main;
	funcs[0].start = 0;
	funcs[0].end = (uint32_t)n;
	p.func_cnt = 1;
	if (!strcmp(c->name, "bpf-to-bpf call")) {
		funcs[0].end = 3;
		funcs[1].name = s_sub;
		funcs[1].start = 3;
		funcs[1].end = (uint32_t)n;
		p.func_cnt = 2;
	}
	p.section = s_test;
	p.name = s_test;
	p.type = c->type;
	p.insns = raw;
	p.insn_cnt = n;
	p.own_cnt = n;
	p.funcs = funcs;
	o.maps = test_maps;
	o.map_cnt = 1;
	o.license = s_gpl;
	fix_run(&o, &p, dec, &opt, &r);
	ck_assert_msg(r.verdict == c->want, "%s: verdict %s, want %s (%s: %s at %u)", c->name,
		      bv_verdict_name(r.verdict), bv_verdict_name(c->want),
		      r.f.rule ? r.f.rule : "-", r.f.msg, r.f.pc);
	if (c->rule)
		ck_assert_msg(r.f.rule && !strcmp(r.f.rule, c->rule), "%s: rule %s, want %s (%s)",
			      c->name, r.f.rule ? r.f.rule : "-", c->rule, r.f.msg);
	free(r.f.state);
}
END_TEST

/* Two paths, each with its own bug: --all-errors reports both, with traces */
START_TEST(test_fix_all_errors)
{
	struct raw_insn raw[] = {
		I_CALL(7), /* r0 = bpf_get_prandom_u32() */
		I_JMP_IMM(0x1, R0, 0, 2), /* if r0 == 0 goto +2 */
		I_LDX_MEM(I_W, R0, R2, 0), /* 2: r2 is uninitialised */
		I_EXIT(),
		I_MOV64_IMM(R3, 1), /* 4 */
		I_LDX_MEM(I_W, R0, R3, 0), /* 5: r3 is a scalar */
		I_EXIT(),
	};
	size_t n = ARRAY_SIZE(raw);
	struct insn dec[ARRAY_SIZE(raw)];
	struct insn_err err;
	struct obj_func fn = { .name = s_main, .start = 0, .end = (uint32_t)n };
	struct obj_prog p = { .section = s_test, .name = s_test, .type = BV_PROG_XDP };
	struct obj o = { .maps = test_maps, .map_cnt = 1, .license = s_gpl };
	struct bv_options opt = { .all_errors = true };
	struct fix_result r;

	ck_assert_int_eq(insn_decode_all(raw, n, dec, &err), 0);
	p.insns = raw;
	p.insn_cnt = p.own_cnt = n;
	p.funcs = &fn;
	p.func_cnt = 1;
	fix_run(&o, &p, dec, &opt, &r);
	ck_assert_int_eq(r.verdict, BV_REJECT);
	ck_assert_uint_eq(r.extra_cnt, 1);
	ck_assert_str_eq(r.f.rule, "P3.1");
	ck_assert_uint_eq(r.f.pc, 2);
	ck_assert_str_eq(r.extra[0].rule, "P4.1");
	ck_assert_uint_eq(r.extra[0].pc, 5);
	/* the path to 5: 0, 1, 4 */
	ck_assert_uint_eq(r.extra[0].trace_cnt, 3);
	ck_assert_uint_eq(r.extra[0].trace[0], 0);
	ck_assert_uint_eq(r.extra[0].trace[1], 1);
	ck_assert_uint_eq(r.extra[0].trace[2], 4);
	free(r.f.state);
	free(r.extra[0].state);

	opt.all_errors = false;
	fix_run(&o, &p, dec, &opt, &r);
	ck_assert_int_eq(r.verdict, BV_REJECT);
	ck_assert_uint_eq(r.extra_cnt, 0);
	free(r.f.state);
}
END_TEST

Suite *fix_suite(void)
{
	Suite *s = suite_create("fix");
	TCase *tc = tcase_create("programs");

	tcase_add_loop_test(tc, test_fix_cases, 0, (int)ARRAY_SIZE(cases));
	tcase_add_test(tc, test_fix_all_errors);
	suite_add_tcase(s, tc);
	return s;
}
