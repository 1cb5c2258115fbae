// SPDX-License-Identifier: MIT
/*
 * fmod_ret security_file_open: refuse to open files whose inode number is listed in a
 * map. The signature declares a second argument that security_file_open does not have,
 * so "ret" is read from ctx[2], past the return value slot ctx[1].
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
/* BUG: security_file_open has 1 argument, so "ret" is ctx[2], past the return value in ctx[1] */
int BPF_PROG(deny_open, struct file *file, int flags, int ret)
{
	__u64 ino;

	if (ret != 0)
		return ret;
	ino = file->f_inode->i_ino;
	if (bpf_map_lookup_elem(&denied_inodes, &ino))
		return -EPERM;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
