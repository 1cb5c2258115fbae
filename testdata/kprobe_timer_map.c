// SPDX-License-Identifier: MIT
/* kprobe/do_exit: counts in a map whose value also holds a struct bpf_timer; program types of this kind may not use such maps at all. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct elem {
	__u64 count;
	struct bpf_timer timer;
};

/* BUG: this program type cannot use a map holding a struct bpf_timer */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct elem);
} counts SEC(".maps");

SEC("kprobe/do_exit")
int count(void *ctx)
{
	__u32 key = 0;
	struct elem *e = bpf_map_lookup_elem(&counts, &key);

	if (e)
		__sync_fetch_and_add(&e->count, 1);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
