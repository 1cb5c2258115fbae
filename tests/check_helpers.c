// SPDX-License-Identifier: MIT
/*
 * Tests for verifier/helpers: the table against the system's linux/bpf.h
 * (every id of __BPF_FUNC_MAPPER has a row with the same name), prototype,
 * program-type and map-type spot checks taken from the kernel sources named
 * in helpers.c, and consistency rules every row must follow.
 */
#include <string.h>

#include <linux/bpf.h>

#include "suites.h"
#include "../verifier/helpers.h"
#include "../verifier/kfuncs.h"

/* Helper names in id order, straight from the UAPI header (which supplies the
 * commas). Both the 6.1 form
 * (FN(name)) and the later one (FN(name, id, ctx) applied as FN(name)) pass
 * one argument. */
#define UAPI_FN_NAME(x) #x
static const char *const uapi_names[] = { __BPF_FUNC_MAPPER(UAPI_FN_NAME) };
#undef UAPI_FN_NAME

START_TEST(test_names_match_uapi)
{
	uint32_t id = (uint32_t)_i;
	const struct hlp_proto *p = hlp_lookup(id);
	char want[64];

	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(p->id, id);
	snprintf(want, sizeof(want), "bpf_%s", uapi_names[id]);
	ck_assert_str_eq(p->name, want);
}
END_TEST

START_TEST(test_ids_bounds)
{
	/* 6.18 adds cgrp_storage_get (210) and cgrp_storage_delete (211) to the
	 * list, which is frozen since (include/uapi/linux/bpf.h) */
	ck_assert_uint_eq(hlp_max_id(), 211);
	ck_assert_uint_ge(hlp_max_id(), ARRAY_SIZE(uapi_names) - 1);
	ck_assert_ptr_null(hlp_lookup(0));
	ck_assert_ptr_null(hlp_lookup(212));
	ck_assert_ptr_null(hlp_lookup(UINT32_MAX));
	ck_assert_str_eq(hlp_lookup(210)->name, "bpf_cgrp_storage_get");
	ck_assert_str_eq(hlp_lookup(211)->name, "bpf_cgrp_storage_delete");
	ck_assert_str_eq(hlp_lookup(209)->name, "bpf_user_ringbuf_drain");
}
END_TEST

#define NO_FLAGS 0u
#define ARGS(a, b, c, d, e)                                                     \
	{                                                                       \
		HLP_ARG_##a, HLP_ARG_##b, HLP_ARG_##c, HLP_ARG_##d, HLP_ARG_##e \
	}

static const struct {
	uint32_t id;
	enum hlp_ret ret;
	enum hlp_arg arg[5];
	uint32_t flags; /* the exact flag set */
} proto_cases[] = {
	/* kernel/bpf/helpers.c */
	{ BPF_FUNC_map_lookup_elem, HLP_RET_MAP_VALUE_OR_NULL, ARGS(MAP, MAP_KEY, NONE, NONE, NONE),
	  HLP_PKT_ACCESS },
	{ BPF_FUNC_map_update_elem, HLP_RET_INTEGER, ARGS(MAP, MAP_KEY, MAP_VALUE, ANYTHING, NONE),
	  HLP_PKT_ACCESS },
	{ BPF_FUNC_map_delete_elem, HLP_RET_INTEGER, ARGS(MAP, MAP_KEY, NONE, NONE, NONE),
	  HLP_PKT_ACCESS },
	{ BPF_FUNC_map_push_elem, HLP_RET_INTEGER, ARGS(MAP, MAP_VALUE, ANYTHING, NONE, NONE),
	  HLP_PKT_ACCESS },
	{ BPF_FUNC_map_pop_elem, HLP_RET_INTEGER, ARGS(MAP, MAP_VALUE_UNINIT, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_map_peek_elem, HLP_RET_INTEGER, ARGS(MAP, MAP_VALUE_UNINIT, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_ktime_get_ns, HLP_RET_INTEGER, ARGS(NONE, NONE, NONE, NONE, NONE), NO_FLAGS },
	{ BPF_FUNC_ktime_get_boot_ns, HLP_RET_INTEGER, ARGS(NONE, NONE, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_ktime_get_coarse_ns, HLP_RET_INTEGER, ARGS(NONE, NONE, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_get_prandom_u32, HLP_RET_INTEGER, ARGS(NONE, NONE, NONE, NONE, NONE), NO_FLAGS },
	{ BPF_FUNC_get_current_pid_tgid, HLP_RET_INTEGER, ARGS(NONE, NONE, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_get_current_comm, HLP_RET_INTEGER, ARGS(UNINIT_MEM, SIZE, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_spin_lock, HLP_RET_VOID, ARGS(SPIN_LOCK, NONE, NONE, NONE, NONE), NO_FLAGS },
	{ BPF_FUNC_spin_unlock, HLP_RET_VOID, ARGS(SPIN_LOCK, NONE, NONE, NONE, NONE), NO_FLAGS },
	{ BPF_FUNC_strtol, HLP_RET_INTEGER, ARGS(MEM_RDONLY, SIZE, ANYTHING, FIXED_MEM_8, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_snprintf, HLP_RET_INTEGER,
	  ARGS(MEM_OR_NULL, SIZE_OR_ZERO, CONST_STR, MEM_OR_NULL, SIZE_OR_ZERO), HLP_GPL_ONLY },
	{ BPF_FUNC_timer_init, HLP_RET_INTEGER, ARGS(TIMER, MAP, ANYTHING, NONE, NONE),
	  HLP_GPL_ONLY },
	{ BPF_FUNC_timer_set_callback, HLP_RET_INTEGER, ARGS(TIMER, FUNC, NONE, NONE, NONE),
	  HLP_GPL_ONLY | HLP_CALLBACK },
	{ BPF_FUNC_timer_start, HLP_RET_INTEGER, ARGS(TIMER, ANYTHING, ANYTHING, NONE, NONE),
	  HLP_GPL_ONLY },
	{ BPF_FUNC_timer_cancel, HLP_RET_INTEGER, ARGS(TIMER, NONE, NONE, NONE, NONE),
	  HLP_GPL_ONLY },
	{ BPF_FUNC_jiffies64, HLP_RET_INTEGER, ARGS(NONE, NONE, NONE, NONE, NONE), NO_FLAGS },
	{ BPF_FUNC_get_numa_node_id, HLP_RET_INTEGER, ARGS(NONE, NONE, NONE, NONE, NONE),
	  NO_FLAGS },
	/* kernel/bpf/bpf_iter.c, kernel/bpf/core.c */
	{ BPF_FUNC_loop, HLP_RET_INTEGER, ARGS(ANYTHING, FUNC, STACK_OR_NULL, ANYTHING, NONE),
	  HLP_CALLBACK },
	{ BPF_FUNC_for_each_map_elem, HLP_RET_INTEGER,
	  ARGS(MAP, FUNC, STACK_OR_NULL, ANYTHING, NONE), HLP_CALLBACK },
	{ BPF_FUNC_tail_call, HLP_RET_VOID, ARGS(CTX, MAP, ANYTHING, NONE, NONE), HLP_PKT_CHANGES },
	/* kernel/bpf/ringbuf.c */
	{ BPF_FUNC_ringbuf_output, HLP_RET_INTEGER,
	  ARGS(MAP, MEM_RDONLY, SIZE_OR_ZERO, ANYTHING, NONE), NO_FLAGS },
	{ BPF_FUNC_ringbuf_reserve, HLP_RET_RINGBUF_MEM_OR_NULL,
	  ARGS(MAP, ALLOC_SIZE, ANYTHING, NONE, NONE), HLP_ACQUIRE },
	{ BPF_FUNC_ringbuf_submit, HLP_RET_VOID,
	  ARGS(RINGBUF_MEM_RELEASE, ANYTHING, NONE, NONE, NONE), HLP_RELEASE },
	{ BPF_FUNC_ringbuf_discard, HLP_RET_VOID,
	  ARGS(RINGBUF_MEM_RELEASE, ANYTHING, NONE, NONE, NONE), HLP_RELEASE },
	{ BPF_FUNC_ringbuf_query, HLP_RET_INTEGER, ARGS(MAP, ANYTHING, NONE, NONE, NONE),
	  NO_FLAGS },
	/* kernel/trace/bpf_trace.c, kernel/bpf/stackmap.c */
	{ BPF_FUNC_trace_printk, HLP_RET_INTEGER, ARGS(MEM_RDONLY, SIZE, NONE, NONE, NONE),
	  HLP_GPL_ONLY },
	{ BPF_FUNC_probe_read, HLP_RET_INTEGER,
	  ARGS(UNINIT_MEM, SIZE_OR_ZERO, ANYTHING, NONE, NONE), HLP_GPL_ONLY },
	{ BPF_FUNC_probe_read_kernel, HLP_RET_INTEGER,
	  ARGS(UNINIT_MEM, SIZE_OR_ZERO, ANYTHING, NONE, NONE), HLP_GPL_ONLY },
	{ BPF_FUNC_probe_read_user, HLP_RET_INTEGER,
	  ARGS(UNINIT_MEM, SIZE_OR_ZERO, ANYTHING, NONE, NONE), HLP_GPL_ONLY },
	{ BPF_FUNC_probe_read_str, HLP_RET_INTEGER,
	  ARGS(UNINIT_MEM, SIZE_OR_ZERO, ANYTHING, NONE, NONE), HLP_GPL_ONLY },
	{ BPF_FUNC_probe_read_kernel_str, HLP_RET_INTEGER,
	  ARGS(UNINIT_MEM, SIZE_OR_ZERO, ANYTHING, NONE, NONE), HLP_GPL_ONLY },
	{ BPF_FUNC_probe_read_user_str, HLP_RET_INTEGER,
	  ARGS(UNINIT_MEM, SIZE_OR_ZERO, ANYTHING, NONE, NONE), HLP_GPL_ONLY },
	{ BPF_FUNC_perf_event_output, HLP_RET_INTEGER,
	  ARGS(CTX, MAP, ANYTHING, MEM_RDONLY, SIZE_OR_ZERO), HLP_GPL_ONLY },
	{ BPF_FUNC_get_stackid, HLP_RET_INTEGER, ARGS(CTX, MAP, ANYTHING, NONE, NONE),
	  HLP_GPL_ONLY },
	{ BPF_FUNC_get_stack, HLP_RET_INTEGER, ARGS(CTX, UNINIT_MEM, SIZE_OR_ZERO, ANYTHING, NONE),
	  HLP_GPL_ONLY },
	{ BPF_FUNC_get_current_task, HLP_RET_INTEGER, ARGS(NONE, NONE, NONE, NONE, NONE),
	  HLP_GPL_ONLY },
	{ BPF_FUNC_send_signal, HLP_RET_INTEGER, ARGS(ANYTHING, NONE, NONE, NONE, NONE), NO_FLAGS },
	{ BPF_FUNC_override_return, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, NONE, NONE, NONE),
	  HLP_GPL_ONLY },
	{ BPF_FUNC_get_func_ip, HLP_RET_INTEGER, ARGS(CTX, NONE, NONE, NONE, NONE), HLP_GPL_ONLY },
	{ BPF_FUNC_get_attach_cookie, HLP_RET_INTEGER, ARGS(CTX, NONE, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_copy_from_user, HLP_RET_INTEGER,
	  ARGS(UNINIT_MEM, SIZE_OR_ZERO, ANYTHING, NONE, NONE), HLP_SLEEPABLE },
	/* net/core/filter.c */
	{ BPF_FUNC_redirect, HLP_RET_INTEGER, ARGS(ANYTHING, ANYTHING, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_redirect_map, HLP_RET_INTEGER, ARGS(MAP, ANYTHING, ANYTHING, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_clone_redirect, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, ANYTHING, NONE, NONE),
	  HLP_PKT_CHANGES },
	{ BPF_FUNC_xdp_adjust_head, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, NONE, NONE, NONE),
	  HLP_PKT_CHANGES },
	{ BPF_FUNC_xdp_adjust_tail, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, NONE, NONE, NONE),
	  HLP_PKT_CHANGES },
	{ BPF_FUNC_xdp_adjust_meta, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, NONE, NONE, NONE),
	  HLP_PKT_CHANGES },
	{ BPF_FUNC_xdp_get_buff_len, HLP_RET_INTEGER, ARGS(CTX, NONE, NONE, NONE, NONE), NO_FLAGS },
	{ BPF_FUNC_skb_load_bytes, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, UNINIT_MEM, SIZE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_skb_store_bytes, HLP_RET_INTEGER,
	  ARGS(CTX, ANYTHING, MEM_RDONLY, SIZE, ANYTHING), HLP_PKT_CHANGES },
	{ BPF_FUNC_l3_csum_replace, HLP_RET_INTEGER,
	  ARGS(CTX, ANYTHING, ANYTHING, ANYTHING, ANYTHING), HLP_PKT_CHANGES },
	{ BPF_FUNC_l4_csum_replace, HLP_RET_INTEGER,
	  ARGS(CTX, ANYTHING, ANYTHING, ANYTHING, ANYTHING), HLP_PKT_CHANGES },
	{ BPF_FUNC_csum_diff, HLP_RET_INTEGER,
	  ARGS(MEM_OR_NULL, SIZE_OR_ZERO, MEM_OR_NULL, SIZE_OR_ZERO, ANYTHING), HLP_PKT_ACCESS },
	{ BPF_FUNC_csum_update, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, NONE, NONE, NONE), NO_FLAGS },
	{ BPF_FUNC_set_hash, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, NONE, NONE, NONE), NO_FLAGS },
	{ BPF_FUNC_get_hash_recalc, HLP_RET_INTEGER, ARGS(CTX, NONE, NONE, NONE, NONE), NO_FLAGS },
	{ BPF_FUNC_skb_pull_data, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, NONE, NONE, NONE),
	  HLP_PKT_CHANGES },
	{ BPF_FUNC_skb_change_head, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, ANYTHING, NONE, NONE),
	  HLP_PKT_CHANGES },
	{ BPF_FUNC_skb_change_tail, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, ANYTHING, NONE, NONE),
	  HLP_PKT_CHANGES },
	{ BPF_FUNC_skb_adjust_room, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, ANYTHING, ANYTHING, NONE),
	  HLP_PKT_CHANGES },
	{ BPF_FUNC_skb_vlan_push, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, ANYTHING, NONE, NONE),
	  HLP_PKT_CHANGES },
	{ BPF_FUNC_skb_vlan_pop, HLP_RET_INTEGER, ARGS(CTX, NONE, NONE, NONE, NONE),
	  HLP_PKT_CHANGES },
	{ BPF_FUNC_skb_change_type, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_get_socket_cookie, HLP_RET_INTEGER, ARGS(CTX, NONE, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_fib_lookup, HLP_RET_INTEGER, ARGS(CTX, MEM, SIZE, ANYTHING, NONE),
	  HLP_GPL_ONLY },
	{ BPF_FUNC_sk_lookup_tcp, HLP_RET_SOCKET_OR_NULL,
	  ARGS(CTX, MEM_RDONLY, SIZE, ANYTHING, ANYTHING), HLP_ACQUIRE | HLP_PKT_ACCESS },
	{ BPF_FUNC_sk_lookup_udp, HLP_RET_SOCKET_OR_NULL,
	  ARGS(CTX, MEM_RDONLY, SIZE, ANYTHING, ANYTHING), HLP_ACQUIRE | HLP_PKT_ACCESS },
	{ BPF_FUNC_skc_lookup_tcp, HLP_RET_SOCK_COMMON_OR_NULL,
	  ARGS(CTX, MEM_RDONLY, SIZE, ANYTHING, ANYTHING), HLP_ACQUIRE | HLP_PKT_ACCESS },
	{ BPF_FUNC_sk_release, HLP_RET_INTEGER, ARGS(SOCK_RELEASE, NONE, NONE, NONE, NONE),
	  HLP_RELEASE },
	{ BPF_FUNC_sk_fullsock, HLP_RET_SOCKET_OR_NULL, ARGS(SOCK_COMMON, NONE, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_tcp_sock, HLP_RET_TCP_SOCK_OR_NULL, ARGS(SOCK_COMMON, NONE, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_sk_storage_delete, HLP_RET_INTEGER, ARGS(MAP, SOCK_COMMON, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_msg_pull_data, HLP_RET_INTEGER, ARGS(CTX, ANYTHING, ANYTHING, ANYTHING, NONE),
	  HLP_PKT_CHANGES },
	{ BPF_FUNC_store_hdr_opt, HLP_RET_INTEGER, ARGS(CTX, MEM_RDONLY, SIZE, ANYTHING, NONE),
	  HLP_PKT_CHANGES },
	{ BPF_FUNC_get_netns_cookie, HLP_RET_INTEGER, ARGS(CTX_OR_NULL, NONE, NONE, NONE, NONE),
	  NO_FLAGS },
	{ BPF_FUNC_tcp_check_syncookie, HLP_RET_INTEGER,
	  ARGS(SOCK_COMMON, MEM_RDONLY, SIZE, MEM_RDONLY, SIZE), HLP_GPL_ONLY | HLP_PKT_ACCESS },
	{ BPF_FUNC_map_lookup_percpu_elem, HLP_RET_MAP_VALUE_OR_NULL,
	  ARGS(MAP, MAP_KEY, ANYTHING, NONE, NONE), HLP_PKT_ACCESS },
	{ BPF_FUNC_find_vma, HLP_RET_INTEGER, ARGS(BTF_ID, ANYTHING, FUNC, STACK_OR_NULL, ANYTHING),
	  HLP_CALLBACK },
	{ BPF_FUNC_user_ringbuf_drain, HLP_RET_INTEGER,
	  ARGS(MAP, FUNC, STACK_OR_NULL, ANYTHING, NONE), HLP_CALLBACK },
	{ BPF_FUNC_kptr_xchg, HLP_RET_BTF_ID_OR_NULL,
	  ARGS(UNMODELLED, UNMODELLED, NONE, NONE, NONE), HLP_ACQUIRE | HLP_RELEASE },
};

START_TEST(test_proto)
{
	const struct hlp_proto *p = hlp_lookup(proto_cases[_i].id);

	ck_assert_ptr_nonnull(p);
	ck_assert_msg(p->ret == proto_cases[_i].ret, "%s: ret %d", p->name, p->ret);
	for (int a = 0; a < 5; a++)
		ck_assert_msg(p->arg[a] == proto_cases[_i].arg[a], "%s: arg%d is %d, want %d",
			      p->name, a + 1, p->arg[a], proto_cases[_i].arg[a]);
	ck_assert_msg(p->flags == proto_cases[_i].flags, "%s: flags %#x, want %#x", p->name,
		      p->flags, proto_cases[_i].flags);
}
END_TEST

START_TEST(test_ret_range)
{
	const struct hlp_proto *cpu = hlp_lookup(BPF_FUNC_get_smp_processor_id);
	const struct hlp_proto *ns = hlp_lookup(BPF_FUNC_ktime_get_ns);
	const struct hlp_proto *st = hlp_lookup(BPF_FUNC_get_stack);

	ck_assert_int_eq(cpu->ret_min, 0);
	ck_assert_int_eq(cpu->ret_max, 8191);
	ck_assert_int_gt(ns->ret_min, ns->ret_max); /* no refinement */
	ck_assert_int_gt(st->ret_min, st->ret_max); /* size-dependent: the engine's job */
}
END_TEST

/* Rules every row follows, from enum bpf_arg_type / bpf_return_type usage */
START_TEST(test_row_consistency)
{
	const struct hlp_proto *p = hlp_lookup((uint32_t)_i);
	bool has_func = false, has_release = false, has_alloc = false;

	ck_assert_ptr_nonnull(p);
	for (int a = 0; a < 5; a++) {
		enum hlp_arg k = p->arg[a];
		bool mem = k == HLP_ARG_MEM || k == HLP_ARG_MEM_OR_NULL ||
			   k == HLP_ARG_MEM_RDONLY || k == HLP_ARG_UNINIT_MEM;
		bool size = k == HLP_ARG_SIZE || k == HLP_ARG_SIZE_OR_ZERO;

		/* ARG_CONST_SIZE* always follows a sized memory argument and back */
		if (mem)
			ck_assert_msg(a < 4 && (p->arg[a + 1] == HLP_ARG_SIZE ||
						p->arg[a + 1] == HLP_ARG_SIZE_OR_ZERO),
				      "%s: arg%d has no size", p->name, a + 1);
		if (size) {
			enum hlp_arg m = a > 0 ? p->arg[a - 1] : HLP_ARG_NONE;

			ck_assert_msg(m == HLP_ARG_MEM || m == HLP_ARG_MEM_OR_NULL ||
					      m == HLP_ARG_MEM_RDONLY || m == HLP_ARG_UNINIT_MEM,
				      "%s: size arg%d without memory", p->name, a + 1);
		}
		has_func |= k == HLP_ARG_FUNC;
		has_release |= k == HLP_ARG_SOCK_RELEASE || k == HLP_ARG_RINGBUF_MEM_RELEASE;
		has_alloc |= k == HLP_ARG_ALLOC_SIZE;
	}
	ck_assert_msg(has_func == !!(p->flags & HLP_CALLBACK), "%s: callback flag", p->name);
	if (has_release)
		ck_assert_msg(p->flags & HLP_RELEASE, "%s: release flag", p->name);
	if (p->ret == HLP_RET_RINGBUF_MEM_OR_NULL)
		ck_assert_msg(has_alloc && (p->flags & HLP_ACQUIRE), "%s: ringbuf", p->name);
	if (p->flags & HLP_ACQUIRE)
		ck_assert_msg(p->ret == HLP_RET_SOCKET_OR_NULL ||
				      p->ret == HLP_RET_SOCK_COMMON_OR_NULL ||
				      p->ret == HLP_RET_RINGBUF_MEM_OR_NULL ||
				      p->ret == HLP_RET_BTF_ID_OR_NULL,
			      "%s: acquire without a pointer result", p->name);
	if (p->ret != HLP_RET_INTEGER)
		ck_assert_int_gt(p->ret_min, p->ret_max);
	/* every helper is offered by some program type */
	bool offered = false;

	for (int t = 0; t < BV_PROG_TYPE_CNT; t++)
		offered |= hlp_allowed(p->id, (enum bv_prog_type)t);
	ck_assert_msg(offered, "%s is offered to no program type", p->name);
}
END_TEST

/* filter.c:bpf_helper_changes_pkt_data (kernel-model.md 3), exactly */
START_TEST(test_pkt_changes_set)
{
	static const uint32_t changes[] = {
		BPF_FUNC_clone_redirect,
		BPF_FUNC_l3_csum_replace,
		BPF_FUNC_l4_csum_replace,
		BPF_FUNC_lwt_push_encap,
		BPF_FUNC_lwt_seg6_action,
		BPF_FUNC_lwt_seg6_adjust_srh,
		BPF_FUNC_lwt_seg6_store_bytes,
		BPF_FUNC_msg_pop_data,
		BPF_FUNC_msg_pull_data,
		BPF_FUNC_msg_push_data,
		BPF_FUNC_skb_adjust_room,
		BPF_FUNC_skb_change_head,
		BPF_FUNC_skb_change_proto,
		BPF_FUNC_skb_change_tail,
		BPF_FUNC_skb_pull_data,
		BPF_FUNC_skb_store_bytes,
		BPF_FUNC_skb_vlan_pop,
		BPF_FUNC_skb_vlan_push,
		BPF_FUNC_store_hdr_opt,
		BPF_FUNC_xdp_adjust_head,
		BPF_FUNC_xdp_adjust_meta,
		BPF_FUNC_xdp_adjust_tail,
		BPF_FUNC_tail_call,
	};
	size_t n = 0;

	for (uint32_t id = 1; id <= hlp_max_id(); id++) {
		bool want = false;

		for (size_t i = 0; i < ARRAY_SIZE(changes); i++)
			want |= changes[i] == id;
		ck_assert_msg(!!(hlp_lookup(id)->flags & HLP_PKT_CHANGES) == want, "%s",
			      hlp_lookup(id)->name);
		n += want;
	}
	ck_assert_uint_eq(n, ARRAY_SIZE(changes));
}
END_TEST

static const struct {
	uint32_t id;
	enum bv_prog_type t;
	bool want;
} allowed_cases[] = {
	/* base helpers: everywhere */
	{ BPF_FUNC_map_lookup_elem, BV_PROG_SOCKET_FILTER, true },
	{ BPF_FUNC_map_lookup_elem, BV_PROG_XDP, true },
	{ BPF_FUNC_map_lookup_elem, BV_PROG_KPROBE, true },
	{ BPF_FUNC_map_lookup_elem, BV_PROG_CGROUP_SOCK_ADDR, true },
	{ BPF_FUNC_map_update_elem, BV_PROG_TRACEPOINT, true },
	{ BPF_FUNC_ringbuf_reserve, BV_PROG_XDP, true },
	{ BPF_FUNC_ringbuf_output, BV_PROG_RAW_TRACEPOINT, true },
	{ BPF_FUNC_trace_printk, BV_PROG_XDP, true }, /* CAP_PERFMON in bpf_base_func_proto */
	{ BPF_FUNC_trace_printk, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_loop, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_for_each_map_elem, BV_PROG_XDP, true },
	{ BPF_FUNC_timer_init, BV_PROG_XDP, true },
	{ BPF_FUNC_spin_lock, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_tail_call, BV_PROG_XDP, true },
	{ BPF_FUNC_tail_call, BV_PROG_KPROBE, true },
	{ BPF_FUNC_get_smp_processor_id, BV_PROG_SOCKET_FILTER, true },
	{ BPF_FUNC_ktime_get_ns, BV_PROG_CGROUP_SKB, true },
	{ BPF_FUNC_ktime_get_coarse_ns, BV_PROG_XDP, true }, /* bpf_sk_base_func_proto */
	{ BPF_FUNC_ktime_get_coarse_ns, BV_PROG_KPROBE, false },
	{ BPF_FUNC_probe_read_kernel, BV_PROG_XDP, true },
	{ BPF_FUNC_snprintf, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_jiffies64, BV_PROG_XDP, true },
	{ BPF_FUNC_get_current_pid_tgid, BV_PROG_XDP, true },
	/* tracing-only */
	{ BPF_FUNC_probe_read, BV_PROG_KPROBE, true },
	{ BPF_FUNC_probe_read, BV_PROG_XDP, false },
	{ BPF_FUNC_probe_read_str, BV_PROG_TRACEPOINT, true },
	{ BPF_FUNC_get_current_comm, BV_PROG_KPROBE, true },
	{ BPF_FUNC_get_current_comm, BV_PROG_XDP, true }, /* 6.18.44 accepts it as root */
	{ BPF_FUNC_get_current_comm, BV_PROG_CGROUP_SOCK, true },
	{ BPF_FUNC_get_current_uid_gid, BV_PROG_SCHED_CLS, false },
	{ BPF_FUNC_get_current_uid_gid, BV_PROG_CGROUP_SOCK_ADDR, true },
	{ BPF_FUNC_get_current_uid_gid, BV_PROG_SK_MSG, true },
	{ BPF_FUNC_get_stackid, BV_PROG_KPROBE, true },
	{ BPF_FUNC_get_stackid, BV_PROG_PERF_EVENT, true },
	{ BPF_FUNC_get_stackid, BV_PROG_XDP, false },
	{ BPF_FUNC_get_stack, BV_PROG_RAW_TRACEPOINT, true },
	{ BPF_FUNC_override_return, BV_PROG_KPROBE, true },
	{ BPF_FUNC_override_return, BV_PROG_TRACEPOINT, false },
	{ BPF_FUNC_send_signal, BV_PROG_TRACEPOINT, true },
	{ BPF_FUNC_send_signal, BV_PROG_SCHED_CLS, false },
	{ BPF_FUNC_get_func_ip, BV_PROG_KPROBE, true },
	{ BPF_FUNC_get_func_ip, BV_PROG_TRACING, true },
	{ BPF_FUNC_get_attach_cookie, BV_PROG_KPROBE, true },
	{ BPF_FUNC_get_attach_cookie, BV_PROG_PERF_EVENT, true },
	{ BPF_FUNC_perf_prog_read_value, BV_PROG_PERF_EVENT, true },
	{ BPF_FUNC_perf_prog_read_value, BV_PROG_KPROBE, false },
	{ BPF_FUNC_task_storage_get, BV_PROG_TRACING, true },
	{ BPF_FUNC_get_func_arg, BV_PROG_TRACING, true },
	{ BPF_FUNC_get_func_arg, BV_PROG_KPROBE, false },
	/* perf_event_output: per-type protos, offered widely */
	{ BPF_FUNC_perf_event_output, BV_PROG_KPROBE, true },
	{ BPF_FUNC_perf_event_output, BV_PROG_XDP, true },
	{ BPF_FUNC_perf_event_output, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_perf_event_output, BV_PROG_SOCKET_FILTER, true },
	{ BPF_FUNC_perf_event_output, BV_PROG_FLOW_DISSECTOR, false },
	{ BPF_FUNC_perf_event_output, BV_PROG_SK_REUSEPORT, false },
	/* skb helpers */
	{ BPF_FUNC_skb_load_bytes, BV_PROG_SOCKET_FILTER, true },
	{ BPF_FUNC_skb_load_bytes, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_skb_load_bytes, BV_PROG_FLOW_DISSECTOR, true },
	{ BPF_FUNC_skb_load_bytes, BV_PROG_XDP, false },
	{ BPF_FUNC_skb_store_bytes, BV_PROG_SCHED_ACT, true },
	{ BPF_FUNC_skb_store_bytes, BV_PROG_SOCKET_FILTER, false },
	{ BPF_FUNC_skb_store_bytes, BV_PROG_LWT_XMIT, true },
	{ BPF_FUNC_skb_store_bytes, BV_PROG_LWT_IN, false },
	{ BPF_FUNC_skb_store_bytes, BV_PROG_SK_SKB, true },
	{ BPF_FUNC_l3_csum_replace, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_l4_csum_replace, BV_PROG_CGROUP_SKB, false },
	{ BPF_FUNC_csum_diff, BV_PROG_XDP, true },
	{ BPF_FUNC_csum_diff, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_csum_diff, BV_PROG_LWT_OUT, true },
	{ BPF_FUNC_csum_diff, BV_PROG_SOCKET_FILTER, false },
	{ BPF_FUNC_redirect, BV_PROG_XDP, true },
	{ BPF_FUNC_redirect, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_redirect, BV_PROG_CGROUP_SKB, false },
	{ BPF_FUNC_redirect_map, BV_PROG_XDP, true },
	{ BPF_FUNC_redirect_map, BV_PROG_SCHED_CLS, false },
	{ BPF_FUNC_clone_redirect, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_clone_redirect, BV_PROG_XDP, false },
	{ BPF_FUNC_skb_change_head, BV_PROG_SK_SKB, true },
	{ BPF_FUNC_skb_adjust_room, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_skb_vlan_push, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_skb_vlan_push, BV_PROG_LWT_XMIT, false },
	{ BPF_FUNC_skb_pull_data, BV_PROG_LWT_IN, true },
	{ BPF_FUNC_get_socket_cookie, BV_PROG_SOCKET_FILTER, true },
	{ BPF_FUNC_get_socket_cookie, BV_PROG_CGROUP_SOCK, true },
	{ BPF_FUNC_get_socket_cookie, BV_PROG_SOCK_OPS, true },
	{ BPF_FUNC_get_socket_cookie, BV_PROG_XDP, false },
	{ BPF_FUNC_fib_lookup, BV_PROG_XDP, true },
	{ BPF_FUNC_fib_lookup, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_fib_lookup, BV_PROG_CGROUP_SKB, false },
	{ BPF_FUNC_set_hash, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_get_hash_recalc, BV_PROG_LWT_OUT, true },
	{ BPF_FUNC_csum_update, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_check_mtu, BV_PROG_XDP, true },
	/* xdp helpers */
	{ BPF_FUNC_xdp_adjust_head, BV_PROG_XDP, true },
	{ BPF_FUNC_xdp_adjust_head, BV_PROG_SCHED_CLS, false },
	{ BPF_FUNC_xdp_adjust_tail, BV_PROG_XDP, true },
	{ BPF_FUNC_xdp_adjust_meta, BV_PROG_XDP, true },
	{ BPF_FUNC_xdp_get_buff_len, BV_PROG_XDP, true },
	{ BPF_FUNC_xdp_get_buff_len, BV_PROG_TRACING, true },
	/* sockets */
	{ BPF_FUNC_sk_lookup_tcp, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_sk_lookup_tcp, BV_PROG_XDP, true },
	{ BPF_FUNC_sk_lookup_udp, BV_PROG_CGROUP_SOCK_ADDR, true },
	{ BPF_FUNC_sk_lookup_tcp, BV_PROG_SOCKET_FILTER, false },
	{ BPF_FUNC_sk_lookup_tcp, BV_PROG_KPROBE, false },
	{ BPF_FUNC_skc_lookup_tcp, BV_PROG_CGROUP_SKB, true },
	{ BPF_FUNC_sk_release, BV_PROG_SK_LOOKUP, true },
	{ BPF_FUNC_sk_release, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_sk_assign, BV_PROG_SK_LOOKUP, true },
	{ BPF_FUNC_sk_storage_get, BV_PROG_CGROUP_SOCK, true },
	{ BPF_FUNC_sk_storage_get, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_sk_storage_get, BV_PROG_XDP, false },
	{ BPF_FUNC_sk_storage_delete, BV_PROG_CGROUP_SOCK, false },
	{ BPF_FUNC_sk_storage_delete, BV_PROG_SOCK_OPS, true },
	{ BPF_FUNC_tcp_sock, BV_PROG_SOCK_OPS, true },
	{ BPF_FUNC_sock_hash_update, BV_PROG_SOCK_OPS, true },
	{ BPF_FUNC_sk_redirect_map, BV_PROG_SK_SKB, true },
	{ BPF_FUNC_msg_redirect_hash, BV_PROG_SK_MSG, true },
	{ BPF_FUNC_msg_pull_data, BV_PROG_SK_MSG, true },
	{ BPF_FUNC_sk_select_reuseport, BV_PROG_SK_REUSEPORT, true },
	{ BPF_FUNC_bind, BV_PROG_CGROUP_SOCK_ADDR, true },
	{ BPF_FUNC_setsockopt, BV_PROG_SOCK_OPS, true },
	{ BPF_FUNC_skc_to_tcp_sock, BV_PROG_SCHED_CLS, true },
	{ BPF_FUNC_skc_to_tcp_sock, BV_PROG_TRACING, true },
	{ BPF_FUNC_skc_to_tcp_sock, BV_PROG_KPROBE, false },
	/* cgroup */
	{ BPF_FUNC_get_local_storage, BV_PROG_CGROUP_SKB, true },
	{ BPF_FUNC_get_local_storage, BV_PROG_CGROUP_DEVICE, true },
	{ BPF_FUNC_get_local_storage, BV_PROG_XDP, false },
	{ BPF_FUNC_sysctl_get_name, BV_PROG_CGROUP_SYSCTL, true },
	{ BPF_FUNC_sysctl_get_name, BV_PROG_CGROUP_SOCK, false },
	{ BPF_FUNC_get_retval, BV_PROG_CGROUP_SOCKOPT, true },
	/* lwt */
	{ BPF_FUNC_lwt_push_encap, BV_PROG_LWT_IN, true },
	{ BPF_FUNC_lwt_push_encap, BV_PROG_LWT_OUT, false },
	{ BPF_FUNC_lwt_seg6_action, BV_PROG_LWT_SEG6LOCAL, true },
	/* syscall */
	{ BPF_FUNC_sys_bpf, BV_PROG_SYSCALL, true },
	{ BPF_FUNC_sys_bpf, BV_PROG_KPROBE, false },
	/* bounds */
	{ 0, BV_PROG_XDP, false },
	{ 212, BV_PROG_XDP, false },
	{ BPF_FUNC_map_lookup_elem, BV_PROG_TYPE_CNT, false },
};

START_TEST(test_allowed)
{
	ck_assert_msg(hlp_allowed(allowed_cases[_i].id, allowed_cases[_i].t) ==
			      allowed_cases[_i].want,
		      "helper %u type %d", allowed_cases[_i].id, allowed_cases[_i].t);
}
END_TEST

static const struct {
	uint32_t id;
	uint32_t map;
	bool want;
} map_cases[] = {
	{ BPF_FUNC_tail_call, BPF_MAP_TYPE_PROG_ARRAY, true },
	{ BPF_FUNC_tail_call, BPF_MAP_TYPE_ARRAY, false },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_PROG_ARRAY, false },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_HASH, true },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_ARRAY, true },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_PERCPU_ARRAY, true },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_LPM_TRIE, true },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_PERF_EVENT_ARRAY, false },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_RINGBUF, false },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_STACK_TRACE, false },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_QUEUE, false },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_DEVMAP, true },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_XSKMAP, true },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_CPUMAP, false },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_ARRAY_OF_MAPS, true },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_SOCKMAP, true },
	{ BPF_FUNC_map_lookup_elem, BPF_MAP_TYPE_SK_STORAGE, false },
	{ BPF_FUNC_map_update_elem, BPF_MAP_TYPE_HASH, true },
	{ BPF_FUNC_map_update_elem, BPF_MAP_TYPE_ARRAY_OF_MAPS, false },
	{ BPF_FUNC_map_update_elem, BPF_MAP_TYPE_DEVMAP, false },
	{ BPF_FUNC_map_update_elem, BPF_MAP_TYPE_SOCKMAP, false }, /* prog-type dependent */
	{ BPF_FUNC_map_delete_elem, BPF_MAP_TYPE_LRU_HASH, true },
	{ BPF_FUNC_map_delete_elem, BPF_MAP_TYPE_CGROUP_STORAGE, false },
	{ BPF_FUNC_perf_event_output, BPF_MAP_TYPE_PERF_EVENT_ARRAY, true },
	{ BPF_FUNC_perf_event_output, BPF_MAP_TYPE_RINGBUF, false },
	{ BPF_FUNC_perf_event_output, BPF_MAP_TYPE_ARRAY, false },
	{ BPF_FUNC_perf_event_read, BPF_MAP_TYPE_PERF_EVENT_ARRAY, true },
	{ BPF_FUNC_skb_output, BPF_MAP_TYPE_PERF_EVENT_ARRAY, true },
	{ BPF_FUNC_ringbuf_output, BPF_MAP_TYPE_RINGBUF, true },
	{ BPF_FUNC_ringbuf_reserve, BPF_MAP_TYPE_RINGBUF, true },
	{ BPF_FUNC_ringbuf_query, BPF_MAP_TYPE_RINGBUF, true },
	{ BPF_FUNC_ringbuf_reserve, BPF_MAP_TYPE_PERF_EVENT_ARRAY, false },
	{ BPF_FUNC_ringbuf_output, BPF_MAP_TYPE_USER_RINGBUF, false },
	{ BPF_FUNC_user_ringbuf_drain, BPF_MAP_TYPE_USER_RINGBUF, true },
	{ BPF_FUNC_user_ringbuf_drain, BPF_MAP_TYPE_RINGBUF, false },
	{ BPF_FUNC_redirect_map, BPF_MAP_TYPE_DEVMAP, true },
	{ BPF_FUNC_redirect_map, BPF_MAP_TYPE_DEVMAP_HASH, true },
	{ BPF_FUNC_redirect_map, BPF_MAP_TYPE_CPUMAP, true },
	{ BPF_FUNC_redirect_map, BPF_MAP_TYPE_XSKMAP, true },
	{ BPF_FUNC_redirect_map, BPF_MAP_TYPE_HASH, false },
	{ BPF_FUNC_redirect_map, BPF_MAP_TYPE_SOCKMAP, false },
	{ BPF_FUNC_map_push_elem, BPF_MAP_TYPE_QUEUE, true },
	{ BPF_FUNC_map_push_elem, BPF_MAP_TYPE_STACK, true },
	{ BPF_FUNC_map_push_elem, BPF_MAP_TYPE_BLOOM_FILTER, true },
	{ BPF_FUNC_map_push_elem, BPF_MAP_TYPE_HASH, false },
	{ BPF_FUNC_map_pop_elem, BPF_MAP_TYPE_QUEUE, true },
	{ BPF_FUNC_map_pop_elem, BPF_MAP_TYPE_BLOOM_FILTER, false },
	{ BPF_FUNC_map_peek_elem, BPF_MAP_TYPE_BLOOM_FILTER, true },
	{ BPF_FUNC_map_peek_elem, BPF_MAP_TYPE_ARRAY, false },
	{ BPF_FUNC_get_stackid, BPF_MAP_TYPE_STACK_TRACE, true },
	{ BPF_FUNC_get_stackid, BPF_MAP_TYPE_HASH, false },
	{ BPF_FUNC_sk_storage_get, BPF_MAP_TYPE_SK_STORAGE, true },
	{ BPF_FUNC_sk_storage_get, BPF_MAP_TYPE_HASH, false },
	{ BPF_FUNC_sk_storage_delete, BPF_MAP_TYPE_SK_STORAGE, true },
	{ BPF_FUNC_task_storage_get, BPF_MAP_TYPE_TASK_STORAGE, true },
	{ BPF_FUNC_task_storage_get, BPF_MAP_TYPE_SK_STORAGE, false },
	{ BPF_FUNC_inode_storage_get, BPF_MAP_TYPE_INODE_STORAGE, true },
	{ BPF_FUNC_get_local_storage, BPF_MAP_TYPE_CGROUP_STORAGE, true },
	{ BPF_FUNC_get_local_storage, BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE, true },
	{ BPF_FUNC_get_local_storage, BPF_MAP_TYPE_ARRAY, false },
	{ BPF_FUNC_skb_under_cgroup, BPF_MAP_TYPE_CGROUP_ARRAY, true },
	{ BPF_FUNC_current_task_under_cgroup, BPF_MAP_TYPE_CGROUP_ARRAY, true },
	{ BPF_FUNC_current_task_under_cgroup, BPF_MAP_TYPE_ARRAY, false },
	{ BPF_FUNC_sk_redirect_map, BPF_MAP_TYPE_SOCKMAP, true },
	{ BPF_FUNC_sk_redirect_map, BPF_MAP_TYPE_SOCKHASH, false },
	{ BPF_FUNC_sk_redirect_hash, BPF_MAP_TYPE_SOCKHASH, true },
	{ BPF_FUNC_msg_redirect_map, BPF_MAP_TYPE_SOCKMAP, true },
	{ BPF_FUNC_sock_hash_update, BPF_MAP_TYPE_SOCKHASH, true },
	{ BPF_FUNC_sock_map_update, BPF_MAP_TYPE_SOCKHASH, false },
	{ BPF_FUNC_sk_select_reuseport, BPF_MAP_TYPE_REUSEPORT_SOCKARRAY, true },
	{ BPF_FUNC_sk_select_reuseport, BPF_MAP_TYPE_SOCKMAP, true },
	{ BPF_FUNC_sk_select_reuseport, BPF_MAP_TYPE_SOCKHASH, true },
	{ BPF_FUNC_sk_select_reuseport, BPF_MAP_TYPE_HASH, false },
	{ BPF_FUNC_map_lookup_percpu_elem, BPF_MAP_TYPE_PERCPU_ARRAY, true },
	{ BPF_FUNC_map_lookup_percpu_elem, BPF_MAP_TYPE_LRU_PERCPU_HASH, true },
	{ BPF_FUNC_map_lookup_percpu_elem, BPF_MAP_TYPE_ARRAY, false },
	{ BPF_FUNC_for_each_map_elem, BPF_MAP_TYPE_HASH, true },
	{ BPF_FUNC_timer_init, BPF_MAP_TYPE_ARRAY, true },
	{ BPF_FUNC_kptr_xchg, BPF_MAP_TYPE_SK_STORAGE, true },
	{ BPF_FUNC_map_update_elem, BPF_MAP_TYPE_TASK_STORAGE, false },
	{ 210, 32, true }, /* cgrp_storage_get on BPF_MAP_TYPE_CGRP_STORAGE (6.2+) */
	{ 210, BPF_MAP_TYPE_TASK_STORAGE, false },
	{ BPF_FUNC_map_lookup_elem, 32, false },
};

START_TEST(test_map_compat)
{
	ck_assert_msg(hlp_map_compatible(map_cases[_i].id, map_cases[_i].map) == map_cases[_i].want,
		      "helper %u map type %u", map_cases[_i].id, map_cases[_i].map);
}
END_TEST

/* Every kernel struct named for a helper argument or return value belongs to a helper
 * whose prototype has a BTF-typed argument or return value there (a typo in the side
 * table would silently leave the argument unchecked or mistyped) */
START_TEST(test_btf_types_match_protos)
{
	static const char *const known_structs[] = {
		"sk_buff",
		"tcp_sock",
		"xdp_buff",
		"seq_file",
		"tcp6_sock",
		"tcp_timewait_sock",
		"tcp_request_sock",
		"udp6_sock",
		"task_struct",
		"inode",
		"path",
		"linux_binprm",
		"file",
		"socket",
		"pt_regs",
		"unix_sock",
		"mptcp_sock",
		"cgroup",
	};
	size_t seen = 0;

	for (uint32_t id = 1; id <= hlp_max_id(); id++) {
		const struct hlp_proto *h = hlp_lookup(id);

		for (int arg = 0; arg <= 5; arg++) {
			bool or_null = false, trusted = false;
			const char *t = hlp_btf_type(id, arg, &or_null, &trusted);
			bool ok = false;

			if (!t)
				continue;
			seen++;
			ck_assert_msg(h, "helper %u has a BTF type but no prototype", id);
			if (arg == 0)
				ck_assert_msg(h->ret == HLP_RET_BTF_ID ||
						      h->ret == HLP_RET_BTF_ID_OR_NULL,
					      "%s: return type %s but the return kind is not BTF",
					      h->name, t);
			else
				ck_assert_msg(h->arg[arg - 1] == HLP_ARG_BTF_ID,
					      "%s: argument %d typed %s but not a BTF argument",
					      h->name, arg, t);
			/* a returned pointer may be NULL exactly when the prototype says so */
			if (arg == 0)
				ck_assert_int_eq(or_null, h->ret == HLP_RET_BTF_ID_OR_NULL);
			for (size_t i = 0; i < ARRAY_SIZE(known_structs); i++)
				ok |= strcmp(known_structs[i], t) == 0;
			ck_assert_msg(ok, "%s: unexpected struct name %s", h->name, t);
		}
	}
	/* task_storage_get takes NULL for the task; task_storage_delete does not */
	{
		bool or_null = true;

		ck_assert_ptr_nonnull(hlp_btf_type(156, 2, &or_null, NULL));
		ck_assert(or_null);
		ck_assert_ptr_nonnull(hlp_btf_type(157, 2, &or_null, NULL));
		ck_assert(!or_null);
	}
	ck_assert_uint_ge(seen, 25);
}
END_TEST

/* The kfunc table: names resolve, the program-type sets, the iterator triple */
START_TEST(test_kfuncs)
{
	const struct kf_proto *nw = kf_lookup("bpf_iter_num_new");
	const struct kf_proto *nx = kf_lookup("bpf_iter_num_next");
	const struct kf_proto *ds = kf_lookup("bpf_iter_num_destroy");
	const struct kf_proto *acq = kf_lookup("bpf_task_acquire");
	const struct kf_proto *rel = kf_lookup("bpf_task_release");

	ck_assert_ptr_nonnull(nw);
	ck_assert_ptr_nonnull(nx);
	ck_assert_ptr_nonnull(ds);
	ck_assert_ptr_null(kf_lookup("bpf_iter_task_new"));
	ck_assert_ptr_null(kf_lookup(NULL));
	ck_assert_ptr_null(kf_lookup("bpf_rcu_read_lock_"));
	ck_assert(nw->flags & KF_ITER_NEW);
	ck_assert_int_eq(nw->arg[0], KF_ARG_ITER_UNINIT);
	ck_assert(nx->flags & KF_ITER_NEXT);
	ck_assert_int_eq(nx->arg[0], KF_ARG_ITER);
	ck_assert_int_eq(nx->ret, KF_RET_ITER_NEXT_INT);
	ck_assert(ds->flags & KF_ITER_DESTROY);
	/* common kfuncs for every type, the generic set only for some */
	ck_assert(kf_allowed(nw, BV_PROG_KPROBE));
	ck_assert(kf_allowed(kf_lookup("bpf_rcu_read_lock"), BV_PROG_SOCKET_FILTER));
	ck_assert(kf_allowed(acq, BV_PROG_TRACING));
	ck_assert(kf_allowed(acq, BV_PROG_SCHED_CLS));
	ck_assert(!kf_allowed(acq, BV_PROG_KPROBE));
	ck_assert(!kf_allowed(rel, BV_PROG_CGROUP_SKB));
	ck_assert_int_eq(acq->ret, KF_RET_BTF_ACQUIRED);
	ck_assert_int_eq(rel->arg[0], KF_ARG_BTF_RELEASE);
	ck_assert_str_eq(acq->type, rel->type);
}
END_TEST

Suite *helpers_suite(void)
{
	Suite *s = suite_create("helpers");
	TCase *tc = tcase_create("table");

	tcase_add_loop_test(tc, test_names_match_uapi, 1, (int)ARRAY_SIZE(uapi_names));
	tcase_add_test(tc, test_ids_bounds);
	tcase_add_loop_test(tc, test_proto, 0, (int)ARRAY_SIZE(proto_cases));
	tcase_add_test(tc, test_ret_range);
	tcase_add_loop_test(tc, test_row_consistency, 1, (int)hlp_max_id() + 1);
	tcase_add_test(tc, test_pkt_changes_set);
	tcase_add_loop_test(tc, test_allowed, 0, (int)ARRAY_SIZE(allowed_cases));
	tcase_add_loop_test(tc, test_map_compat, 0, (int)ARRAY_SIZE(map_cases));
	tcase_add_test(tc, test_btf_types_match_protos);
	tcase_add_test(tc, test_kfuncs);
	suite_add_tcase(s, tc);
	return s;
}
