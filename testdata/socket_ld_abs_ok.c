// SPDX-License-Identifier: MIT
/* Classic-style socket filter with legacy BPF_ABS loads: IPv4 UDP to port 53 only. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>

unsigned long long load_byte(void *skb, unsigned long long off) asm("llvm.bpf.load.byte");
unsigned long long load_half(void *skb, unsigned long long off) asm("llvm.bpf.load.half");

SEC("socket")
int sock_dns(struct __sk_buff *skb)
{
	if (load_half(skb, 12) != ETH_P_IP)
		return 0;
	if (load_byte(skb, ETH_HLEN + 9) != IPPROTO_UDP)
		return 0;
	if (load_half(skb, ETH_HLEN + 20 + 2) != 53)
		return 0;
	return -1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
