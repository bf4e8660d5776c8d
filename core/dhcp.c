/* dhcp.c - DHCPv4 message parsing and building for udhcpc.
 *
 * Everything a server sends is untrusted: every length is checked against
 * the end of the field it sits in before a byte is read, typed values must
 * have exactly their size, and strings must pass a character class before
 * they become a script variable, so a script that forgets to quote cannot
 * be made to run server-chosen shell syntax. */
#include "pxebox.h"
#include "dhcp.h"
#include <arpa/inet.h>

/* ---- parsing ---------------------------------------------------------- */

struct seg {
	uint8_t code;
	uint8_t len;
	const uint8_t *p;
};
#define MAX_SEGS (DHCP_MAX_MSG / 2 + 1)	/* every option takes at least 2 bytes */

/* Collect the options of one field.  PAD is skipped, END or the field's end
 * stops; an option whose length runs past the field spoils the message. */
static int scan(const uint8_t *p, size_t n, struct seg *seg, unsigned *nseg, int *overload)
{
	size_t i = 0;
	while (i < n) {
		uint8_t code = p[i];
		if (code == DHO_PAD) {
			i++;
			continue;
		}
		if (code == DHO_END)
			return 0;
		if (n - i < 2 || p[i + 1] > n - i - 2 || *nseg >= MAX_SEGS)
			return -1;
		seg[*nseg].code = code;
		seg[*nseg].len = p[i + 1];
		seg[*nseg].p = p + i + 2;
		(*nseg)++;
		/* overload counts only in the options field and only once */
		if (overload && code == DHO_OVERLOAD && p[i + 1] >= 1 && *overload < 0)
			*overload = p[i + 2] & 3;
		i += 2 + (size_t)p[i + 1];
	}
	return 0;
}

static void copy_field(char *dst, const uint8_t *src, size_t n)
{
	const uint8_t *z = memchr(src, 0, n);
	size_t l = z ? (size_t)(z - src) : n;
	memcpy(dst, src, l);
	dst[l] = 0;
}

int dhcp_parse(const uint8_t *buf, size_t len, struct dhcp_msg *m, const char **why)
{
	struct seg seg[MAX_SEGS];
	unsigned nseg = 0, tot[256] = { 0 }, at = 0;
	uint32_t cookie;
	int overload = -1;

	memset(m->have, 0, sizeof(m->have));
	memset(m->len, 0, sizeof(m->len));
	m->type = 0;
	if (len < DHCP_FIXED_LEN) {
		*why = "short packet";
		return -1;
	}
	if (len > DHCP_MAX_MSG) {
		*why = "oversized packet";
		return -1;
	}
	memcpy(&cookie, buf + 236, 4);
	if (ntohl(cookie) != DHCP_MAGIC) {
		*why = "no DHCP magic cookie";
		return -1;
	}
	m->op = buf[0];
	memcpy(&m->xid, buf + 4, 4);
	memcpy(&m->yiaddr, buf + 16, 4);
	memcpy(&m->siaddr, buf + 20, 4);
	memcpy(m->chaddr, buf + 28, 16);

	/* RFC 3396: options, then file, then sname when overloaded */
	if (scan(buf + DHCP_FIXED_LEN, len - DHCP_FIXED_LEN, seg, &nseg, &overload) ||
	    (overload > 0 && (overload & 1) && scan(buf + 108, 128, seg, &nseg, NULL)) ||
	    (overload > 0 && (overload & 2) && scan(buf + 44, 64, seg, &nseg, NULL))) {
		*why = "malformed option field";
		return -1;
	}
	m->overload = overload > 0 ? overload : 0;
	m->sname[0] = m->file[0] = 0;
	if (!(m->overload & 2))
		copy_field(m->sname, buf + 44, 64);
	if (!(m->overload & 1))
		copy_field(m->file, buf + 108, 128);

	/* repeated instances of an option are one value, in order (RFC 3396);
	 * all values together are no bigger than the packet, so data[] holds them */
	for (unsigned i = 0; i < nseg; i++)
		tot[seg[i].code] += seg[i].len;
	for (unsigned c = 0; c < 256; c++) {
		m->off[c] = at;
		at += tot[c];
	}
	for (unsigned i = 0; i < nseg; i++) {
		uint8_t c = seg[i].code;
		memcpy(m->data + m->off[c] + m->len[c], seg[i].p, seg[i].len);
		m->len[c] += seg[i].len;
		m->have[c] = 1;
	}
	if (m->have[DHO_MSGTYPE] && m->len[DHO_MSGTYPE] == 1)
		m->type = m->data[m->off[DHO_MSGTYPE]];
	return 0;
}

int dhcp_get_u32(const struct dhcp_msg *m, int code, uint32_t *v)
{
	const uint8_t *p = m->data + m->off[code];
	if (!m->have[code] || m->len[code] != 4)
		return -1;
	*v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	return 0;
}

int dhcp_get_ip(const struct dhcp_msg *m, int code, uint32_t *ip)
{
	if (!m->have[code] || m->len[code] != 4)
		return -1;
	memcpy(ip, m->data + m->off[code], 4);
	return 0;
}

/* ---- the option table -------------------------------------------------- */

enum {
	T_IP = 1,	/* one address */
	T_IPS,		/* list of addresses */
	T_IPPAIRS,	/* list of address pairs (option 33) */
	T_U8, T_U16, T_U32, T_S32,
	T_HOST,		/* host or domain name: [A-Za-z0-9.-] */
	T_PATH,		/* path or URL: no shell syntax */
	T_TEXT,		/* T_PATH plus spaces */
	T_ROUTES,	/* RFC 3442 classless routes */
	T_DNAMES,	/* RFC 1035 names with compression (option 119) */
};

struct dhcp_opt {
	uint8_t code, type;
	const char *name;
};

/* Names as busybox udhcpc exports them; anything else becomes optNNN. */
static const struct dhcp_opt opts[] = {
	{ 1, T_IP, "subnet" },		{ 2, T_S32, "timezone" },
	{ 3, T_IPS, "router" },		{ 6, T_IPS, "dns" },
	{ 9, T_IPS, "lprsrv" },		{ 12, T_HOST, "hostname" },
	{ 13, T_U16, "bootsize" },	{ 15, T_HOST, "domain" },
	{ 16, T_IP, "swapsrv" },	{ 17, T_PATH, "rootpath" },
	{ 23, T_U8, "ipttl" },		{ 26, T_U16, "mtu" },
	{ 28, T_IP, "broadcast" },	{ 33, T_IPPAIRS, "routes" },
	{ 40, T_HOST, "nisdomain" },	{ 41, T_IPS, "nissrv" },
	{ 42, T_IPS, "ntpsrv" },	{ 44, T_IPS, "wins" },
	{ 51, T_U32, "lease" },		{ 54, T_IP, "serverid" },
	{ 56, T_TEXT, "message" },	{ 66, T_HOST, "tftp" },
	{ 67, T_PATH, "bootfile" },	{ 119, T_DNAMES, "search" },
	{ 121, T_ROUTES, "staticroutes" }, { 209, T_PATH, "pxeconffile" },
	{ 210, T_PATH, "pxepathprefix" }, { 211, T_U32, "reboottime" },
	{ 249, T_ROUTES, "msstaticroutes" }, { 252, T_PATH, "wpad" },
};

/* variables that do not come from the table */
static const char *const fixed_vars[] = {
	"interface", "ip", "siaddr", "sname", "boot_file", "mask",
};

static const struct dhcp_opt *opt_by_code(int code)
{
	for (size_t i = 0; i < ARRAY_SIZE(opts); i++)
		if (opts[i].code == code)
			return &opts[i];
	return NULL;
}

int dhcp_opt_code(const char *s)
{
	char *end;
	long v;
	for (size_t i = 0; i < ARRAY_SIZE(opts); i++)
		if (!strcmp(opts[i].name, s))
			return opts[i].code;
	/* the names busybox accepts for -O beyond the exported ones */
	if (!strcmp(s, "vendor"))
		return DHO_VENDOR;
	errno = 0;
	v = strtol(s, &end, 0);
	if (!*s || *end || errno || v < 1 || v > 254)
		return -1;
	return (int)v;
}

int dhcp_env_name(const char *name, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(opts); i++)
		if (strlen(opts[i].name) == len && !memcmp(opts[i].name, name, len))
			return 1;
	for (size_t i = 0; i < ARRAY_SIZE(fixed_vars); i++)
		if (strlen(fixed_vars[i]) == len && !memcmp(fixed_vars[i], name, len))
			return 1;
	if (len > 3 && !memcmp(name, "opt", 3)) {
		for (size_t i = 3; i < len; i++)
			if (!isdigit((unsigned char)name[i]))
				return 0;
		return 1;
	}
	return 0;
}

/* ---- turning values into text ----------------------------------------- */

/* The longest value we put in the environment; longer ones are dropped. */
#define MAX_VALUE 1024

struct sb {
	char *s;
	size_t n, cap;
};

static void sb_add(struct sb *b, const char *fmt, ...) PRINTF(2, 3);
static void sb_add(struct sb *b, const char *fmt, ...)
{
	va_list ap;
	int need;
	va_start(ap, fmt);
	need = vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
	va_end(ap);
	if (need < 0)
		return;
	if ((size_t)need >= b->cap - b->n) {
		b->cap = b->n + (size_t)need + 256;
		b->s = xrealloc(b->s, b->cap);
		va_start(ap, fmt);
		vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
		va_end(ap);
	}
	b->n += (size_t)need;
}

static void sb_ip(struct sb *b, const uint8_t *p)
{
	sb_add(b, "%u.%u.%u.%u", p[0], p[1], p[2], p[3]);
}

static int host_char(int c)
{
	return isalnum(c) || c == '.' || c == '-';
}

/* Paths need '/', ':' (server:/path), ',' and '=' (NFS options), '@', '+',
 * '%', '_'.  Everything a shell gives meaning to is refused: spaces, quotes,
 * '$', '`', '\\', ';', '&', '|', '<', '>', '(', ')', globs, '~', '#', '!'. */
static int path_char(int c)
{
	return isalnum(c) || (c && strchr("/._:,=+@%-", c));
}

/* Validate a string option.  Trailing NULs (a common server habit) are
 * ignored; any other NUL, a disallowed character, a leading '-' (which a
 * command would take for an option) or an empty value refuses it. */
static const char *check_string(const uint8_t *p, size_t len, int type)
{
	while (len && !p[len - 1])
		len--;
	if (!len)
		return "empty";
	if (len > (type == T_HOST ? 255 : MAX_VALUE))
		return "too long";
	if (p[0] == '-')
		return "starts with '-'";
	for (size_t i = 0; i < len; i++) {
		int c = p[i];
		if (!c)
			return "contains NUL";
		if (type == T_HOST ? !host_char(c) :
		    type == T_TEXT ? !(path_char(c) || c == ' ') : !path_char(c))
			return "contains characters not allowed";
	}
	return NULL;
}

/* RFC 3442: each route is a prefix length (<= 32), the significant octets
 * of the destination, and the router; the option must end exactly. */
static const char *fmt_routes(struct sb *b, const uint8_t *p, size_t len)
{
	size_t i = 0;
	if (!len)
		return "empty";
	while (i < len) {
		unsigned plen = p[i], oct = (plen + 7) / 8;
		uint8_t dst[4] = { 0 };
		if (plen > 32)
			return "prefix length over 32";
		if (len - i - 1 < oct + 4)
			return "route runs past the option end";
		memcpy(dst, p + i + 1, oct);
		if (b->n)
			sb_add(b, " ");
		sb_ip(b, dst);
		sb_add(b, "/%u ", plen);
		sb_ip(b, p + i + 1 + oct);
		i += 1 + oct + 4;
	}
	return NULL;
}

/* RFC 1035 names (option 119, RFC 3397).  Compression pointers may only
 * point backwards, so a hostile option cannot loop (CVE-2016-2147's class);
 * labels and names have their DNS limits. */
static const char *fmt_dnames(struct sb *b, const uint8_t *p, size_t len)
{
	size_t pos = 0;
	while (pos < len) {
		size_t at = pos, namelen = 0, lowest = pos;
		int jumped = 0;
		if (b->n)
			sb_add(b, " ");
		for (;;) {
			unsigned l;
			if (at >= len)
				return "name runs past the option end";
			l = p[at];
			if ((l & 0xc0) == 0xc0) {
				size_t to;
				if (at + 1 >= len)
					return "truncated pointer";
				to = (size_t)(l & 0x3f) << 8 | p[at + 1];
				if (to >= lowest)
					return "pointer does not point backwards";
				if (!jumped)
					pos = at + 2;
				jumped = 1;
				lowest = at = to;
				continue;
			}
			if (l & 0xc0)
				return "bad label type";
			if (!l) {
				if (!jumped)
					pos = at + 1;
				break;
			}
			if (at + 1 + l > len)
				return "label runs past the option end";
			namelen += l + 1;
			if (namelen > 254)
				return "name too long";
			if (namelen > l + 1)
				sb_add(b, ".");
			for (unsigned i = 0; i < l; i++) {
				if (!host_char(p[at + 1 + i]))
					return "contains characters not allowed";
				sb_add(b, "%c", p[at + 1 + i]);
			}
			at += 1 + l;
		}
		if (b->n > MAX_VALUE)
			return "too long";
	}
	return NULL;
}

/* Text for one option, or NULL with *why set when it is refused. */
static char *fmt_opt(const struct dhcp_opt *o, const uint8_t *p, size_t len, const char **why)
{
	struct sb b = { xmalloc(64), 0, 64 };
	const char *bad = NULL;
	uint32_t v;

	b.s[0] = 0;
	switch (o->type) {
	case T_IP:
	case T_IPS:
	case T_IPPAIRS: {
		size_t unit = o->type == T_IPPAIRS ? 8 : 4;
		if (!len || len % unit || (o->type == T_IP && len != 4)) {
			bad = "wrong length";
			break;
		}
		for (size_t i = 0; i < len; i += 4) {
			if (i)
				sb_add(&b, o->type == T_IPPAIRS && i % 8 ? "/" : " ");
			sb_ip(&b, p + i);
		}
		break;
	}
	case T_U8:
	case T_U16:
	case T_U32:
	case T_S32: {
		size_t want = o->type == T_U8 ? 1 : o->type == T_U16 ? 2 : 4;
		if (len != want) {
			bad = "wrong length";
			break;
		}
		v = 0;
		for (size_t i = 0; i < len; i++)
			v = v << 8 | p[i];
		if (o->type == T_S32)
			sb_add(&b, "%ld", (long)(int32_t)v);
		else
			sb_add(&b, "%lu", (unsigned long)v);
		break;
	}
	case T_HOST:
	case T_PATH:
	case T_TEXT:
		bad = check_string(p, len, o->type);
		if (!bad) {
			while (len && !p[len - 1])
				len--;
			sb_add(&b, "%.*s", (int)len, (const char *)p);
		}
		break;
	case T_ROUTES:
		bad = fmt_routes(&b, p, len);
		break;
	case T_DNAMES:
		bad = fmt_dnames(&b, p, len);
		break;
	}
	if (!bad && b.n > MAX_VALUE * 4)
		bad = "too long";
	if (bad) {
		free(b.s);
		*why = bad;
		return NULL;
	}
	return b.s;
}

/* ---- the script environment -------------------------------------------- */

/* Bound on the whole environment we add, so a packet cannot make execve fail. */
#define MAX_ENV 32768

struct envb {
	char **v;
	unsigned n;
	size_t bytes;
};

static void env_add(struct envb *e, const char *name, const char *val)
{
	size_t sz = strlen(name) + strlen(val) + 2;
	if (e->bytes + sz > MAX_ENV)
		return;
	e->v = xrealloc(e->v, (e->n + 2) * sizeof(char *));
	e->v[e->n++] = xasprintf("%s=%s", name, val);
	e->v[e->n] = NULL;
	e->bytes += sz;
}

static int prefix_len(uint32_t mask_net)
{
	uint32_t m = ntohl(mask_net);
	int n = 0;
	while (n < 32 && (m & (0x80000000u >> n)))
		n++;
	/* the ones must be contiguous: 255.0.255.0 is no netmask */
	if (n < 32 && (m << n))
		return -1;
	return n;
}

char **dhcp_env(const struct dhcp_msg *m, const char *ifname, unsigned *dropped,
		void (*report)(const char *name, const char *why))
{
	struct envb e = { xzalloc(sizeof(char *)), 0, 0 };
	char ipbuf[16];
	const char *why = NULL;
	uint32_t mask;

	*dropped = 0;
	env_add(&e, "interface", ifname);
	if (m->yiaddr)
		env_add(&e, "ip", inet_ntop(AF_INET, &m->yiaddr, ipbuf, sizeof(ipbuf)));
	if (m->siaddr)
		env_add(&e, "siaddr", inet_ntop(AF_INET, &m->siaddr, ipbuf, sizeof(ipbuf)));
	if (m->sname[0]) {
		if ((why = check_string((const uint8_t *)m->sname, strlen(m->sname), T_HOST))) {
			++*dropped;
			if (report)
				report("sname", why);
		} else
			env_add(&e, "sname", m->sname);
	}
	if (m->file[0]) {
		if ((why = check_string((const uint8_t *)m->file, strlen(m->file), T_PATH))) {
			++*dropped;
			if (report)
				report("boot_file", why);
		} else
			env_add(&e, "boot_file", m->file);
	}
	for (int c = 1; c < 255; c++) {
		const struct dhcp_opt *o;
		const uint8_t *p = m->data + m->off[c];
		char *val, name[8];
		if (!m->have[c])
			continue;
		o = opt_by_code(c);
		if (!o) {
			/* unknown: hex can carry no shell syntax */
			struct sb b = { xmalloc(2 * m->len[c] + 1), 0, 2 * m->len[c] + 1 };
			b.s[0] = 0;
			for (unsigned i = 0; i < m->len[c]; i++)
				sb_add(&b, "%02x", p[i]);
			snprintf(name, sizeof(name), "opt%d", c);
			env_add(&e, name, b.s);
			free(b.s);
			continue;
		}
		val = fmt_opt(o, p, m->len[c], &why);
		if (val && c == DHO_SUBNET) {
			memcpy(&mask, p, 4);
			if (prefix_len(mask) < 0) {
				free(val);
				val = NULL;
				why = "not a contiguous netmask";
			} else {
				char pl[4];
				snprintf(pl, sizeof(pl), "%d", prefix_len(mask));
				env_add(&e, "mask", pl);
			}
		}
		if (!val) {
			++*dropped;
			if (report)
				report(o->name, why);
			continue;
		}
		env_add(&e, o->name, val);
		free(val);
	}
	return e.v;
}

void dhcp_env_free(char **env)
{
	for (char **p = env; p && *p; p++)
		free(*p);
	free(env);
}

/* ---- -x OPT:VAL --------------------------------------------------------- */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int dhcp_parse_xopt(const char *arg, uint8_t *code, uint8_t buf[255], const char **why)
{
	const char *colon = strchr(arg, ':'), *val;
	const struct dhcp_opt *o;
	char name[32];
	int c;
	size_t n = 0, vl;

	if (!colon || (size_t)(colon - arg) >= sizeof(name)) {
		*why = "expected OPT:VALUE";
		return -1;
	}
	memcpy(name, arg, (size_t)(colon - arg));
	name[colon - arg] = 0;
	c = dhcp_opt_code(name);
	if (c < 0) {
		*why = "unknown option";
		return -1;
	}
	*code = (uint8_t)c;
	val = colon + 1;
	vl = strlen(val);
	o = opt_by_code(c);
	/* quoted: a string whatever the option; a number: hex bytes */
	if (vl >= 2 && (val[0] == '"' || val[0] == '\'') && val[vl - 1] == val[0]) {
		if (vl - 2 > 255)
			goto toolong;
		memcpy(buf, val + 1, vl - 2);
		return (int)(vl - 2);
	}
	if (!o || o->type == T_ROUTES || o->type == T_DNAMES) {
		while (*val) {
			int hi, lo;
			if (*val == ' ' || *val == ':') {
				val++;
				continue;
			}
			hi = hexval(val[0]);
			lo = hi < 0 ? -1 : hexval(val[1]);
			if (lo < 0) {
				*why = "bad hex string";
				return -1;
			}
			if (n == 255)
				goto toolong;
			buf[n++] = (uint8_t)(hi << 4 | lo);
			val += 2;
		}
		return (int)n;
	}
	switch (o->type) {
	case T_IP:
	case T_IPS:
	case T_IPPAIRS: {
		/* comma or space separated addresses */
		char *copy = xstrdup(val), *tok, *save = NULL;
		for (tok = strtok_r(copy, ", /", &save); tok; tok = strtok_r(NULL, ", /", &save)) {
			struct in_addr a;
			if (!inet_aton(tok, &a) || n + 4 > 255) {
				free(copy);
				*why = "bad address";
				return -1;
			}
			memcpy(buf + n, &a, 4);
			n += 4;
		}
		free(copy);
		return n ? (int)n : (*why = "bad address", -1);
	}
	case T_U8:
	case T_U16:
	case T_U32:
	case T_S32: {
		char *end;
		long long v;
		int w = o->type == T_U8 ? 1 : o->type == T_U16 ? 2 : 4;
		errno = 0;
		v = strtoll(val, &end, 0);
		if (!*val || *end || errno || v < (o->type == T_S32 ? INT32_MIN : 0) ||
		    v > (w == 1 ? 255 : w == 2 ? 65535 : o->type == T_S32 ? INT32_MAX : UINT32_MAX)) {
			*why = "bad number";
			return -1;
		}
		for (int i = 0; i < w; i++)
			buf[i] = (uint8_t)((uint64_t)v >> (8 * (w - 1 - i)));
		return w;
	}
	default:
		if (vl > 255)
			goto toolong;
		memcpy(buf, val, vl);
		return (int)vl;
	}
toolong:
	*why = "value longer than 255 bytes";
	return -1;
}

/* ---- building ----------------------------------------------------------- */

int dhcp_add_opt(struct dhcp_packet *p, unsigned *pos, int code, const void *val, unsigned len)
{
	/* keep a byte for END */
	if (len > 255 || *pos + 2 + len + 1 > DHCP_OPT_SPACE)
		return -1;
	p->options[(*pos)++] = (uint8_t)code;
	p->options[(*pos)++] = (uint8_t)len;
	memcpy(p->options + *pos, val, len);
	*pos += len;
	return 0;
}

int dhcp_add_u32(struct dhcp_packet *p, unsigned *pos, int code, uint32_t v)
{
	uint32_t n = htonl(v);
	return dhcp_add_opt(p, pos, code, &n, 4);
}

int dhcp_end(struct dhcp_packet *p, unsigned *pos)
{
	p->options[(*pos)++] = DHO_END;
	/* pad to the BOOTP minimum of 300 bytes some servers insist on */
	if (DHCP_FIXED_LEN + *pos < 300)
		*pos = 300 - DHCP_FIXED_LEN;
	return DHCP_FIXED_LEN + (int)*pos;
}

uint16_t inet_csum(const void *data, size_t len, uint32_t sum)
{
	const uint8_t *p = data;
	while (len > 1) {
		sum += (uint32_t)p[0] << 8 | p[1];
		p += 2;
		len -= 2;
	}
	if (len)
		sum += (uint32_t)p[0] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((uint16_t)~sum);
}
