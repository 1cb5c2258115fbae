// SPDX-License-Identifier: MIT
/* kprobe dispatcher: tail-call into a per-syscall-class handler chosen by the first argument. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} handlers SEC(".maps");

SEC("kprobe/__x64_sys_ioctl")
int dispatch(struct pt_regs *ctx)
{
	__u32 cls = (__u32)PT_REGS_PARM1(ctx) & 3;

	bpf_tail_call(ctx, &handlers, cls);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
