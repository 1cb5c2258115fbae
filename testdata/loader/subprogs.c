// SPDX-License-Identifier: MIT
/* Loader test: bpf-to-bpf calls into .text (global and static), a callback
 * passed by address, and two programs sharing subprograms. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 4);
} vals SEC(".maps");

static __noinline int sq(int x)
{
	return x * x;
}

__noinline int add_sq(int a, int b)
{
	return sq(a) + sq(b);
}

static __noinline int twice(int x)
{
	return x + x;
}

static long visit(void *map, __u32 *key, __u64 *val, void *ctx)
{
	*(__u64 *)ctx += *val;
	return 0;
}

SEC("xdp")
int sub_xdp(struct xdp_md *ctx)
{
	int r = add_sq(ctx->data_end - ctx->data, 3);

	return twice(r) & 3;
}

SEC("tc")
int sub_tc(struct __sk_buff *skb)
{
	__u64 sum = 0;

	bpf_for_each_map_elem(&vals, visit, &sum, 0);
	return twice(skb->len) + (int)sum;
}

char LICENSE[] SEC("license") = "GPL";
