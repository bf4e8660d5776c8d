/* support.h - what every libFuzzer harness in test/fuzz links with.
 *
 * A harness #includes "../../applets/NAME.c" (so static parsers are in
 * reach), includes this header, and wraps each call that may die():
 *
 *	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
 *	{
 *		if (!setjmp(fuzz_jmp))
 *			parse(data, size);
 *		return 0;
 *	}
 *
 * die() and xexit() then longjmp back here instead of ending the process.
 * The applet table is empty: a harness exercises code, not dispatch. */
#ifndef FUZZ_SUPPORT_H
#define FUZZ_SUPPORT_H
#include "pxebox.h"
#include <stdint.h>

extern jmp_buf fuzz_jmp;

/* Runs before libFuzzer starts (a constructor); harmless to call again,
 * e.g. after the code under test changed px. */
void fuzz_init(void);

/* For harnesses that extract archives: a scratch directory fuzz_top holding
 * only fuzz_dest ("TOP/dest"), both removed at exit.  fuzz_scratch(NAME)
 * makes them (from LLVMFuzzerInitialize; on tmpfs when there is one).
 * fuzz_input() puts one input in a memory file (read offset 0) and makes
 * fuzz_dest; fuzz_scratch_done(fd) closes the 64 descriptors from fd on
 * (die() longjmps past the closes), goes back to "/", traps if anything
 * escaped beside fuzz_dest and empties it for the next input. */
extern char fuzz_top[64], fuzz_dest[96];
void fuzz_scratch(const char *name);
int fuzz_input(const uint8_t *data, size_t size);
void fuzz_scratch_done(int fd);

#endif
