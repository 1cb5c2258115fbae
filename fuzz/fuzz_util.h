/* SPDX-License-Identifier: MIT */
/*
 * Shared helper of the libFuzzer targets: the loader takes a path, so each
 * input is written to an anonymous in-memory file (memfd_create) and opened
 * through /proc/self/fd. No file is left behind.
 */
#ifndef BV_FUZZ_UTIL_H
#define BV_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

/* Write @data to a new memfd; fills @path with its /proc name. Returns the fd or -1. */
static inline int fuzz_memfile(const uint8_t *data, size_t size, char *path, size_t path_size)
{
	int fd = memfd_create("bvfuzz", 0);
	size_t done = 0;

	if (fd < 0)
		return -1;
	while (done < size) {
		ssize_t w = write(fd, data + done, size - done);

		if (w <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	snprintf(path, path_size, "/proc/self/fd/%d", fd);
	return fd;
}

#endif
