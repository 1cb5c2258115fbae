// SPDX-License-Identifier: MIT
/*
 * CO-RE test program relocated by tests/check_core.c against the running
 * kernel's BTF (/sys/kernel/btf/vmlinux, when readable): a few long-stable
 * kernel types, declared with only the fields read, plus a type and an
 * enumerator that no kernel has.
 */
#include <linux/types.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct task_struct {
	int pid;
	int tgid;
	char comm[16];
	struct task_struct *real_parent;
} __attribute__((preserve_access_index));

struct core_no_such_kernel_type {
	int x;
} __attribute__((preserve_access_index));

enum bpf_map_type {
	BPF_MAP_TYPE_HASH = 1,
	BPF_MAP_TYPE_ARRAY = 2,
	BPF_MAP_TYPE_NO_SUCH___local = 999,
};

__u64 out[16];

SEC("raw_tp/sys_enter")
int core_kernel(void *ctx)
{
	struct task_struct *t = ctx;

	out[0] = t->pid;
	out[1] = t->tgid;
	out[2] = t->comm[1];
	out[3] = (__u64)t->real_parent;
	out[4] = bpf_core_type_size(struct task_struct);
	out[5] = bpf_core_type_exists(struct core_no_such_kernel_type);
	out[6] = bpf_core_enum_value(enum bpf_map_type, BPF_MAP_TYPE_ARRAY);
	out[7] = bpf_core_enum_value_exists(enum bpf_map_type, BPF_MAP_TYPE_NO_SUCH___local);
	out[8] = bpf_core_type_id_kernel(struct task_struct);
	out[9] = bpf_core_field_exists(t->comm);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
