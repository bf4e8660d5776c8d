/* sh_fuzz.c - libFuzzer target for the shell's lexer and parser: any byte
 * string must parse or be rejected with a message, never crash, leak or
 * recurse without bound.  sh_parse_only() parses without running anything. */
#include "support.h"
#include "../../applets/sh.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!setjmp(fuzz_jmp))
		sh_parse_only((const char *)data, size);
	return 0;
}
