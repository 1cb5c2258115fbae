// SPDX-License-Identifier: MIT
/* Reads the flags of an open_how argument by dereferencing the kernel pointer directly. */
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
	/* BUG: raw kernel pointer dereference; needs bpf_probe_read_kernel */
	__u64 flags = how->flags;

	if (flags & 0x40)
		bpf_printk("O_CREAT by %d", (int)bpf_get_current_pid_tgid());
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
