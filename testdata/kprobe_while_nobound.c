// SPDX-License-Identifier: MIT
/* Walk parent links stored in a hash map until pid 1; nothing bounds the walk. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

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

	/* BUG: loop without a bound; the map may contain a cycle */
	while (pid != 1) {
		__u32 *pp = bpf_map_lookup_elem(&parent_of, &pid);

		if (!pp)
			break;
		pid = *pp;
		depth++;
	}
	bpf_printk("exit depth %d", depth);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
