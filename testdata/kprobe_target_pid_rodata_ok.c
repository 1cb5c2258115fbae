// SPDX-License-Identifier: MIT
/* Trace fsync calls of one process; the pid is a .rodata constant set by the loader. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

const volatile __u32 target_tgid = 0;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} fsyncs SEC(".maps");

SEC("kprobe/vfs_fsync_range")
int trace_fsync(struct pt_regs *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u32 zero = 0;
	__u64 *cnt;

	if (target_tgid && tgid != target_tgid)
		return 0;
	cnt = bpf_map_lookup_elem(&fsyncs, &zero);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
