/* SPDX-License-Identifier: MIT */
/*
 * helpers: the prototype table of the kernel's helper functions
 * (linux/bpf.h "helper function descriptions", kernel-model.md section 7):
 * argument and return kinds, which program types may call each helper,
 * GPL-only, packet-data changes, reference acquire/release. Data, not code.
 */
#ifndef BV_VERIFIER_HELPERS_H
#define BV_VERIFIER_HELPERS_H

#include <stdbool.h>
#include <stdint.h>

#include "../include/bpfverify.h"

enum hlp_arg {
	HLP_ARG_NONE, /* unused (DONTCARE) */
	HLP_ARG_ANYTHING, /* any initialised value */
	HLP_ARG_MAP, /* CONST_PTR_TO_MAP */
	HLP_ARG_MAP_KEY, /* pointer to key_size readable initialised bytes */
	HLP_ARG_MAP_VALUE, /* pointer to value_size readable initialised bytes */
	HLP_ARG_MAP_VALUE_UNINIT, /* pointer to value_size writable bytes (pop/peek) */
	HLP_ARG_MEM, /* pointer to readable initialised memory, size in next arg */
	HLP_ARG_MEM_OR_NULL, /* as MEM, or NULL with size 0 */
	HLP_ARG_MEM_RDONLY, /* as MEM, read-only memory also accepted */
	HLP_ARG_UNINIT_MEM, /* pointer to writable memory (initialised by helper), size next */
	HLP_ARG_FIXED_MEM_8, /* 8-byte writable memory (e.g. strtol result) */
	HLP_ARG_SIZE, /* scalar size > 0 for the previous mem arg */
	HLP_ARG_SIZE_OR_ZERO, /* scalar size >= 0 */
	HLP_ARG_ALLOC_SIZE, /* known constant size; becomes R0's mem size */
	HLP_ARG_CTX, /* unmodified ctx pointer */
	HLP_ARG_CTX_OR_NULL,
	HLP_ARG_SOCK_COMMON, /* any socket pointer kind */
	HLP_ARG_SOCKET, /* PTR_TO_SOCKET (full socket) */
	HLP_ARG_SOCK_RELEASE, /* referenced socket, released by this call */
	HLP_ARG_BTF_ID, /* kernel object pointer from BTF (unmodelled) */
	HLP_ARG_RINGBUF_MEM_RELEASE, /* ringbuf reservation, released (submit/discard) */
	HLP_ARG_FUNC, /* callback */
	HLP_ARG_STACK_OR_NULL, /* pointer to stack, or NULL */
	HLP_ARG_CONST_STR, /* read-only map value holding a NUL-terminated string */
	HLP_ARG_SPIN_LOCK, /* map value at its bpf_spin_lock field */
	HLP_ARG_TIMER, /* map value at its bpf_timer field */
	HLP_ARG_DYNPTR, /* dynptr on stack */
	HLP_ARG_UNMODELLED, /* kind not modelled: calling makes the program inconclusive */
	HLP_ARG_MAP_VALUE_OR_NULL, /* NULL, or value_size readable bytes (sk_storage_get init) */
	HLP_ARG_SK_ASSIGN, /* sk_assign's socket: SK_LOOKUP: socket or NULL; TC: any socket kind */
	HLP_ARG_DYNPTR_UNINIT, /* 16 stack bytes the helper makes a dynptr (local or ring buffer) */
	HLP_ARG_DYNPTR_RELEASE, /* ring buffer dynptr, released (submit/discard) */
};

enum hlp_ret {
	HLP_RET_INTEGER,
	HLP_RET_VOID,
	HLP_RET_MAP_VALUE_OR_NULL,
	HLP_RET_SOCKET_OR_NULL, /* acquires a reference */
	HLP_RET_SOCK_COMMON_OR_NULL,
	HLP_RET_TCP_SOCK_OR_NULL,
	HLP_RET_RINGBUF_MEM_OR_NULL, /* acquires; size from the ALLOC_SIZE arg */
	HLP_RET_MEM_OR_BTF_ID,
	HLP_RET_BTF_ID_OR_NULL,
	HLP_RET_BTF_ID,
	HLP_RET_UNMODELLED,
	HLP_RET_DYNPTR_MEM_OR_NULL, /* slice of the dynptr argument, size from the ALLOC_SIZE arg */
};

enum hlp_flag {
	HLP_GPL_ONLY = 1u << 0,
	HLP_PKT_CHANGES = 1u << 1, /* invalidates packet pointers (bpf_helper_changes_pkt_data) */
	HLP_ACQUIRE = 1u << 2, /* returns a reference that must be released */
	HLP_RELEASE = 1u << 3, /* releases the reference in its HLP_*_RELEASE arg */
	HLP_PKT_ACCESS = 1u << 4, /* mem args may point to the packet */
	HLP_CALLBACK = 1u << 5, /* takes a callback (bpf_loop, for_each_map_elem, timer, ...) */
	HLP_SLEEPABLE = 1u << 6, /* may sleep: only sleepable programs */
};

struct hlp_proto {
	uint32_t id; /* helper number (enum bpf_func_id) */
	const char *name; /* "bpf_map_lookup_elem" */
	enum hlp_ret ret;
	enum hlp_arg arg[5];
	uint32_t flags; /* enum hlp_flag */
	/* return range refinement for HLP_RET_INTEGER: [ret_min, ret_max] signed, when
	 * ret_min <= ret_max; e.g. get_smp_processor_id -> [0, NR_CPUS - 1] */
	int64_t ret_min, ret_max;
};

/* Prototype of helper @id, or NULL when unknown (the caller reports inconclusive) */
const struct hlp_proto *hlp_lookup(uint32_t id);
/* Whether program type @t may call helper @id (the type's get_func_proto offers it) */
bool hlp_allowed(uint32_t id, enum bv_prog_type t);
/* Whether map type @map_type may be passed to helper @id (check_map_func_compatibility)
 * and, conversely, whether helper @id is allowed on that map */
bool hlp_map_compatible(uint32_t id, uint32_t map_type);
/* Kernel struct name of BTF-typed argument @arg (1-5) or return value (@arg 0) of helper @id,
 * or NULL if that is not BTF-typed or not known; @or_null: NULL is also accepted / may be
 * returned; @trusted: the returned pointer is trusted */
const char *hlp_btf_type(uint32_t id, int arg, bool *or_null, bool *trusted);
/* Highest helper id known */
uint32_t hlp_max_id(void);

#endif
