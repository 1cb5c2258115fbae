// SPDX-License-Identifier: MIT
/* Sample 1 in 128 context switches into a per-CPU slot of a global array (bounded CPU id). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "events.h"

#define MAX_CPUS 64

__u64 samples[MAX_CPUS];

SEC("tracepoint/sched/sched_switch")
int sample_switch(struct sched_switch_args *ctx)
{
	__u32 cpu;

	if (bpf_get_prandom_u32() & 127)
		return 0;
	cpu = bpf_get_smp_processor_id();
	if (cpu >= MAX_CPUS)
		return 0;
	samples[cpu]++;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
