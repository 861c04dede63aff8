/* open_spy.c: an LD_PRELOAD library that logs every open the program makes, for test_limits.
 *
 * Each call to open, openat, creat or fopen (and their 64-bit and fortified names) appends one
 * line "FLAGS PATH" (FLAGS in octal, as open takes them; fopen's mode mapped to open's flags) to
 * the file named by $REDLINE_OPEN_LOG, then does the real call. It only watches: no behaviour
 * changes. Calls that libc makes internally (locale files) do not pass through it; every call
 * the program makes does. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int open(const char *path, int flags, ...);
int open64(const char *path, int flags, ...);
int __open_2(const char *path, int flags);
int __open64_2(const char *path, int flags);
int openat(int dirfd, const char *path, int flags, ...);
int openat64(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int creat64(const char *path, mode_t mode);
FILE *fopen(const char *path, const char *mode);
FILE *fopen64(const char *path, const char *mode);

static void note(const char *path, int flags)
{
	static int (*real_open)(const char *, int, ...);
	const char *log = getenv("REDLINE_OPEN_LOG");
	if (!log)
		return;
	if (!real_open)
		real_open = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
	int fd = real_open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	char line[4200];
	int n = snprintf(line, sizeof line, "%o %s\n", (unsigned)flags, path ? path : "(null)");
	if (n > 0)
		(void)!write(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
	close(fd);
}

static mode_t mode_arg(int flags, va_list ap)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(ap, int) : 0;
}

#define REAL(name, type) ((type)dlsym(RTLD_NEXT, name))

int open(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t m = mode_arg(flags, ap);
	va_end(ap);
	note(path, flags);
	return REAL("open", int (*)(const char *, int, ...))(path, flags, m);
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t m = mode_arg(flags, ap);
	va_end(ap);
	note(path, flags);
	return REAL("open64", int (*)(const char *, int, ...))(path, flags, m);
}

int __open_2(const char *path, int flags)
{
	note(path, flags);
	return REAL("__open_2", int (*)(const char *, int))(path, flags);
}

int __open64_2(const char *path, int flags)
{
	note(path, flags);
	return REAL("__open64_2", int (*)(const char *, int))(path, flags);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t m = mode_arg(flags, ap);
	va_end(ap);
	note(path, flags);
	return REAL("openat", int (*)(int, const char *, int, ...))(dirfd, path, flags, m);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t m = mode_arg(flags, ap);
	va_end(ap);
	note(path, flags);
	return REAL("openat64", int (*)(int, const char *, int, ...))(dirfd, path, flags, m);
}

int creat(const char *path, mode_t mode)
{
	note(path, O_CREAT | O_WRONLY | O_TRUNC);
	return REAL("creat", int (*)(const char *, mode_t))(path, mode);
}

int creat64(const char *path, mode_t mode)
{
	note(path, O_CREAT | O_WRONLY | O_TRUNC);
	return REAL("creat64", int (*)(const char *, mode_t))(path, mode);
}

/* fopen's mode as open's flags: "r" read only, "r+" read-write, "w"/"a" write and create. */
static int fopen_flags(const char *mode)
{
	bool plus = strchr(mode, '+') != NULL;
	switch (mode[0]) {
	case 'r': return plus ? O_RDWR : O_RDONLY;
	case 'w': return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
	default: return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
	}
}

FILE *fopen(const char *path, const char *mode)
{
	note(path, fopen_flags(mode));
	return REAL("fopen", FILE *(*)(const char *, const char *))(path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
	note(path, fopen_flags(mode));
	return REAL("fopen64", FILE *(*)(const char *, const char *))(path, mode);
}
