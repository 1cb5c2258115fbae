// SPDX-License-Identifier: MIT
/* kprobe: passes a plain hash map to bpf_get_stackid, which needs a stack trace map. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>

#define MAX_DEPTH 32

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64[MAX_DEPTH]);
} stacks SEC(".maps");

__u64 drops_with_stack;

SEC("kprobe/kfree_skb_reason")
int on_drop(struct pt_regs *ctx)
{
	/* BUG: bpf_get_stackid needs a BPF_MAP_TYPE_STACK_TRACE map */
	long id = bpf_get_stackid(ctx, &stacks, 0);

	if (id >= 0)
		__sync_fetch_and_add(&drops_with_stack, 1);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
