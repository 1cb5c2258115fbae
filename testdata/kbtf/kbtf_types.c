// SPDX-License-Identifier: MIT
/*
 * Synthetic kernel-like BTF for tests/check_kbtf.c: the types below stand in
 * for a kernel's so that kbtf's struct walking, trust rules, allow lists
 * ("<struct>__safe_rcu" etc.), type tags and attach-target resolution can be
 * checked on any machine. Only the BTF of the compiled object is used; the
 * program exists so that the object is a valid eBPF object.
 */
#define __user __attribute__((btf_type_tag("user")))
#define __rcu __attribute__((btf_type_tag("rcu")))
#define __percpu __attribute__((btf_type_tag("percpu")))
#define SEC(s) __attribute__((section(s), used))

enum color { RED, GREEN };

struct leaf {
	int a;
	long b;
};

/* clang 14 drops a type tag placed directly on a struct pointee of a member; through
 * a typedef or a const it keeps PTR -> TYPE_TAG -> TYPEDEF/CONST -> STRUCT */
typedef struct leaf leaf_t;

struct elem {
	int x;
	struct leaf *p;
};

struct node {
	int i; /* 0 */
	unsigned int bf1 : 3, bf2 : 5, : 8, bf3 : 9; /* bytes 4..7 */
	struct leaf *plain_leaf; /* 8 */
	struct leaf *rcu_leaf; /* 16: node__safe_rcu */
	struct leaf *trusted_leaf; /* 24: node__safe_trusted */
	struct leaf *rcu_null_leaf; /* 32: node__safe_rcu_or_null */
	struct leaf *tn_leaf; /* 40: node__safe_trusted_or_null */
	leaf_t __rcu *tagged_rcu; /* 48 */
	const struct leaf __user *uptr; /* 56 */
	leaf_t __percpu *pcpu; /* 64 */
	char *str; /* 72 */
	void (*fn)(void); /* 80 */
	struct {
		int ax;
		struct leaf *aleaf;
	}; /* 88: anonymous struct */
	union {
		struct leaf *u_p;
		long u_l;
	}; /* 104: anonymous union of two members, the pointer first */
	union {
		struct leaf *only;
	} single; /* 112: union of one member */
	struct elem arr[3]; /* 120 */
	struct leaf *parr[2]; /* 168 */
	int iarr[4]; /* 184 */
	short grid[2][3]; /* 200 */
	enum color col; /* 212 */
	char tail; /* 216 */
	struct leaf *other_leaf; /* 224: named like no allow-list member */
	struct node *next; /* 232 */
	struct leaf lv; /* 240: a struct by value */
	union {
		char u_c;
		struct leaf *u_p2;
	} cu; /* 256: a union whose first member is one byte */
	union {
		long first_l;
		struct leaf *second_p;
	} lu; /* 264: a union whose first member is a scalar */
	int __user *iuptr; /* 272: a tagged pointer to a non-struct */
};

/* Allow lists: the member name and pointee type must both match */
struct node__safe_rcu {
	struct leaf *rcu_leaf;
	struct node *other_leaf; /* right name, wrong type: not listed */
};
struct node__safe_trusted {
	struct leaf *trusted_leaf;
};
struct node__safe_rcu_or_null {
	struct leaf *rcu_null_leaf;
};
struct node__safe_trusted_or_null {
	struct leaf *tn_leaf;
};

/* Flexible arrays of int, pointers, structs, enums; one placed before the end padding */
struct iflex {
	long n;
	unsigned int data[];
};
struct pflex {
	long n;
	struct leaf *ptrs[];
};
struct sflex {
	long n;
	struct elem items[];
};
struct eflex {
	long n;
	enum color cols[];
};
struct padflex {
	long a;
	char b;
	char data[];
};

/* First-member inheritance (kb_is_a) */
struct derived {
	struct node base;
	int extra;
};
struct derived2 {
	struct derived d;
	long more;
};
struct notfirst {
	int pad;
	struct node base;
};
struct empty_first {
	char begin[0];
	struct leaf l;
};
struct arr_first {
	struct leaf ls[2];
};

union uroot {
	struct leaf l;
	long x;
};

/* A tracepoint in the kernel's shape (clang 14 drops type tags inside a typedef of a
 * function pointer: they are tested on synth_tags below): btf_trace_<name> is a pointer to a prototype
 * whose first parameter is the tracepoint's private data */
typedef void (*btf_trace_synth)(void *__data, struct node *n, char **pp, int x, struct leaf *l,
				enum color c, void *vp, long long ll, struct leaf lv,
				enum color *ep, void (*cb)(int), float f);

/* Twelve 8-byte arguments fill the whole context (MAX_BPF_FUNC_ARGS) */
typedef int (*btf_trace_wide)(void *__data, long a1, long a2, long a3, long a4, long a5, long a6,
			      long a7, long a8, long a9, long a10, long a11);

/* Named like a tracepoint of the kernel's raw_tp_null_args table,
 * { "cachefiles_lookup", 0x1 | 0x200 }: argument 0 may be NULL, argument 2 may
 * be an error pointer */
typedef void (*btf_trace_cachefiles_lookup)(void *__data, struct node *obj, struct leaf *dir,
					    struct leaf *de);

/* Kernel-function stand-ins for fentry/fexit/fmod_ret, lsm and iter targets */
__attribute__((noinline)) int synth_fn(struct node *n, struct leaf *l__nullable, char **pp,
				       unsigned long cnt, void *vp)
{
	return n && l__nullable && pp && vp ? (int)cnt : 0;
}

__attribute__((noinline)) int synth_tags(const leaf_t __user *u, leaf_t __percpu *pc,
					 leaf_t __rcu *r)
{
	return u && pc && r;
}

__attribute__((noinline)) struct leaf *synth_ret_ptr(struct node *n)
{
	return n ? n->plain_leaf : 0;
}

__attribute__((noinline)) void synth_void(struct node *n)
{
	if (n)
		n->i = 0;
}

__attribute__((noinline)) int bpf_lsm_synth_hook(struct node *n, int flags)
{
	return n ? flags : 0;
}

__attribute__((noinline)) int bpf_iter_synth(struct leaf *meta, struct node *n, unsigned int fd,
					     struct leaf *obj)
{
	return meta && n && obj ? (int)fd : 0;
}

/* Keep every type in the BTF: a type reached only through a pointer member would be
 * emitted as a forward declaration */
struct node__safe_rcu keep_s1;
struct node__safe_trusted keep_s2;
struct node__safe_rcu_or_null keep_s3;
struct node__safe_trusted_or_null keep_s4;
struct iflex keep_f1;
struct pflex keep_f2;
struct sflex keep_f3;
struct eflex keep_f4;
struct padflex keep_f5;
struct derived2 keep_d2;
struct notfirst keep_nf;
struct empty_first keep_ef;
struct arr_first keep_af;
union uroot keep_ur;
btf_trace_synth keep_tp;
btf_trace_wide keep_wide;
btf_trace_cachefiles_lookup keep_cl;

SEC("tp_btf/synth")
int synth_prog(unsigned long long *ctx)
{
	return synth_fn((struct node *)ctx[0], 0, 0, 1, 0) + bpf_lsm_synth_hook(0, 0) +
	       bpf_iter_synth(0, 0, 0, 0) + synth_tags(0, 0, 0) + (synth_ret_ptr(0) != 0) +
	       (keep_tp != 0);
}

char LICENSE[] SEC("license") = "GPL";
