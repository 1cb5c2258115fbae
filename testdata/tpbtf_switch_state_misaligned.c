// SPDX-License-Identifier: MIT
/*
 * tp_btf sched_switch: count switches away from tasks that were not runnable. The
 * prev_state argument is the fourth 8-byte slot (offset 24), but the program reads its
 * upper 32-bit half at offset 28: tracing arguments must be read at multiples of 8.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

__u64 blocked_switches;

SEC("tp_btf/sched_switch")
int on_switch(__u64 *ctx)
{
	__u32 prev_state;

	/* BUG: ctx offset 28 is not a multiple of 8 */
	prev_state = *(volatile __u32 *)((char *)ctx + 28);
	if (prev_state)
		blocked_switches++;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
