// SPDX-License-Identifier: MIT
/* Reads the flags of an open_how argument with bpf_probe_read_kernel. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct open_how_prefix {
	__u64 flags;
};

SEC("kprobe/do_sys_openat2")
int BPF_KPROBE(trace_openat2, int dfd, const char *filename, struct open_how_prefix *how)
{
	__u64 flags = 0;

	if (bpf_probe_read_kernel(&flags, sizeof(flags), &how->flags) < 0)
		return 0;
	if (flags & 0x40)
		bpf_printk("O_CREAT by %d", (int)bpf_get_current_pid_tgid());
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
