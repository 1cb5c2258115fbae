// SPDX-License-Identifier: MIT
/*
 * CO-RE test program for tests/check_core.c: reads through types marked
 * preserve_access_index and uses the bpf_core_read.h builtins of every
 * relocation kind clang 14 emits. core_target.c holds the same types laid
 * out differently (the "kernel"); the test checks each patched instruction.
 */
#include <linux/types.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct core_inner {
	int x;
	int y;
} __attribute__((preserve_access_index));

struct core_foo {
	int a;
	long b;
	char c[8];
	union {
		int u1;
		long u2;
	};
	struct core_inner in;
	unsigned int bf1 : 3;
	int bf2 : 7;
	unsigned int gone;
	unsigned int shrink;
	int grows;
	struct core_inner arr[4];
	void *ptr;
	struct core_inner tail[];
} __attribute__((preserve_access_index));

struct core_bar___v1 {
	int old_name;
} __attribute__((preserve_access_index));

struct core_bar___v2 {
	int new_name;
} __attribute__((preserve_access_index));

struct core_missing {
	int z;
} __attribute__((preserve_access_index));

enum core_color { CORE_RED, CORE_GREEN = 5, CORE_BLUE = 7 };
enum core_gone_enum { CORE_GONE_A = 1 };

typedef struct core_foo core_foo_t;

__u64 out[40];

SEC("raw_tp/sys_enter")
int core_reads(void *ctx)
{
	struct core_foo *f = ctx;
	struct core_bar___v1 *b1 = ctx;
	struct core_bar___v2 *b2 = ctx;

	out[0] = f->a;
	out[1] = f->b;
	out[2] = f->c[5];
	out[3] = f->u2;
	out[4] = f->in.x;
	out[5] = f->in.y;
	out[6] = f->arr[1].x;
	out[7] = f->arr[3].y; /* past the target's arr[2]: poisoned */
	out[8] = (__u64)f->ptr;
	out[9] = f->shrink; /* u32 here, u16 in the target: narrower load */
	out[10] = f->grows; /* int here, long in the target: poisoned load */
	out[11] = BPF_CORE_READ_BITFIELD(f, bf1);
	out[12] = BPF_CORE_READ_BITFIELD(f, bf2);
	out[13] = bpf_core_field_exists(f->gone);
	out[14] = bpf_core_field_exists(f->b);
	out[15] = bpf_core_field_size(f->c);
	out[16] = bpf_core_field_size(f->shrink);
	if (bpf_core_field_exists(b1->old_name))
		out[17] = b1->old_name; /* no ___v1 match: poisoned, dead in the target */
	else
		out[17] = b2->new_name;
	out[18] = bpf_core_type_exists(struct core_missing);
	out[19] = bpf_core_type_exists(struct core_foo);
	out[20] = bpf_core_type_size(struct core_foo);
	out[21] = bpf_core_type_size(core_foo_t);
	out[22] = bpf_core_type_id_kernel(struct core_foo);
	out[23] = bpf_core_type_id_local(struct core_foo);
	out[24] = bpf_core_enum_value_exists(enum core_color, CORE_GREEN);
	out[25] = bpf_core_enum_value_exists(enum core_color, CORE_BLUE);
	out[26] = bpf_core_enum_value(enum core_color, CORE_BLUE);
	out[27] = bpf_core_enum_value(enum core_color, CORE_RED);
	out[28] = bpf_core_enum_value(enum core_color, CORE_GREEN); /* poisoned */
	out[29] = bpf_core_enum_value_exists(enum core_gone_enum, CORE_GONE_A);
	out[30] = bpf_core_field_offset(f->arr[1].y);
	out[31] = bpf_core_type_exists(core_foo_t);
	out[32] = f[1].a;
	out[33] = f->tail[5].x;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
