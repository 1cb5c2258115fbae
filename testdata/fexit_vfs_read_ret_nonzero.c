// SPDX-License-Identifier: MIT
/*
 * fexit vfs_read: add the bytes actually read per process. On a failed read the program
 * returns 1, as if that could report the failure: fentry and fexit programs must
 * return 0.
 */
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

__u64 failed_reads;

SEC("fexit/vfs_read")
int BPF_PROG(on_read_exit, struct file *file, char *buf, unsigned long count, long long *pos,
	     long ret)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 n, *total;

	if (ret < 0) {
		__sync_fetch_and_add(&failed_reads, 1);
		/* BUG: an fexit program must return 0 */
		return 1;
	}
	n = ret;
	total = bpf_map_lookup_elem(&bytes_read, &tgid);
	if (total)
		__sync_fetch_and_add(total, n);
	else
		bpf_map_update_elem(&bytes_read, &tgid, &n, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
