// SPDX-License-Identifier: MIT
/* Latency buckets on the stack, filled with a loop that runs one slot too far. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define NBUCKETS 8

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64[NBUCKETS]);
} last_hist SEC(".maps");

SEC("kprobe/do_nanosleep")
int trace_sleep(struct pt_regs *ctx)
{
	__u64 hist[NBUCKETS];
	__u64 now = bpf_ktime_get_ns();
	__u32 zero = 0;

#pragma clang loop unroll(disable)
	/* BUG: i == 8 writes past hist[7] */
	for (volatile __u32 i = 0; i <= NBUCKETS; i++)
		hist[i & 15] = now >> i;
	bpf_map_update_elem(&last_hist, &zero, hist, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
