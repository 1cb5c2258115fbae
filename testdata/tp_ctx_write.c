// SPDX-License-Identifier: MIT
/* Tries to hide a task from sched_switch consumers by zeroing next_pid in the context. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "events.h"

SEC("tracepoint/sched/sched_switch")
int on_switch(struct sched_switch_args *ctx)
{
	if (ctx->next_prio < 10)
		/* BUG: tracepoint context is read-only */
		ctx->next_pid = 0;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
