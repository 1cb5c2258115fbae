// SPDX-License-Identifier: MIT
/* Prints the command name; the buffer is 8 bytes but 16 are requested. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "events.h"

SEC("kprobe/do_nanosleep")
int trace_sleep(struct pt_regs *ctx)
{
	char comm[8];

	/* BUG: size 16 for an 8-byte stack buffer */
	bpf_get_current_comm(comm, TASK_COMM_LEN);
	bpf_printk("%s sleeps", comm);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
