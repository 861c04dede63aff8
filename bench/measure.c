/* measure.c: run a command with its output discarded; print its wall time and peak memory.
 *
 *   measure COMMAND [ARG]...   ->  "<wall s> <peak RSS KiB> <exit status> <cpu s> <minor faults>"
 *
 * The benchmark's stopwatch. A helper of its own, because a process forked from the Python driver
 * would count the driver's pages in its peak RSS; this one is small, and the figure is the child's
 * own (wait4's ru_maxrss, which Linux reports in KiB). CPU time is user + system time, which a
 * busy machine disturbs less than wall time. Minor page faults (ru_minflt) count the pages the
 * process touched for the first time: memory freed to the system and mapped again shows there.
 * The command's stdin and stdout are /dev/null; its
 * stderr is kept. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: measure COMMAND [ARG]...\n", stderr);
		return 2;
	}
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (null < 0) {
		perror("measure: /dev/null");
		return 2;
	}
	double start = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		return 2;
	}
	if (pid == 0) {
		if (dup2(null, STDIN_FILENO) < 0 || dup2(null, STDOUT_FILENO) < 0)
			_exit(127);
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("measure: wait4");
		return 2;
	}
	double wall = now() - start;
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	             (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	printf("%.6f %ld %d %.6f %ld\n", wall, ru.ru_maxrss, code, cpu, ru.ru_minflt);
	return 0;
}
