// SPDX-License-Identifier: MIT
/*
 * Tests for kbtf, the kernel-BTF model of BTF-typed contexts and of loads
 * through pointers to kernel structs. Expected results never come from kbtf:
 * this file has its own reference implementation of the Linux 6.18 rules
 * (btf.c: btf_ctx_access, btf_ctx_arg_idx, btf_struct_walk, __btf_resolve_size,
 * btf_struct_ids_match, btf_nested_type_is_trusted; verifier.c:
 * check_ptr_to_btf_access), which walks the BTF with the raw reader of btf.h
 * only, and hand-written facts about the types of testdata/kbtf/kbtf_types.c
 * (built here with clang into build/kbtf/).
 *
 * Cases: "kbtf_vmlinux" runs against the running kernel's BTF
 * (/sys/kernel/btf/vmlinux, or $BV_VMLINUX_BTF) and returns early, with a note
 * on stdout, when it cannot be read; "kbtf_synthetic" runs anywhere clang is;
 * "kbtf_robust" feeds bad files, ids, offsets and sizes; "kbtf_disagree" pins
 * down the known differences between kbtf.c and Linux 6.18 (each test names
 * the kernel rule; they fail until kbtf.c follows the kernel). The sweeps in
 * the other cases compare every access against the reference and tolerate
 * only mismatches of those known kinds, so they still catch new ones.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../verifier/btf.h"
#include "../verifier/kbtf.h"
#include "../verifier/obj.h"
#include "suites.h"

#define VMLINUX_BTF "/sys/kernel/btf/vmlinux"
#define SYN_SRC "testdata/kbtf/kbtf_types.c"
#define SYN_DIR "build/kbtf"
#define SYN_OBJ SYN_DIR "/kbtf_types.o"

/* linux/bpf.h enum bpf_attach_type */
enum {
	AT_RAW_TP = 23,
	AT_FENTRY = 24,
	AT_FEXIT = 25,
	AT_MODIFY_RETURN = 26,
	AT_LSM_MAC = 27,
	AT_ITER = 28,
	AT_LSM_CGROUP = 43,
};

#define MAX_CTX_OFF 96 /* 8 * MAX_BPF_FUNC_ARGS */
#define MAX_ERRNO 4095

/* ------------------------------------------------------------------------ */
/* Fixtures: the kernel BTF and the synthetic BTF, loaded once per test case */

static struct btf *vm; /* kernel BTF, or NULL */
static bool vm_tried, vm_failed; /* vm_failed: readable but kb_load() refused it */
static char vm_why[600];
static double vm_load_secs;

static struct btf syn;
static bool syn_tried, syn_ok;
static char syn_why[1200];
static uint8_t *syn_raw; /* the object's .BTF, for the robustness tests */
static size_t syn_raw_size;

static const char *vm_path(void)
{
	const char *p = getenv("BV_VMLINUX_BTF");

	return p && *p ? p : VMLINUX_BTF;
}

static void vm_setup(void)
{
	struct timespec a, b;
	char err[400] = "";

	if (vm_tried)
		return;
	vm_tried = true;
	if (access(vm_path(), R_OK) != 0) {
		snprintf(vm_why, sizeof(vm_why),
			 "%s is not readable (%s): kernel BTF tests skipped", vm_path(),
			 strerror(errno));
		printf("kbtf: %s\n", vm_why);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	vm = kb_load(vm_path(), err, sizeof(err));
	clock_gettime(CLOCK_MONOTONIC, &b);
	vm_load_secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	if (!vm) {
		vm_failed = true;
		snprintf(vm_why, sizeof(vm_why), "kb_load(%s) failed: %s", vm_path(), err);
	}
}

static void vm_teardown(void)
{
	kb_free(vm);
	vm = NULL;
	vm_tried = vm_failed = false;
	vm_why[0] = 0;
}

/* A kernel BTF test: fails if the file was readable but did not load, else skips */
#define NEED_VM()                                        \
	do {                                             \
		ck_assert_msg(!vm_failed, "%s", vm_why); \
		if (!vm)                                 \
			return;                          \
	} while (0)

static bool newer(const char *src, const char *obj)
{
	struct stat s, o;

	if (stat(obj, &o))
		return true;
	return stat(src, &s) == 0 && s.st_mtime >= o.st_mtime;
}

/* Unchecked fixture: build testdata/kbtf/kbtf_types.c and parse its BTF */
static void syn_setup(void)
{
	struct bv_diags d = { 0 };
	char cmd[1024], err[256];
	struct obj *o;

	if (syn_tried)
		return;
	syn_tried = true;
	if (system("mkdir -p " SYN_DIR) != 0) {
		snprintf(syn_why, sizeof(syn_why), "cannot create " SYN_DIR);
		return;
	}
	if (newer(SYN_SRC, SYN_OBJ)) {
		/* the flags of the Makefile's BPF_CFLAGS */
		snprintf(cmd, sizeof(cmd),
			 "${CLANG:-clang} -O2 -g -target bpf -Wno-unused-value -Wno-pointer-sign "
			 "-Wno-compare-distinct-pointer-types -D__TARGET_ARCH_x86 "
			 "-I/usr/include/$(${CC:-cc} -dumpmachine) -Itestdata/include -c %s -o %s",
			 SYN_SRC, SYN_OBJ);
		if (system(cmd) != 0) {
			snprintf(syn_why, sizeof(syn_why), "cannot build %s: %s", SYN_OBJ, cmd);
			return;
		}
	}
	o = obj_open(SYN_OBJ, &d);
	if (!o || !o->btf) {
		snprintf(syn_why, sizeof(syn_why), "%s: %s", SYN_OBJ,
			 !o ? (d.cnt ? d.v[0].msg : "obj_open failed") : "no .BTF section");
		obj_free(o);
		bv_diags_free(&d);
		return;
	}
	/* -target bpf is the host's byte order: no swapping */
	if (btf_parse(&syn, o->btf, o->btf_size, false, err, sizeof(err)) || btf_index(&syn)) {
		snprintf(syn_why, sizeof(syn_why), "%s: bad BTF: %s", SYN_OBJ, err);
		btf_fini(&syn);
	} else {
		syn_raw = malloc(o->btf_size);
		if (syn_raw) {
			memcpy(syn_raw, o->btf, o->btf_size);
			syn_raw_size = o->btf_size;
			syn_ok = true;
		} else {
			snprintf(syn_why, sizeof(syn_why), "out of memory");
			btf_fini(&syn);
		}
	}
	obj_free(o);
	bv_diags_free(&d);
}

static void syn_teardown(void)
{
	if (syn_ok)
		btf_fini(&syn);
	memset(&syn, 0, sizeof(syn));
	free(syn_raw);
	syn_raw = NULL;
	syn_raw_size = 0;
	syn_tried = syn_ok = false;
	syn_why[0] = 0;
}

#define NEED_SYN() ck_assert_msg(syn_ok, "%s", syn_why)

/* ------------------------------------------------------------------------ */
/* BTF helpers of the reference, on top of the raw reader only */

static uint32_t kind(const struct btf *b, uint32_t id)
{
	struct btf_type t;

	return btf_type_get(b, id, &t) ? btf_kind_of(&t) : BTF_K_UNKN;
}

static uint32_t size_field(const struct btf *b, uint32_t id)
{
	struct btf_type t;

	return btf_type_get(b, id, &t) ? t.size_type : 0;
}

static const char *name_of(const struct btf *b, uint32_t id)
{
	struct btf_type t;
	const char *s;

	if (!btf_type_get(b, id, &t))
		return "";
	s = btf_str(b, t.name_off);
	return s ? s : "";
}

static const char *str_or_empty(const struct btf *b, uint32_t off)
{
	const char *s = btf_str(b, off);

	return s ? s : "";
}

static bool is_modifier(uint32_t k)
{
	return k == BTF_K_TYPEDEF || k == BTF_K_CONST || k == BTF_K_VOLATILE ||
	       k == BTF_K_RESTRICT || k == BTF_K_TYPE_TAG;
}

static bool is_sou(uint32_t k)
{
	return k == BTF_K_STRUCT || k == BTF_K_UNION;
}

/* btf_type_skip_modifiers: follow typedef/const/volatile/restrict/type_tag */
static uint32_t skip_mods(const struct btf *b, uint32_t id)
{
	for (int n = 0; n < 64; n++) {
		if (!is_modifier(kind(b, id)))
			return id;
		id = size_field(b, id);
	}
	return 0;
}

/* First type named @name of kind @k, by a linear scan (no index) */
static uint32_t scan_type(const struct btf *b, const char *name, uint32_t k)
{
	for (uint32_t id = 1; id < b->cnt; id++)
		if (kind(b, id) == k && strcmp(name_of(b, id), name) == 0)
			return id;
	return 0;
}

/* Member named @name of STRUCT/UNION @id (top level only); false if none */
static bool member_named(const struct btf *b, uint32_t id, const char *name, struct btf_member *m,
			 uint32_t *idx)
{
	struct btf_type t;

	if (!btf_type_get(b, id, &t))
		return false;
	for (uint32_t i = 0; i < btf_vlen_of(&t); i++) {
		if (!btf_member_get(b, id, i, m))
			return false;
		if (strcmp(str_or_empty(b, m->name_off), name) == 0) {
			if (idx)
				*idx = i;
			return true;
		}
	}
	return false;
}

/* Byte offset of member @name of @id; fails the test if absent */
static uint32_t moff_of(const struct btf *b, uint32_t id, const char *name)
{
	struct btf_member m;

	ck_assert_msg(member_named(b, id, name, &m, NULL), "no member %s in %s", name,
		      name_of(b, id));
	return m.offset / 8;
}

/*
 * __btf_resolve_size: the size of @id; for arrays (also nested) the innermost
 * element type (modifiers skipped) and the product of the dimensions in
 * @nelems, else @elem = the resolved type and @nelems = 1. @resolved: @id with
 * modifiers skipped (the outer array for arrays). false: no size.
 */
static bool resolve_size(const struct btf *b, uint32_t id, uint32_t *size, uint32_t *resolved,
			 uint32_t *elem, uint32_t *nelems)
{
	uint64_t total = 1;

	id = skip_mods(b, id);
	*resolved = id;
	for (int n = 0; n < 64; n++) {
		uint32_t e, cnt, k = kind(b, id);
		uint64_t one;

		if (k == BTF_K_ARRAY) {
			if (!btf_array_get(b, id, &e, &cnt))
				return false;
			total *= cnt;
			if (total > UINT32_MAX)
				return false;
			id = skip_mods(b, e);
			continue;
		}
		if (k == BTF_K_PTR)
			one = 8;
		else if (k == BTF_K_INT || k == BTF_K_ENUM || k == BTF_K_ENUM64 || is_sou(k) ||
			 k == BTF_K_FLOAT)
			one = size_field(b, id);
		else
			return false;
		if (one * total > UINT32_MAX)
			return false;
		*size = (uint32_t)(one * total);
		*elem = id;
		*nelems = (uint32_t)total;
		return true;
	}
	return false;
}

/* ------------------------------------------------------------------------ */
/* Reference: btf_struct_walk / btf_struct_access (Linux 6.18) */

/* Rules where kbtf.c is known to differ from the kernel (see kbtf_disagree) */
enum {
	RULE_ARRAY_SPAN = 1, /* scalar read across elements, inside the array (mtrue_end) */
	RULE_FLEX = 2, /* the flexible-array branch of btf_struct_walk */
	RULE_PTR_NONSTRUCT = 4, /* ctx: pointer to a non-struct other than void or int */
	RULE_ISA_SKIP = 8, /* is_a: first member is a zero-size or an array member */
};

enum rw { RW_ERR, RW_SCALAR, RW_PTR, RW_MEM };

struct rw_out {
	uint32_t target; /* RW_PTR: the struct pointed to */
	const char *field; /* RW_PTR: the member's name */
	bool user, percpu, rcu_tag; /* MEM_USER, MEM_PERCPU, MEM_RCU from the type tag */
	bool untrusted; /* PTR_UNTRUSTED: a union of several members was walked */
	unsigned rules; /* RULE_* met on the way */
};

static enum rw ref_walk(const struct btf *b, uint32_t id, int64_t off, uint32_t size,
			struct rw_out *w)
{
	if (off < 0 || size == 0)
		return RW_ERR; /* the verifier never asks */
	for (int depth = 0; depth < 64; depth++) {
		struct btf_type t;
		uint32_t vlen;
		bool nested = false;

		id = skip_mods(b, id);
		if (!btf_type_get(b, id, &t) || !is_sou(btf_kind_of(&t)))
			return RW_ERR; /* "Type '%s' is not a struct" */
		vlen = btf_vlen_of(&t);
		if (btf_kind_of(&t) == BTF_K_UNION && vlen != 1)
			w->untrusted = true;
		if (off + size > t.size_type) {
			/* only a trailing flexible array of ints or structs may be accessed */
			struct btf_member last;
			uint32_t at, e, cnt, moff, ek, esz;

			w->rules |= RULE_FLEX;
			if (vlen == 0 || !btf_member_get(b, id, vlen - 1, &last))
				return RW_ERR;
			at = skip_mods(b, last.type);
			if (!btf_array_get(b, at, &e, &cnt) || cnt != 0)
				return RW_ERR;
			moff = last.offset / 8;
			if (off < moff)
				return RW_ERR;
			e = skip_mods(b, e);
			ek = kind(b, e);
			if (ek == BTF_K_INT)
				return RW_SCALAR;
			esz = size_field(b, e);
			if (!is_sou(ek) || esz == 0)
				return RW_ERR; /* "access beyond struct" */
			off = (off - moff) % esz;
			id = e;
			continue;
		}
		for (uint32_t i = 0; i < vlen; i++) {
			struct btf_member m;
			uint32_t moff, bits, msize, mt, elem, nelems, mtrue_end, mk;

			if (!btf_member_get(b, id, i, &m))
				return RW_ERR;
			moff = m.offset / 8;
			if (off + size <= moff)
				break;
			bits = btf_member_bits(b, id, i);
			if (bits) {
				/* only a read covering the whole bitfield, from its first byte */
				if (off <= moff && (m.offset + bits + 7) / 8 <= off + size)
					return RW_SCALAR;
				continue;
			}
			if (off < moff)
				break; /* a hole */
			if (!resolve_size(b, m.type, &msize, &mt, &elem, &nelems))
				return RW_ERR; /* "field %s doesn't have size" */
			mtrue_end = moff + msize;
			if (off >= mtrue_end)
				continue;
			if (kind(b, mt) == BTF_K_ARRAY) {
				msize /= nelems;
				moff += (uint32_t)((off - moff) / msize) * msize;
				mt = elem;
			}
			mk = kind(b, mt);
			if (is_sou(mk)) {
				off -= moff;
				id = mt;
				nested = true;
				break;
			}
			if (mk == BTF_K_PTR) {
				uint32_t pointee = size_field(b, mt), target;
				struct btf_type tt;

				if (msize != size || off != moff)
					return RW_ERR; /* "cannot access ptr member" */
				if (btf_type_get(b, pointee, &tt) &&
				    btf_kind_of(&tt) == BTF_K_TYPE_TAG &&
				    !(tt.info & 0x80000000u)) {
					const char *tag = str_or_empty(b, tt.name_off);

					w->user = strcmp(tag, "user") == 0;
					w->percpu = strcmp(tag, "percpu") == 0;
					w->rcu_tag = strcmp(tag, "rcu") == 0;
				}
				target = skip_mods(b, pointee);
				if (!is_sou(kind(b, target)))
					return RW_MEM; /* rdonly untrusted memory */
				w->target = target;
				w->field = str_or_empty(b, m.name_off);
				return RW_PTR;
			}
			if (off + size > mtrue_end && !w->untrusted)
				return RW_ERR; /* "access beyond the end of member" */
			if (off + size > moff + msize)
				w->rules |= RULE_ARRAY_SPAN;
			return RW_SCALAR;
		}
		if (!nested)
			return RW_ERR; /* "struct %s doesn't have field at offset %d" */
	}
	return RW_ERR;
}

/* btf_nested_type_is_trusted: is @field -> @target listed in "<parent><suffix>"? */
static bool ref_safe(const struct btf *b, uint32_t parent, const char *suffix, const char *field,
		     uint32_t target)
{
	char name[64];
	struct btf_type st;
	uint32_t sid;
	int n;

	n = snprintf(name, sizeof(name), "%s%s", name_of(b, parent), suffix);
	if (n < 0 || (size_t)n >= sizeof(name))
		return false;
	sid = btf_find(b, name, (int)kind(b, parent));
	if (!sid || !btf_type_get(b, sid, &st))
		return false;
	for (uint32_t i = 0; i < btf_vlen_of(&st); i++) {
		struct btf_member m;

		if (!btf_member_get(b, sid, i, &m) || kind(b, m.type) != BTF_K_PTR)
			continue;
		if (skip_mods(b, size_field(b, m.type)) == target &&
		    strcmp(field, str_or_empty(b, m.name_off)) == 0)
			return true;
	}
	return false;
}

/* check_ptr_to_btf_access after the generic checks: what the load yields */
static int ref_read(const struct btf *b, uint32_t id, uint8_t trust, bool rcu_cs, int64_t off,
		    uint32_t size, struct kb_val *out, unsigned *rules)
{
	struct rw_out w = { 0 };
	enum rw r = ref_walk(b, id, off, size, &w);
	bool untr, tr = false, rcu, nul = false, udef;

	memset(out, 0, sizeof(*out));
	out->scalar = true;
	*rules = w.rules;
	if (r == RW_ERR)
		return -1;
	if (r == RW_SCALAR)
		return 0;
	out->scalar = false;
	if (r == RW_MEM) {
		out->trust = KB_UNTRUSTED;
		return 0;
	}
	out->id = w.target;
	untr = w.untrusted;
	rcu = w.rcu_tag;
	udef = w.user || w.percpu;
	if (trust == KB_UNTRUSTED) {
		untr = true; /* flag = PTR_UNTRUSTED */
		rcu = udef = false;
	} else if (trust == KB_TRUSTED || trust == KB_RCU) {
		if (ref_safe(b, id, "__safe_trusted", w.field, w.target)) {
			tr = true;
		} else if (ref_safe(b, id, "__safe_trusted_or_null", w.field, w.target)) {
			tr = nul = true;
		} else if (rcu_cs) {
			if (ref_safe(b, id, "__safe_rcu", w.field, w.target)) {
				rcu = true;
			} else if (rcu ||
				   ref_safe(b, id, "__safe_rcu_or_null", w.field, w.target)) {
				rcu = nul = true;
				if (ref_safe(b, id, "__safe_rcu_or_null", w.field, w.target))
					untr = false;
			} else if (!udef) {
				rcu = false; /* clear_trusted_flags */
			}
		} else {
			untr = true; /* flag = PTR_UNTRUSTED */
			rcu = udef = nul = false;
		}
	} else {
		rcu = false; /* old compat: clear_trusted_flags */
	}
	if (untr)
		out->trust = KB_UNTRUSTED;
	else if (udef)
		out->trust = KB_NODEREF;
	else if (tr)
		out->trust = KB_TRUSTED;
	else if (rcu)
		out->trust = KB_RCU;
	else
		out->trust = KB_PLAIN;
	out->maybe_null = nul;
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Reference: btf_ctx_access (Linux 6.18) */

struct ref_target {
	uint32_t proto; /* FUNC_PROTO, the tracepoint's __data included */
	uint32_t skip; /* tp_btf: 1 */
	uint32_t attach;
	bool trusted; /* prog_args_trusted */
	uint64_t null_mask; /* raw_tp_null_args bit 0 per argument, or iter ctx_arg_info */
	uint64_t err_mask; /* raw_tp_null_args bit 1 per argument */
};

/* A context slot: 8 for pointers, else the type's size rounded up to 8 */
static uint32_t slot_of(const struct btf *b, uint32_t id)
{
	uint32_t k;

	id = skip_mods(b, id);
	k = kind(b, id);
	if (k == BTF_K_PTR)
		return 8;
	if (k == BTF_K_INT || k == BTF_K_ENUM || k == BTF_K_ENUM64 || is_sou(k) || k == BTF_K_FLOAT)
		return (size_field(b, id) + 7) / 8 * 8;
	return 0; /* void */
}

/* btf_ctx_arg_idx over the whole prototype */
static uint32_t ref_arg_idx(const struct btf *b, uint32_t proto, int64_t off)
{
	struct btf_type pt;
	struct btf_member m;
	uint32_t vlen;
	int64_t end = 0;

	btf_type_get(b, proto, &pt);
	vlen = btf_vlen_of(&pt);
	for (uint32_t i = 0; i < vlen; i++) {
		btf_member_get(b, proto, i, &m);
		end += slot_of(b, m.type);
		if (off < end)
			return i;
	}
	end += slot_of(b, pt.size_type);
	return off < end ? vlen : vlen + 1;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), n = strlen(suffix);

	return a >= n && strcmp(s + a - n, suffix) == 0;
}

static int ref_ctx(const struct btf *b, const struct ref_target *rt, int64_t off, uint32_t size,
		   struct kb_val *out, unsigned *rules)
{
	struct btf_type pt, tt;
	struct btf_member m = { 0 };
	uint32_t arg, nr, t, k, pointee, target;

	memset(out, 0, sizeof(*out));
	out->scalar = true;
	*rules = 0;
	/* bpf_tracing_ctx_access */
	if (size == 0 || off < 0 || off >= MAX_CTX_OFF || off % size)
		return -1;
	if (off % 8)
		return -1;
	btf_type_get(b, rt->proto, &pt);
	arg = ref_arg_idx(b, rt->proto, off);
	nr = btf_vlen_of(&pt) - rt->skip;
	if (arg > nr)
		return -1;
	if (arg == nr) {
		if (rt->attach == AT_LSM_MAC || rt->attach == AT_LSM_CGROUP ||
		    rt->attach == AT_FEXIT) {
			t = pt.size_type;
		} else if (rt->attach == AT_MODIFY_RETURN) {
			t = skip_mods(b, pt.size_type);
			if (kind(b, t) != BTF_K_INT || size_field(b, t) > 8)
				return -1;
		} else {
			return -1;
		}
	} else {
		btf_member_get(b, rt->proto, arg + rt->skip, &m);
		t = m.type;
	}
	t = skip_mods(b, t);
	k = kind(b, t);
	if ((k == BTF_K_INT && size_field(b, t) <= 8) || k == BTF_K_ENUM || k == BTF_K_ENUM64 ||
	    is_sou(k))
		return 0;
	if (k != BTF_K_PTR || size != 8)
		return -1;
	pointee = size_field(b, t);
	target = skip_mods(b, pointee);
	if (target == 0 || kind(b, target) == BTF_K_INT)
		return 0; /* is_void_or_int_ptr: a scalar */
	out->trust = rt->trusted ? KB_TRUSTED : KB_PLAIN;
	if (ends_with(str_or_empty(b, m.name_off), "__nullable"))
		out->maybe_null = true;
	if (arg < 64 && (rt->null_mask >> arg) & 1)
		out->maybe_null = true;
	if (btf_type_get(b, pointee, &tt) && btf_kind_of(&tt) == BTF_K_TYPE_TAG &&
	    !(tt.info & 0x80000000u)) {
		const char *tag = str_or_empty(b, tt.name_off);

		if (strcmp(tag, "user") == 0 || strcmp(tag, "percpu") == 0)
			out->trust = KB_NODEREF;
	}
	if (!is_sou(kind(b, target))) {
		*rules |= RULE_PTR_NONSTRUCT;
		memset(out, 0, sizeof(*out));
		out->scalar = true;
		return -1; /* "func '%s' arg%d type %s is not a struct" */
	}
	if (arg < 64 && (rt->err_mask >> arg) & 1) {
		memset(out, 0, sizeof(*out));
		out->scalar = true; /* may be an error pointer: a scalar */
		return 0;
	}
	out->scalar = false;
	out->id = target;
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Reference: btf_struct_ids_match with a name for the wanted type */

static bool ref_is_a(const struct btf *b, uint32_t id, const char *want, unsigned *rules)
{
	*rules = 0;
	for (int depth = 0; depth < 64; depth++) {
		struct btf_type t;
		uint32_t next = 0;

		id = skip_mods(b, id);
		if (strcmp(name_of(b, id), want) == 0)
			return true;
		/* btf_struct_walk(off 0, size 1) must find a nested struct: WALK_STRUCT */
		if (!btf_type_get(b, id, &t) || !is_sou(btf_kind_of(&t)) || t.size_type < 1)
			return false;
		for (uint32_t i = 0; i < btf_vlen_of(&t) && !next; i++) {
			struct btf_member m;
			uint32_t bits, msize, mt, elem, nelems;

			if (!btf_member_get(b, id, i, &m) || m.offset / 8 >= 1)
				return false;
			bits = btf_member_bits(b, id, i);
			if (bits) {
				if ((m.offset + bits + 7) / 8 <= 1)
					return false; /* a scalar */
				continue;
			}
			if (!resolve_size(b, m.type, &msize, &mt, &elem, &nelems))
				return false;
			if (msize == 0) {
				*rules |= RULE_ISA_SKIP;
				continue;
			}
			if (kind(b, mt) == BTF_K_ARRAY) {
				*rules |= RULE_ISA_SKIP;
				mt = elem;
			}
			if (!is_sou(kind(b, mt)))
				return false;
			next = mt;
		}
		if (!next)
			return false;
		id = next;
	}
	return false;
}

/* ------------------------------------------------------------------------ */
/* Comparing kbtf with the reference */

static const char *const trust_names[] = { "plain", "trusted", "rcu", "untrusted", "noderef" };

static void val_str(char *buf, size_t n, const struct btf *b, int rc, const struct kb_val *v)
{
	if (rc)
		snprintf(buf, n, "error");
	else if (v->scalar)
		snprintf(buf, n, "scalar");
	else
		snprintf(buf, n, "ptr to %u (%s) %s%s", v->id, v->id ? name_of(b, v->id) : "mem",
			 v->trust < ARRAY_SIZE(trust_names) ? trust_names[v->trust] : "?",
			 v->maybe_null ? " or null" : "");
}

/* Same outcome: both errors, both scalars, or the same pointer */
static bool same(int ra, const struct kb_val *a, int rb, const struct kb_val *b)
{
	if (ra != rb)
		return false;
	if (ra)
		return true;
	if (a->scalar || b->scalar)
		return a->scalar == b->scalar;
	return a->id == b->id && a->trust == b->trust && a->maybe_null == b->maybe_null;
}

struct stats {
	unsigned long calls, bad, known, no_reason;
	char first[6][400];
	char first_known[400];
};

static void note(struct stats *st, bool known, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void note(struct stats *st, bool known, const char *fmt, ...)
{
	va_list ap;
	char *dst = NULL;

	if (known) {
		if (!st->known++)
			dst = st->first_known;
	} else if (st->bad < ARRAY_SIZE(st->first)) {
		dst = st->first[st->bad];
	}
	if (!known)
		st->bad++;
	if (!dst)
		return;
	va_start(ap, fmt);
	vsnprintf(dst, sizeof(st->first[0]), fmt, ap);
	va_end(ap);
}

/* Fail listing the first unexplained mismatches; known ones are only counted */
static void stats_check(const struct stats *st, const char *what)
{
	if (st->known)
		printf("kbtf: %s: %lu of %lu results differ from Linux 6.18 in known ways "
		       "(kbtf_disagree), e.g. %s\n",
		       what, st->known, st->calls, st->first_known);
	ck_assert_msg(st->no_reason == 0, "%s: %lu errors without a message", what, st->no_reason);
	ck_assert_msg(st->bad == 0,
		      "%s: %lu of %lu results differ from the reference:\n%s\n%s\n%s\n%s\n%s\n%s",
		      what, st->bad, st->calls, st->first[0], st->first[1], st->first[2],
		      st->first[3], st->first[4], st->first[5]);
}

static const struct {
	uint8_t trust;
	bool rcu_cs;
} parents[] = {
	{ KB_TRUSTED, true }, { KB_TRUSTED, false },  { KB_RCU, true },
	{ KB_PLAIN, true },   { KB_UNTRUSTED, true },
};

static const uint32_t sizes[] = { 1, 2, 4, 8 };

/* Compare one kb_struct_read with the reference */
static void cmp_read(const struct btf *b, uint32_t id, uint8_t trust, bool rcu_cs, int64_t off,
		     uint32_t size, struct stats *st)
{
	struct kb_val got, want;
	char err[400] = "", g[160], w[160];
	unsigned rules;
	int rg = kb_struct_read(b, id, trust, rcu_cs, off, size, &got, err, sizeof(err));
	int rw = ref_read(b, id, trust, rcu_cs, off, size, &want, &rules);

	st->calls++;
	if (rg && !err[0])
		st->no_reason++;
	if (same(rg, &got, rw, &want))
		return;
	val_str(g, sizeof(g), b, rg, &got);
	val_str(w, sizeof(w), b, rw, &want);
	note(st, (rules & (RULE_ARRAY_SPAN | RULE_FLEX)) != 0,
	     "%s+%lld size %u (%s parent%s): kbtf %s (%s), kernel %s", name_of(b, id),
	     (long long)off, size, trust_names[trust], rcu_cs ? ", rcu cs" : "", g, err, w);
}

/* Every offset in [0, size of @id + 24) and every access size, for every parent trust */
static void sweep_struct(const struct btf *b, uint32_t id, struct stats *st)
{
	int64_t end = (int64_t)size_field(b, id) + 24;

	for (size_t p = 0; p < ARRAY_SIZE(parents); p++)
		for (int64_t off = 0; off < end; off++)
			for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
				cmp_read(b, id, parents[p].trust, parents[p].rcu_cs, off, sizes[s],
					 st);
}

/* Every context offset in [-16, 112) and access size */
static void sweep_ctx(const struct btf *b, const struct kb_target *tg, const struct ref_target *rt,
		      struct stats *st)
{
	for (int64_t off = -16; off < MAX_CTX_OFF + 16; off++)
		for (size_t s = 0; s < ARRAY_SIZE(sizes); s++) {
			struct kb_val got, want;
			char err[400] = "", g[160], w[160];
			unsigned rules;
			int rg = kb_ctx_access(b, tg, off, sizes[s], &got, err, sizeof(err));
			int rw = ref_ctx(b, rt, off, sizes[s], &want, &rules);

			st->calls++;
			if (rg && !err[0])
				st->no_reason++;
			if (same(rg, &got, rw, &want))
				continue;
			val_str(g, sizeof(g), b, rg, &got);
			val_str(w, sizeof(w), b, rw, &want);
			note(st, (rules & RULE_PTR_NONSTRUCT) != 0,
			     "ctx %s off %lld size %u: kbtf %s (%s), kernel %s", tg->name,
			     (long long)off, sizes[s], g, err, w);
		}
}

/* kb_struct_read that must succeed; returns the value */
static struct kb_val read_ok(const struct btf *b, uint32_t id, uint8_t trust, bool rcu_cs,
			     int64_t off, uint32_t size)
{
	struct kb_val v;
	char err[400] = "";

	ck_assert_msg(kb_struct_read(b, id, trust, rcu_cs, off, size, &v, err, sizeof(err)) == 0,
		      "%s+%lld size %u: unexpected error: %s", name_of(b, id), (long long)off, size,
		      err);
	return v;
}

static void read_scalar(const struct btf *b, uint32_t id, int64_t off, uint32_t size)
{
	struct kb_val v = read_ok(b, id, KB_TRUSTED, true, off, size);

	ck_assert_msg(v.scalar, "%s+%lld size %u: want a scalar, got a pointer to %u",
		      name_of(b, id), (long long)off, size, v.id);
}

/* A pointer to struct @target (0: to memory of no struct type) with @trust */
static void read_ptr(const struct btf *b, uint32_t id, uint8_t ptrust, bool rcu_cs, int64_t off,
		     uint32_t target, uint8_t trust, bool maybe_null)
{
	struct kb_val v = read_ok(b, id, ptrust, rcu_cs, off, 8);
	char got[160];

	val_str(got, sizeof(got), b, 0, &v);
	ck_assert_msg(!v.scalar && v.id == target && v.trust == trust && v.maybe_null == maybe_null,
		      "%s+%lld from a %s parent%s: got %s, want a pointer to %s, %s%s",
		      name_of(b, id), (long long)off, trust_names[ptrust],
		      rcu_cs ? " in an RCU section" : "", got, target ? name_of(b, target) : "mem",
		      trust_names[trust], maybe_null ? " or null" : "");
}

/* kb_struct_read must fail, with a message containing @what (if not NULL) */
static void read_err(const struct btf *b, uint32_t id, int64_t off, uint32_t size, const char *what)
{
	struct kb_val v;
	char err[400] = "", got[160];
	int rc = kb_struct_read(b, id, KB_TRUSTED, true, off, size, &v, err, sizeof(err));

	val_str(got, sizeof(got), b, rc, &v);
	ck_assert_msg(rc == -1, "%s+%lld size %u: want an error, got %s", name_of(b, id),
		      (long long)off, size, got);
	ck_assert_msg(err[0], "%s+%lld size %u: error without a message", name_of(b, id),
		      (long long)off, size);
	if (what)
		ck_assert_msg(strstr(err, what), "%s+%lld size %u: message '%s' lacks '%s'",
			      name_of(b, id), (long long)off, size, err, what);
}

/* kb_ctx_access that must give @want (rc 0) or fail (want NULL) */
static void ctx_expect(const struct btf *b, const struct kb_target *tg, int64_t off, uint32_t size,
		       const struct kb_val *want)
{
	struct kb_val v;
	char err[400] = "", g[160], w[160];
	int rc = kb_ctx_access(b, tg, off, size, &v, err, sizeof(err));

	val_str(g, sizeof(g), b, rc, &v);
	val_str(w, sizeof(w), b, want ? 0 : -1, want);
	ck_assert_msg(same(rc, &v, want ? 0 : -1, want),
		      "ctx %s off %lld size %u: got %s (%s), want %s", tg->name, (long long)off,
		      size, g, err, w);
	if (rc)
		ck_assert_msg(err[0], "ctx %s off %lld: error without a message", tg->name,
			      (long long)off);
}

static struct kb_val kv_scalar(void)
{
	struct kb_val v = { .scalar = true };

	return v;
}

static struct kb_val kv_ptr(uint32_t id, uint8_t trust, bool maybe_null)
{
	struct kb_val v = { .scalar = false, .id = id, .trust = trust, .maybe_null = maybe_null };

	return v;
}

/* kb_resolve that must succeed */
static struct kb_target resolve_ok(const struct btf *b, enum bv_prog_type pt, uint32_t attach,
				   const char *sec)
{
	struct kb_target tg;
	char err[400] = "";

	ck_assert_msg(kb_resolve(b, pt, attach, sec, &tg, err, sizeof(err)) == 0,
		      "kb_resolve(%s): %s", sec, err);
	return tg;
}

/*
 * Independently resolve @sec: FUNC @fname (or the TYPEDEF btf_trace_X for
 * tp_btf) to its FUNC_PROTO; check kb_resolve agrees and return the reference
 * target.
 */
static struct ref_target check_resolve(const struct btf *b, enum bv_prog_type pt, uint32_t attach,
				       const char *sec, const char *fname, bool trusted)
{
	struct ref_target rt = { .attach = attach, .trusted = trusted };
	struct kb_target tg = resolve_ok(b, pt, attach, sec);
	const char *slash = strchr(sec, '/');
	uint32_t id, proto;
	struct btf_type t;

	if (attach == AT_RAW_TP) {
		id = scan_type(b, fname, BTF_K_TYPEDEF);
		ck_assert_msg(id, "no typedef %s", fname);
		ck_assert_msg(kind(b, size_field(b, id)) == BTF_K_PTR, "%s is not a pointer",
			      fname);
		proto = size_field(b, size_field(b, id));
		rt.skip = 1;
	} else {
		id = scan_type(b, fname, BTF_K_FUNC);
		ck_assert_msg(id, "no function %s", fname);
		proto = size_field(b, id);
	}
	ck_assert_msg(btf_type_get(b, proto, &t) && btf_kind_of(&t) == BTF_K_FUNC_PROTO,
		      "%s: no prototype", fname);
	rt.proto = proto;
	ck_assert_msg(tg.name && strcmp(tg.name, slash + 1) == 0, "%s: name %s", sec,
		      tg.name ? tg.name : "(null)");
	ck_assert_msg(tg.func == id, "%s: func %u, want %u", sec, tg.func, id);
	ck_assert_msg(tg.proto == proto, "%s: proto %u, want %u", sec, tg.proto, proto);
	ck_assert_msg(tg.skip == rt.skip, "%s: skip %u, want %u", sec, tg.skip, rt.skip);
	ck_assert_msg(tg.nargs == btf_vlen_of(&t) - rt.skip, "%s: nargs %u, want %u", sec, tg.nargs,
		      btf_vlen_of(&t) - rt.skip);
	ck_assert_msg(tg.attach == attach, "%s: attach %u", sec, tg.attach);
	ck_assert_msg(tg.trusted == trusted, "%s: trusted %d, want %d", sec, tg.trusted, trusted);
	ck_assert_msg(tg.sleepable == (strstr(sec, ".s/") != NULL), "%s: sleepable %d", sec,
		      tg.sleepable);
	return rt;
}

static void resolve_fails(const struct btf *b, enum bv_prog_type pt, uint32_t attach,
			  const char *sec)
{
	struct kb_target tg;
	char err[400] = "";

	ck_assert_msg(kb_resolve(b, pt, attach, sec, &tg, err, sizeof(err)) == -1,
		      "kb_resolve(%s, attach %u) succeeded", sec ? sec : "(null)", attach);
	ck_assert_msg(err[0], "kb_resolve(%s): no message", sec ? sec : "(null)");
}

static uint32_t vm_struct(const char *name)
{
	uint32_t id = btf_find(vm, name, BTF_K_STRUCT);

	ck_assert_msg(id, "no struct %s in the kernel BTF", name);
	return id;
}

static uint32_t syn_type(const char *name)
{
	uint32_t id = scan_type(&syn, name, BTF_K_STRUCT);

	if (!id)
		id = scan_type(&syn, name, BTF_K_UNION);
	ck_assert_msg(id, "no struct %s in the synthetic BTF", name);
	return id;
}

/* ------------------------------------------------------------------------ */
/* Kernel BTF */

START_TEST(test_vm_load)
{
	uint32_t ts;

	NEED_VM();
	printf("kbtf: kb_load(%s) took %.3f s, %u types\n", vm_path(), vm_load_secs, vm->cnt);
	ck_assert_msg(vm_load_secs < 2.0, "kb_load took %.2f s", vm_load_secs);
	ck_assert_uint_gt(vm->cnt, 1000);
	/* the index agrees with a linear scan */
	ts = scan_type(vm, "task_struct", BTF_K_STRUCT);
	ck_assert_uint_ne(ts, 0);
	ck_assert_uint_eq(btf_find(vm, "task_struct", BTF_K_STRUCT), ts);
	ck_assert_str_eq(kb_name(vm, ts), "task_struct");
	ck_assert_str_eq(kb_name(vm, 0), "?");
	ck_assert_str_eq(kb_name(vm, vm->cnt), "?");
	ck_assert_str_eq(kb_name(vm, UINT32_MAX), "?");
}
END_TEST

START_TEST(test_vm_resolve)
{
	struct ref_target rt;

	NEED_VM();
	rt = check_resolve(vm, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/sched_switch",
			   "btf_trace_sched_switch", true);
	{
		/* void (*)(void *__data, bool preempt, struct task_struct *prev,
		 *          struct task_struct *next, unsigned int prev_state) */
		struct btf_member m;

		ck_assert(btf_member_get(vm, rt.proto, 0, &m));
		ck_assert_msg(kind(vm, m.type) == BTF_K_PTR && size_field(vm, m.type) == 0,
			      "first parameter of sched_switch is not void *__data");
	}
	check_resolve(vm, BV_PROG_TRACING, AT_FENTRY, "fentry/vfs_read", "vfs_read", false);
	check_resolve(vm, BV_PROG_TRACING, AT_FENTRY, "fentry.s/vfs_read", "vfs_read", false);
	check_resolve(vm, BV_PROG_TRACING, AT_FEXIT, "fexit/vfs_read", "vfs_read", false);
	check_resolve(vm, BV_PROG_TRACING, AT_MODIFY_RETURN, "fmod_ret/vfs_read", "vfs_read",
		      false);
	check_resolve(vm, BV_PROG_LSM, AT_LSM_MAC, "lsm/file_open", "bpf_lsm_file_open", true);
	check_resolve(vm, BV_PROG_LSM, AT_LSM_MAC, "lsm.s/file_open", "bpf_lsm_file_open", true);
	/* bpf_lsm.c untrusted_lsm_hooks */
	check_resolve(vm, BV_PROG_LSM, AT_LSM_MAC, "lsm/file_free_security",
		      "bpf_lsm_file_free_security", false);
	check_resolve(vm, BV_PROG_LSM, AT_LSM_MAC, "lsm/task_free", "bpf_lsm_task_free", false);
	/* "bpf_iter_task" names both a struct and the FUNC */
	check_resolve(vm, BV_PROG_TRACING, AT_ITER, "iter/task", "bpf_iter_task", true);
}
END_TEST

START_TEST(test_vm_sched_switch_nargs)
{
	struct kb_target tg;
	uint32_t td, ptr, proto;
	struct btf_type t;

	NEED_VM();
	/* walk btf_trace_sched_switch -> PTR -> FUNC_PROTO and drop the __data parameter */
	td = scan_type(vm, "btf_trace_sched_switch", BTF_K_TYPEDEF);
	ck_assert_uint_ne(td, 0);
	ptr = size_field(vm, td);
	ck_assert_uint_eq(kind(vm, ptr), BTF_K_PTR);
	proto = size_field(vm, ptr);
	ck_assert(btf_type_get(vm, proto, &t));
	ck_assert_uint_eq(btf_kind_of(&t), BTF_K_FUNC_PROTO);
	tg = resolve_ok(vm, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/sched_switch");
	ck_assert_uint_eq(tg.nargs, btf_vlen_of(&t) - 1);
	/* Linux 6.18: (bool preempt, prev, next, unsigned int prev_state) */
	ck_assert_uint_eq(tg.nargs, 4);
	ck_assert_uint_eq(tg.null_mask, 0);
	ck_assert_uint_eq(tg.err_mask, 0);
}
END_TEST

START_TEST(test_vm_resolve_fails)
{
	NEED_VM();
	resolve_fails(vm, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/no_such_tracepoint_kbtf");
	resolve_fails(vm, BV_PROG_TRACING, AT_FENTRY, "fentry/no_such_function_kbtf");
	resolve_fails(vm, BV_PROG_TRACING, AT_FEXIT, "fexit/no_such_function_kbtf");
	resolve_fails(vm, BV_PROG_TRACING, AT_MODIFY_RETURN, "fmod_ret/no_such_function_kbtf");
	resolve_fails(vm, BV_PROG_LSM, AT_LSM_MAC, "lsm/no_such_hook_kbtf");
	resolve_fails(vm, BV_PROG_TRACING, AT_ITER, "iter/no_such_iter_kbtf");
	/* a struct is not a function; sched_switch is a tracepoint, not a function */
	resolve_fails(vm, BV_PROG_TRACING, AT_FENTRY, "fentry/task_struct");
	resolve_fails(vm, BV_PROG_TRACING, AT_FENTRY, "fentry/btf_trace_sched_switch");
	resolve_fails(vm, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/vfs_read");
	resolve_fails(vm, BV_PROG_TRACING, AT_RAW_TP, "tp_btf");
	resolve_fails(vm, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/");
	resolve_fails(vm, BV_PROG_TRACING, AT_RAW_TP, NULL);
	resolve_fails(vm, BV_PROG_TRACING, 0, "fentry/vfs_read");
	resolve_fails(vm, BV_PROG_LSM, AT_LSM_CGROUP, "lsm_cgroup/file_open");
}
END_TEST

/* kb_resolve + a full kb_ctx_access sweep against the reference */
static void vm_ctx_sweep(enum bv_prog_type pt, uint32_t attach, const char *sec, const char *fname,
			 bool trusted, uint64_t null_mask, struct stats *st)
{
	struct ref_target rt = check_resolve(vm, pt, attach, sec, fname, trusted);
	struct kb_target tg = resolve_ok(vm, pt, attach, sec);

	rt.null_mask = null_mask;
	sweep_ctx(vm, &tg, &rt, st);
}

START_TEST(test_vm_ctx_sweep)
{
	struct stats st = { 0 };

	NEED_VM();
	vm_ctx_sweep(BV_PROG_TRACING, AT_RAW_TP, "tp_btf/sched_switch", "btf_trace_sched_switch",
		     true, 0, &st);
	/* raw_tp_null_args: { "sched_pi_setprio", 0x10 }, { "kfree_skb", 0x1000 } */
	vm_ctx_sweep(BV_PROG_TRACING, AT_RAW_TP, "tp_btf/sched_pi_setprio",
		     "btf_trace_sched_pi_setprio", true, 1u << 1, &st);
	vm_ctx_sweep(BV_PROG_TRACING, AT_RAW_TP, "tp_btf/kfree_skb", "btf_trace_kfree_skb", true,
		     1u << 3, &st);
	vm_ctx_sweep(BV_PROG_TRACING, AT_FENTRY, "fentry/vfs_read", "vfs_read", false, 0, &st);
	vm_ctx_sweep(BV_PROG_TRACING, AT_FEXIT, "fexit/vfs_read", "vfs_read", false, 0, &st);
	vm_ctx_sweep(BV_PROG_TRACING, AT_MODIFY_RETURN, "fmod_ret/vfs_read", "vfs_read", false, 0,
		     &st);
	vm_ctx_sweep(BV_PROG_TRACING, AT_FEXIT, "fexit/fput", "fput", false, 0, &st);
	vm_ctx_sweep(BV_PROG_TRACING, AT_FEXIT, "fexit/get_task_mm", "get_task_mm", false, 0, &st);
	vm_ctx_sweep(BV_PROG_TRACING, AT_MODIFY_RETURN, "fmod_ret/get_task_mm", "get_task_mm",
		     false, 0, &st);
	vm_ctx_sweep(BV_PROG_LSM, AT_LSM_MAC, "lsm/file_open", "bpf_lsm_file_open", true, 0, &st);
	vm_ctx_sweep(BV_PROG_LSM, AT_LSM_MAC, "lsm/task_free", "bpf_lsm_task_free", false, 0, &st);
	/* bpf_iter task: the task argument is PTR_TO_BTF_ID_OR_NULL (ctx_arg_info) */
	vm_ctx_sweep(BV_PROG_TRACING, AT_ITER, "iter/task", "bpf_iter_task", true, 1u << 1, &st);
	stats_check(&st, "kernel ctx sweep");
}
END_TEST

/* Hand-checked context facts of sched_switch, vfs_read and file_open */
START_TEST(test_vm_ctx_facts)
{
	uint32_t ts, file;
	struct kb_target tg;
	struct kb_val v;

	NEED_VM();
	ts = vm_struct("task_struct");
	file = vm_struct("file");
	tg = resolve_ok(vm, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/sched_switch");
	for (uint32_t s = 1; s <= 8; s *= 2) {
		v = kv_scalar();
		ctx_expect(vm, &tg, 0, s, &v); /* bool preempt */
		ctx_expect(vm, &tg, 24, s, &v); /* unsigned int prev_state */
		ctx_expect(vm, &tg, 32, s, NULL); /* there is no 5th argument */
		ctx_expect(vm, &tg, 4, s, NULL); /* not a multiple of 8 */
	}
	v = kv_ptr(ts, KB_TRUSTED, false);
	ctx_expect(vm, &tg, 8, 8, &v);
	ctx_expect(vm, &tg, 16, 8, &v);
	ctx_expect(vm, &tg, 8, 4, NULL); /* pointers are read whole */
	ctx_expect(vm, &tg, -8, 8, NULL);
	ctx_expect(vm, &tg, 96, 8, NULL);

	tg = resolve_ok(vm, BV_PROG_TRACING, AT_FENTRY, "fentry/vfs_read");
	v = kv_ptr(file, KB_PLAIN, false);
	ctx_expect(vm, &tg, 0, 8, &v);
	v = kv_scalar();
	ctx_expect(vm, &tg, 8, 8, &v); /* char __user *buf: pointer to int */
	ctx_expect(vm, &tg, 16, 8, &v); /* size_t */
	ctx_expect(vm, &tg, 24, 8, &v); /* loff_t *: pointer to int */
	ctx_expect(vm, &tg, 32, 8, NULL); /* fentry: no return value */
	tg = resolve_ok(vm, BV_PROG_TRACING, AT_FEXIT, "fexit/vfs_read");
	ctx_expect(vm, &tg, 32, 8, &v); /* ssize_t return value */
	ctx_expect(vm, &tg, 40, 8, NULL);
	tg = resolve_ok(vm, BV_PROG_TRACING, AT_MODIFY_RETURN, "fmod_ret/vfs_read");
	ctx_expect(vm, &tg, 32, 8, &v);

	tg = resolve_ok(vm, BV_PROG_TRACING, AT_FEXIT, "fexit/get_task_mm");
	v = kv_ptr(vm_struct("mm_struct"), KB_PLAIN, false);
	ctx_expect(vm, &tg, 8, 8, &v); /* the returned pointer */
	tg = resolve_ok(vm, BV_PROG_TRACING, AT_MODIFY_RETURN, "fmod_ret/get_task_mm");
	ctx_expect(vm, &tg, 8, 8, NULL); /* fmod_ret needs an int return */
	tg = resolve_ok(vm, BV_PROG_TRACING, AT_FEXIT, "fexit/fput");
	ctx_expect(vm, &tg, 8, 8, NULL); /* void: no return slot */

	tg = resolve_ok(vm, BV_PROG_LSM, AT_LSM_MAC, "lsm/file_open");
	v = kv_ptr(file, KB_TRUSTED, false);
	ctx_expect(vm, &tg, 0, 8, &v);
	v = kv_scalar();
	ctx_expect(vm, &tg, 8, 8, &v); /* int return value */
	ctx_expect(vm, &tg, 16, 8, NULL);

	tg = resolve_ok(vm, BV_PROG_TRACING, AT_ITER, "iter/task");
	v = kv_ptr(vm_struct("bpf_iter_meta"), KB_TRUSTED, false);
	ctx_expect(vm, &tg, 0, 8, &v);
	v = kv_ptr(ts, KB_TRUSTED, true);
	ctx_expect(vm, &tg, 8, 8, &v);
	ctx_expect(vm, &tg, 16, 8, NULL);

	tg = resolve_ok(vm, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/sched_pi_setprio");
	v = kv_ptr(ts, KB_TRUSTED, false);
	ctx_expect(vm, &tg, 0, 8, &v);
	v = kv_ptr(ts, KB_TRUSTED, true); /* pi_task may be NULL */
	ctx_expect(vm, &tg, 8, 8, &v);
}
END_TEST

START_TEST(test_vm_lsm_ret)
{
	struct kb_target tg;
	int64_t lo = 1, hi = -1;

	NEED_VM();
	tg = resolve_ok(vm, BV_PROG_LSM, AT_LSM_MAC, "lsm/file_open");
	ck_assert(kb_lsm_ret_range(vm, &tg, &lo, &hi));
	ck_assert_int_eq(lo, -MAX_ERRNO);
	ck_assert_int_eq(hi, 0);
	ck_assert_int_eq(kb_ret_kind(vm, &tg), 1);
	tg = resolve_ok(vm, BV_PROG_LSM, AT_LSM_MAC, "lsm/task_free");
	ck_assert(!kb_lsm_ret_range(vm, &tg, &lo, &hi)); /* a void hook */
	ck_assert_int_eq(kb_ret_kind(vm, &tg), 0);
	/* bpf_lsm.c bool_lsm_hooks */
	if (btf_find(vm, "bpf_lsm_audit_rule_known", BTF_K_FUNC)) {
		tg = resolve_ok(vm, BV_PROG_LSM, AT_LSM_MAC, "lsm/audit_rule_known");
		ck_assert(kb_lsm_ret_range(vm, &tg, &lo, &hi));
		ck_assert_int_eq(lo, 0);
		ck_assert_int_eq(hi, 1);
	}
	tg = resolve_ok(vm, BV_PROG_TRACING, AT_FEXIT, "fexit/get_task_mm");
	ck_assert_int_eq(kb_ret_kind(vm, &tg), 2);
	tg = resolve_ok(vm, BV_PROG_TRACING, AT_FEXIT, "fexit/vfs_read");
	ck_assert_int_eq(kb_ret_kind(vm, &tg), 1);
}
END_TEST

/* task_struct members found by walking the BTF, read one by one */
START_TEST(test_vm_task_struct)
{
	uint32_t ts, cpumask, css_set, mm, pid, comm, rp, tsize, esz;
	struct btf_member m;
	struct btf_type st;

	NEED_VM();
	ts = vm_struct("task_struct");
	cpumask = vm_struct("cpumask");
	css_set = vm_struct("css_set");
	tsize = size_field(vm, ts);

	pid = moff_of(vm, ts, "pid");
	read_scalar(vm, ts, pid, 4);
	read_scalar(vm, ts, moff_of(vm, ts, "tgid"), 4);
	read_scalar(vm, ts, pid, 1);
	read_err(vm, ts, pid, 8, "beyond the end of member"); /* pid and tgid */

	comm = moff_of(vm, ts, "comm");
	for (uint32_t i = 0; i < 16; i++)
		read_scalar(vm, ts, comm + i, 1);
	read_err(vm, ts, comm + 12, 8, "beyond the end of member");

	/* task_struct__safe_rcu lists real_parent, group_leader, cpus_ptr, cgroups */
	ck_assert(member_named(vm, vm_struct("task_struct__safe_rcu"), "real_parent", &m, NULL));
	rp = moff_of(vm, ts, "real_parent");
	read_ptr(vm, ts, KB_TRUSTED, true, rp, ts, KB_RCU, false);
	read_ptr(vm, ts, KB_RCU, true, rp, ts, KB_RCU, false);
	read_ptr(vm, ts, KB_TRUSTED, false, rp, ts, KB_UNTRUSTED, false); /* sleepable */
	read_ptr(vm, ts, KB_PLAIN, true, rp, ts, KB_PLAIN, false);
	read_ptr(vm, ts, KB_UNTRUSTED, true, rp, ts, KB_UNTRUSTED, false);
	read_ptr(vm, ts, KB_TRUSTED, true, moff_of(vm, ts, "group_leader"), ts, KB_RCU, false);
	read_ptr(vm, ts, KB_TRUSTED, true, moff_of(vm, ts, "cpus_ptr"), cpumask, KB_RCU, false);
	read_ptr(vm, ts, KB_TRUSTED, true, moff_of(vm, ts, "cgroups"), css_set, KB_RCU, false);
	/* mm is in no allow list: walking it from a trusted task gives a plain pointer */
	mm = vm_struct("mm_struct");
	ck_assert(!member_named(vm, vm_struct("task_struct__safe_rcu"), "mm", &m, NULL));
	read_ptr(vm, ts, KB_TRUSTED, true, moff_of(vm, ts, "mm"), mm, KB_PLAIN, false);
	read_ptr(vm, ts, KB_TRUSTED, false, moff_of(vm, ts, "mm"), mm, KB_UNTRUSTED, false);
	read_ptr(vm, ts, KB_UNTRUSTED, true, moff_of(vm, ts, "mm"), mm, KB_UNTRUSTED, false);

	/* partial and misaligned pointer reads */
	read_err(vm, ts, rp, 4, "cannot access ptr member");
	read_err(vm, ts, rp + 4, 4, "cannot access ptr member");
	read_err(vm, ts, rp + 1, 1, "cannot access ptr member");
	/* past the end */
	read_err(vm, ts, tsize, 1, NULL);
	read_err(vm, ts, tsize - 4, 8, NULL);
	read_err(vm, ts, tsize + 4096, 8, NULL);

	/* every bitfield is readable as a whole from its first byte */
	ck_assert(btf_type_get(vm, ts, &st));
	for (uint32_t i = 0; i < btf_vlen_of(&st); i++) {
		uint32_t bits = btf_member_bits(vm, ts, i), first, nbytes;

		ck_assert(btf_member_get(vm, ts, i, &m));
		if (!bits)
			continue;
		first = m.offset / 8;
		nbytes = (m.offset + bits + 7) / 8 - first;
		for (uint32_t s = 1; s <= 8; s *= 2)
			if (s >= nbytes)
				read_scalar(vm, ts, first, s);
	}

	/* a nested struct: se.load.weight, and an array of structs: pid_links[1].next */
	{
		uint32_t se = moff_of(vm, ts, "se"), sched_entity = vm_struct("sched_entity");
		uint32_t load = moff_of(vm, sched_entity, "load");
		uint32_t lw = vm_struct("load_weight"), hn = vm_struct("hlist_node"), links, elem,
			 n;

		read_scalar(vm, ts, se + load + moff_of(vm, lw, "weight"), 8);
		ck_assert(member_named(vm, ts, "pid_links", &m, NULL));
		links = m.offset / 8;
		ck_assert(btf_array_get(vm, skip_mods(vm, m.type), &elem, &n));
		ck_assert_uint_eq(skip_mods(vm, elem), hn);
		esz = size_field(vm, hn);
		read_ptr(vm, ts, KB_TRUSTED, true, links + esz + moff_of(vm, hn, "next"), hn,
			 KB_PLAIN, false);
		/* pprev is a struct hlist_node **: read-only untrusted memory */
		read_ptr(vm, ts, KB_TRUSTED, true, links + esz + moff_of(vm, hn, "pprev"), 0,
			 KB_UNTRUSTED, false);
	}
}
END_TEST

/*
 * struct file: f_inode is in file__safe_trusted. A pointer reached through an
 * anonymous union of several members is untrusted, whatever the parent: in 6.18
 * union { const struct path f_path; struct path __f_path; } makes
 * file->f_path.mnt untrusted, and union { struct callback_head f_task_work;
 * struct llist_node f_llist; ... } gives f_task_work.next.
 */
START_TEST(test_vm_file)
{
	uint32_t file, inode, checked = 0;
	struct btf_type t;

	NEED_VM();
	file = vm_struct("file");
	inode = vm_struct("inode");
	read_ptr(vm, file, KB_TRUSTED, true, moff_of(vm, file, "f_inode"), inode, KB_TRUSTED,
		 false);
	read_ptr(vm, file, KB_TRUSTED, false, moff_of(vm, file, "f_inode"), inode, KB_TRUSTED,
		 false);
	read_ptr(vm, file, KB_PLAIN, true, moff_of(vm, file, "f_inode"), inode, KB_PLAIN, false);
	ck_assert(btf_type_get(vm, file, &t));
	for (uint32_t i = 0; i < btf_vlen_of(&t); i++) {
		struct btf_member m, first, inner;
		uint32_t u, fs, target;

		ck_assert(btf_member_get(vm, file, i, &m));
		u = skip_mods(vm, m.type);
		if (kind(vm, u) != BTF_K_UNION || size_field(vm, u) < 8 ||
		    !btf_member_get(vm, u, 0, &first))
			continue;
		/* the union's first member is a struct starting with a pointer to a struct */
		fs = skip_mods(vm, first.type);
		if (kind(vm, fs) != BTF_K_STRUCT || !btf_member_get(vm, fs, 0, &inner) ||
		    inner.offset != 0 || kind(vm, skip_mods(vm, inner.type)) != BTF_K_PTR)
			continue;
		target = skip_mods(vm, size_field(vm, skip_mods(vm, inner.type)));
		if (!is_sou(kind(vm, target)))
			continue;
		read_ptr(vm, file, KB_TRUSTED, true, m.offset / 8, target, KB_UNTRUSTED, false);
		read_ptr(vm, file, KB_PLAIN, true, m.offset / 8, target, KB_UNTRUSTED, false);
		checked++;
	}
	ck_assert_uint_gt(checked, 0);
}
END_TEST

START_TEST(test_vm_struct_sweep)
{
	static const char *const names[] = {
		"task_struct",	"file",	   "sock",	   "sk_buff", "mm_struct",
		"cgroup",	"css_set", "dentry",	   "socket",  "bpf_iter__task",
		"linux_binprm", "inode",   "sched_domain", "cred",    "request_sock",
	};
	struct stats st = { 0 };

	NEED_VM();
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		sweep_struct(vm, vm_struct(names[i]), &st);
	stats_check(&st, "kernel struct sweep");
}
END_TEST

/* Every member of every struct and union of the kernel, read whole (up to 8 bytes) */
START_TEST(test_vm_all_members)
{
	struct stats st = { 0 };

	NEED_VM();
	for (uint32_t id = 1; id < vm->cnt; id++) {
		struct btf_type t;

		if (!btf_type_get(vm, id, &t) || !is_sou(btf_kind_of(&t)))
			continue;
		for (uint32_t i = 0; i < btf_vlen_of(&t); i++) {
			struct btf_member m;
			uint32_t msize, r, e, n;

			if (!btf_member_get(vm, id, i, &m))
				break;
			if (btf_member_bits(vm, id, i) ||
			    !resolve_size(vm, m.type, &msize, &r, &e, &n))
				continue;
			cmp_read(vm, id, KB_TRUSTED, true, m.offset / 8, 1, &st);
			cmp_read(vm, id, KB_TRUSTED, true, m.offset / 8, 8, &st);
			cmp_read(vm, id, KB_PLAIN, true, m.offset / 8, 8, &st);
		}
	}
	stats_check(&st, "every kernel member");
}
END_TEST

START_TEST(test_vm_is_a)
{
	static const char *const names[] = { "sock_common", "sock",	     "inet_sock",
					     "list_head",   "callback_head", "sk_buff" };
	struct stats st = { 0 };

	NEED_VM();
	ck_assert(kb_is_a(vm, vm_struct("tcp_sock"), "sock_common"));
	ck_assert(kb_is_a(vm, vm_struct("tcp_sock"), "sock"));
	ck_assert(kb_is_a(vm, vm_struct("tcp_sock"), "inet_connection_sock"));
	ck_assert(kb_is_a(vm, vm_struct("tcp_sock"), "tcp_sock"));
	ck_assert(kb_is_a(vm, vm_struct("sock"), "sock_common"));
	ck_assert(!kb_is_a(vm, vm_struct("sock_common"), "sock"));
	ck_assert(!kb_is_a(vm, vm_struct("task_struct"), "sock_common"));
	ck_assert(!kb_is_a(vm, vm_struct("task_struct"), "sock"));
	ck_assert(kb_is_a(vm, vm_struct("task_struct"), "task_struct"));
	ck_assert(!kb_is_a(vm, 0, "task_struct"));
	/* against the reference, over every struct of the kernel */
	for (uint32_t id = 1; id < vm->cnt; id++) {
		if (kind(vm, id) != BTF_K_STRUCT)
			continue;
		for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
			unsigned rules;
			bool want = ref_is_a(vm, id, names[i], &rules);
			bool got = kb_is_a(vm, id, names[i]);

			st.calls++;
			if (got != want)
				note(&st, (rules & RULE_ISA_SKIP) != 0,
				     "kb_is_a(%s [%u], %s): kbtf %d, kernel %d", name_of(vm, id),
				     id, names[i], got, want);
		}
	}
	stats_check(&st, "kernel is_a");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Synthetic BTF (testdata/kbtf/kbtf_types.c) */

START_TEST(test_syn_node_fields)
{
	uint32_t node, leaf;

	NEED_SYN();
	node = syn_type("node");
	leaf = syn_type("leaf");
	ck_assert_uint_eq(size_field(&syn, node), 280);

	read_scalar(&syn, node, 0, 4); /* i */
	read_scalar(&syn, node, 0, 1);
	read_err(&syn, node, 0, 8, "beyond the end of member"); /* i and the bitfields */
	/* bf1:3 @32, bf2:5 @35, (anonymous :8 @40, not in BTF), bf3:9 @48 */
	read_scalar(&syn, node, 4, 1); /* bf1 */
	read_scalar(&syn, node, 4, 4);
	read_err(&syn, node, 5, 1, NULL); /* the anonymous bitfield: no member */
	read_scalar(&syn, node, 6, 2); /* bf3 */
	read_err(&syn, node, 6, 1, NULL); /* half of bf3 */
	read_err(&syn, node, 7, 1, NULL);

	/* pointers and the allow lists node__safe_* */
	read_ptr(&syn, node, KB_TRUSTED, true, 8, leaf, KB_PLAIN, false); /* plain_leaf */
	read_ptr(&syn, node, KB_TRUSTED, false, 8, leaf, KB_UNTRUSTED, false);
	read_ptr(&syn, node, KB_PLAIN, true, 8, leaf, KB_PLAIN, false);
	read_ptr(&syn, node, KB_UNTRUSTED, true, 8, leaf, KB_UNTRUSTED, false);
	read_ptr(&syn, node, KB_TRUSTED, true, 16, leaf, KB_RCU, false); /* rcu_leaf */
	read_ptr(&syn, node, KB_RCU, true, 16, leaf, KB_RCU, false);
	read_ptr(&syn, node, KB_TRUSTED, false, 16, leaf, KB_UNTRUSTED, false);
	read_ptr(&syn, node, KB_PLAIN, true, 16, leaf, KB_PLAIN, false);
	read_ptr(&syn, node, KB_TRUSTED, true, 24, leaf, KB_TRUSTED, false); /* trusted_leaf */
	read_ptr(&syn, node, KB_TRUSTED, false, 24, leaf, KB_TRUSTED, false);
	read_ptr(&syn, node, KB_RCU, true, 24, leaf, KB_TRUSTED, false);
	read_ptr(&syn, node, KB_PLAIN, true, 24, leaf, KB_PLAIN, false);
	read_ptr(&syn, node, KB_TRUSTED, true, 32, leaf, KB_RCU, true); /* rcu_null_leaf */
	read_ptr(&syn, node, KB_TRUSTED, false, 32, leaf, KB_UNTRUSTED, false);
	read_ptr(&syn, node, KB_TRUSTED, true, 40, leaf, KB_TRUSTED, true); /* tn_leaf */
	read_ptr(&syn, node, KB_TRUSTED, false, 40, leaf, KB_TRUSTED, true);
	/* type tags: __rcu, __user, __percpu */
	read_ptr(&syn, node, KB_TRUSTED, true, 48, leaf, KB_RCU, true); /* tagged_rcu */
	read_ptr(&syn, node, KB_TRUSTED, false, 48, leaf, KB_UNTRUSTED, false);
	read_ptr(&syn, node, KB_PLAIN, true, 48, leaf, KB_PLAIN, false);
	read_ptr(&syn, node, KB_TRUSTED, true, 56, leaf, KB_NODEREF, false); /* uptr */
	read_ptr(&syn, node, KB_PLAIN, true, 56, leaf, KB_NODEREF, false);
	read_ptr(&syn, node, KB_TRUSTED, false, 56, leaf, KB_UNTRUSTED, false);
	read_ptr(&syn, node, KB_UNTRUSTED, true, 56, leaf, KB_UNTRUSTED, false);
	read_ptr(&syn, node, KB_TRUSTED, true, 64, leaf, KB_NODEREF, false); /* pcpu */
	/* pointers to non-structs: read-only untrusted memory */
	read_ptr(&syn, node, KB_TRUSTED, true, 72, 0, KB_UNTRUSTED, false); /* char *str */
	read_ptr(&syn, node, KB_TRUSTED, true, 80, 0, KB_UNTRUSTED, false); /* fn */
	read_ptr(&syn, node, KB_TRUSTED, true, 272, 0, KB_UNTRUSTED, false); /* int __user * */
	read_err(&syn, node, 72, 4, "cannot access ptr member");
	read_err(&syn, node, 12, 4, "cannot access ptr member");
	read_err(&syn, node, 9, 8, NULL);
	/* the anonymous struct */
	read_scalar(&syn, node, 88, 4); /* ax */
	read_err(&syn, node, 92, 4, NULL); /* padding */
	read_ptr(&syn, node, KB_TRUSTED, true, 96, leaf, KB_PLAIN, false); /* aleaf */
	/* union { struct leaf *u_p; long u_l; }: two members, the walk becomes untrusted */
	read_ptr(&syn, node, KB_TRUSTED, true, 104, leaf, KB_UNTRUSTED, false);
	read_ptr(&syn, node, KB_PLAIN, true, 104, leaf, KB_UNTRUSTED, false);
	/* the walk stops at the first member that overlaps: the pointer */
	read_err(&syn, node, 104, 4, "cannot access ptr member");
	read_err(&syn, node, 108, 4, "cannot access ptr member");
	/* union { struct leaf *only; } single: one member, trust kept */
	read_ptr(&syn, node, KB_TRUSTED, true, 112, leaf, KB_PLAIN, false);
	read_err(&syn, node, 112, 4, "cannot access ptr member");
	/* union { char u_c; struct leaf *u_p2; } cu: u_c first, past its end still allowed */
	read_scalar(&syn, node, 256, 1);
	read_scalar(&syn, node, 256, 8);
	read_err(&syn, node, 260, 4, "cannot access ptr member"); /* past u_c: u_p2 */
	/* union { long first_l; struct leaf *second_p; } lu: the first member decides */
	read_scalar(&syn, node, 264, 8);
	/* struct elem arr[3] at 120: { int x; struct leaf *p; } */
	for (uint32_t i = 0; i < 3; i++) {
		read_scalar(&syn, node, 120 + 16 * i, 4);
		read_ptr(&syn, node, KB_TRUSTED, true, 128 + 16 * i, leaf, KB_PLAIN, false);
		read_err(&syn, node, 124 + 16 * i, 4, NULL); /* padding inside elem */
		read_err(&syn, node, 132 + 16 * i, 4, "cannot access ptr member");
	}
	/* struct leaf *parr[2] at 168 */
	read_ptr(&syn, node, KB_TRUSTED, true, 168, leaf, KB_PLAIN, false);
	read_ptr(&syn, node, KB_TRUSTED, true, 176, leaf, KB_PLAIN, false);
	read_err(&syn, node, 172, 4, "cannot access ptr member");
	read_err(&syn, node, 172, 8, "cannot access ptr member");
	/* int iarr[4] at 184, short grid[2][3] at 200 */
	for (uint32_t i = 0; i < 4; i++)
		read_scalar(&syn, node, 184 + 4 * i, 4);
	read_scalar(&syn, node, 198, 2);
	read_err(&syn, node, 196, 8, "beyond the end of member");
	for (uint32_t i = 0; i < 6; i++)
		read_scalar(&syn, node, 200 + 2 * i, 2);
	read_err(&syn, node, 210, 4, "beyond the end of member");
	read_scalar(&syn, node, 212, 4); /* enum col */
	read_scalar(&syn, node, 216, 1); /* char tail */
	read_err(&syn, node, 216, 8, "beyond the end of member");
	read_err(&syn, node, 217, 1, NULL); /* padding */
	read_err(&syn, node, 220, 4, NULL);
	/* other_leaf: node__safe_rcu has a member of that name but of another type */
	read_ptr(&syn, node, KB_TRUSTED, true, 224, leaf, KB_PLAIN, false);
	read_ptr(&syn, node, KB_TRUSTED, true, 232, node, KB_PLAIN, false); /* next */
	read_scalar(&syn, node, 240, 4); /* lv.a */
	read_scalar(&syn, node, 248, 8); /* lv.b */
	read_err(&syn, node, 244, 4, NULL);
	read_err(&syn, node, 280, 1, NULL); /* past the end */
	read_err(&syn, node, 276, 8, NULL);
}
END_TEST

/* Walking nested structs: derived2.d.base is a node at offset 0 */
START_TEST(test_syn_nested)
{
	uint32_t d2, nf, leaf, ur;

	NEED_SYN();
	d2 = syn_type("derived2");
	nf = syn_type("notfirst");
	leaf = syn_type("leaf");
	ur = syn_type("uroot");
	/* allow lists belong to the struct being read, not to the nested one */
	read_ptr(&syn, d2, KB_TRUSTED, true, 8, leaf, KB_PLAIN, false);
	read_ptr(&syn, d2, KB_TRUSTED, true, 16, leaf, KB_PLAIN, false);
	read_ptr(&syn, d2, KB_TRUSTED, true, 104, leaf, KB_UNTRUSTED, false);
	read_scalar(&syn, d2, 280, 4); /* d.extra */
	read_scalar(&syn, d2, 288, 8); /* more */
	read_ptr(&syn, nf, KB_TRUSTED, true, 8 + 8, leaf, KB_PLAIN, false); /* base.plain_leaf */
	read_err(&syn, nf, 4, 4, NULL); /* padding before base */
	/* union uroot { struct leaf l; long x; } */
	read_scalar(&syn, ur, 0, 4);
	read_scalar(&syn, ur, 0, 8); /* l.a and past it: allowed in a union */
	read_scalar(&syn, ur, 8, 8);
}
END_TEST

START_TEST(test_syn_struct_sweep)
{
	static const char *const names[] = {
		"node",	 "leaf",  "elem",    "derived2",    "notfirst",	 "iflex", "pflex",
		"sflex", "eflex", "padflex", "empty_first", "arr_first", "uroot", "node__safe_rcu"
	};
	struct stats st = { 0 };

	NEED_SYN();
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		sweep_struct(&syn, syn_type(names[i]), &st);
	stats_check(&st, "synthetic struct sweep");
}
END_TEST

START_TEST(test_syn_flex_ok)
{
	NEED_SYN();
	/* the cases where kbtf and the kernel agree */
	read_scalar(&syn, syn_type("iflex"), 8, 4);
	read_scalar(&syn, syn_type("iflex"), 12, 4);
	read_scalar(&syn, syn_type("iflex"), 4000, 4);
	read_err(&syn, syn_type("iflex"), 4, 8, NULL); /* starts before the array */
	read_scalar(&syn, syn_type("sflex"), 8, 4); /* items[0].x */
	read_scalar(&syn, syn_type("sflex"), 40, 4); /* items[2].x */
	read_scalar(&syn, syn_type("padflex"), 8, 1); /* b */
	read_err(&syn, syn_type("padflex"), 9, 1, NULL); /* data: inside the size, no field */
}
END_TEST

START_TEST(test_syn_is_a)
{
	struct stats st = { 0 };

	NEED_SYN();
	ck_assert(kb_is_a(&syn, syn_type("derived2"), "node"));
	ck_assert(kb_is_a(&syn, syn_type("derived2"), "derived"));
	ck_assert(kb_is_a(&syn, syn_type("derived2"), "derived2"));
	ck_assert(kb_is_a(&syn, syn_type("derived"), "node"));
	ck_assert(!kb_is_a(&syn, syn_type("derived2"), "leaf")); /* node starts with an int */
	ck_assert(!kb_is_a(&syn, syn_type("notfirst"), "node"));
	ck_assert(!kb_is_a(&syn, syn_type("node"), "derived"));
	ck_assert(kb_is_a(&syn, syn_type("uroot"), "leaf"));
	for (uint32_t id = 1; id < syn.cnt; id++) {
		static const char *const names[] = { "node", "leaf", "derived", "elem" };

		if (!is_sou(kind(&syn, id)))
			continue;
		for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
			unsigned rules;
			bool want = ref_is_a(&syn, id, names[i], &rules);
			bool got = kb_is_a(&syn, id, names[i]);

			st.calls++;
			if (got != want)
				note(&st, (rules & RULE_ISA_SKIP) != 0,
				     "kb_is_a(%s, %s): kbtf %d, kernel %d", name_of(&syn, id),
				     names[i], got, want);
		}
	}
	stats_check(&st, "synthetic is_a");
}
END_TEST

START_TEST(test_syn_resolve)
{
	struct kb_target tg;

	NEED_SYN();
	check_resolve(&syn, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/synth", "btf_trace_synth", true);
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/synth");
	ck_assert_uint_eq(tg.nargs, 11);
	check_resolve(&syn, BV_PROG_TRACING, AT_FENTRY, "fentry/synth_fn", "synth_fn", false);
	check_resolve(&syn, BV_PROG_TRACING, AT_FEXIT, "fexit.s/synth_fn", "synth_fn", false);
	check_resolve(&syn, BV_PROG_TRACING, AT_MODIFY_RETURN, "fmod_ret/synth_fn", "synth_fn",
		      false);
	check_resolve(&syn, BV_PROG_LSM, AT_LSM_MAC, "lsm/synth_hook", "bpf_lsm_synth_hook", true);
	check_resolve(&syn, BV_PROG_TRACING, AT_ITER, "iter/synth", "bpf_iter_synth", true);
	resolve_fails(&syn, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/synth_fn");
	resolve_fails(&syn, BV_PROG_TRACING, AT_FENTRY, "fentry/btf_trace_synth");
	resolve_fails(&syn, BV_PROG_LSM, AT_LSM_MAC, "lsm/bpf_lsm_synth_hook");
	resolve_fails(&syn, BV_PROG_TRACING, AT_FENTRY, "fentry/node"); /* a struct */
}
END_TEST

START_TEST(test_syn_ctx)
{
	uint32_t node = syn_type("node"), leaf = syn_type("leaf");
	struct kb_target tg;
	struct kb_val v, s = kv_scalar();
	struct stats st = { 0 };
	struct ref_target rt;
	int64_t lo, hi;

	NEED_SYN();
	/* tp_btf: (void *__data, struct node *, char **, int, struct leaf *,
	 * enum color, void *, long long, struct leaf, enum color *, void (*)(int), float) */
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/synth");
	v = kv_ptr(node, KB_TRUSTED, false);
	ctx_expect(&syn, &tg, 0, 8, &v);
	ctx_expect(&syn, &tg, 16, 4, &s); /* int */
	v = kv_ptr(leaf, KB_TRUSTED, false);
	ctx_expect(&syn, &tg, 24, 8, &v);
	ctx_expect(&syn, &tg, 32, 4, &s); /* enum */
	ctx_expect(&syn, &tg, 40, 8, &s); /* void * */
	ctx_expect(&syn, &tg, 48, 8, &s); /* long long */
	/* btf_ctx_arg_idx counts __data: a slot of the prototype's parameter i + 1 is
	 * named by the size of parameter i, so the 16-byte struct shifts what follows */
	ctx_expect(&syn, &tg, 56, 8, &s); /* struct leaf by value */
	ctx_expect(&syn, &tg, 88, 8, NULL); /* float */
	ctx_expect(&syn, &tg, 96, 8, NULL);
	rt = check_resolve(&syn, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/synth", "btf_trace_synth",
			   true);
	sweep_ctx(&syn, &tg, &rt, &st);

	/* fentry synth_fn(struct node *n, struct leaf *l__nullable, char **pp,
	 *                 unsigned long cnt, void *vp) */
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_FENTRY, "fentry/synth_fn");
	v = kv_ptr(node, KB_PLAIN, false);
	ctx_expect(&syn, &tg, 0, 8, &v);
	v = kv_ptr(leaf, KB_PLAIN, true); /* the __nullable suffix */
	ctx_expect(&syn, &tg, 8, 8, &v);
	ctx_expect(&syn, &tg, 24, 8, &s);
	ctx_expect(&syn, &tg, 32, 8, &s);
	ctx_expect(&syn, &tg, 40, 8, NULL); /* fentry: no return value */
	rt = check_resolve(&syn, BV_PROG_TRACING, AT_FENTRY, "fentry/synth_fn", "synth_fn", false);
	sweep_ctx(&syn, &tg, &rt, &st);
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_FEXIT, "fexit/synth_fn");
	ctx_expect(&syn, &tg, 40, 8, &s);
	ctx_expect(&syn, &tg, 40, 4, &s);
	ctx_expect(&syn, &tg, 48, 8, NULL);
	rt = check_resolve(&syn, BV_PROG_TRACING, AT_FEXIT, "fexit/synth_fn", "synth_fn", false);
	sweep_ctx(&syn, &tg, &rt, &st);
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_MODIFY_RETURN, "fmod_ret/synth_fn");
	ctx_expect(&syn, &tg, 40, 8, &s);
	/* synth_tags(const leaf_t __user *, leaf_t __percpu *, leaf_t __rcu *): user and
	 * percpu memory cannot be read directly; the rcu tag does not matter here */
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_FENTRY, "fentry/synth_tags");
	v = kv_ptr(leaf, KB_NODEREF, false);
	ctx_expect(&syn, &tg, 0, 8, &v);
	ctx_expect(&syn, &tg, 8, 8, &v);
	v = kv_ptr(leaf, KB_PLAIN, false);
	ctx_expect(&syn, &tg, 16, 8, &v);
	rt = check_resolve(&syn, BV_PROG_TRACING, AT_FENTRY, "fentry/synth_tags", "synth_tags",
			   false);
	sweep_ctx(&syn, &tg, &rt, &st);
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_FEXIT, "fexit/synth_ret_ptr");
	v = kv_ptr(leaf, KB_PLAIN, false);
	ctx_expect(&syn, &tg, 8, 8, &v);
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_MODIFY_RETURN, "fmod_ret/synth_ret_ptr");
	ctx_expect(&syn, &tg, 8, 8, NULL);
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_FEXIT, "fexit/synth_void");
	ctx_expect(&syn, &tg, 8, 8, NULL);
	ck_assert_int_eq(kb_ret_kind(&syn, &tg), 0);

	/* lsm: trusted arguments and the return value */
	tg = resolve_ok(&syn, BV_PROG_LSM, AT_LSM_MAC, "lsm/synth_hook");
	v = kv_ptr(node, KB_TRUSTED, false);
	ctx_expect(&syn, &tg, 0, 8, &v);
	ctx_expect(&syn, &tg, 8, 4, &s);
	ctx_expect(&syn, &tg, 16, 8, &s);
	ctx_expect(&syn, &tg, 24, 8, NULL);
	ck_assert(kb_lsm_ret_range(&syn, &tg, &lo, &hi));
	ck_assert_int_eq(lo, -MAX_ERRNO);
	ck_assert_int_eq(hi, 0);
	rt = check_resolve(&syn, BV_PROG_LSM, AT_LSM_MAC, "lsm/synth_hook", "bpf_lsm_synth_hook",
			   true);
	sweep_ctx(&syn, &tg, &rt, &st);

	/* iter: (meta, object, fd, object): the objects may be NULL, meta is not */
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_ITER, "iter/synth");
	v = kv_ptr(leaf, KB_TRUSTED, false);
	ctx_expect(&syn, &tg, 0, 8, &v);
	v = kv_ptr(node, KB_TRUSTED, true);
	ctx_expect(&syn, &tg, 8, 8, &v);
	ctx_expect(&syn, &tg, 16, 4, &s);
	ctx_expect(&syn, &tg, 32, 8, NULL);
	stats_check(&st, "synthetic ctx sweep");
}
END_TEST

/*
 * The context holds at most 12 u64 slots (MAX_BPF_FUNC_ARGS): for an fexit
 * program on a function of twelve 8-byte arguments the return value would be
 * slot 12, at offset 96, which bpf_tracing_ctx_access refuses. kb_resolve has
 * no such function to find here, so the target is built as it would build it.
 */
START_TEST(test_syn_ctx_limit)
{
	struct kb_val s = kv_scalar();
	struct kb_target tg = { .name = "wide", .skip = 0, .nargs = 12, .attach = AT_FEXIT };
	struct ref_target rt = { .skip = 0, .attach = AT_FEXIT };
	struct stats st = { 0 };
	uint32_t td;

	NEED_SYN();
	td = scan_type(&syn, "btf_trace_wide", BTF_K_TYPEDEF);
	ck_assert_uint_ne(td, 0);
	tg.func = td;
	tg.proto = rt.proto = size_field(&syn, size_field(&syn, td));
	ck_assert_uint_eq(kind(&syn, tg.proto), BTF_K_FUNC_PROTO);
	ctx_expect(&syn, &tg, 0, 8, &s); /* void *__data, a scalar here */
	ctx_expect(&syn, &tg, 88, 8, &s);
	ctx_expect(&syn, &tg, 96, 8, NULL);
	ctx_expect(&syn, &tg, 96, 4, NULL);
	sweep_ctx(&syn, &tg, &rt, &st);
	/* as tp_btf: eleven visible arguments, no return value */
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/wide");
	ck_assert_uint_eq(tg.nargs, 11);
	ctx_expect(&syn, &tg, 80, 8, &s);
	ctx_expect(&syn, &tg, 88, 8, NULL);
	rt = check_resolve(&syn, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/wide", "btf_trace_wide", true);
	sweep_ctx(&syn, &tg, &rt, &st);
	stats_check(&st, "12-argument ctx sweep");
}
END_TEST

/* A tracepoint of the kernel's raw_tp_null_args table, { "cachefiles_lookup", 0x1 |
 * 0x200 }: argument 0 may be NULL, argument 2 may be an error pointer (a scalar) */
START_TEST(test_syn_ctx_null_table)
{
	struct kb_target tg;
	struct ref_target rt;
	struct stats st = { 0 };
	struct kb_val s;

	NEED_SYN();
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/cachefiles_lookup");
	s = kv_ptr(syn_type("node"), KB_TRUSTED, true);
	ctx_expect(&syn, &tg, 0, 8, &s);
	s = kv_ptr(syn_type("leaf"), KB_TRUSTED, false);
	ctx_expect(&syn, &tg, 8, 8, &s);
	s = kv_scalar(); /* may be an error pointer */
	ctx_expect(&syn, &tg, 16, 8, &s);
	rt = check_resolve(&syn, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/cachefiles_lookup",
			   "btf_trace_cachefiles_lookup", true);
	rt.null_mask = 1;
	rt.err_mask = 1u << 2;
	sweep_ctx(&syn, &tg, &rt, &st);
	stats_check(&st, "cachefiles_lookup ctx sweep");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Robustness */

/* Run @fn(@arg) in a child so that a crash or a sanitizer report fails only this test */
static void run_isolated(bool (*fn)(const void *arg, char *msg, size_t n), const void *arg,
			 const char *what)
{
	char msg[600] = "";
	int fds[2], status = 0;
	ssize_t got = 0;
	pid_t pid;

	ck_assert(pipe(fds) == 0);
	fflush(NULL);
	pid = fork();
	ck_assert(pid >= 0);
	if (pid == 0) {
		bool ok;

		close(fds[0]);
		ok = fn(arg, msg, sizeof(msg));
		if (write(fds[1], msg, strlen(msg)) < 0)
			_exit(3);
		_exit(ok ? 0 : 1);
	}
	close(fds[1]);
	while (got < (ssize_t)sizeof(msg) - 1) {
		ssize_t n = read(fds[0], msg + got, sizeof(msg) - 1 - (size_t)got);

		if (n <= 0)
			break;
		got += n;
	}
	msg[got > 0 ? got : 0] = 0;
	close(fds[0]);
	ck_assert(waitpid(pid, &status, 0) == pid);
	ck_assert_msg(!WIFSIGNALED(status), "%s: killed by signal %d (see stderr)", what,
		      WTERMSIG(status));
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "%s: exit status %d (a sanitizer report is on stderr): %s", what,
		      WIFEXITED(status) ? WEXITSTATUS(status) : -1, msg);
}

static bool write_file(const char *path, const uint8_t *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	bool ok;

	if (!f)
		return false;
	ok = fwrite(data, 1, n, f) == n;
	return fclose(f) == 0 && ok;
}

static uint8_t *read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0;

	*n = 0;
	if (!f)
		return NULL;
	for (;;) {
		size_t got;

		if (*n == cap) {
			uint8_t *nb = realloc(buf, cap ? cap * 2 : 1 << 20);

			if (!nb)
				break;
			buf = nb;
			cap = cap ? cap * 2 : 1 << 20;
		}
		got = fread(buf + *n, 1, cap - *n, f);
		*n += got;
		if (!got)
			break;
	}
	fclose(f);
	return buf;
}

/* kb_load(@path) must fail with a message naming the file */
static void load_fails(const char *path, const char *what)
{
	char err[400] = "";
	struct btf *b = kb_load(path, err, sizeof(err));

	if (b)
		kb_free(b);
	ck_assert_msg(!b, "%s: kb_load(%s) succeeded", what, path);
	ck_assert_msg(err[0], "%s: no message", what);
	ck_assert_msg(strstr(err, path), "%s: message '%s' does not name %s", what, err, path);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

START_TEST(test_load_bad_files)
{
	char dir[] = "/tmp/kbtf-test-XXXXXX", path[300];
	uint8_t buf[4096];
	size_t lens[] = { 1, 4, 23, 24, 25, 64, 1000 };
	struct btf *b;
	char err[400];

	NEED_SYN();
	ck_assert(mkdtemp(dir));
	load_fails("/nonexistent/kbtf/vmlinux", "missing file");
	snprintf(path, sizeof(path), "%s/empty", dir);
	ck_assert(write_file(path, buf, 0));
	load_fails(path, "empty file");
	load_fails(dir, "a directory");
	/* the synthetic BTF is a complete raw BTF: it loads, and every prefix is refused */
	snprintf(path, sizeof(path), "%s/full", dir);
	ck_assert(write_file(path, syn_raw, syn_raw_size));
	b = kb_load(path, err, sizeof(err));
	ck_assert_msg(b, "kb_load(raw synthetic BTF): %s", err);
	ck_assert_uint_eq(b->cnt, syn.cnt);
	ck_assert_uint_ne(btf_find(b, "node", BTF_K_STRUCT), 0); /* indexed */
	kb_free(b);
	for (size_t i = 0; i < ARRAY_SIZE(lens) && lens[i] < syn_raw_size; i++) {
		snprintf(path, sizeof(path), "%s/trunc%zu", dir, lens[i]);
		ck_assert(write_file(path, syn_raw, lens[i]));
		load_fails(path, "truncated synthetic BTF");
	}
	snprintf(path, sizeof(path), "%s/trunc_last", dir);
	ck_assert(write_file(path, syn_raw, syn_raw_size - 1));
	load_fails(path, "synthetic BTF less one byte");
	/* random bytes, with and without the BTF magic */
	for (int i = 0; i < 64; i++) {
		size_t n = (size_t)(rng() % sizeof(buf));

		for (size_t j = 0; j < n; j++)
			buf[j] = (uint8_t)rng();
		if (i & 1 && n >= 2) {
			buf[0] = 0x9f;
			buf[1] = 0xeb;
		}
		snprintf(path, sizeof(path), "%s/random%d", dir, i);
		ck_assert(write_file(path, buf, n));
		b = kb_load(path, err, sizeof(err));
		kb_free(b);
		ck_assert_msg(b || err[0], "random file %d: no message", i);
		unlink(path);
	}
	/* a truncated copy of the kernel's BTF */
	if (vm) {
		size_t n;
		uint8_t *raw = read_file(vm_path(), &n);

		ck_assert(raw && n > 100000);
		snprintf(path, sizeof(path), "%s/vmlinux_half", dir);
		ck_assert(write_file(path, raw, n / 2));
		load_fails(path, "half of the kernel BTF");
		snprintf(path, sizeof(path), "%s/vmlinux_less1", dir);
		ck_assert(write_file(path, raw, n - 1));
		load_fails(path, "the kernel BTF less one byte");
		free(raw);
	}
	kb_free(NULL);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	ck_assert(system(path) == 0);
}
END_TEST

/* Query every type of @b in every way; nothing may crash. Errors need a message. */
static bool query_all(const struct btf *b, char *msg, size_t n)
{
	static const char *const secs[] = { "tp_btf/synth", "fentry/synth_fn", "fexit/synth_fn",
					    "fmod_ret/synth_ret_ptr", "iter/synth" };
	static const uint32_t atts[] = { AT_RAW_TP, AT_FENTRY, AT_FEXIT, AT_MODIFY_RETURN,
					 AT_ITER };

	for (uint32_t id = 0; id <= b->cnt + 1; id++) {
		(void)kb_name(b, id);
		(void)kb_is_a(b, id, "node");
		for (int64_t off = 0; off < 300; off += 4)
			for (uint32_t s = 1; s <= 8; s *= 2) {
				struct kb_val v;
				char err[200] = "";

				if (kb_struct_read(b, id, KB_TRUSTED, true, off, s, &v, err,
						   sizeof(err)) &&
				    !err[0]) {
					snprintf(msg, n,
						 "type %u off %lld: error without a message", id,
						 (long long)off);
					return false;
				}
			}
	}
	for (size_t i = 0; i < ARRAY_SIZE(secs); i++) {
		struct kb_target tg;
		char err[200] = "";
		int64_t lo, hi;

		if (kb_resolve(b, BV_PROG_TRACING, atts[i], secs[i], &tg, err, sizeof(err)))
			continue;
		(void)kb_ret_kind(b, &tg);
		(void)kb_lsm_ret_range(b, &tg, &lo, &hi);
		for (int64_t off = 0; off < MAX_CTX_OFF; off += 8) {
			struct kb_val v;

			(void)kb_ctx_access(b, &tg, off, 8, &v, err, sizeof(err));
		}
	}
	return true;
}

/* Corrupt single bytes of the synthetic BTF; what still parses is queried */
static bool fuzz_loads(const void *arg, char *msg, size_t n)
{
	const char *path = arg;
	uint8_t *copy = malloc(syn_raw_size);

	if (!copy)
		return false;
	for (int round = 0; round < 400; round++) {
		struct btf *b;
		char err[300] = "";

		memcpy(copy, syn_raw, syn_raw_size);
		for (int k = 0; k <= round % 3; k++) {
			size_t at = 24 + (size_t)(rng() % (syn_raw_size - 24));

			copy[at] = (uint8_t)(round & 4 ? rng() : copy[at] ^ (1u << (rng() % 8)));
		}
		if (!write_file(path, copy, syn_raw_size)) {
			snprintf(msg, n, "cannot write %s", path);
			free(copy);
			return false;
		}
		b = kb_load(path, err, sizeof(err));
		if (!b && !err[0]) {
			snprintf(msg, n, "round %d: refused without a message", round);
			free(copy);
			return false;
		}
		if (b && !query_all(b, msg, n)) {
			kb_free(b);
			free(copy);
			return false;
		}
		kb_free(b);
	}
	free(copy);
	return true;
}

START_TEST(test_load_fuzz)
{
	char path[] = "/tmp/kbtf-fuzz-XXXXXX";
	int fd;

	NEED_SYN();
	fd = mkstemp(path);
	ck_assert(fd >= 0);
	close(fd);
	run_isolated(fuzz_loads, path, "kb_load and queries on corrupted BTF");
	unlink(path);
}
END_TEST

START_TEST(test_read_bad_ids)
{
	uint32_t ids[] = { 0, syn.cnt, syn.cnt + 1, UINT32_MAX, 0 };

	NEED_SYN();
	ids[4] = scan_type(&syn, "int", BTF_K_INT);
	for (size_t i = 0; i < ARRAY_SIZE(ids); i++)
		read_err(&syn, ids[i], 0, 4, NULL);
	/* a pointer, an array, a function, an enum are not structs */
	for (uint32_t id = 1; id < syn.cnt; id++) {
		if (is_sou(kind(&syn, id)) || is_modifier(kind(&syn, id)))
			continue;
		read_err(&syn, id, 0, 1, NULL);
	}
	/* a typedef of a struct is followed */
	read_scalar(&syn, scan_type(&syn, "leaf_t", BTF_K_TYPEDEF), 0, 4);
	ck_assert(!kb_is_a(&syn, 0, "node"));
	ck_assert(!kb_is_a(&syn, UINT32_MAX, "node"));
	ck_assert_str_eq(kb_name(&syn, UINT32_MAX), "?");
}
END_TEST

/* Extreme offsets and sizes on every synthetic struct: errors (or scalars), no UB */
static bool extreme_reads(const void *arg, char *msg, size_t n)
{
	static const int64_t offs[] = { -1,
					-8,
					-4096,
					(int64_t)1 << 31,
					((int64_t)1 << 32) - 4,
					(int64_t)1 << 40,
					INT32_MAX,
					INT64_MIN,
					INT64_MIN + 8,
					INT64_MAX - 8,
					INT64_MAX };
	static const uint32_t szs[] = { 0, 3, 16, 4096, UINT32_MAX };
	bool extreme = arg != NULL;

	for (uint32_t id = 1; id < syn.cnt; id++) {
		if (!is_sou(kind(&syn, id)))
			continue;
		for (size_t i = 0; i < ARRAY_SIZE(offs); i++)
			for (uint32_t s = 1; s <= 8; s *= 2) {
				struct kb_val v;
				char err[200] = "";

				if (!extreme && (offs[i] > INT32_MAX || offs[i] < -4096))
					continue;
				/* a flexible array of ints may be read at any offset */
				if (kb_struct_read(&syn, id, KB_TRUSTED, true, offs[i], s, &v, err,
						   sizeof(err)) == 0 &&
				    offs[i] < 0) {
					snprintf(msg, n, "%s off %lld size %u accepted",
						 name_of(&syn, id), (long long)offs[i], s);
					return false;
				}
			}
		for (size_t i = 0; i < ARRAY_SIZE(szs); i++) {
			struct kb_val v;
			char err[200] = "";

			if (!extreme && szs[i] == UINT32_MAX)
				continue;
			(void)kb_struct_read(&syn, id, KB_TRUSTED, true, 0, szs[i], &v, err,
					     sizeof(err));
		}
	}
	return true;
}

START_TEST(test_read_odd_offsets)
{
	NEED_SYN();
	/* offsets a program can form: negative, or far past any struct */
	run_isolated(extreme_reads, NULL, "kb_struct_read with negative or large offsets");
}
END_TEST

/* Context accesses of every size and offset an instruction can encode */
static bool odd_ctx(const void *arg, char *msg, size_t n)
{
	const int64_t *offs = arg;
	struct kb_target tg;
	char err[200] = "";

	if (kb_resolve(&syn, BV_PROG_TRACING, AT_FEXIT, "fexit/synth_fn", &tg, err, sizeof(err))) {
		snprintf(msg, n, "%s", err);
		return false;
	}
	for (int i = 0; offs[i] != 1; i++)
		for (uint32_t s = 1; s <= 16; s++) {
			struct kb_val v;

			if (kb_ctx_access(&syn, &tg, offs[i], s, &v, err, sizeof(err)) == 0 &&
			    (offs[i] < 0 || offs[i] >= MAX_CTX_OFF)) {
				snprintf(msg, n, "off %lld size %u accepted", (long long)offs[i],
					 s);
				return false;
			}
		}
	return true;
}

START_TEST(test_ctx_odd)
{
	static const int64_t offs[] = { -32768, -8, -1, 0, 3, 95, 96, 104, 32767, 1 };

	NEED_SYN();
	run_isolated(odd_ctx, offs, "kb_ctx_access with odd offsets and sizes");
}
END_TEST

START_TEST(test_resolve_odd)
{
	char longname[400];

	NEED_SYN();
	memset(longname, 'a', sizeof(longname) - 1);
	memcpy(longname, "fentry/", 7);
	longname[sizeof(longname) - 1] = 0;
	resolve_fails(&syn, BV_PROG_TRACING, AT_FENTRY, longname);
	resolve_fails(&syn, BV_PROG_TRACING, AT_FENTRY, "");
	resolve_fails(&syn, BV_PROG_TRACING, AT_FENTRY, "/");
	resolve_fails(&syn, BV_PROG_TRACING, AT_FENTRY, NULL);
	resolve_fails(&syn, BV_PROG_TRACING, 999, "fentry/synth_fn");
	resolve_fails(&syn, BV_PROG_TRACING, UINT32_MAX, "fentry/synth_fn");
	resolve_fails(&syn, BV_PROG_XDP, 0, "xdp/synth_fn");
}
END_TEST

/*
 * Offsets near INT64_MAX once overflowed "off + size" in walk() (a UBSan
 * report), and size 0 divided by zero in kb_ctx_access ("off % size").
 */
START_TEST(test_extreme_values)
{
	static const int64_t offs[] = { INT64_MIN, INT64_MAX, 0, 1 };

	NEED_SYN();
	run_isolated(extreme_reads, "extreme", "kb_struct_read with offsets near INT64_MAX");
	run_isolated(odd_ctx, offs, "kb_ctx_access with extreme offsets");
}
END_TEST

static bool ctx_size0(const void *arg, char *msg, size_t n)
{
	struct kb_target tg;
	struct kb_val v;
	char err[200] = "";

	(void)arg;
	if (kb_resolve(&syn, BV_PROG_TRACING, AT_FENTRY, "fentry/synth_fn", &tg, err,
		       sizeof(err))) {
		snprintf(msg, n, "%s", err);
		return false;
	}
	if (kb_ctx_access(&syn, &tg, 0, 0, &v, err, sizeof(err)) == 0) {
		snprintf(msg, n, "size 0 accepted");
		return false;
	}
	return true;
}

START_TEST(test_ctx_size0)
{
	NEED_SYN();
	run_isolated(ctx_size0, NULL, "kb_ctx_access with size 0");
}
END_TEST

/* ------------------------------------------------------------------------ */
/*
 * Rules where an earlier kbtf.c disagreed with Linux 6.18 (found by these tests,
 * then fixed). Each test states the kernel rule.
 */

/*
 * KERNEL RULE (kbtf.c differed until fixed) (kbtf.c walk(), "access beyond the end of member"):
 * btf_struct_walk checks a scalar read against mtrue_end, the end of the whole
 * array member, not of the element ("allow an int array to be accessed like a
 * scratch space", e.g. skb->cb[]). kbtf.c compares with the element's end, so
 * it rejects u64 reads of task->comm that the kernel accepts.
 */
START_TEST(test_dis_array_span)
{
	uint32_t node;

	NEED_SYN();
	node = syn_type("node");
	read_scalar(&syn, node, 184, 8); /* iarr[0..1] */
	read_scalar(&syn, node, 192, 8); /* iarr[2..3] */
	read_scalar(&syn, node, 200, 8); /* grid[0][0..2], grid[1][0] */
	read_scalar(&syn, node, 206, 4); /* grid[1][0..1] */
	if (vm) {
		uint32_t ts = vm_struct("task_struct"), comm = moff_of(vm, ts, "comm");

		read_scalar(vm, ts, comm, 8);
		read_scalar(vm, ts, comm + 8, 8);
		read_scalar(vm, ts, comm + 4, 4);
	}
}
END_TEST

/*
 * KERNEL RULE (kbtf.c differed until fixed) (kbtf.c walk(), flexible arrays): past the struct's
 * size btf_struct_walk allows only a trailing flexible array of ints or of
 * structs, from its own offset (not from the struct's size):
 *   ints:    WALK_SCALAR for any off >= the array's offset, whatever the size;
 * kbtf.c folds the offset into one element and rejects reads wider than it, and
 * rejects a flexible array that starts before the end padding.
 */
START_TEST(test_dis_flex_int)
{
	NEED_SYN();
	read_scalar(&syn, syn_type("iflex"), 8, 8); /* data[0..1] */
	read_scalar(&syn, syn_type("iflex"), 10, 4); /* inside data[0..1] */
	read_scalar(&syn, syn_type("iflex"), 1000, 8);
	read_scalar(&syn, syn_type("padflex"), 16, 1); /* data at 9, size 16 */
	read_scalar(&syn, syn_type("padflex"), 15, 2);
	/* and refuses what starts before the array: n's last bytes and data[0] */
	read_err(&syn, syn_type("iflex"), 6, 4, NULL);
	if (vm) {
		/* struct sched_domain { ... unsigned long span[]; } (when this kernel's BTF
		 * has it under that name) */
		uint32_t sd = vm_struct("sched_domain");
		struct btf_member m;

		if (sd && member_named(vm, sd, "span", &m, NULL))
			read_scalar(vm, sd, m.offset / 8 + 4, 8);
	}
}
END_TEST

/*
 * KERNEL RULE (kbtf.c differed until fixed): btf_struct_walk refuses a flexible array of pointers
 * ("access beyond struct"); kbtf.c returns read-only untrusted memory.
 */
START_TEST(test_dis_flex_ptr)
{
	NEED_SYN();
	read_err(&syn, syn_type("pflex"), 8, 8, NULL);
	read_err(&syn, syn_type("pflex"), 16, 8, NULL);
}
END_TEST

/*
 * KERNEL RULE (kbtf.c differed until fixed): for a flexible array of structs btf_struct_walk goes on
 * into the element ("off = (off - moff) % t->size; goto again"), so a pointer
 * member of the element is a PTR_TO_BTF_ID and padding is an error; kbtf.c
 * calls every element read a scalar.
 */
START_TEST(test_dis_flex_struct)
{
	uint32_t sflex, leaf;

	NEED_SYN();
	sflex = syn_type("sflex");
	leaf = syn_type("leaf");
	read_ptr(&syn, sflex, KB_TRUSTED, true, 16, leaf, KB_PLAIN, false); /* items[0].p */
	read_ptr(&syn, sflex, KB_TRUSTED, true, 32, leaf, KB_PLAIN, false); /* items[1].p */
	read_err(&syn, sflex, 12, 4, NULL); /* items[0] padding */
	read_err(&syn, sflex, 16, 4, "cannot access ptr member");
}
END_TEST

/* KERNEL RULE (kbtf.c differed until fixed): a flexible array of enums is refused by btf_struct_walk (only
 * btf_type_is_int and structs pass); kbtf.c reads it as a scalar. */
START_TEST(test_dis_flex_enum)
{
	NEED_SYN();
	read_err(&syn, syn_type("eflex"), 8, 4, NULL);
}
END_TEST

/*
 * KERNEL RULE (kbtf.c differed until fixed) (kbtf.c kb_ctx_access, ptr_target() == 0 -> scalar): in
 * Linux 6.18 btf_ctx_access makes only pointers to void or to an int scalars
 * (is_void_or_int_ptr); any other pointer must point to a struct, else "func
 * '%s' arg%d type %s is not a struct" rejects the load. kbtf.c makes every
 * pointer to a non-struct a scalar (the rule of later kernels, which treat
 * multi-level pointers as scalars).
 */
START_TEST(test_dis_ctx_ptr_nonstruct)
{
	struct kb_target tg;

	NEED_SYN();
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_RAW_TP, "tp_btf/synth");
	ctx_expect(&syn, &tg, 8, 8, NULL); /* char ** */
	ctx_expect(&syn, &tg, 64, 8, NULL); /* enum color * */
	ctx_expect(&syn, &tg, 80, 8, NULL); /* void (*)(int) */
	tg = resolve_ok(&syn, BV_PROG_TRACING, AT_FENTRY, "fentry/synth_fn");
	ctx_expect(&syn, &tg, 16, 8, NULL); /* char **pp */
	if (vm) {
		/* int bpf_lsm_sb_eat_lsm_opts(char *orig, void **mnt_opts) */
		tg = resolve_ok(vm, BV_PROG_LSM, AT_LSM_MAC, "lsm/sb_eat_lsm_opts");
		ctx_expect(vm, &tg, 8, 8, NULL);
	}
}
END_TEST

/*
 * KERNEL RULE (kbtf.c differed until fixed) (kb_is_a): btf_struct_ids_match walks with
 * btf_struct_walk(off 0, size 1), which skips zero-size members (an empty
 * array: "moff == mtrue_end") and enters arrays of structs; kbtf.c looks only at
 * member 0 and only if it is a struct itself.
 */
START_TEST(test_dis_is_a)
{
	NEED_SYN();
	ck_assert(kb_is_a(&syn, syn_type("empty_first"), "leaf"));
	ck_assert(kb_is_a(&syn, syn_type("arr_first"), "leaf"));
}
END_TEST

Suite *kbtf_suite(void)
{
	Suite *s = suite_create("kbtf");
	TCase *tv = tcase_create("kbtf_vmlinux");
	TCase *ts = tcase_create("kbtf_synthetic");
	TCase *tr = tcase_create("kbtf_robust");
	TCase *td = tcase_create("kbtf_disagree");

	tcase_add_unchecked_fixture(tv, vm_setup, vm_teardown);
	tcase_set_timeout(tv, 300);
	tcase_add_test(tv, test_vm_load);
	tcase_add_test(tv, test_vm_resolve);
	tcase_add_test(tv, test_vm_sched_switch_nargs);
	tcase_add_test(tv, test_vm_resolve_fails);
	tcase_add_test(tv, test_vm_ctx_sweep);
	tcase_add_test(tv, test_vm_ctx_facts);
	tcase_add_test(tv, test_vm_lsm_ret);
	tcase_add_test(tv, test_vm_task_struct);
	tcase_add_test(tv, test_vm_file);
	tcase_add_test(tv, test_vm_struct_sweep);
	tcase_add_test(tv, test_vm_all_members);
	tcase_add_test(tv, test_vm_is_a);
	suite_add_tcase(s, tv);

	tcase_add_unchecked_fixture(ts, syn_setup, syn_teardown);
	tcase_set_timeout(ts, 120);
	tcase_add_test(ts, test_syn_node_fields);
	tcase_add_test(ts, test_syn_nested);
	tcase_add_test(ts, test_syn_struct_sweep);
	tcase_add_test(ts, test_syn_flex_ok);
	tcase_add_test(ts, test_syn_is_a);
	tcase_add_test(ts, test_syn_resolve);
	tcase_add_test(ts, test_syn_ctx);
	tcase_add_test(ts, test_syn_ctx_limit);
	tcase_add_test(ts, test_syn_ctx_null_table);
	suite_add_tcase(s, ts);

	tcase_add_unchecked_fixture(tr, vm_setup, vm_teardown);
	tcase_add_unchecked_fixture(tr, syn_setup, syn_teardown);
	tcase_set_timeout(tr, 300);
	tcase_add_test(tr, test_load_bad_files);
	tcase_add_test(tr, test_load_fuzz);
	tcase_add_test(tr, test_read_bad_ids);
	tcase_add_test(tr, test_read_odd_offsets);
	tcase_add_test(tr, test_ctx_odd);
	tcase_add_test(tr, test_resolve_odd);
	tcase_add_test(tr, test_extreme_values);
	tcase_add_test(tr, test_ctx_size0);
	suite_add_tcase(s, tr);

	tcase_add_unchecked_fixture(td, vm_setup, vm_teardown);
	tcase_add_unchecked_fixture(td, syn_setup, syn_teardown);
	tcase_set_timeout(td, 120);
	tcase_add_test(td, test_dis_array_span);
	tcase_add_test(td, test_dis_flex_int);
	tcase_add_test(td, test_dis_flex_ptr);
	tcase_add_test(td, test_dis_flex_struct);
	tcase_add_test(td, test_dis_flex_enum);
	tcase_add_test(td, test_dis_ctx_ptr_nonstruct);
	tcase_add_test(td, test_dis_is_a);
	suite_add_tcase(s, td);
	return s;
}
