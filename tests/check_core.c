// SPDX-License-Identifier: MIT
/*
 * Tests for core, the CO-RE relocation of programs: testdata/core/core_local.o
 * (built by make testdata) is relocated against the BTF of
 * testdata/core/core_target.o, whose types have another layout; the expected
 * values come from offsetof()/sizeof() on a host compile of core_target.c
 * (included below) and from libbpf's bitfield formulas applied to bit
 * positions measured on the host. Also: the local BTF as its own target,
 * ambiguous and agreeing candidates, TYPE_MATCHES (which clang 14 cannot
 * emit) on hand-written records, hostile records and hand-built BTF with
 * cycles and exponential nesting, and the running kernel's BTF when readable.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../verifier/btf.h"
#include "../verifier/core.h"
#include "../verifier/obj.h"
#include "suites.h"

/* the target's types and their host layout (same ABI as the BPF target for these types) */
#include "../testdata/core/core_target.c"

#define CORE_DIR "testdata/core/"
#define POISON_CODE 0x85

/* A loaded local program, its BTF, and a target BTF */
struct fx {
	struct obj *lo, *to;
	struct btf lb, tb;
	const struct btf *targ; /* &tb, or &lb for the self case */
	const struct obj_prog *p;
	struct raw_insn *orig; /* the image before relocation */
	struct core_poison *poison;
	size_t npoison;
	char err[256];
	int rc;
};

static struct obj *open_obj(const char *path)
{
	struct bv_diags d = { 0 };
	struct obj *o = obj_open(path, &d);

	ck_assert_msg(o, "%s: %s (run make testdata)", path, d.cnt ? d.v[0].msg : "cannot open");
	bv_diags_free(&d);
	ck_assert_msg(o->btf, "%s has no .BTF", path);
	return o;
}

static void parse_btf(struct btf *b, const struct obj *o)
{
	char err[256];

	ck_assert_msg(btf_parse(b, o->btf, o->btf_size, false, err, sizeof(err)) == 0, "%s: %s",
		      o->path, err);
}

/* Open @local (program 0) and @target (NULL: the local BTF itself); @index: name index */
static void fx_open(struct fx *f, const char *local, const char *target, bool index)
{
	memset(f, 0, sizeof(*f));
	f->lo = open_obj(local);
	parse_btf(&f->lb, f->lo);
	ck_assert_uint_ge(f->lo->prog_cnt, 1);
	f->p = &f->lo->progs[0];
	f->targ = &f->lb;
	if (target) {
		f->to = open_obj(target);
		parse_btf(&f->tb, f->to);
		if (index)
			ck_assert_int_eq(btf_index(&f->tb), 0);
		f->targ = &f->tb;
	}
	f->orig = malloc(f->p->insn_cnt * sizeof(*f->orig));
	ck_assert_ptr_nonnull(f->orig);
	memcpy(f->orig, f->p->insns, f->p->insn_cnt * sizeof(*f->orig));
}

static void fx_apply(struct fx *f)
{
	f->rc = core_apply(&f->lb, f->targ, f->p->cores, f->p->core_cnt, f->p->insns,
			   f->p->insn_cnt, &f->poison, &f->npoison, f->err, sizeof(f->err));
}

static void fx_close(struct fx *f)
{
	free(f->poison);
	free(f->orig);
	btf_fini(&f->lb);
	btf_fini(&f->tb);
	obj_free(f->lo);
	obj_free(f->to);
}

static const char *type_name(const struct btf *b, uint32_t id)
{
	struct btf_type t;

	return btf_type_get(b, id, &t) && btf_str(b, t.name_off) ? btf_str(b, t.name_off) : "";
}

static const struct core_poison *poison_at(const struct fx *f, uint32_t pc)
{
	for (size_t i = 0; i < f->npoison; i++)
		if (f->poison[i].pc == pc)
			return &f->poison[i];
	return NULL;
}

/* Bit offset and width of bitfield @name of the target's struct core_foo, measured */
static void bf_bits(const char *name, uint32_t *bit_off, uint32_t *bit_sz)
{
	struct core_foo v;
	unsigned char bytes[sizeof(v)];
	int first = -1, n = 0;

	memset(&v, 0, sizeof(v));
	if (strcmp(name, "bf1") == 0)
		v.bf1 = 7;
	else
		v.bf2 = -1;
	memcpy(bytes, &v, sizeof(v));
	for (int i = 0; i < (int)sizeof(v) * 8; i++) {
		if (bytes[i / 8] >> (i % 8) & 1) {
			if (first < 0)
				first = i;
			n++;
		}
	}
	ck_assert_int_ge(first, 0);
	*bit_off = (uint32_t)first;
	*bit_sz = (uint32_t)n;
}

/* libbpf's bitfield values: the smallest aligned load from the field type's size (int: 4) */
static uint64_t bf_value(const char *name, uint32_t kind)
{
	uint32_t bit_off, bit_sz, byte_sz = sizeof(int), byte_off;

	bf_bits(name, &bit_off, &bit_sz);
	byte_off = bit_off / 8 / byte_sz * byte_sz;
	while (bit_off + bit_sz - byte_off * 8 > byte_sz * 8) {
		byte_sz *= 2;
		byte_off = bit_off / 8 / byte_sz * byte_sz;
	}
	switch (kind) {
	case CORE_FIELD_BYTE_OFFSET:
		return byte_off;
	case CORE_FIELD_BYTE_SIZE:
		return byte_sz;
	case CORE_FIELD_LSHIFT_U64:
		return 64 - (bit_off + bit_sz - byte_off * 8);
	case CORE_FIELD_RSHIFT_U64:
		return 64 - bit_sz;
	default:
		ck_abort_msg("no bitfield value for kind %u", kind);
		return 0;
	}
}

enum how {
	V_CONST, /* @val */
	V_POISON, /* poisoned; @why is a substring of the reason */
	V_BF, /* bitfield value of field @bf by libbpf's formula */
	V_TARG_ID, /* id of the target's type named @type */
	V_LOCAL_ID, /* id of the local type named @type */
};

#define SZ_INNER sizeof(struct core_inner)
#define OFF(f) offsetof(struct core_foo, f)
#define OFF_INNER(f) offsetof(struct core_inner, f)

/* Every relocation of core_local.c and what the target makes of it */
static const struct target_case {
	const char *type, *access;
	uint32_t kind;
	enum how how;
	uint64_t val;
	const char *bf; /* V_BF: field name */
	uint8_t code; /* new opcode when the load size changes, else 0 */
	const char *why;
} target_cases[] = {
	{ "core_foo", "0:0", CORE_FIELD_BYTE_OFFSET, V_CONST, OFF(a), NULL, 0, NULL },
	{ "core_foo", "0:1", CORE_FIELD_BYTE_OFFSET, V_CONST, OFF(b), NULL, 0, NULL },
	{ "core_foo", "0:2:5", CORE_FIELD_BYTE_OFFSET, V_CONST, OFF(c) + 5, NULL, 0, NULL },
	{ "core_foo", "0:3:1", CORE_FIELD_BYTE_OFFSET, V_CONST, OFF(u2), NULL, 0, NULL },
	{ "core_foo", "0:4:0", CORE_FIELD_BYTE_OFFSET, V_CONST, OFF(in) + OFF_INNER(x), NULL, 0,
	  NULL },
	{ "core_foo", "0:4:1", CORE_FIELD_BYTE_OFFSET, V_CONST, OFF(in) + OFF_INNER(y), NULL, 0,
	  NULL },
	{ "core_foo", "0:10:1:0", CORE_FIELD_BYTE_OFFSET, V_CONST,
	  OFF(arr) + SZ_INNER + OFF_INNER(x), NULL, 0, NULL },
	{ "core_foo", "0:10:1:1", CORE_FIELD_BYTE_OFFSET, V_CONST,
	  OFF(arr) + SZ_INNER + OFF_INNER(y), NULL, 0, NULL },
	{ "core_foo", "0:10:3:1", CORE_FIELD_BYTE_OFFSET, V_POISON, 0, NULL, 0,
	  "field offset of struct core_foo.arr[3].y (access 0:10:3:1): no field in target" },
	{ "core_foo", "0:11", CORE_FIELD_BYTE_OFFSET, V_CONST, OFF(ptr), NULL, 0, NULL },
	/* u32 -> u16: the 32-bit load (0x61) becomes a 16-bit load (0x69) */
	{ "core_foo", "0:8", CORE_FIELD_BYTE_OFFSET, V_CONST, OFF(shrink), NULL, 0x69, NULL },
	/* int -> long: signed, so resizing the load would be wrong: poisoned */
	{ "core_foo", "0:9", CORE_FIELD_BYTE_OFFSET, V_POISON, 0, NULL, 0, "field size 4 -> 8" },
	{ "core_foo", "0:12:5:0", CORE_FIELD_BYTE_OFFSET, V_CONST,
	  OFF(tail) + 5 * SZ_INNER + OFF_INNER(x), NULL, 0, NULL },
	{ "core_foo", "1:0", CORE_FIELD_BYTE_OFFSET, V_CONST, sizeof(struct core_foo) + OFF(a),
	  NULL, 0, NULL },
	{ "core_foo", "0:5", CORE_FIELD_BYTE_OFFSET, V_BF, 0, "bf1", 0, NULL },
	{ "core_foo", "0:5", CORE_FIELD_BYTE_SIZE, V_BF, 0, "bf1", 0, NULL },
	{ "core_foo", "0:5", CORE_FIELD_LSHIFT_U64, V_BF, 0, "bf1", 0, NULL },
	{ "core_foo", "0:5", CORE_FIELD_RSHIFT_U64, V_BF, 0, "bf1", 0, NULL },
	{ "core_foo", "0:5", CORE_FIELD_SIGNED, V_CONST, 0, NULL, 0, NULL },
	{ "core_foo", "0:6", CORE_FIELD_BYTE_OFFSET, V_BF, 0, "bf2", 0, NULL },
	{ "core_foo", "0:6", CORE_FIELD_BYTE_SIZE, V_BF, 0, "bf2", 0, NULL },
	{ "core_foo", "0:6", CORE_FIELD_LSHIFT_U64, V_BF, 0, "bf2", 0, NULL },
	{ "core_foo", "0:6", CORE_FIELD_RSHIFT_U64, V_BF, 0, "bf2", 0, NULL },
	{ "core_foo", "0:6", CORE_FIELD_SIGNED, V_CONST, 1, NULL, 0, NULL },
	{ "core_foo", "0:7", CORE_FIELD_EXISTS, V_CONST, 0, NULL, 0, NULL },
	{ "core_foo", "0:1", CORE_FIELD_EXISTS, V_CONST, 1, NULL, 0, NULL },
	{ "core_foo", "0:2", CORE_FIELD_BYTE_SIZE, V_CONST, sizeof(core_target_foo.c), NULL, 0,
	  NULL },
	{ "core_foo", "0:8", CORE_FIELD_BYTE_SIZE, V_CONST, sizeof(core_target_foo.shrink), NULL, 0,
	  NULL },
	{ "core_bar___v1", "0:0", CORE_FIELD_EXISTS, V_CONST, 0, NULL, 0, NULL },
	{ "core_bar___v1", "0:0", CORE_FIELD_BYTE_OFFSET, V_POISON, 0, NULL, 0,
	  "field offset of struct core_bar___v1.old_name (access 0:0): no field in target" },
	{ "core_bar___v2", "0:0", CORE_FIELD_BYTE_OFFSET, V_CONST,
	  offsetof(struct core_bar, new_name), NULL, 0, NULL },
	{ "core_missing", "0", CORE_TYPE_EXISTS, V_CONST, 0, NULL, 0, NULL },
	{ "core_foo", "0", CORE_TYPE_EXISTS, V_CONST, 1, NULL, 0, NULL },
	{ "core_foo_t", "0", CORE_TYPE_EXISTS, V_CONST, 1, NULL, 0, NULL },
	{ "core_foo", "0", CORE_TYPE_SIZE, V_CONST, sizeof(struct core_foo), NULL, 0, NULL },
	{ "core_foo_t", "0", CORE_TYPE_SIZE, V_CONST, sizeof(core_foo_t), NULL, 0, NULL },
	{ "core_foo", "0", CORE_TYPE_ID_TARGET, V_TARG_ID, 0, NULL, 0, NULL },
	{ "core_foo", "0", CORE_TYPE_ID_LOCAL, V_LOCAL_ID, 0, NULL, 0, NULL },
	{ "core_color", "1", CORE_ENUMVAL_EXISTS, V_CONST, 0, NULL, 0, NULL },
	{ "core_color", "2", CORE_ENUMVAL_EXISTS, V_CONST, 1, NULL, 0, NULL },
	{ "core_color", "2", CORE_ENUMVAL_VALUE, V_CONST, CORE_BLUE, NULL, 0, NULL },
	{ "core_color", "0", CORE_ENUMVAL_VALUE, V_CONST, CORE_RED, NULL, 0, NULL },
	{ "core_color", "1", CORE_ENUMVAL_VALUE, V_POISON, 0, NULL, 0,
	  "enum value of enum core_color::CORE_GREEN (access 1): no enumerator in target" },
	{ "core_gone_enum", "0", CORE_ENUMVAL_EXISTS, V_CONST, 0, NULL, 0, NULL },
};

static bool case_matches(const struct target_case *c, const struct btf *lb,
			 const struct obj_core *rc)
{
	return rc->kind == c->kind && strcmp(rc->access, c->access) == 0 &&
	       strcmp(type_name(lb, rc->type_id), c->type) == 0;
}

/* Value of the patched instruction at @pc of @insns as the relocation sees it */
static uint64_t insn_value(const struct raw_insn *insns, uint32_t pc)
{
	const struct raw_insn *in = &insns[pc];

	switch (in->code & 7) {
	case 0: /* lddw */
		return (uint64_t)(uint32_t)in->imm | (uint64_t)(uint32_t)insns[pc + 1].imm << 32;
	case 1:
	case 2:
	case 3:
		return (uint64_t)(int64_t)in->off;
	default:
		return (uint64_t)(int64_t)in->imm;
	}
}

START_TEST(test_target_case)
{
	const struct target_case *c = &target_cases[_i];
	struct fx f;
	size_t hits = 0;

	fx_open(&f, CORE_DIR "core_local.o", CORE_DIR "core_target.o", true);
	fx_apply(&f);
	ck_assert_msg(f.rc == 0, "core_apply: %s", f.err);
	for (size_t i = 0; i < f.p->core_cnt; i++) {
		const struct obj_core *rc = &f.p->cores[i];
		const struct raw_insn *in = &f.p->insns[rc->pc], *was = &f.orig[rc->pc];
		const struct core_poison *po = poison_at(&f, rc->pc);
		uint64_t want = c->val;

		if (!case_matches(c, &f.lb, rc))
			continue;
		hits++;
		if (c->how == V_POISON) {
			ck_assert_msg(in->code == POISON_CODE && in->imm == CORE_POISON_IMM &&
					      in->src == 0 && in->dst == 0 && in->off == 0,
				      "%s %s kind %u: pc %u not poisoned", c->type, c->access,
				      c->kind, rc->pc);
			if (was->code == 0x18) /* both slots of an lddw */
				ck_assert_int_eq(f.p->insns[rc->pc + 1].code, POISON_CODE);
			ck_assert_msg(po, "no poison record for pc %u", rc->pc);
			ck_assert_msg(strstr(po->why, c->why), "why \"%s\" lacks \"%s\"", po->why,
				      c->why);
			continue;
		}
		ck_assert_msg(!po, "pc %u unexpectedly poisoned: %s", rc->pc, po ? po->why : "");
		if (c->how == V_BF)
			want = bf_value(c->bf, c->kind);
		else if (c->how == V_TARG_ID)
			want = btf_find(f.targ, c->type, BTF_K_STRUCT);
		else if (c->how == V_LOCAL_ID)
			want = btf_find(&f.lb, c->type, BTF_K_STRUCT);
		ck_assert_msg(insn_value(f.p->insns, rc->pc) == want,
			      "%s %s kind %u at pc %u: got %llu, want %llu", c->type, c->access,
			      c->kind, rc->pc, (unsigned long long)insn_value(f.p->insns, rc->pc),
			      (unsigned long long)want);
		ck_assert_int_eq(in->code, c->code ? c->code : was->code);
		ck_assert_int_eq(in->dst, was->dst);
		ck_assert_int_eq(in->src, was->src);
	}
	ck_assert_msg(hits > 0, "no relocation %s %s kind %u in core_local.o", c->type, c->access,
		      c->kind);
	fx_close(&f);
}
END_TEST

/* The table above covers every relocation, and nothing but relocated slots changed */
START_TEST(test_target_complete)
{
	struct fx f;
	size_t poisoned = 0;

	fx_open(&f, CORE_DIR "core_local.o", CORE_DIR "core_target.o", true);
	ck_assert_uint_ge(f.p->core_cnt, 40);
	for (size_t i = 0; i < f.p->core_cnt; i++) {
		bool known = false;

		for (size_t k = 0; k < ARRAY_SIZE(target_cases) && !known; k++)
			known = case_matches(&target_cases[k], &f.lb, &f.p->cores[i]);
		ck_assert_msg(known, "relocation %s %s kind %u has no expectation",
			      type_name(&f.lb, f.p->cores[i].type_id), f.p->cores[i].access,
			      f.p->cores[i].kind);
	}
	fx_apply(&f);
	ck_assert_msg(f.rc == 0, "core_apply: %s", f.err);
	for (size_t k = 0; k < ARRAY_SIZE(target_cases); k++)
		poisoned += target_cases[k].how == V_POISON;
	ck_assert_uint_eq(f.npoison, poisoned);
	for (uint32_t pc = 0; pc < f.p->insn_cnt; pc++) {
		bool relocated = false;

		for (size_t i = 0; i < f.p->core_cnt; i++)
			relocated |=
				f.p->cores[i].pc == pc || (f.orig[f.p->cores[i].pc].code == 0x18 &&
							   f.p->cores[i].pc + 1 == pc);
		if (!relocated)
			ck_assert_msg(memcmp(&f.orig[pc], &f.p->insns[pc], sizeof(f.orig[pc])) == 0,
				      "pc %u changed without a relocation", pc);
	}
	fx_close(&f);
}
END_TEST

/* Without the name index the candidates are found by a scan: same result */
START_TEST(test_target_no_index)
{
	struct fx a, b;

	fx_open(&a, CORE_DIR "core_local.o", CORE_DIR "core_target.o", true);
	fx_open(&b, CORE_DIR "core_local.o", CORE_DIR "core_target.o", false);
	ck_assert_ptr_null(b.tb.by_name);
	fx_apply(&a);
	fx_apply(&b);
	ck_assert_int_eq(a.rc, 0);
	ck_assert_int_eq(b.rc, 0);
	ck_assert_uint_eq(a.p->insn_cnt, b.p->insn_cnt);
	ck_assert(memcmp(a.p->insns, b.p->insns, a.p->insn_cnt * sizeof(*a.p->insns)) == 0);
	ck_assert_uint_eq(a.npoison, b.npoison);
	for (size_t i = 0; i < a.npoison; i++)
		ck_assert_str_eq(a.poison[i].why, b.poison[i].why);
	fx_close(&a);
	fx_close(&b);
}
END_TEST

/*
 * The local BTF as target: everything resolves to itself, nothing is poisoned and the
 * instructions keep their values, except the bitfield byte sizes, for which clang 14
 * chose 8 and libbpf's rule (the smallest load from the field type's size) gives 4.
 */
START_TEST(test_self)
{
	struct fx f;

	fx_open(&f, CORE_DIR "core_local.o", NULL, false);
	fx_apply(&f);
	ck_assert_msg(f.rc == 0, "core_apply: %s", f.err);
	ck_assert_uint_eq(f.npoison, 0);
	for (size_t i = 0; i < f.p->core_cnt; i++) {
		const struct obj_core *rc = &f.p->cores[i];
		bool bitfield_size =
			rc->kind == CORE_FIELD_BYTE_SIZE &&
			(strcmp(rc->access, "0:5") == 0 || strcmp(rc->access, "0:6") == 0);

		if (bitfield_size)
			ck_assert_int_eq(f.p->insns[rc->pc].imm, (int32_t)sizeof(int));
		else
			ck_assert_msg(memcmp(&f.orig[rc->pc], &f.p->insns[rc->pc],
					     sizeof(f.orig[0])) == 0,
				      "self relocation %s kind %u changed pc %u", rc->access,
				      rc->kind, rc->pc);
	}
	fx_close(&f);
}
END_TEST

/* A hand-written relocation applied to a small program */
struct one {
	const char *type; /* local type name */
	uint32_t btf_kind;
	const char *access;
	uint32_t kind;
	struct raw_insn insn; /* holding the local value */
};

static int apply_one(const struct btf *lb, const struct btf *tb, const struct one *o,
		     struct raw_insn *out, struct core_poison **poison, size_t *np, char *err,
		     size_t err_size)
{
	struct raw_insn prog[3] = { o->insn, { 0 }, { .code = 0x95 } };
	struct obj_core rc = { .pc = 0, .access = o->access, .kind = o->kind };
	int r;

	rc.type_id = btf_find(lb, o->type, (int)o->btf_kind);
	ck_assert_msg(rc.type_id, "no local type %s", o->type);
	if (o->insn.code == 0x18)
		prog[1].imm = 0; /* second lddw slot */
	else
		prog[1] = (struct raw_insn){ .code = 0x95 };
	r = core_apply(lb, tb, &rc, 1, prog, 3, poison, np, err, err_size);
	*out = prog[0];
	return r;
}

#define MOV_IMM(v) ((struct raw_insn){ .code = 0xb7, .imm = (v) })
#define LDDW(v) ((struct raw_insn){ .code = 0x18, .imm = (v) })

/* Several candidates (core_ambig.c): they must agree, or the relocation is an error */
START_TEST(test_ambiguous)
{
	struct fx f;
	struct raw_insn out;
	struct core_poison *po;
	size_t np;
	char err[256];
	/* local core_inner: x at 0, y at 4; both target candidates: y at 8 + 4 = 12 */
	const struct one agree = { "core_inner", BTF_K_STRUCT, "0:1", CORE_FIELD_BYTE_OFFSET,
				   MOV_IMM(4) };
	const struct one size = { "core_inner", BTF_K_STRUCT, "0", CORE_TYPE_SIZE, MOV_IMM(8) };
	/* core_bar (new_name at 4) and core_bar___dup (at 0) */
	const struct one offset = { "core_bar___v2", BTF_K_STRUCT, "0:0", CORE_FIELD_BYTE_OFFSET,
				    MOV_IMM(0) };
	/* the two core_inner candidates have different ids */
	const struct one id = { "core_inner", BTF_K_STRUCT, "0", CORE_TYPE_ID_TARGET, LDDW(0) };

	fx_open(&f, CORE_DIR "core_local.o", CORE_DIR "core_ambig.o", true);
	ck_assert_int_eq(apply_one(&f.lb, f.targ, &agree, &out, &po, &np, err, sizeof(err)), 0);
	ck_assert_int_eq(out.imm, 12);
	ck_assert_uint_eq(np, 0);
	free(po);
	ck_assert_int_eq(apply_one(&f.lb, f.targ, &size, &out, &po, &np, err, sizeof(err)), 0);
	ck_assert_int_eq(out.imm, 16);
	free(po);
	ck_assert_int_eq(apply_one(&f.lb, f.targ, &offset, &out, &po, &np, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "disagree on the field offset"), "%s", err);
	ck_assert_ptr_null(po);
	ck_assert_uint_eq(np, 0);
	ck_assert_int_eq(apply_one(&f.lb, f.targ, &id, &out, &po, &np, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "disagree on the target type id"), "%s", err);
	fx_close(&f);
}
END_TEST

/* TYPE_MATCHES (kind 12; clang 14 has no builtin for it), judged by hand from the sources */
static const struct {
	const char *type;
	uint32_t btf_kind;
	int want; /* against core_target.c */
} match_cases[] = {
	/* the local c is a direct member; in the target it is inside an anonymous struct */
	{ "core_foo", BTF_K_STRUCT, 0 },
	{ "core_foo_t", BTF_K_TYPEDEF, 0 },
	/* x and y are ints in both (the target's extra member does not matter) */
	{ "core_inner", BTF_K_STRUCT, 1 },
	{ "core_bar___v2", BTF_K_STRUCT, 1 },
	{ "core_bar___v1", BTF_K_STRUCT, 0 }, /* old_name is gone */
	{ "core_color", BTF_K_ENUM, 0 }, /* CORE_GREEN is gone */
	{ "core_missing", BTF_K_STRUCT, 0 }, /* no candidate */
};

START_TEST(test_type_matches)
{
	struct fx f;
	struct raw_insn out;
	struct core_poison *po;
	size_t np;
	char err[256];
	const struct one o = { match_cases[_i].type, match_cases[_i].btf_kind, "0",
			       CORE_TYPE_MATCHES, MOV_IMM(1) };

	fx_open(&f, CORE_DIR "core_local.o", CORE_DIR "core_target.o", true);
	ck_assert_msg(apply_one(&f.lb, f.targ, &o, &out, &po, &np, err, sizeof(err)) == 0, "%s",
		      err);
	ck_assert_int_eq(out.code, 0xb7);
	ck_assert_msg(out.imm == match_cases[_i].want, "%s: got %d", o.type, out.imm);
	free(po);
	/* every type matches itself */
	ck_assert_msg(apply_one(&f.lb, &f.lb, &o, &out, &po, &np, err, sizeof(err)) == 0, "%s",
		      err);
	ck_assert_int_eq(out.imm, 1);
	free(po);
	fx_close(&f);
}
END_TEST

/* Malformed records against core_local.o's own BTF: -1 with a reason, never a crash */
static const struct {
	const char *name;
	const char *type; /* local struct/enum name, or NULL: use @type_id */
	uint32_t type_id;
	const char *access;
	uint32_t kind;
	int pc; /* slot of the image; -1: past the end; -2: first conditional jump */
	const char *err;
} bad_cases[] = {
	{ "index past members", "core_foo", 0, "0:99999", CORE_FIELD_BYTE_OFFSET, 0, "99999" },
	{ "index past array", "core_foo", 0, "0:2:8", CORE_FIELD_BYTE_OFFSET, 0, "elements" },
	{ "empty access", "core_foo", 0, "", CORE_FIELD_BYTE_OFFSET, 0, "access string" },
	{ "leading colon", "core_foo", 0, ":0", CORE_FIELD_BYTE_OFFSET, 0, "access string" },
	{ "trailing colon", "core_foo", 0, "0:", CORE_FIELD_BYTE_OFFSET, 0, "access string" },
	{ "double colon", "core_foo", 0, "0::1", CORE_FIELD_BYTE_OFFSET, 0, "access string" },
	{ "letters", "core_foo", 0, "0:a", CORE_FIELD_BYTE_OFFSET, 0, "access string" },
	{ "negative", "core_foo", 0, "0:-1", CORE_FIELD_BYTE_OFFSET, 0, "access string" },
	{ "trailing junk", "core_foo", 0, "0:1x", CORE_FIELD_BYTE_OFFSET, 0, "access string" },
	{ "overflow", "core_foo", 0, "0:99999999999", CORE_FIELD_BYTE_OFFSET, 0, "access string" },
	{ "null access", "core_foo", 0, NULL, CORE_FIELD_BYTE_OFFSET, 0, "access string" },
	{ "65 steps", "core_foo", 0,
	  "0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:"
	  "0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0",
	  CORE_FIELD_BYTE_OFFSET, 0, "more than 64" },
	{ "step into int", "core_foo", 0, "0:0:1", CORE_FIELD_BYTE_OFFSET, 0, "steps into" },
	{ "huge root index", "core_foo", 0, "2147483647:0", CORE_FIELD_BYTE_OFFSET, 0,
	  "overflows" },
	{ "type id out of range", NULL, 0xfffffff0u, "0:0", CORE_FIELD_BYTE_OFFSET, 0,
	  "out of range" },
	{ "unknown kind", "core_foo", 0, "0:0", 13, 0, "unknown relocation kind" },
	{ "type kind with a field access", "core_foo", 0, "0:1", CORE_TYPE_SIZE, 0, "not \"0\"" },
	{ "enum value of a struct", "core_foo", 0, "0", CORE_ENUMVAL_VALUE, 0, "enumerator" },
	{ "enum index past", "core_color", 0, "9", CORE_ENUMVAL_VALUE, 0, "enumerator" },
	{ "signedness of an array element", "core_foo", 0, "0:2:1", CORE_FIELD_SIGNED, 0,
	  "array element" },
	{ "pc past the end", "core_foo", 0, "0:0", CORE_FIELD_BYTE_OFFSET, -1, "past the" },
	{ "relocation on a jump", "core_foo", 0, "0:1", CORE_FIELD_BYTE_OFFSET, -2,
	  "cannot patch" },
	/* pc 0 loads a (offset 0), but b is at 8 */
	{ "unexpected value", "core_foo", 0, "0:1", CORE_FIELD_BYTE_OFFSET, 0, "unexpected" },
};

START_TEST(test_bad_record)
{
	struct fx f;
	struct obj_core rc = { 0 };
	struct core_poison *po = (struct core_poison *)&rc; /* must be reset */
	size_t np = 99;
	char err[256] = "";
	int r;

	fx_open(&f, CORE_DIR "core_local.o", NULL, false);
	rc.type_id = bad_cases[_i].type ? btf_find(&f.lb, bad_cases[_i].type, -1)
					: bad_cases[_i].type_id;
	ck_assert_uint_ne(rc.type_id, 0);
	rc.access = bad_cases[_i].access;
	rc.kind = bad_cases[_i].kind;
	if (bad_cases[_i].pc == -1) {
		rc.pc = (uint32_t)f.p->insn_cnt;
	} else if (bad_cases[_i].pc == -2) {
		while (rc.pc < f.p->insn_cnt &&
		       !((f.p->insns[rc.pc].code & 7) == 5 && (f.p->insns[rc.pc].code >> 4) >= 1 &&
			 (f.p->insns[rc.pc].code >> 4) <= 0xd &&
			 (f.p->insns[rc.pc].code >> 4) != 8 && (f.p->insns[rc.pc].code >> 4) != 9))
			rc.pc++;
		ck_assert_uint_lt(rc.pc, f.p->insn_cnt);
	} else {
		rc.pc = (uint32_t)bad_cases[_i].pc;
	}
	r = core_apply(&f.lb, &f.lb, &rc, 1, f.p->insns, f.p->insn_cnt, &po, &np, err, sizeof(err));
	ck_assert_msg(r == -1, "%s: accepted", bad_cases[_i].name);
	ck_assert_ptr_null(po);
	ck_assert_uint_eq(np, 0);
	ck_assert_msg(strstr(err, bad_cases[_i].err), "%s: \"%s\" lacks \"%s\"", bad_cases[_i].name,
		      err, bad_cases[_i].err);
	ck_assert_msg(strncmp(err, "core relocation 0 at pc ", 24) == 0, "%s", err);
	fx_close(&f);
}
END_TEST

/* Instructions that cannot carry a relocation, and a relocation of an anonymous type */
START_TEST(test_bad_insn)
{
	struct fx f;
	struct raw_insn out;
	struct core_poison *po;
	size_t np;
	char err[256];
	struct one o = {
		"core_bar___v2", BTF_K_STRUCT, "0:0", CORE_FIELD_BYTE_OFFSET, { .code = 0x0f }
	}; /* r0 += r0: register source */
	struct raw_insn lddw = LDDW(1);
	struct obj_core rc = { .pc = 0, .access = "0", .kind = CORE_TYPE_EXISTS };
	uint32_t anon = 0;

	fx_open(&f, CORE_DIR "core_local.o", NULL, false);
	ck_assert_int_eq(apply_one(&f.lb, &f.lb, &o, &out, &po, &np, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "no immediate"), "%s", err);
	o.insn = (struct raw_insn){ .code = 0x30 }; /* ld_abs */
	ck_assert_int_eq(apply_one(&f.lb, &f.lb, &o, &out, &po, &np, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "not a plain lddw"), "%s", err);
	o.insn = (struct raw_insn){ .code = 0x85, .imm = 1 }; /* call */
	ck_assert_int_eq(apply_one(&f.lb, &f.lb, &o, &out, &po, &np, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "cannot patch"), "%s", err);
	/* lddw in the last slot */
	rc.type_id = btf_find(&f.lb, "core_foo", BTF_K_STRUCT);
	ck_assert_int_eq(core_apply(&f.lb, &f.lb, &rc, 1, &lddw, 1, &po, &np, err, sizeof(err)),
			 -1);
	ck_assert_msg(strstr(err, "last slot"), "%s", err);
	/* the anonymous union inside core_foo */
	for (uint32_t id = 1; id < f.lb.cnt && !anon; id++) {
		struct btf_type t;

		if (btf_type_get(&f.lb, id, &t) && btf_kind_of(&t) == BTF_K_UNION && !t.name_off)
			anon = id;
	}
	ck_assert_uint_ne(anon, 0);
	rc.type_id = anon;
	lddw = MOV_IMM(1);
	ck_assert_int_eq(core_apply(&f.lb, &f.lb, &rc, 1, &lddw, 1, &po, &np, err, sizeof(err)),
			 -1);
	ck_assert_msg(strstr(err, "anonymous"), "%s", err);
	/* but the local type id of an anonymous type needs no candidate */
	rc.kind = CORE_TYPE_ID_LOCAL;
	lddw = MOV_IMM((int32_t)anon);
	ck_assert_int_eq(core_apply(&f.lb, &f.lb, &rc, 1, &lddw, 1, &po, &np, err, sizeof(err)), 0);
	ck_assert_int_eq(lddw.imm, (int32_t)anon);
	free(po);
	fx_close(&f);
}
END_TEST

/* A tiny BTF writer for hostile type graphs */
struct blob {
	uint32_t types[4096];
	size_t tn;
	char strs[4096];
	size_t sn;
};

static void blob_init(struct blob *b)
{
	memset(b, 0, sizeof(*b));
	b->sn = 1; /* offset 0: the empty name */
}

static uint32_t blob_str(struct blob *b, const char *s)
{
	uint32_t off = (uint32_t)b->sn;

	ck_assert_uint_lt(b->sn + strlen(s) + 1, sizeof(b->strs));
	memcpy(b->strs + b->sn, s, strlen(s) + 1);
	b->sn += strlen(s) + 1;
	return off;
}

static void blob_w(struct blob *b, uint32_t v)
{
	ck_assert_uint_lt(b->tn, ARRAY_SIZE(b->types));
	b->types[b->tn++] = v;
}

static void blob_type(struct blob *b, const char *name, uint32_t kind, uint32_t vlen,
		      uint32_t size_type)
{
	blob_w(b, name ? blob_str(b, name) : 0);
	blob_w(b, kind << 24 | vlen);
	blob_w(b, size_type);
}

static void blob_member(struct blob *b, const char *name, uint32_t type, uint32_t bit_off)
{
	blob_w(b, name ? blob_str(b, name) : 0);
	blob_w(b, type);
	blob_w(b, bit_off);
}

static void blob_parse(struct blob *b, struct btf *out)
{
	uint8_t raw[24 + sizeof(b->types) + sizeof(b->strs)];
	uint32_t hdr[6] = {
		0, 24, 0, (uint32_t)(b->tn * 4), (uint32_t)(b->tn * 4), (uint32_t)b->sn
	};
	char err[256];

	hdr[0] = 0xeB9F | 1u << 16; /* magic, version 1, flags 0 */
	memcpy(raw, hdr, sizeof(hdr));
	memcpy(raw + 24, b->types, b->tn * 4);
	memcpy(raw + 24 + b->tn * 4, b->strs, b->sn);
	ck_assert_msg(btf_parse(out, raw, 24 + b->tn * 4 + b->sn, false, err, sizeof(err)) == 0,
		      "%s", err);
}

/* Apply one relocation of local type @type to "r0 = @imm" */
static int blob_apply(const struct btf *lb, const struct btf *tb, const char *type,
		      const char *access, uint32_t kind, int32_t imm, char *err, size_t err_size)
{
	struct raw_insn prog[2] = { MOV_IMM(imm), { .code = 0x95 } };
	struct obj_core rc = { .pc = 0, .access = access, .kind = kind };
	struct core_poison *po;
	size_t np;
	int r;

	rc.type_id = btf_find(lb, type, -1);
	ck_assert_uint_ne(rc.type_id, 0);
	r = core_apply(lb, tb, &rc, 1, prog, 2, &po, &np, err, err_size);
	free(po);
	return r;
}

/* Typedef cycles: 1 int, 2 struct S { T m; }, 3 typedef T -> T, 4 typedef U -> 5 -> 4 */
START_TEST(test_cycles)
{
	struct blob b;
	struct btf lb, tb;
	char err[256];

	blob_init(&b);
	blob_type(&b, "int", BTF_K_INT, 0, 4);
	blob_w(&b, 1u << 24 | 32); /* signed, 32 bits */
	blob_type(&b, "S", BTF_K_STRUCT, 1, 4);
	blob_member(&b, "m", 3, 0);
	blob_type(&b, "T", BTF_K_TYPEDEF, 0, 3);
	blob_type(&b, "U", BTF_K_TYPEDEF, 0, 5);
	blob_type(&b, "V", BTF_K_CONST, 0, 4);
	blob_parse(&b, &lb);
	blob_parse(&b, &tb);

	ck_assert_int_eq(
		blob_apply(&lb, &lb, "S", "0:0", CORE_FIELD_BYTE_OFFSET, 0, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "cycle"), "%s", err);
	ck_assert_int_eq(
		blob_apply(&lb, &tb, "S", "0:0", CORE_FIELD_BYTE_OFFSET, 0, err, sizeof(err)), -1);
	ck_assert_int_eq(
		blob_apply(&lb, &tb, "S", "0:0:0", CORE_FIELD_BYTE_OFFSET, 0, err, sizeof(err)),
		-1);
	ck_assert_int_eq(blob_apply(&lb, &tb, "T", "0", CORE_TYPE_SIZE, 0, err, sizeof(err)), -1);
	ck_assert_int_eq(blob_apply(&lb, &tb, "U", "0", CORE_TYPE_EXISTS, 1, err, sizeof(err)), -1);
	ck_assert_int_eq(blob_apply(&lb, &tb, "S", "0", CORE_TYPE_MATCHES, 1, err, sizeof(err)),
			 -1);
	ck_assert_int_eq(blob_apply(&lb, &tb, "U", "0:0", CORE_FIELD_EXISTS, 1, err, sizeof(err)),
			 -1);
	/* the struct itself is fine */
	ck_assert_int_eq(blob_apply(&lb, &tb, "S", "0", CORE_TYPE_SIZE, 4, err, sizeof(err)), 0);
	btf_fini(&lb);
	btf_fini(&tb);
}
END_TEST

/*
 * Target S nests 40 levels of anonymous structs, each holding the next level twice, and
 * no "x" at all: an exhaustive search would visit 2^40 members. The step budget ends it.
 * Then 70 levels of single nesting: deeper than the 64 steps of a spec.
 */
START_TEST(test_nesting)
{
	struct blob b;
	struct btf lb, tb;
	char err[256];
	clock_t t0;

	blob_init(&b);
	blob_type(&b, "int", BTF_K_INT, 0, 4);
	blob_w(&b, 1u << 24 | 32);
	blob_type(&b, "S", BTF_K_STRUCT, 1, 4);
	blob_member(&b, "x", 1, 0);
	blob_parse(&b, &lb);

	blob_init(&b);
	blob_type(&b, "int", BTF_K_INT, 0, 4);
	blob_w(&b, 1u << 24 | 32);
	for (uint32_t lvl = 0; lvl < 40; lvl++) { /* type 2 + lvl */
		blob_type(&b, lvl ? NULL : "S", BTF_K_STRUCT, 2, 8);
		blob_member(&b, NULL, lvl == 39 ? 1 : 3 + lvl, 0);
		blob_member(&b, NULL, lvl == 39 ? 1 : 3 + lvl, 0);
	}
	blob_parse(&b, &tb);
	t0 = clock();
	ck_assert_int_eq(
		blob_apply(&lb, &tb, "S", "0:0", CORE_FIELD_BYTE_OFFSET, 0, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "too complex"), "%s", err);
	ck_assert_msg(clock() - t0 < 20 * CLOCKS_PER_SEC, "budget took too long");
	btf_fini(&tb);

	blob_init(&b);
	blob_type(&b, "int", BTF_K_INT, 0, 4);
	blob_w(&b, 1u << 24 | 32);
	for (uint32_t lvl = 0; lvl < 70; lvl++) {
		blob_type(&b, lvl ? NULL : "S", BTF_K_STRUCT, 1, 4);
		blob_member(&b, lvl == 69 ? "x" : NULL, lvl == 69 ? 1 : 3 + lvl, 0);
	}
	blob_parse(&b, &tb);
	ck_assert_int_eq(
		blob_apply(&lb, &tb, "S", "0:0", CORE_FIELD_BYTE_OFFSET, 0, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "deeper"), "%s", err);
	btf_fini(&tb);
	btf_fini(&lb);
}
END_TEST

/* A 32-bit local enum against a 64-bit target enum (enum64 and enum mix): a wide lddw */
START_TEST(test_enum64)
{
	struct blob b;
	struct btf lb, tb;
	struct raw_insn prog[3] = { LDDW(1), { 0 }, { .code = 0x95 } };
	struct obj_core rc[2] = { { .pc = 0, .access = "1", .kind = CORE_ENUMVAL_VALUE },
				  { .pc = 0, .access = "0", .kind = CORE_ENUMVAL_EXISTS } };
	struct core_poison *po;
	size_t np;
	char err[256];

	blob_init(&b);
	blob_type(&b, "e", BTF_K_ENUM, 2, 4);
	blob_w(&b, blob_str(&b, "E_X"));
	blob_w(&b, 0);
	blob_w(&b, blob_str(&b, "E_Y___local"));
	blob_w(&b, 1);
	blob_parse(&b, &lb);
	blob_init(&b);
	blob_type(&b, "e___kernel", BTF_K_ENUM64, 1, 8);
	blob_w(&b, blob_str(&b, "E_Y"));
	blob_w(&b, 2); /* low 32 bits */
	blob_w(&b, 1); /* high 32 bits */
	blob_parse(&b, &tb);
	rc[0].type_id = rc[1].type_id = btf_find(&lb, "e", BTF_K_ENUM);
	ck_assert_msg(core_apply(&lb, &tb, rc, 1, prog, 3, &po, &np, err, sizeof(err)) == 0, "%s",
		      err);
	ck_assert_int_eq(prog[0].imm, 2);
	ck_assert_int_eq(prog[1].imm, 1);
	free(po);
	/* E_X has no counterpart: its existence is 0 */
	prog[0] = MOV_IMM(1);
	rc[1].pc = 0;
	ck_assert_msg(core_apply(&lb, &tb, &rc[1], 1, prog, 3, &po, &np, err, sizeof(err)) == 0,
		      "%s", err);
	ck_assert_int_eq(prog[0].imm, 0);
	free(po);
	btf_fini(&lb);
	btf_fini(&tb);
}
END_TEST

/* Offset of member @name of STRUCT @id (a direct member), walking the BTF */
static uint32_t member_off(const struct btf *b, uint32_t id, const char *name, uint32_t *type)
{
	struct btf_type t;

	ck_assert(btf_type_get(b, id, &t));
	for (uint32_t i = 0; i < btf_vlen_of(&t); i++) {
		struct btf_member m;

		ck_assert(btf_member_get(b, id, i, &m));
		if (strcmp(btf_str(b, m.name_off), name) == 0) {
			*type = m.type;
			return m.offset / 8;
		}
	}
	ck_abort_msg("no member %s", name);
	return 0;
}

/* core_kernel.c against /sys/kernel/btf/vmlinux; skipped when it is not readable */
START_TEST(test_kernel)
{
	FILE *fp = fopen("/sys/kernel/btf/vmlinux", "rb");
	struct bv_diags d = { 0 };
	struct core_poison *po;
	struct btf kb, lb;
	struct obj *o;
	struct obj_prog *p;
	uint8_t *raw;
	size_t size = 0, cap = 1 << 20, np;
	uint32_t task, type, pid, tgid, comm, parent, tsize;
	char err[256];
	clock_t t0;

	if (!fp) {
		fprintf(stderr,
			"core: /sys/kernel/btf/vmlinux not readable, kernel test skipped\n");
		return;
	}
	raw = malloc(cap);
	ck_assert_ptr_nonnull(raw);
	for (size_t got; (got = fread(raw + size, 1, cap - size, fp)) > 0;) {
		size += got;
		if (size == cap) {
			raw = realloc(raw, cap *= 2);
			ck_assert_ptr_nonnull(raw);
		}
	}
	fclose(fp);
	ck_assert_msg(btf_parse(&kb, raw, size, false, err, sizeof(err)) == 0, "%s", err);
	free(raw);
	ck_assert_int_eq(btf_index(&kb), 0);

	task = btf_find(&kb, "task_struct", BTF_K_STRUCT);
	ck_assert_uint_ne(task, 0);
	pid = member_off(&kb, task, "pid", &type);
	tgid = member_off(&kb, task, "tgid", &type);
	comm = member_off(&kb, task, "comm", &type);
	parent = member_off(&kb, task, "real_parent", &type);
	ck_assert_int_eq(btf_size_of(&kb, task, &tsize), 0);

	o = obj_open(CORE_DIR "core_kernel.o", &d);
	ck_assert_msg(o, "core_kernel.o: %s", d.cnt ? d.v[0].msg : "?");
	bv_diags_free(&d);
	parse_btf(&lb, o);
	p = &o->progs[0];
	ck_assert_uint_eq(p->core_cnt, 10);
	t0 = clock();
	ck_assert_msg(core_apply(&lb, &kb, p->cores, p->core_cnt, p->insns, p->insn_cnt, &po, &np,
				 err, sizeof(err)) == 0,
		      "%s", err);
	ck_assert_msg(clock() - t0 < CLOCKS_PER_SEC, "relocating 10 records took over 1 s");
	ck_assert_uint_eq(np, 0);
	for (size_t i = 0; i < p->core_cnt; i++) {
		const struct obj_core *rc = &p->cores[i];
		const char *tn = type_name(&lb, rc->type_id);
		uint64_t got = insn_value(p->insns, rc->pc), want = 0;

		if (rc->kind == CORE_FIELD_BYTE_OFFSET && strcmp(rc->access, "0:0") == 0)
			want = pid;
		else if (rc->kind == CORE_FIELD_BYTE_OFFSET && strcmp(rc->access, "0:1") == 0)
			want = tgid;
		else if (rc->kind == CORE_FIELD_BYTE_OFFSET && strcmp(rc->access, "0:2:1") == 0)
			want = comm + 1;
		else if (rc->kind == CORE_FIELD_BYTE_OFFSET && strcmp(rc->access, "0:3") == 0)
			want = parent;
		else if (rc->kind == CORE_TYPE_EXISTS)
			want = 0; /* core_no_such_kernel_type */
		else if (rc->kind == CORE_TYPE_SIZE)
			want = tsize;
		else if (rc->kind == CORE_ENUMVAL_VALUE)
			want = 2; /* BPF_MAP_TYPE_ARRAY, fixed by the uapi */
		else if (rc->kind == CORE_ENUMVAL_EXISTS)
			want = 0; /* BPF_MAP_TYPE_NO_SUCH___local */
		else if (rc->kind == CORE_TYPE_ID_TARGET)
			want = task;
		else if (rc->kind == CORE_FIELD_EXISTS)
			want = 1;
		else
			ck_abort_msg("unexpected relocation %s %s kind %u", tn, rc->access,
				     rc->kind);
		ck_assert_msg(got == want, "%s %s kind %u: got %llu, want %llu", tn, rc->access,
			      rc->kind, (unsigned long long)got, (unsigned long long)want);
	}
	free(po);
	btf_fini(&lb);
	btf_fini(&kb);
	obj_free(o);
}
END_TEST

Suite *core_suite(void)
{
	Suite *s = suite_create("core");
	TCase *tc = tcase_create("relocate");
	TCase *bad = tcase_create("hostile");

	tcase_add_loop_test(tc, test_target_case, 0, ARRAY_SIZE(target_cases));
	tcase_add_test(tc, test_target_complete);
	tcase_add_test(tc, test_target_no_index);
	tcase_add_test(tc, test_self);
	tcase_add_test(tc, test_ambiguous);
	tcase_add_loop_test(tc, test_type_matches, 0, ARRAY_SIZE(match_cases));
	tcase_add_test(tc, test_enum64);
	tcase_add_test(tc, test_kernel);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);

	tcase_add_loop_test(bad, test_bad_record, 0, ARRAY_SIZE(bad_cases));
	tcase_add_test(bad, test_bad_insn);
	tcase_add_test(bad, test_cycles);
	tcase_add_test(bad, test_nesting);
	tcase_set_timeout(bad, 120);
	suite_add_tcase(s, bad);
	return s;
}
