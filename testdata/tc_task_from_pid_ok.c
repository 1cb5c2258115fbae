// SPDX-License-Identifier: MIT
/* tc: mark packets while the init task exists (bpf_task_from_pid, released). */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include "kern_types.h"
#include "kfuncs.h"

SEC("tc")
int mark_if_init(struct __sk_buff *skb)
{
	struct task_struct *init;

	init = bpf_task_from_pid(1);
	if (!init)
		return TC_ACT_OK;
	skb->mark = init->tgid;
	bpf_task_release(init);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
