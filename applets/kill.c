/* kill - send a signal to processes */
//menu:Process utilities
//config:config KILL
//config:	bool "kill"
//config:	default y
//config:	help
//config:	  Send a signal (default TERM) to processes or process groups.
//applet:kill KILL kill_main NULL
//usage:kill [-s SIG | -SIG] PID... | kill -l [SIG|EXITCODE]...
//usage:
//usage:Send SIG (default TERM) to each PID; a negative PID is a process group.
//usage:	-s SIG	signal by name or number; also -SIG, -SIGNUMBER
//usage:	-l	list signal names, or the name of each SIG / the signal of an exit code
#include "pxebox.h"
#include "signames.h"

static int list(int argc, char **argv)
{
	char buf[16];
	if (argc == 0) {
		/* busybox's layout, one "N) NAME" per line */
		for (int s = 1; s < 32; s++)
			printf("%2d) %s\n", s, sig_name(s, buf));
		return 0;
	}
	for (int i = 0; i < argc; i++) {
		int s = sig_number(argv[i]);
		if (isdigit((unsigned char)argv[i][0])) {
			/* an exit status like 137 names the signal that caused it */
			long n = strtol(argv[i], NULL, 10);
			if (n > 128)
				s = (int)(n - 128);
			if (s > 0)
				puts(sig_name(s, buf));
		} else if (s > 0) {
			printf("%d\n", s);
		}
		if (s <= 0)
			warn("unknown signal '%s'", argv[i]);
	}
	return px.exitcode;
}

/* raw argv: "-9", "-KILL" and negative PIDs look like options */
int kill_main(int argc, char **argv)
{
	int sig = SIGTERM, i = 1;

	if (argc > 1 && !strcmp(argv[1], "--help")) {
		show_help(applet_find("kill"), stdout);
		return 0;
	}
	if (i < argc && !strcmp(argv[i], "-l"))
		return list(argc - 2, argv + 2);
	if (i < argc && !strcmp(argv[i], "-s")) {
		if (i + 1 >= argc)
			usage_die();
		sig = sig_number(argv[i + 1]);
		if (sig < 0)
			die("unknown signal '%s'", argv[i + 1]);
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--")) {
		sig = sig_number(argv[i] + 1);
		if (sig < 0) {
			/* "-123" with no signal before it is a process group */
			if (!isdigit((unsigned char)argv[i][1]))
				die("unknown signal '%s'", argv[i] + 1);
			sig = SIGTERM;
		} else
			i++;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc)
		usage_die();
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);
		if (!*argv[i] || *end) {
			warn("invalid pid '%s'", argv[i]);
			continue;
		}
		if (kill((pid_t)pid, sig))
			pwarn("(%ld)", pid);
	}
	return px.exitcode;
}
