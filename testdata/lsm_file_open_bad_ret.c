// SPDX-License-Identifier: MIT
/*
 * lsm file_open: refuse to open files whose inode number is listed in a map. The
 * program returns EPERM instead of -EPERM; an int LSM hook accepts only 0 or a
 * negative errno.
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

SEC("lsm/file_open")
int BPF_PROG(restrict_open, struct file *file)
{
	__u64 ino = file->f_inode->i_ino;

	if (bpf_map_lookup_elem(&denied_inodes, &ino))
		/* BUG: positive return value; file_open allows only [-MAX_ERRNO, 0] */
		return EPERM;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
