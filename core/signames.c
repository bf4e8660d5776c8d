/* signames.c - one table of signal names, read both ways. */
#include "pxebox.h"
#include "signames.h"

/* indexed by number on Linux; "EXIT" is the shell's pseudo-signal 0 */
static const char *const names[] = { "EXIT", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT",
	"BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT",
	"CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM",
	"PROF", "WINCH", "IO", "PWR", "SYS" };

int sig_number(const char *s)
{
	if (isdigit((unsigned char)*s)) {
		char *end;
		long v = strtol(s, &end, 10);
		return *end || v >= NSIG ? -1 : (int)v;
	}
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (unsigned i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcasecmp(s, names[i]))
			return (int)i;
	if (!strcasecmp(s, "IOT"))
		return SIGABRT;
	if (!strcasecmp(s, "POLL"))
		return SIGIO;
	if (!strncasecmp(s, "RTMIN", 5) || !strncasecmp(s, "RTMAX", 5)) {
		int base = toupper((unsigned char)s[4]) == 'I' ? SIGRTMIN : SIGRTMAX;
		long off = s[5] ? strtol(s + 5, NULL, 10) : 0;
		int sig = base + (int)off;
		return sig >= SIGRTMIN && sig <= SIGRTMAX ? sig : -1;
	}
	return -1;
}

const char *sig_name(int sig, char buf[16])
{
	if (sig >= 0 && sig < (int)ARRAY_SIZE(names))
		return names[sig];
	if (sig >= SIGRTMIN && sig <= SIGRTMAX)
		snprintf(buf, 16, "RTMIN+%d", sig - SIGRTMIN);
	else
		snprintf(buf, 16, "%d", sig);
	return buf;
}
