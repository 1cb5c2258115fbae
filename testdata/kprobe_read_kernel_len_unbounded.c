// SPDX-License-Identifier: MIT
/* Copy a write() buffer preview; the length comes from the count argument, unclamped. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define PREVIEW 32

SEC("kprobe/ksys_write")
int BPF_KPROBE(trace_write, unsigned int fd, const char *buf, unsigned long count)
{
	char preview[PREVIEW];

	/* BUG: count is not bounded by sizeof(preview) */
	if (bpf_probe_read_user(preview, count, buf) < 0)
		return 0;
	bpf_printk("write fd=%u first=%x", fd, preview[0]);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
