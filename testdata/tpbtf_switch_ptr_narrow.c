// SPDX-License-Identifier: MIT
/*
 * tp_btf sched_switch: keep a 32-bit "cookie" of the next task pointer for a quick
 * change detector. Pointer arguments must be read as whole 8-byte words.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

__u32 last_cookie;
__u64 changes;

SEC("tp_btf/sched_switch")
int on_switch(__u64 *ctx)
{
	__u32 cookie;

	/* BUG: a 4-byte read of the 8-byte pointer argument next (ctx offset 16) */
	cookie = *(volatile __u32 *)((char *)ctx + 16);
	if (cookie != last_cookie)
		changes++;
	last_cookie = cookie;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
