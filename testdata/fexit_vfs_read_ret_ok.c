// SPDX-License-Identifier: MIT
/* fexit vfs_read: add the bytes actually read (the return value, ctx[4]) per process. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} bytes_read SEC(".maps");

SEC("fexit/vfs_read")
int BPF_PROG(on_read_exit, struct file *file, char *buf, unsigned long count, long long *pos,
	     long ret)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 n, *total;

	if (ret <= 0)
		return 0;
	n = ret;
	total = bpf_map_lookup_elem(&bytes_read, &tgid);
	if (total)
		__sync_fetch_and_add(total, n);
	else
		bpf_map_update_elem(&bytes_read, &tgid, &n, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
