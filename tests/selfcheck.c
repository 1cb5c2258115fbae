// SPDX-License-Identifier: MIT
/*
 * selfcheck: the soundness self-check harness (see selfcheck.h).
 *
 * Why a summary is enough: every concrete state at pc lies in one abstract
 * state reported at pc (or, when the engine pruned it, in the state that
 * subsumed it, which was reported, on the registers live at pc). So each
 * live register's value is in the union over states, and the union is
 * over-approximated per register by joins: the checker can miss a bug that
 * only a relation between registers would show, but anything it reports is
 * a real disagreement between the verifier and an execution.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "selfcheck.h"
#include "../verifier/fix.h"
#include "../verifier/insn.h"
#include "../verifier/interp.h"
#include "../verifier/state.h"

#define SC_MAX_KINDS 6
#define SC_DEFAULT_STEPS 200000u
#define SC_DEFAULT_REPORTS 10

/* One pointer kind seen in a register at a pc */
struct sc_ptr {
	uint8_t rgn; /* enum rgn */
	int32_t map;
	uint8_t frame;
	bool maybe_null;
	bool claim; /* every state of this kind proved a packet range (or a mem size) */
	int64_t k; /* packet: min over states of range - off; mem: min size */
	struct sval off; /* join of off + var */
};

struct sc_reg {
	bool uninit; /* some state has it uninitialised: no claim */
	bool scalar;
	bool any; /* too many pointer kinds: no claim */
	struct sval sc;
	uint8_t nptr;
	struct sc_ptr ptr[SC_MAX_KINDS];
};

struct sc_pc {
	uint64_t states;
	struct sc_reg r[ST_NREGS];
};

struct sc_prog {
	const struct obj *o;
	const struct obj_prog *p;
	struct insn *insns;
	size_t n;
	struct sc_pc **pcs; /* per pc, NULL if never reached by the analysis */
	uint16_t *live;
	uint8_t *hit; /* per pc: executed by some run */
	bool oom;
	/* during a run */
	const struct sc_opts *opts;
	struct sc_stats *st;
	size_t problems, reported, viol;
	uint8_t *unreached_seen;
	uint32_t run;
};

/* ---- liveness (the engine's rule: fix.c uses_defs / succs) -------------------------------- */

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
		u |= 0x3e;
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
	*use = (uint16_t)(u | (1u << 10));
	*def = (uint16_t)(d & ~(1u << 10));
}

static int succs(const struct insn *in, size_t n, uint32_t out[2])
{
	switch (in->kind) {
	case INSN_EXIT:
	case INSN_LDDW_HI:
		return 0;
	case INSN_JA:
		out[0] = in->target;
		return 1;
	case INSN_JCOND:
	case INSN_MAY_GOTO:
		out[0] = in->pc + 1;
		out[1] = in->target;
		return 2;
	case INSN_LDDW:
		out[0] = in->pc + 2;
		return in->pc + 2 < n;
	default:
		out[0] = in->pc + 1;
		return in->pc + 1 < n;
	}
}

static void liveness(struct sc_prog *sp)
{
	bool changed = true;

	while (changed) {
		changed = false;
		for (size_t i = sp->n; i-- > 0;) {
			const struct insn *in = &sp->insns[i];
			uint32_t sv[2];
			uint16_t use, def, out = 0, nl;
			int ns;

			if (in->kind == INSN_LDDW_HI)
				continue;
			ns = succs(in, sp->n, sv);
			for (int j = 0; j < ns; j++)
				out |= sp->live[sv[j]];
			uses_defs(in, &use, &def);
			nl = (uint16_t)(use | (out & ~def));
			if (nl != sp->live[i]) {
				sp->live[i] = nl;
				changed = true;
			}
		}
	}
}

/* ---- collecting the summary --------------------------------------------------------------- */

static void add_reg(struct sc_reg *sr, const struct reg *r)
{
	struct sc_ptr *pk = NULL;
	struct sval off;
	int64_t k = 0;
	bool claim = false;

	if (r->type == REG_UNINIT) {
		sr->uninit = true;
		return;
	}
	if (r->type == REG_SCALAR) {
		sr->sc = sr->scalar ? sval_join(sr->sc, r->v) : r->v;
		sr->scalar = true;
		return;
	}
	off = sval_alu(SVAL_ADD, r->v, sval_const((uint64_t)r->off), true);
	if (r->rgn == RGN_PKT || r->rgn == RGN_PKT_META) {
		claim = r->range > 0;
		k = r->range - r->off;
	} else if (r->rgn == RGN_MEM) {
		claim = r->range > 0;
		k = r->range;
	}
	for (uint8_t i = 0; i < sr->nptr; i++) {
		struct sc_ptr *q = &sr->ptr[i];

		if (q->rgn == r->rgn && q->map == r->map && q->frame == r->frame) {
			pk = q;
			break;
		}
	}
	if (!pk) {
		if (sr->nptr == SC_MAX_KINDS) {
			sr->any = true;
			return;
		}
		pk = &sr->ptr[sr->nptr++];
		pk->rgn = r->rgn;
		pk->map = r->map;
		pk->frame = r->frame;
		pk->maybe_null = r->maybe_null;
		pk->claim = claim;
		pk->k = k;
		pk->off = off;
		return;
	}
	pk->maybe_null |= r->maybe_null;
	pk->claim &= claim;
	if (k < pk->k)
		pk->k = k;
	pk->off = sval_join(pk->off, off);
}

static void hook_pre(void *ctx, uint32_t pc, const struct vstate *s)
{
	struct sc_prog *sp = ctx;
	struct sc_pc *sum;
	const struct frame *f;

	if (pc >= sp->n || sp->oom)
		return;
	sum = sp->pcs[pc];
	if (!sum) {
		sum = calloc(1, sizeof(*sum));
		if (!sum) {
			sp->oom = true;
			return;
		}
		sp->pcs[pc] = sum;
	}
	sum->states++;
	f = &s->fr[s->nframes - 1];
	for (int r = 0; r < ST_NREGS; r++)
		add_reg(&sum->r[r], &f->regs[r]);
}

void sc_prog_free(struct sc_prog *sp)
{
	if (!sp)
		return;
	if (sp->pcs)
		for (size_t i = 0; i < sp->n; i++)
			free(sp->pcs[i]);
	free(sp->pcs);
	free(sp->live);
	free(sp->hit);
	free(sp->unreached_seen);
	free(sp->insns);
	free(sp);
}

struct sc_prog *sc_prog_new(const struct obj *o, size_t idx, const struct bv_options *opt,
			    enum bv_verdict *verdict)
{
	struct sc_prog *sp;
	struct insn_err err;
	struct fix_result res;
	struct fix_hook h;
	const struct obj_prog *p = &o->progs[idx];

	*verdict = BV_ERROR;
	if (p->is_subprog || p->insn_cnt == 0)
		return NULL;
	sp = calloc(1, sizeof(*sp));
	if (!sp)
		return NULL;
	sp->o = o;
	sp->p = p;
	sp->n = p->insn_cnt;
	sp->insns = calloc(sp->n + 1, sizeof(*sp->insns));
	sp->pcs = calloc(sp->n + 1, sizeof(*sp->pcs));
	sp->live = calloc(sp->n + 1, sizeof(*sp->live));
	sp->hit = calloc(sp->n + 1, 1);
	sp->unreached_seen = calloc(sp->n + 1, 1);
	if (!sp->insns || !sp->pcs || !sp->live || !sp->hit || !sp->unreached_seen)
		goto fail;
	if (insn_decode_all(p->insns, p->insn_cnt, sp->insns, &err))
		goto fail;
	if (p->type == BV_PROG_UNSPEC) {
		*verdict = BV_INCONCLUSIVE;
		goto fail;
	}
	h.ctx = sp;
	h.pre = hook_pre;
	fix_run_hooked(o, p, sp->insns, opt, &res, &h);
	free(res.f.state);
	*verdict = res.verdict;
	if (res.verdict != BV_ACCEPT || sp->oom)
		goto fail;
	liveness(sp);
	return sp;
fail:
	sc_prog_free(sp);
	return NULL;
}

void sc_prog_narrow(struct sc_prog *sp, uint32_t pc, int reg, struct sval v)
{
	if (pc < sp->n && sp->pcs[pc]) {
		struct sc_reg *r = &sp->pcs[pc]->r[reg];

		r->scalar = true;
		r->sc = v;
		r->nptr = 0;
		r->any = false;
		r->uninit = false;
	}
}

/* ---- checking a run ----------------------------------------------------------------------- */

static void report(struct sc_prog *sp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void report(struct sc_prog *sp, const char *fmt, ...)
{
	struct sc_stats *st = sp->st;
	size_t max = sp->opts->max_reports ? sp->opts->max_reports : SC_DEFAULT_REPORTS;
	char line[1024];
	int k;
	va_list ap;
	char *nr;

	sp->problems++;
	if (sp->reported >= max)
		return;
	sp->reported++;
	va_start(ap, fmt);
	k = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (k < 0)
		return;
	if ((size_t)k >= sizeof(line))
		k = sizeof(line) - 1;
	nr = realloc(st->reports, st->reports_len + (size_t)k + 2);
	if (!nr)
		return;
	st->reports = nr;
	memcpy(st->reports + st->reports_len, line, (size_t)k);
	st->reports_len += (size_t)k;
	st->reports[st->reports_len++] = '\n';
	st->reports[st->reports_len] = 0;
}

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
};

/* Is concrete value @v a pointer of kind @k with an offset the summary allows? */
static bool ptr_covers(const struct interp *m, const struct sc_ptr *k, uint64_t v)
{
	int64_t soff = 0;
	const struct interp_region *r = interp_region_near(m, v, &soff);
	uint64_t off = (uint64_t)soff, base;

	if (v == 0 && k->maybe_null)
		return true;
	switch (k->rgn) {
	case RGN_OPAQUE:
	case RGN_FUNC:
	case RGN_MAP_KEY:
	case RGN_BTF:
		return true; /* not modelled concretely */
	case RGN_TP_BUF:
		return r && !r->dead && r->kind == IR_MEM && sval_contains(k->off, off);
	case RGN_MEM: {
		/* sized memory: a ring buffer reservation, or a global function's memory
		 * argument, which may be any region; its size bytes must be accessible */
		uint64_t c;

		if (!k->claim)
			return true;
		if (!r || r->dead || r->kind == IR_MAP_HANDLE || r->kind == IR_OPAQUE)
			return false;
		if (!sval_is_const(k->off, &c))
			return true;
		base = v - c; /* the memory's start */
		if (r->kind == IR_PKT)
			return base >= m->data_meta && (int64_t)(m->data_end - base) >= k->k;
		return base >= r->base && (int64_t)(r->base + r->size - base) >= k->k;
	}
	case RGN_CTX:
		return r && r->kind == IR_CTX && sval_contains(k->off, off);
	case RGN_STACK:
		if (!r || r->dead || r->kind != IR_STACK || r->frame != k->frame)
			return false;
		base = interp_fp(m, k->frame);
		return sval_contains(k->off, v - base);
	case RGN_PKT:
	case RGN_PKT_META:
		base = k->rgn == RGN_PKT ? m->data : m->data_meta;
		if (!sval_contains(k->off, v - base))
			return false;
		/* the proven range: data + var + range <= data_end */
		if (k->claim && (int64_t)(m->data_end - v) < k->k)
			return false;
		return true;
	case RGN_PKT_END:
		return sval_contains(k->off, v - m->data_end);
	case RGN_MAP:
		return r && r->kind == IR_MAP_HANDLE && r->map == k->map &&
		       sval_contains(k->off, off);
	case RGN_MAP_VALUE:
		return r && !r->dead && r->kind == IR_MAP_VALUE && r->map == k->map &&
		       sval_contains(k->off, off);
	case RGN_SOCK:
	case RGN_SOCK_COMMON:
	case RGN_TCP_SOCK:
		return r && !r->dead && r->kind == IR_SOCK && sval_contains(k->off, off);
	case RGN_FLOW_KEYS:
		return r && r->kind == IR_FLOW_KEYS && sval_contains(k->off, off);
	default:
		return false;
	}
}

static void describe_summary(const struct sc_reg *sr, char *buf, size_t size)
{
	size_t used = 0;
	char v[256];

#define PUT(...)                                                                        \
	do {                                                                            \
		int w_ = snprintf(buf + used, size - used, __VA_ARGS__);                \
		if (w_ > 0)                                                             \
			used = used + (size_t)w_ < size ? used + (size_t)w_ : size - 1; \
	} while (0)
	buf[0] = 0;
	if (sr->scalar) {
		sval_snprint_compact(v, sizeof(v), sr->sc);
		PUT("scalar %s", v);
	}
	for (uint8_t i = 0; i < sr->nptr; i++) {
		const struct sc_ptr *k = &sr->ptr[i];

		sval_snprint_compact(v, sizeof(v), k->off);
		PUT("%s%s%s(", used ? " | " : "", rgn_names[k->rgn],
		    k->maybe_null ? "_or_null" : "");
		if (k->rgn == RGN_MAP || k->rgn == RGN_MAP_VALUE)
			PUT("map=%d,", k->map);
		if (k->rgn == RGN_STACK)
			PUT("frame=%u,", k->frame);
		PUT("off=%s", v);
		if (k->claim)
			PUT(",%s=%" PRId64, k->rgn == RGN_MEM ? "size" : "range-off", k->k);
		PUT(")");
	}
	if (!used)
		PUT("nothing");
#undef PUT
}

static void describe_value(const struct interp *m, uint64_t v, char *buf, size_t size)
{
	int64_t off;
	const struct interp_region *r = interp_region_near(m, v, &off);

	if (!r) {
		snprintf(buf, size, "0x%" PRIx64 " (%" PRId64 ")", v, (int64_t)v);
		return;
	}
	if (r->kind == IR_PKT)
		snprintf(buf, size, "%spacket data%+" PRId64 " (length %" PRIu64 ")",
			 r->dead ? "stale " : "", (int64_t)(v - m->data), m->data_end - m->data);
	else if (r->kind == IR_STACK)
		snprintf(buf, size, "%sframe %u fp%+" PRId64, r->dead ? "stale " : "", r->frame,
			 (int64_t)off - INTERP_STACK_SIZE);
	else
		snprintf(buf, size, "%s%s+%" PRIu64, r->dead ? "stale " : "",
			 interp_rk_name(r->kind), off);
}

static void check_pre(void *ctx, const struct interp *m, uint32_t pc)
{
	struct sc_prog *sp = ctx;
	const struct sc_pc *sum = sp->pcs[pc];
	char ib[128];

	sp->hit[pc] = 1;
	if (!sum) {
		if (!sp->unreached_seen[pc]) {
			sp->unreached_seen[pc] = 1;
			insn_snprint(ib, sizeof(ib), &sp->insns[pc]);
			sp->viol++;
			report(sp,
			       "%s:%s:%u: executed (run %u) but never reached by the analysis: %s",
			       sp->o->path, sp->p->section, pc, sp->run, ib);
		}
		return;
	}
	for (int r = 0; r < ST_NREGS; r++) {
		const struct sc_reg *sr = &sum->r[r];
		uint64_t v;
		bool ok = false;
		char vb[128], ab[768];

		if (!(sp->live[pc] & (1u << r)) || sr->uninit || sr->any)
			continue;
		if (!interp_reg(m, r, &v)) {
			describe_summary(sr, ab, sizeof(ab));
			insn_snprint(ib, sizeof(ib), &sp->insns[pc]);
			sp->viol++;
			report(sp,
			       "%s:%s:%u: r%d is uninitialised in run %u, the analysis says %s (%s)",
			       sp->o->path, sp->p->section, pc, r, sp->run, ab, ib);
			continue;
		}
		if (sr->scalar && sval_contains(sr->sc, v))
			continue;
		for (uint8_t i = 0; i < sr->nptr && !ok; i++)
			ok = ptr_covers(m, &sr->ptr[i], v);
		if (ok)
			continue;
		describe_value(m, v, vb, sizeof(vb));
		describe_summary(sr, ab, sizeof(ab));
		insn_snprint(ib, sizeof(ib), &sp->insns[pc]);
		sp->viol++;
		report(sp, "%s:%s:%u: r%d = %s in run %u is outside the invariant %s (before %s)",
		       sp->o->path, sp->p->section, pc, r, vb, sp->run, ab, ib);
	}
}

/* Packet lengths and headers that reach the interesting paths of parsers */
static void make_packet(uint64_t *rng, uint8_t *pkt, uint32_t *len, uint32_t *meta)
{
	static const uint32_t edges[] = { 0,  1,  13, 14, 15, 18, 19, 33, 34, 35, 37, 38, 39,
					  41, 42, 43, 53, 54, 55, 61, 62, 63, 73, 74, 75, 1500 };
	uint64_t x;

#define NEXT()                                                                             \
	(x = (*rng += 0x9e3779b97f4a7c15ull), x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull, \
	 x = (x ^ (x >> 27)) * 0x94d049bb133111ebull, x ^ (x >> 31))
	switch (NEXT() % 4) {
	case 0:
		*len = (uint32_t)(NEXT() % 65);
		break;
	case 1: {
		uint32_t e = edges[NEXT() % (sizeof(edges) / sizeof(edges[0]))];

		*len = e + (uint32_t)(NEXT() % 3) - 1;
		if (*len > 1500)
			*len = e;
		break;
	}
	default:
		*len = (uint32_t)(NEXT() % 1501);
		break;
	}
	*meta = (uint32_t)(NEXT() % 9) * 4;
	for (uint32_t i = 0; i < *len; i++)
		pkt[i] = (uint8_t)NEXT();
	if (NEXT() % 4 == 0)
		return; /* random bytes only */
	/* Ethernet, maybe one or two VLAN tags, then IPv4 or IPv6, then TCP/UDP/ICMP */
	{
		static const uint16_t l3[] = { 0x0800, 0x0800, 0x86dd, 0x0806 };
		uint32_t o = 12;
		uint16_t et = l3[NEXT() % 4];
		int vlans = (int)(NEXT() % 4 == 0 ? 1 + NEXT() % 2 : 0);
		uint8_t proto = (uint8_t[]){ 6, 17, 1, 6, 17 }[NEXT() % 5];

		for (int v = 0; v < vlans; v++) {
			if (o + 4 <= *len) {
				pkt[o] = 0x81;
				pkt[o + 1] = 0x00;
			}
			o += 4;
		}
		if (o + 2 <= *len) {
			pkt[o] = (uint8_t)(et >> 8);
			pkt[o + 1] = (uint8_t)et;
		}
		o += 2;
		if (et == 0x0800 && o < *len) {
			uint8_t ihl = (uint8_t)(NEXT() % 4 ? 5 : NEXT() % 16);

			pkt[o] = (uint8_t)(0x40 | ihl);
			if (o + 9 < *len)
				pkt[o + 9] = proto;
			if (o + 6 < *len && NEXT() % 2)
				pkt[o + 6] = pkt[o + 7] = 0; /* not a fragment */
			if (o + 3 < *len && NEXT() % 2) {
				uint32_t tot = *len - o - (uint32_t)(NEXT() % 3);

				pkt[o + 2] = (uint8_t)(tot >> 8);
				pkt[o + 3] = (uint8_t)tot;
			}
		} else if (et == 0x86dd && o < *len) {
			static const uint8_t nh[] = { 6, 17, 0, 43, 44, 60 };

			pkt[o] = 0x60;
			if (o + 6 < *len)
				pkt[o + 6] = nh[NEXT() % 6];
		}
	}
#undef NEXT
}

size_t sc_prog_run(struct sc_prog *sp, const struct sc_opts *opts, struct sc_stats *st)
{
	struct interp *m = interp_new(sp->o, sp->p, sp->insns);
	uint8_t *pkt = malloc(INTERP_MAX_PKT);
	uint64_t rng = opts->seed ^ (0x51ed27ull * (uint64_t)(uintptr_t)sp->p->insn_cnt);
	size_t before_hit = 0, after_hit = 0;

	sp->opts = opts;
	sp->st = st;
	sp->problems = 0;
	sp->reported = 0;
	sp->viol = 0;
	if (!m || !pkt) {
		interp_free(m);
		free(pkt);
		return 0;
	}
	for (size_t i = 0; i < sp->n; i++)
		before_hit += sp->hit[i];
	m->hook.ctx = sp;
	m->hook.pre = check_pre;
	st->accepted++;
	for (unsigned run = 0; run < opts->runs; run++) {
		struct interp_input in;
		enum interp_status s;

		memset(&in, 0, sizeof(in));
		make_packet(&rng, pkt, &in.pkt_len, &in.meta_len);
		in.pkt = pkt;
		in.seed = rng ^ ((uint64_t)run << 32);
		sp->run = run;
		if (interp_reset(m, &in))
			break;
		s = interp_run(m, opts->max_steps ? opts->max_steps : SC_DEFAULT_STEPS);
		st->runs++;
		st->steps += m->steps;
		switch (s) {
		case INTERP_EXIT:
			st->exits++;
			break;
		case INTERP_FAULT:
			st->faults++;
			report(sp, "%s:%s:%u: run %u faults (packet length %u, meta %u): %s",
			       sp->o->path, sp->p->section, m->fault.pc, run, in.pkt_len,
			       in.meta_len, m->fault.msg);
			break;
		case INTERP_STEP_LIMIT:
			st->step_limits++;
			report(sp, "%s:%s: run %u does not exit within %" PRIu64 " instructions",
			       sp->o->path, sp->p->section, run, m->max_steps);
			break;
		default:
			st->unsupported++;
			break;
		}
	}
	for (size_t i = 0; i < sp->n; i++)
		after_hit += sp->hit[i];
	st->pcs_covered += after_hit - before_hit;
	if (!before_hit)
		for (size_t i = 0; i < sp->n; i++)
			st->pcs_total += sp->insns[i].kind != INSN_LDDW_HI;
	st->violations += sp->viol;
	interp_free(m);
	free(pkt);
	return sp->problems;
}

long sc_check_file(const char *path, const struct sc_opts *opts, struct sc_stats *st)
{
	struct bv_diags d = { 0 };
	struct obj *o = obj_open(path, &d);
	long problems = 0;

	bv_diags_free(&d);
	if (!o)
		return -1;
	for (size_t i = 0; i < o->prog_cnt; i++) {
		enum bv_verdict v;
		struct sc_prog *sp;

		if (o->progs[i].is_subprog)
			continue;
		st->progs++;
		sp = sc_prog_new(o, i, &opts->vopt, &v);
		if (!sp)
			continue;
		problems += (long)sc_prog_run(sp, opts, st);
		sc_prog_free(sp);
	}
	obj_free(o);
	return problems;
}

void sc_stats_fini(struct sc_stats *st)
{
	free(st->reports);
	memset(st, 0, sizeof(*st));
}
