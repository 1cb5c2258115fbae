/* SPDX-License-Identifier: MIT */
/*
 * kbtf: the kernel-BTF side of BTF-typed programs (kernel-model.md, "BTF
 * pointers"). Given the target kernel's BTF (/sys/kernel/btf/vmlinux format):
 * - resolve the attach target of a tp_btf / fentry / fexit / fmod_ret / iter /
 *   lsm program and decide what a context load yields (btf.c:btf_ctx_access);
 * - decide what a load through a pointer to a kernel struct yields
 *   (btf.c:btf_struct_walk, verifier.c:check_ptr_to_btf_access), including
 *   the trust the result inherits (the kernel's __safe_trusted / __safe_rcu
 *   allow lists are types in the kernel BTF, so they are read from it).
 * Pure functions of the BTF; the interpreter (fix.c) owns the states.
 */
#ifndef BV_VERIFIER_KBTF_H
#define BV_VERIFIER_KBTF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../include/bpfverify.h"
#include "btf.h"

/* Trust of a pointer to a kernel struct (PTR_TO_BTF_ID and its flags) */
enum kb_trust {
	KB_PLAIN, /* no flag: accepted by helpers, walking yields untrusted */
	KB_TRUSTED, /* PTR_TRUSTED */
	KB_RCU, /* MEM_RCU */
	KB_UNTRUSTED, /* PTR_UNTRUSTED: loads only */
	KB_NODEREF, /* MEM_USER / MEM_PERCPU: no direct loads */
};

/* What a load yields */
struct kb_val {
	bool scalar; /* an unknown scalar of the access size */
	uint32_t id; /* else a pointer to the struct/union of this type id */
	uint8_t trust; /* enum kb_trust */
	bool maybe_null;
};

/* The resolved attach target of a BTF-typed tracing or LSM program */
struct kb_target {
	const char *name; /* attach point as written in the section ("sched_switch") */
	uint32_t func; /* FUNC (or btf_trace_* TYPEDEF) the target resolved to */
	uint32_t proto; /* its FUNC_PROTO */
	uint32_t skip; /* leading prototype parameters the program does not see (tp_btf: 1) */
	uint32_t nargs; /* visible arguments */
	uint32_t attach; /* expected attach type (BPF_TRACE_*, BPF_LSM_MAC) */
	bool trusted; /* pointer arguments are PTR_TRUSTED (prog_args_trusted) */
	bool sleepable; /* ".s" section: not in an RCU critical section */
	uint64_t null_mask, err_mask; /* tp_btf: arguments that may be NULL / an error */
};

/*
 * Resolve @p_type / @attach / @section against kernel BTF @kb. Returns 0, or
 * -1 with a one-line reason (the kernel would refuse to load: no such
 * function or tracepoint in the kernel BTF).
 */
int kb_resolve(const struct btf *kb, enum bv_prog_type p_type, uint32_t attach, const char *section,
	       struct kb_target *tg, char *err, size_t err_size);

/* btf_ctx_access: a context load of @size bytes at @off. 0 with @out, or -1 with @err. */
int kb_ctx_access(const struct btf *kb, const struct kb_target *tg, int64_t off, uint32_t size,
		  struct kb_val *out, char *err, size_t err_size);

/*
 * A load of @size bytes at @off through a pointer of trust @trust to struct
 * @id (check_ptr_to_btf_access after the generic checks). @rcu_cs: the
 * program runs in an RCU read-side section (not sleepable). 0 with @out, or
 * -1 with @err.
 */
int kb_struct_read(const struct btf *kb, uint32_t id, uint8_t trust, bool rcu_cs, int64_t off,
		   uint32_t size, struct kb_val *out, char *err, size_t err_size);

/* Name of type @id ("task_struct"), "?" if none */
const char *kb_name(const struct btf *kb, uint32_t id);

/* Is struct @id a @name, itself or through its first members (btf_struct_ids_match)? */
bool kb_is_a(const struct btf *kb, uint32_t id, const char *name);

/* Return type of the target's prototype: 0 void, 1 int-like, 2 other */
int kb_ret_kind(const struct btf *kb, const struct kb_target *tg);

/* lsm: the accepted return range (bpf_lsm_get_retval_range); false = any value */
bool kb_lsm_ret_range(const struct btf *kb, const struct kb_target *tg, int64_t *lo, int64_t *hi);

/*
 * Load a kernel BTF file (raw BTF, as /sys/kernel/btf/vmlinux) and index it.
 * NULL with @err on failure. Free with kb_free().
 */
struct btf *kb_load(const char *path, char *err, size_t err_size);
void kb_free(struct btf *kb);

#endif
