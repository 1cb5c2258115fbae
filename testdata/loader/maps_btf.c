// SPDX-License-Identifier: MIT
/* Loader test: BTF-defined maps (.maps), including a map-in-map with an inner definition. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct key {
	__u32 a, b;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, struct key);
	__type(value, __u64);
	__uint(max_entries, 128);
	__uint(map_flags, BPF_F_NO_PREALLOC);
} counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(key_size, 4);
	__uint(value_size, 16);
	__uint(max_entries, 4);
} plain SEC(".maps");

struct inner {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u32);
	__uint(max_entries, 8);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 2);
	__type(key, __u32);
	__array(values, struct inner);
} outer SEC(".maps");

SEC("xdp")
int count_xdp(struct xdp_md *ctx)
{
	struct key k = { .a = ctx->ingress_ifindex, .b = 1 };
	__u64 one = 1, *v;
	__u32 zero = 0;
	void *in;

	v = bpf_map_lookup_elem(&counts, &k);
	if (v)
		__sync_fetch_and_add(v, 1);
	else
		bpf_map_update_elem(&counts, &k, &one, BPF_ANY);
	in = bpf_map_lookup_elem(&outer, &zero);
	if (in && bpf_map_lookup_elem(in, &zero))
		return XDP_DROP;
	return bpf_map_lookup_elem(&plain, &zero) ? XDP_PASS : XDP_ABORTED;
}

char LICENSE[] SEC("license") = "GPL";
