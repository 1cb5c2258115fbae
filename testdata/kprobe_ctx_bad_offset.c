// SPDX-License-Identifier: MIT
/* Reads one register slot past the end of struct pt_regs. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kprobe/do_nanosleep")
int trace_sleep(struct pt_regs *ctx)
{
	unsigned long *regs = (unsigned long *)ctx;
	/* BUG: offset 168 is past pt_regs */
	unsigned long extra = regs[sizeof(struct pt_regs) / sizeof(long)];

	bpf_printk("sleep %lx", extra);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
