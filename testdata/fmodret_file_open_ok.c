// SPDX-License-Identifier: MIT
/*
 * fmod_ret security_file_open: refuse to open files whose inode number is listed in a
 * map. A non-zero return value replaces the function's result and skips its body;
 * fmod_ret programs may return any value.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

#define EPERM 1

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u64);
	__type(value, __u8);
} denied_inodes SEC(".maps");

SEC("fmod_ret/security_file_open")
int BPF_PROG(deny_open, struct file *file, int ret)
{
	__u64 ino;

	/* an earlier fmod_ret program already refused */
	if (ret != 0)
		return ret;
	ino = file->f_inode->i_ino;
	if (bpf_map_lookup_elem(&denied_inodes, &ino))
		return -EPERM;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
