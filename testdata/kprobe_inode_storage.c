// SPDX-License-Identifier: MIT
/* kprobe on vfs_unlink: tries to tag the inode in inode-local storage from a kprobe. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_INODE_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} unlinked SEC(".maps");

SEC("kprobe/vfs_unlink")
int on_unlink(struct pt_regs *ctx)
{
	void *inode = (void *)PT_REGS_PARM2(ctx);
	__u64 *tag;

	/* BUG: inode storage is only available to LSM programs */
	tag = bpf_inode_storage_get(&unlinked, inode, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (tag)
		*tag = bpf_ktime_get_ns();
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
