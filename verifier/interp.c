// SPDX-License-Identifier: MIT
/*
 * interp: the concrete interpreter (see interp.h for the machine model).
 *
 * Region i lives at INTERP_RBASE + i * 4 GiB, so an address maps back to
 * its region with one shift, and pointer arithmetic that leaves a region by
 * less than 4 GiB can never land in another one. Regions are never reused
 * within a run: a dead region (returned frame, submitted reservation, packet
 * before a reallocating helper) keeps its slot, so a stale pointer faults.
 *
 * Semantics follow RFC 9669: 32-bit ALU results are zero-extended; x / 0 = 0,
 * x % 0 = x; signed division truncates towards zero, LLONG_MIN / -1 =
 * LLONG_MIN and LLONG_MIN % -1 = 0; shift amounts are masked to the operand
 * width; le/be convert on this little-endian host (le only truncates).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "helpers.h"
#include "interp.h"

#define INTERP_RBASE 0x100000000000ull
#define INTERP_RSHIFT 32
#define INTERP_MAX_ENTS 4096
#define INTERP_DEFAULT_STEPS 1000000u
#define SOCK_SIZE 80
#define FLOW_KEYS_SIZE 56

/* bpf_map_type values used by the map model */
enum {
	MT_HASH = 1,
	MT_ARRAY = 2,
	MT_PROG_ARRAY = 3,
	MT_PERF_EVENT_ARRAY = 4,
	MT_PERCPU_HASH = 5,
	MT_PERCPU_ARRAY = 6,
	MT_CGROUP_ARRAY = 8,
	MT_LRU_HASH = 9,
	MT_LRU_PERCPU_HASH = 10,
	MT_ARRAY_OF_MAPS = 12,
	MT_HASH_OF_MAPS = 13,
	MT_RINGBUF = 27,
};

/* Helper ids with a model (enum bpf_func_id) */
enum {
	H_MAP_LOOKUP = 1,
	H_MAP_UPDATE = 2,
	H_MAP_DELETE = 3,
	H_PROBE_READ = 4,
	H_KTIME = 5,
	H_TRACE_PRINTK = 6,
	H_PRANDOM = 7,
	H_CPU_ID = 8,
	H_SKB_STORE_BYTES = 9,
	H_TAIL_CALL = 12,
	H_PID_TGID = 14,
	H_UID_GID = 15,
	H_COMM = 16,
	H_REDIRECT = 23,
	H_PERF_OUTPUT = 25,
	H_SKB_LOAD_BYTES = 26,
	H_CSUM_DIFF = 28,
	H_XDP_ADJUST_HEAD = 44,
	H_XDP_ADJUST_META = 54,
	H_XDP_ADJUST_TAIL = 65,
	H_PROBE_READ_USER = 112,
	H_PROBE_READ_KERNEL = 113,
	H_PROBE_READ_USER_STR = 114,
	H_PROBE_READ_KERNEL_STR = 115,
	H_RINGBUF_OUTPUT = 130,
	H_RINGBUF_RESERVE = 131,
	H_RINGBUF_SUBMIT = 132,
	H_RINGBUF_DISCARD = 133,
	H_FOR_EACH_MAP_ELEM = 164,
	H_LOOP = 181,
};

#define CB_RET_PC UINT32_MAX /* ret_pc of a callback frame */
#define FUNC_MARK (-2) /* region.map of a code address (lddw func) */
#define LOOP_MAX (1u << 23)

struct interp_map_entry {
	int32_t map;
	uint64_t key; /* array index, or FNV-1a hash of the key bytes */
	uint8_t *kbytes; /* key bytes (hash maps), key_size */
	uint32_t rgn; /* value region (or the inner map's handle for map-in-map) */
	bool present;
};

/* ---- randomness --------------------------------------------------------------------------- */

/* splitmix64: small, fast, and every seed gives a distinct stream */
static uint64_t rnd(struct interp *m)
{
	uint64_t z = (m->rng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform-ish in [0, n); n > 0 */
static uint64_t rnd_below(struct interp *m, uint64_t n)
{
	return rnd(m) % n;
}

static void rnd_fill(struct interp *m, uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)rnd(m);
}

/* A value a helper without a narrower contract may return: biased to the edges */
static uint64_t rnd_interesting(struct interp *m)
{
	switch (rnd_below(m, 8)) {
	case 0:
		return 0;
	case 1:
		return (uint64_t) - (int64_t)(1 + rnd_below(m, 200)); /* -errno */
	case 2:
		return rnd_below(m, 256);
	case 3:
		return (uint32_t)rnd(m);
	case 4:
		return 1;
	default:
		return rnd(m);
	}
}

/* ---- faults ------------------------------------------------------------------------------- */

static enum interp_status fault(struct interp *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum interp_status fault(struct interp *m, const char *fmt, ...)
{
	va_list ap;

	m->fault.pc = m->pc;
	va_start(ap, fmt);
	vsnprintf(m->fault.msg, sizeof(m->fault.msg), fmt, ap);
	va_end(ap);
	return INTERP_FAULT;
}

/* ---- regions ------------------------------------------------------------------------------ */

static const char *const rk_names[IR_KIND_CNT] = {
	[IR_CTX] = "ctx",	 [IR_STACK] = "stack",
	[IR_PKT] = "packet",	 [IR_MAP_VALUE] = "map_value",
	[IR_MAP_HANDLE] = "map", [IR_MEM] = "mem",
	[IR_SOCK] = "sock",	 [IR_FLOW_KEYS] = "flow_keys",
	[IR_OPAQUE] = "opaque",
};

const char *interp_rk_name(enum interp_rk k)
{
	return (unsigned)k < IR_KIND_CNT ? rk_names[k] : "?";
}

const char *interp_status_name(enum interp_status s)
{
	switch (s) {
	case INTERP_EXIT:
		return "exit";
	case INTERP_FAULT:
		return "fault";
	case INTERP_STEP_LIMIT:
		return "step-limit";
	default:
		return "unsupported";
	}
}

/* Add a region; returns its index or -1 (out of memory) */
static int64_t rg_add(struct interp *m, enum interp_rk kind, uint64_t size, bool writable)
{
	struct interp_region *r;

	if (m->rg_cnt == m->rg_cap) {
		size_t nc = m->rg_cap ? m->rg_cap * 2 : 32;
		struct interp_region *nr = realloc(m->rg, nc * sizeof(*nr));

		if (!nr)
			return -1;
		m->rg = nr;
		m->rg_cap = nc;
	}
	r = &m->rg[m->rg_cnt];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->size = size;
	r->writable = writable;
	r->map = -1;
	r->base = INTERP_RBASE + ((uint64_t)m->rg_cnt << INTERP_RSHIFT);
	if (size) {
		r->bytes = malloc(size);
		if (!r->bytes)
			return -1;
		rnd_fill(m, r->bytes, size);
	}
	return (int64_t)m->rg_cnt++;
}

static void rg_clear(struct interp *m)
{
	for (size_t i = 0; i < m->rg_cnt; i++)
		free(m->rg[i].bytes);
	m->rg_cnt = 0;
	for (size_t i = 0; i < m->ent_cnt; i++)
		free(m->ents[i].kbytes);
	m->ent_cnt = 0;
}

/* Index of the region holding @addr, or -1; *off receives addr - base */
static int64_t rg_index(const struct interp *m, uint64_t addr, uint64_t *off)
{
	uint64_t idx, o;

	if (addr < INTERP_RBASE)
		return -1;
	idx = (addr - INTERP_RBASE) >> INTERP_RSHIFT;
	o = (addr - INTERP_RBASE) & ((1ull << INTERP_RSHIFT) - 1);
	if (idx >= m->rg_cnt)
		return -1;
	if (off)
		*off = o;
	return (int64_t)idx;
}

const struct interp_region *interp_region_at(const struct interp *m, uint64_t addr, uint64_t *off)
{
	int64_t i = rg_index(m, addr, off);

	return i < 0 ? NULL : &m->rg[i];
}

const struct interp_region *interp_region_near(const struct interp *m, uint64_t addr, int64_t *off)
{
	uint64_t idx, half = 1ull << (INTERP_RSHIFT - 1);

	if (addr + half < INTERP_RBASE)
		return NULL;
	idx = (addr + half - INTERP_RBASE) >> INTERP_RSHIFT;
	if (idx >= m->rg_cnt)
		return NULL;
	*off = (int64_t)(addr - m->rg[idx].base);
	return &m->rg[idx];
}

/* Same, writable, for marking regions dead */
static struct interp_region *rg_at(struct interp *m, uint64_t addr, uint64_t *off)
{
	int64_t i = rg_index(m, addr, off);

	return i < 0 ? NULL : &m->rg[i];
}

uint64_t interp_fp(const struct interp *m, uint32_t frame)
{
	if (frame >= m->nframes)
		return 0;
	return m->rg[m->fr[frame].stack].base + INTERP_STACK_SIZE;
}

bool interp_reg(const struct interp *m, int r, uint64_t *v)
{
	const struct interp_frame *f = &m->fr[m->nframes - 1];

	if (!(f->init & (1u << r)))
		return false;
	*v = f->r[r];
	return true;
}

static uint64_t le_read(const uint8_t *b, unsigned size)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < size; i++)
		v |= (uint64_t)b[i] << (8 * i);
	return v;
}

static void le_write(uint8_t *b, unsigned size, uint64_t v)
{
	for (unsigned i = 0; i < size; i++)
		b[i] = (uint8_t)(v >> (8 * i));
}

/*
 * Bytes [addr, addr + size) of a live, accessible region, or NULL after a
 * fault naming @what. @write needs a writable region.
 */
static uint8_t *mem_at(struct interp *m, uint64_t addr, uint64_t size, bool write, const char *what,
		       enum interp_rk *kind)
{
	int64_t soff;
	const struct interp_region *r = interp_region_near(m, addr, &soff);
	uint64_t off = (uint64_t)soff;

	if (!r) {
		fault(m, "%s of %" PRIu64 " bytes at 0x%" PRIx64 ": not inside any region", what,
		      size, addr);
		return NULL;
	}
	if (r->dead) {
		fault(m, "%s of %" PRIu64 " bytes at %s%+" PRId64 ": the region is no longer valid",
		      what, size, rk_names[r->kind], soff);
		return NULL;
	}
	if (soff < 0 || size > r->size || off > r->size - size) {
		fault(m,
		      "%s of %" PRIu64 " bytes at %s%+" PRId64 " is outside the %" PRIu64
		      "-byte region",
		      what, size, rk_names[r->kind], soff, r->size);
		return NULL;
	}
	if (r->kind == IR_MAP_HANDLE || r->kind == IR_OPAQUE) {
		fault(m, "%s through a %s pointer", what, rk_names[r->kind]);
		return NULL;
	}
	if (r->kind == IR_PKT && (addr < m->data_meta || addr + size > m->data_end)) {
		fault(m,
		      "%s of %" PRIu64 " bytes at packet offset %" PRId64
		      " is outside [data_meta, data_end) (data_meta at %" PRId64 ", length %" PRIu64
		      ")",
		      what, size, (int64_t)(addr - m->data), (int64_t)(m->data_meta - m->data),
		      m->data_end - m->data);
		return NULL;
	}
	if (write && !r->writable) {
		fault(m, "%s of %" PRIu64 " bytes into read-only %s memory", what, size,
		      rk_names[r->kind]);
		return NULL;
	}
	if (kind)
		*kind = r->kind;
	return r->bytes ? r->bytes + off : NULL;
}

bool interp_peek(const struct interp *m, uint64_t addr, unsigned size, uint64_t *v)
{
	uint64_t off;
	const struct interp_region *r = interp_region_at(m, addr, &off);

	if (!r || r->dead || !r->bytes || size > r->size || off > r->size - size)
		return false;
	*v = le_read(r->bytes + off, size);
	return true;
}

/* ---- maps --------------------------------------------------------------------------------- */

static const struct obj_map *map_of(const struct interp *m, int64_t mi)
{
	if (!m->o || mi < 0 || (size_t)mi >= m->o->map_cnt)
		return NULL;
	return &m->o->maps[mi];
}

static bool map_is_array(const struct obj_map *mp)
{
	return mp->kind != OBJ_MAP_USER || mp->type == MT_ARRAY || mp->type == MT_PERCPU_ARRAY ||
	       mp->type == MT_PROG_ARRAY || mp->type == MT_ARRAY_OF_MAPS ||
	       mp->type == MT_CGROUP_ARRAY || mp->type == MT_PERF_EVENT_ARRAY;
}

static uint64_t fnv1a(const uint8_t *b, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ull;
	return h;
}

/*
 * The entry for @key of map @mi, created on first use: array entries exist
 * for every index below max_entries; a hash entry is present with
 * probability 1/2 (the map's contents are part of the random input).
 * Returns NULL (no fault) when the entry cannot exist or memory runs out.
 */
static struct interp_map_entry *map_entry(struct interp *m, int32_t mi, const uint8_t *kb,
					  bool create_present)
{
	const struct obj_map *mp = map_of(m, mi);
	uint64_t key;
	struct interp_map_entry *e;
	int64_t rgn;
	bool arr;

	if (!mp)
		return NULL;
	arr = map_is_array(mp);
	if (arr) {
		key = mp->key_size >= 4 ? le_read(kb, 4) : 0;
		if (mp->kind != OBJ_MAP_USER || key >= mp->max_entries)
			return NULL;
	} else {
		key = fnv1a(kb, mp->key_size);
	}
	for (size_t i = 0; i < m->ent_cnt; i++) {
		e = &m->ents[i];
		if (e->map == mi && e->key == key &&
		    (arr || !e->kbytes || !memcmp(e->kbytes, kb, mp->key_size)))
			return e;
	}
	if (m->ent_cnt >= INTERP_MAX_ENTS)
		return NULL;
	if (m->ent_cnt == m->ent_cap) {
		size_t nc = m->ent_cap ? m->ent_cap * 2 : 16;
		struct interp_map_entry *ne = realloc(m->ents, nc * sizeof(*ne));

		if (!ne)
			return NULL;
		m->ents = ne;
		m->ent_cap = nc;
	}
	e = &m->ents[m->ent_cnt];
	memset(e, 0, sizeof(*e));
	e->map = mi;
	e->key = key;
	if (!arr) {
		e->kbytes = malloc(mp->key_size ? mp->key_size : 1);
		if (!e->kbytes)
			return NULL;
		memcpy(e->kbytes, kb, mp->key_size);
	}
	if (mp->type == MT_ARRAY_OF_MAPS || mp->type == MT_HASH_OF_MAPS) {
		if (mp->inner < 0 || (size_t)mp->inner >= m->o->map_cnt) {
			free(e->kbytes);
			return NULL;
		}
		e->rgn = m->map_handle[mp->inner];
	} else {
		rgn = rg_add(m, IR_MAP_VALUE, mp->value_size,
			     !(mp->readonly || (mp->flags & (1u << 7))));
		if (rgn < 0) {
			free(e->kbytes);
			return NULL;
		}
		m->rg[rgn].map = mi;
		m->rg[rgn].key = key;
		e->rgn = (uint32_t)rgn;
	}
	e->present = arr || create_present || (rnd(m) & 1);
	m->ent_cnt++;
	return e;
}

static uint64_t map_lookup(struct interp *m, int32_t mi, const uint8_t *kb)
{
	const struct obj_map *mp = map_of(m, mi);
	struct interp_map_entry *e;

	if (!mp)
		return 0;
	if (mp->kind != OBJ_MAP_USER) {
		/* global data used as a map: one element at key 0 */
		if (le_read(kb, mp->key_size < 4 ? mp->key_size : 4) != 0 ||
		    m->map_global[mi] == UINT32_MAX)
			return 0;
		return m->rg[m->map_global[mi]].base;
	}
	if (mp->type == MT_RINGBUF || mp->type == MT_PERF_EVENT_ARRAY || mp->type == MT_PROG_ARRAY)
		return 0;
	e = map_entry(m, mi, kb, false);
	if (!e || !e->present)
		return 0;
	return m->rg[e->rgn].base;
}

/* ---- context ------------------------------------------------------------------------------ */

#define TP_BUF_SIZE 4096 /* raw_tracepoint.w buffer of the concrete runs */

static uint64_t ctx_ptr(struct interp *m, enum ctx_val v)
{
	switch (v) {
	case CTX_VAL_PKT:
		return m->data;
	case CTX_VAL_PKT_END:
		return m->data_end;
	case CTX_VAL_PKT_META:
		return m->data_meta;
	case CTX_VAL_SOCK:
	case CTX_VAL_SOCK_OR_NULL:
	case CTX_VAL_FLOW_KEYS:
	case CTX_VAL_CTX_PTR: {
		enum interp_rk k = v == CTX_VAL_FLOW_KEYS ? IR_FLOW_KEYS
				   : v == CTX_VAL_CTX_PTR ? IR_OPAQUE
							  : IR_SOCK;
		int64_t r;

		if (v == CTX_VAL_CTX_PTR && m->p && m->p->type == BV_PROG_RAW_TRACEPOINT_WRITABLE) {
			/* the writable tracepoint buffer; its real size is the tracepoint's,
			 * checked at attach time */
			r = rg_add(m, IR_MEM, TP_BUF_SIZE, true);
			return r < 0 ? 0 : m->rg[r].base;
		}
		if (v == CTX_VAL_SOCK_OR_NULL && !m->sock)
			return 0;
		if (k == IR_SOCK && m->sock)
			return m->sock;
		r = rg_add(m, k,
			   k == IR_SOCK	       ? SOCK_SIZE
			   : k == IR_FLOW_KEYS ? FLOW_KEYS_SIZE
					       : 0,
			   k == IR_FLOW_KEYS);
		if (r < 0)
			return 0;
		if (k == IR_SOCK)
			m->sock = m->rg[r].base;
		return m->rg[r].base;
	}
	default:
		return 0;
	}
}

static enum interp_status ctx_load(struct interp *m, uint64_t off, unsigned size, bool sx,
				   uint64_t *out)
{
	struct ctx_access ca;
	enum ctx_access_result r;
	const struct interp_region *c = &m->rg[m->ctx_rgn];
	uint64_t v;

	memset(&ca, 0, sizeof(ca));
	r = ctx_check(m->p->type, m->p->expected_attach, (int64_t)off, size, false, &ca);
	if (r != CTX_OK)
		return fault(m, "context read of %u bytes at offset %" PRIu64 " is not allowed",
			     size, off);
	if (ca.val != CTX_VAL_SCALAR) {
		*out = ctx_ptr(m, ca.val);
		return INTERP_EXIT;
	}
	if (off + size > c->size)
		return fault(m,
			     "context read of %u bytes at offset %" PRIu64 " past its %" PRIu64
			     " bytes",
			     size, off, c->size);
	v = le_read(c->bytes + off, size);
	/* the kernel documents the field's range; map the random bytes into it */
	if (ca.umin <= ca.umax && (v < ca.umin || v > ca.umax)) {
		uint64_t span = ca.umax - ca.umin + 1;

		v = span ? ca.umin + v % span : v;
	}
	if (sx && size < 8) {
		unsigned sh = 64 - 8 * size;

		v = (uint64_t)((int64_t)(v << sh) >> sh);
	}
	*out = v;
	return INTERP_EXIT;
}

static enum interp_status ctx_store(struct interp *m, uint64_t off, unsigned size, uint64_t v)
{
	struct ctx_access ca;
	struct interp_region *c = &m->rg[m->ctx_rgn];

	if (ctx_check(m->p->type, m->p->expected_attach, (int64_t)off, size, true, &ca) != CTX_OK)
		return fault(m, "context write of %u bytes at offset %" PRIu64 " is not allowed",
			     size, off);
	if (off + size > c->size)
		return fault(m, "context write past the context");
	le_write(c->bytes + off, size, v);
	return INTERP_EXIT;
}

/* ---- loads and stores --------------------------------------------------------------------- */

/* INTERP_EXIT here means "no fault" */
static enum interp_status load(struct interp *m, uint64_t addr, unsigned size, bool sx,
			       uint64_t *out)
{
	uint64_t off;
	const struct interp_region *r = interp_region_at(m, addr, &off);
	uint8_t *b;

	if (r && !r->dead && r->kind == IR_CTX)
		return ctx_load(m, off, size, sx, out);
	b = mem_at(m, addr, size, false, "read", NULL);
	if (!b)
		return INTERP_FAULT;
	*out = le_read(b, size);
	if (sx && size < 8) {
		unsigned sh = 64 - 8 * size;

		*out = (uint64_t)((int64_t)(*out << sh) >> sh);
	}
	return INTERP_EXIT;
}

static enum interp_status store(struct interp *m, uint64_t addr, unsigned size, uint64_t v)
{
	uint64_t off;
	const struct interp_region *r = interp_region_at(m, addr, &off);
	uint8_t *b;

	if (r && !r->dead && r->kind == IR_CTX)
		return ctx_store(m, off, size, v);
	b = mem_at(m, addr, size, true, "write", NULL);
	if (!b)
		return INTERP_FAULT;
	le_write(b, size, v);
	return INTERP_EXIT;
}

/* ---- registers ---------------------------------------------------------------------------- */

static struct interp_frame *cur(struct interp *m)
{
	return &m->fr[m->nframes - 1];
}

static bool rd(struct interp *m, int r, uint64_t *v)
{
	struct interp_frame *f = cur(m);

	if (!(f->init & (1u << r))) {
		fault(m, "r%d is read before it is written", r);
		return false;
	}
	*v = f->r[r];
	return true;
}

static void wr(struct interp *m, int r, uint64_t v)
{
	struct interp_frame *f = cur(m);

	f->r[r] = v;
	f->init |= (uint16_t)(1u << r);
}

static void clobber(struct interp *m, int r)
{
	cur(m)->init &= (uint16_t) ~(1u << r);
}

/* ---- ALU ---------------------------------------------------------------------------------- */

static uint64_t alu64(enum insn_alu_op op, uint64_t a, uint64_t b)
{
	switch (op) {
	case INSN_ALU_ADD:
		return a + b;
	case INSN_ALU_SUB:
		return a - b;
	case INSN_ALU_MUL:
		return a * b;
	case INSN_ALU_DIV:
		return b ? a / b : 0;
	case INSN_ALU_SDIV:
		if (!b)
			return 0;
		if ((int64_t)a == INT64_MIN && (int64_t)b == -1)
			return a;
		return (uint64_t)((int64_t)a / (int64_t)b);
	case INSN_ALU_MOD:
		return b ? a % b : a;
	case INSN_ALU_SMOD:
		if (!b)
			return a;
		if ((int64_t)b == -1)
			return 0;
		return (uint64_t)((int64_t)a % (int64_t)b);
	case INSN_ALU_OR:
		return a | b;
	case INSN_ALU_AND:
		return a & b;
	case INSN_ALU_XOR:
		return a ^ b;
	case INSN_ALU_LSH:
		return a << (b & 63);
	case INSN_ALU_RSH:
		return a >> (b & 63);
	case INSN_ALU_ARSH:
		return (uint64_t)((int64_t)a >> (b & 63));
	case INSN_ALU_NEG:
		return (uint64_t)0 - a;
	case INSN_ALU_MOV:
		return b;
	default:
		return 0;
	}
}

static uint32_t alu32(enum insn_alu_op op, uint32_t a, uint32_t b)
{
	switch (op) {
	case INSN_ALU_ADD:
		return a + b;
	case INSN_ALU_SUB:
		return a - b;
	case INSN_ALU_MUL:
		return a * b;
	case INSN_ALU_DIV:
		return b ? a / b : 0;
	case INSN_ALU_SDIV:
		if (!b)
			return 0;
		if ((int32_t)a == INT32_MIN && (int32_t)b == -1)
			return a;
		return (uint32_t)((int32_t)a / (int32_t)b);
	case INSN_ALU_MOD:
		return b ? a % b : a;
	case INSN_ALU_SMOD:
		if (!b)
			return a;
		if ((int32_t)b == -1)
			return 0;
		return (uint32_t)((int32_t)a % (int32_t)b);
	case INSN_ALU_OR:
		return a | b;
	case INSN_ALU_AND:
		return a & b;
	case INSN_ALU_XOR:
		return a ^ b;
	case INSN_ALU_LSH:
		return a << (b & 31);
	case INSN_ALU_RSH:
		return a >> (b & 31);
	case INSN_ALU_ARSH:
		return (uint32_t)((int32_t)a >> (b & 31));
	case INSN_ALU_NEG:
		return (uint32_t)0 - a;
	case INSN_ALU_MOV:
		return b;
	default:
		return 0;
	}
}

static uint64_t sext(uint64_t v, unsigned bits)
{
	unsigned sh = 64 - bits;

	return (uint64_t)((int64_t)(v << sh) >> sh);
}

static uint64_t bswap_bits(uint64_t v, unsigned bits)
{
	switch (bits) {
	case 16:
		return __builtin_bswap16((uint16_t)v);
	case 32:
		return __builtin_bswap32((uint32_t)v);
	default:
		return __builtin_bswap64(v);
	}
}

static uint64_t trunc_bits(uint64_t v, unsigned bits)
{
	return bits >= 64 ? v : v & ((1ull << bits) - 1);
}

static enum interp_status do_alu(struct interp *m, const struct insn *in)
{
	uint64_t a = 0, b, r;

	if (in->dst == 10)
		return fault(m, "write to r10");
	if (in->src_reg) {
		if (!rd(m, in->src, &b))
			return INTERP_FAULT;
	} else {
		b = in->is64 ? (uint64_t)(int64_t)in->imm : (uint64_t)(uint32_t)in->imm;
	}
	if (in->alu == INSN_ALU_MOVSX) {
		r = sext(b, in->ext_bits);
		wr(m, in->dst, in->is64 ? r : (uint32_t)r);
		return INTERP_EXIT;
	}
	if (in->alu != INSN_ALU_MOV && !rd(m, in->dst, &a))
		return INTERP_FAULT;
	if (in->is64)
		r = alu64(in->alu, a, b);
	else
		r = alu32(in->alu, (uint32_t)a, (uint32_t)b);
	wr(m, in->dst, r);
	return INTERP_EXIT;
}

static enum interp_status do_end(struct interp *m, const struct insn *in)
{
	uint64_t v;

	if (in->dst == 10)
		return fault(m, "write to r10");
	if (!rd(m, in->dst, &v))
		return INTERP_FAULT;
	/* this host is little endian: "le" truncates, "be" and bswap swap */
	if (in->is64 || in->to_be)
		v = bswap_bits(v, in->ext_bits);
	else
		v = trunc_bits(v, in->ext_bits);
	wr(m, in->dst, v);
	return INTERP_EXIT;
}

static bool cond(enum insn_jmp_op op, uint64_t a, uint64_t b, bool is64)
{
	int64_t sa, sb;

	if (!is64) {
		a = (uint32_t)a;
		b = (uint32_t)b;
		sa = (int32_t)a;
		sb = (int32_t)b;
	} else {
		sa = (int64_t)a;
		sb = (int64_t)b;
	}
	switch (op) {
	case INSN_JEQ:
		return a == b;
	case INSN_JNE:
		return a != b;
	case INSN_JGT:
		return a > b;
	case INSN_JGE:
		return a >= b;
	case INSN_JLT:
		return a < b;
	case INSN_JLE:
		return a <= b;
	case INSN_JSET:
		return (a & b) != 0;
	case INSN_JSGT:
		return sa > sb;
	case INSN_JSGE:
		return sa >= sb;
	case INSN_JSLT:
		return sa < sb;
	case INSN_JSLE:
		return sa <= sb;
	default:
		return false;
	}
}

/* ---- memory instructions ------------------------------------------------------------------ */

static enum interp_status do_atomic(struct interp *m, const struct insn *in)
{
	uint64_t base, src, old, nv, addr;
	unsigned sz = in->size;
	uint8_t *b;

	if (in->atomic == INSN_ATOMIC_LOAD_ACQ) {
		/* dst = *(src + off) */
		if (in->dst == 10)
			return fault(m, "write to r10");
		if (!rd(m, in->src, &base))
			return INTERP_FAULT;
		if (load(m, base + (uint64_t)(int64_t)in->off, sz, false, &old) != INTERP_EXIT)
			return INTERP_FAULT;
		wr(m, in->dst, old);
		return INTERP_EXIT;
	}
	if (!rd(m, in->dst, &base) || !rd(m, in->src, &src))
		return INTERP_FAULT;
	addr = base + (uint64_t)(int64_t)in->off;
	if (in->atomic == INSN_ATOMIC_STORE_REL)
		return store(m, addr, sz, src);
	b = mem_at(m, addr, sz, true, "atomic access", NULL);
	if (!b)
		return INTERP_FAULT;
	old = le_read(b, sz);
	switch (in->atomic) {
	case INSN_ATOMIC_ADD:
		nv = old + src;
		break;
	case INSN_ATOMIC_OR:
		nv = old | src;
		break;
	case INSN_ATOMIC_AND:
		nv = old & src;
		break;
	case INSN_ATOMIC_XOR:
		nv = old ^ src;
		break;
	case INSN_ATOMIC_XCHG:
		nv = src;
		break;
	case INSN_ATOMIC_CMPXCHG: {
		uint64_t r0;

		if (!rd(m, 0, &r0))
			return INTERP_FAULT;
		nv = (trunc_bits(r0, 8 * sz) == old) ? src : old;
		le_write(b, sz, nv);
		wr(m, 0, old); /* zero-extended for 32 bits: le_read gave 32 bits */
		return INTERP_EXIT;
	}
	default:
		return fault(m, "unknown atomic operation 0x%x", in->atomic);
	}
	le_write(b, sz, nv);
	if (in->fetch) {
		if (in->src == 10)
			return fault(m, "write to r10");
		wr(m, in->src, old);
	}
	return INTERP_EXIT;
}

/* Legacy packet load: the packet is [data, data_end); out of range ends the program with 0 */
static enum interp_status do_ld_abs(struct interp *m, const struct insn *in, bool *ended)
{
	uint64_t idx = 0, ctx;
	int64_t off;
	uint8_t *b;

	if (!rd(m, 6, &ctx))
		return INTERP_FAULT;
	if (ctx != m->rg[m->ctx_rgn].base)
		return fault(m, "legacy packet load without the context in r6");
	if (in->kind == INSN_LD_IND && !rd(m, in->src, &idx))
		return INTERP_FAULT;
	off = (int64_t)(int32_t)((uint32_t)idx + (uint32_t)in->imm);
	for (int r = 1; r <= 5; r++)
		clobber(m, r);
	if (off < 0 || (uint64_t)off + in->size > m->data_end - m->data) {
		m->ret = 0;
		*ended = true;
		return INTERP_EXIT;
	}
	b = mem_at(m, m->data + (uint64_t)off, in->size, false, "legacy packet load", NULL);
	if (!b)
		return INTERP_FAULT;
	/* network byte order */
	{
		uint64_t v = 0;

		for (unsigned i = 0; i < in->size; i++)
			v = (v << 8) | b[i];
		wr(m, 0, v);
	}
	return INTERP_EXIT;
}

static enum interp_status do_lddw(struct interp *m, const struct insn *in)
{
	const struct obj_map *mp;
	int32_t mi = in->imm;

	if (in->dst == 10)
		return fault(m, "write to r10");
	switch (in->src) {
	case INSN_LDDW_IMM:
		wr(m, in->dst, in->imm64);
		return INTERP_EXIT;
	case INSN_LDDW_MAP_FD:
	case INSN_LDDW_MAP_IDX:
		if (!map_of(m, mi))
			return fault(m, "lddw of unknown map %d", mi);
		wr(m, in->dst, m->rg[m->map_handle[mi]].base);
		return INTERP_EXIT;
	case INSN_LDDW_MAP_VALUE:
	case INSN_LDDW_MAP_IDX_VALUE: {
		uint64_t base;

		mp = map_of(m, mi);
		if (!mp)
			return fault(m, "lddw of unknown map %d", mi);
		if (m->map_global[mi] != UINT32_MAX) {
			base = m->rg[m->map_global[mi]].base;
		} else {
			uint8_t zero[8] = { 0 };
			struct interp_map_entry *e = map_entry(m, mi, zero, true);

			if (!e)
				return fault(m, "direct value access to map %s without element 0",
					     mp->name);
			base = m->rg[e->rgn].base;
		}
		wr(m, in->dst, base + (uint64_t)(int64_t)in->imm_hi);
		return INTERP_EXIT;
	}
	default: {
		int64_t r = rg_add(m, IR_OPAQUE, 0, false);

		if (r < 0)
			return fault(m, "out of memory");
		if (in->src == INSN_LDDW_FUNC) {
			m->rg[r].map = FUNC_MARK;
			m->rg[r].key = in->target;
		}
		wr(m, in->dst, m->rg[r].base);
		return INTERP_EXIT;
	}
	}
}

/* ---- packet changes ----------------------------------------------------------------------- */

/* Move the packet to a new region (a helper that may reallocate it): old pointers go stale */
static enum interp_status pkt_realloc(struct interp *m, uint64_t new_head_off, uint64_t new_len,
				      uint64_t new_meta)
{
	uint64_t size = m->rg[m->pkt_rgn].size;
	const uint8_t *ob = m->rg[m->pkt_rgn].bytes; /* stays allocated: the region is kept */
	int64_t r = rg_add(m, IR_PKT, size, m->rg[m->pkt_rgn].writable);

	if (r < 0)
		return fault(m, "out of memory");
	memcpy(m->rg[r].bytes, ob, size);
	m->rg[m->pkt_rgn].dead = true;
	m->pkt_rgn = (uint32_t)r;
	m->data = m->rg[r].base + new_head_off;
	m->data_end = m->data + new_len;
	m->data_meta = m->data - new_meta;
	return INTERP_EXIT;
}

/* ---- helpers ------------------------------------------------------------------------------ */

static enum interp_status run_loop(struct interp *m, uint32_t depth);
static enum interp_status push_frame(struct interp *m, uint32_t ret_pc);

struct hcall {
	uint64_t a[6]; /* a[1..5] */
	int32_t map; /* from the HLP_ARG_MAP argument */
	uint64_t alloc;
};

static int32_t map_from_handle(struct interp *m, uint64_t v)
{
	uint64_t off;
	const struct interp_region *r = interp_region_at(m, v, &off);

	if (!r || r->dead || r->kind != IR_MAP_HANDLE || off)
		return -1;
	return r->map;
}

/* Check the arguments against the prototype; fill writable memory arguments */
static enum interp_status helper_args(struct interp *m, const struct hlp_proto *h, struct hcall *c)
{
	c->map = -1;
	for (int i = 0; i < 5; i++) {
		enum hlp_arg k = h->arg[i];
		int regno = i + 1;
		uint64_t v, sz;
		uint8_t *b;
		const struct obj_map *mp;

		if (k == HLP_ARG_NONE)
			continue;
		if (!rd(m, regno, &v))
			return INTERP_FAULT;
		c->a[regno] = v;
		switch (k) {
		case HLP_ARG_MAP:
			c->map = map_from_handle(m, v);
			if (c->map < 0)
				return fault(m, "%s: r%d is not a map", h->name, regno);
			break;
		case HLP_ARG_MAP_KEY:
		case HLP_ARG_MAP_VALUE:
		case HLP_ARG_MAP_VALUE_UNINIT:
			mp = map_of(m, c->map);
			if (!mp)
				return fault(m, "%s: no map before r%d", h->name, regno);
			sz = k == HLP_ARG_MAP_KEY ? mp->key_size : mp->value_size;
			b = mem_at(m, v, sz, k == HLP_ARG_MAP_VALUE_UNINIT, h->name, NULL);
			if (!b && sz)
				return INTERP_FAULT;
			if (k == HLP_ARG_MAP_VALUE_UNINIT)
				rnd_fill(m, b, sz);
			break;
		case HLP_ARG_MEM:
		case HLP_ARG_MEM_RDONLY:
		case HLP_ARG_MEM_OR_NULL:
		case HLP_ARG_UNINIT_MEM: {
			enum hlp_arg sk = i < 4 ? h->arg[i + 1] : HLP_ARG_NONE;

			if (sk != HLP_ARG_SIZE && sk != HLP_ARG_SIZE_OR_ZERO)
				return INTERP_UNSUPPORTED;
			if (!rd(m, regno + 1, &sz))
				return INTERP_FAULT;
			if ((int64_t)sz < 0)
				return fault(m, "%s: size r%d = %" PRId64 " is negative", h->name,
					     regno + 1, (int64_t)sz);
			if (sz == 0 && sk == HLP_ARG_SIZE)
				return fault(m, "%s: size r%d is zero", h->name, regno + 1);
			if (sz == 0 || (k == HLP_ARG_MEM_OR_NULL && v == 0))
				break;
			b = mem_at(m, v, sz, k == HLP_ARG_UNINIT_MEM, h->name, NULL);
			if (!b)
				return INTERP_FAULT;
			if (k == HLP_ARG_UNINIT_MEM)
				rnd_fill(m, b, sz);
			break;
		}
		case HLP_ARG_FIXED_MEM_8:
			b = mem_at(m, v, 8, true, h->name, NULL);
			if (!b)
				return INTERP_FAULT;
			rnd_fill(m, b, 8);
			break;
		case HLP_ARG_ALLOC_SIZE:
			c->alloc = v;
			break;
		case HLP_ARG_CTX_OR_NULL:
			if (v == 0)
				break;
			__attribute__((fallthrough));
		case HLP_ARG_CTX:
			if (v != m->rg[m->ctx_rgn].base)
				return fault(m, "%s: r%d is not the context", h->name, regno);
			break;
		case HLP_ARG_SOCK_COMMON:
		case HLP_ARG_SOCKET:
		case HLP_ARG_SOCK_RELEASE: {
			uint64_t off;
			struct interp_region *r = rg_at(m, v, &off);

			if (!r || r->dead || r->kind != IR_SOCK || off)
				return fault(m, "%s: r%d is not a socket", h->name, regno);
			if (k == HLP_ARG_SOCK_RELEASE && r->key)
				r->dead = true; /* acquired by a lookup: released now */
			break;
		}
		case HLP_ARG_RINGBUF_MEM_RELEASE: {
			uint64_t off;
			struct interp_region *r = rg_at(m, v, &off);

			if (!r || r->dead || r->kind != IR_MEM || off)
				return fault(m, "%s: r%d is not a ring buffer reservation", h->name,
					     regno);
			r->dead = true;
			break;
		}
		case HLP_ARG_STACK_OR_NULL: {
			const struct interp_region *r = interp_region_at(m, v, NULL);

			if (v && (!r || r->dead || r->kind != IR_STACK))
				return fault(m, "%s: r%d is not a stack pointer", h->name, regno);
			break;
		}
		case HLP_ARG_CONST_STR: {
			uint64_t off;
			const struct interp_region *r = interp_region_at(m, v, &off);

			if (!r || r->dead || r->kind != IR_MAP_VALUE || off >= r->size ||
			    !memchr(r->bytes + off, 0, r->size - off))
				return fault(m, "%s: r%d is not a NUL-terminated string", h->name,
					     regno);
			break;
		}
		case HLP_ARG_SPIN_LOCK:
			if (!mem_at(m, v, 4, true, h->name, NULL))
				return INTERP_FAULT;
			break;
		case HLP_ARG_ANYTHING:
		case HLP_ARG_SIZE:
		case HLP_ARG_SIZE_OR_ZERO:
			break;
		default:
			return INTERP_UNSUPPORTED;
		}
	}
	return INTERP_EXIT;
}

static uint64_t new_region_ptr(struct interp *m, enum interp_rk k, uint64_t size, bool writable,
			       uint64_t key)
{
	int64_t r = rg_add(m, k, size, writable);

	if (r < 0)
		return 0;
	m->rg[r].key = key;
	return m->rg[r].base;
}

/* Helper models that need more than the prototype; *r0 is preset to a random value */
static enum interp_status helper_model(struct interp *m, uint32_t id, const struct hcall *c,
				       uint64_t *r0)
{
	const struct obj_map *mp = map_of(m, c->map);

	switch (id) {
	case H_MAP_UPDATE: {
		const uint8_t *kb = mem_at(m, c->a[2], mp->key_size, false, "key", NULL);
		const uint8_t *vb = mem_at(m, c->a[3], mp->value_size, false, "value", NULL);
		struct interp_map_entry *e = NULL;

		if (mp->kind == OBJ_MAP_USER)
			e = map_entry(m, c->map, kb, true);
		else if (m->map_global[c->map] != UINT32_MAX && le_read(kb, 4) == 0)
			memcpy(m->rg[m->map_global[c->map]].bytes, vb, mp->value_size);
		if (e && m->rg[e->rgn].kind == IR_MAP_VALUE) {
			memcpy(m->rg[e->rgn].bytes, vb, mp->value_size);
			e->present = true;
			*r0 = 0;
		} else if (mp->kind == OBJ_MAP_USER) {
			*r0 = (uint64_t)-7; /* -E2BIG */
		}
		return INTERP_EXIT;
	}
	case H_MAP_DELETE: {
		const uint8_t *kb = mem_at(m, c->a[2], mp->key_size, false, "key", NULL);
		struct interp_map_entry *e = mp->kind == OBJ_MAP_USER && !map_is_array(mp)
						     ? map_entry(m, c->map, kb, false)
						     : NULL;

		/* the value's memory stays valid for the rest of the run (RCU) */
		*r0 = e && e->present ? 0 : (uint64_t)-2;
		if (e)
			e->present = false;
		return INTERP_EXIT;
	}
	case H_KTIME:
	case H_PID_TGID:
	case H_UID_GID:
		*r0 = rnd(m);
		return INTERP_EXIT;
	case H_PRANDOM:
		*r0 = (uint32_t)rnd(m);
		return INTERP_EXIT;
	case H_TRACE_PRINTK:
		*r0 = rnd_below(m, 2) ? c->a[2] : (uint64_t)-22;
		return INTERP_EXIT;
	case H_PROBE_READ:
	case H_PROBE_READ_USER:
	case H_PROBE_READ_KERNEL:
		*r0 = rnd_below(m, 4) ? 0 : (uint64_t)-14;
		return INTERP_EXIT;
	case H_PROBE_READ_USER_STR:
	case H_PROBE_READ_KERNEL_STR:
		/* length including the NUL, or -EFAULT */
		if (c->a[2] == 0 || rnd_below(m, 4) == 0)
			*r0 = (uint64_t)-14;
		else
			*r0 = 1 + rnd_below(m, c->a[2]);
		return INTERP_EXIT;
	case H_COMM:
		if (c->a[2])
			mem_at(m, c->a[1], c->a[2], true, "comm", NULL)[c->a[2] - 1] = 0;
		*r0 = 0;
		return INTERP_EXIT;
	case H_TAIL_CALL:
		return INTERP_EXIT; /* the tail call fails: execution continues after it */
	case H_REDIRECT:
		*r0 = m->p->type == BV_PROG_XDP ? (rnd_below(m, 8) ? 4 : 0) : 7;
		return INTERP_EXIT;
	case H_SKB_LOAD_BYTES: {
		uint64_t off = c->a[2], len = c->a[4], plen = m->data_end - m->data;
		uint8_t *to = mem_at(m, c->a[3], len, true, "load_bytes", NULL);

		if ((uint32_t)off == off && off <= plen && len <= plen - off) {
			if (len)
				memcpy(to, mem_at(m, m->data + off, len, false, "pkt", NULL), len);
			*r0 = 0;
		} else {
			*r0 = (uint64_t)-14;
		}
		return INTERP_EXIT;
	}
	case H_SKB_STORE_BYTES: {
		uint64_t off = c->a[2], len = c->a[4], plen = m->data_end - m->data;
		const uint8_t *from = mem_at(m, c->a[3], len, false, "store_bytes", NULL);

		if ((uint32_t)off == off && off <= plen && len <= plen - off) {
			/* bypasses the read-only check: the helper may write the packet */
			if (len)
				memmove(m->rg[m->pkt_rgn].bytes +
						(m->data - m->rg[m->pkt_rgn].base) + off,
					from, len);
			*r0 = 0;
		} else {
			*r0 = (uint64_t)-14;
		}
		return INTERP_EXIT;
	}
	case H_XDP_ADJUST_HEAD: {
		int64_t delta = (int32_t)c->a[2];
		uint64_t base = m->rg[m->pkt_rgn].base;
		int64_t head = (int64_t)(m->data - base) + delta;
		int64_t len = (int64_t)(m->data_end - m->data) - delta;

		/* room for the xdp_frame at the front, an Ethernet header at least */
		if (head < 32 + 32 || len < 14) {
			*r0 = (uint64_t)-22;
			return INTERP_EXIT;
		}
		*r0 = 0;
		return pkt_realloc(m, (uint64_t)head, (uint64_t)len, 0);
	}
	case H_XDP_ADJUST_META: {
		int64_t delta = (int32_t)c->a[2];
		int64_t meta = (int64_t)(m->data - m->data_meta) - delta;

		if (meta < 0 || meta > 32 || (meta & 3)) {
			*r0 = (uint64_t)-13;
			return INTERP_EXIT;
		}
		*r0 = 0;
		return pkt_realloc(m, m->data - m->rg[m->pkt_rgn].base, m->data_end - m->data,
				   (uint64_t)meta);
	}
	case H_XDP_ADJUST_TAIL: {
		int64_t delta = (int32_t)c->a[2];
		uint64_t base = m->rg[m->pkt_rgn].base, head = m->data - base;
		int64_t len = (int64_t)(m->data_end - m->data) + delta;

		if (len < 14 || head + (uint64_t)len > m->rg[m->pkt_rgn].size) {
			*r0 = (uint64_t)-22;
			return INTERP_EXIT;
		}
		*r0 = 0;
		return pkt_realloc(m, head, (uint64_t)len, m->data - m->data_meta);
	}
	case H_CSUM_DIFF:
		*r0 = (uint32_t)rnd(m);
		return INTERP_EXIT;
	case H_RINGBUF_SUBMIT:
	case H_RINGBUF_DISCARD:
		return INTERP_EXIT;
	case H_RINGBUF_OUTPUT:
	case H_PERF_OUTPUT:
		*r0 = rnd_below(m, 4) ? 0 : (uint64_t)-28;
		return INTERP_EXIT;
	default:
		return INTERP_UNSUPPORTED; /* no model: the generic result stands */
	}
}

/* Call the callback at @target with r1-r4 = @args; *ret receives its r0 */
static enum interp_status call_back(struct interp *m, uint32_t target, const uint64_t args[4],
				    uint64_t *ret)
{
	uint32_t depth = m->nframes, save = m->pc;
	struct interp_frame *f;
	enum interp_status st = push_frame(m, CB_RET_PC);

	if (st != INTERP_EXIT)
		return st;
	f = cur(m);
	f->init = (uint16_t)(1u << 10);
	for (int i = 0; i < 4; i++) {
		f->r[i + 1] = args[i];
		f->init |= (uint16_t)(1u << (i + 1));
	}
	m->pc = target;
	st = run_loop(m, depth);
	if (st != INTERP_EXIT)
		return st;
	m->pc = save;
	*ret = m->cb_ret;
	if (*ret > 1)
		return fault(m,
			     "callback returned %" PRIu64
			     ": only 0 (continue) and 1 (stop) are allowed",
			     *ret);
	return INTERP_EXIT;
}

static bool func_target(const struct interp *m, uint64_t v, uint32_t *target)
{
	uint64_t off;
	const struct interp_region *r = interp_region_at(m, v, &off);

	if (!r || r->kind != IR_OPAQUE || r->map != FUNC_MARK || off)
		return false;
	*target = (uint32_t)r->key;
	return true;
}

/* bpf_loop and bpf_for_each_map_elem: run the callback; r0 = iterations */
static enum interp_status do_callback_helper(struct interp *m, uint32_t id)
{
	uint64_t a[6], args[4], ret = 0, n = 0;
	uint32_t target;
	enum interp_status st;

	for (int i = 1; i <= 4; i++)
		if (!rd(m, i, &a[i]))
			return INTERP_FAULT;
	if (!func_target(m, a[2], &target))
		return fault(m, "r2 is not a callback function");
	if (id == H_LOOP) {
		if (a[1] > LOOP_MAX) {
			n = (uint64_t)-7; /* -E2BIG */
		} else {
			for (uint64_t i = 0; i < a[1]; i++) {
				args[0] = i;
				args[1] = a[3];
				args[2] = args[3] = 0;
				st = call_back(m, target, args, &ret);
				if (st != INTERP_EXIT)
					return st;
				n++;
				if (ret)
					break;
			}
		}
	} else {
		int32_t mi = map_from_handle(m, a[1]);
		const struct obj_map *mp = map_of(m, mi);
		uint64_t cnt;

		if (!mp)
			return fault(m, "bpf_for_each_map_elem: r1 is not a map");
		cnt = map_is_array(mp) ? (mp->max_entries < 64 ? mp->max_entries : 64) : m->ent_cnt;
		for (uint64_t i = 0; i < cnt; i++) {
			struct interp_map_entry *e;
			uint8_t kb[8] = { 0 };
			int64_t kr;

			if (map_is_array(mp)) {
				le_write(kb, 4, i);
				e = map_entry(m, mi, kb, true);
			} else {
				e = &m->ents[i];
				if (e->map != mi || !e->present)
					continue;
			}
			if (!e || m->rg[e->rgn].kind != IR_MAP_VALUE)
				continue;
			/* the key as read-only memory of its own */
			kr = rg_add(m, IR_MEM, mp->key_size, false);
			if (kr < 0)
				return fault(m, "out of memory");
			if (e->kbytes)
				memcpy(m->rg[kr].bytes, e->kbytes, mp->key_size);
			else if (mp->key_size >= 4)
				le_write(m->rg[kr].bytes, 4, e->key);
			args[0] = a[1];
			args[1] = m->rg[kr].base;
			args[2] = m->rg[e->rgn].base;
			args[3] = a[3];
			st = call_back(m, target, args, &ret);
			m->rg[kr].dead = true;
			if (st != INTERP_EXIT)
				return st;
			n++;
			if (ret)
				break;
		}
	}
	for (int r = 1; r <= 5; r++)
		clobber(m, r);
	wr(m, 0, n);
	return INTERP_EXIT;
}

static enum interp_status do_helper(struct interp *m, const struct insn *in)
{
	uint32_t id = (uint32_t)in->imm;
	const struct hlp_proto *h = hlp_lookup(id);
	struct hcall c;
	enum interp_status st;
	uint64_t r0;
	bool r0_set = true;

	memset(&c, 0, sizeof(c));
	if (id == H_LOOP || id == H_FOR_EACH_MAP_ELEM)
		return do_callback_helper(m, id);
	if (!h || !h->name) {
		fault(m, "call to unknown helper %u", id);
		return INTERP_UNSUPPORTED;
	}
	st = helper_args(m, h, &c);
	if (st != INTERP_EXIT)
		return st;
	/* the generic result: anything the prototype allows */
	switch (h->ret) {
	case HLP_RET_INTEGER:
		r0 = rnd_interesting(m);
		if (h->ret_min <= h->ret_max)
			r0 = (uint64_t)h->ret_min +
			     rnd_below(m, (uint64_t)(h->ret_max - h->ret_min) + 1);
		break;
	case HLP_RET_VOID:
		r0 = 0;
		r0_set = false;
		break;
	case HLP_RET_MAP_VALUE_OR_NULL: {
		const struct obj_map *mp = map_of(m, c.map);
		const uint8_t *kb = NULL;

		for (int i = 0; i < 5; i++)
			if (h->arg[i] == HLP_ARG_MAP_KEY && mp)
				kb = mem_at(m, c.a[i + 1], mp->key_size, false, "key", NULL);
		r0 = kb ? map_lookup(m, c.map, kb) : 0;
		break;
	}
	case HLP_RET_SOCKET_OR_NULL:
	case HLP_RET_SOCK_COMMON_OR_NULL:
	case HLP_RET_TCP_SOCK_OR_NULL:
		r0 = rnd_below(m, 2) ? 0
				     : new_region_ptr(m, IR_SOCK, SOCK_SIZE, false,
						      (h->flags & HLP_ACQUIRE) ? 1 : 0);
		break;
	case HLP_RET_RINGBUF_MEM_OR_NULL:
		/* a reservation larger than the ring buffer always fails (and these runs do
		 * not allocate more than 1 MiB) */
		r0 = rnd_below(m, 8) == 0 || c.alloc > (1u << 20) ||
				     (map_of(m, c.map) && c.alloc > map_of(m, c.map)->max_entries)
			     ? 0
			     : new_region_ptr(m, IR_MEM, c.alloc, true, 0);
		break;
	case HLP_RET_BTF_ID_OR_NULL:
	case HLP_RET_BTF_ID:
	case HLP_RET_MEM_OR_BTF_ID:
		r0 = (h->ret == HLP_RET_BTF_ID_OR_NULL && rnd_below(m, 2))
			     ? 0
			     : new_region_ptr(m, IR_OPAQUE, 0, false, 0);
		break;
	default:
		return INTERP_UNSUPPORTED;
	}
	if (h->ret == HLP_RET_INTEGER || h->ret == HLP_RET_VOID) {
		st = helper_model(m, id, &c, &r0);
		if (st == INTERP_FAULT)
			return st;
	}
	for (int r = 1; r <= 5; r++)
		clobber(m, r);
	if (r0_set)
		wr(m, 0, r0);
	else
		clobber(m, 0);
	/* a helper that may change packet data moves the packet: stale pointers fault */
	if ((h->flags & HLP_PKT_CHANGES) && id != H_TAIL_CALL && id != H_XDP_ADJUST_HEAD &&
	    id != H_XDP_ADJUST_META && id != H_XDP_ADJUST_TAIL)
		return pkt_realloc(m, m->data - m->rg[m->pkt_rgn].base, m->data_end - m->data,
				   m->data - m->data_meta);
	return INTERP_EXIT;
}

/* ---- calls -------------------------------------------------------------------------------- */

static enum interp_status push_frame(struct interp *m, uint32_t ret_pc)
{
	struct interp_frame *f;
	int64_t r;

	if (m->nframes >= INTERP_MAX_FRAMES)
		return fault(m, "call chain deeper than %d frames", INTERP_MAX_FRAMES);
	r = rg_add(m, IR_STACK, INTERP_STACK_SIZE, true);
	if (r < 0)
		return fault(m, "out of memory");
	m->rg[r].frame = m->nframes;
	f = &m->fr[m->nframes];
	memset(f, 0, sizeof(*f));
	if (m->nframes) {
		const struct interp_frame *c = &m->fr[m->nframes - 1];

		for (int i = 1; i <= 5; i++)
			f->r[i] = c->r[i];
		f->init = c->init & 0x3e;
	}
	f->stack = (uint32_t)r;
	f->ret_pc = ret_pc;
	f->r[10] = m->rg[r].base + INTERP_STACK_SIZE;
	f->init |= 1u << 10;
	m->nframes++;
	return INTERP_EXIT;
}

/* ---- setup -------------------------------------------------------------------------------- */

struct interp *interp_new(const struct obj *o, const struct obj_prog *p, const struct insn *insns)
{
	struct interp *m = calloc(1, sizeof(*m));
	size_t mc = o ? o->map_cnt : 0;

	if (!m)
		return NULL;
	m->o = o;
	m->p = p;
	m->in = insns;
	m->n = p->insn_cnt;
	m->map_handle = calloc(mc + 1, sizeof(*m->map_handle));
	m->map_global = calloc(mc + 1, sizeof(*m->map_global));
	if (!m->map_handle || !m->map_global) {
		interp_free(m);
		return NULL;
	}
	return m;
}

void interp_free(struct interp *m)
{
	if (!m)
		return;
	rg_clear(m);
	free(m->rg);
	free(m->ents);
	free(m->map_handle);
	free(m->map_global);
	free(m);
}

int interp_reset(struct interp *m, const struct interp_input *in)
{
	uint32_t plen = in->pkt_len > INTERP_MAX_PKT ? INTERP_MAX_PKT : in->pkt_len;
	uint32_t meta = in->meta_len > 32 ? 32 : in->meta_len & ~3u;
	size_t mc = m->o ? m->o->map_cnt : 0;
	int64_t r;

	rg_clear(m);
	m->rng = in->seed;
	m->nframes = 0;
	m->steps = 0;
	m->may_goto_cnt = 0;
	m->ret = 0;
	m->sock = 0;
	m->fault.pc = 0;
	m->fault.msg[0] = 0;
	/* context */
	r = rg_add(m, IR_CTX, ctx_size(m->p->type), true);
	if (r < 0)
		return -1;
	m->ctx_rgn = (uint32_t)r;
	if (in->ctx_words)
		memcpy(m->rg[r].bytes, in->ctx_words,
		       in->ctx_len < m->rg[r].size ? in->ctx_len : m->rg[r].size);
	/* packet */
	r = rg_add(m, IR_PKT, INTERP_PKT_HEADROOM + plen + INTERP_PKT_TAILROOM,
		   ctx_pkt_writable(m->p->type));
	if (r < 0)
		return -1;
	m->pkt_rgn = (uint32_t)r;
	m->data = m->rg[r].base + INTERP_PKT_HEADROOM;
	m->data_end = m->data + plen;
	m->data_meta = m->data - meta;
	if (in->pkt && plen)
		memcpy(m->rg[r].bytes + INTERP_PKT_HEADROOM, in->pkt, plen);
	/* a socket behind the context, or none, decided once per run */
	if (rnd(m) & 1) {
		r = rg_add(m, IR_SOCK, SOCK_SIZE, false);
		if (r < 0)
			return -1;
		m->sock = m->rg[r].base;
	}
	/* maps: a handle each; global data and read-only maps from the object */
	for (size_t i = 0; i < mc; i++) {
		const struct obj_map *mp = &m->o->maps[i];

		r = rg_add(m, IR_MAP_HANDLE, 0, false);
		if (r < 0)
			return -1;
		m->rg[r].map = (int32_t)i;
		m->map_handle[i] = (uint32_t)r;
		m->map_global[i] = UINT32_MAX;
		if (mp->kind == OBJ_MAP_USER)
			continue;
		r = rg_add(m, IR_MAP_VALUE, mp->value_size, mp->kind != OBJ_MAP_RODATA);
		if (r < 0)
			return -1;
		m->rg[r].map = (int32_t)i;
		if (mp->kind == OBJ_MAP_RODATA || mp->readonly || (rnd(m) & 1)) {
			/* read-only data is what the verifier may fold; writable data usually
			 * starts as in the object, but user space may have changed it */
			if (mp->data)
				memcpy(m->rg[r].bytes, mp->data, mp->value_size);
			else
				memset(m->rg[r].bytes, 0, mp->value_size);
		}
		m->map_global[i] = (uint32_t)r;
	}
	for (size_t i = 0; i < mc; i++) {
		const struct obj_map *mp = &m->o->maps[i];

		if (mp->kind == OBJ_MAP_USER && (mp->readonly || (mp->flags & (1u << 7))) &&
		    mp->data) {
			uint8_t zero[8] = { 0 };
			struct interp_map_entry *e = map_entry(m, (int32_t)i, zero, true);

			if (e && m->rg[e->rgn].kind == IR_MAP_VALUE)
				memcpy(m->rg[e->rgn].bytes, mp->data, mp->value_size);
		}
	}
	if (push_frame(m, 0) != INTERP_EXIT)
		return -1;
	wr(m, 1, m->rg[m->ctx_rgn].base);
	m->pc = 0;
	return 0;
}

/* ---- the loop ----------------------------------------------------------------------------- */

static enum interp_status step(struct interp *m, bool *ended)
{
	const struct insn *in = &m->in[m->pc];
	uint64_t a, b, v;
	enum interp_status st;

	switch (in->kind) {
	case INSN_ALU:
		st = do_alu(m, in);
		m->pc++;
		return st;
	case INSN_END:
		st = do_end(m, in);
		m->pc++;
		return st;
	case INSN_JA:
		m->pc = in->target;
		return INTERP_EXIT;
	case INSN_MAY_GOTO:
		/* the kernel's loop counter: fall through a bounded number of times, then jump */
		m->pc = ++m->may_goto_cnt > INTERP_MAY_GOTO_MAX ? in->target : m->pc + 1;
		return INTERP_EXIT;
	case INSN_JCOND:
		if (!rd(m, in->dst, &a))
			return INTERP_FAULT;
		if (in->src_reg) {
			if (!rd(m, in->src, &b))
				return INTERP_FAULT;
		} else {
			b = (uint64_t)(int64_t)in->imm;
		}
		m->pc = cond(in->jmp, a, b, in->is64) ? in->target : m->pc + 1;
		return INTERP_EXIT;
	case INSN_LDX:
		if (in->dst == 10)
			return fault(m, "write to r10");
		if (!rd(m, in->src, &a))
			return INTERP_FAULT;
		if (load(m, a + (uint64_t)(int64_t)in->off, in->size, in->sx, &v) != INTERP_EXIT)
			return INTERP_FAULT;
		wr(m, in->dst, v);
		m->pc++;
		return INTERP_EXIT;
	case INSN_ST:
		if (!rd(m, in->dst, &a))
			return INTERP_FAULT;
		st = store(m, a + (uint64_t)(int64_t)in->off, in->size, (uint64_t)(int64_t)in->imm);
		m->pc++;
		return st;
	case INSN_STX:
		if (!rd(m, in->dst, &a) || !rd(m, in->src, &b))
			return INTERP_FAULT;
		st = store(m, a + (uint64_t)(int64_t)in->off, in->size, b);
		m->pc++;
		return st;
	case INSN_ATOMIC:
		st = do_atomic(m, in);
		m->pc++;
		return st;
	case INSN_LD_ABS:
	case INSN_LD_IND:
		st = do_ld_abs(m, in, ended);
		m->pc++;
		return st;
	case INSN_LDDW:
		st = do_lddw(m, in);
		m->pc += 2;
		return st;
	case INSN_CALL:
		if (in->src == INSN_CALL_LOCAL) {
			st = push_frame(m, m->pc + 1);
			m->pc = in->target;
			return st;
		}
		if (in->src != INSN_CALL_HELPER) {
			fault(m, "kfunc calls are not modelled");
			return INTERP_UNSUPPORTED;
		}
		st = do_helper(m, in);
		m->pc++;
		return st;
	case INSN_EXIT: {
		struct interp_frame *f = cur(m);
		bool r0_init = (f->init & 1) != 0;
		uint64_t r0 = f->r[0];

		if (m->nframes == 1) {
			if (!rd(m, 0, &m->ret))
				return INTERP_FAULT;
			*ended = true;
			return INTERP_EXIT;
		}
		m->rg[f->stack].dead = true;
		if (f->ret_pc == CB_RET_PC) {
			if (!r0_init)
				return fault(m, "callback returns without setting r0");
			m->cb_ret = r0;
			m->cb_done = true;
			m->nframes--;
			return INTERP_EXIT;
		}
		m->pc = f->ret_pc;
		m->nframes--;
		for (int r = 1; r <= 5; r++)
			clobber(m, r);
		if (r0_init)
			wr(m, 0, r0);
		else
			clobber(m, 0);
		return INTERP_EXIT;
	}
	default:
		fault(m, "instruction kind %d is not modelled (callx)", (int)in->kind);
		return INTERP_UNSUPPORTED;
	}
}

/* Run until the main program exits, or, with @depth > 0, until the callback frame above
 * @depth frames returns */
static enum interp_status run_loop(struct interp *m, uint32_t depth)
{
	for (;;) {
		bool ended = false;
		enum interp_status st;
		uint32_t pc = m->pc;

		if (pc >= m->n || m->in[pc].kind == INSN_LDDW_HI) {
			fault(m, "execution reaches slot %u, not an instruction", pc);
			return INTERP_FAULT;
		}
		if (m->steps++ >= m->max_steps)
			return INTERP_STEP_LIMIT;
		if (m->hook.pre)
			m->hook.pre(m->hook.ctx, m, pc);
		st = step(m, &ended);
		if (st != INTERP_EXIT)
			return st;
		if (ended)
			return INTERP_EXIT;
		if (m->cb_done && m->nframes == depth) {
			m->cb_done = false;
			return INTERP_EXIT;
		}
	}
}

enum interp_status interp_run(struct interp *m, uint64_t max_steps)
{
	m->max_steps = max_steps ? max_steps : INTERP_DEFAULT_STEPS;
	return run_loop(m, 0);
}
