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

/* The headers both readers need, checked. */
struct elf {
	const unsigned char *b;
	size_t len;
	int is64, big, w;
	uint64_t shoff, shentsize, shnum;
};

static int elf_open(struct elf *e, const void *buf, size_t len, const char **why)
{
	const unsigned char *b = buf;
	uint64_t shstrndx;
	e->b = b;
	e->len = len;
	if (len < EI_NIDENT || memcmp(b, ELFMAG, SELFMAG)) {
		*why = "not an ELF file";
		return -1;
	}
	if ((b[EI_CLASS] != ELFCLASS32 && b[EI_CLASS] != ELFCLASS64) ||
	    (b[EI_DATA] != ELFDATA2LSB && b[EI_DATA] != ELFDATA2MSB)) {
		*why = "unknown ELF class or byte order";
		return -1;
	}
	e->is64 = b[EI_CLASS] == ELFCLASS64;
	e->big = b[EI_DATA] == ELFDATA2MSB;
	e->w = e->is64 ? 8 : 4;	/* width of addresses and offsets */
	if (len < (e->is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr))) {
		*why = "truncated ELF header";
		return -1;
	}
	if (e->is64) {
		e->shoff = get(b + offsetof(Elf64_Ehdr, e_shoff), 8, e->big);
		e->shentsize = get(b + offsetof(Elf64_Ehdr, e_shentsize), 2, e->big);
		e->shnum = get(b + offsetof(Elf64_Ehdr, e_shnum), 2, e->big);
		shstrndx = get(b + offsetof(Elf64_Ehdr, e_shstrndx), 2, e->big);
	} else {
		e->shoff = get(b + offsetof(Elf32_Ehdr, e_shoff), 4, e->big);
		e->shentsize = get(b + offsetof(Elf32_Ehdr, e_shentsize), 2, e->big);
		e->shnum = get(b + offsetof(Elf32_Ehdr, e_shnum), 2, e->big);
		shstrndx = get(b + offsetof(Elf32_Ehdr, e_shstrndx), 2, e->big);
	}
	/* a section header must at least hold the fields read below */
	if (e->shentsize < (e->is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr)) ||
	    e->shnum == 0 || shstrndx >= e->shnum || e->shnum > (uint64_t)len ||
	    !inside(e->shoff, e->shnum * e->shentsize, len)) {
		*why = "bad section header table";
		return -1;
	}
	return (int)shstrndx;
}

/* section header i's fields; sh_name is at 0 in both layouts */
static const unsigned char *sh(const struct elf *e, uint64_t i)
{
	return e->b + e->shoff + i * e->shentsize;
}

static uint64_t sh_get(const struct elf *e, uint64_t i, size_t off64, size_t off32, int n64)
{
	return get(sh(e, i) + (e->is64 ? off64 : off32), e->is64 ? n64 : 4, e->big);
}
#define SH_FIELD(e, i, f, n) sh_get(e, i, offsetof(Elf64_Shdr, f), offsetof(Elf32_Shdr, f), n)

int elf_modinfo(const void *buf, size_t len, const char **info, size_t *ilen,
		const char **why)
{
	struct elf e;
	uint64_t stroff, strsize;
	int shstrndx = elf_open(&e, buf, len, why);

	if (shstrndx < 0)
		return -1;
	stroff = SH_FIELD(&e, shstrndx, sh_offset, 8);
	strsize = SH_FIELD(&e, shstrndx, sh_size, 8);
	if (!inside(stroff, strsize, len)) {
		*why = "bad section name table";
		return -1;
	}
	for (uint64_t i = 0; i < e.shnum; i++) {
		uint64_t name = get(sh(&e, i), 4, e.big), off, size;
		static const char want[] = ".modinfo";
		if (name >= strsize || strsize - name < sizeof(want) ||
		    memcmp(e.b + stroff + name, want, sizeof(want)))
			continue;
		off = SH_FIELD(&e, i, sh_offset, 8);
		size = SH_FIELD(&e, i, sh_size, 8);
		if (SH_FIELD(&e, i, sh_type, 4) == SHT_NOBITS || !inside(off, size, len)) {
			*why = "bad .modinfo section";
			return -1;
		}
		*info = (const char *)e.b + off;
		*ilen = size;
		return 0;
	}
	*why = "no .modinfo section";
	return -1;
}

int elf_symbols(const void *buf, size_t len, void (*fn)(void *ctx, const char *name, int undef),
		void *ctx, const char **why)
{
	struct elf e;
	if (elf_open(&e, buf, len, why) < 0)
		return -1;
	for (uint64_t i = 0; i < e.shnum; i++) {
		uint64_t off, size, ent, link, stroff, strsize;
		if (SH_FIELD(&e, i, sh_type, 4) != SHT_SYMTAB)
			continue;
		off = SH_FIELD(&e, i, sh_offset, 8);
		size = SH_FIELD(&e, i, sh_size, 8);
		ent = SH_FIELD(&e, i, sh_entsize, 8);
		link = SH_FIELD(&e, i, sh_link, 4);
		if (ent < (e.is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym)) || !inside(off, size, len) ||
		    link >= e.shnum) {
			*why = "bad symbol table";
			return -1;
		}
		stroff = SH_FIELD(&e, link, sh_offset, 8);
		strsize = SH_FIELD(&e, link, sh_size, 8);
		if (!inside(stroff, strsize, len) || !strsize || e.b[stroff + strsize - 1]) {
			*why = "bad symbol name table";
			return -1;
		}
		for (uint64_t k = 0; k + ent <= size; k += ent) {
			const unsigned char *s = e.b + off + k;
			uint64_t name = get(s, 4, e.big);
			uint64_t shndx = get(s + (e.is64 ? offsetof(Elf64_Sym, st_shndx) :
						     offsetof(Elf32_Sym, st_shndx)), 2, e.big);
			if (name && name < strsize)
				fn(ctx, (const char *)e.b + stroff + name, shndx == SHN_UNDEF);
		}
		return 0;
	}
	*why = "no symbol table";
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

/* ---- the appended signature ---------------------------------------------
 * The module ends in: signature data, a 12-byte struct module_signature
 * (algo, hash, id_type, signer_len, key_id_len, 3 pad bytes, big-endian
 * sig_len), then the magic string.  For PKCS#7 (what the kernel has used
 * since 4.x) the lengths other than sig_len are zero and the signer, the
 * key's serial number, hash and signature are inside the DER blob. */

#define SIG_MAGIC "~Module signature appended~\n"

static const char *const sig_ids[] = { "PGP", "X509", "PKCS#7" };
static const char *const sig_hashes[] = { "md4", "md5", "sha1", "rmd160", "sha256",
					  "sha384", "sha512", "sha224", "sm3" };

/* DER: one element at *p (before end): its tag, contents and length;
 * *p moves past it.  0, or -1 when malformed. */
struct der {
	unsigned tag;
	const unsigned char *v;
	size_t len;
};

static int der_next(const unsigned char **p, const unsigned char *end, struct der *d)
{
	const unsigned char *q = *p;
	size_t len = 0, n;
	if (end - q < 2)
		return -1;
	d->tag = *q++;
	if ((d->tag & 0x1f) == 0x1f)	/* multi-byte tags: none in PKCS#7's parts we read */
		return -1;
	n = *q++;
	if (n & 0x80) {
		n &= 0x7f;
		if (!n || n > sizeof(size_t) || (size_t)(end - q) < n)
			return -1;	/* indefinite length is not DER */
		while (n--)
			len = len << 8 | *q++;
	} else
		len = n;
	if (len > (size_t)(end - q))
		return -1;
	d->v = q;
	d->len = len;
	*p = q + len;
	return 0;
}

/* Step into a constructed element of the given tag. */
static int der_enter(const unsigned char **p, const unsigned char *end, unsigned tag,
		     const unsigned char **in, const unsigned char **in_end)
{
	struct der d;
	if (der_next(p, end, &d) || d.tag != tag)
		return -1;
	*in = d.v;
	*in_end = d.v + d.len;
	return 0;
}

static const char *hash_by_oid(const struct der *oid)
{
	static const struct {
		const char *name;
		unsigned char len, oid[9];
	} t[] = {
		{ "md4", 8, { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x04 } },
		{ "md5", 8, { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05 } },
		{ "sha1", 5, { 0x2b, 0x0e, 0x03, 0x02, 0x1a } },
		{ "rmd160", 5, { 0x2b, 0x24, 0x03, 0x02, 0x01 } },
		{ "sha256", 9, { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01 } },
		{ "sha384", 9, { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02 } },
		{ "sha512", 9, { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03 } },
		{ "sha224", 9, { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04 } },
		{ "sm3", 8, { 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x83, 0x11 } },
	};
	if (oid->tag != 0x06)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(t); i++)
		if (oid->len == t[i].len && !memcmp(oid->v, t[i].oid, t[i].len))
			return t[i].name;
	return NULL;
}

/* The first SignerInfo of a PKCS#7 SignedData: issuer's common name,
 * serial number (without DER's sign byte), digest algorithm, signature. */
static int pkcs7(const unsigned char *p, const unsigned char *end, struct modsig *s)
{
	static const unsigned char cn_oid[] = { 0x55, 0x04, 0x03 };
	const unsigned char *a, *ae, *b, *be, *c, *ce;
	struct der d;

	/* ContentInfo: contentType, [0] SignedData */
	if (der_enter(&p, end, 0x30, &a, &ae) || der_next(&a, ae, &d) || d.tag != 0x06 ||
	    der_enter(&a, ae, 0xa0, &b, &be) || der_enter(&b, be, 0x30, &a, &ae))
		return 0;
	/* SignedData: version, digestAlgorithms, contentInfo, [0] certs,
	 * [1] crls, signerInfos */
	do {
		if (der_next(&a, ae, &d))
			return 0;
	} while (a < ae);
	if (d.tag != 0x31)
		return 0;
	b = d.v;
	be = d.v + d.len;
	/* the first SignerInfo: version, issuerAndSerialNumber, digestAlgorithm,
	 * [0] authenticatedAttributes, digestEncryptionAlgorithm, encryptedDigest */
	if (der_enter(&b, be, 0x30, &a, &ae) || der_next(&a, ae, &d) || d.tag != 0x02 ||
	    der_enter(&a, ae, 0x30, &b, &be))
		return 0;
	/* issuer Name: SEQUENCE OF SET OF { OID, value }; the CN's value */
	if (der_enter(&b, be, 0x30, &c, &ce))
		return 0;
	s->signer = NULL;
	s->signer_len = 0;
	while (c < ce) {
		const unsigned char *r, *re, *t, *te;
		struct der oid, val;
		if (der_enter(&c, ce, 0x31, &r, &re))
			return 0;
		while (r < re) {
			if (der_enter(&r, re, 0x30, &t, &te) || der_next(&t, te, &oid) || der_next(&t, te, &val))
				return 0;
			if (oid.tag == 0x06 && oid.len == sizeof(cn_oid) && !memcmp(oid.v, cn_oid, sizeof(cn_oid)) &&
			    !s->signer) {
				s->signer = val.v;
				s->signer_len = val.len;
			}
		}
	}
	if (der_next(&b, be, &d) || d.tag != 0x02)
		return 0;
	s->key = d.v;
	s->key_len = d.len;
	while (s->key_len && !*s->key) {	/* as a big number, no leading zeros */
		s->key++;
		s->key_len--;
	}
	/* digestAlgorithm: SEQUENCE { OID, params } */
	if (der_enter(&a, ae, 0x30, &b, &be) || der_next(&b, be, &d) || !(s->hash = hash_by_oid(&d)))
		return 0;
	if (der_next(&a, ae, &d))
		return 0;
	if (d.tag == 0xa0 && der_next(&a, ae, &d))	/* authenticated attributes */
		return 0;
	if (d.tag != 0x30 || der_next(&a, ae, &d) || d.tag != 0x04)
		return 0;
	s->sig = d.v;
	s->sig_len = d.len;
	return 1;
}

int mod_signature(const void *buf, size_t len, struct modsig *s)
{
	const unsigned char *b = buf, *ms;
	size_t ml = sizeof(SIG_MAGIC) - 1, siglen, rest;
	memset(s, 0, sizeof(*s));
	if (len < ml + 12 || memcmp(b + len - ml, SIG_MAGIC, ml))
		return 0;
	ms = b + len - ml - 12;
	siglen = (size_t)ms[8] << 24 | ms[9] << 16 | ms[10] << 8 | ms[11];
	rest = len - ml - 12;
	if (siglen > rest || ms[2] >= ARRAY_SIZE(sig_ids))
		return 0;
	s->id = sig_ids[ms[2]];
	if (ms[2] == 2)
		return pkcs7(b + rest - siglen, b + rest, s);
	/* the older formats: signer, key id and signature in a row */
	if (ms[1] >= ARRAY_SIZE(sig_hashes) || (size_t)ms[3] + ms[4] > rest - siglen)
		return 0;
	s->hash = sig_hashes[ms[1]];
	s->sig = b + rest - siglen;
	s->sig_len = siglen;
	s->key_len = ms[4];
	s->key = s->sig - s->key_len;
	s->signer_len = ms[3];
	s->signer = s->key - s->signer_len;
	return 1;
}
