/* elfmod.h - the .modinfo section of a kernel module (.ko) held in memory.
 * Used by modinfo and depmod; works on untrusted bytes (every offset is
 * checked), so a truncated or hostile file gives an error, never a crash. */
#ifndef PXEBOX_ELFMOD_H
#define PXEBOX_ELFMOD_H
#include "pxebox.h"

/* Find .modinfo in the ELF image buf/len (ELF32 or ELF64, either byte
 * order).  0 with *info and *ilen set, or -1 with *why set to a short reason. */
int elf_modinfo(const void *buf, size_t len, const char **info, size_t *ilen,
		const char **why);

/* Call fn for each named symbol of the ELF symbol table, in table order,
 * undef set for undefined ones (what the module needs).  0, or -1 with
 * *why set. */
int elf_symbols(const void *buf, size_t len, void (*fn)(void *ctx, const char *name, int undef),
		void *ctx, const char **why);

/* Walk the "key=value" strings of a .modinfo section.  Start with *off = 0;
 * each call returns the next entry split into key and value (malloc'd, one
 * allocation: free the key), or NULL at the end.  Entries without '=' and
 * padding NULs are skipped. */
char *modinfo_next(const char *info, size_t ilen, size_t *off, char **value);

/* The signature appended to a module ("~Module signature appended~"), as
 * kmod's modinfo shows it.  Pointers are into the module's bytes (signer
 * and key are not NUL-terminated); id and hash are static names. */
struct modsig {
	const char *id;			/* "PKCS#7", "X509" or "PGP" */
	const char *hash;		/* "sha256", ... */
	const unsigned char *signer, *key, *sig;
	size_t signer_len, key_len, sig_len;
};

/* 1 with *s filled when buf/len ends in a signature kmod would show, else 0. */
int mod_signature(const void *buf, size_t len, struct modsig *s);

#endif
