// SPDX-License-Identifier: MIT
/*
 * fentry vfs_read: count failed reads per process. The signature was copied from an
 * fexit program: at function entry there is no return value yet, so the fifth context
 * slot does not exist.
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
} read_errors SEC(".maps");

SEC("fentry/vfs_read")
/* BUG: "ret" is ctx[4], the return value slot, which an fentry program may not read */
int BPF_PROG(on_read, struct file *file, char *buf, unsigned long count, long long *pos, long ret)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 one = 1, *cnt;

	if (ret >= 0)
		return 0;
	cnt = bpf_map_lookup_elem(&read_errors, &tgid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&read_errors, &tgid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
