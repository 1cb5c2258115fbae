// SPDX-License-Identifier: MIT
/* tp_btf sys_enter: look up the VMA of the syscall's first argument with bpf_find_vma. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
} __attribute__((preserve_access_index));

struct vma_info {
	__u64 start, len;
};

__u64 last_len;

static long record_vma(struct task_struct *task, struct vm_area_struct *vma, struct vma_info *info)
{
	info->start = vma->vm_start;
	info->len = vma->vm_end - vma->vm_start;
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(on_enter, struct pt_regs *regs, long id)
{
	struct vma_info info = {};
	struct task_struct *task = bpf_get_current_task_btf();

	bpf_find_vma(task, (__u64)id, record_vma, &info, 0);
	last_len = info.len;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
