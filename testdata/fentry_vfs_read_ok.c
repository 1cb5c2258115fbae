// SPDX-License-Identifier: MIT
/*
 * fentry vfs_read: sum the bytes each process asks to read and remember the inode of
 * its last read. The file argument is a BTF pointer, read without a NULL check.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

struct read_stats {
	__u64 bytes;
	__u64 last_ino;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct read_stats);
} reads SEC(".maps");

SEC("fentry/vfs_read")
int BPF_PROG(on_read, struct file *file, char *buf, unsigned long count, long long *pos)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	struct read_stats *st, init = {};

	st = bpf_map_lookup_elem(&reads, &tgid);
	if (!st) {
		bpf_map_update_elem(&reads, &tgid, &init, BPF_NOEXIST);
		st = bpf_map_lookup_elem(&reads, &tgid);
		if (!st)
			return 0;
	}
	__sync_fetch_and_add(&st->bytes, count);
	st->last_ino = file->f_inode->i_ino;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
