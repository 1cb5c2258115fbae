// SPDX-License-Identifier: MIT
/*
 * fix: the abstract interpreter (see fix.h for the overall design).
 *
 * One abstract state (struct vstate) stands for a set of concrete machine
 * states reachable along one path prefix. The engine interprets one path at
 * a time, depth first; at a conditional jump both feasible edges continue,
 * each with the branch condition assumed (sval_refine on scalars, null
 * checks, packet range proofs). States are stored as checkpoints at jump
 * targets. Each checkpoint counts the paths still being explored below it
 * (@branches); once that count is zero everything reachable from it was
 * checked, and a later state at the same pc that it subsumes (state_leq,
 * dead registers ignored) is dropped. A state equal to a checkpoint that is
 * still being explored (hence an ancestor on the current path) is an
 * infinite loop. This is the kernel verifier's strategy, so its verdicts
 * line up with the kernel's, including bounded loops (unrolled) and
 * correlated branches (never joined).
 */
#include <inttypes.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "btf.h"
#include "core.h"
#include "ctx.h"
#include "fix.h"
#include "helpers.h"
#include "kbtf.h"
#include "kfuncs.h"
#include "state.h"

#define FIX_DEFAULT_BUDGET 1000000u
#define FIX_MAX_CKPT_PER_PC 64
#define FIX_POOL 64
#define MAX_PACKET_OFF 0xffff
#define MAX_VAR_OFF (1ll << 29)
#define MAP_TYPE_ARRAY 2
#define MAP_TYPE_PROG_ARRAY 3
#define MAP_TYPE_PERCPU_ARRAY 6
#define MAP_TYPE_ARRAY_OF_MAPS 12
#define MAP_TYPE_HASH_OF_MAPS 13
#define BPF_F_RDONLY_PROG (1u << 7)

/* ---- rules -------------------------------------------------------------------------------- */

struct rule {
	const char *id;
	const char *name;
};

enum rule_idx {
	R_REG_UNINIT,
	R_R10_WRITE,
	R_PTR_ARITH,
	R_PTR_CMP,
	R_PTR_LEAK,
	R_MEM_NONPTR,
	R_STACK_OOB,
	R_STACK_ALIGN,
	R_STACK_UNINIT,
	R_CTX,
	R_PKT_OOB,
	R_MAP_OOB,
	R_NULL,
	R_MEM_OTHER,
	R_LD_ABS,
	R_HELPER_UNAVAIL,
	R_HELPER_ARGS,
	R_REF_LEAK,
	R_KFUNC,
	R_KFUNC_USE, /* a modelled kfunc used wrongly: a rejection */
	R_CALL,
	R_TAIL_CALL,
	R_DIV_ZERO,
	R_ATOMIC,
	R_EXIT_R0,
	R_RET_PTR,
	R_RET_RANGE,
	R_LOOP,
	R_DEPTH,
	R_BAD_JUMP,
	R_UNSUPPORTED,
	R_BUDGET,
	R_LOCK,
	R_SPILL,
};

/* Ids are the item numbers of ../shared/spec/safety-properties.md; keep in sync with rule_idx */
static const struct rule rules[] = {
	[R_REG_UNINIT] = { "P3.1", "reg-uninit" },
	[R_R10_WRITE] = { "P3.2", "r10-write" },
	[R_PTR_ARITH] = { "P3.3", "ptr-arith" },
	[R_PTR_CMP] = { "P3.4", "ptr-cmp" },
	[R_PTR_LEAK] = { "P3.5", "ptr-leak" },
	[R_MEM_NONPTR] = { "P4.1", "mem-nonptr" },
	[R_STACK_OOB] = { "P4.2", "stack-oob" },
	[R_STACK_ALIGN] = { "P4.3", "stack-misaligned" },
	[R_STACK_UNINIT] = { "P4.4", "stack-uninit" },
	[R_CTX] = { "P5.1", "ctx-access" },
	[R_PKT_OOB] = { "P5.2", "pkt-oob" },
	[R_MAP_OOB] = { "P5.4", "map-oob" },
	[R_NULL] = { "P5.5", "null-deref" },
	[R_MEM_OTHER] = { "P5.6", "mem-access" },
	[R_LD_ABS] = { "P5.7", "ld-abs" },
	[R_HELPER_UNAVAIL] = { "P6.1", "helper-unavailable" },
	[R_HELPER_ARGS] = { "P6.2", "helper-args" },
	[R_REF_LEAK] = { "P6.4", "ref-leak" },
	[R_KFUNC] = { "P6.5", "kfunc" },
	[R_KFUNC_USE] = { "P6.5", "kfunc" },
	[R_CALL] = { "P6.6", "bpf-call" },
	[R_TAIL_CALL] = { "P6.8", "tail-call" },
	[R_DIV_ZERO] = { "P7.1", "div-zero" },
	[R_ATOMIC] = { "P8.2", "atomic" },
	[R_EXIT_R0] = { "P9.1", "exit-r0-uninit" },
	[R_RET_PTR] = { "P9.2", "ret-ptr" },
	[R_RET_RANGE] = { "P9.3", "ret-range" },
	[R_LOOP] = { "P2.7", "loop-unbounded" },
	[R_DEPTH] = { "P2.6", "call-depth" },
	[R_BAD_JUMP] = { "P2.5", "bad-jump" },
	[R_UNSUPPORTED] = { "P10.1", "unsupported" },
	[R_BUDGET] = { "P10.3", "budget" },
	[R_LOCK] = { "P6.4", "spin-lock" },
	[R_SPILL] = { "P4.5", "spill" },
};

/* ---- analysis context --------------------------------------------------------------------- */

struct ckpt {
	struct vstate *st;
	uint32_t joins; /* how many joins produced this state */
	struct ckpt *parent;
	struct ckpt *next; /* same pc */
	uint32_t branches;
	uint32_t pc;
};

struct pend {
	struct vstate *st;
	struct ckpt *parent;
	uint32_t pc;
};

struct fx {
	const struct obj *o;
	const struct obj_prog *p;
	const struct insn *in;
	const struct bv_options *opt;
	struct fix_result *res;
	size_t n;
	uint16_t *live; /* per pc: registers live before the instruction (bit per reg) */
	uint8_t *prune; /* per pc: jump target, store checkpoints here */
	uint8_t *loophead; /* per pc: target of a backward jump */
	struct ckpt **ck; /* per pc: list of checkpoints */
	uint32_t *ck_cnt;
	uint64_t *visits; /* per pc: times a state arrived at this prune point */
	struct pend *stack;
	size_t sp, scap;
	struct ckpt *cur_parent;
	uint64_t budget;
	uint32_t next_id;
	bool failed; /* analysis over: a finding without --all-errors, or a budget */
	bool soft; /* with --all-errors: the current path ended in a finding */
	size_t nfind;
	struct vstate *cur; /* the state being interpreted (for traces) */
	bool unpriv;
	uint32_t *func_depth; /* per function: deepest stack byte touched */
	uint8_t *tail_func; /* per function: it calls bpf_tail_call */
	uint8_t *calls; /* func_cnt x func_cnt: caller calls callee */
	size_t bytes, peak;
	size_t max_mem;
	time_t deadline;
	int64_t *lock_off; /* per map: offset of its bpf_spin_lock, -1 none, INT64_MIN unknown */
	struct btf btf; /* parsed when needed: global functions, spin locks */
	bool have_btf;
	struct vstate *pool[64]; /* recycled full-size states */
	size_t pool_cnt;
	bool cb_enter; /* the helper just interpreted calls a callback: */
	uint32_t cb_target; /* its entry */
	struct reg cb_args[6]; /* its r1-r5 */
	const struct btf *kb; /* the kernel's BTF, or NULL */
	bool btf_typed; /* tracing / lsm program: the context is typed by the kernel BTF */
	bool tg_ok; /* its attach target resolved into @tg */
	struct kb_target tg;
	char tg_err[192];
	bool may_goto; /* the program has loops bounded at run time (may_goto, iterators) */
	bool sleepable; /* loaded sleepable (".s" section, syscall) */
	const struct kf_proto **kf; /* per pc: the modelled kfunc called there, or NULL */
	uint8_t *async_root; /* per function: entry of an asynchronous (timer) callback */
};

static int fail(struct fx *fx, uint32_t pc, enum rule_idx r, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* "1 bytes" -> "1 byte" in a finished message */
static void singular_bytes(char *m)
{
	for (char *p = strstr(m, "1 bytes"); p; p = strstr(p + 1, "1 bytes"))
		if (p == m || !(p[-1] >= '0' && p[-1] <= '9'))
			memmove(p + 6, p + 7, strlen(p + 7) + 1);
}
static char *state_text_fwd(const struct vstate *s);

static int fail(struct fx *fx, uint32_t pc, enum rule_idx r, const char *fmt, ...)
{
	va_list ap;
	struct fix_finding *f;
	bool soft = fx->opt->all_errors && r != R_UNSUPPORTED && r != R_BUDGET && r != R_KFUNC;

	if (fx->failed)
		return -1;
	if (soft && fx->nfind) {
		/* a further finding: keep it unless this pc and rule were already reported */
		if (fx->res->f.pc == pc && fx->res->f.rule == rules[r].id)
			goto soft_out;
		for (size_t i = 0; i < fx->res->extra_cnt; i++)
			if (fx->res->extra[i].pc == pc && fx->res->extra[i].rule == rules[r].id)
				goto soft_out;
		if (fx->res->extra_cnt == FIX_MAX_EXTRA)
			goto soft_out;
		f = &fx->res->extra[fx->res->extra_cnt++];
	} else if (fx->nfind) {
		/* a budget or unsupported feature after real findings: the verdict stays reject */
		fx->failed = true;
		return -1;
	} else {
		f = &fx->res->f;
		fx->res->verdict = (r == R_UNSUPPORTED || r == R_BUDGET || r == R_KFUNC)
					   ? BV_INCONCLUSIVE
					   : BV_REJECT;
	}
	f->rule = rules[r].id;
	f->rule_name = rules[r].name;
	f->pc = pc;
	f->trace_cnt = 0;
	if (fx->cur) {
		uint32_t hn = fx->cur->hist_n;
		uint32_t n;

		if (hn && fx->cur->hist[(hn - 1) % 8] == pc)
			hn--; /* the failing instruction itself */
		n = hn < 8 - (fx->cur->hist_n - hn) ? hn : 8 - (fx->cur->hist_n - hn);
		for (uint32_t i = 0; i < n; i++)
			f->trace[i] = fx->cur->hist[(hn - n + i) % 8];
		f->trace_cnt = n;
	}
	va_start(ap, fmt);
	vsnprintf(f->msg, sizeof(f->msg), fmt, ap);
	singular_bytes(f->msg);
	va_end(ap);
	fx->nfind++;
	if (!soft) {
		fx->failed = true;
		return -1;
	}
	if (fx->nfind == 1 && fx->cur)
		f->state = state_text_fwd(fx->cur);
soft_out:
	fx->soft = true;
	return -1;
}

static uint32_t func_of(const struct obj_prog *p, uint32_t pc);
static int push_pending(struct fx *fx, struct vstate *t, uint32_t pc);
static int64_t spin_lock_offset(struct fx *fx, int32_t mi);
static int64_t timer_offset(struct fx *fx, int32_t mi);
static bool ensure_btf(struct fx *fx);

/* ---- state memory ------------------------------------------------------------------------- */

static void *xmalloc(struct fx *fx, size_t n)
{
	void *p = malloc(n);

	if (p) {
		fx->bytes += n;
		if (fx->bytes > fx->peak)
			fx->peak = fx->bytes;
	}
	return p;
}

static size_t state_bytes(const struct vstate *s)
{
	size_t n = offsetof(struct vstate, fr) + s->nframes * sizeof(struct frame);

	for (uint32_t i = 0; i < s->nframes; i++)
		n += s->fr[i].nslots * sizeof(struct slot);
	return n;
}

static void state_free(struct fx *fx, struct vstate *s)
{
	if (!s)
		return;
	fx->bytes -= state_bytes(s) < fx->bytes ? state_bytes(s) : fx->bytes;
	for (uint32_t i = 0; i < s->nframes; i++)
		free(s->fr[i].slots);
	if (s->full && fx->pool_cnt < FIX_POOL) {
		/* full-size states are recycled: a path fork needs one, a path end frees one */
		fx->pool[fx->pool_cnt++] = s;
		return;
	}
	free(s);
}

/* @full: room for every frame (a state that runs); else only the frames in use (a checkpoint,
 * which is only compared with and joined from, never run) */
static struct vstate *state_copy_sz(struct fx *fx, const struct vstate *s, bool full)
{
	size_t head = offsetof(struct vstate, fr) + s->nframes * sizeof(struct frame);
	struct vstate *c;

	if (full && fx->pool_cnt) {
		c = fx->pool[--fx->pool_cnt];
		fx->bytes += head;
	} else {
		c = xmalloc(fx, full ? sizeof(*c) : head);
	}
	if (!c)
		return NULL;
	memcpy(c, s, head);
	c->full = full;
	for (uint32_t i = 0; i < s->nframes; i++) {
		c->fr[i].slots = NULL;
		if (s->fr[i].nslots) {
			size_t b = s->fr[i].nslots * sizeof(struct slot);

			c->fr[i].slots = xmalloc(fx, b);
			if (!c->fr[i].slots) {
				c->nframes = i;
				state_free(fx, c);
				return NULL;
			}
			memcpy(c->fr[i].slots, s->fr[i].slots, b);
		}
	}
	for (uint32_t i = s->nframes; full && i < ST_MAX_FRAMES; i++) {
		c->fr[i].slots = NULL;
		c->fr[i].nslots = 0;
	}
	return c;
}

static struct vstate *state_copy(struct fx *fx, const struct vstate *s)
{
	return state_copy_sz(fx, s, true);
}

static int grow_stack(struct fx *fx, struct frame *f, uint32_t nslots)
{
	struct slot *s;

	if (nslots <= f->nslots)
		return 0;
	s = realloc(f->slots, nslots * sizeof(*s));
	if (!s)
		return -1;
	fx->bytes += (nslots - f->nslots) * sizeof(*s);
	if (fx->bytes > fx->peak)
		fx->peak = fx->bytes;
	memset(s + f->nslots, 0, (nslots - f->nslots) * sizeof(*s));
	f->slots = s;
	f->nslots = nslots;
	return 0;
}

/* ---- registers ---------------------------------------------------------------------------- */

static const char *const rgn_names[RGN_CNT] = {
	[RGN_CTX] = "ctx",
	[RGN_STACK] = "fp",
	[RGN_PKT] = "pkt",
	[RGN_PKT_META] = "pkt_meta",
	[RGN_PKT_END] = "pkt_end",
	[RGN_MAP] = "map_ptr",
	[RGN_MAP_VALUE] = "map_value",
	[RGN_MAP_KEY] = "map_key",
	[RGN_MEM] = "mem",
	[RGN_SOCK] = "sock",
	[RGN_SOCK_COMMON] = "sock_common",
	[RGN_TCP_SOCK] = "tcp_sock",
	[RGN_FLOW_KEYS] = "flow_keys",
	[RGN_FUNC] = "func",
	[RGN_OPAQUE] = "kernel_ptr",
	[RGN_BTF] = "ptr_to_btf_id",
	[RGN_TP_BUF] = "tp_buffer",
	[RGN_ITER] = "iter",
	[RGN_DYNPTR] = "dynptr",
};

static struct reg reg_scalar(struct sval v)
{
	struct reg r;

	memset(&r, 0, sizeof(r));
	r.type = REG_SCALAR;
	r.v = v;
	r.map = -1;
	return r;
}

static struct reg reg_unknown(void)
{
	return reg_scalar(sval_top());
}

static struct reg reg_const(uint64_t c)
{
	return reg_scalar(sval_const(c));
}

static struct reg reg_uninit(void)
{
	struct reg r;

	memset(&r, 0, sizeof(r));
	r.map = -1;
	r.v = sval_const(0);
	return r;
}

static struct reg reg_ptr(enum rgn g, int64_t off)
{
	struct reg r = reg_scalar(sval_const(0));

	r.type = REG_PTR;
	r.rgn = g;
	r.off = off;
	return r;
}

static bool reg_is_const(const struct reg *r, uint64_t *c)
{
	return r->type == REG_SCALAR && sval_is_const(r->v, c);
}

static bool is_pkt(const struct reg *r)
{
	return r->type == REG_PTR && (r->rgn == RGN_PKT || r->rgn == RGN_PKT_META);
}

static int reg_snprint(char *b, size_t n, const struct reg *r)
{
	char v[256];

	if (r->type == REG_UNINIT)
		return snprintf(b, n, "uninit");
	if (r->type == REG_SCALAR) {
		sval_snprint(v, sizeof(v), r->v);
		return snprintf(b, n, "%s", v);
	}
	{
		uint64_t c;
		int k = snprintf(b, n, "%s%s(", rgn_names[r->rgn], r->maybe_null ? "_or_null" : "");
		size_t used = k > 0 ? (size_t)k : 0;

#define APPEND(...)                                                                                \
	do {                                                                                       \
		int w_ =                                                                           \
			snprintf(b + (used < n ? used : n), used < n ? n - used : 0, __VA_ARGS__); \
		if (w_ > 0)                                                                        \
			used += (size_t)w_;                                                        \
	} while (0)
		if (r->id)
			APPEND("id=%u,", r->id);
		if (r->ref)
			APPEND("ref=%u,", r->ref);
		if (r->rgn == RGN_MAP || r->rgn == RGN_MAP_VALUE || r->rgn == RGN_MAP_KEY)
			APPEND("map=%d,", r->map);
		APPEND("off=%" PRId64, r->off);
		if (!sval_is_const(r->v, &c) || c != 0) {
			sval_snprint_compact(v, sizeof(v), r->v);
			APPEND(",var=%s", v);
		}
		if (r->rgn == RGN_PKT || r->rgn == RGN_PKT_META)
			APPEND(",r=%" PRId64, r->range);
		if (r->rgn == RGN_MEM)
			APPEND(",size=%" PRId64, r->range);
		APPEND(")");
#undef APPEND
		return (int)used;
	}
}

static char *state_text(const struct vstate *s);

static char *state_text_fwd(const struct vstate *s)
{
	return state_text(s);
}

static char *state_text(const struct vstate *s)
{
	size_t cap = 8192, len = 0;
	char *buf = malloc(cap);
	const struct frame *f;
	char rb[512];

	if (!buf)
		return NULL;
	buf[0] = 0;
	f = &s->fr[s->nframes - 1];
	for (int i = 0; i < ST_NREGS; i++) {
		if (f->regs[i].type == REG_UNINIT)
			continue;
		reg_snprint(rb, sizeof(rb), &f->regs[i]);
		len += (size_t)snprintf(buf + len, cap - len, "%sR%d=%s", len ? " " : "", i, rb);
		if (len >= cap - 600)
			break;
	}
	for (uint32_t i = 0; i < f->nslots && len < cap - 600; i++) {
		const struct slot *sl = &f->slots[i];
		char k[9];
		bool any = false;

		for (int j = 0; j < 8; j++) {
			k[j] = "?mzs"[sl->kind[j]];
			any |= sl->kind[j] != SK_INVALID;
		}
		k[8] = 0;
		if (!any)
			continue;
		if (sl->spill_size) {
			reg_snprint(rb, sizeof(rb), &sl->spill);
			len += (size_t)snprintf(buf + len, cap - len, " fp%d=%s%s",
						-(int)(8 * i + 8),
						sl->spill_size == 8 ? "" : "(partial)", rb);
		} else {
			len += (size_t)snprintf(buf + len, cap - len, " fp%d=%s", -(int)(8 * i + 8),
						k);
		}
	}
	return buf;
}

/* Apply @fn to every register and spilled register of every frame */
#define for_each_reg(s, r, body)                                          \
	do {                                                              \
		for (uint32_t fi_ = 0; fi_ < (s)->nframes; fi_++) {       \
			struct frame *f_ = &(s)->fr[fi_];                 \
			for (int ri_ = 0; ri_ < ST_NREGS; ri_++) {        \
				struct reg *r = &f_->regs[ri_];           \
				body;                                     \
			}                                                 \
			for (uint32_t si_ = 0; si_ < f_->nslots; si_++) { \
				if (!f_->slots[si_].spill_size)           \
					continue;                         \
				struct reg *r = &f_->slots[si_].spill;    \
				body;                                     \
			}                                                 \
		}                                                         \
	} while (0)

static struct frame *cur(struct vstate *s)
{
	return &s->fr[s->nframes - 1];
}

/* ---- stack -------------------------------------------------------------------------------- */

/* Byte at frame offset @off (negative) */
static uint8_t *stack_byte(struct frame *f, int64_t off)
{
	int64_t pos = -off - 1; /* 0 = byte just below fp */
	uint32_t si = (uint32_t)(pos / 8);

	return &f->slots[si].kind[7 - (pos % 8)];
}

static void note_depth(struct fx *fx, const struct frame *f, int64_t lo)
{
	uint32_t d = (uint32_t)(-lo);
	uint32_t fi = f->func;

	if (fi < fx->p->func_cnt && fx->func_depth[fi] < d)
		fx->func_depth[fi] = d;
}

/* Does [lo, hi) of @f overlap a slot holding an iterator? */
static bool stack_has_iter(const struct frame *f, int64_t lo, int64_t hi)
{
	for (int64_t o = lo; o < hi; o++) {
		uint32_t si = (uint32_t)((-o - 1) / 8);

		if (si < f->nslots && f->slots[si].spill_size &&
		    f->slots[si].spill.type == REG_PTR &&
		    (f->slots[si].spill.rgn == RGN_ITER || f->slots[si].spill.rgn == RGN_DYNPTR))
			return true;
	}
	return false;
}

/* Forget spills that overlap [lo, hi) in @f (byte kinds stay) */
static void stack_unspill(struct frame *f, int64_t lo, int64_t hi)
{
	for (int64_t o = lo; o < hi; o++) {
		uint32_t si = (uint32_t)((-o - 1) / 8);
		struct slot *sl = &f->slots[si];

		if (sl->spill_size) {
			for (int j = 0; j < 8; j++)
				if (sl->kind[j] == SK_SPILL)
					sl->kind[j] = SK_MISC;
			sl->spill_size = 0;
		}
	}
}

static int stack_write_fixed(struct fx *fx, struct frame *f, int64_t off, unsigned size,
			     const struct reg *val, uint32_t pc)
{
	uint32_t si = (uint32_t)((-off - 1) / 8);
	struct slot *sl;
	uint64_t c;

	if (grow_stack(fx, f, si + 1))
		return fail(fx, pc, R_BUDGET, "out of memory");
	note_depth(fx, f, off);
	sl = &f->slots[si];
	if (val && val->type == REG_PTR) {
		/* kernel (check_stack_write_fixed_off): "invalid size of register spill", root too */
		if (size != 8 || (off % 8) != 0)
			return fail(fx, pc, R_SPILL,
				    "store of a %s pointer to the stack at fp%+" PRId64
				    " with size %u: pointers are spilled whole (8 bytes, aligned)",
				    rgn_names[val->rgn], off, size);
		sl->spill = *val;
		sl->spill_size = 8;
		memset(sl->kind, SK_SPILL, 8);
		return 0;
	}
	if (fx->unpriv && sl->spill_size && sl->spill.type == REG_PTR && size != 8)
		return fail(fx, pc, R_PTR_LEAK,
			    "attempt to corrupt a spilled pointer at fp%+" PRId64, off);
	stack_unspill(f, off, off + size);
	if (val && val->type == REG_SCALAR && (off % 8) == 0) {
		/* scalar spill: bounds kept, read back by a fill of at most this size */
		sl->spill = *val;
		sl->spill.v = sval_trunc(val->v, size);
		if (size < 8 && (val->v.r.umax >> (8 * size)) != 0)
			sl->spill.id = 0; /* truncated: no longer equal to its copies */
		sl->spill_size = (uint8_t)size;
		for (unsigned i = 0; i < size; i++)
			*stack_byte(f, off + i) = SK_SPILL;
		for (int j = 0; j < 8; j++)
			if (sl->kind[j] == SK_SPILL && j < 8 - (int)size)
				sl->kind[j] = SK_MISC;
		return 0;
	}
	for (unsigned i = 0; i < size; i++)
		*stack_byte(f, off + i) =
			(val && reg_is_const(val, &c) && c == 0) ? SK_ZERO : SK_MISC;
	return 0;
}

/* Read @size bytes at fixed @off into @out */
static int stack_read_fixed(struct fx *fx, struct frame *f, int64_t off, unsigned size, bool sx,
			    struct reg *out, uint32_t pc, int regno)
{
	uint32_t si = (uint32_t)((-off - 1) / 8);
	struct slot *sl;
	bool all_zero = true;

	if (si >= f->nslots) {
		if (fx->unpriv)
			return fail(fx, pc, R_STACK_UNINIT,
				    "read of %u bytes at fp%+" PRId64 " from never-written stack",
				    size, off);
		*out = reg_scalar(sval_trunc(sval_top(), size));
		goto ext;
	}
	sl = &f->slots[si];
	if (sl->spill_size && (off % 8) == 0 && size <= sl->spill_size) {
		if (sl->spill.type == REG_PTR) {
			if (size != 8)
				return fail(fx, pc, R_PTR_LEAK,
					    "invalid size %u of register fill at fp%+" PRId64, size,
					    off);
			*out = sl->spill;
			return 0;
		}
		*out = sl->spill;
		out->v = sval_trunc(sl->spill.v, size);
		goto ext;
	}
	if (sl->spill_size && sl->spill.type == REG_PTR) {
		/* partial read of a spilled pointer */
		if (fx->unpriv)
			return fail(fx, pc, R_PTR_LEAK,
				    "partial read of a spilled pointer at fp%+" PRId64, off);
	}
	for (unsigned i = 0; i < size; i++) {
		int64_t o = off + i;
		uint32_t sj = (uint32_t)((-o - 1) / 8);
		uint8_t k = sj < f->nslots ? *stack_byte(f, o) : SK_INVALID;

		if (k == SK_INVALID && fx->unpriv)
			return fail(fx, pc, R_STACK_UNINIT,
				    "r%d reads %u bytes at fp%+" PRId64 ", byte fp%+" PRId64
				    " was never written",
				    regno, size, off, o);
		if (k != SK_ZERO)
			all_zero = false;
	}
	*out = all_zero ? reg_const(0) : reg_scalar(sval_trunc(sval_top(), size));
ext:
	if (sx && size < 8)
		out->v = sval_sext(out->v, size);
	return 0;
}

/*
 * A read of struct bpf_sock through a socket pointer (filter.c:
 * bpf_sock_is_valid_access; bpf_sock_common_is_valid_access also refuses type,
 * protocol, mark and priority). Fields: bound_dev_if 0, family 4, type 8,
 * protocol 12, mark 16, priority 20, src_ip4 24, src_ip6 28..43, src_port 44,
 * dst_port 48 (2 bytes + hole), dst_ip4 52, dst_ip6 56..71, state 72,
 * rx_queue_mapping 76.
 */
static bool sock_read_ok(int64_t off, unsigned size, bool common)
{
	int64_t field;

	if (off < 0 || off + (int64_t)size > 80 || off % (int64_t)size)
		return false;
	if (common && off >= 8 && off < 24)
		return false;
	field = off & ~3;
	if (field == 48)
		return off + (int64_t)size <= 50 || (off == 48 && size == 4);
	switch (field) {
	case 4: /* family */
	case 8: /* type */
	case 12: /* protocol */
	case 44: /* src_port */
	case 72: /* state */
	case 76: /* rx_queue_mapping */
		return size <= 4;
	default:
		if ((field >= 24 && field < 44) || (field >= 52 && field < 72))
			return size <= 4; /* addresses: narrow reads allowed */
		return size == 4;
	}
}

/* ---- memory access ------------------------------------------------------------------------ */

enum acc { ACC_READ, ACC_WRITE, ACC_ATOMIC };

static const char *acc_name(enum acc a)
{
	return a == ACC_READ ? "read" : a == ACC_WRITE ? "write" : "atomic access";
}

/*
 * Check an access through @base at insn offset @ioff of @size bytes. For a
 * read, *out receives the loaded value; for a write, @val is stored.
 */
static bool license_is_gpl(const char *l);

/* A register holding what a BTF-typed load yields */
static struct reg kb_reg(struct fx *fx, const struct kb_val *v, unsigned size)
{
	struct reg r;

	if (v->scalar)
		return reg_scalar(sval_trunc(sval_top(), size));
	r = reg_ptr(RGN_BTF, 0);
	r.map = (int32_t)v->id;
	r.trust = v->trust;
	if (v->maybe_null) {
		r.maybe_null = true;
		r.id = ++fx->next_id;
	}
	return r;
}

/* Context load of a tracing / lsm program (btf.c:btf_ctx_access) */
static int btf_ctx_load(struct fx *fx, uint32_t pc, int64_t off, unsigned size, enum acc acc,
			struct reg *out)
{
	struct kb_val v;
	char why[256];

	if (!fx->tg_ok)
		return fail(fx, pc, R_UNSUPPORTED, "%s", fx->tg_err);
	if (acc != ACC_READ)
		return fail(fx, pc, R_CTX, "the context of a %s program is read-only",
			    bv_prog_type_name(fx->p->type));
	if (kb_ctx_access(fx->kb, &fx->tg, off, size, &v, why, sizeof(why)))
		return fail(fx, pc, R_CTX, "invalid context access: %s", why);
	*out = kb_reg(fx, &v, size);
	return 0;
}

/* Load through a pointer to a kernel struct (verifier.c:check_ptr_to_btf_access) */
static int btf_load(struct fx *fx, uint32_t pc, int regno, const struct reg *b, int64_t ioff,
		    unsigned size, enum acc acc, struct reg *out)
{
	const char *tname = fx->kb ? kb_name(fx->kb, (uint32_t)b->map) : "?";
	struct kb_val v;
	char why[256];
	int64_t off = b->off + ioff;

	if (!fx->kb || b->map <= 0)
		return fail(fx, pc, R_UNSUPPORTED,
			    "r%d points to kernel memory whose type is not modelled", regno);
	if (fx->unpriv)
		return fail(fx, pc, R_MEM_OTHER,
			    "'struct %s' access is allowed only to CAP_PERFMON and CAP_SYS_ADMIN",
			    tname);
	if (!license_is_gpl(fx->o->license))
		return fail(fx, pc, R_MEM_OTHER,
			    "cannot access kernel 'struct %s' from a program whose license is "
			    "not GPL-compatible",
			    tname);
	if (off < 0)
		return fail(fx, pc, R_MEM_OTHER,
			    "r%d is a pointer to struct %s: negative access at offset %" PRId64,
			    regno, tname, off);
	if (!sval_is_const(b->v, NULL) || b->v.tn.value)
		return fail(fx, pc, R_MEM_OTHER,
			    "r%d is a pointer to struct %s with a variable offset: not allowed",
			    regno, tname);
	if (b->trust == KB_NODEREF)
		return fail(fx, pc, R_MEM_OTHER,
			    "r%d points to user or per-CPU memory (struct %s): use a probe-read "
			    "helper",
			    regno, tname);
	if (acc != ACC_READ)
		return fail(fx, pc, R_MEM_OTHER,
			    "only reads are supported through r%d, a pointer to kernel struct %s",
			    regno, tname);
	if (kb_struct_read(fx->kb, (uint32_t)b->map, b->trust, !fx->tg.sleepable, off, size, &v,
			   why, sizeof(why)))
		return fail(fx, pc, R_MEM_OTHER, "invalid access through r%d: %s", regno, why);
	*out = kb_reg(fx, &v, size);
	return 0;
}

/* The kernel struct behind a map of type @t (its ops' map_btf_id), or NULL */
static const char *map_kernel_struct(uint32_t t)
{
	switch (t) {
	case 2: /* array */
	case 3: /* prog_array */
	case 4: /* perf_event_array */
	case 6: /* percpu_array */
	case 8: /* cgroup_array */
	case 12: /* array_of_maps */
		return "bpf_array";
	case 1: /* hash */
	case 5: /* percpu_hash */
	case 9: /* lru_hash */
	case 10: /* lru_percpu_hash */
	case 13: /* hash_of_maps */
		return "bpf_htab";
	default:
		return NULL;
	}
}

/* A load through a map pointer (verifier.c:check_ptr_to_map_access): the fields of the
 * map's kernel struct, read-only, for CAP_PERFMON loaders */
static int map_ptr_load(struct fx *fx, uint32_t pc, int regno, const struct reg *b, int64_t ioff,
			unsigned size, enum acc acc, struct reg *out)
{
	const struct obj_map *m =
		b->map >= 0 && (size_t)b->map < fx->o->map_cnt ? &fx->o->maps[b->map] : NULL;
	const char *sn = m ? map_kernel_struct(m->type) : NULL;
	uint32_t tid = fx->kb && sn ? btf_find(fx->kb, sn, BTF_K_STRUCT) : 0;
	struct kb_val v;
	char why[256];
	int64_t off = b->off + ioff;

	if (fx->unpriv)
		return fail(fx, pc, R_MEM_NONPTR,
			    "reading a map's fields (r%d) is allowed only to CAP_PERFMON loaders",
			    regno);
	if (!fx->kb)
		fx->res->want_kbtf = true;
	if (!tid)
		return fail(fx, pc, R_UNSUPPORTED,
			    "%s through r%d, a map pointer: the map's kernel struct is not "
			    "modelled%s",
			    acc_name(acc), regno, fx->kb ? "" : " without the kernel BTF");
	if (off < 0 || !sval_is_const(b->v, NULL) || b->v.tn.value)
		return fail(fx, pc, R_MEM_OTHER,
			    "r%d is a map pointer: negative or variable offset %" PRId64, regno,
			    off);
	if (acc != ACC_READ)
		return fail(fx, pc, R_MEM_OTHER, "only reads from struct %s are supported", sn);
	if (kb_struct_read(fx->kb, tid, KB_PLAIN, !fx->sleepable, off, size, &v, why, sizeof(why)))
		return fail(fx, pc, R_MEM_OTHER, "invalid access through r%d: %s", regno, why);
	*out = kb_reg(fx, &v, size);
	return 0;
}

static int mem_access(struct fx *fx, struct vstate *s, uint32_t pc, int regno, int64_t ioff,
		      unsigned size, enum acc acc, bool sx, const struct reg *val, struct reg *out)
{
	struct reg *b = &cur(s)->regs[regno];
	int64_t lo, hi;
	const struct obj_map *m;

	if (b->type == REG_UNINIT)
		return fail(fx, pc, R_REG_UNINIT, "r%d is used as a pointer before it is written",
			    regno);
	if (b->type == REG_SCALAR)
		return fail(fx, pc, R_MEM_NONPTR,
			    "%s of %u bytes through r%d, which holds a scalar, not a pointer",
			    acc_name(acc), size, regno);
	if (b->maybe_null)
		return fail(
			fx, pc, R_NULL,
			"%s through r%d, a %s pointer that may be NULL: test it against 0 first",
			acc_name(acc), regno, rgn_names[b->rgn]);
	if (b->v.r.smin < -MAX_VAR_OFF || b->v.r.smax > MAX_VAR_OFF)
		return fail(fx, pc, R_MEM_OTHER, "r%d has an unbounded variable offset", regno);
	lo = b->off + ioff + b->v.r.smin;
	hi = b->off + ioff + b->v.r.smax + (int64_t)size;

	switch (b->rgn) {
	case RGN_STACK: {
		struct frame *f = &s->fr[b->frame];
		uint64_t c;

		if ((lo < -ST_STACK_SIZE || hi > 0) && lo == hi - (int64_t)size)
			return fail(fx, pc, R_STACK_OOB,
				    "stack %s of %u bytes at fp%+" PRId64
				    " is outside the frame [fp-512, fp)",
				    acc_name(acc), size, lo);
		if (lo >= -ST_STACK_SIZE && hi <= 0 && stack_has_iter(f, lo, hi))
			return fail(fx, pc, R_STACK_UNINIT,
				    "stack %s of %u bytes at fp%+" PRId64
				    " touches an iterator's or dynptr's slot: those are used only "
				    "through their helpers and kfuncs",
				    acc_name(acc), size, lo);
		if (lo < -ST_STACK_SIZE || hi > 0)
			return fail(fx, pc, R_STACK_OOB,
				    "stack %s of %u bytes at a variable offset in [fp%+" PRId64
				    ", fp%+" PRId64 "] may be outside the frame [fp-512, fp)",
				    acc_name(acc), size, lo, hi - (int64_t)size);
		{
			struct tnum t = tnum_add(b->v.tn, tnum_const((uint64_t)(b->off + ioff)));

			if ((t.value | t.mask) & (size - 1))
				return fail(fx, pc, R_STACK_ALIGN,
					    "misaligned stack %s of %u bytes at fp%+" PRId64,
					    acc_name(acc), size, lo);
		}
		if (sval_is_const(b->v, &c)) {
			int64_t off = b->off + ioff + (int64_t)c;

			if (acc == ACC_READ)
				return stack_read_fixed(fx, f, off, size, sx, out, pc, regno);
			if (acc == ACC_ATOMIC) {
				struct reg tmp;

				if (stack_read_fixed(fx, f, off, size, false, &tmp, pc, regno))
					return -1;
				if (tmp.type != REG_SCALAR)
					return fail(
						fx, pc, R_ATOMIC,
						"atomic operation on a spilled pointer at fp%+" PRId64,
						off);
				return stack_write_fixed(fx, f, off, size, NULL, pc);
			}
			return stack_write_fixed(fx, f, off, size, val, pc);
		}
		/* variable offset */
		if (fx->unpriv)
			return fail(fx, pc, R_STACK_OOB,
				    "variable-offset stack access is not allowed unprivileged");
		if (acc == ACC_ATOMIC)
			return fail(fx, pc, R_ATOMIC,
				    "atomic operation through a variable stack offset");
		if (grow_stack(fx, f, (uint32_t)((-lo + 7) / 8)))
			return fail(fx, pc, R_BUDGET, "out of memory");
		note_depth(fx, f, lo);
		if (acc == ACC_READ) {
			bool zero = true;

			for (int64_t o = lo; o < hi; o++) {
				uint8_t k = *stack_byte(f, o);

				if (k == SK_INVALID && fx->unpriv)
					return fail(
						fx, pc, R_STACK_UNINIT,
						"variable-offset read from uninitialised stack");
				if (k != SK_ZERO)
					zero = false;
			}
			*out = zero ? reg_const(0) : reg_scalar(sval_trunc(sval_top(), size));
			if (sx && size < 8)
				out->v = sval_sext(out->v, size);
			return 0;
		}
		{
			uint64_t cz;
			bool wz = val && reg_is_const(val, &cz) && cz == 0;

			if (val && val->type == REG_PTR)
				return fail(fx, pc, R_PTR_LEAK,
					    "pointer stored through a variable stack offset");
			stack_unspill(f, lo, hi);
			for (int64_t o = lo; o < hi; o++) {
				uint8_t *k = stack_byte(f, o);

				if (!(wz && *k == SK_ZERO))
					*k = SK_MISC;
			}
		}
		return 0;
	}
	case RGN_CTX: {
		struct ctx_access ca;
		enum ctx_access_result r;

		if (b->off != 0 || !sval_is_const(b->v, NULL))
			return fail(fx, pc, R_CTX,
				    "access through a modified context pointer r%d (off=%" PRId64
				    "): only ctx + constant instruction offset is allowed",
				    regno, b->off);
		if (acc == ACC_ATOMIC)
			return fail(fx, pc, R_CTX, "atomic operation on the context");
		if (fx->btf_typed)
			return btf_ctx_load(fx, pc, ioff + (int64_t)b->v.tn.value, size, acc, out);
		r = ctx_check(fx->p->type, fx->p->expected_attach, ioff + (int64_t)b->v.tn.value,
			      size, acc == ACC_WRITE, &ca);
		if (r == CTX_NO_CTX)
			return fail(fx, pc, R_UNSUPPORTED,
				    "context of program type %s is not modelled",
				    bv_prog_type_name(fx->p->type));
		if (r == CTX_BAD_OFFSET)
			return fail(fx, pc, R_CTX,
				    "invalid %s context access at offset %" PRId64
				    ", size %u for %s",
				    acc_name(acc), ioff, size, bv_prog_type_name(fx->p->type));
		if (r == CTX_READ_ONLY)
			return fail(fx, pc, R_CTX,
				    "write to read-only context field at offset %" PRId64 " (%s)",
				    ioff, bv_prog_type_name(fx->p->type));
		if (acc == ACC_WRITE) {
			if (val && val->type == REG_PTR && fx->unpriv)
				return fail(fx, pc, R_PTR_LEAK, "pointer stored into the context");
			return 0;
		}
		if (fx->p->type == BV_PROG_RAW_TRACEPOINT_WRITABLE &&
		    ioff + (int64_t)b->v.tn.value == 0) {
			/* raw_tp_writable_prog_is_valid_access: PTR_TO_TP_BUFFER */
			*out = reg_ptr(RGN_TP_BUF, 0);
			return 0;
		}
		switch (ca.val) {
		case CTX_VAL_SCALAR:
			*out = reg_scalar(sval_urange(ca.umin, ca.umax));
			if (sx && size < 8)
				out->v = sval_sext(sval_trunc(out->v, size), size);
			break;
		case CTX_VAL_PKT:
			*out = reg_ptr(RGN_PKT, 0);
			break;
		case CTX_VAL_PKT_END:
			*out = reg_ptr(RGN_PKT_END, 0);
			break;
		case CTX_VAL_PKT_META:
			*out = reg_ptr(RGN_PKT_META, 0);
			break;
		case CTX_VAL_SOCK:
			*out = reg_ptr(RGN_SOCK, 0);
			break;
		case CTX_VAL_SOCK_OR_NULL:
			*out = reg_ptr(RGN_SOCK_COMMON, 0);
			out->maybe_null = true;
			out->id = ++fx->next_id;
			break;
		case CTX_VAL_FLOW_KEYS:
			*out = reg_ptr(RGN_FLOW_KEYS, 0);
			break;
		default:
			*out = reg_ptr(RGN_OPAQUE, 0);
			break;
		}
		return 0;
	}
	case RGN_PKT:
	case RGN_PKT_META: {
		int64_t o = b->off + ioff;

		if (b->v.r.smin < 0)
			return fail(
				fx, pc, R_PKT_OOB,
				"packet access through r%d whose variable offset may be negative",
				regno);
		if (o < 0 || o + (int64_t)size > b->range)
			return fail(fx, pc, R_PKT_OOB,
				    "packet %s of %u bytes at offset %" PRId64
				    " may exceed the packet: only %" PRId64
				    " bytes past r%d's base are proven in bounds",
				    acc_name(acc), size, o, b->range < 0 ? 0 : b->range, regno);
		if (b->v.r.umax + (uint64_t)o > MAX_PACKET_OFF)
			return fail(fx, pc, R_PKT_OOB, "packet offset may exceed %d",
				    MAX_PACKET_OFF);
		if (acc != ACC_READ && !ctx_pkt_writable(fx->p->type))
			return fail(fx, pc, R_PKT_OOB, "packet is read-only for program type %s",
				    bv_prog_type_name(fx->p->type));
		if (acc == ACC_ATOMIC)
			return fail(fx, pc, R_ATOMIC, "atomic operation on packet memory");
		if (acc == ACC_WRITE && val && val->type == REG_PTR && fx->unpriv)
			return fail(fx, pc, R_PTR_LEAK, "pointer stored into the packet");
		if (acc == ACC_READ) {
			*out = reg_scalar(sval_trunc(sval_top(), size));
			if (sx && size < 8)
				out->v = sval_sext(out->v, size);
		}
		return 0;
	}
	case RGN_MAP_VALUE:
	case RGN_MAP_KEY:
	case RGN_MEM: {
		int64_t lim;

		if (b->rgn == RGN_MEM) {
			m = NULL;
			lim = b->range;
		} else {
			if (b->map < 0 || (size_t)b->map >= fx->o->map_cnt)
				return fail(fx, pc, R_MEM_OTHER, "pointer to an unknown map");
			m = &fx->o->maps[b->map];
			lim = b->rgn == RGN_MAP_KEY ? m->key_size : m->value_size;
		}
		if (b->v.r.smin < 0 && b->rgn != RGN_MEM)
			return fail(
				fx, pc, R_MAP_OOB,
				"r%d's variable offset into the map value may be negative (min %" PRId64
				"): use an unsigned index or check it is >= 0",
				regno, b->v.r.smin);
		if (lo < 0 || hi > lim)
			return fail(fx, pc, b->rgn == RGN_MEM ? R_MEM_OTHER : R_MAP_OOB,
				    "%s of %u bytes at offset [%" PRId64 ", %" PRId64
				    "] is outside the %s of %" PRId64 " bytes%s%s",
				    acc_name(acc), size, lo, hi - (int64_t)size,
				    b->rgn == RGN_MEM	    ? "memory region"
				    : b->rgn == RGN_MAP_KEY ? "map key"
							    : "map value",
				    lim, m ? " of map " : "", m ? m->name : "");
		if (m && b->rgn == RGN_MAP_VALUE && m->btf_value_type) {
			int64_t lk = spin_lock_offset(fx, b->map), tk = timer_offset(fx, b->map);

			if (tk >= 0 && lo < tk + 16 && hi > tk)
				return fail(
					fx, pc, R_MEM_OTHER,
					"the bpf_timer at offset %" PRId64
					" of map %s cannot be accessed directly by load or store",
					tk, m->name);

			if (lk >= 0 && lo < lk + 4 && hi > lk)
				return fail(
					fx, pc, R_LOCK,
					"the bpf_spin_lock at offset %" PRId64
					" of map %s cannot be accessed directly by load or store",
					lk, m->name);
		}
		if (acc != ACC_READ && (b->rdonly || (m && b->rgn == RGN_MAP_KEY) ||
					(m && (m->readonly || (m->flags & BPF_F_RDONLY_PROG)))))
			return fail(fx, pc, R_MEM_OTHER, "write into read-only %s%s",
				    m ? "map " : "memory", m ? m->name : "");
		if (acc == ACC_ATOMIC && (b->rgn == RGN_MEM))
			return fail(fx, pc, R_ATOMIC, "atomic operation on this memory kind");
		if (acc == ACC_WRITE && val && val->type == REG_PTR && fx->unpriv)
			return fail(fx, pc, R_PTR_LEAK, "pointer stored into a map value");
		if (acc == ACC_READ) {
			uint64_t c, v;

			*out = reg_scalar(sval_trunc(sval_top(), size));
			if (m && b->rgn == RGN_MAP_VALUE &&
			    (m->readonly || (m->flags & BPF_F_RDONLY_PROG)) && m->data &&
			    sval_is_const(b->v, &c) &&
			    obj_map_read(m, (uint64_t)(b->off + ioff) + c, size, &v))
				*out = reg_const(v);
			if (sx && size < 8)
				out->v = sval_sext(out->v, size);
		}
		return 0;
	}
	case RGN_BTF:
		return btf_load(fx, pc, regno, b, ioff, size, acc, out);
	case RGN_TP_BUF:
		/* check_tp_buffer_access: any constant non-negative offset; the
		 * tracepoint's writable size is checked when the program is attached */
		if (b->off + ioff < 0)
			return fail(fx, pc, R_MEM_OTHER,
				    "invalid tracepoint buffer %s at offset %" PRId64
				    " through r%d",
				    acc_name(acc), b->off + ioff, regno);
		if (!sval_is_const(b->v, NULL) || b->v.tn.value)
			return fail(fx, pc, R_MEM_OTHER,
				    "tracepoint buffer access through r%d at a variable offset",
				    regno);
		if (acc == ACC_ATOMIC)
			return fail(fx, pc, R_ATOMIC, "atomic operation on a tracepoint buffer");
		if (acc == ACC_READ) {
			*out = reg_scalar(sval_trunc(sval_top(), size));
			if (sx && size < 8)
				out->v = sval_sext(out->v, size);
		}
		return 0;
	case RGN_FLOW_KEYS:
		if (lo < 0 || hi > 56)
			return fail(fx, pc, R_MEM_OTHER,
				    "flow keys access at [%" PRId64 ", %" PRId64 ")", lo, hi);
		if (acc == ACC_READ)
			*out = reg_scalar(sval_trunc(sval_top(), size));
		return 0;
	case RGN_TCP_SOCK:
		return fail(fx, pc, R_UNSUPPORTED,
			    "struct bpf_tcp_sock fields are not modelled yet");
	case RGN_SOCK:
	case RGN_SOCK_COMMON:
		if (acc != ACC_READ)
			return fail(fx, pc, R_MEM_OTHER, "socket fields are read-only");
		if (!sval_is_const(b->v, NULL) ||
		    !sock_read_ok(lo, size, b->rgn == RGN_SOCK_COMMON))
			return fail(fx, pc, R_MEM_OTHER,
				    "invalid %s read at offset %" PRId64 ", size %u",
				    rgn_names[b->rgn], lo, size);
		*out = reg_scalar(sval_trunc(sval_top(), size));
		return 0;
	case RGN_MAP:
		return map_ptr_load(fx, pc, regno, b, ioff, size, acc, out);
	default:
		return fail(fx, pc, R_MEM_NONPTR, "%s through r%d, a %s pointer, is not allowed",
			    acc_name(acc), regno, rgn_names[b->rgn]);
	}
}

/* ---- ALU ---------------------------------------------------------------------------------- */

static enum sval_op alu_to_sval(enum insn_alu_op op)
{
	switch (op) {
	case INSN_ALU_ADD:
		return SVAL_ADD;
	case INSN_ALU_SUB:
		return SVAL_SUB;
	case INSN_ALU_MUL:
		return SVAL_MUL;
	case INSN_ALU_DIV:
		return SVAL_DIV;
	case INSN_ALU_SDIV:
		return SVAL_SDIV;
	case INSN_ALU_OR:
		return SVAL_OR;
	case INSN_ALU_AND:
		return SVAL_AND;
	case INSN_ALU_LSH:
		return SVAL_LSH;
	case INSN_ALU_RSH:
		return SVAL_RSH;
	case INSN_ALU_NEG:
		return SVAL_NEG;
	case INSN_ALU_MOD:
		return SVAL_MOD;
	case INSN_ALU_SMOD:
		return SVAL_SMOD;
	case INSN_ALU_XOR:
		return SVAL_XOR;
	case INSN_ALU_ARSH:
		return SVAL_ARSH;
	default:
		return SVAL_MOV;
	}
}

static const char *alu_name(enum insn_alu_op op)
{
	static const char *const n[] = { "+=",	"-=",  "*=", "/=", "|=", "&=",	 "<<=",
					 ">>=", "neg", "%=", "^=", "=",	 "s>>=", "end" };

	if (op == INSN_ALU_SDIV)
		return "s/=";
	if (op == INSN_ALU_SMOD)
		return "s%=";
	if (op == INSN_ALU_MOVSX)
		return "=(sx)";
	return (unsigned)op < sizeof(n) / sizeof(n[0]) ? n[op] : "?";
}

static int check_reg_read(struct fx *fx, struct vstate *s, uint32_t pc, int r)
{
	if (cur(s)->regs[r].type == REG_UNINIT)
		return fail(fx, pc, R_REG_UNINIT, "r%d is read before it is written", r);
	return 0;
}

static int ptr_scalar_arith(struct fx *fx, uint32_t pc, struct reg *dst, const struct reg *ptr,
			    const struct reg *sc, enum insn_alu_op op, int dreg, bool src_reg)
{
	uint64_t k;
	struct reg r = *ptr;

	/* unprivileged (spec_v1 masking): only stack and map value pointers may take a register
	 * operand, even one holding a known constant (kernel-model.md section 2) */
	if (fx->unpriv && src_reg && ptr->rgn != RGN_STACK && ptr->rgn != RGN_MAP_VALUE)
		return fail(fx, pc, R_PTR_ARITH,
			    "arithmetic with a register operand on a %s pointer is not allowed "
			    "unprivileged",
			    rgn_names[ptr->rgn]);

	if (ptr->maybe_null)
		return fail(
			fx, pc, R_NULL,
			"arithmetic on r%d, a %s pointer that may be NULL: test it against 0 first",
			dreg, rgn_names[ptr->rgn]);
	switch (ptr->rgn) {
	case RGN_CTX:
	case RGN_MAP_VALUE:
	case RGN_MAP_KEY:
	case RGN_STACK:
	case RGN_PKT:
	case RGN_PKT_META:
	case RGN_MEM:
	case RGN_OPAQUE:
	case RGN_BTF:
	case RGN_TP_BUF:
	case RGN_FLOW_KEYS:
	case RGN_MAP:
		break;
	default:
		return fail(fx, pc, R_PTR_ARITH, "pointer arithmetic on %s (r%d) is prohibited",
			    rgn_names[ptr->rgn], dreg);
	}
	if (op == INSN_ALU_SUB && ptr->rgn == RGN_STACK)
		return fail(fx, pc, R_PTR_ARITH,
			    "subtraction from the stack pointer r%d is prohibited", dreg);
	if (sc->v.r.smin == INT64_MIN && !sval_is_const(sc->v, NULL))
		return fail(
			fx, pc, R_PTR_ARITH,
			"adding a scalar with unbounded minimum to a %s pointer (r%d) is not allowed",
			rgn_names[ptr->rgn], dreg);
	if (sval_is_const(sc->v, &k)) {
		int64_t kk = (int64_t)k;

		if (ptr->rgn == RGN_MAP && kk != 0)
			return fail(fx, pc, R_PTR_ARITH,
				    "arithmetic on a map pointer is prohibited");
		if (kk <= -MAX_VAR_OFF || kk >= MAX_VAR_OFF)
			return fail(fx, pc, R_PTR_ARITH,
				    "math between %s pointer and %" PRId64 " is not allowed",
				    rgn_names[ptr->rgn], kk);
		r.off = op == INSN_ALU_ADD ? ptr->off + kk : ptr->off - kk;
		if (r.off <= -MAX_VAR_OFF || r.off >= MAX_VAR_OFF)
			return fail(fx, pc, R_PTR_ARITH,
				    "%s pointer offset %" PRId64 " is not allowed",
				    rgn_names[ptr->rgn], r.off);
		*dst = r;
		return 0;
	}
	if (ptr->rgn == RGN_MAP || ptr->rgn == RGN_FLOW_KEYS)
		return fail(fx, pc, R_PTR_ARITH,
			    "variable arithmetic on a %s pointer is prohibited",
			    rgn_names[ptr->rgn]);
	if (sc->v.r.smin <= -MAX_VAR_OFF || sc->v.r.smax >= MAX_VAR_OFF)
		return fail(fx, pc, R_PTR_ARITH,
			    "value in [%" PRId64 ", %" PRId64
			    "] makes the %s pointer r%d out of bounds",
			    sc->v.r.smin, sc->v.r.smax, rgn_names[ptr->rgn], dreg);
	if (fx->unpriv && ptr->rgn != RGN_STACK && ptr->rgn != RGN_MAP_VALUE)
		return fail(fx, pc, R_PTR_ARITH,
			    "variable offset on a %s pointer is not allowed unprivileged",
			    rgn_names[ptr->rgn]);
	r.v = sval_alu(op == INSN_ALU_ADD ? SVAL_ADD : SVAL_SUB, ptr->v, sc->v, true);
	if (r.v.r.smin <= -MAX_VAR_OFF || r.v.r.smax >= MAX_VAR_OFF) {
		/* the kernel makes such a pointer unusable rather than rejecting the math */
		r.v = sval_srange(INT64_MIN, INT64_MAX);
	}
	if (is_pkt(&r)) {
		r.id = ++fx->next_id;
		r.range = 0;
	}
	*dst = r;
	return 0;
}

static int do_alu(struct fx *fx, struct vstate *s, const struct insn *in)
{
	struct frame *f = cur(s);
	struct reg *d = &f->regs[in->dst];
	struct reg src;
	uint32_t pc = in->pc;
	enum insn_alu_op op = in->alu;

	if (in->dst == 10)
		return fail(fx, pc, R_R10_WRITE, "r10 (the frame pointer) is read-only");
	if (in->src_reg) {
		if (check_reg_read(fx, s, pc, in->src))
			return -1;
		src = f->regs[in->src];
	} else {
		src = reg_const(in->is64 ? (uint64_t)(int64_t)in->imm
					 : (uint64_t)(uint32_t)in->imm);
	}
	if (op == INSN_ALU_MOV) {
		if (in->is64) {
			if (in->src_reg && src.type == REG_SCALAR && !sval_is_const(src.v, NULL)) {
				/* linked copies: a later branch on one refines both */
				if (!f->regs[in->src].id)
					f->regs[in->src].id = ++fx->next_id;
				src.id = f->regs[in->src].id;
			}
			*d = src;
			return 0;
		}
		if (src.type == REG_PTR) {
			if (fx->unpriv)
				return fail(fx, pc, R_PTR_LEAK,
					    "partial copy of a pointer (32-bit mov)");
			*d = reg_scalar(sval_trunc(sval_top(), 4));
			return 0;
		}
		*d = reg_scalar(sval_alu(SVAL_MOV, sval_const(0), src.v, false));
		return 0;
	}
	if (op == INSN_ALU_MOVSX) {
		if (src.type == REG_PTR) {
			if (fx->unpriv)
				return fail(fx, pc, R_PTR_LEAK, "sign extension of a pointer");
			*d = reg_unknown();
			return 0;
		}
		*d = reg_scalar(sval_movsx(src.v, in->ext_bits, in->is64));
		return 0;
	}
	if (check_reg_read(fx, s, pc, in->dst))
		return -1;
	if (op == INSN_ALU_NEG) {
		if (d->type == REG_PTR) {
			if (fx->unpriv)
				return fail(fx, pc, R_PTR_ARITH,
					    "negation of a pointer is prohibited");
			*d = reg_unknown();
			return 0;
		}
		d->v = sval_alu(SVAL_NEG, d->v, sval_const(0), in->is64);
		d->id = 0;
		return 0;
	}
	if (d->type == REG_SCALAR && src.type == REG_SCALAR) {
		enum sval_op so = alu_to_sval(op);
		uint64_t k;

		if (fx->opt->strict &&
		    (op == INSN_ALU_DIV || op == INSN_ALU_SDIV || op == INSN_ALU_MOD ||
		     op == INSN_ALU_SMOD) &&
		    sval_contains(in->is64 ? src.v : sval_trunc(src.v, 4), 0))
			return fail(
				fx, pc, R_DIV_ZERO,
				"divisor r%d may be zero (defined by RFC 9669 as %s; reported by --strict)",
				in->src,
				(op == INSN_ALU_DIV || op == INSN_ALU_SDIV) ? "x / 0 = 0"
									    : "x %% 0 = x");
		if (!in->src_reg &&
		    (op == INSN_ALU_LSH || op == INSN_ALU_RSH || op == INSN_ALU_ARSH) &&
		    sval_is_const(src.v, &k) && k >= (in->is64 ? 64u : 32u))
			return fail(fx, pc, R_MEM_OTHER, "invalid shift by %" PRIu64, k);
		if (!in->src_reg && in->imm == 0 &&
		    (op == INSN_ALU_DIV || op == INSN_ALU_SDIV || op == INSN_ALU_MOD ||
		     op == INSN_ALU_SMOD))
			return fail(fx, pc, R_DIV_ZERO,
				    "division by the constant 0: the kernel refuses this encoding "
				    "(\"div by zero\"), whatever RFC 9669 defines");
		d->v = sval_alu(so, d->v, src.v, in->is64);
		/*
		 * Match the kernel's precision where it is lower than ours, or we would accept
		 * what it rejects: 6.18 keeps no bounds for DIV/MOD results, nor for shifts by a
		 * register that is not a known constant below the width
		 * (is_safe_to_compute_dst_reg_range).
		 */
		if (op == INSN_ALU_DIV || op == INSN_ALU_SDIV || op == INSN_ALU_MOD ||
		    op == INSN_ALU_SMOD ||
		    ((op == INSN_ALU_LSH || op == INSN_ALU_RSH || op == INSN_ALU_ARSH) &&
		     !(sval_is_const(src.v, &k) && k < (in->is64 ? 64u : 32u))))
			d->v = in->is64 ? sval_top() : sval_trunc(sval_top(), 4);
		d->id = 0;
		return 0;
	}
	/* pointers involved */
	if (!in->is64) {
		if (op == INSN_ALU_SUB && !fx->unpriv) {
			*d = reg_scalar(sval_trunc(sval_top(), 4));
			return 0;
		}
		return fail(fx, pc, R_PTR_ARITH,
			    "32-bit arithmetic (%s) on a pointer is prohibited", alu_name(op));
	}
	if (d->type == REG_PTR && src.type == REG_PTR) {
		if (op == INSN_ALU_SUB && !fx->unpriv) {
			*d = reg_unknown();
			return 0;
		}
		return fail(fx, pc, R_PTR_ARITH, "pointer %s pointer is prohibited (r%d, r%d)",
			    alu_name(op), in->dst, in->src);
	}
	if (op != INSN_ALU_ADD && op != INSN_ALU_SUB)
		return fail(fx, pc, R_PTR_ARITH,
			    "operator %s on a pointer (r%d = %s) is prohibited", alu_name(op),
			    d->type == REG_PTR ? in->dst : in->src,
			    rgn_names[d->type == REG_PTR ? d->rgn : src.rgn]);
	if (d->type == REG_PTR)
		return ptr_scalar_arith(fx, pc, d, d, &src, op, in->dst, in->src_reg);
	if (op == INSN_ALU_SUB)
		return fail(fx, pc, R_PTR_ARITH,
			    "subtracting a pointer (r%d) from a scalar is prohibited", in->src);
	{
		struct reg sc = *d;

		return ptr_scalar_arith(fx, pc, d, &src, &sc, op, in->dst, true);
	}
}

static int do_end(struct fx *fx, struct vstate *s, const struct insn *in)
{
	struct reg *d = &cur(s)->regs[in->dst];

	if (in->dst == 10)
		return fail(fx, in->pc, R_R10_WRITE, "r10 (the frame pointer) is read-only");
	if (check_reg_read(fx, s, in->pc, in->dst))
		return -1;
	if (d->type == REG_PTR) {
		if (fx->unpriv)
			return fail(fx, in->pc, R_PTR_LEAK, "byte swap of a pointer");
		*d = reg_unknown();
		return 0;
	}
	/* little-endian host: "le" only truncates, "be" and bswap swap */
	if (in->is64 || in->to_be)
		d->v = sval_bswap(d->v, in->ext_bits);
	else
		d->v = sval_zext_bits(d->v, in->ext_bits);
	d->id = 0;
	return 0;
}

/* ---- conditional jumps -------------------------------------------------------------------- */

static enum sval_cmp jmp_to_cmp(enum insn_jmp_op op)
{
	switch (op) {
	case INSN_JEQ:
		return SVAL_JEQ;
	case INSN_JNE:
		return SVAL_JNE;
	case INSN_JGT:
		return SVAL_JGT;
	case INSN_JGE:
		return SVAL_JGE;
	case INSN_JLT:
		return SVAL_JLT;
	case INSN_JLE:
		return SVAL_JLE;
	case INSN_JSGT:
		return SVAL_JSGT;
	case INSN_JSGE:
		return SVAL_JSGE;
	case INSN_JSLT:
		return SVAL_JSLT;
	case INSN_JSLE:
		return SVAL_JSLE;
	default:
		return SVAL_JSET;
	}
}

/* Give every scalar linked to @r (same id) the refined value of @r */
static void sync_linked(struct vstate *s, const struct reg *src)
{
	struct reg c = *src;

	if (c.type != REG_SCALAR || !c.id)
		return;
	for_each_reg(s, r, {
		if (r->type == REG_SCALAR && r->id == c.id) {
			if (r->v.tn.value == c.v.tn.value && r->v.tn.mask == c.v.tn.mask &&
			    sval_eq(r->v, c.v))
				continue;
			/* a narrow spill keeps only the low bytes: meet, never replace */
			r->v = sval_meet(r->v, c.v);
		}
	});
}

/* Null test outcome for every copy of the pointer with @id */
static void mark_null(struct vstate *s, uint32_t id, bool is_null)
{
	uint32_t ref = 0;

	for_each_reg(s, r, {
		if (r->type == REG_PTR && r->maybe_null && r->id == id) {
			if (is_null) {
				ref = r->ref ? r->ref : ref;
				*r = reg_const(0);
			} else {
				r->maybe_null = false;
			}
		}
	});
	if (is_null && ref) {
		/* a NULL result holds no reference */
		for (uint32_t i = 0; i < s->nrefs; i++) {
			if (s->refs[i] == ref) {
				s->refs[i] = s->refs[s->nrefs - 1];
				s->ref_pc[i] = s->ref_pc[s->nrefs - 1];
				s->nrefs--;
				break;
			}
		}
	}
}

static void set_pkt_range(struct vstate *s, const struct reg *p, bool open)
{
	int64_t nr;
	uint8_t g = p->rgn;
	uint32_t id = p->id;

	if (p->off < 0 || p->v.r.umax > MAX_PACKET_OFF ||
	    p->v.r.umax + (uint64_t)p->off > MAX_PACKET_OFF)
		return;
	nr = p->off + (open ? 1 : 0);
	for_each_reg(s, r, {
		if (r->type == REG_PTR && r->rgn == g && r->id == id && r->range < nr)
			r->range = nr;
	});
}

/*
 * Outcome of a conditional jump. Returns a bit set: 1 = fall-through feasible
 * (in @s), 2 = taken feasible (in *@t, a new state when both are), or -1.
 */
static int do_jcond(struct fx *fx, struct vstate *s, const struct insn *in, struct vstate **t)
{
	struct frame *f = cur(s);
	struct reg *a = &f->regs[in->dst];
	struct reg bimm, *b;
	uint32_t pc = in->pc;
	enum sval_cmp op = jmp_to_cmp(in->jmp);

	*t = NULL;
	if (check_reg_read(fx, s, pc, in->dst))
		return -1;
	if (in->src_reg) {
		if (check_reg_read(fx, s, pc, in->src))
			return -1;
		b = &f->regs[in->src];
	} else {
		bimm = reg_const(in->is64 ? (uint64_t)(int64_t)in->imm
					  : (uint64_t)(uint32_t)in->imm);
		b = &bimm;
	}
	if (a->type == REG_SCALAR && b->type == REG_SCALAR) {
		int taken = sval_branch_taken(op, in->is64, a->v, b->v);
		struct sval ta = a->v, tb = b->v, fa = a->v, fb = b->v;
		bool tok, fok;

		if (taken == 1)
			return 2 | 0x100; /* taken only, state unchanged */
		if (taken == 0)
			return 1;
		tok = sval_refine(op, in->is64, &ta, &tb);
		fok = sval_refine_not(op, in->is64, &fa, &fb);
		if (!tok && !fok)
			return 0;
		if (!tok) {
			a->v = fa;
			sync_linked(s, a);
			if (in->src_reg) {
				f->regs[in->src].v = fb;
				sync_linked(s, &f->regs[in->src]);
			}
			return 1;
		}
		if (!fok) {
			a->v = ta;
			sync_linked(s, a);
			if (in->src_reg) {
				f->regs[in->src].v = tb;
				sync_linked(s, &f->regs[in->src]);
			}
			return 2 | 0x100;
		}
		*t = state_copy(fx, s);
		if (!*t)
			return fail(fx, pc, R_BUDGET, "out of memory");
		cur(*t)->regs[in->dst].v = ta;
		if (in->src_reg)
			cur(*t)->regs[in->src].v = tb;
		a->v = fa;
		if (in->src_reg)
			f->regs[in->src].v = fb;
		sync_linked(*t, &cur(*t)->regs[in->dst]);
		sync_linked(s, a);
		if (in->src_reg) {
			sync_linked(*t, &cur(*t)->regs[in->src]);
			sync_linked(s, &f->regs[in->src]);
		}
		return 3;
	}
	/* pointer compared with zero: null test */
	{
		struct reg *p = a->type == REG_PTR ? a : b;
		struct reg *z = a->type == REG_PTR ? b : a;
		uint64_t c;

		if (p->type == REG_PTR && z->type == REG_SCALAR && reg_is_const(z, &c) && c == 0 &&
		    (op == SVAL_JEQ || op == SVAL_JNE) && in->is64) {
			if (!p->maybe_null) {
				/* decided only for the kinds the kernel knows are never NULL
				 * (reg_not_null); a stack, ctx or packet pointer compared with 0
				 * explores both edges there, so it must here */
				if (p->rgn == RGN_SOCK || p->rgn == RGN_TCP_SOCK ||
				    p->rgn == RGN_SOCK_COMMON || p->rgn == RGN_MAP_VALUE ||
				    p->rgn == RGN_MAP_KEY || p->rgn == RGN_MEM)
					return op == SVAL_JNE ? (2 | 0x100) : 1;
				if (fx->unpriv)
					return fail(
						fx, pc, R_PTR_CMP,
						"comparison of a %s pointer with 0 is prohibited",
						rgn_names[p->rgn]);
				*t = state_copy(fx, s);
				if (!*t)
					return fail(fx, pc, R_BUDGET, "out of memory");
				return 3;
			}
			*t = state_copy(fx, s);
			if (!*t)
				return fail(fx, pc, R_BUDGET, "out of memory");
			/* taken edge: JEQ -> null, JNE -> non-null */
			mark_null(*t, p->id, op == SVAL_JEQ);
			mark_null(s, p->id, op != SVAL_JEQ);
			return 3;
		}
	}
	/* packet pointer against data_end (or packet meta against data) */
	if (a->type == REG_PTR && b->type == REG_PTR && in->is64) {
		bool a_pkt = (a->rgn == RGN_PKT && b->rgn == RGN_PKT_END) ||
			     (a->rgn == RGN_PKT_META && b->rgn == RGN_PKT && b->off == 0 &&
			      sval_is_const(b->v, NULL));
		bool b_pkt = (b->rgn == RGN_PKT && a->rgn == RGN_PKT_END) ||
			     (b->rgn == RGN_PKT_META && a->rgn == RGN_PKT && a->off == 0 &&
			      sval_is_const(a->v, NULL));

		if (a_pkt || b_pkt) {
			struct reg p = a_pkt ? *a : *b;
			/* normalise to "p OP end" */
			enum sval_cmp o = op;

			if (b_pkt) {
				switch (op) {
				case SVAL_JGT:
					o = SVAL_JLT;
					break;
				case SVAL_JLT:
					o = SVAL_JGT;
					break;
				case SVAL_JGE:
					o = SVAL_JLE;
					break;
				case SVAL_JLE:
					o = SVAL_JGE;
					break;
				default:
					break;
				}
			}
			*t = state_copy(fx, s);
			if (!*t)
				return fail(fx, pc, R_BUDGET, "out of memory");
			switch (o) {
			case SVAL_JGT: /* fall-through: p <= end */
				set_pkt_range(s, &p, false);
				break;
			case SVAL_JGE: /* fall-through: p < end */
				set_pkt_range(s, &p, true);
				break;
			case SVAL_JLT: /* taken: p < end */
				set_pkt_range(*t, &p, true);
				break;
			case SVAL_JLE: /* taken: p <= end */
				set_pkt_range(*t, &p, false);
				break;
			default:
				break;
			}
			return 3;
		}
	}
	if (fx->unpriv)
		return fail(fx, pc, R_PTR_CMP,
			    "comparison involving a pointer (r%d %s) is prohibited",
			    a->type == REG_PTR ? in->dst : in->src,
			    rgn_names[a->type == REG_PTR ? a->rgn : b->rgn]);
	/* privileged: any comparison, no refinement */
	*t = state_copy(fx, s);
	if (!*t)
		return fail(fx, pc, R_BUDGET, "out of memory");
	return 3;
}

/* ---- helper calls ------------------------------------------------------------------------- */

static void release_ref(struct vstate *s, uint32_t ref)
{
	for (uint32_t i = 0; i < s->nrefs; i++) {
		if (s->refs[i] == ref) {
			s->refs[i] = s->refs[s->nrefs - 1];
			s->ref_pc[i] = s->ref_pc[s->nrefs - 1];
			s->nrefs--;
			break;
		}
	}
	for_each_reg(s, r, {
		if (r->type == REG_PTR && r->ref == ref)
			*r = reg_uninit();
	});
}

static int acquire_ref(struct fx *fx, struct vstate *s, uint32_t pc, uint32_t *ref)
{
	if (s->nrefs >= ST_MAX_REFS)
		return fail(fx, pc, R_REF_LEAK, "more than %d references held at once",
			    ST_MAX_REFS);
	*ref = ++fx->next_id;
	s->refs[s->nrefs] = *ref;
	s->ref_pc[s->nrefs] = pc;
	s->nrefs++;
	return 0;
}

static bool license_is_gpl(const char *l)
{
	static const char *const ok[] = {
		"GPL",		"GPL v2",	"GPL and additional rights",
		"Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"
	};

	if (!l)
		return false;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (!strcmp(l, ok[i]))
			return true;
	return false;
}

/*
 * Check that helper argument @regno points to [0, umax) bytes that the helper
 * may read (@write false) or write; @umin is the smallest possible size.
 */
static int helper_mem(struct fx *fx, struct vstate *s, uint32_t pc, int regno, uint64_t umin,
		      uint64_t umax, bool write, bool raw, uint32_t flags, const char *hname)
{
	struct reg *b = &cur(s)->regs[regno];
	int64_t lo, hi;

	if (umax == 0)
		return 0;
	if (b->type != REG_PTR)
		return fail(fx, pc, R_HELPER_ARGS,
			    "%s: argument r%d must point to %" PRIu64 " bytes of memory, it is %s",
			    hname, regno, umax,
			    b->type == REG_SCALAR ? "a scalar" : "uninitialised");
	if (b->maybe_null)
		return fail(fx, pc, R_NULL, "%s: argument r%d may be NULL", hname, regno);
	lo = b->off + b->v.r.smin;
	hi = b->off + b->v.r.smax + (int64_t)umax;
	switch (b->rgn) {
	case RGN_STACK: {
		struct frame *f = &s->fr[b->frame];
		bool cst = sval_is_const(b->v, NULL);

		if (lo < -ST_STACK_SIZE || hi > 0 || b->v.r.smin < -MAX_VAR_OFF)
			return fail(fx, pc, R_STACK_OOB,
				    "%s: r%d points to stack [fp%+" PRId64 ", fp%+" PRId64
				    ") outside the frame",
				    hname, regno, lo, hi);
		if (!cst && fx->unpriv)
			return fail(
				fx, pc, R_STACK_OOB,
				"%s: variable-offset stack argument is not allowed unprivileged",
				hname);
		if (grow_stack(fx, f, (uint32_t)((-lo + 7) / 8)))
			return fail(fx, pc, R_BUDGET, "out of memory");
		note_depth(fx, f, lo);
		if (stack_has_iter(f, lo, hi))
			return fail(fx, pc, R_STACK_UNINIT,
				    "%s: r%d points to an iterator's or dynptr's stack slot", hname,
				    regno);
		if (write && raw && cst && umin == umax) {
			stack_unspill(f, lo, hi);
			for (int64_t o = lo; o < hi; o++)
				*stack_byte(f, o) = SK_MISC;
			return 0;
		}
		for (int64_t o = lo; o < hi; o++) {
			uint8_t k = *stack_byte(f, o);
			const struct slot *sl = &f->slots[(-o - 1) / 8];

			/* kernel (check_stack_range_initialized): a slot holding a spilled scalar
			 * counts as initialised as a whole for helper reads */
			if (k == SK_INVALID && sl->spill_size && sl->spill.type == REG_SCALAR)
				continue;
			if (k == SK_INVALID && fx->unpriv)
				return fail(fx, pc, R_STACK_UNINIT,
					    "%s: r%d points to uninitialised stack at fp%+" PRId64
					    " (reading %" PRIu64 " bytes from fp%+" PRId64 ")",
					    hname, regno, o, umax, lo);
		}
		if (write) {
			stack_unspill(f, lo, hi);
			for (int64_t o = lo; o < hi; o++)
				*stack_byte(f, o) = SK_MISC;
		}
		return 0;
	}
	case RGN_PKT:
	case RGN_PKT_META:
		if (!(flags & HLP_PKT_ACCESS))
			return fail(fx, pc, R_HELPER_ARGS,
				    "%s: helper access to the packet is not allowed", hname);
		if (b->v.r.smin < 0 || b->off < 0 || b->off + (int64_t)umax > b->range)
			return fail(fx, pc, R_PKT_OOB,
				    "%s: r%d points to %" PRIu64 " packet bytes at offset %" PRId64
				    ", only %" PRId64 " are proven in bounds",
				    hname, regno, umax, b->off, b->range);
		if (write && !ctx_pkt_writable(fx->p->type))
			return fail(fx, pc, R_PKT_OOB, "%s: packet is read-only here", hname);
		return 0;
	case RGN_MAP_VALUE:
	case RGN_MAP_KEY:
	case RGN_MEM: {
		int64_t lim;
		const struct obj_map *m = NULL;

		if (b->rgn == RGN_MEM) {
			lim = b->range;
		} else {
			if (b->map < 0 || (size_t)b->map >= fx->o->map_cnt)
				return fail(fx, pc, R_MEM_OTHER, "pointer to an unknown map");
			m = &fx->o->maps[b->map];
			lim = b->rgn == RGN_MAP_KEY ? m->key_size : m->value_size;
		}
		if (b->v.r.smin < 0 || lo < 0 || hi > lim)
			return fail(fx, pc, b->rgn == RGN_MEM ? R_MEM_OTHER : R_MAP_OOB,
				    "%s: r%d points to %" PRIu64 " bytes at offset %" PRId64
				    " of a %" PRId64 "-byte %s",
				    hname, regno, umax, lo, lim,
				    b->rgn == RGN_MEM ? "memory region" : "map value");
		if (write && (b->rdonly || b->rgn == RGN_MAP_KEY ||
			      (m && (m->readonly || (m->flags & BPF_F_RDONLY_PROG)))))
			return fail(fx, pc, R_MEM_OTHER, "%s: writes into read-only memory", hname);
		return 0;
	}
	default:
		return fail(fx, pc, R_HELPER_ARGS, "%s: argument r%d is a %s pointer, not memory",
			    hname, regno, rgn_names[b->rgn]);
	}
}

static void invalidate_pkt(struct fx *fx, struct vstate *s)
{
	for_each_reg(s, r, {
		if (r->type == REG_PTR &&
		    (r->rgn == RGN_PKT || r->rgn == RGN_PKT_META || r->rgn == RGN_PKT_END))
			*r = fx->unpriv ? reg_uninit() : reg_unknown();
	});
}

/*
 * bpf_loop(nr, cb, ctx, flags) and bpf_for_each_map_elem(map, cb, ctx, flags):
 * the callback runs zero or more times. The engine continues after the call
 * (zero iterations) and, separately, enters the callback; each return from it
 * again forks "done" and "one more iteration" (see do_exit). Iterations stop
 * when a callback entry state is subsumed by an earlier one (visit()).
 */
static int callback_args(struct fx *fx, struct vstate *s, uint32_t pc, uint32_t helper,
			 struct reg args[6]);

static int do_callback_helper(struct fx *fx, struct vstate *s, const struct insn *in,
			      const struct hlp_proto *h)
{
	struct frame *f = cur(s);
	bool vma = in->imm == 180; /* bpf_find_vma(task, addr, callback, ctx, flags) */
	struct reg *fn = &f->regs[vma ? 3 : 2], *ctxa = &f->regs[vma ? 4 : 3];
	uint32_t pc = in->pc;
	uint64_t c;

	for (int i = 1; i <= (vma ? 5 : 4); i++)
		if (check_reg_read(fx, s, pc, i))
			return -1;
	if (vma) {
		const struct reg *t = &f->regs[1];

		if (!fx->kb) {
			fx->res->want_kbtf = true;
			return fail(fx, pc, R_UNSUPPORTED, "%s needs the kernel's BTF", h->name);
		}
		if (t->type != REG_PTR || t->rgn != RGN_BTF || t->maybe_null || t->off ||
		    t->trust == KB_UNTRUSTED || t->trust == KB_NODEREF ||
		    !kb_is_a(fx->kb, (uint32_t)t->map, "task_struct"))
			return fail(fx, pc, R_HELPER_ARGS,
				    "%s: r1 must be a trusted pointer to struct task_struct",
				    h->name);
		if (f->regs[2].type != REG_SCALAR || f->regs[5].type != REG_SCALAR)
			return fail(fx, pc, R_HELPER_ARGS, "%s: r2 and r5 must be scalars",
				    h->name);
	}
	if (fn->type != REG_PTR || fn->rgn != RGN_FUNC)
		return fail(fx, pc, R_HELPER_ARGS, "%s: r%d must be a callback function", h->name,
			    vma ? 3 : 2);
	if (!(reg_is_const(ctxa, &c) && c == 0) &&
	    (ctxa->type != REG_PTR || ctxa->rgn != RGN_STACK || ctxa->maybe_null))
		return fail(fx, pc, R_HELPER_ARGS, "%s: r%d must point to the stack or be NULL",
			    h->name, vma ? 4 : 3);
	if (!vma && f->regs[4].type != REG_SCALAR)
		return fail(fx, pc, R_HELPER_ARGS, "%s: flags r4 must be a scalar", h->name);
	if (callback_args(fx, s, pc, (uint32_t)in->imm, fx->cb_args))
		return -1;
	fx->cb_target = (uint32_t)fn->map;
	fx->cb_enter = true;
	return 0;
}

/*
 * The callback's r1-r5 for helper @helper called with the current frame's
 * r1-r4 (they stay unchanged in the caller's frame while the callback runs,
 * so every iteration recomputes them from there).
 */
static int callback_args(struct fx *fx, struct vstate *s, uint32_t pc, uint32_t helper,
			 struct reg args[6])
{
	struct frame *f = cur(s);
	struct reg *ctxa = &f->regs[3];

	for (int i = 0; i < 6; i++)
		args[i] = reg_uninit();
	if (helper == 180) {
		/* set_find_vma_callback_state: the task, the vma (trusted), the context */
		uint32_t vid = fx->kb ? btf_find(fx->kb, "vm_area_struct", BTF_K_STRUCT) : 0;

		if (!vid)
			return fail(fx, pc, R_UNSUPPORTED,
				    "bpf_find_vma: struct vm_area_struct is not in the kernel BTF");
		args[1] = f->regs[1];
		args[2] = reg_ptr(RGN_BTF, 0);
		args[2].map = (int32_t)vid;
		args[2].trust = KB_TRUSTED;
		args[3] = f->regs[4];
		return 0;
	}
	if (helper == 181) {
		if (f->regs[1].type != REG_SCALAR)
			return fail(fx, pc, R_HELPER_ARGS, "bpf_loop: r1 must be a scalar");
		args[1] = reg_scalar(sval_urange(0, (1u << 23) - 1)); /* index */
		args[2] = *ctxa;
	} else {
		struct reg *m = &f->regs[1];
		const struct obj_map *om;

		if (m->type != REG_PTR || m->rgn != RGN_MAP || m->map < 0 ||
		    (size_t)m->map >= fx->o->map_cnt)
			return fail(fx, pc, R_HELPER_ARGS,
				    "bpf_for_each_map_elem: r1 must be a map");
		om = &fx->o->maps[m->map];
		if (!hlp_map_compatible(helper, om->type))
			return fail(fx, pc, R_HELPER_ARGS,
				    "bpf_for_each_map_elem cannot iterate map %s (type %u)",
				    om->name, om->type);
		args[1] = *m;
		args[2] = reg_ptr(RGN_MAP_KEY, 0);
		args[2].map = m->map;
		args[3] = reg_ptr(RGN_MAP_VALUE, 0);
		args[3].map = m->map;
		args[4] = *ctxa;
	}
	return 0;
}

static int enter_callback(struct fx *fx, struct vstate *s, uint32_t callsite, uint32_t helper,
			  uint32_t target, const struct reg args[6])
{
	struct frame *caller = cur(s), *nf;
	uint32_t callee = func_of(fx->p, target);

	if (s->nframes >= ST_MAX_FRAMES)
		return fail(fx, callsite, R_DEPTH, "call chain deeper than %d frames",
			    ST_MAX_FRAMES);
	fx->calls[caller->func * fx->p->func_cnt + callee] = 1;
	nf = &s->fr[s->nframes++];
	memset(nf, 0, sizeof(*nf));
	for (int i = 0; i < ST_NREGS; i++)
		nf->regs[i] = reg_uninit();
	for (int i = 1; i <= 5; i++)
		nf->regs[i] = args[i];
	nf->regs[10] = reg_ptr(RGN_STACK, 0);
	nf->regs[10].frame = (uint8_t)(s->nframes - 1);
	nf->callsite = callsite;
	nf->func = callee;
	nf->cb_helper = helper;
	nf->cb_target = target;
	return 0;
}

static bool ensure_btf(struct fx *fx)
{
	char e[128];

	if (!fx->have_btf && fx->o->btf)
		fx->have_btf =
			btf_parse(&fx->btf, fx->o->btf, fx->o->btf_size, false, e, sizeof(e)) == 0;
	return fx->have_btf;
}

/* Byte offset of the struct bpf_spin_lock field of map @mi's value type, or -1
 * (the kernel finds it through BTF: btf_find_spin_lock) */
/*
 * Byte offset of the member of map @mi's value whose type is struct @name, at an
 * offset aligned to @align bytes (btf_find_struct_meta), or -1 (no BTF, no member)
 */
static int64_t value_field(struct fx *fx, int32_t mi, const char *name, uint32_t align)
{
	struct btf_type t;
	uint32_t id;

	if (!ensure_btf(fx))
		return -1;
	id = btf_skip_mods(&fx->btf, fx->o->maps[mi].btf_value_type);
	if (!id || !btf_type_get(&fx->btf, id, &t) || btf_kind_of(&t) != BTF_K_STRUCT)
		return -1;
	for (uint32_t i = 0; i < btf_vlen_of(&t); i++) {
		struct btf_member mb;
		struct btf_type mt;
		uint32_t mid;
		const char *n;

		if (!btf_member_get(&fx->btf, id, i, &mb))
			return -1;
		mid = btf_skip_mods(&fx->btf, mb.type);
		if (!mid || !btf_type_get(&fx->btf, mid, &mt) || btf_kind_of(&mt) != BTF_K_STRUCT)
			continue;
		n = btf_str(&fx->btf, mt.name_off);
		if (n && !strcmp(n, name) && mb.offset % (8 * align) == 0)
			return mb.offset / 8;
	}
	return -1;
}

static int64_t spin_lock_offset(struct fx *fx, int32_t mi)
{
	if (mi < 0 || (size_t)mi >= fx->o->map_cnt)
		return -1;
	if (fx->lock_off && fx->lock_off[mi] != INT64_MIN)
		return fx->lock_off[mi];
	if (!fx->lock_off) {
		fx->lock_off = malloc(fx->o->map_cnt * sizeof(*fx->lock_off));
		if (!fx->lock_off)
			return -1;
		for (size_t i = 0; i < fx->o->map_cnt; i++)
			fx->lock_off[i] = INT64_MIN;
	}
	fx->lock_off[mi] = value_field(fx, mi, "bpf_spin_lock", 1);
	return fx->lock_off[mi];
}

/* Offset of the struct bpf_timer in map @mi's value (from its BTF), or -1 */
static int64_t timer_offset(struct fx *fx, int32_t mi)
{
	if (mi < 0 || (size_t)mi >= fx->o->map_cnt)
		return -1;
	return value_field(fx, mi, "bpf_timer", 8);
}

/*
 * bpf_timer_set_callback: the callback runs later, on its own (push_async_cb):
 * a new path whose only frame is the callback's, with r1 = the timer's map,
 * r2 = its key, r3 = its value.
 */
static int push_timer_callback(struct fx *fx, uint32_t pc, int32_t map, uint32_t target)
{
	struct vstate *t = xmalloc(fx, sizeof(*t));
	struct frame *f;

	if (!t)
		return fail(fx, pc, R_BUDGET, "out of memory");
	memset(t, 0, sizeof(*t));
	t->full = 1;
	t->nframes = 1;
	f = &t->fr[0];
	for (int i = 0; i < ST_NREGS; i++)
		f->regs[i] = reg_uninit();
	f->regs[1] = reg_ptr(RGN_MAP, 0);
	f->regs[1].map = map;
	f->regs[2] = reg_ptr(RGN_MAP_KEY, 0);
	f->regs[2].map = map;
	f->regs[3] = reg_ptr(RGN_MAP_VALUE, 0);
	f->regs[3].map = map;
	f->regs[10] = reg_ptr(RGN_STACK, 0);
	f->func = func_of(fx->p, target);
	f->callsite = pc;
	f->async_helper = 170;
	if (fx->async_root)
		fx->async_root[f->func] = 1;
	return push_pending(fx, t, target);
}

/* Helpers bpf_base_func_proto offers only with CAP_PERFMON (kernel/bpf/helpers.c) */
static bool needs_perfmon(uint32_t id)
{
	static const uint32_t ids[] = {
		6, /* trace_printk */
		16, /* get_current_comm: only bpf_base_func_proto's CAP_PERFMON tier offers it */
		35, /* get_current_task */
		112, /* probe_read_user */
		113, /* probe_read_kernel */
		114, /* probe_read_user_str */
		115, /* probe_read_kernel_str */
		149, /* snprintf_btf */
		165, /* snprintf */
		175, /* task_pt_regs */
		153, /* per_cpu_ptr */
		154, /* this_cpu_ptr */
		158, /* get_current_task_btf */
		177, /* trace_vprintk */
	};

	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (ids[i] == id)
			return true;
	return false;
}

/*
 * verifier.c:get_constant_map_key: the key @k points to is a known constant when
 * its bytes are all zero-written, or when its slot holds a spilled constant scalar of
 * exactly the key's size.
 */
static bool const_map_key(const struct vstate *s, const struct reg *k, uint32_t key_size,
			  uint64_t *val)
{
	const struct frame *f;
	const struct slot *sl;
	int64_t off;
	uint64_t c;
	bool zero = true;

	if (k->type != REG_PTR || k->rgn != RGN_STACK || !sval_is_const(k->v, &c) || !key_size ||
	    key_size > 8)
		return false;
	off = k->off + (int64_t)c;
	if (off < -ST_STACK_SIZE || off + (int64_t)key_size > 0)
		return false;
	/* the kernel looks inside the key's first 8-byte slot only */
	if ((-off - 1) / 8 != (-(off + (int64_t)key_size - 1) - 1) / 8)
		return false;
	f = &s->fr[k->frame];
	for (int64_t o = off; o < off + (int64_t)key_size; o++) {
		uint32_t si = (uint32_t)((-o - 1) / 8);

		if (si >= f->nslots || f->slots[si].kind[7 - ((-o - 1) % 8)] != SK_ZERO)
			zero = false;
	}
	if (zero) {
		*val = 0;
		return true;
	}
	if (off % 8)
		return false;
	sl = &f->slots[(-off - 1) / 8];
	if ((uint32_t)((-off - 1) / 8) >= f->nslots || sl->spill_size != key_size ||
	    sl->spill.type != REG_SCALAR || !sval_is_const(sl->spill.v, &c))
		return false;
	*val = key_size < 8 ? c & ((1ull << (8 * key_size)) - 1) : c;
	return true;
}

#define DYNPTR_SLICE (-2) /* reg.map of a RGN_MEM slice of a dynptr */

/*
 * The stack object (iterator, dynptr) of @size bytes that @r points to: it must be
 * at a fixed, 8-byte aligned offset inside the frame. Frame *@fi and the slot of
 * its lowest address *@si; false with a finding of rule @rule.
 */
static bool stack_object(struct fx *fx, struct vstate *s, uint32_t pc, const struct reg *r,
			 int regno, const char *name, const char *what, int64_t size,
			 enum rule_idx rule, uint32_t *fi, uint32_t *si)
{
	uint64_t c;
	int64_t off;
	struct frame *f;

	if (r->type != REG_PTR || r->rgn != RGN_STACK || !sval_is_const(r->v, &c)) {
		fail(fx, pc, rule, "%s: r%d must point to %s on the stack at a fixed offset", name,
		     regno, what);
		return false;
	}
	off = r->off + (int64_t)c;
	if (off % 8 || off < -ST_STACK_SIZE || off > -size) {
		fail(fx, pc, rule,
		     "%s: %s at fp%+" PRId64 " must be %" PRId64
		     " stack bytes at an 8-byte aligned offset",
		     name, what, off, size);
		return false;
	}
	f = &s->fr[r->frame];
	if (grow_stack(fx, f, (uint32_t)(-off / 8))) {
		fail(fx, pc, R_BUDGET, "out of memory");
		return false;
	}
	note_depth(fx, f, off);
	*fi = r->frame;
	*si = (uint32_t)((-off - 1) / 8);
	return true;
}

/* The two stack slots of the dynptr @r points to: frame *@fi, lower slot *@si */
static bool dynptr_slots(struct fx *fx, struct vstate *s, uint32_t pc, const struct reg *r,
			 int regno, const char *name, uint32_t *fi, uint32_t *si)
{
	return stack_object(fx, s, pc, r, regno, name, "a dynptr", 16, R_HELPER_ARGS, fi, si);
}

/* Is map @map the inner-map template of a map of maps (or marked BPF_F_INNER_MAP)? */
static bool is_inner_template(const struct obj *o, int map)
{
	if (o->maps[map].flags & 0x1000)
		return true;
	for (size_t i = 0; i < o->map_cnt; i++)
		if (o->maps[i].inner == map)
			return true;
	return false;
}

static int do_helper(struct fx *fx, struct vstate *s, const struct insn *in)
{
	uint32_t pc = in->pc, id = (uint32_t)in->imm;
	const struct hlp_proto *h = hlp_lookup(id);
	struct frame *f = cur(s);
	int map = -1;
	uint64_t alloc = 0;
	uint32_t rel_ref = 0;
	bool have_alloc = false;
	const struct reg key_reg = f->regs[2]; /* map_lookup_elem's key, before the call */
	int32_t timer_map = -1;
	uint32_t cb_target = UINT32_MAX;
	uint32_t dyn_fi = 0, dyn_si = 0; /* the dynptr argument's frame and lower slot */
	struct reg dyn_reg = reg_uninit(); /* what it held */

	if (id == CORE_POISON_IMM && in->src == INSN_CALL_HELPER) {
		/* libbpf replaces an instruction whose CO-RE relocation found no target by
		 * this call; the kernel rejects it when it is reachable */
		for (size_t i = 0; i < fx->p->poison_cnt; i++)
			if (fx->p->poison[i].pc == pc)
				return fail(
					fx, pc, R_HELPER_UNAVAIL,
					"CO-RE relocation failed and the instruction is reachable: "
					"%s",
					fx->p->poison[i].why);
		return fail(fx, pc, R_HELPER_UNAVAIL,
			    "call of libbpf's CO-RE poison helper id %#x: a relocation failed", id);
	}
	if (!h)
		return fail(fx, pc, R_UNSUPPORTED, "call to unknown helper %u", id);
	if (fx->unpriv && needs_perfmon(id))
		return fail(fx, pc, R_HELPER_UNAVAIL,
			    "helper %s (%u) needs CAP_PERFMON: not available unprivileged", h->name,
			    id);
	/* sock_addr_func_proto offers bpf_bind only to connect4/connect6 programs */
	if (id == 64 && fx->p->type == BV_PROG_CGROUP_SOCK_ADDR && fx->p->expected_attach != 10 &&
	    fx->p->expected_attach != 11)
		return fail(
			fx, pc, R_HELPER_UNAVAIL,
			"helper bpf_bind is only available to cgroup/connect4 and connect6 programs");
	if (!hlp_allowed(id, fx->p->type))
		return fail(fx, pc, R_HELPER_UNAVAIL,
			    "helper %s (%u) is not available to %s programs", h->name, id,
			    bv_prog_type_name(fx->p->type));
	if ((h->flags & HLP_GPL_ONLY) && !license_is_gpl(fx->o->license))
		return fail(fx, pc, R_HELPER_UNAVAIL,
			    "helper %s is GPL-only and the license is \"%s\"", h->name,
			    fx->o->license ? fx->o->license : "(none)");
	if ((h->flags & HLP_SLEEPABLE) && !fx->sleepable)
		return fail(
			fx, pc, R_HELPER_UNAVAIL,
			"helper %s may sleep: only sleepable programs (\".s\" sections) may call it",
			h->name);
	if (id == 197 && (f->regs[1].type != REG_PTR || f->regs[1].rgn != RGN_MAP_VALUE))
		return fail(fx, pc, R_HELPER_ARGS,
			    "bpf_dynptr_from_mem: the data (r1) must be a map value, not %s",
			    f->regs[1].type == REG_PTR ? rgn_names[f->regs[1].rgn] : "a scalar");
	if (id == 12 && s->rcu_depth)
		return fail(fx, pc, R_KFUNC_USE,
			    "bpf_tail_call cannot be used inside a bpf_rcu_read_lock() region");
	if ((h->flags & HLP_SLEEPABLE) && s->rcu_depth)
		return fail(fx, pc, R_HELPER_UNAVAIL,
			    "sleepable helper %s called inside a bpf_rcu_read_lock() region",
			    h->name);
	if (s->lock_held && strcmp(h->name, "bpf_spin_unlock") != 0)
		return fail(fx, pc, R_LOCK, "call to %s while holding a bpf_spin_lock", h->name);
	if (h->ret == HLP_RET_UNMODELLED)
		return fail(fx, pc, R_UNSUPPORTED, "helper %s is not modelled yet", h->name);
	if (id == 181 || id == 164 || id == 180)
		return do_callback_helper(fx, s, in, h);
	for (int i = 0; i < 5; i++) {
		enum hlp_arg k = h->arg[i];
		int regno = i + 1;
		struct reg *r = &f->regs[regno];
		uint64_t c;

		if (k == HLP_ARG_NONE)
			continue;
		if (k == HLP_ARG_BTF_ID && !fx->kb)
			fx->res->want_kbtf = true;
		if (k == HLP_ARG_UNMODELLED || (k == HLP_ARG_FUNC && id != 170) ||
		    (k == HLP_ARG_BTF_ID && (!fx->kb || !hlp_btf_type(id, regno, NULL, NULL))))
			return fail(
				fx, pc, R_UNSUPPORTED,
				"%s: argument %d kind is not modelled yet (callbacks, timers, dynptrs "
				"and BTF objects are inconclusive)",
				h->name, regno);
		if (k == HLP_ARG_SIZE || k == HLP_ARG_SIZE_OR_ZERO)
			continue; /* checked with the memory argument before it */
		if (r->type == REG_UNINIT)
			return fail(fx, pc, R_REG_UNINIT, "%s: argument r%d is not initialised",
				    h->name, regno);
		switch (k) {
		case HLP_ARG_ANYTHING:
			if (r->type == REG_PTR && fx->unpriv)
				return fail(fx, pc, R_PTR_LEAK,
					    "%s: r%d leaks a pointer into the helper", h->name,
					    regno);
			break;
		case HLP_ARG_MAP:
			if (r->type != REG_PTR || r->rgn != RGN_MAP || r->maybe_null || r->off)
				return fail(fx, pc, R_HELPER_ARGS, "%s: r%d must be a map pointer",
					    h->name, regno);
			map = r->map;
			if (map >= 0 && (size_t)map < fx->o->map_cnt &&
			    !hlp_map_compatible(id, fx->o->maps[map].type))
				return fail(fx, pc, R_HELPER_ARGS,
					    "%s cannot be used with map %s (type %u)", h->name,
					    fx->o->maps[map].name, fx->o->maps[map].type);
			break;
		case HLP_ARG_MAP_VALUE_OR_NULL:
			if (reg_is_const(r, &c) && c == 0)
				break;
			__attribute__((fallthrough));
		case HLP_ARG_MAP_KEY:
		case HLP_ARG_MAP_VALUE:
		case HLP_ARG_MAP_VALUE_UNINIT: {
			uint64_t sz;

			if (map < 0 || (size_t)map >= fx->o->map_cnt)
				return fail(fx, pc, R_HELPER_ARGS, "%s: no map argument before r%d",
					    h->name, regno);
			sz = k == HLP_ARG_MAP_KEY ? fx->o->maps[map].key_size
						  : fx->o->maps[map].value_size;
			if (helper_mem(fx, s, pc, regno, sz, sz, k == HLP_ARG_MAP_VALUE_UNINIT,
				       k == HLP_ARG_MAP_VALUE_UNINIT, h->flags | HLP_PKT_ACCESS,
				       h->name))
				return -1;
			break;
		}
		case HLP_ARG_MEM:
		case HLP_ARG_MEM_OR_NULL:
		case HLP_ARG_MEM_RDONLY:
		case HLP_ARG_UNINIT_MEM: {
			struct reg *sz = i < 4 ? &f->regs[regno + 1] : NULL;
			enum hlp_arg sk = i < 4 ? h->arg[i + 1] : HLP_ARG_NONE;
			bool wr = k == HLP_ARG_UNINIT_MEM;

			if (sk != HLP_ARG_SIZE && sk != HLP_ARG_SIZE_OR_ZERO)
				return fail(fx, pc, R_UNSUPPORTED,
					    "%s: memory argument without size", h->name);
			if (!sz || sz->type != REG_SCALAR)
				return fail(fx, pc, R_HELPER_ARGS,
					    "%s: size argument r%d must be a scalar", h->name,
					    regno + 1);
			if (sz->v.r.smin < 0)
				return fail(fx, pc, R_HELPER_ARGS,
					    "%s: size r%d may be negative (min %" PRId64 ")",
					    h->name, regno + 1, sz->v.r.smin);
			if (sz->v.r.umax >= (1u << 29))
				return fail(fx, pc, R_HELPER_ARGS,
					    "%s: size r%d is unbounded (max %" PRIu64 ")", h->name,
					    regno + 1, sz->v.r.umax);
			if (sk == HLP_ARG_SIZE && sz->v.r.umin == 0)
				return fail(fx, pc, R_HELPER_ARGS, "%s: size r%d may be zero",
					    h->name, regno + 1);
			if (k == HLP_ARG_MEM_OR_NULL && reg_is_const(r, &c) && c == 0)
				break;
			if (r->type == REG_SCALAR && sz->v.r.umax == 0)
				break; /* size 0: the kernel accepts any pointer-or-NULL */
			if (helper_mem(fx, s, pc, regno, sz->v.r.umin, sz->v.r.umax, wr, wr,
				       h->flags, h->name))
				return -1;
			break;
		}
		case HLP_ARG_FIXED_MEM_8:
			if (helper_mem(fx, s, pc, regno, 8, 8, true, true, h->flags, h->name))
				return -1;
			break;
		case HLP_ARG_ALLOC_SIZE:
			if (!reg_is_const(r, &alloc))
				return fail(fx, pc, R_HELPER_ARGS,
					    "%s: size r%d must be a constant", h->name, regno);
			have_alloc = true;
			break;
		case HLP_ARG_CTX_OR_NULL:
			if (reg_is_const(r, &c) && c == 0)
				break;
			__attribute__((fallthrough));
		case HLP_ARG_CTX:
			if (r->type != REG_PTR || r->rgn != RGN_CTX || r->off ||
			    !sval_is_const(r->v, NULL))
				return fail(fx, pc, R_HELPER_ARGS,
					    "%s: r%d must be the unmodified context pointer",
					    h->name, regno);
			break;
		case HLP_ARG_SOCK_COMMON:
		case HLP_ARG_SOCKET:
		case HLP_ARG_SOCK_RELEASE:
			if (r->type != REG_PTR || r->maybe_null ||
			    (r->rgn != RGN_SOCK && r->rgn != RGN_SOCK_COMMON &&
			     r->rgn != RGN_TCP_SOCK) ||
			    (k == HLP_ARG_SOCKET && r->rgn != RGN_SOCK))
				return fail(fx, pc,
					    r->type == REG_PTR && r->maybe_null ? R_NULL
										: R_HELPER_ARGS,
					    "%s: r%d must be a non-NULL socket pointer", h->name,
					    regno);
			if (k == HLP_ARG_SOCK_RELEASE) {
				if (!r->ref)
					return fail(fx, pc, R_HELPER_ARGS,
						    "%s: r%d holds no acquired reference", h->name,
						    regno);
				rel_ref = r->ref;
			}
			break;
		case HLP_ARG_DYNPTR:
		case HLP_ARG_DYNPTR_UNINIT:
		case HLP_ARG_DYNPTR_RELEASE: {
			struct slot *lo_sl;

			if (!dynptr_slots(fx, s, pc, r, regno, h->name, &dyn_fi, &dyn_si))
				return -1;
			lo_sl = &s->fr[dyn_fi].slots[dyn_si];
			if (k == HLP_ARG_DYNPTR_UNINIT) {
				if (stack_has_iter(&s->fr[dyn_fi], r->off + (int64_t)r->v.tn.value,
						   r->off + (int64_t)r->v.tn.value + 16))
					return fail(fx, pc, R_HELPER_ARGS,
						    "%s: r%d points to an initialised dynptr or "
						    "iterator; the dynptr must be uninitialised",
						    h->name, regno);
				break;
			}
			if (!(lo_sl->spill_size == 8 && lo_sl->spill.type == REG_PTR &&
			      lo_sl->spill.rgn == RGN_DYNPTR && lo_sl->spill.off > 0))
				return fail(fx, pc, R_HELPER_ARGS,
					    "%s: r%d must point to an initialised dynptr", h->name,
					    regno);
			if (k == HLP_ARG_DYNPTR_RELEASE) {
				if (lo_sl->spill.off != 2)
					return fail(fx, pc, R_HELPER_ARGS,
						    "%s: r%d must be a ring buffer dynptr", h->name,
						    regno);
				rel_ref = lo_sl->spill.ref;
			}
			dyn_reg = lo_sl->spill;
			break;
		}
		case HLP_ARG_TIMER: {
			int64_t toff = -1;
			uint64_t c2;

			if (r->type == REG_PTR && r->rgn == RGN_MAP_VALUE && !r->maybe_null)
				toff = timer_offset(fx, r->map);
			if (toff < 0 || !sval_is_const(r->v, &c2) || r->off + (int64_t)c2 != toff)
				return fail(
					fx, pc, R_HELPER_ARGS,
					"%s: r%d must point to the struct bpf_timer of a map value",
					h->name, regno);
			timer_map = r->map;
			break;
		}
		case HLP_ARG_FUNC:
			/* bpf_timer_set_callback (the other callback helpers are refused above) */
			if (r->type != REG_PTR || r->rgn != RGN_FUNC)
				return fail(fx, pc, R_HELPER_ARGS,
					    "%s: r%d must be a callback function", h->name, regno);
			cb_target = (uint32_t)r->map;
			break;
		case HLP_ARG_SK_ASSIGN:
			if (fx->p->type == BV_PROG_SK_LOOKUP) {
				/* sk_lookup_assign_proto: ARG_PTR_TO_SOCKET_OR_NULL */
				if (reg_is_const(r, &c) && c == 0)
					break;
				if (r->type != REG_PTR || r->rgn != RGN_SOCK)
					return fail(fx, pc, R_HELPER_ARGS,
						    "%s: r%d must be a socket pointer or NULL",
						    h->name, regno);
				break;
			}
			/* bpf_sk_assign_proto: ARG_PTR_TO_BTF_ID_SOCK_COMMON */
			if (r->type == REG_PTR && r->rgn == RGN_BTF && !r->maybe_null && fx->kb &&
			    r->trust != KB_UNTRUSTED && r->trust != KB_NODEREF && !r->off &&
			    kb_is_a(fx->kb, (uint32_t)r->map, "sock_common"))
				break;
			if (r->type != REG_PTR || r->maybe_null ||
			    (r->rgn != RGN_SOCK && r->rgn != RGN_SOCK_COMMON &&
			     r->rgn != RGN_TCP_SOCK))
				return fail(fx, pc,
					    r->type == REG_PTR && r->maybe_null ? R_NULL
										: R_HELPER_ARGS,
					    "%s: r%d must be a non-NULL socket pointer", h->name,
					    regno);
			break;
		case HLP_ARG_RINGBUF_MEM_RELEASE:
			if (r->type != REG_PTR || r->rgn != RGN_MEM || r->maybe_null || !r->ref ||
			    r->map == DYNPTR_SLICE || r->off || !sval_is_const(r->v, NULL))
				return fail(
					fx, pc, R_HELPER_ARGS,
					"%s: r%d must be an unmodified, NULL-checked ring buffer reservation",
					h->name, regno);
			rel_ref = r->ref;
			break;
		case HLP_ARG_BTF_ID: {
			bool or_null = false;
			const char *want = hlp_btf_type(id, regno, &or_null, NULL);

			if (or_null && reg_is_const(r, &c) && c == 0)
				break;
			if (r->type != REG_PTR || r->rgn != RGN_BTF || r->map <= 0)
				return fail(fx, pc, R_HELPER_ARGS,
					    "%s: r%d must be a pointer to kernel struct %s",
					    h->name, regno, want);
			if (r->maybe_null && !or_null)
				return fail(fx, pc, R_NULL, "%s: argument r%d may be NULL", h->name,
					    regno);
			if (r->trust == KB_UNTRUSTED || r->trust == KB_NODEREF)
				return fail(
					fx, pc, R_HELPER_ARGS,
					"%s: r%d is an untrusted pointer to struct %s (obtained by "
					"walking kernel pointers) and cannot be passed to a helper",
					h->name, regno, kb_name(fx->kb, (uint32_t)r->map));
			if (r->off || !sval_is_const(r->v, &c) || c)
				return fail(fx, pc, R_HELPER_ARGS,
					    "%s: r%d points into struct %s at a non-zero offset",
					    h->name, regno, kb_name(fx->kb, (uint32_t)r->map));
			if (!kb_is_a(fx->kb, (uint32_t)r->map, want))
				return fail(
					fx, pc, R_HELPER_ARGS,
					"%s: r%d is a pointer to struct %s but struct %s is expected",
					h->name, regno, kb_name(fx->kb, (uint32_t)r->map), want);
			break;
		}
		case HLP_ARG_STACK_OR_NULL:
			if (reg_is_const(r, &c) && c == 0)
				break;
			if (r->type != REG_PTR || r->rgn != RGN_STACK)
				return fail(fx, pc, R_HELPER_ARGS,
					    "%s: r%d must point to the stack", h->name, regno);
			break;
		case HLP_ARG_CONST_STR: {
			const struct obj_map *m;
			uint64_t off;

			if (r->type != REG_PTR || r->rgn != RGN_MAP_VALUE || r->maybe_null ||
			    !sval_is_const(r->v, &off))
				return fail(
					fx, pc, R_HELPER_ARGS,
					"%s: r%d must point to a constant string in a read-only map",
					h->name, regno);
			m = &fx->o->maps[r->map];
			if (!m->readonly || !m->data)
				return fail(fx, pc, R_HELPER_ARGS, "%s: map %s is not read-only",
					    h->name, m->name);
			off += (uint64_t)r->off;
			if (off >= m->value_size || !memchr(m->data + off, 0, m->value_size - off))
				return fail(fx, pc, R_HELPER_ARGS,
					    "%s: string is not NUL-terminated", h->name);
			break;
		}
		case HLP_ARG_SPIN_LOCK: {
			int64_t lock_off;

			if (r->type != REG_PTR || r->rgn != RGN_MAP_VALUE || r->maybe_null)
				return fail(fx, pc, R_LOCK, "%s: r%d must point into a map value",
					    h->name, regno);
			lock_off = spin_lock_offset(fx, r->map);
			if (lock_off < 0)
				return fail(
					fx, pc, R_LOCK,
					"%s: map %s has no struct bpf_spin_lock in its BTF value type",
					h->name, fx->o->maps[r->map].name);
			if (!sval_is_const(r->v, &c) || r->off + (int64_t)c != lock_off)
				return fail(
					fx, pc, R_LOCK,
					"%s: r%d does not point to the bpf_spin_lock at offset %" PRId64
					" of the map value (off %" PRId64 ")",
					h->name, regno, lock_off, r->off);
			if (!strcmp(h->name, "bpf_spin_lock")) {
				if (s->lock_held)
					return fail(fx, pc, R_LOCK,
						    "bpf_spin_lock while already holding one");
				s->lock_held = (uint32_t)r->map + 1;
				s->lock_id = r->id; /* which map value (lookup result) holds it */
			} else {
				if (!s->lock_held)
					return fail(fx, pc, R_LOCK,
						    "bpf_spin_unlock without a held lock");
				if (s->lock_held != (uint32_t)r->map + 1 || s->lock_id != r->id)
					return fail(
						fx, pc, R_LOCK,
						"bpf_spin_unlock of a different lock than the one held");
				s->lock_held = 0;
				s->lock_id = 0;
			}
			break;
		}
		default:
			return fail(fx, pc, R_UNSUPPORTED, "%s: argument kind %d not modelled",
				    h->name, (int)k);
		}
	}
	if (id == 197 || id == 198) {
		/* the dynptr now lives in its two slots (mark_stack_slots_dynptr); a ring
		 * buffer one holds a reference even when the reservation fails */
		struct frame *df = &s->fr[dyn_fi];
		struct reg d = reg_ptr(RGN_DYNPTR, id == 197 ? 1 : 2);

		d.id = ++fx->next_id;
		if (id == 198 && acquire_ref(fx, s, pc, &d.ref))
			return -1;
		for (int half = 0; half < 2; half++) {
			struct slot *sl = &df->slots[dyn_si - (uint32_t)half];

			sl->spill = d;
			if (half)
				sl->spill.off = -d.off;
			sl->spill_size = 8;
			memset(sl->kind, SK_SPILL, 8);
		}
	}
	if (id == 199 || id == 200) {
		struct frame *df = &s->fr[dyn_fi];

		for (int half = 0; half < 2; half++) {
			struct slot *sl = &df->slots[dyn_si - (uint32_t)half];

			memset(&sl->spill, 0, sizeof(sl->spill));
			sl->spill_size = 0;
			memset(sl->kind, SK_INVALID, 8);
		}
	}
	if (id == 169 && map != timer_map)
		return fail(fx, pc, R_HELPER_ARGS,
			    "bpf_timer_init: the timer in r1 belongs to map %s, r2 is map %s",
			    timer_map >= 0 ? fx->o->maps[timer_map].name : "?",
			    map >= 0 ? fx->o->maps[map].name : "?");
	if (id == 170) {
		if (cb_target >= fx->n)
			return fail(fx, pc, R_HELPER_ARGS, "%s: no callback", h->name);
		if (push_timer_callback(fx, pc, timer_map, cb_target))
			return -1;
	}
	if (!strcmp(h->name, "bpf_tail_call") && cur(s)->func < fx->p->func_cnt)
		fx->tail_func[cur(s)->func] = 1;
	if (!strcmp(h->name, "bpf_tail_call") && s->nrefs)
		return fail(fx, pc, R_REF_LEAK,
			    "bpf_tail_call while holding a reference (acquired at %u)",
			    s->ref_pc[0]);
	if (rel_ref)
		release_ref(s, rel_ref);
	for (int i = 1; i <= 5; i++)
		f->regs[i] = reg_uninit();
	switch (h->ret) {
	case HLP_RET_INTEGER:
		f->regs[0] = reg_unknown();
		if (h->ret_min <= h->ret_max)
			f->regs[0] = reg_scalar(sval_srange(h->ret_min, h->ret_max));
		break;
	case HLP_RET_VOID:
		f->regs[0] = reg_uninit();
		break;
	case HLP_RET_MAP_VALUE_OR_NULL: {
		const struct obj_map *m = map >= 0 ? &fx->o->maps[map] : NULL;

		if (!m)
			return fail(fx, pc, R_HELPER_ARGS, "%s: no map argument", h->name);
		if (m->type == MAP_TYPE_ARRAY_OF_MAPS || m->type == MAP_TYPE_HASH_OF_MAPS) {
			if (m->inner < 0)
				return fail(fx, pc, R_UNSUPPORTED,
					    "map-in-map %s has no inner map definition", m->name);
			f->regs[0] = reg_ptr(RGN_MAP, 0);
			f->regs[0].map = m->inner;
		} else if (id == 1 && (m->type == 15 || m->type == 18)) {
			/* sockmap / sockhash lookup: a referenced socket or NULL
			 * (check_helper_call, is_acquire_function) */
			uint32_t ref = 0;

			f->regs[0] = reg_ptr(RGN_SOCK, 0);
			if (acquire_ref(fx, s, pc, &ref))
				return -1;
			f->regs[0].ref = ref;
		} else {
			uint64_t key;

			f->regs[0] = reg_ptr(RGN_MAP_VALUE, 0);
			f->regs[0].map = map;
			/* can_elide_value_nullness: an array lookup with a constant in-range
			 * key cannot fail */
			if (id == 1 && (m->type == 2 || m->type == 6) &&
			    !is_inner_template(fx->o, map) &&
			    const_map_key(s, &key_reg, m->key_size, &key) && key < m->max_entries)
				break;
		}
		f->regs[0].maybe_null = true;
		f->regs[0].id = ++fx->next_id;
		break;
	}
	case HLP_RET_SOCKET_OR_NULL:
	case HLP_RET_SOCK_COMMON_OR_NULL:
	case HLP_RET_TCP_SOCK_OR_NULL:
		f->regs[0] = reg_ptr(h->ret == HLP_RET_SOCKET_OR_NULL	  ? RGN_SOCK
				     : h->ret == HLP_RET_TCP_SOCK_OR_NULL ? RGN_TCP_SOCK
									  : RGN_SOCK_COMMON,
				     0);
		f->regs[0].maybe_null = true;
		f->regs[0].id = ++fx->next_id;
		if (h->flags & HLP_ACQUIRE) {
			uint32_t ref = 0;

			if (acquire_ref(fx, s, pc, &ref))
				return -1;
			f->regs[0].ref = ref;
		}
		break;
	case HLP_RET_DYNPTR_MEM_OR_NULL:
		/* bpf_dynptr_data: a slice of @alloc bytes, NULL when out of the dynptr's
		 * bounds; a ring buffer dynptr's slices die with its reference */
		if (!have_alloc)
			return fail(fx, pc, R_HELPER_ARGS, "%s: no size argument", h->name);
		f->regs[0] = reg_ptr(RGN_MEM, 0);
		f->regs[0].range = (int64_t)alloc;
		f->regs[0].maybe_null = true;
		f->regs[0].id = ++fx->next_id;
		f->regs[0].ref = dyn_reg.ref;
		f->regs[0].map = DYNPTR_SLICE;
		break;
	case HLP_RET_RINGBUF_MEM_OR_NULL: {
		uint32_t ref = 0;

		if (!have_alloc)
			return fail(fx, pc, R_HELPER_ARGS, "%s: no size argument", h->name);
		f->regs[0] = reg_ptr(RGN_MEM, 0);
		f->regs[0].range = (int64_t)alloc;
		f->regs[0].maybe_null = true;
		f->regs[0].id = ++fx->next_id;
		if (acquire_ref(fx, s, pc, &ref))
			return -1;
		f->regs[0].ref = ref;
		break;
	}
	case HLP_RET_BTF_ID_OR_NULL:
	case HLP_RET_BTF_ID:
	case HLP_RET_MEM_OR_BTF_ID: {
		bool trusted = false;
		const char *tn = hlp_btf_type(id, 0, NULL, &trusted);
		uint32_t tid = fx->kb && tn ? btf_find(fx->kb, tn, BTF_K_STRUCT) : 0;

		if (tn && !fx->kb)
			fx->res->want_kbtf = true;
		if (tid) {
			f->regs[0] = reg_ptr(RGN_BTF, 0);
			f->regs[0].map = (int32_t)tid;
			f->regs[0].trust = trusted ? KB_TRUSTED : KB_PLAIN;
			f->regs[0].maybe_null = h->ret == HLP_RET_BTF_ID_OR_NULL;
			if (f->regs[0].maybe_null)
				f->regs[0].id = ++fx->next_id;
			break;
		}
		f->regs[0] = reg_ptr(RGN_OPAQUE, 0);
		f->regs[0].maybe_null = h->ret == HLP_RET_BTF_ID_OR_NULL;
		f->regs[0].id = ++fx->next_id;
		break;
	}
	default:
		return fail(fx, pc, R_UNSUPPORTED, "%s: return kind not modelled", h->name);
	}
	if (h->flags & HLP_PKT_CHANGES)
		invalidate_pkt(fx, s);
	return 0;
}

/* ---- kfuncs ------------------------------------------------------------------------------- */

/* The stack slot an iterator argument @r points to, or NULL with a finding */
static struct slot *iter_slot(struct fx *fx, struct vstate *s, uint32_t pc, const struct reg *r,
			      int regno, const char *kname)
{
	uint32_t fi, si;

	if (!stack_object(fx, s, pc, r, regno, kname, "an iterator", 8, R_KFUNC_USE, &fi, &si))
		return NULL;
	return &s->fr[fi].slots[si];
}

static bool slot_is_iter(const struct slot *sl)
{
	return sl->spill_size == 8 && sl->spill.type == REG_PTR && sl->spill.rgn == RGN_ITER;
}

/*
 * A call of a modelled kfunc (kernel/bpf/verifier.c check_kfunc_call). Iterators
 * (process_iter_arg, process_iter_next_call): _new turns an 8-byte stack slot
 * into an active iterator holding a reference, _next forks into "drained, NULL"
 * (queued as @fork) and "active, pointer to the current value", _destroy
 * releases it. The next call is a prune point where iterations converge.
 */
static int do_kfunc(struct fx *fx, struct vstate *s, const struct insn *in,
		    const struct kf_proto *k, struct vstate **fork)
{
	uint32_t pc = in->pc;
	struct frame *f = cur(s);
	struct slot *it = NULL;
	uint32_t rel_ref = 0, it_fi = 0, it_si = 0;

	*fork = NULL;
	if (!kf_allowed(k, fx->p->type))
		return fail(fx, pc, R_KFUNC, "kfunc %s is not modelled for %s programs", k->name,
			    bv_prog_type_name(fx->p->type));
	if (s->lock_held)
		return fail(fx, pc, R_LOCK, "kfunc %s called while holding a bpf_spin_lock",
			    k->name);
	if (k->flags & KF_RCU_LOCK) {
		if (s->rcu_depth)
			return fail(fx, pc, R_KFUNC_USE, "nested rcu read lock (%s)", k->name);
		s->rcu_depth = 1;
	} else if (k->flags & KF_RCU_UNLOCK) {
		if (!s->rcu_depth)
			return fail(fx, pc, R_KFUNC_USE,
				    "unmatched rcu read unlock (%s without bpf_rcu_read_lock)",
				    k->name);
		s->rcu_depth = 0;
		/* pointers trusted only inside the section become untrusted */
		for_each_reg(s, r, {
			if (r->type == REG_PTR && r->rgn == RGN_BTF && r->trust == KB_RCU)
				r->trust = KB_UNTRUSTED;
		});
	}
	for (int i = 0; i < 5; i++) {
		int regno = i + 1;
		const struct reg *r = &f->regs[regno];

		if (k->arg[i] == KF_ARG_NONE)
			break;
		if (r->type == REG_UNINIT)
			return fail(fx, pc, R_REG_UNINIT, "%s: argument r%d is not initialised",
				    k->name, regno);
		switch (k->arg[i]) {
		case KF_ARG_SCALAR:
			if (r->type != REG_SCALAR)
				return fail(fx, pc, R_KFUNC_USE, "%s: r%d must be a scalar",
					    k->name, regno);
			break;
		case KF_ARG_ITER_UNINIT:
			it = iter_slot(fx, s, pc, r, regno, k->name);
			if (!it)
				return -1;
			it_fi = r->frame;
			it_si = (uint32_t)(it - s->fr[r->frame].slots);
			if (slot_is_iter(it))
				return fail(fx, pc, R_KFUNC_USE,
					    "%s: r%d points to an iterator that is already "
					    "initialised (destroy it first)",
					    k->name, regno);
			break;
		case KF_ARG_ITER:
			it = iter_slot(fx, s, pc, r, regno, k->name);
			if (!it)
				return -1;
			it_fi = r->frame;
			it_si = (uint32_t)(it - s->fr[r->frame].slots);
			if (!slot_is_iter(it))
				return fail(fx, pc, R_KFUNC_USE,
					    "%s: r%d must point to an initialised iterator",
					    k->name, regno);
			break;
		case KF_ARG_BTF_RCU:
		case KF_ARG_BTF_RELEASE:
			if (!fx->kb) {
				fx->res->want_kbtf = true;
				return fail(fx, pc, R_KFUNC, "%s needs the kernel's BTF", k->name);
			}
			if (r->type != REG_PTR || r->rgn != RGN_BTF || r->map <= 0)
				return fail(fx, pc, R_KFUNC_USE,
					    "%s: r%d must be a pointer to kernel struct %s",
					    k->name, regno, k->type);
			if (r->maybe_null)
				return fail(fx, pc, R_NULL, "%s: argument r%d may be NULL", k->name,
					    regno);
			if (r->off || !sval_is_const(r->v, NULL) || r->v.tn.value)
				return fail(fx, pc, R_KFUNC_USE,
					    "%s: r%d points into struct %s at an offset", k->name,
					    regno, kb_name(fx->kb, (uint32_t)r->map));
			if (!kb_is_a(fx->kb, (uint32_t)r->map, k->type))
				return fail(fx, pc, R_KFUNC_USE,
					    "%s: r%d is a pointer to struct %s but struct %s is "
					    "expected",
					    k->name, regno, kb_name(fx->kb, (uint32_t)r->map),
					    k->type);
			if (k->arg[i] == KF_ARG_BTF_RELEASE) {
				if (!r->ref)
					return fail(fx, pc, R_KFUNC_USE,
						    "%s: r%d holds no acquired reference", k->name,
						    regno);
				rel_ref = r->ref;
			} else if (r->trust != KB_TRUSTED && r->trust != KB_RCU) {
				return fail(fx, pc, R_KFUNC_USE,
					    "%s: r%d must be a trusted or RCU-protected pointer "
					    "(KF_RCU)",
					    k->name, regno);
			}
			break;
		default:
			return fail(fx, pc, R_KFUNC, "%s: argument kind not modelled", k->name);
		}
	}
	if (k->flags & KF_ITER_NEW) {
		uint32_t ref = 0;

		if (acquire_ref(fx, s, pc, &ref))
			return -1;
		memset(&it->spill, 0, sizeof(it->spill));
		it->spill.type = REG_PTR;
		it->spill.rgn = RGN_ITER;
		it->spill.off = 1;
		it->spill.ref = ref;
		it->spill_size = 8;
		memset(it->kind, SK_SPILL, 8);
	} else if (k->flags & KF_ITER_DESTROY) {
		rel_ref = it->spill.ref;
		memset(&it->spill, 0, sizeof(it->spill));
		it->spill_size = 0;
		memset(it->kind, SK_INVALID, 8);
	}
	if (rel_ref)
		release_ref(s, rel_ref);
	for (int i = 1; i <= 5; i++)
		f->regs[i] = reg_uninit();
	switch (k->ret) {
	case KF_RET_VOID:
		f->regs[0] = reg_uninit();
		break;
	case KF_RET_SCALAR:
		f->regs[0] = reg_unknown();
		break;
	case KF_RET_ITER_NEXT_INT: {
		struct vstate *t = state_copy(fx, s);
		struct slot *ti;

		if (!t)
			return fail(fx, pc, R_BUDGET, "out of memory");
		/* drained: NULL, the iterator stays drained */
		ti = &t->fr[it_fi].slots[it_si];
		ti->spill.off = 2;
		cur(t)->regs[0] = reg_const(0);
		*fork = t;
		/* active: a pointer to the current 4-byte value */
		f->regs[0] = reg_ptr(RGN_MEM, 0);
		f->regs[0].range = 4;
		f->regs[0].rdonly = true;
		it->spill.off = 1;
		s->may_goto_depth++;
		break;
	}
	case KF_RET_BTF_ACQUIRED: {
		uint32_t tid = fx->kb ? btf_find(fx->kb, k->type, BTF_K_STRUCT) : 0;
		uint32_t ref = 0;

		if (!tid) {
			fx->res->want_kbtf = !fx->kb;
			return fail(fx, pc, R_KFUNC,
				    "%s returns struct %s, which needs the kernel's BTF", k->name,
				    k->type);
		}
		if (acquire_ref(fx, s, pc, &ref))
			return -1;
		f->regs[0] = reg_ptr(RGN_BTF, 0);
		f->regs[0].map = (int32_t)tid;
		f->regs[0].trust = KB_TRUSTED;
		f->regs[0].maybe_null = true;
		f->regs[0].id = ++fx->next_id;
		f->regs[0].ref = ref;
		break;
	}
	}
	return 0;
}

/* ---- loads, stores, atomics, lddw, legacy packet loads ------------------------------------ */

static int do_mem(struct fx *fx, struct vstate *s, const struct insn *in)
{
	struct frame *f = cur(s);
	uint32_t pc = in->pc;
	struct reg out, val;

	switch (in->kind) {
	case INSN_LDX:
		if (in->dst == 10)
			return fail(fx, pc, R_R10_WRITE, "r10 (the frame pointer) is read-only");
		if (check_reg_read(fx, s, pc, in->src))
			return -1;
		out = reg_unknown();
		if (mem_access(fx, s, pc, in->src, in->off, in->size, ACC_READ, in->sx, NULL, &out))
			return -1;
		out.id = out.type == REG_SCALAR ? 0 : out.id;
		if (out.type == REG_SCALAR && out.ref)
			out.ref = 0;
		f->regs[in->dst] = out;
		return 0;
	case INSN_ST:
		if (check_reg_read(fx, s, pc, in->dst))
			return -1;
		val = reg_const((uint64_t)(int64_t)in->imm);
		if (in->size < 8)
			val.v = sval_trunc(val.v, in->size);
		return mem_access(fx, s, pc, in->dst, in->off, in->size, ACC_WRITE, false, &val,
				  NULL);
	case INSN_STX:
		if (check_reg_read(fx, s, pc, in->dst) || check_reg_read(fx, s, pc, in->src))
			return -1;
		val = f->regs[in->src];
		/* a root loader may store part of a pointer into the packet or a map value
		 * (is_pointer_value is false with allow_ptr_leaks); onto the stack it is an
		 * invalid spill size (stack_write_fixed) */
		if (val.type == REG_PTR && in->size != 8 && fx->unpriv)
			return fail(fx, pc, R_PTR_LEAK,
				    "partial store of a pointer (r%d, %u bytes)", in->src,
				    in->size);
		if (val.type == REG_SCALAR && in->size < 8)
			val.v = sval_trunc(val.v, in->size);
		if (val.type == REG_PTR && f->regs[in->dst].type == REG_PTR &&
		    f->regs[in->dst].rgn == RGN_STACK && val.rgn == RGN_STACK &&
		    f->regs[in->dst].frame < val.frame)
			return fail(
				fx, pc, R_PTR_LEAK,
				"cannot store a pointer to this frame's stack into a caller's frame");
		return mem_access(fx, s, pc, in->dst, in->off, in->size, ACC_WRITE, false, &val,
				  NULL);
	case INSN_ATOMIC: {
		struct reg *src;

		if (in->atomic == INSN_ATOMIC_LOAD_ACQ || in->atomic == INSN_ATOMIC_STORE_REL)
			return fail(fx, pc, R_UNSUPPORTED,
				    "load-acquire/store-release not modelled yet");
		if (check_reg_read(fx, s, pc, in->dst) || check_reg_read(fx, s, pc, in->src))
			return -1;
		src = &f->regs[in->src];
		if (src->type != REG_SCALAR)
			return fail(fx, pc, R_ATOMIC, "atomic operand r%d must be a scalar",
				    in->src);
		if (in->atomic == INSN_ATOMIC_CMPXCHG) {
			if (check_reg_read(fx, s, pc, 0))
				return -1;
			if (f->regs[0].type != REG_SCALAR)
				return fail(fx, pc, R_ATOMIC,
					    "cmpxchg comparand r0 must be a scalar");
		}
		{
			struct reg *b = &f->regs[in->dst];

			if (b->type == REG_PTR && b->rgn != RGN_STACK && b->rgn != RGN_MAP_VALUE)
				return fail(fx, pc, R_ATOMIC,
					    "atomic operation on %s memory is not allowed",
					    rgn_names[b->rgn]);
			if (b->type == REG_PTR && b->rgn == RGN_MAP_VALUE) {
				struct tnum t =
					tnum_add(b->v.tn, tnum_const((uint64_t)(b->off + in->off)));

				if ((t.value | t.mask) & (in->size - 1))
					return fail(fx, pc, R_ATOMIC, "misaligned atomic access");
			}
		}
		if (mem_access(fx, s, pc, in->dst, in->off, in->size, ACC_ATOMIC, false, NULL,
			       &out))
			return -1;
		if (in->fetch) {
			int r = in->atomic == INSN_ATOMIC_CMPXCHG ? 0 : in->src;

			if (r == 10)
				return fail(fx, pc, R_R10_WRITE,
					    "r10 (the frame pointer) is read-only");
			f->regs[r] = reg_scalar(sval_trunc(sval_top(), in->size));
		}
		return 0;
	}
	case INSN_LDDW: {
		struct reg *d = &f->regs[in->dst];

		if (in->dst == 10)
			return fail(fx, pc, R_R10_WRITE, "r10 (the frame pointer) is read-only");
		switch (in->src) {
		case INSN_LDDW_IMM:
			*d = reg_const(in->imm64);
			return 0;
		case INSN_LDDW_MAP_IDX:
		case INSN_LDDW_MAP_IDX_VALUE: {
			int32_t mi = in->imm;

			if (mi < 0 || (size_t)mi >= fx->o->map_cnt)
				return fail(fx, pc, R_UNSUPPORTED, "lddw refers to map %d, unknown",
					    mi);
			if (in->src == INSN_LDDW_MAP_IDX) {
				*d = reg_ptr(RGN_MAP, 0);
			} else {
				const struct obj_map *m = &fx->o->maps[mi];

				if (m->kind == OBJ_MAP_KCONFIG)
					return fail(fx, pc, R_UNSUPPORTED,
						    ".kconfig externs not modelled");
				if (m->max_entries != 1 && m->kind == OBJ_MAP_USER)
					return fail(
						fx, pc, R_MEM_OTHER,
						"direct value access needs a single-element array map");
				*d = reg_ptr(RGN_MAP_VALUE, in->imm_hi);
				if ((uint32_t)in->imm_hi >= m->value_size && m->value_size)
					return fail(fx, pc, R_MAP_OOB,
						    "direct value offset %d past map %s (%u bytes)",
						    in->imm_hi, m->name, m->value_size);
			}
			d->map = mi;
			return 0;
		}
		case INSN_LDDW_FUNC:
			if (in->target >= fx->n ||
			    fx->p->funcs[func_of(fx->p, in->target)].start != in->target)
				return fail(fx, pc, R_BAD_JUMP,
					    "function pointer to %u, not a function entry",
					    in->target);
			*d = reg_ptr(RGN_FUNC, 0);
			d->map = (int32_t)in->target;
			return 0;
		default:
			return fail(
				fx, pc, R_UNSUPPORTED,
				"lddw with src %u (map fd, kernel symbol) cannot be analysed offline",
				in->src);
		}
	}
	case INSN_LD_ABS:
	case INSN_LD_IND: {
		struct reg *r6 = &f->regs[6];
		enum bv_prog_type t = fx->p->type;

		if (t != BV_PROG_SOCKET_FILTER && t != BV_PROG_SCHED_CLS &&
		    t != BV_PROG_SCHED_ACT && t != BV_PROG_CGROUP_SKB)
			return fail(fx, pc, R_LD_ABS,
				    "legacy packet loads are not allowed in %s programs",
				    bv_prog_type_name(t));
		if (r6->type != REG_PTR || r6->rgn != RGN_CTX || r6->off)
			return fail(fx, pc, R_LD_ABS,
				    "legacy packet load needs the context in r6 (r6 is %s)",
				    r6->type == REG_UNINIT ? "uninitialised" : "not the context");
		if (in->kind == INSN_LD_IND) {
			if (check_reg_read(fx, s, pc, in->src))
				return -1;
			if (f->regs[in->src].type != REG_SCALAR)
				return fail(fx, pc, R_LD_ABS,
					    "legacy packet load index r%d is a pointer", in->src);
		}
		if (s->nrefs)
			return fail(fx, pc, R_LD_ABS,
				    "legacy packet load while holding a reference");
		for (int i = 1; i <= 5; i++)
			f->regs[i] = reg_uninit();
		f->regs[0] = reg_scalar(sval_trunc(sval_top(), in->size));
		return 0;
	}
	default:
		return fail(fx, pc, R_UNSUPPORTED, "instruction kind %d not handled",
			    (int)in->kind);
	}
}

/* ---- bpf-to-bpf calls and exit ------------------------------------------------------------ */

static uint32_t func_of(const struct obj_prog *p, uint32_t pc)
{
	for (size_t i = 0; i < p->func_cnt; i++)
		if (pc >= p->funcs[i].start && pc < p->funcs[i].end)
			return (uint32_t)i;
	return 0;
}

enum garg {
	GARG_NONE, /* no such parameter */
	GARG_SCALAR,
	GARG_CTX,
	GARG_MEM, /* pointer to *size bytes, or NULL */
	GARG_UNKNOWN, /* no BTF, or a kind we do not model */
};

static const char *const ctx_struct_names[] = { "__sk_buff",
						"xdp_md",
						"pt_regs",
						"bpf_sock",
						"bpf_sock_addr",
						"bpf_sock_ops",
						"sk_msg_md",
						"bpf_perf_event_data",
						"bpf_raw_tracepoint_args",
						"sk_reuseport_md",
						"bpf_sk_lookup",
						"bpf_sysctl",
						"bpf_sockopt",
						"bpf_cgroup_dev_ctx" };

/* Kind of parameter @i of global function @func, from its BTF prototype (kernel:
 * btf_prepare_func_args): scalars, the context, or sized memory that may be NULL */
static enum garg global_arg(struct fx *fx, uint32_t func, uint32_t i, uint32_t *size)
{
	const struct obj_func *fn = &fx->p->funcs[func];
	struct btf_type t;
	struct btf_member m;
	uint32_t id, proto;
	const char *name;

	*size = 0;
	if (!fx->have_btf || !fn->btf_id || !btf_type_get(&fx->btf, fn->btf_id, &t) ||
	    btf_kind_of(&t) != BTF_K_FUNC)
		return GARG_UNKNOWN;
	proto = t.size_type;
	if (!btf_type_get(&fx->btf, proto, &t) || btf_kind_of(&t) != BTF_K_FUNC_PROTO)
		return GARG_UNKNOWN;
	if (i >= btf_vlen_of(&t))
		return GARG_NONE;
	if (!btf_member_get(&fx->btf, proto, i, &m))
		return GARG_UNKNOWN;
	id = btf_skip_mods(&fx->btf, m.type);
	if (!id || !btf_type_get(&fx->btf, id, &t))
		return GARG_UNKNOWN;
	switch (btf_kind_of(&t)) {
	case BTF_K_INT:
	case BTF_K_ENUM:
	case BTF_K_ENUM64:
		return GARG_SCALAR;
	case BTF_K_PTR:
		id = btf_skip_mods(&fx->btf, t.size_type);
		if (!id || !btf_type_get(&fx->btf, id, &t))
			return GARG_UNKNOWN; /* void *: size unknown, the kernel refuses it */
		name = btf_str(&fx->btf, t.name_off);
		if (btf_kind_of(&t) == BTF_K_STRUCT && name) {
			for (size_t k = 0;
			     k < sizeof(ctx_struct_names) / sizeof(ctx_struct_names[0]); k++)
				if (!strcmp(name, ctx_struct_names[k]))
					return GARG_CTX;
		}
		if (btf_size_of(&fx->btf, id, size) || *size == 0)
			return GARG_UNKNOWN;
		return GARG_MEM;
	default:
		return GARG_UNKNOWN;
	}
}

/* Whether global function @func returns a value (its BTF prototype's return type is not
 * void); true when unknown */
static bool global_returns_value(struct fx *fx, uint32_t func)
{
	const struct obj_func *fn = &fx->p->funcs[func];
	struct btf_type t;

	if (!ensure_btf(fx) || !fn->btf_id || !btf_type_get(&fx->btf, fn->btf_id, &t) ||
	    btf_kind_of(&t) != BTF_K_FUNC || !btf_type_get(&fx->btf, t.size_type, &t) ||
	    btf_kind_of(&t) != BTF_K_FUNC_PROTO)
		return true;
	return t.size_type != 0;
}

/* Arguments of a call to global function @callee: check the caller's registers
 * against the BTF prototype and give the callee what the kernel gives it */
static int global_args(struct fx *fx, struct vstate *s, const struct insn *in, uint32_t callee,
		       struct reg out[6])
{
	struct frame *caller = cur(s);
	const char *fname = fx->p->funcs[callee].name;

	for (uint32_t i = 0; i < 5; i++) {
		struct reg *a = &caller->regs[i + 1];
		uint32_t size;
		enum garg k = global_arg(fx, callee, i, &size);
		uint64_t c;

		switch (k) {
		case GARG_NONE:
			out[i + 1] = reg_uninit();
			break;
		case GARG_SCALAR:
			if (a->type != REG_SCALAR)
				return fail(fx, in->pc, R_CALL,
					    "argument r%u of global function %s must be a scalar",
					    i + 1, fname);
			out[i + 1] = reg_unknown();
			break;
		case GARG_CTX:
			if (a->type != REG_PTR || a->rgn != RGN_CTX || a->off)
				return fail(
					fx, in->pc, R_CALL,
					"argument r%u of global function %s must be the context",
					i + 1, fname);
			out[i + 1] = *a;
			break;
		case GARG_MEM:
			if (!(reg_is_const(a, &c) && c == 0)) {
				if (a->type == REG_UNINIT)
					return fail(fx, in->pc, R_REG_UNINIT,
						    "argument r%u of %s is not initialised", i + 1,
						    fname);
				/* the parameter may be NULL, so may the argument: check the rest */
				bool mn = a->maybe_null;
				int r;

				/* checked for reading and writing, as check_mem_reg does: what the
				 * callee may write becomes unknown to the caller */
				a->maybe_null = false;
				r = helper_mem(fx, s, in->pc, (int)i + 1, size, size, true, false,
					       HLP_PKT_ACCESS, fname);
				a->maybe_null = mn;
				if (r)
					return -1;
			}
			out[i + 1] = reg_ptr(RGN_MEM, 0);
			out[i + 1].maybe_null = true;
			out[i + 1].id = ++fx->next_id;
			out[i + 1].range = size;
			break;
		default:
			return fail(
				fx, in->pc, R_UNSUPPORTED,
				"global function %s: argument %u has a type that is not modelled "
				"(no BTF, or a pointer without a known size)",
				fname, i + 1);
		}
	}
	return 0;
}

static int do_local_call(struct fx *fx, struct vstate *s, const struct insn *in)
{
	uint32_t callee = func_of(fx->p, in->target);
	struct frame *caller = cur(s), *nf;
	bool global = callee < fx->p->func_cnt && fx->p->funcs[callee].global && callee != 0;

	if (s->nframes >= ST_MAX_FRAMES)
		return fail(fx, in->pc, R_DEPTH, "call chain deeper than %d frames", ST_MAX_FRAMES);
	for (uint32_t i = 0; i < s->nframes; i++)
		if (s->fr[i].func == callee)
			return fail(fx, in->pc, R_DEPTH, "recursive call to %s",
				    fx->p->funcs[callee].name);
	if (s->lock_held)
		return fail(fx, in->pc, R_LOCK, "function call while holding a bpf_spin_lock");
	fx->calls[caller->func * fx->p->func_cnt + callee] = 1;
	if (global) {
		/* verified once for every caller, against its BTF signature, as the kernel does */
		struct reg ga[6];

		if (global_args(fx, s, in, callee, ga))
			return -1;
		caller = cur(s);
		nf = &s->fr[s->nframes++];
		memset(nf, 0, sizeof(*nf));
		for (int i = 0; i < ST_NREGS; i++)
			nf->regs[i] = reg_uninit();
		for (int i = 1; i <= 5; i++)
			nf->regs[i] = ga[i];
	} else {
		nf = &s->fr[s->nframes++];
		memset(nf, 0, sizeof(*nf));
		for (int i = 0; i < ST_NREGS; i++)
			nf->regs[i] = reg_uninit();
		for (int i = 1; i <= 5; i++)
			nf->regs[i] = caller->regs[i];
	}
	nf->regs[10] = reg_ptr(RGN_STACK, 0);
	nf->regs[10].frame = (uint8_t)(s->nframes - 1);
	nf->callsite = in->pc;
	nf->func = callee;
	return 0;
}

/* Returns 1 when the path ends (main exit), 0 to continue at *next, -1 on failure */
/* What must be given back when a path ends (program exit, end of an asynchronous
 * callback): references, the spin lock, the RCU read section */
static int end_of_path_checks(struct fx *fx, const struct vstate *s, uint32_t pc, const char *when)
{
	if (s->nrefs)
		return fail(fx, pc, R_REF_LEAK,
			    "reference acquired at instruction %u is not released before %s",
			    s->ref_pc[0], when);
	if (s->lock_held)
		return fail(fx, pc, R_LOCK, "bpf_spin_lock still held at exit");
	if (s->rcu_depth)
		return fail(
			fx, pc, R_KFUNC_USE,
			"exit inside a bpf_rcu_read_lock() region: call bpf_rcu_read_unlock() first");
	return 0;
}

static int do_exit(struct fx *fx, struct vstate *s, const struct insn *in, uint32_t *next)
{
	struct frame *f = cur(s);
	struct reg *r0 = &f->regs[0];
	uint32_t pc = in->pc;

	/* a static subprogram may leave r0 unset (its caller then cannot read it); a global
	 * one must return what its BTF prototype says (btf_prepare_func_args) */
	if (r0->type == REG_UNINIT && (s->nframes == 1 || (fx->p->funcs[f->func].global &&
							   global_returns_value(fx, f->func))))
		return fail(fx, pc, R_EXIT_R0,
			    "r0 is not set at exit (the return value is undefined)");
	if (s->nframes == 1 && f->async_helper) {
		/* end of an asynchronous callback (timer): returns 0 (set_timer_callback_state),
		 * having released what it acquired */
		if (end_of_path_checks(fx, s, pc, "the callback returns"))
			return -1;
		if (r0->type != REG_SCALAR || r0->v.r.smin != 0 || r0->v.r.smax != 0) {
			char b[256] = "a pointer";

			if (r0->type == REG_SCALAR)
				sval_snprint_compact(b, sizeof(b), r0->v);
			return fail(fx, pc, R_RET_RANGE,
				    "timer callback returns %s: it must return 0", b);
		}
		return 1;
	}
	if (s->nframes > 1 && f->cb_helper) {
		uint32_t helper = f->cb_helper, target = f->cb_target, callsite = f->callsite;
		struct reg args[6];
		struct vstate *t;
		struct frame *c;

		if (r0->type != REG_SCALAR || r0->v.r.smin < 0 || r0->v.r.smax > 1) {
			char b[256] = "a pointer";

			if (r0->type == REG_SCALAR)
				sval_snprint_compact(b, sizeof(b), r0->v);
			return fail(fx, pc, R_RET_RANGE,
				    "callback returns %s: it must return 0 (continue) or 1 (stop)",
				    b);
		}
		free(f->slots);
		f->slots = NULL;
		f->nslots = 0;
		s->nframes--;
		if (callback_args(fx, s, callsite, helper, args))
			return -1;
		/* one more iteration, from the caller's state as it is now */
		t = state_copy(fx, s);
		if (!t)
			return fail(fx, pc, R_BUDGET, "out of memory");
		if (enter_callback(fx, t, callsite, helper, target, args)) {
			state_free(fx, t);
			return -1;
		}
		if (push_pending(fx, t, target))
			return -1;
		/* or the helper returns */
		c = cur(s);
		for (int i = 1; i <= 5; i++)
			c->regs[i] = reg_uninit();
		c->regs[0] = reg_unknown();
		*next = callsite + 1;
		return 0;
	}
	if (s->nframes > 1) {
		struct frame *c = &s->fr[s->nframes - 2];
		struct reg ret = *r0;
		bool global = fx->p->funcs[f->func].global;

		if (ret.type == REG_PTR && ret.rgn == RGN_STACK && ret.frame == s->nframes - 1)
			return fail(fx, pc, R_PTR_LEAK,
				    "returning a pointer to the callee's own stack");
		if (global && ret.type != REG_UNINIT) {
			if (ret.type != REG_SCALAR)
				return fail(fx, pc, R_RET_PTR,
					    "global function %s must return a scalar",
					    fx->p->funcs[f->func].name);
			ret = reg_unknown();
		}
		if (s->lock_held)
			return fail(fx, pc, R_LOCK,
				    "function returns while holding a bpf_spin_lock");
		*next = f->callsite + 1;
		free(f->slots);
		f->slots = NULL;
		f->nslots = 0;
		s->nframes--;
		for (int i = 1; i <= 5; i++)
			c->regs[i] = reg_uninit();
		c->regs[0] = ret;
		return 0;
	}
	if (end_of_path_checks(fx, s, pc, "exit"))
		return -1;
	{
		int64_t lo, hi;
		bool ranged = ctx_ret_range(fx->p->type, fx->p->expected_attach, &lo, &hi);
		bool only32 = false;

		if (fx->p->type == BV_PROG_LSM) {
			/* bpf_lsm_get_retval_range: per hook, from its prototype; checked on the
			 * 32-bit subregister */
			if (!fx->tg_ok)
				return fail(fx, pc, R_UNSUPPORTED,
					    "the return range of an LSM hook is unknown: %s",
					    fx->tg_err);
			ranged = kb_lsm_ret_range(fx->kb, &fx->tg, &lo, &hi);
			only32 = true;
		}

		if (r0->type == REG_PTR && (ranged || fx->unpriv))
			return fail(
				fx, pc, r0->type == REG_PTR && !ranged ? R_PTR_LEAK : R_RET_PTR,
				"r0 holds a %s pointer at exit: the return value must be a scalar",
				rgn_names[r0->rgn]);
		if (ranged) {
			struct sval v = r0->v;

			/* the kernel checks the 64-bit bounds (r0 = 1 << 32 is out of range) */
			if (v.r.s32_min < lo || v.r.s32_max > hi ||
			    (!only32 && (v.r.smin < lo || v.r.smax > hi))) {
				char b[256];

				sval_snprint_compact(b, sizeof(b), v);
				return fail(fx, pc, R_RET_RANGE,
					    "return value %s is outside [%" PRId64 ", %" PRId64
					    "] allowed for %s programs",
					    b, lo, hi, bv_prog_type_name(fx->p->type));
			}
		}
	}
	return 1;
}

/* ---- static facts: successors, liveness, prune points ------------------------------------- */

static void uses_defs(const struct insn *in, uint16_t *use, uint16_t *def)
{
	uint16_t u = 0, d = 0;

	switch (in->kind) {
	case INSN_ALU:
		if (in->alu != INSN_ALU_MOV && in->alu != INSN_ALU_MOVSX)
			u |= (uint16_t)(1u << in->dst);
		if (in->src_reg)
			u |= (uint16_t)(1u << in->src);
		d |= (uint16_t)(1u << in->dst);
		break;
	case INSN_END:
		u |= (uint16_t)(1u << in->dst);
		d |= (uint16_t)(1u << in->dst);
		break;
	case INSN_LDX:
		u |= (uint16_t)(1u << in->src);
		d |= (uint16_t)(1u << in->dst);
		break;
	case INSN_ST:
		u |= (uint16_t)(1u << in->dst);
		break;
	case INSN_STX:
		u |= (uint16_t)((1u << in->dst) | (1u << in->src));
		break;
	case INSN_ATOMIC:
		u |= (uint16_t)((1u << in->dst) | (1u << in->src));
		if (in->atomic == INSN_ATOMIC_CMPXCHG) {
			u |= 1;
			d |= 1;
		} else if (in->fetch) {
			d |= (uint16_t)(1u << in->src);
		}
		break;
	case INSN_JCOND:
		u |= (uint16_t)(1u << in->dst);
		if (in->src_reg)
			u |= (uint16_t)(1u << in->src);
		break;
	case INSN_CALL:
	case INSN_CALLX:
		u |= 0x3e; /* r1-r5 */
		if (in->kind == INSN_CALLX)
			u |= (uint16_t)(1u << in->dst);
		d |= 0x3f;
		break;
	case INSN_EXIT:
		u |= 1;
		break;
	case INSN_LDDW:
		d |= (uint16_t)(1u << in->dst);
		break;
	case INSN_LD_ABS:
	case INSN_LD_IND:
		u |= 1u << 6;
		if (in->kind == INSN_LD_IND)
			u |= (uint16_t)(1u << in->src);
		d |= 0x3f;
		break;
	default:
		break;
	}
	u |= 1u << 10;
	*use = u;
	*def = (uint16_t)(d & ~(1u << 10));
}

static int succs(const struct insn *in, size_t n, uint32_t out[2])
{
	int k = 0;

	switch (in->kind) {
	case INSN_EXIT:
		return 0;
	case INSN_JA:
		out[k++] = in->target;
		return k;
	case INSN_JCOND:
	case INSN_MAY_GOTO:
		out[k++] = in->pc + 1;
		out[k++] = in->target;
		return k;
	case INSN_LDDW:
		if (in->pc + 2 < n)
			out[k++] = in->pc + 2;
		return k;
	case INSN_LDDW_HI:
		return 0;
	default:
		if (in->pc + 1 < n)
			out[k++] = in->pc + 1;
		return k;
	}
}

/* Backward may-liveness of registers: live[pc] = regs possibly read before written from pc */
static void compute_liveness(struct fx *fx)
{
	bool changed = true;

	memset(fx->live, 0, fx->n * sizeof(*fx->live));
	while (changed) {
		changed = false;
		for (size_t i = fx->n; i-- > 0;) {
			const struct insn *in = &fx->in[i];
			uint32_t sv[2];
			int ns;
			uint16_t use, def, out = 0, nl;

			if (in->kind == INSN_LDDW_HI)
				continue;
			ns = succs(in, fx->n, sv);
			for (int j = 0; j < ns; j++)
				out |= fx->live[sv[j]];
			uses_defs(in, &use, &def);
			nl = (uint16_t)(use | (out & ~def));
			if (nl != fx->live[i]) {
				fx->live[i] = nl;
				changed = true;
			}
		}
	}
}

/* Static CFG checks the kernel applies before interpretation (check_cfg) */
static int check_cfg(struct fx *fx)
{
	uint8_t *seen = calloc(fx->n, 1);
	uint32_t *work = malloc(fx->n * sizeof(uint32_t) * 2 + 8);
	size_t wn = 0;

	if (!seen || !work) {
		free(seen);
		free(work);
		return fail(fx, 0, R_BUDGET, "out of memory");
	}
	seen[0] = 1;
	work[wn++] = 0;
	while (wn) {
		uint32_t pc = work[--wn], sv[2];
		const struct insn *in = &fx->in[pc];
		int ns = succs(in, fx->n, sv);
		uint32_t fpc = func_of(fx->p, pc);

		if (in->kind == INSN_CALL && in->src == INSN_CALL_LOCAL) {
			if (in->target >= fx->n ||
			    fx->p->funcs[func_of(fx->p, in->target)].start != in->target) {
				free(seen);
				free(work);
				return fail(fx, pc, R_BAD_JUMP,
					    "call target %u is not a function entry", in->target);
			}
			sv[ns++] = in->target;
		}
		if (in->kind == INSN_LDDW && in->src == INSN_LDDW_FUNC && in->target < fx->n &&
		    !seen[in->target]) {
			/* callback body: reachable, analysed when a helper calls it */
			seen[in->target] = 1;
			fx->prune[in->target] = 1;
			work[wn++] = in->target;
		}
		for (int j = 0; j < ns; j++) {
			uint32_t t = sv[j];

			if (t >= fx->n) {
				free(seen);
				free(work);
				return fail(fx, pc, R_BAD_JUMP,
					    "control flows past the end of the program");
			}
			if (!(in->kind == INSN_CALL && t == in->target &&
			      in->src == INSN_CALL_LOCAL) &&
			    func_of(fx->p, t) != fpc) {
				free(seen);
				free(work);
				return fail(fx, pc, R_BAD_JUMP,
					    "jump from %s into another function at %u",
					    fx->p->funcs[fpc].name, t);
			}
			if (in->kind == INSN_JA || in->kind == INSN_JCOND ||
			    in->kind == INSN_MAY_GOTO) {
				fx->prune[t] = 1;
				if (t <= pc)
					fx->loophead[t] = 1;
			}
			if (in->kind == INSN_MAY_GOTO) {
				/* the loop it bounds converges here (is_state_visited) */
				fx->prune[pc] = 1;
				fx->may_goto = true;
			}
			if (!seen[t]) {
				seen[t] = 1;
				work[wn++] = t;
			}
		}
	}
	for (size_t i = 0; i < fx->n; i++) {
		if (!seen[i] && fx->in[i].kind != INSN_LDDW_HI &&
		    !(i > 0 && fx->in[i - 1].kind == INSN_LDDW)) {
			free(seen);
			free(work);
			return fail(fx, (uint32_t)i, R_BAD_JUMP,
				    "instruction %zu is unreachable (the kernel rejects dead code)",
				    i);
		}
	}
	free(seen);
	free(work);
	return 0;
}

/* ---- state comparison --------------------------------------------------------------------- */

struct idmap {
	uint32_t o[64], c[64];
	int n;
	bool overflow;
};

static bool id_match(struct idmap *m, uint32_t o, uint32_t c)
{
	if (!o && !c)
		return true;
	if (!o || !c)
		return false;
	for (int i = 0; i < m->n; i++) {
		if (m->o[i] == o)
			return m->c[i] == c;
		if (m->c[i] == c)
			return false;
	}
	if (m->n == 64) {
		m->overflow = true;
		return false;
	}
	m->o[m->n] = o;
	m->c[m->n] = c;
	m->n++;
	return true;
}

/* Is every concrete value of @c allowed by @o (o was fully explored)? */
static bool reg_leq(const struct reg *c, const struct reg *o, struct idmap *m, bool exact)
{
	if (o->type == REG_UNINIT)
		return exact ? c->type == REG_UNINIT : true;
	if (c->type != o->type)
		return false;
	if (o->type == REG_SCALAR) {
		if (exact ? !sval_eq(c->v, o->v) : !sval_leq(c->v, o->v))
			return false;
		/* linked scalars: a refinement in o's future must also be right for c */
		if (o->id && !id_match(m, o->id, c->id))
			return false;
		return true;
	}
	if (c->rgn != o->rgn || c->maybe_null != o->maybe_null || c->rdonly != o->rdonly ||
	    c->map != o->map || c->frame != o->frame || c->off != o->off || c->trust != o->trust)
		return false;
	if (exact ? !sval_eq(c->v, o->v) : !sval_leq(c->v, o->v))
		return false;
	if (c->rgn == RGN_MEM && c->range != o->range)
		return false;
	if ((c->rgn == RGN_PKT || c->rgn == RGN_PKT_META) &&
	    (exact ? c->range != o->range : c->range < o->range))
		return false;
	if (!id_match(m, o->id, c->id))
		return false;
	if (!id_match(m, o->ref ? o->ref | 0x80000000u : 0, c->ref ? c->ref | 0x80000000u : 0))
		return false;
	return true;
}

static bool state_leq(struct fx *fx, const struct vstate *c, const struct vstate *o, uint32_t pc,
		      bool exact)
{
	struct idmap m;

	m.n = 0;
	m.overflow = false;
	if (c->nframes != o->nframes || c->lock_held != o->lock_held || c->nrefs != o->nrefs ||
	    c->rcu_depth != o->rcu_depth)
		return false;
	if (c->lock_held && !id_match(&m, o->lock_id, c->lock_id))
		return false;
	for (uint32_t fi = 0; fi < c->nframes; fi++) {
		const struct frame *cf = &c->fr[fi], *of = &o->fr[fi];
		bool inner = fi == c->nframes - 1;
		uint16_t live = inner ? fx->live[pc] : 0x3c0; /* r6-r9 survive a return */
		uint32_t ns = cf->nslots > of->nslots ? cf->nslots : of->nslots;

		if (cf->callsite != of->callsite || cf->func != of->func ||
		    cf->cb_helper != of->cb_helper || cf->async_helper != of->async_helper)
			return false;
		for (int r = 0; r < 10; r++) {
			if (!(live & (1u << r)))
				continue;
			if (!reg_leq(&cf->regs[r], &of->regs[r], &m, exact))
				return false;
		}
		for (uint32_t si = 0; si < ns; si++) {
			static const struct slot empty;
			const struct slot *cs = si < cf->nslots ? &cf->slots[si] : &empty;
			const struct slot *os = si < of->nslots ? &of->slots[si] : &empty;

			if (exact) {
				if (memcmp(cs->kind, os->kind, 8) ||
				    cs->spill_size != os->spill_size)
					return false;
				if (os->spill_size && !reg_leq(&cs->spill, &os->spill, &m, true))
					return false;
				continue;
			}
			if (os->spill_size) {
				if (cs->spill_size != os->spill_size ||
				    memcmp(cs->kind, os->kind, 8))
					return false;
				if (!reg_leq(&cs->spill, &os->spill, &m, false))
					return false;
				continue;
			}
			for (int j = 0; j < 8; j++) {
				uint8_t ok = os->kind[j], ck = cs->kind[j];

				if (ok == SK_INVALID)
					continue;
				if (ok == SK_ZERO && ck != SK_ZERO)
					return false;
				if (ok == SK_MISC) {
					if (ck == SK_INVALID && fx->unpriv)
						return false;
					if (ck == SK_SPILL && cs->spill.type == REG_PTR)
						return false;
				}
			}
		}
	}
	for (uint32_t i = 0; i < c->nrefs; i++) {
		bool found = false;

		for (uint32_t j = 0; j < o->nrefs; j++)
			if (id_match(&m, o->refs[j] | 0x80000000u, c->refs[i] | 0x80000000u))
				found = true;
		if (!found)
			return false;
	}
	return !m.overflow;
}

/* ---- the exploration ---------------------------------------------------------------------- */

static void path_done(struct fx *fx)
{
	struct ckpt *c = fx->cur_parent;

	while (c) {
		c->branches--;
		if (c->branches)
			break;
		c = c->parent;
	}
	fx->cur_parent = NULL;
}

static int push_pending(struct fx *fx, struct vstate *t, uint32_t pc)
{
	if (fx->sp >= 8192) {
		state_free(fx, t);
		return fail(fx, pc, R_LOOP,
			    "more than 8192 branches pending at once (the kernel's limit): the "
			    "program is too complex, likely a loop without a usable bound");
	}
	if (fx->sp == fx->scap) {
		size_t nc = fx->scap ? fx->scap * 2 : 64;
		struct pend *np = realloc(fx->stack, nc * sizeof(*np));

		if (!np) {
			state_free(fx, t);
			return fail(fx, pc, R_BUDGET, "out of memory");
		}
		fx->stack = np;
		fx->scap = nc;
	}
	fx->stack[fx->sp].st = t;
	fx->stack[fx->sp].pc = pc;
	fx->stack[fx->sp].parent = fx->cur_parent;
	fx->sp++;
	if (fx->cur_parent)
		fx->cur_parent->branches++;
	return 0;
}

/* ---- bounded trace partitioning: joining states ------------------------------------------ */

#define FIX_JOIN_AT 12 /* states kept apart at one point before new ones are joined */

struct idjoin {
	uint32_t a[64], b[64], c[64];
	int n;
};

static uint32_t id_join(struct fx *fx, struct idjoin *m, uint32_t a, uint32_t b)
{
	if (!a && !b)
		return 0;
	for (int i = 0; i < m->n; i++)
		if (m->a[i] == a && m->b[i] == b)
			return m->c[i];
	if (m->n == 64)
		return ++fx->next_id;
	m->a[m->n] = a;
	m->b[m->n] = b;
	m->c[m->n] = (a == b) ? a : ++fx->next_id;
	return m->c[m->n++];
}

static struct sval sval_merge(struct sval a, struct sval b, bool widen)
{
	return widen ? sval_widen(a, sval_join(a, b), NULL, 0) : sval_join(a, b);
}

/*
 * A register holding every value of @a and of @b, or "uninitialised", which
 * no instruction may use: a sound stand-in for values we cannot describe
 * together (a path that uses it is rejected, never wrongly accepted).
 */
static struct reg reg_join(struct fx *fx, const struct reg *a, const struct reg *b,
			   struct idjoin *m, bool widen)
{
	struct reg r;

	if (a->type != b->type || a->type == REG_UNINIT)
		return reg_uninit();
	if (a->type == REG_SCALAR)
		return reg_scalar(sval_merge(a->v, b->v, widen));
	if (a->rgn != b->rgn || a->maybe_null != b->maybe_null || a->rdonly != b->rdonly ||
	    a->map != b->map || a->frame != b->frame || a->ref != b->ref || a->trust != b->trust ||
	    (a->rgn == RGN_MEM && a->range != b->range) || a->rgn == RGN_FUNC)
		return reg_uninit();
	r = *a;
	if (a->off == b->off) {
		r.v = sval_merge(a->v, b->v, widen);
	} else {
		struct sval va = sval_alu(SVAL_ADD, a->v, sval_const((uint64_t)a->off), true);
		struct sval vb = sval_alu(SVAL_ADD, b->v, sval_const((uint64_t)b->off), true);

		if (a->rgn == RGN_PKT || a->rgn == RGN_PKT_META || a->rgn == RGN_CTX ||
		    a->rgn == RGN_ITER || a->rgn == RGN_BTF || a->rgn == RGN_TP_BUF)
			return reg_uninit(); /* ranges and fields are relative to the offset */
		r.off = 0;
		r.v = sval_merge(va, vb, widen);
	}
	if (a->rgn == RGN_PKT || a->rgn == RGN_PKT_META) {
		r.range = a->range < b->range ? a->range : b->range;
		if (a->id != b->id || !sval_eq(a->v, b->v))
			r.range = 0;
	}
	r.id = id_join(fx, m, a->id, b->id);
	return r;
}

/* Join @b into @a (same shape required: frames, references, lock); false if impossible */
static bool state_join(struct fx *fx, struct vstate *a, const struct vstate *b, bool widen)
{
	struct idjoin m;

	m.n = 0;
	if (a->nframes != b->nframes || a->nrefs != b->nrefs || a->lock_held != b->lock_held ||
	    a->lock_id != b->lock_id || a->rcu_depth != b->rcu_depth)
		return false;
	for (uint32_t i = 0; i < a->nrefs; i++)
		if (a->refs[i] != b->refs[i])
			return false;
	for (uint32_t fi = 0; fi < a->nframes; fi++) {
		const struct frame *bf = &b->fr[fi];
		struct frame *af = &a->fr[fi];

		if (af->callsite != bf->callsite || af->func != bf->func ||
		    af->cb_helper != bf->cb_helper || af->async_helper != bf->async_helper)
			return false;
	}
	for (uint32_t fi = 0; fi < a->nframes; fi++) {
		struct frame *af = &a->fr[fi];
		const struct frame *bf = &b->fr[fi];

		for (int r = 0; r < ST_NREGS; r++)
			af->regs[r] = reg_join(fx, &af->regs[r], &bf->regs[r], &m, widen);
		if (bf->nslots > af->nslots && grow_stack(fx, af, bf->nslots))
			return false;
		for (uint32_t si = 0; si < af->nslots; si++) {
			static const struct slot empty;
			struct slot *as = &af->slots[si];
			const struct slot *bs = si < bf->nslots ? &bf->slots[si] : &empty;

			if (as->spill_size && as->spill_size == bs->spill_size &&
			    !memcmp(as->kind, bs->kind, 8)) {
				as->spill = reg_join(fx, &as->spill, &bs->spill, &m, widen);
				if (as->spill.type == REG_UNINIT) {
					as->spill_size = 0;
					for (int j = 0; j < 8; j++)
						if (as->kind[j] == SK_SPILL)
							as->kind[j] = SK_MISC;
				}
				continue;
			}
			if (as->spill_size || bs->spill_size) {
				as->spill_size = 0;
				as->spill = reg_uninit();
			}
			for (int j = 0; j < 8; j++) {
				uint8_t x = as->kind[j], y = bs->kind[j];

				if (x == SK_INVALID || y == SK_INVALID)
					as->kind[j] = SK_INVALID;
				else if (x == SK_ZERO && y == SK_ZERO)
					as->kind[j] = SK_ZERO;
				else
					as->kind[j] = SK_MISC;
			}
		}
	}
	return true;
}

static bool in_callback(const struct vstate *s)
{
	for (uint32_t i = 0; i < s->nframes; i++)
		if (s->fr[i].cb_helper)
			return true;
	return false;
}

/* 1: pruned, 0: continue, -1: failure */
static int visit(struct fx *fx, struct vstate *s, uint32_t pc)
{
	struct ckpt *c;

	/* iterations bounded by a helper (callbacks) or by the kernel's may_goto counter */
	bool bounded = in_callback(s) || fx->in[pc].kind == INSN_MAY_GOTO ||
		       (fx->kf && fx->kf[pc] && (fx->kf[pc]->flags & KF_ITER_NEXT));

	fx->visits[pc]++;
	for (c = fx->ck[pc]; c; c = c->next) {
		if (c->branches == 0) {
			if (state_leq(fx, s, c->st, pc, false))
				return 1;
		} else if (bounded) {
			/* a state the ongoing exploration of an earlier iteration already
			 * covers adds nothing: the iteration count is bounded at run time */
			if (state_leq(fx, s, c->st, pc, false))
				return 1;
		} else if (s->may_goto_depth == c->st->may_goto_depth &&
			   state_leq(fx, s, c->st, pc, true) && state_leq(fx, c->st, s, pc, true)) {
			return fail(
				fx, pc, R_LOOP,
				"infinite loop: the state at instruction %u repeats with no progress",
				pc);
		}
	}
	if (bounded && fx->ck_cnt[pc] >= 4) {
		/*
		 * Callback iterations that keep changing (a counter in the callback's context):
		 * widen against the latest iteration still being explored, so the next one is
		 * covered by it (the kernel widens imprecise scalars here too).
		 */
		for (c = fx->ck[pc]; c; c = c->next) {
			struct vstate *j;

			if (!c->branches)
				continue;
			/* widening takes the earlier state first: widen(old, old join new) */
			j = state_copy(fx, c->st);
			if (!j)
				return fail(fx, pc, R_BUDGET, "out of memory");
			if (!state_join(fx, j, s, true)) {
				state_free(fx, j);
				continue;
			}
			/* the path's iteration depth goes on growing (no exact repeat) */
			j->may_goto_depth = s->may_goto_depth;
			for (uint32_t i = 0; i < s->nframes; i++)
				free(s->fr[i].slots);
			*s = *j;
			free(j);
			break;
		}
	}
	if (fx->ck_cnt[pc] >= FIX_JOIN_AT && !fx->loophead[pc]) {
		/* too many paths meet here: continue with one state that covers this one and a
		 * completed one, which it replaces (widened after repeated joins) */
		struct ckpt **pp;

		for (pp = &fx->ck[pc]; *pp; pp = &(*pp)->next) {
			struct ckpt *o = *pp;
			struct vstate *j;

			if (o->branches)
				continue;
			j = state_copy(fx, o->st);
			if (!j)
				return fail(fx, pc, R_BUDGET, "out of memory");
			if (!state_join(fx, j, s, o->joins >= 2)) {
				state_free(fx, j);
				continue;
			}
			/* swap the joined state in as the current one */
			j->may_goto_depth = s->may_goto_depth;
			for (uint32_t i = 0; i < s->nframes; i++)
				free(s->fr[i].slots);
			*s = *j;
			free(j);
			*pp = o->next;
			c = calloc(1, sizeof(*c));
			if (!c) {
				state_free(fx, o->st);
				free(o);
				return fail(fx, pc, R_BUDGET, "out of memory");
			}
			c->joins = o->joins + 1;
			state_free(fx, o->st);
			free(o);
			fx->ck_cnt[pc]--;
			goto store;
		}
	}
	if (fx->ck_cnt[pc] >= FIX_MAX_CKPT_PER_PC)
		return 0;
	c = calloc(1, sizeof(*c));
store:
	if (!c)
		return fail(fx, pc, R_BUDGET, "out of memory");
	c->st = state_copy_sz(fx, s, false);
	if (!c->st) {
		free(c);
		return fail(fx, pc, R_BUDGET, "out of memory");
	}
	c->branches = 1;
	c->parent = fx->cur_parent;
	c->pc = pc;
	c->next = fx->ck[pc];
	fx->ck[pc] = c;
	fx->ck_cnt[pc]++;
	fx->cur_parent = c;
	fx->res->states++;
	return 0;
}

static struct vstate *entry_state(struct fx *fx)
{
	struct vstate *s = xmalloc(fx, sizeof(*s));

	if (!s)
		return NULL;
	memset(s, 0, sizeof(*s));
	s->full = 1;
	s->nframes = 1;
	for (int i = 0; i < ST_NREGS; i++)
		s->fr[0].regs[i] = reg_uninit();
	s->fr[0].regs[1] = reg_ptr(RGN_CTX, 0);
	s->fr[0].regs[10] = reg_ptr(RGN_STACK, 0);
	return s;
}

/*
 * verifier.c:check_map_prog_compatibility, for every map the program references
 * (at load time, reachable or not): kprobe, tracepoint, perf_event and raw
 * tracepoint programs cannot use maps holding a bpf_spin_lock or bpf_timer, socket
 * filters no bpf_spin_lock, and sleepable programs only some map types.
 */
static int check_map_compat(struct fx *fx)
{
	const struct obj_prog *p = fx->p;
	bool tracing = p->type == BV_PROG_KPROBE || p->type == BV_PROG_TRACEPOINT ||
		       p->type == BV_PROG_PERF_EVENT || p->type == BV_PROG_RAW_TRACEPOINT ||
		       p->type == BV_PROG_RAW_TRACEPOINT_WRITABLE;

	for (size_t i = 0; i < p->rel_cnt; i++) {
		const struct obj_rel *r = &p->rels[i];
		const struct obj_map *m;

		if ((r->kind != OBJ_REL_MAP && r->kind != OBJ_REL_MAP_VALUE) || r->map < 0 ||
		    (size_t)r->map >= fx->o->map_cnt)
			continue;
		m = &fx->o->maps[r->map];
		if (m->btf_value_type && (tracing || p->type == BV_PROG_SOCKET_FILTER) &&
		    spin_lock_offset(fx, r->map) >= 0)
			return fail(fx, r->pc, R_HELPER_UNAVAIL,
				    "%s programs cannot use map %s: it holds a bpf_spin_lock",
				    tracing ? "tracing" : "socket filter", m->name);
		if (m->btf_value_type && tracing && timer_offset(fx, r->map) >= 0)
			return fail(fx, r->pc, R_HELPER_UNAVAIL,
				    "tracing programs cannot use map %s: it holds a bpf_timer",
				    m->name);
		if (fx->sleepable) {
			switch (m->type) {
			case 1: /* hash */
			case 2: /* array */
			case 5: /* percpu_hash */
			case 6: /* percpu_array */
			case 9: /* lru_hash */
			case 10: /* lru_percpu_hash */
			case 12: /* array_of_maps */
			case 13: /* hash_of_maps */
			case 22: /* queue */
			case 23: /* stack */
			case 24: /* sk_storage */
			case 27: /* ringbuf */
			case 28: /* inode_storage */
			case 29: /* task_storage */
			case 31: /* user_ringbuf */
			case 32: /* cgrp_storage */
				break;
			default:
				return fail(
					fx, r->pc, R_HELPER_UNAVAIL,
					"sleepable programs can only use array, hash, ring buffer "
					"and local storage maps (map %s has type %u)",
					m->name, m->type);
			}
		}
	}
	return 0;
}

static int check_stack_depth(struct fx *fx)
{
	size_t n = fx->p->func_cnt;
	uint32_t best = 0;
	/* longest path in the (acyclic, recursion is rejected) call graph from function 0 */
	uint32_t *memo = calloc(n, sizeof(uint32_t));
	uint8_t *done = calloc(n, 1);

	/*
	 * Private stacks (Linux 6.13+, x86-64 JIT; bpf_enable_priv_stack): for kprobe,
	 * tracepoint, perf_event and raw_tracepoint programs without tail calls, a function
	 * whose (16-byte rounded) frame is at least 64 bytes runs on its own stack: it must
	 * fit in 512 bytes by itself and does not count towards the combined depth.
	 */
	bool priv = fx->p->type == BV_PROG_KPROBE || fx->p->type == BV_PROG_TRACEPOINT ||
		    fx->p->type == BV_PROG_PERF_EVENT || fx->p->type == BV_PROG_RAW_TRACEPOINT;

	for (size_t f = 0; f < n; f++)
		if (fx->tail_func[f])
			priv = false;
	if (!memo || !done) {
		free(memo);
		free(done);
		return 0;
	}
	for (size_t round = 0; round < n + 1; round++) {
		bool ch = false;

		for (size_t f = n; f-- > 0;) {
			uint32_t d = fx->func_depth[f] ? ((fx->func_depth[f] + 31) & ~31u) : 32;
			uint32_t mx = 0;

			if (priv && ((fx->func_depth[f] + 15) & ~15u) >= 64)
				d = 0; /* on its private stack */

			for (size_t g = 0; g < n; g++)
				if (fx->calls[f * n + g] && memo[g] > mx)
					mx = memo[g];
			if (memo[f] != d + mx) {
				memo[f] = d + mx;
				ch = true;
			}
		}
		if (!ch)
			break;
	}
	best = memo[0];
	/* an asynchronous callback starts its own call chain */
	for (size_t f = 1; f < n; f++)
		if (fx->async_root && fx->async_root[f] && memo[f] > best)
			best = memo[f];
	/*
	 * A subprogram that tail-calls may have at most 256 bytes of stack in the frames
	 * below it (check_max_stack_depth_subprog): before[f] is the deepest such sum.
	 */
	{
		uint32_t *before = calloc(n + 1, sizeof(uint32_t));

		if (before) {
			for (size_t round = 0; round < n + 1; round++) {
				bool ch = false;

				for (size_t g = 0; g < n; g++) {
					uint32_t d = fx->func_depth[g]
							     ? ((fx->func_depth[g] + 31) & ~31u)
							     : 32;

					for (size_t f = 0; f < n; f++)
						if (fx->calls[g * n + f] &&
						    before[g] + d > before[f]) {
							before[f] = before[g] + d;
							ch = true;
						}
				}
				if (!ch)
					break;
			}
			for (size_t f = 1; f < n; f++) {
				if (fx->tail_func[f] && before[f] >= 256) {
					uint32_t b = before[f];

					free(before);
					free(memo);
					free(done);
					return fail(
						fx, fx->p->funcs[f].start, R_TAIL_CALL,
						"%s uses bpf_tail_call with %u bytes of stack in the "
						"frames below it; the kernel allows under 256",
						fx->p->funcs[f].name, b);
				}
			}
			free(before);
		}
	}
	free(memo);
	free(done);
	if (n > 1 && best > ST_STACK_SIZE)
		return fail(fx, 0, R_STACK_OOB,
			    "combined stack of the deepest call chain is %u bytes, more than %d",
			    best, ST_STACK_SIZE);
	return 0;
}

void fix_run(const struct obj *o, const struct obj_prog *p, const struct insn *insns,
	     const struct bv_options *opt, struct fix_result *res)
{
	fix_run_hooked(o, p, insns, opt, res, NULL);
}

void fix_run_hooked(const struct obj *o, const struct obj_prog *p, const struct insn *insns,
		    const struct bv_options *opt, struct fix_result *res, const struct fix_hook *h)
{
	struct fx fx;
	struct vstate *s = NULL;
	uint32_t pc = 0;
	uint64_t processed = 0;

	memset(res, 0, sizeof(*res));
	res->verdict = BV_ACCEPT;
	memset(&fx, 0, sizeof(fx));
	fx.o = o;
	fx.p = p;
	fx.in = insns;
	fx.opt = opt;
	fx.res = res;
	fx.n = p->insn_cnt;
	fx.unpriv = opt->unprivileged;
	fx.budget = opt->max_insns ? opt->max_insns : FIX_DEFAULT_BUDGET;
	fx.max_mem = opt->max_memory ? opt->max_memory : (size_t)2 << 30;
	if (opt->timeout_sec > 0)
		fx.deadline = time(NULL) + (time_t)(opt->timeout_sec + 0.999);
	fx.live = calloc(fx.n + 1, sizeof(*fx.live));
	fx.prune = calloc(fx.n + 1, 1);
	fx.loophead = calloc(fx.n + 1, 1);
	fx.ck = calloc(fx.n + 1, sizeof(*fx.ck));
	fx.ck_cnt = calloc(fx.n + 1, sizeof(*fx.ck_cnt));
	fx.visits = calloc(fx.n + 1, sizeof(*fx.visits));
	fx.func_depth = calloc(p->func_cnt + 1, sizeof(uint32_t));
	fx.tail_func = calloc(p->func_cnt + 1, 1);
	fx.calls = calloc(p->func_cnt * p->func_cnt + 1, 1);
	fx.async_root = calloc(p->func_cnt + 1, 1);
	if (!fx.live || !fx.prune || !fx.loophead || !fx.tail_func || !fx.ck || !fx.ck_cnt ||
	    !fx.visits || !fx.func_depth || !fx.calls) {
		fail(&fx, 0, R_BUDGET, "out of memory");
		goto out;
	}
	if (fx.n == 0) {
		fail(&fx, 0, R_BAD_JUMP, "empty program");
		goto out;
	}
	if (check_cfg(&fx))
		goto out;
	compute_liveness(&fx);
	fx.kb = o->kbtf;
	{
		/* sleepable: a ".s" section prefix (fentry.s/, lsm.s/, uprobe.s/...) or syscall */
		const char *sec = p->section ? p->section : "";
		size_t pre = strcspn(sec, "/");

		fx.sleepable = (pre >= 2 && sec[pre - 2] == '.' && sec[pre - 1] == 's') ||
			       p->type == BV_PROG_SYSCALL;
	}
	for (size_t i = 0; i < p->rel_cnt; i++) {
		const struct kf_proto *k;

		/* add_kfunc_call: any kfunc call needs a GPL-compatible license, reached or not */
		if (p->rels[i].kind == OBJ_REL_KFUNC && !license_is_gpl(o->license)) {
			fail(&fx, p->rels[i].pc, R_HELPER_UNAVAIL,
			     "kfunc %s: kernel functions need a GPL-compatible license, not \"%s\"",
			     p->rels[i].sym ? p->rels[i].sym : "?",
			     o->license ? o->license : "(none)");
			goto out;
		}
		if (p->rels[i].kind != OBJ_REL_KFUNC || p->rels[i].pc >= fx.n ||
		    !(k = kf_lookup(p->rels[i].sym)))
			continue;
		if (!fx.kf)
			fx.kf = calloc(fx.n, sizeof(*fx.kf));
		if (!fx.kf) {
			fail(&fx, 0, R_BUDGET, "out of memory");
			goto out;
		}
		fx.kf[p->rels[i].pc] = k;
		if (k->flags & KF_ITER_NEXT) {
			/* iterations converge at the next call (is_state_visited) */
			fx.prune[p->rels[i].pc] = 1;
			fx.may_goto = true;
		}
	}
	if (p->type == BV_PROG_TRACING || p->type == BV_PROG_LSM) {
		fx.btf_typed = true;
		if (!fx.kb)
			snprintf(
				fx.tg_err, sizeof(fx.tg_err),
				"the context of %s programs is typed by the kernel's BTF, which is "
				"not available: give it with --btf FILE",
				bv_prog_type_name(p->type));
		else if (kb_resolve(fx.kb, p->type, p->expected_attach, p->section, &fx.tg,
				    fx.tg_err, sizeof(fx.tg_err)) == 0)
			fx.tg_ok = true;
	}
	for (size_t i = 1; i < p->func_cnt; i++)
		if (p->funcs[i].global)
			ensure_btf(&fx);
	if (check_map_compat(&fx))
		goto out;
	s = entry_state(&fx);
	if (!s) {
		fail(&fx, 0, R_BUDGET, "out of memory");
		goto out;
	}
	for (;;) {
		const struct insn *in;
		bool end = false;

		fx.cur = s;

		if (fx.prune[pc]) {
			int v = visit(&fx, s, pc);

			if (v < 0)
				goto step_failed;
			if (v == 1)
				end = true;
		}
		if (!end) {
			in = &insns[pc];
			if (h && h->pre)
				h->pre(h->ctx, pc, s);
			s->hist[s->hist_n++ % 8] = pc;
			if (++processed > fx.budget) {
				uint32_t hot = 0;

				for (size_t i = 0; i < fx.n; i++)
					if (fx.visits[i] > fx.visits[hot])
						hot = (uint32_t)i;
				if (fx.visits[hot] > 1000 && !in_callback(s) && !fx.may_goto)
					fail(&fx, hot, R_LOOP,
					     "loop at instruction %u is not proven to terminate: %" PRIu64
					     " iterations explored within the %" PRIu64
					     "-instruction budget (the kernel's limit) without reaching an exit",
					     hot, fx.visits[hot], fx.budget);
				else
					fail(&fx, pc, R_BUDGET,
					     "analysis budget of %" PRIu64 " instructions spent",
					     fx.budget);
				break;
			}
			if (fx.bytes > fx.max_mem) {
				fail(&fx, pc, R_BUDGET, "memory budget of %zu MiB spent",
				     fx.max_mem >> 20);
				break;
			}
			if (fx.deadline && (processed & 4095) == 0 && time(NULL) > fx.deadline) {
				fail(&fx, pc, R_BUDGET, "time budget of %.0f s spent",
				     opt->timeout_sec);
				break;
			}
			switch (in->kind) {
			case INSN_ALU:
				if (do_alu(&fx, s, in))
					goto step_failed;
				pc++;
				break;
			case INSN_END:
				if (do_end(&fx, s, in))
					goto step_failed;
				pc++;
				break;
			case INSN_LDX:
			case INSN_ST:
			case INSN_STX:
			case INSN_ATOMIC:
			case INSN_LD_ABS:
			case INSN_LD_IND:
				if (do_mem(&fx, s, in))
					goto step_failed;
				pc++;
				break;
			case INSN_LDDW:
				if (do_mem(&fx, s, in))
					goto step_failed;
				pc += 2;
				break;
			case INSN_JA:
				pc = in->target;
				break;
			case INSN_MAY_GOTO: {
				/* as the kernel: the jump first, the fall-through (one more
				 * iteration of the loop it bounds) queued */
				struct vstate *t = state_copy(&fx, s);

				if (!t) {
					fail(&fx, pc, R_BUDGET, "out of memory");
					goto step_failed;
				}
				t->may_goto_depth++;
				if (push_pending(&fx, t, pc + 1))
					goto step_failed;
				pc = in->target;
				break;
			}
			case INSN_JCOND: {
				struct vstate *t = NULL;
				int r = do_jcond(&fx, s, in, &t);

				if (r < 0)
					goto step_failed;
				if (r == 3) {
					if (push_pending(&fx, t, in->target))
						goto step_failed;
					pc++;
				} else if (r & 2) {
					pc = in->target;
				} else if (r == 1) {
					pc++;
				} else {
					end = true;
				}
				break;
			}
			case INSN_CALL:
				if (in->src == INSN_CALL_HELPER) {
					if (do_helper(&fx, s, in))
						goto step_failed;
					if (fx.cb_enter) {
						struct vstate *t = state_copy(&fx, s);

						fx.cb_enter = false;
						if (!t) {
							fail(&fx, pc, R_BUDGET, "out of memory");
							goto step_failed;
						}
						/* zero iterations: the helper returns at once */
						for (int i = 1; i <= 5; i++)
							cur(t)->regs[i] = reg_uninit();
						cur(t)->regs[0] = reg_unknown();
						if (push_pending(&fx, t, pc + 1) ||
						    enter_callback(&fx, s, pc, (uint32_t)in->imm,
								   fx.cb_target, fx.cb_args))
							goto step_failed;
						pc = fx.cb_target;
						break;
					}
					pc++;
				} else if (in->src == INSN_CALL_LOCAL) {
					if (do_local_call(&fx, s, in))
						goto step_failed;
					pc = in->target;
				} else if (fx.kf && fx.kf[pc]) {
					struct vstate *t = NULL;

					if (do_kfunc(&fx, s, in, fx.kf[pc], &t))
						goto step_failed;
					if (t && push_pending(&fx, t, pc + 1))
						goto step_failed;
					pc++;
				} else {
					const char *name = "?";

					for (size_t i = 0; i < p->rel_cnt; i++)
						if (p->rels[i].pc == pc && p->rels[i].sym)
							name = p->rels[i].sym;
					fail(&fx, pc, R_KFUNC,
					     "kfunc call (%s) is not modelled yet", name);
					goto step_failed;
				}
				break;
			case INSN_CALLX:
				fail(&fx, pc, R_UNSUPPORTED,
				     "indirect calls (callx) are not supported");
				goto step_failed;
			case INSN_EXIT: {
				uint32_t next = 0;
				int r = do_exit(&fx, s, in, &next);

				if (r < 0)
					goto step_failed;
				if (r == 1)
					end = true;
				else
					pc = next;
				break;
			}
			default:
				fail(&fx, pc, R_BAD_JUMP,
				     "execution reaches the second slot of an lddw");
				goto step_failed;
			}
			if (pc >= fx.n && !end) {
				fail(&fx, in->pc, R_BAD_JUMP,
				     "execution falls off the end of the program");
				goto step_failed;
			}
		}
		if (0) {
step_failed:
			if (!fx.soft)
				goto fail_out;
			/* --all-errors: this path ends in its finding, the others go on */
			fx.soft = false;
			end = true;
		}
		if (end) {
			path_done(&fx);
			state_free(&fx, s);
			s = NULL;
			if (!fx.sp)
				break;
			fx.sp--;
			s = fx.stack[fx.sp].st;
			pc = fx.stack[fx.sp].pc;
			fx.cur_parent = fx.stack[fx.sp].parent;
		}
	}
	if (!fx.failed)
		check_stack_depth(&fx);
	goto out;
fail_out:
	if (s && !res->f.state)
		res->f.state = state_text(s);
out:
	res->processed = processed;
	res->peak_bytes = fx.peak;
	state_free(&fx, s);
	while (fx.sp) {
		fx.sp--;
		state_free(&fx, fx.stack[fx.sp].st);
	}
	free(fx.stack);
	if (fx.ck) {
		for (size_t i = 0; i < fx.n; i++) {
			struct ckpt *c = fx.ck[i];

			while (c) {
				struct ckpt *nx = c->next;

				state_free(&fx, c->st);
				free(c);
				c = nx;
			}
		}
	}
	free(fx.ck);
	free(fx.ck_cnt);
	while (fx.pool_cnt)
		free(fx.pool[--fx.pool_cnt]);
	free(fx.live);
	free(fx.prune);
	free(fx.loophead);
	free(fx.visits);
	free(fx.kf);
	free(fx.async_root);
	free(fx.func_depth);
	free(fx.tail_func);
	free(fx.calls);
	if (fx.have_btf)
		btf_fini(&fx.btf);
	free(fx.lock_off);
}
