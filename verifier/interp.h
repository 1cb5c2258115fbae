/* SPDX-License-Identifier: MIT */
/*
 * interp: a concrete interpreter for the whole RFC 9669 instruction set, used
 * by the soundness self-checks (tests/selfcheck.c) and its own ISA tests. It
 * is not part of the verification pipeline.
 *
 * Memory is a set of disjoint regions at concrete 64-bit addresses, each
 * 4 GiB apart: the context, one 512-byte stack per active frame, the packet
 * buffer (headroom, data_meta .. data .. data_end, tailroom), one region per
 * map value (created when a lookup first returns it), global data (.data,
 * .rodata, .bss initialised from the object), ring buffer reservations,
 * sockets and opaque kernel objects. Every load, store, atomic and helper
 * memory argument must fall inside a live region, and inside [data_meta,
 * data_end) for the packet; anything else is a fault. So is a read of an
 * uninitialised register. A verifier that accepted the program claimed no
 * run can fault: each fault is a soundness bug.
 *
 * The context follows ctx_check() (verifier/ctx.h): pointer fields yield the
 * concrete packet, packet end, meta, socket or opaque pointers; scalar fields
 * yield the context bytes mapped into the field's documented range. Helpers
 * either have a model (map lookup/update/delete, ktime, prandom, cpu id,
 * trace_printk, probe_read*, pid/tgid, comm, redirect, xdp_adjust_head/meta/
 * tail, skb load/store bytes, csum_diff, ring buffer reserve/submit/discard/
 * output, perf_event_output, tail_call (always fails: execution continues),
 * bpf_loop and bpf_for_each_map_elem (the callback runs in a frame of its
 * own, nested in the helper call), spin lock) or, for every other helper of verifier/helpers.h, check their
 * memory arguments against the prototype, fill writable ones with random
 * bytes and return a random value within the prototype's range.
 */
#ifndef BV_VERIFIER_INTERP_H
#define BV_VERIFIER_INTERP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "insn.h"
#include "obj.h"

#define INTERP_MAX_FRAMES 16
#define INTERP_STACK_SIZE 512
#define INTERP_PKT_HEADROOM 256
#define INTERP_PKT_TAILROOM 256
#define INTERP_MAX_PKT 4096

/* Kinds of concrete memory regions */
enum interp_rk {
	IR_CTX,
	IR_STACK,
	IR_PKT, /* packet buffer: only [data_meta, data_end) is accessible */
	IR_MAP_VALUE, /* one value of a user map, or the single value of global data */
	IR_MAP_HANDLE, /* the map object itself (lddw map): not accessible */
	IR_MEM, /* ring buffer reservation */
	IR_SOCK,
	IR_FLOW_KEYS,
	IR_OPAQUE, /* kernel object or code address: not accessible */
	IR_KIND_CNT,
};

struct interp_region {
	enum interp_rk kind;
	uint64_t base, size;
	uint8_t *bytes; /* size bytes (NULL when size is 0) */
	bool writable;
	bool dead; /* freed: stack of a returned frame, submitted reservation, old packet */
	int32_t map; /* IR_MAP_VALUE / IR_MAP_HANDLE: map index, else -1 */
	uint32_t frame; /* IR_STACK: frame index (0 = main) */
	uint64_t key; /* IR_MAP_VALUE: array index or hash of the key */
};

struct interp_frame {
	uint64_t r[11];
	uint16_t init; /* bit per register: written */
	uint32_t ret_pc; /* where the caller continues */
	uint32_t stack; /* region index of this frame's stack */
};

enum interp_status {
	INTERP_EXIT, /* the main program returned: r0 in interp.ret */
	INTERP_FAULT, /* memory fault or uninitialised register read: see interp.fault */
	INTERP_STEP_LIMIT, /* more instructions than the step budget */
	INTERP_UNSUPPORTED, /* callx, kfunc, helper without a prototype, callback */
};

/* What a run starts from; zero fields take defaults */
struct interp_input {
	uint64_t seed; /* drives every random choice of the run */
	uint32_t pkt_len; /* bytes between data and data_end (at most INTERP_MAX_PKT) */
	uint32_t meta_len; /* bytes between data_meta and data (at most 32) */
	const uint8_t *pkt; /* packet bytes, or NULL for random ones */
	const uint64_t *ctx_words; /* optional: ctx_len/8 words copied over the random context */
	size_t ctx_len;
};

struct interp;

/* Called before each instruction is executed */
struct interp_hook {
	void *ctx;
	void (*pre)(void *ctx, const struct interp *m, uint32_t pc);
};

struct interp_map_entry;

/*
 * may_goto falls through this many times per run, then jumps. The kernel's budget is
 * BPF_MAX_LOOPS (8M); the analysis treats every may_goto as going either way, so any
 * bound gives runs it must cover, and a small one keeps self-check runs short.
 */
#define INTERP_MAY_GOTO_MAX 4096u

struct interp {
	const struct obj *o; /* may be NULL: no maps */
	const struct obj_prog *p;
	const struct insn *in;
	size_t n;
	struct interp_region *rg;
	size_t rg_cnt, rg_cap;
	struct interp_frame fr[INTERP_MAX_FRAMES];
	uint32_t nframes;
	uint32_t pc;
	uint64_t rng;
	uint32_t ctx_rgn, pkt_rgn;
	uint64_t data, data_end, data_meta; /* concrete packet pointers */
	uint64_t sock; /* socket the context refers to, 0 if none */
	uint32_t *map_handle; /* per map: region index of its handle */
	uint32_t *map_global; /* per map: region index of its single value (global data), or -1 */
	struct interp_map_entry *ents; /* lookup results created so far */
	size_t ent_cnt, ent_cap;
	uint64_t steps, max_steps;
	uint64_t may_goto_cnt; /* may_goto instructions executed (the kernel's per-call counter) */
	uint64_t ret; /* r0 at exit */
	uint64_t cb_ret; /* r0 of the callback that just returned */
	bool cb_done;
	struct {
		uint32_t pc;
		char msg[256];
	} fault;
	struct interp_hook hook;
};

/* Make an interpreter for program @p (linked image @insns decoded by insn_decode_all) of
 * object @o (NULL allowed: no maps). Returns NULL on allocation failure. */
struct interp *interp_new(const struct obj *o, const struct obj_prog *p, const struct insn *insns);
void interp_free(struct interp *m);

/* Set up a fresh machine for one run: context, packet, stack, map contents and
 * global data; r1 = context, r10 = frame pointer. Returns 0 or -1 (out of memory). */
int interp_reset(struct interp *m, const struct interp_input *in);

/* Run from the entry until exit, a fault or @max_steps instructions (0 = 1M) */
enum interp_status interp_run(struct interp *m, uint64_t max_steps);

/* Value of register @r of the current frame; false if uninitialised */
bool interp_reg(const struct interp *m, int r, uint64_t *v);

/* Frame pointer (r10) of frame @frame */
uint64_t interp_fp(const struct interp *m, uint32_t frame);

/* The live region containing address @addr, or NULL; *off receives addr - base */
const struct interp_region *interp_region_at(const struct interp *m, uint64_t addr, uint64_t *off);

/* The region whose base is nearest to @addr (within 2 GiB either side), dead ones included,
 * or NULL; *off receives addr - base, negative for an address just below the region */
const struct interp_region *interp_region_near(const struct interp *m, uint64_t addr, int64_t *off);

/* Name of a region kind: "ctx", "stack", ... */
const char *interp_rk_name(enum interp_rk k);
const char *interp_status_name(enum interp_status s);

/* Read @size (1, 2, 4, 8) bytes at @addr for tests; false if not inside a live region */
bool interp_peek(const struct interp *m, uint64_t addr, unsigned size, uint64_t *v);

#endif
