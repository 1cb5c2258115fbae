// SPDX-License-Identifier: MIT
/*
 * CO-RE target: the types of core_local.c laid out differently, as another
 * kernel would have them. tests/check_core.c uses this object's BTF as the
 * target of core_apply() and also compiles this file for the host, so that
 * offsetof()/sizeof() on these definitions give the expected values.
 * Differences from core_local.c:
 *   core_inner: a new leading field, x and y swapped;
 *   core_foo: a new first field, a and b swapped, c[16] inside an anonymous
 *     struct, bitfields moved and bf2 resized, gone removed, shrink u16,
 *     grows a signed long, arr[2] (so arr[3] has no target), tail moved;
 *   core_bar: new_name at offset 4 (the ___v2 flavour matches; ___v1 whose
 *     old_name is gone does not);
 *   core_color: other values, CORE_GREEN removed;
 *   core_missing and core_gone_enum do not exist.
 */
#ifdef __bpf__
#include <linux/types.h>
#include <bpf/bpf_helpers.h>
#endif

struct core_inner {
	long pad;
	int y;
	int x;
};

struct core_foo {
	long newfirst;
	long b;
	int a;
	struct {
		char c[16];
	};
	union {
		int u1;
		long u2;
	};
	struct core_inner in;
	unsigned int pad2 : 5;
	unsigned int bf1 : 3;
	int bf2 : 9;
	unsigned short shrink;
	long grows;
	struct core_inner arr[2];
	void *ptr;
	struct core_inner tail[];
};

struct core_bar {
	int pad;
	int new_name;
};

enum core_color { CORE_RED = 10, CORE_BLUE = 3 };

typedef struct core_foo core_foo_t;

struct core_foo core_target_foo;
struct core_bar core_target_bar;
enum core_color core_target_color;
core_foo_t core_target_foo_t;

#ifdef __bpf__
SEC("raw_tp/sys_enter")
int core_target_dummy(void *ctx)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
#endif
