// SPDX-License-Identifier: MIT
/*
 * Tests for obj, the ELF loader: the small programs of testdata/loader/ (built
 * with clang into build/loader/ when missing or stale, for both byte orders)
 * load with the right programs, types, maps, relocations, linked subprograms
 * and line info; every malformed file (testdata/bad/ and a corpus generated
 * from the loader objects by tests/gen_bad.sh) is rejected with exactly one
 * error diagnostic; random corruption never crashes; the section-name table
 * matches libbpf's.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../verifier/obj.h"
#include "suites.h"

#define LOADER_SRC "testdata/loader"
#define LOADER_OUT "build/loader"
#define LOADER_BAD LOADER_OUT "/bad"

static const char *const loader_progs[] = { "maps_btf", "maps_legacy", "globals",
					    "subprogs", "multi",       "externs" };
/* also built big-endian (-target bpfeb) to check the byte-order conversion */
static const char *const loader_be[] = { "maps_btf", "globals", "subprogs", "externs" };

static bool setup_ok, setup_done;
static char setup_err[1536];

static bool newer(const char *src, const char *obj)
{
	struct stat s, o;

	if (stat(obj, &o))
		return true;
	return stat(src, &s) == 0 && s.st_mtime >= o.st_mtime;
}

static bool build_one(const char *name, bool be)
{
	char src[256], obj[256], cmd[1024];

	snprintf(src, sizeof(src), LOADER_SRC "/%s.c", name);
	snprintf(obj, sizeof(obj), LOADER_OUT "/%s%s.o", name, be ? ".be" : "");
	if (!newer(src, obj))
		return true;
	snprintf(cmd, sizeof(cmd),
		 "${CLANG:-clang} -O2 -g -target %s -I/usr/include/$(${CC:-cc} -dumpmachine) "
		 "-c %s -o %s",
		 be ? "bpfeb" : "bpfel", src, obj);
	if (system(cmd) != 0) {
		snprintf(setup_err, sizeof(setup_err), "cannot build %s: %s", obj, cmd);
		return false;
	}
	return true;
}

/* Unchecked fixture: runs once in the parent before the forked tests */
static void loader_setup(void)
{
	char cmd[1024];
	size_t n;

	if (setup_done)
		return;
	setup_done = true;
	setup_ok = false;
	if (system("mkdir -p " LOADER_BAD) != 0) {
		snprintf(setup_err, sizeof(setup_err), "cannot create " LOADER_BAD);
		return;
	}
	for (n = 0; n < ARRAY_SIZE(loader_progs); n++)
		if (!build_one(loader_progs[n], false))
			return;
	for (n = 0; n < ARRAY_SIZE(loader_be); n++)
		if (!build_one(loader_be[n], true))
			return;
	snprintf(cmd, sizeof(cmd),
		 "BAD_DIR=" LOADER_BAD " sh tests/gen_bad.sh " LOADER_OUT "/multi.o " LOADER_OUT
		 "/subprogs.o " LOADER_OUT "/maps_btf.o " LOADER_OUT "/globals.o " LOADER_OUT
		 "/externs.o " LOADER_OUT "/maps_legacy.o > /dev/null");
	if (system(cmd) != 0) {
		snprintf(setup_err, sizeof(setup_err), "gen_bad.sh failed: %s", cmd);
		return;
	}
	setup_ok = true;
}

static struct obj *load(const char *name, bool be)
{
	char path[256];
	struct bv_diags d = { 0 };
	struct obj *o;

	ck_assert_msg(setup_ok, "%s", setup_err);
	snprintf(path, sizeof(path), LOADER_OUT "/%s%s.o", name, be ? ".be" : "");
	o = obj_open(path, &d);
	ck_assert_msg(o, "%s: %s", path, d.cnt ? d.v[0].msg : "no diagnostic");
	ck_assert_msg(d.cnt == 0, "%s: unexpected diagnostic: %s", path, d.v[0].msg);
	bv_diags_free(&d);
	return o;
}

static const struct obj_prog *prog(const struct obj *o, const char *name)
{
	for (size_t i = 0; i < o->prog_cnt; i++)
		if (strcmp(o->progs[i].name, name) == 0)
			return &o->progs[i];
	ck_abort_msg("no program %s", name);
	return NULL;
}

static int map_idx(const struct obj *o, const char *name)
{
	for (size_t i = 0; i < o->map_cnt; i++)
		if (strcmp(o->maps[i].name, name) == 0)
			return (int)i;
	ck_abort_msg("no map %s", name);
	return -1;
}

static const struct obj_rel *rel_at(const struct obj_prog *p, uint32_t pc)
{
	for (size_t i = 0; i < p->rel_cnt; i++)
		if (p->rels[i].pc == pc)
			return &p->rels[i];
	return NULL;
}

static const struct obj_func *func_starting(const struct obj_prog *p, int64_t pc)
{
	for (size_t i = 0; i < p->func_cnt; i++)
		if ((int64_t)p->funcs[i].start == pc)
			return &p->funcs[i];
	return NULL;
}

/*
 * Invariants of every linked program: funcs tile the image from 0, every
 * local call and callback lands on a function start and has a CALL/FUNC_ADDR
 * relocation naming that function, orig matches the image outside relocated
 * slots, lines are sorted and inside the image.
 */
static void check_linked(const struct obj *o, const struct obj_prog *p)
{
	uint32_t at = 0;

	ck_assert_uint_gt(p->func_cnt, 0);
	ck_assert_str_eq(p->funcs[0].name, p->name);
	for (size_t i = 0; i < p->func_cnt; i++) {
		ck_assert_uint_eq(p->funcs[i].start, at);
		ck_assert_uint_gt(p->funcs[i].end, p->funcs[i].start);
		at = p->funcs[i].end;
	}
	ck_assert_uint_eq(at, p->insn_cnt);
	ck_assert_uint_eq(p->funcs[0].end, p->own_cnt);
	for (uint32_t pc = 0; pc < p->insn_cnt; pc++) {
		const struct raw_insn *in = &p->insns[pc];
		const struct obj_rel *r = rel_at(p, pc);
		bool call = in->code == 0x85 && in->src == 1;
		bool faddr = in->code == 0x18 && in->src == 4;

		if (call || faddr) {
			const struct obj_func *f = func_starting(p, (int64_t)pc + 1 + in->imm);

			ck_assert_msg(f, "%s: pc %u: target %lld is no function start", p->name, pc,
				      (long long)pc + 1 + in->imm);
			ck_assert_msg(r && r->kind == (call ? OBJ_REL_CALL : OBJ_REL_FUNC_ADDR),
				      "%s: pc %u: no call relocation", p->name, pc);
			ck_assert_str_eq(r->sym, f->name);
		}
		if (in->code == 0x18 && (in->src == 5 || in->src == 6)) {
			ck_assert_msg(r && r->map == in->imm, "%s: pc %u: map relocation", p->name,
				      pc);
			ck_assert_int_lt(in->imm, (int)o->map_cnt);
			ck_assert_int_ge(in->imm, 0);
		}
		if (pc < p->own_cnt && !r) {
			ck_assert_int_eq(in->code, p->orig[pc].code);
			ck_assert_int_eq(in->imm, p->orig[pc].imm);
		}
		if (in->code == 0x18)
			pc++;
	}
	for (size_t i = 0; i < p->rel_cnt; i++) {
		ck_assert_uint_lt(p->rels[i].pc, p->insn_cnt);
		if (p->rels[i].map >= 0) {
			bool listed = false;

			for (size_t k = 0; k < p->map_cnt; k++)
				listed |= p->maps[k] == p->rels[i].map;
			ck_assert_msg(listed, "%s: map %d not in maps[]", p->name, p->rels[i].map);
		}
	}
	for (size_t i = 0; i < p->line_cnt; i++) {
		ck_assert_uint_lt(p->lines[i].pc, p->insn_cnt);
		if (i)
			ck_assert_uint_le(p->lines[i - 1].pc, p->lines[i].pc);
		ck_assert_ptr_nonnull(p->lines[i].file);
		ck_assert_ptr_nonnull(p->lines[i].src);
	}
}

static void check_all_linked(const struct obj *o)
{
	for (size_t i = 0; i < o->prog_cnt; i++)
		check_linked(o, &o->progs[i]);
}

START_TEST(test_maps_btf)
{
	struct obj *o = load("maps_btf", false);
	const struct obj_prog *p = prog(o, "count_xdp");
	int counts = map_idx(o, "counts"), plain = map_idx(o, "plain"), outer = map_idx(o, "outer");
	int inner = map_idx(o, "outer.inner");
	size_t map_lddw = 0;

	ck_assert_str_eq(o->license, "GPL");
	ck_assert(!o->big_endian);
	ck_assert_ptr_nonnull(o->btf);
	ck_assert_uint_eq(o->map_cnt, 4);
	ck_assert_int_eq(o->maps[counts].kind, OBJ_MAP_USER);
	ck_assert_uint_eq(o->maps[counts].type, 1); /* hash */
	ck_assert_uint_eq(o->maps[counts].key_size, 8);
	ck_assert_uint_eq(o->maps[counts].value_size, 8);
	ck_assert_uint_eq(o->maps[counts].max_entries, 128);
	ck_assert_uint_eq(o->maps[counts].flags, 1); /* BPF_F_NO_PREALLOC */
	ck_assert_uint_ne(o->maps[counts].btf_key_type, 0);
	ck_assert_uint_ne(o->maps[counts].btf_value_type, 0);
	ck_assert_int_eq(o->maps[counts].inner, -1);
	ck_assert_uint_eq(o->maps[plain].type, 2);
	ck_assert_uint_eq(o->maps[plain].key_size, 4);
	ck_assert_uint_eq(o->maps[plain].value_size, 16);
	ck_assert_uint_eq(o->maps[plain].max_entries, 4);
	ck_assert_uint_eq(o->maps[outer].type, 12); /* array of maps */
	ck_assert_uint_eq(o->maps[outer].key_size, 4);
	ck_assert_uint_eq(o->maps[outer].value_size, 4);
	ck_assert_uint_eq(o->maps[outer].max_entries, 2);
	ck_assert_int_eq(o->maps[outer].inner, inner);
	ck_assert_uint_eq(o->maps[inner].type, 2);
	ck_assert_uint_eq(o->maps[inner].max_entries, 8);
	ck_assert_uint_eq(o->maps[inner].value_size, 4);

	ck_assert_int_eq(p->type, BV_PROG_XDP);
	ck_assert_uint_eq(p->expected_attach, 37); /* BPF_XDP */
	ck_assert_str_eq(p->section, "xdp");
	ck_assert(!p->is_subprog);
	ck_assert_uint_eq(p->map_cnt, 3);
	ck_assert_int_eq(p->maps[0], 0);
	ck_assert_int_eq(p->maps[1], 1);
	ck_assert_int_eq(p->maps[2], 2);
	for (uint32_t pc = 0; pc < p->insn_cnt; pc++) {
		const struct obj_rel *r = rel_at(p, pc);

		if (p->insns[pc].code != 0x18 || !r)
			continue;
		map_lddw++;
		ck_assert_int_eq(r->kind, OBJ_REL_MAP);
		ck_assert_int_eq(p->insns[pc].src, INSN_LDDW_MAP_IDX);
		ck_assert_int_eq(p->insns[pc].imm, map_idx(o, r->sym));
		ck_assert_int_eq(p->insns[pc + 1].imm, 0);
		ck_assert_int_eq(p->orig[pc].src, 0); /* unrelocated copy */
	}
	ck_assert_uint_eq(map_lddw, 4);
	check_all_linked(o);
	obj_free(o);
}
END_TEST

START_TEST(test_maps_legacy)
{
	struct obj *o = load("maps_legacy", false);
	const struct obj_prog *p = prog(o, "legacy_sock");

	ck_assert_str_eq(o->license, "Dual MIT/GPL");
	ck_assert_uint_eq(o->map_cnt, 2);
	ck_assert_str_eq(o->maps[0].name, "first");
	ck_assert_uint_eq(o->maps[0].type, 2);
	ck_assert_uint_eq(o->maps[0].key_size, 4);
	ck_assert_uint_eq(o->maps[0].value_size, 8);
	ck_assert_uint_eq(o->maps[0].max_entries, 16);
	ck_assert_str_eq(o->maps[1].name, "second");
	ck_assert_uint_eq(o->maps[1].type, 1);
	ck_assert_uint_eq(o->maps[1].key_size, 8);
	ck_assert_uint_eq(o->maps[1].value_size, 32);
	ck_assert_uint_eq(o->maps[1].max_entries, 1024);
	ck_assert_uint_eq(o->maps[1].flags, 1);
	ck_assert_int_eq(p->type, BV_PROG_SOCKET_FILTER);
	ck_assert_uint_eq(p->rel_cnt, 2);
	ck_assert_int_eq(p->rels[0].kind, OBJ_REL_MAP);
	ck_assert_int_eq(p->insns[p->rels[0].pc].imm, 0);
	ck_assert_int_eq(p->insns[p->rels[1].pc].imm, 1);
	ck_assert_int_eq(p->insns[p->rels[1].pc].src, INSN_LDDW_MAP_IDX);
	check_all_linked(o);
	obj_free(o);
}
END_TEST

static void check_globals(bool be)
{
	struct obj *o = load("globals", be);
	const struct obj_prog *p = prog(o, "globals_tc");
	int ro = map_idx(o, ".rodata"), data = map_idx(o, ".data"), bss = map_idx(o, ".bss");
	int custom = map_idx(o, ".data.custom");
	size_t seen = 0;
	uint64_t v;

	ck_assert_int_eq(p->type, BV_PROG_SCHED_CLS);
	ck_assert_uint_eq(o->map_cnt, 4);
	ck_assert_int_eq(o->maps[ro].kind, OBJ_MAP_RODATA);
	ck_assert(o->maps[ro].readonly);
	ck_assert_uint_eq(o->maps[ro].type, 2);
	ck_assert_uint_eq(o->maps[ro].key_size, 4);
	ck_assert_uint_eq(o->maps[ro].max_entries, 1);
	ck_assert_uint_eq(o->maps[ro].value_size, 40);
	ck_assert_ptr_nonnull(o->maps[ro].data);
	ck_assert_int_eq(o->maps[data].kind, OBJ_MAP_DATA);
	ck_assert(!o->maps[data].readonly);
	ck_assert_int_eq(o->maps[custom].kind, OBJ_MAP_DATA);
	ck_assert_uint_eq(o->maps[custom].value_size, 4);
	ck_assert_int_eq(o->maps[bss].kind, OBJ_MAP_BSS);
	ck_assert_ptr_null(o->maps[bss].data);
	ck_assert(!obj_map_read(&o->maps[data], 0, 8, &v)); /* writable: not constant */
	ck_assert(!obj_map_read(&o->maps[ro], 40, 1, &v));
	ck_assert(!obj_map_read(&o->maps[ro], 37, 4, &v));
	ck_assert(!obj_map_read(&o->maps[ro], 0, 3, &v));
	ck_assert(!obj_map_read(&o->maps[ro], UINT64_MAX - 2, 4, &v));
	ck_assert_uint_eq(p->map_cnt, 4);
	for (size_t i = 0; i < p->rel_cnt; i++) {
		const struct obj_rel *r = &p->rels[i];
		const struct raw_insn *in = &p->insns[r->pc];

		ck_assert_int_eq(r->kind, OBJ_REL_MAP_VALUE);
		ck_assert_int_eq(in->src, INSN_LDDW_MAP_IDX_VALUE);
		ck_assert_int_eq(in->imm, r->map);
		if (strcmp(r->sym, "limit") == 0) {
			ck_assert_int_eq(r->map, ro);
			/* host order: only meaningful for objects of the host's byte order */
			if (!be) {
				ck_assert(obj_map_read(&o->maps[ro], (uint64_t)in[1].imm, 4, &v));
				ck_assert_uint_eq(v, 42);
			}
			seen |= 1;
		} else if (strcmp(r->sym, "table") == 0) {
			ck_assert_int_eq(r->map, ro);
			if (!be) {
				ck_assert(obj_map_read(&o->maps[ro], (uint64_t)in[1].imm + 16, 8,
						       &v));
				ck_assert_uint_eq(v, 30);
			}
			seen |= 2;
		} else if (strcmp(r->sym, "hits") == 0) {
			ck_assert_int_eq(r->map, data);
			ck_assert_uint_eq(o->maps[data].data[in[1].imm], be ? 0 : 7);
			seen |= 4;
		} else if (strcmp(r->sym, "misses") == 0) {
			ck_assert_int_eq(r->map, bss);
			seen |= 8;
		} else if (strcmp(r->sym, "custom") == 0) {
			ck_assert_int_eq(r->map, custom);
			ck_assert_int_eq(in[1].imm, 0);
			seen |= 16;
		}
	}
	ck_assert_uint_eq(seen, 31);
	check_all_linked(o);
	obj_free(o);
}

START_TEST(test_globals)
{
	check_globals(false);
}
END_TEST

START_TEST(test_globals_be)
{
	check_globals(true);
}
END_TEST

START_TEST(test_subprogs)
{
	struct obj *o = load("subprogs", false);
	const struct obj_prog *x = prog(o, "sub_xdp"), *t = prog(o, "sub_tc");
	const struct obj_prog *add_sq = prog(o, "add_sq");
	const char *want_x[] = { "sub_xdp", "add_sq", "twice", "sq" };
	const char *want_t[] = { "sub_tc", "visit", "twice" };
	bool callback = false;

	ck_assert_uint_eq(x->func_cnt, ARRAY_SIZE(want_x));
	for (size_t i = 0; i < ARRAY_SIZE(want_x); i++)
		ck_assert_str_eq(x->funcs[i].name, want_x[i]);
	ck_assert(x->funcs[0].global);
	ck_assert(x->funcs[1].global);
	ck_assert(!x->funcs[2].global);
	ck_assert_uint_ne(x->funcs[1].btf_id, 0);
	ck_assert_uint_eq(x->own_cnt, 9);
	ck_assert_uint_eq(x->map_cnt, 0);
	ck_assert_uint_eq(t->func_cnt, ARRAY_SIZE(want_t));
	for (size_t i = 0; i < ARRAY_SIZE(want_t); i++)
		ck_assert_str_eq(t->funcs[i].name, want_t[i]);
	ck_assert_uint_eq(t->map_cnt, 1);
	ck_assert_int_eq(t->maps[0], map_idx(o, "vals"));
	for (size_t i = 0; i < t->rel_cnt; i++)
		if (t->rels[i].kind == OBJ_REL_FUNC_ADDR) {
			ck_assert_str_eq(t->rels[i].sym, "visit");
			ck_assert_int_eq(t->insns[t->rels[i].pc].src, INSN_LDDW_FUNC);
			callback = true;
		}
	ck_assert(callback);
	/* .text functions are listed as subprograms, linked on their own */
	ck_assert(add_sq->is_subprog);
	ck_assert_str_eq(add_sq->section, ".text");
	ck_assert_int_eq(add_sq->type, BV_PROG_UNSPEC);
	ck_assert_uint_eq(add_sq->sec_off, 0);
	ck_assert_uint_eq(prog(o, "sq")->sec_off, 7);
	ck_assert_uint_eq(add_sq->func_cnt, 2);
	/* the raw ELF call targets: add_sq's calls to sq are pc-relative without relocation */
	ck_assert_int_eq(add_sq->orig[1].code, 0x85);
	ck_assert_int_eq(add_sq->orig[1].imm, 5);
	check_all_linked(o);
	obj_free(o);
}
END_TEST

START_TEST(test_lines)
{
	struct obj *o = load("subprogs", false);
	const struct obj_prog *x = prog(o, "sub_xdp");
	const struct obj_func *sq = &x->funcs[3];
	const struct obj_line *l;

	ck_assert_uint_gt(x->line_cnt, 0);
	l = obj_line_at(x, 0);
	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(l->pc, 0);
	ck_assert_msg(strstr(l->file, "subprogs.c"), "%s", l->file);
	ck_assert_msg(strstr(l->src, "add_sq("), "%s", l->src);
	ck_assert_uint_gt(l->line, 30);
	ck_assert_uint_gt(l->col, 0);
	/* lines of a subprogram are offset by where it was placed */
	l = obj_line_at(x, sq->start + 1);
	ck_assert_ptr_nonnull(l);
	ck_assert_uint_ge(l->pc, sq->start);
	ck_assert_msg(strstr(l->src, "x * x"), "%s", l->src);
	l = obj_line_at(x, (uint32_t)x->insn_cnt + 100);
	ck_assert_ptr_eq(l, &x->lines[x->line_cnt - 1]);
	ck_assert_ptr_null(obj_line_at(NULL, 0));
	obj_free(o);
}
END_TEST

START_TEST(test_multi)
{
	static const struct {
		const char *name, *section;
		enum bv_prog_type type;
		uint32_t attach, sec_off;
		bool global;
	} want[] = {
		{ "multi_c4a", "cgroup/connect4", BV_PROG_CGROUP_SOCK_ADDR, 10, 0, true },
		{ "multi_c4b", "cgroup/connect4", BV_PROG_CGROUP_SOCK_ADDR, 10, 5, true },
		{ "multi_ops", "sockops", BV_PROG_SOCK_OPS, 3, 0, true },
		{ "multi_kp", "kprobe/do_sys_open", BV_PROG_KPROBE, 0, 0, true },
		{ "multi_verdict", "sk_skb/stream_verdict", BV_PROG_SK_SKB, 5, 0, true },
		{ "multi_static", "xdp", BV_PROG_XDP, 37, 0, false },
		{ "multi_xdp2", "xdp", BV_PROG_XDP, 37, 2, true },
		{ "multi_helper", "xdp", BV_PROG_XDP, 37, 6, false },
	};
	struct obj *o = load("multi", false);
	const struct obj_prog *x2;

	ck_assert_uint_eq(o->prog_cnt, ARRAY_SIZE(want));
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		const struct obj_prog *p = prog(o, want[i].name);

		ck_assert_str_eq(p->section, want[i].section);
		ck_assert_int_eq(p->type, want[i].type);
		ck_assert_uint_eq(p->expected_attach, want[i].attach);
		ck_assert_uint_eq(p->sec_off, want[i].sec_off);
		ck_assert_int_eq(p->funcs[0].global, want[i].global);
		ck_assert(!p->is_subprog);
	}
	/* a static function of the same section is linked into its caller */
	x2 = prog(o, "multi_xdp2");
	ck_assert_uint_eq(x2->func_cnt, 2);
	ck_assert_str_eq(x2->funcs[1].name, "multi_helper");
	check_all_linked(o);
	obj_free(o);
}
END_TEST

START_TEST(test_externs)
{
	struct obj *o = load("externs", false);
	const struct obj_prog *p = prog(o, "ext_tp");
	int kc = map_idx(o, ".kconfig");
	unsigned seen = 0;
	uint64_t v;

	ck_assert_int_eq(p->type, BV_PROG_TRACING);
	ck_assert_uint_eq(p->expected_attach, 23); /* BPF_TRACE_RAW_TP */
	ck_assert_int_eq(o->maps[kc].kind, OBJ_MAP_KCONFIG);
	ck_assert_uint_eq(o->maps[kc].value_size, 5); /* u32 at 0, bool at 4, as libbpf lays out */
	ck_assert(o->maps[kc].readonly);
	ck_assert(!obj_map_read(&o->maps[kc], 0, 4, &v)); /* values unknown until load */
	for (size_t i = 0; i < p->rel_cnt; i++) {
		const struct obj_rel *r = &p->rels[i];
		const struct raw_insn *in = &p->insns[r->pc];

		if (strcmp(r->sym, "bpf_fake_kfunc") == 0) {
			ck_assert_int_eq(r->kind, OBJ_REL_KFUNC);
			ck_assert_int_eq(in->code, 0x85);
			ck_assert_int_eq(in->src, INSN_CALL_KFUNC);
			seen |= 1;
		} else if (strcmp(r->sym, "bpf_prog_active") == 0) {
			ck_assert_int_eq(r->kind, OBJ_REL_KSYM);
			ck_assert_int_eq(in->src, INSN_LDDW_BTF_ID);
			seen |= 2;
		} else if (strcmp(r->sym, "LINUX_KERNEL_VERSION") == 0) {
			ck_assert_int_eq(r->kind, OBJ_REL_MAP_VALUE);
			ck_assert_int_eq(r->map, kc);
			ck_assert_int_eq(in->src, INSN_LDDW_MAP_IDX_VALUE);
			ck_assert_int_eq(in[1].imm, 0);
			seen |= 4;
		} else if (strcmp(r->sym, "CONFIG_BPF_SYSCALL") == 0) {
			ck_assert_int_eq(r->map, kc);
			ck_assert_int_eq(in[1].imm, 4);
			seen |= 8;
		}
	}
	ck_assert_uint_eq(seen, 15);
	check_all_linked(o);
	obj_free(o);
}
END_TEST

static bool raw_eq(const struct raw_insn *a, const struct raw_insn *b)
{
	return a->code == b->code && a->dst == b->dst && a->src == b->src && a->off == b->off &&
	       a->imm == b->imm;
}

/* A big-endian object loads into the same host-order programs as its little-endian twin */
START_TEST(test_big_endian)
{
	const char *name = loader_be[_i];
	struct obj *le = load(name, false), *be = load(name, true);

	ck_assert(be->big_endian);
	ck_assert_uint_eq(le->prog_cnt, be->prog_cnt);
	ck_assert_uint_eq(le->map_cnt, be->map_cnt);
	for (size_t i = 0; i < le->map_cnt; i++) {
		ck_assert_str_eq(le->maps[i].name, be->maps[i].name);
		ck_assert_uint_eq(le->maps[i].type, be->maps[i].type);
		ck_assert_uint_eq(le->maps[i].key_size, be->maps[i].key_size);
		ck_assert_uint_eq(le->maps[i].value_size, be->maps[i].value_size);
		ck_assert_uint_eq(le->maps[i].max_entries, be->maps[i].max_entries);
		ck_assert_int_eq(le->maps[i].inner, be->maps[i].inner);
	}
	for (size_t i = 0; i < le->prog_cnt; i++) {
		const struct obj_prog *a = &le->progs[i], *b = &be->progs[i];

		ck_assert_str_eq(a->name, b->name);
		ck_assert_uint_eq(a->insn_cnt, b->insn_cnt);
		for (size_t k = 0; k < a->insn_cnt; k++)
			ck_assert_msg(raw_eq(&a->insns[k], &b->insns[k]), "%s: slot %zu differs",
				      a->name, k);
		for (size_t k = 0; k < a->own_cnt; k++)
			ck_assert(raw_eq(&a->orig[k], &b->orig[k]));
		ck_assert_uint_eq(a->line_cnt, b->line_cnt);
		for (size_t k = 0; k < a->line_cnt; k++) {
			ck_assert_uint_eq(a->lines[k].pc, b->lines[k].pc);
			ck_assert_uint_eq(a->lines[k].line, b->lines[k].line);
			ck_assert_str_eq(a->lines[k].src, b->lines[k].src);
		}
		for (size_t k = 0; k < a->func_cnt; k++)
			ck_assert_uint_eq(a->funcs[k].btf_id, b->funcs[k].btf_id);
	}
	obj_free(le);
	obj_free(be);
}
END_TEST

START_TEST(test_open_errors)
{
	struct bv_diags d = { 0 };

	obj_free(NULL);
	ck_assert_ptr_null(obj_open("build/loader/does-not-exist.o", &d));
	ck_assert_uint_eq(d.cnt, 1);
	ck_assert_int_eq(d.v[0].code, BV_EIO);
	ck_assert_str_eq(d.v[0].file, "build/loader/does-not-exist.o");
	bv_diags_free(&d);
	ck_assert_ptr_null(obj_open("build/loader", &d));
	ck_assert_uint_eq(d.cnt, 1);
	ck_assert_int_eq(d.v[0].code, BV_EIO);
	bv_diags_free(&d);
	ck_assert_ptr_null(obj_open("build/loader/x.o", NULL)); /* no diagnostics list */
}
END_TEST

/* Every file of @dir must be rejected with exactly one one-line error; returns the count */
static size_t check_bad_dir(const char *dir, char *fails, size_t fails_size)
{
	size_t n = 0;
	DIR *dp = opendir(dir);
	struct dirent *e;

	if (!dp)
		return 0;
	while ((e = readdir(dp))) {
		char path[512];
		struct bv_diags d = { 0 };
		struct obj *o;
		const char *why = NULL;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		o = obj_open(path, &d);
		n++;
		if (o)
			why = "accepted";
		else if (d.cnt != 1)
			why = "not exactly one diagnostic";
		else if (d.v[0].sev != BV_SEV_ERROR || d.v[0].code >= 0)
			why = "not an error";
		else if (!d.v[0].msg[0] || strchr(d.v[0].msg, '\n'))
			why = "empty or multi-line message";
		else if (strcmp(d.v[0].file, path) != 0)
			why = "message does not name the file";
		if (why) {
			size_t len = strlen(fails);

			snprintf(fails + len, fails_size - len, " %s (%s)", e->d_name, why);
		}
		obj_free(o);
		bv_diags_free(&d);
	}
	closedir(dp);
	return n;
}

START_TEST(test_bad_corpus)
{
	static char fails[8192];
	size_t n;

	ck_assert_msg(setup_ok, "%s", setup_err);
	fails[0] = 0;
	n = check_bad_dir(LOADER_BAD, fails, sizeof(fails));
	ck_assert_uint_gt(n, 50);
	n += check_bad_dir("testdata/bad", fails, sizeof(fails));
	ck_assert_msg(fails[0] == 0, "bad files mishandled:%s", fails);
}
END_TEST

/* Random byte corruption of valid objects: any outcome but a crash, leak or hang */
START_TEST(test_fuzz)
{
	const char *name = loader_progs[_i];
	char src[256], dst[256];
	uint8_t *buf, *mut;
	size_t size, iters = tests_long() ? 3000 : 150;
	uint64_t seed = 0x9e3779b97f4a7c15ull * (_i + 1);
	FILE *f;

	ck_assert_msg(setup_ok, "%s", setup_err);
	snprintf(src, sizeof(src), LOADER_OUT "/%s.o", name);
	snprintf(dst, sizeof(dst), LOADER_OUT "/fuzz-%s.o", name);
	f = fopen(src, "rb");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	size = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(size);
	mut = malloc(size);
	ck_assert(fread(buf, 1, size, f) == size);
	fclose(f);
	for (size_t it = 0; it < iters; it++) {
		struct bv_diags d = { 0 };
		size_t flips = 1 + it % 8;
		struct obj *o;

		memcpy(mut, buf, size);
		for (size_t k = 0; k < flips; k++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			/* bias towards the headers at both ends, where most structure lives */
			size_t pos = (size_t)(seed >> 33) % size;

			if (k % 3 == 1)
				pos = (size_t)(seed >> 40) % (size < 256 ? size : 256);
			else if (k % 3 == 2)
				pos = size - 1 - (size_t)(seed >> 40) % (size < 2048 ? size : 2048);
			mut[pos] ^= (uint8_t)(seed >> 24) | 1;
		}
		f = fopen(dst, "wb");
		ck_assert_ptr_nonnull(f);
		ck_assert(fwrite(mut, 1, size, f) == size);
		fclose(f);
		o = obj_open(dst, &d);
		if (!o)
			ck_assert_msg(d.cnt >= 1 && d.v[d.cnt - 1].sev == BV_SEV_ERROR,
				      "iteration %zu: rejected without an error", it);
		obj_free(o);
		bv_diags_free(&d);
	}
	remove(dst);
	free(buf);
	free(mut);
}
END_TEST

static const struct {
	const char *sec;
	enum bv_prog_type type;
	uint32_t attach;
} sec_cases[] = {
	{ "socket", BV_PROG_SOCKET_FILTER, 0 },
	{ "kprobe/do_sys_open", BV_PROG_KPROBE, 0 },
	{ "kprobe", BV_PROG_KPROBE, 0 },
	{ "kretprobe/do_sys_open", BV_PROG_KPROBE, 0 },
	{ "uprobe/bin:func", BV_PROG_KPROBE, 0 },
	{ "uretprobe/bin:func", BV_PROG_KPROBE, 0 },
	{ "ksyscall/openat", BV_PROG_KPROBE, 0 },
	{ "kretsyscall/openat", BV_PROG_KPROBE, 0 },
	{ "usdt/bin:prov:name", BV_PROG_KPROBE, 0 },
	{ "kprobe.multi/do_*", BV_PROG_KPROBE, 42 },
	{ "tracepoint/syscalls/sys_enter_openat", BV_PROG_TRACEPOINT, 0 },
	{ "tp/syscalls/sys_enter_openat", BV_PROG_TRACEPOINT, 0 },
	{ "raw_tracepoint/sched_switch", BV_PROG_RAW_TRACEPOINT, 0 },
	{ "raw_tp/sched_switch", BV_PROG_RAW_TRACEPOINT, 0 },
	{ "raw_tracepoint.w/bpf_test", BV_PROG_RAW_TRACEPOINT_WRITABLE, 0 },
	{ "raw_tp.w/bpf_test", BV_PROG_RAW_TRACEPOINT_WRITABLE, 0 },
	{ "tp_btf/sched_switch", BV_PROG_TRACING, 23 },
	{ "fentry/do_unlinkat", BV_PROG_TRACING, 24 },
	{ "fexit/do_unlinkat", BV_PROG_TRACING, 25 },
	{ "fmod_ret/do_unlinkat", BV_PROG_TRACING, 26 },
	{ "fentry.s/do_unlinkat", BV_PROG_TRACING, 24 },
	{ "fexit.s/do_unlinkat", BV_PROG_TRACING, 25 },
	{ "lsm/file_open", BV_PROG_LSM, 27 },
	{ "lsm.s/file_open", BV_PROG_LSM, 27 },
	{ "iter/task", BV_PROG_TRACING, 28 },
	{ "iter.s/task", BV_PROG_TRACING, 28 },
	{ "syscall", BV_PROG_SYSCALL, 0 },
	{ "xdp", BV_PROG_XDP, 37 },
	{ "xdp.frags", BV_PROG_XDP, 37 },
	{ "xdp/devmap", BV_PROG_XDP, 33 },
	{ "xdp/cpumap", BV_PROG_XDP, 35 },
	{ "xdp.frags/devmap", BV_PROG_XDP, 33 },
	{ "tc", BV_PROG_SCHED_CLS, 0 },
	{ "tc/ingress", BV_PROG_SCHED_CLS, 46 },
	{ "tc/egress", BV_PROG_SCHED_CLS, 47 },
	{ "tcx/ingress", BV_PROG_SCHED_CLS, 46 },
	{ "tcx/egress", BV_PROG_SCHED_CLS, 47 },
	{ "netkit/primary", BV_PROG_SCHED_CLS, 54 },
	{ "netkit/peer", BV_PROG_SCHED_CLS, 55 },
	{ "classifier", BV_PROG_SCHED_CLS, 0 },
	{ "action", BV_PROG_SCHED_ACT, 0 },
	{ "perf_event", BV_PROG_PERF_EVENT, 0 },
	{ "cgroup_skb/ingress", BV_PROG_CGROUP_SKB, 0 },
	{ "cgroup_skb/egress", BV_PROG_CGROUP_SKB, 1 },
	{ "cgroup/skb", BV_PROG_CGROUP_SKB, 0 },
	{ "cgroup/sock", BV_PROG_CGROUP_SOCK, 2 },
	{ "cgroup/sock_create", BV_PROG_CGROUP_SOCK, 2 },
	{ "cgroup/sock_release", BV_PROG_CGROUP_SOCK, 34 },
	{ "cgroup/post_bind4", BV_PROG_CGROUP_SOCK, 12 },
	{ "cgroup/post_bind6", BV_PROG_CGROUP_SOCK, 13 },
	{ "cgroup/bind4", BV_PROG_CGROUP_SOCK_ADDR, 8 },
	{ "cgroup/bind6", BV_PROG_CGROUP_SOCK_ADDR, 9 },
	{ "cgroup/connect4", BV_PROG_CGROUP_SOCK_ADDR, 10 },
	{ "cgroup/connect6", BV_PROG_CGROUP_SOCK_ADDR, 11 },
	{ "cgroup/connect_unix", BV_PROG_CGROUP_SOCK_ADDR, 49 },
	{ "cgroup/sendmsg4", BV_PROG_CGROUP_SOCK_ADDR, 14 },
	{ "cgroup/sendmsg6", BV_PROG_CGROUP_SOCK_ADDR, 15 },
	{ "cgroup/sendmsg_unix", BV_PROG_CGROUP_SOCK_ADDR, 50 },
	{ "cgroup/recvmsg4", BV_PROG_CGROUP_SOCK_ADDR, 19 },
	{ "cgroup/recvmsg6", BV_PROG_CGROUP_SOCK_ADDR, 20 },
	{ "cgroup/recvmsg_unix", BV_PROG_CGROUP_SOCK_ADDR, 51 },
	{ "cgroup/getpeername4", BV_PROG_CGROUP_SOCK_ADDR, 29 },
	{ "cgroup/getpeername6", BV_PROG_CGROUP_SOCK_ADDR, 30 },
	{ "cgroup/getsockname4", BV_PROG_CGROUP_SOCK_ADDR, 31 },
	{ "cgroup/getsockname6", BV_PROG_CGROUP_SOCK_ADDR, 32 },
	{ "cgroup/sysctl", BV_PROG_CGROUP_SYSCTL, 18 },
	{ "cgroup/getsockopt", BV_PROG_CGROUP_SOCKOPT, 21 },
	{ "cgroup/setsockopt", BV_PROG_CGROUP_SOCKOPT, 22 },
	{ "cgroup/dev", BV_PROG_CGROUP_DEVICE, 6 },
	{ "sockops", BV_PROG_SOCK_OPS, 3 },
	{ "sk_skb", BV_PROG_SK_SKB, 0 },
	{ "sk_skb/stream_parser", BV_PROG_SK_SKB, 4 },
	{ "sk_skb/stream_verdict", BV_PROG_SK_SKB, 5 },
	{ "sk_msg", BV_PROG_SK_MSG, 7 },
	{ "lirc_mode2", BV_PROG_LIRC_MODE2, 16 },
	{ "flow_dissector", BV_PROG_FLOW_DISSECTOR, 17 },
	{ "lwt_in", BV_PROG_LWT_IN, 0 },
	{ "lwt_out", BV_PROG_LWT_OUT, 0 },
	{ "lwt_xmit", BV_PROG_LWT_XMIT, 0 },
	{ "lwt_seg6local", BV_PROG_LWT_SEG6LOCAL, 0 },
	{ "sk_reuseport", BV_PROG_SK_REUSEPORT, 39 },
	{ "sk_reuseport/migrate", BV_PROG_SK_REUSEPORT, 40 },
	{ "sk_lookup", BV_PROG_SK_LOOKUP, 36 },
	{ "struct_ops/tcp_init", BV_PROG_STRUCT_OPS, 0 },
	{ "struct_ops", BV_PROG_STRUCT_OPS, 0 },
	{ "freplace/handler", BV_PROG_EXT, 0 },
	{ "netfilter", BV_PROG_NETFILTER, 45 },
	/* not matched: libbpf 1.x wants exact names or a '/' separator */
	{ "kprobex", BV_PROG_UNSPEC, 0 },
	{ "xdp_prog", BV_PROG_UNSPEC, 0 },
	{ "xdp/foo", BV_PROG_UNSPEC, 0 },
	{ "tc/other", BV_PROG_UNSPEC, 0 },
	{ "classifier/ingress", BV_PROG_UNSPEC, 0 },
	{ ".text", BV_PROG_UNSPEC, 0 },
	{ "", BV_PROG_UNSPEC, 0 },
};

START_TEST(test_section_types)
{
	uint32_t attach = 99;
	enum bv_prog_type t = obj_type_from_section(sec_cases[_i].sec, &attach);

	ck_assert_msg(t == sec_cases[_i].type, "%s: type %d, want %d", sec_cases[_i].sec, t,
		      sec_cases[_i].type);
	ck_assert_msg(attach == sec_cases[_i].attach, "%s: attach %u, want %u", sec_cases[_i].sec,
		      attach, sec_cases[_i].attach);
	ck_assert_int_eq(obj_type_from_section(sec_cases[_i].sec, NULL), sec_cases[_i].type);
}
END_TEST

START_TEST(test_section_null)
{
	uint32_t attach = 5;

	ck_assert_int_eq(obj_type_from_section(NULL, &attach), BV_PROG_UNSPEC);
	ck_assert_uint_eq(attach, 0);
}
END_TEST

Suite *obj_suite(void)
{
	Suite *s = suite_create("obj");
	TCase *tc = tcase_create("load");
	TCase *bad = tcase_create("bad");
	TCase *sec = tcase_create("section");

	tcase_add_unchecked_fixture(tc, loader_setup, NULL);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_maps_btf);
	tcase_add_test(tc, test_maps_legacy);
	tcase_add_test(tc, test_globals);
	tcase_add_test(tc, test_globals_be);
	tcase_add_test(tc, test_subprogs);
	tcase_add_test(tc, test_lines);
	tcase_add_test(tc, test_multi);
	tcase_add_test(tc, test_externs);
	tcase_add_loop_test(tc, test_big_endian, 0, ARRAY_SIZE(loader_be));
	tcase_add_test(tc, test_open_errors);
	suite_add_tcase(s, tc);

	tcase_add_unchecked_fixture(bad, loader_setup, NULL);
	tcase_set_timeout(bad, 600);
	tcase_add_test(bad, test_bad_corpus);
	tcase_add_loop_test(bad, test_fuzz, 0, ARRAY_SIZE(loader_progs));
	suite_add_tcase(s, bad);

	tcase_add_loop_test(sec, test_section_types, 0, ARRAY_SIZE(sec_cases));
	tcase_add_test(sec, test_section_null);
	suite_add_tcase(s, sec);
	return s;
}
