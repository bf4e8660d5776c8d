/* signames.h - signal names both ways, for kill, trap and friends. */
#ifndef PXEBOX_SIGNAMES_H
#define PXEBOX_SIGNAMES_H

/* "HUP", "SIGHUP", "hup" or "1" -> 1; "EXIT" -> 0; -1 when unknown */
int sig_number(const char *s);
/* 1 -> "HUP", 0 -> "EXIT"; unknown numbers are written into buf */
const char *sig_name(int sig, char buf[16]);

#endif
