/* modinfo_fuzz.c - libFuzzer target for the ELF .modinfo and symbol table
 * readers and the appended-signature reader (PKCS#7's DER, core/elfmod.c) on arbitrary
 * bytes, and modinfo's field printing (parm/parmtype merging, hex) on what
 * they find. */
#include "support.h"
#include "../../applets/modinfo.c"

static void count_symbol(void *ctx, const char *name, int undef)
{
	static size_t n;
	n += strlen(name) + undef;	/* reads the name to its NUL */
}

static void run(const uint8_t *data, size_t size)
{
	const char *info, *why;
	size_t ilen, off = 0;
	char *key, *val, *copy;
	struct parm *parms = NULL;

	/* an exact-size copy, so ASan sees any read past the end */
	copy = xmalloc(size ? size : 1);
	memcpy(copy, data, size);
	if (!elf_modinfo(copy, size, &info, &ilen, &why)) {
		if ((const char *)info < copy || info + ilen > copy + size)
			__builtin_trap();
		while ((key = modinfo_next(info, ilen, &off, &val))) {
			show(key, val, &parms);
			free(key);
		}
	}
	show_signature(copy, size, &parms);
	elf_symbols(copy, size, count_symbol, NULL, &why);
	show_parms(parms);
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int once;
	if (!once) {
		if (!freopen("/dev/null", "w", stdout))
			abort();
		sep = '\n';
		once = 1;
	}
	if (!setjmp(fuzz_jmp))
		run(data, size);
	return 0;
}
