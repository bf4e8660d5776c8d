/* support.c - the stand-ins for core/main.c that fuzz harnesses link with. */
#include "support.h"

const struct applet applets[] = { { 0 } };
const unsigned applet_count = 0;
jmp_buf fuzz_jmp;

const struct applet *applet_find(const char *name)
{
	return NULL;
}

/* Nothing to run with an empty table; a shell that asks gets "not found". */
int applet_run(const struct applet *a, int argc, char **argv)
{
	return 127;
}

__attribute__((constructor)) void fuzz_init(void)
{
	px.applet = "fuzz";
	px.rethrow = &fuzz_jmp;
}
