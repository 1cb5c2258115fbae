// SPDX-License-Identifier: MIT
/* perf_event CPU profiler: count user+kernel stack ids per sample. */
#include <linux/bpf.h>
#include <linux/bpf_perf_event.h>
#include <bpf/bpf_helpers.h>

struct key_t {
	__u32 pid;
	__s32 kstack;
	__s32 ustack;
};

struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(max_entries, 4096);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, 64 * sizeof(__u64));
} stacks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct key_t);
	__type(value, __u64);
} counts SEC(".maps");

SEC("perf_event")
int profile(struct bpf_perf_event_data *ctx)
{
	struct key_t k = {};
	__u64 one = 1, *v;

	k.pid = bpf_get_current_pid_tgid() >> 32;
	k.kstack = bpf_get_stackid(ctx, &stacks, 0);
	k.ustack = bpf_get_stackid(ctx, &stacks, BPF_F_USER_STACK);
	v = bpf_map_lookup_elem(&counts, &k);
	if (v)
		__sync_fetch_and_add(v, 1);
	else
		bpf_map_update_elem(&counts, &k, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
