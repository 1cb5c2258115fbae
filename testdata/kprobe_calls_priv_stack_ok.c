// SPDX-License-Identifier: MIT
/*
 * kprobe: a 320-byte caller buffer plus a 256-byte buffer in the callee, 576
 * bytes in all. Since Linux 6.13 the x86 JIT gives tracing programs a private
 * stack per subprogram with a large frame, and the kernel then checks the
 * 512-byte limit per stack, so this is accepted (the XDP twin,
 * xdp_calls_stack_too_big, is rejected).
 */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} out SEC(".maps");

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
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
