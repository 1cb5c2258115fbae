// SPDX-License-Identifier: MIT
/* kprobe: records a stack id, then reads the frames back from the stack trace map in BPF. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>

#define MAX_DEPTH 32

struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(max_entries, 1024);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, MAX_DEPTH * sizeof(__u64));
} stacks SEC(".maps");

__u64 last_caller;

SEC("kprobe/kfree_skb_reason")
int on_drop(struct pt_regs *ctx)
{
	long id = bpf_get_stackid(ctx, &stacks, 0);
	__u32 key;
	__u64 *ips;

	if (id < 0)
		return 0;
	key = id;
	/* BUG: a stack trace map may only be used with bpf_get_stackid, not read by lookup */
	ips = bpf_map_lookup_elem(&stacks, &key);
	if (ips)
		last_caller = ips[1];
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
