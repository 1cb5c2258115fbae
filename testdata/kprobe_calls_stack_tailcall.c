// SPDX-License-Identifier: MIT
/*
 * kprobe: the private-stack twin (kprobe_calls_priv_stack_ok) with a tail call
 * added. A program that tail-calls gets no private stacks, so the 320-byte caller
 * buffer and the 256-byte callee buffer share the 512-byte stack.
 */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} out SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} next_stage SEC(".maps");

static __noinline int emit_path(const char *upath)
{
	char buf[256];
	long n = bpf_probe_read_user_str(buf, sizeof(buf), upath);

	if (n <= 0)
		return 0;
	return bpf_ringbuf_output(&out, buf, sizeof(buf), 0);
}

SEC("kprobe/do_sys_openat2")
int on_open(struct pt_regs *ctx)
{
	char comm[320];

	bpf_get_current_comm(comm, sizeof(comm));
	if (comm[0] == 's' && comm[1] == 'h')
		emit_path((const char *)PT_REGS_PARM2(ctx));
	bpf_ringbuf_output(&out, comm, 16, 0);
	/* BUG: the tail call turns private stacks off: 576 bytes on one stack */
	bpf_tail_call(ctx, &next_stage, 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
