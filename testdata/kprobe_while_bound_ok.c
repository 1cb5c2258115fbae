// SPDX-License-Identifier: MIT
/* Walk up to 16 parent links stored in a hash map (pid -> parent pid); while loop with a counter. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define MAX_DEPTH 16

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, __u32);
} parent_of SEC(".maps");

SEC("kprobe/do_exit")
int on_exit(struct pt_regs *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	int depth = 0;

	while (depth < MAX_DEPTH) {
		__u32 *pp = bpf_map_lookup_elem(&parent_of, &pid);

		if (!pp || *pp == 0)
			break;
		pid = *pp;
		depth++;
	}
	bpf_printk("exit depth %d", depth);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
