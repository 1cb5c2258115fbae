// SPDX-License-Identifier: MIT
/* uprobe (bash readline return): copies more than the reserved ring buffer record. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} lines SEC(".maps");

SEC("uretprobe//bin/bash:readline")
int on_readline(struct pt_regs *ctx)
{
	const char *line = (const char *)PT_REGS_RC(ctx);
	char *buf;

	if (!line)
		return 0;
	buf = bpf_ringbuf_reserve(&lines, 128, 0);
	if (!buf)
		return 0;
	/* BUG: 256 bytes into a 128-byte reservation */
	bpf_probe_read_user_str(buf, 256, line);
	bpf_ringbuf_submit(buf, 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
