// SPDX-License-Identifier: MIT
/* kprobe: the caller keeps a 256-byte buffer and a subprogram formats into its own 200 bytes. */
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
	char buf[200];
	long n = bpf_probe_read_user_str(buf, sizeof(buf), upath);

	if (n <= 0)
		return 0;
	return bpf_ringbuf_output(&out, buf, sizeof(buf), 0);
}

SEC("kprobe/do_sys_openat2")
int on_open(struct pt_regs *ctx)
{
	char comm[256];

	bpf_get_current_comm(comm, sizeof(comm));
	if (comm[0] == 's' && comm[1] == 'h')
		emit_path((const char *)PT_REGS_PARM2(ctx));
	bpf_ringbuf_output(&out, comm, 16, 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
