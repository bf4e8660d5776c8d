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

#endif
