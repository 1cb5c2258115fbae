// SPDX-License-Identifier: MIT
/* kprobe: reads the per-CPU perf event slot directly instead of using perf_event_output. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} events SEC(".maps");

SEC("kprobe/do_nanosleep")
int on_sleep(struct pt_regs *ctx)
{
	__u32 cpu = bpf_get_smp_processor_id();
	__u32 *fd;

	/* BUG: perf event arrays cannot be read with bpf_map_lookup_elem */
	fd = bpf_map_lookup_elem(&events, &cpu);
	if (fd && *fd)
		bpf_printk("fd %u", *fd);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
