// SPDX-License-Identifier: MIT
/*
 * Sample context switches per CPU in a global array indexed by the raw CPU id.
 * Out of bounds only on machines with more than 64 CPUs: the kernel bounds the
 * result of bpf_get_smp_processor_id by nr_cpu_ids, so its verdict depends on
 * the machine it runs on (accepted on the 2-CPU recording machine).
 */
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
	/* BUG: CPU id not checked against MAX_CPUS; kernel accepts, bounding it by nr_cpu_ids */
	samples[cpu]++;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
