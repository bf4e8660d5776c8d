/* elfmod.c - find and walk the .modinfo section of a kernel module.  The
 * input may be anything (modinfo runs on user-given files, and the fuzzer
 * on random bytes), so each header field is checked against the buffer
 * before it is used. */
#include "elfmod.h"
#include <elf.h>

/* Read an n-byte unsigned field at p in the file's byte order. */
static uint64_t get(const unsigned char *p, int n, int big)
{
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v |= (uint64_t)p[big ? n - 1 - i : i] << (8 * i);
	return v;
}

/* Does [off, off+n) lie inside a buffer of len bytes? (no overflow) */
static int inside(uint64_t off, uint64_t n, size_t len)
{
	return off <= len && n <= len - off;
}

int elf_modinfo(const void *buf, size_t len, const char **info, size_t *ilen,
		const char **why)
{
	const unsigned char *b = buf;
	int is64, big, w;
	uint64_t shoff, shentsize, shnum, shstrndx, stroff, strsize;

	if (len < EI_NIDENT || memcmp(b, ELFMAG, SELFMAG)) {
		*why = "not an ELF file";
		return -1;
	}
	if ((b[EI_CLASS] != ELFCLASS32 && b[EI_CLASS] != ELFCLASS64) ||
	    (b[EI_DATA] != ELFDATA2LSB && b[EI_DATA] != ELFDATA2MSB)) {
		*why = "unknown ELF class or byte order";
		return -1;
	}
	is64 = b[EI_CLASS] == ELFCLASS64;
	big = b[EI_DATA] == ELFDATA2MSB;
	w = is64 ? 8 : 4;	/* width of addresses and offsets */
	if (len < (is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr))) {
		*why = "truncated ELF header";
		return -1;
	}
	if (is64) {
		shoff = get(b + offsetof(Elf64_Ehdr, e_shoff), 8, big);
		shentsize = get(b + offsetof(Elf64_Ehdr, e_shentsize), 2, big);
		shnum = get(b + offsetof(Elf64_Ehdr, e_shnum), 2, big);
		shstrndx = get(b + offsetof(Elf64_Ehdr, e_shstrndx), 2, big);
	} else {
		shoff = get(b + offsetof(Elf32_Ehdr, e_shoff), 4, big);
		shentsize = get(b + offsetof(Elf32_Ehdr, e_shentsize), 2, big);
		shnum = get(b + offsetof(Elf32_Ehdr, e_shnum), 2, big);
		shstrndx = get(b + offsetof(Elf32_Ehdr, e_shstrndx), 2, big);
	}
	/* a section header must at least hold the fields read below */
	if (shentsize < (is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr)) ||
	    shnum == 0 || shstrndx >= shnum || shnum > (uint64_t)len ||
	    !inside(shoff, shnum * shentsize, len)) {
		*why = "bad section header table";
		return -1;
	}
	/* sh_name is at 0 in both layouts; sh_offset and sh_size differ */
#define SH(i) (b + shoff + (uint64_t)(i) * shentsize)
#define SH_OFFSET(p) get((p) + (is64 ? offsetof(Elf64_Shdr, sh_offset) : offsetof(Elf32_Shdr, sh_offset)), w, big)
#define SH_SIZE(p) get((p) + (is64 ? offsetof(Elf64_Shdr, sh_size) : offsetof(Elf32_Shdr, sh_size)), w, big)
#define SH_TYPE(p) get((p) + offsetof(Elf64_Shdr, sh_type), 4, big)
	stroff = SH_OFFSET(SH(shstrndx));
	strsize = SH_SIZE(SH(shstrndx));
	if (!inside(stroff, strsize, len)) {
		*why = "bad section name table";
		return -1;
	}
	for (uint64_t i = 0; i < shnum; i++) {
		const unsigned char *sh = SH(i);
		uint64_t name = get(sh, 4, big), off, size;
		static const char want[] = ".modinfo";
		if (name >= strsize || strsize - name < sizeof(want) ||
		    memcmp(b + stroff + name, want, sizeof(want)))
			continue;
		off = SH_OFFSET(sh);
		size = SH_SIZE(sh);
		if (SH_TYPE(sh) == SHT_NOBITS || !inside(off, size, len)) {
			*why = "bad .modinfo section";
			return -1;
		}
		*info = (const char *)b + off;
		*ilen = size;
		return 0;
	}
#undef SH
#undef SH_OFFSET
#undef SH_SIZE
#undef SH_TYPE
	*why = "no .modinfo section";
	return -1;
}

char *modinfo_next(const char *info, size_t ilen, size_t *off, char **value)
{
	while (*off < ilen) {
		const char *s = info + *off, *nul = memchr(s, 0, ilen - *off);
		size_t n = nul ? (size_t)(nul - s) : ilen - *off;
		char *key, *eq;
		*off += n + 1;
		if (!n)
			continue;	/* alignment padding between entries */
		key = xstrndup(s, n);
		eq = strchr(key, '=');
		if (!eq) {
			free(key);
			continue;
		}
		*eq = 0;
		*value = eq + 1;
		return key;
	}
	return NULL;
}
