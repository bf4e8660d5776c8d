/* sleep - pause for a time */
//menu:Shell utilities
//config:config SLEEP
//config:	bool "sleep"
//config:	default y
//config:	help
//config:	  Pause for a number of seconds (fractions and s/m/h/d suffixes allowed).
//applet:sleep SLEEP sleep_main "<1"
//usage:sleep DURATION...
//usage:
//usage:Pause for the sum of the DURATIONs: a number of seconds, possibly
//usage:fractional, with an optional suffix s, m, h or d.
#include "pxebox.h"

int sleep_main(int argc, char **argv)
{
	double total = 0;
	struct timespec ts;

	for (int i = 1; i < argc; i++) {
		char *end;
		double v;
		errno = 0;
		v = strtod(argv[i], &end);
		if (end == argv[i] || errno || v < 0 || (end[0] && end[1]))
			die("invalid time interval '%s'", argv[i]);
		switch (*end) {
		case 'd': v *= 24;	/* fall through */
		case 'h': v *= 60;	/* fall through */
		case 'm': v *= 60;	/* fall through */
		case 's': case 0: break;
		default: die("invalid time interval '%s'", argv[i]);
		}
		total += v;
	}
	if (total > 1e9)
		total = 1e9;
	ts.tv_sec = (time_t)total;
	ts.tv_nsec = (long)((total - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
	return 0;
}
