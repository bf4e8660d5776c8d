/* ip - show and change links, addresses and routes (iproute2 subset) */
//menu:Networking
//config:config IP
//config:	bool "ip"
//config:	default y
//config:	help
//config:	  The ip forms initramfs scripts use: addr show/add/del/flush
//config:	  (IPv4 and IPv6), link show/set, route show/add/del/replace
//config:	  (IPv4 and IPv6), over rtnetlink; -o for one-line listings,
//config:	  -s for the link counters, in iproute2's format.
//applet:ip IP ip_main NULL
//usage:ip [-4|-6] [-o] [-s] {addr|link|route} ...
//usage:
//usage:	ip addr [show [dev IF]]		ip addr flush dev IF
//usage:	ip addr {add|del} A[/N] dev IF [brd B|+] [label L] [scope S]
//usage:						[nodad] [noprefixroute]
//usage:		A is IPv4 (N 0-32, default 32) or IPv6 (N 0-128, default 128)
//usage:	ip link [show [IF]]		ip link set [dev] IF [up|down] [mtu N] [address MAC]
//usage:						[name NEW] [arp on|off] [promisc on|off]
//usage:	ip route [show [dev IF] [table T|all]]	ip route get ADDR [from A] [dev IF]
//usage:	ip route {add|del|replace} [TYPE] PREFIX|default [via G] [dev IF] [metric N]
//usage:						[src A] [proto P] [scope S] [table T]
//usage:		IPv6 with -6 or an IPv6 prefix or gateway; TYPE unreachable, blackhole,
//usage:		prohibit, throw, local, broadcast, ...; T main, local, default or a number
//usage:	-o	one line per address or link: '\' for its line breaks
//usage:	-s	with link and addr: the kernel's counters (-s -s: error counters too)
#include "pxebox.h"
#include "netif.h"
#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/icmpv6.h>
#include <linux/net_namespace.h>
#include <dirent.h>
#include <sys/ioctl.h>

static int family = AF_UNSPEC;
static int oneline;		/* -o */
static int stats;		/* -s, -s -s: link counters */

/* The end of a line inside one record: with -o iproute2 joins them with '\\'. */
static void eol(void)
{
	putchar(oneline ? '\\' : '\n');
}

static int match(const char *arg, const char *full)
{
	return *arg && !strncmp(arg, full, strlen(arg));
}

static NORETURN void nl_fail(int err, const char *what)
{
	errno = -err;
	pdie("%s", what);
}

/* The kernel refused a change: iproute2 exits 2 then. */
static NORETURN void rtnl_fail(int err)
{
	px.exitcode = 2;
	nl_fail(err, "RTNETLINK answers");
}

static int index_of(const char *ifname)
{
	unsigned i = if_nametoindex(ifname);
	if (!i)
		die("can't find device '%s'", ifname);
	return (int)i;
}

static const char *name_of(int idx, char buf[IF_NAMESIZE])
{
	if (!if_indextoname((unsigned)idx, buf))
		snprintf(buf, IF_NAMESIZE, "if%d", idx);
	return buf;
}

/* ---- link ---------------------------------------------------------------- */

struct show_arg {
	int ifindex;		/* 0: all */
	int with_addrs;
	int found;		/* addresses seen (count_only) */
	int count_only;
	const char *name;	/* of the link, leading each address with -o */
};

/* mdown: the link this one sits on (a veth's peer, a vlan's card) is down */
static void print_flags(unsigned f, int mdown)
{
	static const struct { unsigned f; const char *n; } fl[] = {
		{ IFF_LOOPBACK, "LOOPBACK" }, { IFF_BROADCAST, "BROADCAST" },
		{ IFF_POINTOPOINT, "POINTOPOINT" }, { IFF_MULTICAST, "MULTICAST" },
		{ IFF_NOARP, "NOARP" }, { IFF_ALLMULTI, "ALLMULTI" }, { IFF_PROMISC, "PROMISC" },
		{ IFF_MASTER, "MASTER" }, { IFF_SLAVE, "SLAVE" }, { IFF_DEBUG, "DEBUG" },
		{ IFF_DYNAMIC, "DYNAMIC" }, { IFF_AUTOMEDIA, "AUTOMEDIA" }, { IFF_PORTSEL, "PORTSEL" },
		{ IFF_NOTRAILERS, "NOTRAILERS" }, { IFF_UP, "UP" }, { IFF_LOWER_UP, "LOWER_UP" },
		{ IFF_DORMANT, "DORMANT" }, { IFF_ECHO, "ECHO" },
	};
	int first = 1;
	putchar('<');
	if ((f & IFF_UP) && !(f & IFF_RUNNING)) {
		fputs("NO-CARRIER", stdout);
		first = 0;
	}
	for (unsigned i = 0; i < ARRAY_SIZE(fl); i++)
		if (f & fl[i].f) {
			printf("%s%s", first ? "" : ",", fl[i].n);
			first = 0;
		}
	if (mdown)
		printf("%sM-DOWN", first ? "" : ",");
	putchar('>');
}

static void print_hw(struct rtattr *a)
{
	const uint8_t *p = RTA_DATA(a);
	for (int i = 0; i < (int)RTA_PAYLOAD(a); i++)
		printf("%s%02x", i ? ":" : "", p[i]);
}

static int addr_cb(struct nlmsghdr *n, void *arg);

static int nsid_cb(struct nlmsghdr *n, void *arg)
{
	struct rtattr *tb[NETNSA_MAX + 1];
	int len = (int)n->nlmsg_len - NLMSG_LENGTH(sizeof(struct rtgenmsg));
	if (n->nlmsg_type != RTM_NEWNSID || len < 0)
		return 0;
	nl_parse(tb, NETNSA_MAX, (struct rtattr *)((char *)NLMSG_DATA(n) + NLMSG_ALIGN(sizeof(struct rtgenmsg))), len);
	if (tb[NETNSA_NSID])
		*(int *)arg = *(int *)RTA_DATA(tb[NETNSA_NSID]);
	return 0;
}

/* A link's peer in another namespace: by the name "ip netns add" gave that
 * namespace (under /run/netns) when one has this id here, as iproute2. */
static void print_netns(int id)
{
	DIR *d = id >= 0 ? opendir("/run/netns") : NULL;
	struct dirent *e;
	if (id < 0) {
		printf(" link-netnsid unknown");
		return;
	}
	while (d && (e = readdir(d))) {
		char path[300];
		struct nlreq r;
		int fd, got = -1;
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/run/netns/%s", e->d_name);
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
			continue;
		nl_init(&r, RTM_GETNSID, 0);
		nl_attr32(&r, NETNSA_FD, (uint32_t)fd);
		nl_ask(&r, nsid_cb, &got);
		close(fd);
		if (got == id) {
			printf(" link-netns %s", e->d_name);
			closedir(d);
			return;
		}
	}
	if (d)
		closedir(d);
	printf(" link-netnsid %d", id);
}

/* digits of v, for the counter columns */
static unsigned width_of(uint64_t v)
{
	unsigned w = 1;
	while (v >= 10)
		v /= 10, w++;
	return w;
}

static void widen(unsigned *w, const uint64_t *v)
{
	for (int i = 0; i < 7; i++)
		if (v[i] && width_of(v[i]) > w[i])
			w[i] = width_of(v[i]);
}

/* one counter row: NAME (with "RX:" the first header is inside the column);
 * lead: end the line before it first */
static void stat_row(const unsigned *w, const char *name, const char *const *h, const uint64_t *v,
		     int errs, int lead)
{
	if (lead)
		eol();
	if (errs)
		printf("    %-*s", (int)w[0], name);
	else
		printf("    %s %*s", name, (int)w[0] - 4, h[0]);
	for (int i = 1; i < 6; i++)
		printf(" %*s", (int)w[i], h[i]);
	if (!errs)	/* a column kept for "compressed" even when it is not shown */
		printf(" %*s", (int)w[6], v[6] ? h[6] : "");
	else if (v[6])
		printf(" %*s", (int)w[6], h[6]);
	eol();
	printf("    ");
	errs ? printf("%*s", (int)w[0], "") : printf("%*llu", (int)w[0], (unsigned long long)v[0]);
	for (int i = 1; i < 6; i++)
		printf(" %*llu", (int)w[i], (unsigned long long)v[i]);
	putchar(' ');
	if (v[6])
		printf("%*llu", (int)w[6], (unsigned long long)v[6]);
}

/* ip -s: iproute2's table of the kernel's counters, columns as wide as their
 * header or their widest number (RX and TX rows share them) */
static void print_stats(struct rtattr **tb, int at_line_start)
{
	static const char *const rxh[] = { "bytes", "packets", "errors", "dropped", "missed", "mcast", "compressed" };
	static const char *const txh[] = { "bytes", "packets", "errors", "dropped", "carrier", "collsns", "compressed" };
	static const char *const rxeh[] = { "", "length", "crc", "frame", "fifo", "overrun", "nohandler" };
	static const char *const txeh[] = { "", "aborted", "fifo", "window", "heartbt", "transns", "" };
	struct rtnl_link_stats64 s;
	unsigned w[7] = { 10, 7, 6, 7, 7, 7, 10 };

	/* every kernel since 2.6.35 sends the 64-bit counters (a newer one
	 * more of them), but not in the IPv6 listing: zeros there, as iproute2 */
	memset(&s, 0, sizeof(s));
	if (tb[IFLA_STATS64])
		memcpy(&s, RTA_DATA(tb[IFLA_STATS64]), RTA_PAYLOAD(tb[IFLA_STATS64]) < sizeof(s) ?
	       RTA_PAYLOAD(tb[IFLA_STATS64]) : sizeof(s));
	uint64_t rx[7] = { s.rx_bytes, s.rx_packets, s.rx_errors, s.rx_dropped, s.rx_missed_errors,
			   s.multicast, s.rx_compressed };
	uint64_t tx[7] = { s.tx_bytes, s.tx_packets, s.tx_errors, s.tx_dropped, s.tx_carrier_errors,
			   s.collisions, s.tx_compressed };
	uint64_t rxe[7] = { 0, s.rx_length_errors, s.rx_crc_errors, s.rx_frame_errors, s.rx_fifo_errors,
			    s.rx_over_errors, s.rx_nohandler };
	uint64_t txe[7] = { 0, s.tx_aborted_errors, s.tx_fifo_errors, s.tx_window_errors,
			    s.tx_heartbeat_errors,
			    tb[IFLA_CARRIER_CHANGES] ? *(uint32_t *)RTA_DATA(tb[IFLA_CARRIER_CHANGES]) : 0, 0 };
	widen(w, rx);
	widen(w, tx);
	if (stats > 1) {
		widen(w, rxe);
		widen(w, txe);
	}
	stat_row(w, "RX:", rxh, rx, 0, !at_line_start);
	if (stats > 1)
		stat_row(w, "RX errors:", rxeh, rxe, 1, 1);
	stat_row(w, "TX:", txh, tx, 0, 1);
	if (stats > 1)
		stat_row(w, "TX errors:", txeh, txe, 1, 1);
}

static int link_cb(struct nlmsghdr *n, void *arg)
{
	struct show_arg *sa = arg;
	struct ifinfomsg *ifi = NLMSG_DATA(n);
	struct rtattr *tb[IFLA_MAX + 1];
	char buf[IF_NAMESIZE];
	int len = (int)n->nlmsg_len - NLMSG_LENGTH(sizeof(*ifi)), mdown = 0;

	if (n->nlmsg_type != RTM_NEWLINK || len < 0)
		return 0;
	if (sa->ifindex && ifi->ifi_index != sa->ifindex)
		return 0;
	nl_parse(tb, IFLA_MAX, IFLA_RTA(ifi), len);
	if (!tb[IFLA_IFNAME])
		return 0;
	/* "ip -o addr": address lines only, each led by its link */
	if (sa->with_addrs && oneline)
		goto addrs;
	if (sa->with_addrs && family != AF_UNSPEC) {
		/* "ip -4 addr": only links with such addresses, and no link/ line */
		struct show_arg a = { ifi->ifi_index, 0, 0, 1, NULL };
		int err = nl_dump(RTM_GETADDR, family, addr_cb, &a);
		if (err)
			nl_fail(err, "dump addresses");
		if (!a.found)
			return 0;
	}
	printf("%d: %s", ifi->ifi_index, (char *)RTA_DATA(tb[IFLA_IFNAME]));
	if (tb[IFLA_LINK]) {
		int l = *(int *)RTA_DATA(tb[IFLA_LINK]);
		/* a peer in another namespace has no name here */
		if (!l)
			printf("@NONE");
		else if (tb[IFLA_LINK_NETNSID])
			printf("@if%d", l);
		else {
			struct ifreq ifr;
			memset(&ifr, 0, sizeof(ifr));
			printf("@%s", name_of(l, ifr.ifr_name));
			mdown = !ioctl(netif_sock(), SIOCGIFFLAGS, &ifr) && !(ifr.ifr_flags & IFF_UP);
		}
	}
	printf(": ");
	print_flags(ifi->ifi_flags, mdown);
	if (tb[IFLA_MTU])
		printf(" mtu %u", *(unsigned *)RTA_DATA(tb[IFLA_MTU]));
	if (tb[IFLA_QDISC])
		printf(" qdisc %s", (char *)RTA_DATA(tb[IFLA_QDISC]));
	if (tb[IFLA_MASTER])
		printf(" master %s", name_of(*(int *)RTA_DATA(tb[IFLA_MASTER]), buf));
	if (tb[IFLA_OPERSTATE]) {
		static const char *const st[] = { "UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
						  "TESTING", "DORMANT", "UP" };
		unsigned o = *(uint8_t *)RTA_DATA(tb[IFLA_OPERSTATE]);
		o < ARRAY_SIZE(st) ? printf(" state %s", st[o]) : printf(" state %#x", o);
	}
	if (!sa->with_addrs && tb[IFLA_LINKMODE]) {
		unsigned m = *(uint8_t *)RTA_DATA(tb[IFLA_LINKMODE]);
		m < 2 ? printf(" mode %s", m ? "DORMANT" : "DEFAULT") : printf(" mode %u", m);
	}
	if (tb[IFLA_GROUP]) {
		unsigned g = *(unsigned *)RTA_DATA(tb[IFLA_GROUP]);
		g ? printf(" group %u", g) : printf(" group default");
	}
	if (tb[IFLA_TXQLEN])
		printf(" qlen %u", *(unsigned *)RTA_DATA(tb[IFLA_TXQLEN]));
	else {	/* the IPv6 listing's records lack it: iproute2 asks */
		struct ifreq ifr;
		memset(&ifr, 0, sizeof(ifr));
		snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", (char *)RTA_DATA(tb[IFLA_IFNAME]));
		if (!ioctl(netif_sock(), SIOCGIFTXQLEN, &ifr))
			printf(" qlen %d", ifr.ifr_qlen);
	}
	if (sa->with_addrs && family != AF_UNSPEC) {
		/* no link/ line: iproute2 puts the peer's namespace here */
		if (tb[IFLA_LINK_NETNSID])
			print_netns(*(int *)RTA_DATA(tb[IFLA_LINK_NETNSID]));
		putchar('\n');
		goto addrs;
	}
	eol();
	printf("    link/%s ", ifi->ifi_type == ARPHRD_ETHER ? "ether" :
	       ifi->ifi_type == ARPHRD_LOOPBACK ? "loopback" : ifi->ifi_type == ARPHRD_NONE ? "none" :
	       ifi->ifi_type == ARPHRD_VOID ? "void" : "generic");
	if (tb[IFLA_ADDRESS]) {
		print_hw(tb[IFLA_ADDRESS]);
		if (tb[IFLA_BROADCAST]) {
			printf(" brd ");
			print_hw(tb[IFLA_BROADCAST]);
		}
	}
	if (tb[IFLA_LINK_NETNSID])
		print_netns(*(int *)RTA_DATA(tb[IFLA_LINK_NETNSID]));
	if (stats && !sa->with_addrs)
		print_stats(tb, 0);
	putchar('\n');
addrs:
	if (sa->with_addrs) {
		struct show_arg a = { ifi->ifi_index, 0, 0, 0, RTA_DATA(tb[IFLA_IFNAME]) };
		int err = nl_dump(RTM_GETADDR, family, addr_cb, &a);
		if (err)
			nl_fail(err, "dump addresses");
		/* ip -s addr: the counters after the addresses */
		if (stats && !oneline) {
			print_stats(tb, 1);	/* after the address lines */
			putchar('\n');
		}
	}
	return 0;
}

/* ---- addresses ------------------------------------------------------------ */

static int addr_cb(struct nlmsghdr *n, void *arg)
{
	struct show_arg *sa = arg;
	struct ifaddrmsg *ifa = NLMSG_DATA(n);
	struct rtattr *tb[IFA_MAX + 1];
	/* iproute2's order */
	static const struct { unsigned f; const char *n; } fl[] = {
		{ IFA_F_SECONDARY, "secondary" }, { IFA_F_NODAD, "nodad" },
		{ IFA_F_OPTIMISTIC, "optimistic" }, { IFA_F_DADFAILED, "dadfailed" },
		{ IFA_F_HOMEADDRESS, "home" }, { IFA_F_DEPRECATED, "deprecated" },
		{ IFA_F_TENTATIVE, "tentative" }, { IFA_F_PERMANENT, "dynamic" },
		{ IFA_F_MANAGETEMPADDR, "mngtmpaddr" }, { IFA_F_NOPREFIXROUTE, "noprefixroute" },
		{ IFA_F_MCAUTOJOIN, "autojoin" }, { IFA_F_STABLE_PRIVACY, "stable-privacy" },
	};
	char buf[INET6_ADDRSTRLEN];
	int len = (int)n->nlmsg_len - NLMSG_LENGTH(sizeof(*ifa));
	unsigned flags;
	struct rtattr *a;

	if (n->nlmsg_type != RTM_NEWADDR || len < 0 || (int)ifa->ifa_index != sa->ifindex)
		return 0;
	if (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6)
		return 0;
	nl_parse(tb, IFA_MAX, IFA_RTA(ifa), len);
	a = tb[IFA_LOCAL] ? tb[IFA_LOCAL] : tb[IFA_ADDRESS];
	if (!a)
		return 0;
	sa->found++;
	if (sa->count_only)
		return 0;
	flags = tb[IFA_FLAGS] ? *(unsigned *)RTA_DATA(tb[IFA_FLAGS]) : ifa->ifa_flags;
	if (oneline)
		printf("%d: %s", sa->ifindex, sa->name);
	printf("    %s %s", ifa->ifa_family == AF_INET ? "inet" : "inet6",
	       inet_ntop(ifa->ifa_family, RTA_DATA(a), buf, sizeof(buf)));
	if (tb[IFA_LOCAL] && tb[IFA_ADDRESS] &&
	    memcmp(RTA_DATA(tb[IFA_LOCAL]), RTA_DATA(tb[IFA_ADDRESS]), RTA_PAYLOAD(a)))
		printf(" peer %s", inet_ntop(ifa->ifa_family, RTA_DATA(tb[IFA_ADDRESS]), buf, sizeof(buf)));
	printf("/%d", ifa->ifa_prefixlen);
	if (tb[IFA_BROADCAST])
		printf(" brd %s", inet_ntop(AF_INET, RTA_DATA(tb[IFA_BROADCAST]), buf, sizeof(buf)));
	printf(" scope %s", ifa->ifa_scope == RT_SCOPE_UNIVERSE ? "global" :
	       ifa->ifa_scope == RT_SCOPE_LINK ? "link" : ifa->ifa_scope == RT_SCOPE_HOST ? "host" :
	       ifa->ifa_scope == RT_SCOPE_SITE ? "site" : "nowhere");
	for (unsigned i = 0; i < ARRAY_SIZE(fl); i++) {
		int on = !!(flags & fl[i].f);
		/* PERMANENT shows as its absence, "dynamic"; an IPv6 secondary
		 * is a privacy ("temporary") address */
		if (fl[i].f == IFA_F_PERMANENT)
			on = !on;
		if (on)
			printf(" %s", fl[i].f == IFA_F_SECONDARY && ifa->ifa_family == AF_INET6 ?
			       "temporary" : fl[i].n);
	}
	printf(" %s", tb[IFA_LABEL] ? (char *)RTA_DATA(tb[IFA_LABEL]) : "");
	if (tb[IFA_CACHEINFO]) {
		struct ifa_cacheinfo *ci = RTA_DATA(tb[IFA_CACHEINFO]);
		eol();
		printf("       valid_lft ");
		ci->ifa_valid == 0xffffffffu ? printf("forever") : printf("%usec", ci->ifa_valid);
		printf(" preferred_lft ");
		ci->ifa_prefered == 0xffffffffu ? printf("forever") : printf("%usec", ci->ifa_prefered);
	}
	putchar('\n');
	return 0;
}

static void show_links(char **argv, int with_addrs)
{
	struct show_arg sa = { 0, with_addrs, 0, 0, NULL };
	int err;
	if (*argv && (!strcmp(*argv, "show") || !strcmp(*argv, "list") || !strcmp(*argv, "lst")))
		argv++;
	if (*argv && !strcmp(*argv, "dev"))
		argv++;
	if (*argv)
		sa.ifindex = index_of(*argv++);
	if (*argv)
		die("unexpected '%s'", *argv);
	/* as iproute2: "ip -6 addr" lists the links the IPv6 way, whose records
	 * lack qdisc, group and peer */
	err = nl_dump(RTM_GETLINK, with_addrs && family == AF_INET6 && !sa.ifindex ? AF_INET6 : AF_UNSPEC,
		      link_cb, &sa);
	if (err)
		nl_fail(err, "dump links");
}

/* "A[/N]" of family fam: N (0 to the address's bits, which is the default)
 * into *plen, or no "/N" allowed when plen is NULL.  0 or -1. */
static int parse_inet(int fam, const char *s, void *addr, int *plen)
{
	int max = fam == AF_INET ? 32 : 128;
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);
	char buf[INET6_ADDRSTRLEN];

	if (plen)
		*plen = max;
	if (slash) {
		const char *p = slash + 1;
		if (!plen || !*p || strspn(p, "0123456789") != strlen(p) || strlen(p) > 3 || atoi(p) > max)
			return -1;
		*plen = atoi(p);
	}
	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = 0;
	return inet_pton(fam, buf, addr) == 1 ? 0 : -1;
}

/* "A[/N]" with the family taken from the text (a ':' is IPv6), as iproute2
 * does.  Returns the family. */
static int parse_addr(const char *s, void *addr, int *plen)
{
	int fam = strchr(s, ':') ? AF_INET6 : AF_INET;

	if (family != AF_UNSPEC && family != fam)
		die("%s prefix is expected rather than \"%s\"", family == AF_INET ? "inet" : "inet6", s);
	if (parse_inet(fam, s, addr, plen))
		die("bad address '%s'", s);
	return fam;
}

static int addr_change(int cmd, char **argv)
{
	struct nlreq r;
	unsigned char ip[16];
	uint32_t brd = 0, flags = 0;
	int fam, plen, len, dev = 0, brd_plus = 0, have_brd = 0, err;
	const char *label = NULL;

	nl_init(&r, cmd, cmd == RTM_NEWADDR ? NLM_F_CREATE | NLM_F_EXCL : 0);
	if (*argv && !strcmp(*argv, "local"))
		argv++;
	if (!*argv)
		die("missing address");
	fam = parse_addr(*argv, ip, &plen);
	for (argv++; *argv; argv++) {
		const char *kw = argv[0], *arg = argv[1];
		/* nodad on IPv4 goes to the kernel, which ignores it (iproute2 warns) */
		if (!strcmp(kw, "nodad")) {
			flags |= IFA_F_NODAD;
			continue;
		}
		if (!strcmp(kw, "noprefixroute")) {
			flags |= IFA_F_NOPREFIXROUTE;
			continue;
		}
		if (!arg)
			die("%s: missing argument", kw);
		argv++;
		if (!strcmp(kw, "dev"))
			dev = index_of(arg);
		else if (!strcmp(kw, "brd") || match(kw, "broadcast")) {
			if (fam != AF_INET)
				die("broadcast can be set only for IPv4 addresses");
			have_brd = 1;
			if (!strcmp(arg, "+"))
				brd_plus = 1;
			else if (parse_ip4(arg, &brd))
				die("bad broadcast '%s'", arg);
		} else if (!strcmp(kw, "label"))
			label = arg;
		else if (!strcmp(kw, "scope")) {
			r.u.a.ifa_scope = !strcmp(arg, "host") ? RT_SCOPE_HOST : !strcmp(arg, "link") ?
					  RT_SCOPE_LINK : !strcmp(arg, "global") ? RT_SCOPE_UNIVERSE :
					  (unsigned char)parse_num(arg, "scope", 0, 255);
		} else
			die("unknown keyword '%s'", kw);
	}
	if (!dev)
		die("need 'dev IFACE'");
	len = fam == AF_INET ? 4 : 16;
	r.u.a.ifa_family = (unsigned char)fam;
	r.u.a.ifa_prefixlen = (unsigned char)plen;
	r.u.a.ifa_index = (unsigned)dev;
	nl_attr(&r, IFA_LOCAL, ip, (size_t)len);
	nl_attr(&r, IFA_ADDRESS, ip, (size_t)len);
	if (brd_plus && plen < 31) {
		memcpy(&brd, ip, 4);
		brd |= ~prefix_mask(plen);
	}
	if (have_brd && (brd || !brd_plus))
		nl_attr(&r, IFA_BROADCAST, &brd, 4);
	if (label)
		nl_attr(&r, IFA_LABEL, label, strlen(label) + 1);
	/* ifa_flags has 8 bits: the rest (noprefixroute) go in IFA_FLAGS, as in iproute2 */
	if (flags > 0xff)
		nl_attr32(&r, IFA_FLAGS, flags);
	else
		r.u.a.ifa_flags = (unsigned char)flags;
	err = nl_talk(&r);
	if (err)
		rtnl_fail(err);
	return 0;
}

struct flush_arg {
	int ifindex;
	struct nlreq *del;
	unsigned n;
};

static int flush_cb(struct nlmsghdr *n, void *arg)
{
	struct flush_arg *fa = arg;
	struct ifaddrmsg *ifa = NLMSG_DATA(n);
	int len = (int)n->nlmsg_len - NLMSG_LENGTH(sizeof(*ifa));
	struct rtattr *tb[IFA_MAX + 1], *a;
	struct nlreq *r;

	if (n->nlmsg_type != RTM_NEWADDR || len < 0 || (int)ifa->ifa_index != fa->ifindex ||
	    (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6))
		return 0;
	nl_parse(tb, IFA_MAX, IFA_RTA(ifa), len);
	/* IPv6 has IFA_LOCAL only for a peer address */
	a = tb[IFA_LOCAL] ? tb[IFA_LOCAL] : tb[IFA_ADDRESS];
	if (!a)
		return 0;
	/* collect first: deleting while the dump runs would disturb it */
	fa->del = xrealloc(fa->del, (fa->n + 1) * sizeof(*fa->del));
	r = &fa->del[fa->n++];
	nl_init(r, RTM_DELADDR, 0);
	r->u.a = *ifa;
	nl_attr(r, IFA_LOCAL, RTA_DATA(a), RTA_PAYLOAD(a));
	return 0;
}

static void addr_flush(char **argv)
{
	struct flush_arg fa = { 0, NULL, 0 };
	int err;
	if (*argv && !strcmp(*argv, "dev"))
		argv++;
	if (!*argv)
		die("flush needs 'dev IFACE'");
	fa.ifindex = index_of(*argv);
	/* like iproute2: every address of the family (both when none is
	 * given), link-local ones too */
	err = nl_dump(RTM_GETADDR, family, flush_cb, &fa);
	if (err)
		nl_fail(err, "dump addresses");
	for (unsigned i = 0; i < fa.n; i++) {
		err = nl_talk(&fa.del[i]);
		/* a secondary goes with its primary: already gone is fine */
		if (err && err != -EADDRNOTAVAIL)
			rtnl_fail(err);
	}
	free(fa.del);
}

static int do_addr(char **argv)
{
	if (!*argv || match(*argv, "show") || match(*argv, "list") || !strcmp(*argv, "dev")) {
		show_links(argv, 1);
		return 0;
	}
	if (match(*argv, "add"))
		return addr_change(RTM_NEWADDR, argv + 1);
	if (match(*argv, "delete"))
		return addr_change(RTM_DELADDR, argv + 1);
	if (match(*argv, "flush")) {
		addr_flush(argv + 1);
		return 0;
	}
	die("unknown command '%s'", *argv);
}

static int do_link(char **argv)
{
	const char *ifname;
	unsigned set = 0, clear = 0;
	struct ifreq ifr;

	if (!*argv || match(*argv, "show") || match(*argv, "list")) {
		show_links(argv, 0);
		return 0;
	}
	if (!match(*argv, "set"))
		die("unknown command '%s'", *argv);
	argv++;
	if (*argv && !strcmp(*argv, "dev"))
		argv++;
	if (!*argv)
		die("set needs a device");
	ifname = *argv++;
	index_of(ifname);
	for (; *argv; argv++) {
		const char *kw = *argv, *arg = argv[1];
		if (!strcmp(kw, "up"))
			set |= IFF_UP, clear &= ~(unsigned)IFF_UP;
		else if (!strcmp(kw, "down"))
			clear |= IFF_UP, set &= ~(unsigned)IFF_UP;
		else if (!arg)
			die("%s: missing argument", kw);
		else if (!strcmp(kw, "mtu")) {
			memset(&ifr, 0, sizeof(ifr));
			ifr.ifr_mtu = (int)parse_num(arg, "MTU", 68, 65536);
			netif_ioctl(ifname, SIOCSIFMTU, &ifr, "set mtu");
			argv++;
		} else if (!strcmp(kw, "address")) {
			memset(&ifr, 0, sizeof(ifr));
			if (parse_mac(arg, (uint8_t *)ifr.ifr_hwaddr.sa_data))
				die("bad MAC address '%s'", arg);
			ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
			netif_ioctl(ifname, SIOCSIFHWADDR, &ifr, "set address");
			argv++;
		} else if (!strcmp(kw, "name")) {
			memset(&ifr, 0, sizeof(ifr));
			if (strlen(arg) >= IFNAMSIZ)
				die("%s: name too long", arg);
			strcpy(ifr.ifr_newname, arg);
			netif_ioctl(ifname, SIOCSIFNAME, &ifr, "rename");
			ifname = arg;
			argv++;
		} else if (!strcmp(kw, "arp") || !strcmp(kw, "promisc") || !strcmp(kw, "multicast") ||
			   !strcmp(kw, "allmulticast")) {
			unsigned f = *kw == 'a' && kw[1] == 'r' ? IFF_NOARP : *kw == 'p' ? IFF_PROMISC :
				     *kw == 'm' ? IFF_MULTICAST : IFF_ALLMULTI;
			int on = !strcmp(arg, "on");
			if (!on && strcmp(arg, "off"))
				die("%s: expected on or off", kw);
			if (f == IFF_NOARP)
				on = !on;
			on ? (set |= f) : (clear |= f);
			argv++;
		} else
			die("unknown keyword '%s'", kw);
	}
	if (set || clear)
		netif_set_flags(ifname, set, clear);
	return 0;
}

/* ---- routes ----------------------------------------------------------------- */

static const char *proto_name(int p, char buf[12])
{
	switch (p) {
	case RTPROT_KERNEL: return "kernel";
	case RTPROT_BOOT: return "boot";
	case RTPROT_STATIC: return "static";
	case RTPROT_DHCP: return "dhcp";
	case RTPROT_RA: return "ra";
	}
	snprintf(buf, 12, "%d", p);
	return buf;
}

/* route types by their RTN_ number */
static const char *const rtn_names[] = {
	"none", "unicast", "local", "broadcast", "anycast", "multicast", "blackhole",
	"unreachable", "prohibit", "throw", "nat", "xresolve",
};

/* a routing table by iproute2's names for the fixed ones, else its number */
static uint32_t parse_table(const char *s)
{
	if (!strcmp(s, "main"))
		return RT_TABLE_MAIN;
	if (!strcmp(s, "local"))
		return RT_TABLE_LOCAL;
	if (!strcmp(s, "default"))
		return RT_TABLE_DEFAULT;
	return (uint32_t)parse_num(s, "table", 1, UINT32_MAX);
}

static void print_table(uint32_t t)
{
	t == RT_TABLE_MAIN ? printf(" table main") : t == RT_TABLE_LOCAL ? printf(" table local") :
		t == RT_TABLE_DEFAULT ? printf(" table default") : printf(" table %u", t);
}

struct route_filter {
	int oif;		/* 0: any device */
	uint32_t table;		/* 0: all tables */
	int get;		/* the answer to "ip route get" */
};

/* RTA_MULTIPATH: one "nexthop" line each, as iproute2 */
static void print_nexthops(int fam, struct rtattr *mp)
{
	struct rtnexthop *nh = RTA_DATA(mp);
	int left = (int)RTA_PAYLOAD(mp);
	char buf[INET6_ADDRSTRLEN], nb[IF_NAMESIZE];

	while (left >= (int)sizeof(*nh) && nh->rtnh_len >= sizeof(*nh) && nh->rtnh_len <= left) {
		struct rtattr *tb[RTA_MAX + 1];
		nl_parse(tb, RTA_MAX, RTNH_DATA(nh), nh->rtnh_len - (int)RTNH_LENGTH(0));
		eol();
		printf("\tnexthop");
		if (tb[RTA_GATEWAY] && RTA_PAYLOAD(tb[RTA_GATEWAY]) == (fam == AF_INET ? 4u : 16u))
			printf(" via %s", inet_ntop(fam, RTA_DATA(tb[RTA_GATEWAY]), buf, sizeof(buf)));
		if (nh->rtnh_ifindex)
			printf(" dev %s", name_of(nh->rtnh_ifindex, nb));
		printf(" weight %d", nh->rtnh_hops + 1);
		if (nh->rtnh_flags & RTNH_F_DEAD)
			printf(" dead");
		if (nh->rtnh_flags & RTNH_F_ONLINK)
			printf(" onlink");
		if (nh->rtnh_flags & RTNH_F_PERVASIVE)
			printf(" pervasive");
		if (nh->rtnh_flags & RTNH_F_LINKDOWN)
			printf(" linkdown");
		putchar(' ');
		left -= RTNH_ALIGN(nh->rtnh_len);
		nh = RTNH_NEXT(nh);
	}
}

/* The route metrics iproute2 names, in its (RTAX_) order. */
static void print_metrics(struct rtattr *m)
{
	static const struct { int x; const char *n; } mx[] = {
		{ RTAX_MTU, "mtu" }, { RTAX_ADVMSS, "advmss" }, { RTAX_HOPLIMIT, "hoplimit" },
		{ RTAX_INITCWND, "initcwnd" }, { RTAX_INITRWND, "initrwnd" },
	};
	struct rtattr *tb[RTAX_MAX + 1];
	nl_parse(tb, RTAX_MAX, RTA_DATA(m), (int)RTA_PAYLOAD(m));
	for (unsigned i = 0; i < ARRAY_SIZE(mx); i++)
		if (tb[mx[i].x] && RTA_PAYLOAD(tb[mx[i].x]) >= 4)
			printf(" %s %u", mx[i].n, *(unsigned *)RTA_DATA(tb[mx[i].x]));
}

static int route_cb(struct nlmsghdr *n, void *arg)
{
	struct rtmsg *rt = NLMSG_DATA(n);
	struct rtattr *tb[RTA_MAX + 1];
	char buf[INET6_ADDRSTRLEN], nb[IF_NAMESIZE], pb[12];
	int len = (int)n->nlmsg_len - NLMSG_LENGTH(sizeof(*rt)), fam = rt->rtm_family;
	struct route_filter *f = arg;
	int oif, only_oif = f->oif, cloned;
	uint32_t table;
	if (n->nlmsg_type != RTM_NEWROUTE || len < 0 || (fam != AF_INET && fam != AF_INET6))
		return 0;
	nl_parse(tb, RTA_MAX, RTM_RTA(rt), len);
	/* the main table unless asked, as iproute2 */
	table = tb[RTA_TABLE] ? *(uint32_t *)RTA_DATA(tb[RTA_TABLE]) : rt->rtm_table;
	if (f->table && table != f->table)
		return 0;
	/* and neither the kernel's cache of IPv6 routes (but "get" answers with it) */
	cloned = !!(rt->rtm_flags & RTM_F_CLONED);
	if (cloned && !f->get)
		return 0;
	oif = tb[RTA_OIF] ? *(int *)RTA_DATA(tb[RTA_OIF]) : 0;
	if (only_oif && oif != only_oif)
		return 0;
	if (rt->rtm_type != RTN_UNICAST)
		rt->rtm_type < ARRAY_SIZE(rtn_names) ? printf("%s ", rtn_names[rt->rtm_type]) :
			printf("%u ", rt->rtm_type);
	if (!tb[RTA_DST])
		printf("default");
	else {
		printf("%s", inet_ntop(fam, RTA_DATA(tb[RTA_DST]), buf, sizeof(buf)));
		if (rt->rtm_dst_len != (fam == AF_INET ? 32 : 128))
			printf("/%d", rt->rtm_dst_len);
	}
	if (tb[RTA_SRC]) {
		printf(" from %s", inet_ntop(fam, RTA_DATA(tb[RTA_SRC]), buf, sizeof(buf)));
		if (rt->rtm_src_len != (fam == AF_INET ? 32 : 128))
			printf("/%d", rt->rtm_src_len);
	}
	if (tb[RTA_GATEWAY])
		printf(" via %s", inet_ntop(fam, RTA_DATA(tb[RTA_GATEWAY]), buf, sizeof(buf)));
	/* "show dev IF" leaves out what it asked for, as iproute2 does */
	if (oif && !only_oif)
		printf(" dev %s", name_of(oif, nb));
	if (!f->table && !cloned && table != RT_TABLE_MAIN)
		print_table(table);
	if (rt->rtm_protocol != RTPROT_BOOT && !cloned)
		printf(" proto %s", proto_name(rt->rtm_protocol, pb));
	if (rt->rtm_scope != RT_SCOPE_UNIVERSE && !cloned)
		printf(" scope %s", rt->rtm_scope == RT_SCOPE_LINK ? "link" :
		       rt->rtm_scope == RT_SCOPE_HOST ? "host" : "site");
	if (tb[RTA_PREFSRC])
		printf(" src %s", inet_ntop(fam, RTA_DATA(tb[RTA_PREFSRC]), buf, sizeof(buf)));
	if (tb[RTA_PRIORITY])
		printf(" metric %u", *(unsigned *)RTA_DATA(tb[RTA_PRIORITY]));
	if (rt->rtm_flags & RTNH_F_LINKDOWN)
		printf(" linkdown");
	if (tb[RTA_UID])
		printf(" uid %u", *(uint32_t *)RTA_DATA(tb[RTA_UID]));
	/* routes from router advertisements run out; the kernel counts in USER_HZ */
	if (cloned && fam == AF_INET) {
		/* the kernel's RTCF_ flags ride in rtm_flags' high half */
		static const struct { unsigned f; const char *n; } cf[] = {
			{ 0x80000000, "local" }, { 0x20000000, "mc" }, { 0x10000000, "brd" },
			{ 0x04000000, "dst-nat" }, { 0x01000000, "redirected" }, { 0x00040000, "redirect" },
			{ 0x00800000, "src-direct" }, { 0x00400000, "fastroute" },
		};
		unsigned fl = rt->rtm_flags & ~0xffffu;
		int first = 1;
		putchar(' ');
		eol();
		printf("    cache");
		for (unsigned i = 0; i < ARRAY_SIZE(cf); i++)
			if (fl & cf[i].f) {
				printf("%s%s", first ? " <" : ",", cf[i].n);
				first = 0;
			}
		if (!first)
			putchar('>');
	}
	if (tb[RTA_CACHEINFO] && RTA_PAYLOAD(tb[RTA_CACHEINFO]) >= sizeof(struct rta_cacheinfo)) {
		struct rta_cacheinfo *ci = RTA_DATA(tb[RTA_CACHEINFO]);
		long hz = sysconf(_SC_CLK_TCK);
		if (ci->rta_expires)
			printf(" expires %dsec", (int)ci->rta_expires / (int)(hz > 0 ? hz : 100));
	}
	if (tb[RTA_METRICS])
		print_metrics(tb[RTA_METRICS]);
	if (tb[RTA_PREF]) {
		unsigned p = *(uint8_t *)RTA_DATA(tb[RTA_PREF]);
		printf(" pref ");
		p == ICMPV6_ROUTER_PREF_LOW ? printf("low") : p == ICMPV6_ROUTER_PREF_MEDIUM ?
			printf("medium") : p == ICMPV6_ROUTER_PREF_HIGH ? printf("high") : printf("%u", p);
	}
	/* iproute2 ends an IPv4 route, not an IPv6 one, with a space */
	if (fam == AF_INET)
		putchar(' ');
	if (tb[RTA_MULTIPATH])
		print_nexthops(fam, tb[RTA_MULTIPATH]);
	putchar('\n');
	return 0;
}

static const char *fam_name(int fam)
{
	return fam == AF_INET6 ? "inet6" : "inet";
}

/* An address of family fam for a route, with iproute2's complaint otherwise. */
static void route_addr(int fam, const char *s, void *addr)
{
	if (parse_inet(fam, s, addr, NULL))
		die("%s address is expected rather than \"%s\"", fam_name(fam), s);
}

static int route_change(char **argv, int cmd, int flags)
{
	struct nlreq r;
	unsigned char dst[16], ip[16];
	const char *to, *gw = NULL, *src = NULL;
	int fam = family, plen = 0, err, have_dev = 0, scope = -1, alen;

	nl_init(&r, cmd, flags);
	r.u.r.rtm_table = RT_TABLE_MAIN;
	if (cmd != RTM_DELROUTE) {
		r.u.r.rtm_protocol = RTPROT_BOOT;
		r.u.r.rtm_type = RTN_UNICAST;
	}
	for (unsigned i = RTN_UNICAST; *argv && i < ARRAY_SIZE(rtn_names); i++)
		if (!strcmp(*argv, rtn_names[i])) {
			r.u.r.rtm_type = (unsigned char)i;
			argv++;
			break;
		}
	if (*argv && !strcmp(*argv, "to"))
		argv++;
	if (!*argv)
		die("missing route");
	to = *argv;
	/* gateway and source are read after the prefix: "default" takes its
	 * family from them, as in iproute2 */
	for (argv++; *argv; argv += 2) {
		const char *kw = argv[0], *arg = argv[1];
		if (!arg)
			die("%s: missing argument", kw);
		if (!strcmp(kw, "via")) {
			gw = arg;
		} else if (!strcmp(kw, "src")) {
			src = arg;
		} else if (!strcmp(kw, "dev") || !strcmp(kw, "oif")) {
			nl_attr32(&r, RTA_OIF, (uint32_t)index_of(arg));
			have_dev = 1;
		} else if (!strcmp(kw, "metric") || !strcmp(kw, "priority") || !strcmp(kw, "preference")) {
			nl_attr32(&r, RTA_PRIORITY, (uint32_t)parse_num(arg, "metric", 0, UINT32_MAX));
		} else if (!strcmp(kw, "proto")) {
			r.u.r.rtm_protocol = !strcmp(arg, "static") ? RTPROT_STATIC : !strcmp(arg, "dhcp") ?
					     RTPROT_DHCP : !strcmp(arg, "kernel") ? RTPROT_KERNEL : !strcmp(arg, "boot") ?
					     RTPROT_BOOT : !strcmp(arg, "ra") ? RTPROT_RA :
					     (unsigned char)parse_num(arg, "protocol", 0, 255);
		} else if (!strcmp(kw, "scope")) {
			scope = !strcmp(arg, "link") ? RT_SCOPE_LINK : !strcmp(arg, "host") ? RT_SCOPE_HOST :
				!strcmp(arg, "global") ? RT_SCOPE_UNIVERSE : (int)parse_num(arg, "scope", 0, 255);
		} else if (!strcmp(kw, "table")) {
			uint32_t t = parse_table(arg);
			r.u.r.rtm_table = t < 256 ? (unsigned char)t : RT_TABLE_UNSPEC;
			nl_attr32(&r, RTA_TABLE, t);
		} else
			die("unknown keyword '%s'", kw);
	}
	if (fam == AF_UNSPEC) {
		const char *by = strcmp(to, "default") ? to : gw ? gw : src ? src : "";
		fam = strchr(by, ':') ? AF_INET6 : AF_INET;
	}
	alen = fam == AF_INET ? 4 : 16;
	r.u.r.rtm_family = (unsigned char)fam;
	if (strcmp(to, "default")) {
		if (parse_inet(fam, to, dst, &plen))
			die("%s prefix is expected rather than \"%s\"", fam_name(fam), to);
		/* the kernel masks an IPv6 prefix itself; iproute2 checks IPv4 */
		if (fam == AF_INET) {
			uint32_t d;
			memcpy(&d, dst, 4);
			if (d & ~prefix_mask(plen))
				die("invalid prefix for given prefix length");
		}
		if (plen)
			nl_attr(&r, RTA_DST, dst, (size_t)alen);
	}
	r.u.r.rtm_dst_len = (unsigned char)plen;
	if (gw) {
		route_addr(fam, gw, ip);
		nl_attr(&r, RTA_GATEWAY, ip, (size_t)alen);
	}
	if (src) {
		route_addr(fam, src, ip);
		nl_attr(&r, RTA_PREFSRC, ip, (size_t)alen);
	}
	if (scope >= 0)
		r.u.r.rtm_scope = (unsigned char)scope;
	else if (r.u.r.rtm_type == RTN_LOCAL || r.u.r.rtm_type == RTN_NAT)	/* iproute2's choices */
		r.u.r.rtm_scope = RT_SCOPE_HOST;
	else if (r.u.r.rtm_type == RTN_BROADCAST || r.u.r.rtm_type == RTN_MULTICAST ||
		 r.u.r.rtm_type == RTN_ANYCAST)
		r.u.r.rtm_scope = RT_SCOPE_LINK;
	else if (fam == AF_INET6 || (r.u.r.rtm_type != RTN_UNICAST && r.u.r.rtm_type != RTN_UNSPEC))
		r.u.r.rtm_scope = RT_SCOPE_UNIVERSE;
	else if (cmd == RTM_DELROUTE)
		r.u.r.rtm_scope = RT_SCOPE_NOWHERE;
	else
		/* a route without a gateway is on the link, as iproute2 decides */
		r.u.r.rtm_scope = gw ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
	if (cmd != RTM_DELROUTE && r.u.r.rtm_type == RTN_UNICAST && !have_dev && !gw)
		die("need 'via GATEWAY' or 'dev IFACE'");
	err = nl_talk(&r);
	if (err)
		rtnl_fail(err);
	return 0;
}

/* ip route get ADDR [from A] [dev IF]: the kernel's choice, as it answers */
static int route_get(char **argv)
{
	struct route_filter f = { 0, 0, 1 };
	struct nlreq r;
	unsigned char a[16];
	const char *to, *from = NULL;
	int fam = family, plen, err;

	nl_init(&r, RTM_GETROUTE, 0);
	if (*argv && !strcmp(*argv, "to"))
		argv++;
	if (!(to = *argv))
		die("need an address");
	for (argv++; *argv; argv += 2) {
		if (!argv[1])
			die("%s: missing argument", *argv);
		if (!strcmp(*argv, "from"))
			from = argv[1];
		else if (!strcmp(*argv, "dev") || !strcmp(*argv, "oif"))
			nl_attr32(&r, RTA_OIF, (uint32_t)index_of(argv[1]));
		else
			die("unknown keyword '%s'", *argv);
	}
	if (fam == AF_UNSPEC)
		fam = strchr(to, ':') ? AF_INET6 : AF_INET;
	r.u.r.rtm_family = (unsigned char)fam;
	if (parse_inet(fam, to, a, &plen))
		die("%s prefix is expected rather than \"%s\"", fam_name(fam), to);
	nl_attr(&r, RTA_DST, a, fam == AF_INET ? 4 : 16);
	r.u.r.rtm_dst_len = (unsigned char)plen;
	if (from) {
		if (parse_inet(fam, from, a, &plen))
			die("%s prefix is expected rather than \"%s\"", fam_name(fam), from);
		nl_attr(&r, RTA_SRC, a, fam == AF_INET ? 4 : 16);
		r.u.r.rtm_src_len = (unsigned char)plen;
	}
	err = nl_ask(&r, route_cb, &f);
	if (err)
		rtnl_fail(err);
	return 0;
}

static int do_route(char **argv)
{
	if (!*argv || match(*argv, "show") || match(*argv, "list")) {
		struct route_filter f = { 0, RT_TABLE_MAIN, 0 };
		int err;
		for (argv += !!*argv; *argv; argv += 2) {
			if (!argv[1])
				die("%s: missing argument", *argv);
			if (!strcmp(*argv, "dev"))
				f.oif = index_of(argv[1]);
			else if (!strcmp(*argv, "table"))
				f.table = !strcmp(argv[1], "all") ? 0 : parse_table(argv[1]);
			else
				die("unexpected '%s'", *argv);
		}
		/* "ip route" alone is IPv4 and "table all" both, as in iproute2 */
		err = nl_dump(RTM_GETROUTE, family != AF_UNSPEC ? family : f.table ? AF_INET : AF_UNSPEC,
			      route_cb, &f);
		if (err)
			nl_fail(err, "dump routes");
		return 0;
	}
	if (match(*argv, "get"))
		return route_get(argv + 1);
	if (match(*argv, "add"))
		return route_change(argv + 1, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
	if (match(*argv, "delete"))
		return route_change(argv + 1, RTM_DELROUTE, 0);
	if (match(*argv, "replace"))
		return route_change(argv + 1, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE);
	if (match(*argv, "change"))
		return route_change(argv + 1, RTM_NEWROUTE, NLM_F_REPLACE);
	die("unknown command '%s'", *argv);
}

int ip_main(int argc, char **argv)
{
	(void)argc;
	family = AF_UNSPEC;	/* fresh, should the shell ever run us in-process */
	oneline = stats = 0;
	argv++;
	while (*argv && **argv == '-') {
		if (!strcmp(*argv, "-4"))
			family = AF_INET;
		else if (!strcmp(*argv, "-6"))
			family = AF_INET6;
		else if (match(*argv + 1 + (argv[0][1] == '-'), "oneline"))
			oneline = 1;
		else if (match(*argv + 1 + (argv[0][1] == '-'), "statistics") ||
			 !strcmp(*argv + 1 + (argv[0][1] == '-'), "stats"))
			stats++;
		else if (!strcmp(*argv, "--help")) {
			show_help(applet_find("ip"), stdout);
			return 0;
		} else {
			warn("unknown option '%s'", *argv);
			usage_die();
		}
		argv++;
	}
	if (!*argv)
		usage_die();
	if (match(*argv, "address") || !strcmp(*argv, "a"))
		return do_addr(argv + 1);
	if (match(*argv, "link"))
		return do_link(argv + 1);
	if (match(*argv, "route") || !strcmp(*argv, "r"))
		return do_route(argv + 1);
	die("unknown object '%s'", *argv);
}
