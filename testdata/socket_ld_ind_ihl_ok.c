// SPDX-License-Identifier: MIT
/*
 * Legacy loads with a variable offset (BPF_IND): find the UDP destination port
 * behind an IPv4 header of ihl*4 bytes. Out-of-packet loads end the program.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>

unsigned long long load_byte(void *skb, unsigned long long off) asm("llvm.bpf.load.byte");
unsigned long long load_half(void *skb, unsigned long long off) asm("llvm.bpf.load.half");

SEC("socket")
int sock_dns(struct __sk_buff *skb)
{
	__u64 ihl;

	if (load_half(skb, 12) != ETH_P_IP)
		return 0;
	if (load_byte(skb, ETH_HLEN + 9) != IPPROTO_UDP)
		return 0;
	ihl = (load_byte(skb, ETH_HLEN) & 0xf) * 4;
	if (load_half(skb, ETH_HLEN + ihl + 2) != 53)
		return 0;
	return -1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
