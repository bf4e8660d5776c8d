/* ifconfig - show or set up network interfaces */
//menu:Networking
//config:config IFCONFIG
//config:	bool "ifconfig"
//config:	default y
//config:	help
//config:	  Show interfaces (busybox/net-tools format) or set address,
//config:	  netmask, broadcast, MTU, flags and MAC address.
//config:
//config:config IFCONFIG_HW
//config:	bool "Support hw ether MAC"
//config:	depends on IFCONFIG
//config:	default y
//applet:ifconfig IFCONFIG ifconfig_main NULL
//usage:ifconfig [-a] [IFACE [ADDR[/N]] [netmask M] [broadcast B|-broadcast] [mtu N] [up|down] [hw ether MAC] [[-]arp] [[-]promisc] [[-]allmulti]]
//usage:
//usage:Without settings show IFACE, or all interfaces that are up (-a: all).
//usage:Setting an address also brings the interface up.
#include "pxebox.h"
#include "netif.h"
#include <arpa/inet.h>
#include <net/if_arp.h>
#include <sys/ioctl.h>

struct stats {
	unsigned long long v[16];	/* the /proc/net/dev columns */
};

/* Statistics line for ifname from /proc/net/dev; 0 or -1. */
static int get_stats(const char *ifname, struct stats *st)
{
	int fd = open("/proc/net/dev", O_RDONLY), ret = -1;
	struct lines *l;
	char *line;
	if (fd < 0)
		return -1;
	l = lines_open(fd);
	while ((line = lines_next(l, NULL))) {
		char *colon = strchr(line, ':'), *name = line;
		if (!colon)
			continue;
		*colon = 0;
		while (*name == ' ')
			name++;
		if (strcmp(name, ifname))
			continue;
		memset(st, 0, sizeof(*st));
		sscanf(colon + 1, "%llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu",
		       &st->v[0], &st->v[1], &st->v[2], &st->v[3], &st->v[4], &st->v[5], &st->v[6], &st->v[7],
		       &st->v[8], &st->v[9], &st->v[10], &st->v[11], &st->v[12], &st->v[13], &st->v[14], &st->v[15]);
		ret = 0;
		break;
	}
	lines_close(l);
	close(fd);
	return ret;
}

static int cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every interface, sorted by name, from /proc/net/dev. */
static char **all_names(unsigned *n)
{
	int fd = xopen("/proc/net/dev", O_RDONLY);
	struct lines *l = lines_open(fd);
	char **v = NULL, *line;
	*n = 0;
	while ((line = lines_next(l, NULL))) {
		char *colon = strchr(line, ':'), *name = line;
		if (!colon)
			continue;
		*colon = 0;
		while (*name == ' ')
			name++;
		v = xrealloc(v, (*n + 1) * sizeof(char *));
		v[(*n)++] = xstrdup(name);
	}
	lines_close(l);
	close(fd);
	if (*n)
		qsort(v, *n, sizeof(char *), cmpstr);
	return v;
}

/* "(2.2 KiB)": one decimal, binary units, as net-tools and busybox print */
static void scaled(unsigned long long n)
{
	static const char *const ext[] = { "", "Ki", "Mi", "Gi", "Ti" };
	unsigned long long ip = n;
	unsigned frac = 0, i = 0;
	while (ip >= 1024 && i < 4) {
		frac = (unsigned)((ip & 1023) * 10 / 1024);
		ip /= 1024;
		i++;
	}
	printf("(%llu.%u %sB)", ip, frac, ext[i]);
}

static void show_inet6(const char *ifname)
{
	int fd = open("/proc/net/if_inet6", O_RDONLY);
	struct lines *l;
	char *line;
	if (fd < 0)
		return;
	l = lines_open(fd);
	while ((line = lines_next(l, NULL))) {
		char hex[33], name[IFNAMSIZ + 1], buf[INET6_ADDRSTRLEN];
		unsigned idx, plen, scope, flags;
		uint8_t a[16];
		const char *sc;
		if (sscanf(line, "%32s %x %x %x %x %16s", hex, &idx, &plen, &scope, &flags, name) != 6 ||
		    strcmp(name, ifname) || strlen(hex) != 32)
			continue;
		for (int i = 0; i < 16; i++)
			sscanf(hex + 2 * i, "%2hhx", &a[i]);
		inet_ntop(AF_INET6, a, buf, sizeof(buf));
		scope &= 0xf0;
		sc = scope == 0 ? "Global" : scope == 0x10 ? "Host" : scope == 0x20 ? "Link" :
		     scope == 0x40 ? "Site" : scope == 0x80 ? "Compat" : "Unknown";
		printf("          inet6 addr: %s/%u Scope:%s\n", buf, plen, sc);
	}
	lines_close(l);
	close(fd);
}

static int try_ioctl(const char *ifname, unsigned long req, struct ifreq *ifr)
{
	memset(ifr, 0, sizeof(*ifr));
	strncpy(ifr->ifr_name, ifname, IFNAMSIZ - 1);
	return ioctl(netif_sock(), req, ifr);
}

static uint32_t sin_addr(struct ifreq *ifr)
{
	return ((struct sockaddr_in *)&ifr->ifr_addr)->sin_addr.s_addr;
}

/* Show one interface; -1 when it does not exist. */
static int show(const char *ifname, int all)
{
	static const struct { unsigned f; const char *n; } fl[] = {
		{ IFF_UP, "UP" }, { IFF_BROADCAST, "BROADCAST" }, { IFF_DEBUG, "DEBUG" },
		{ IFF_LOOPBACK, "LOOPBACK" }, { IFF_POINTOPOINT, "POINTOPOINT" },
		{ IFF_NOTRAILERS, "NOTRAILERS" }, { IFF_RUNNING, "RUNNING" }, { IFF_NOARP, "NOARP" },
		{ IFF_PROMISC, "PROMISC" }, { IFF_ALLMULTI, "ALLMULTI" }, { IFF_SLAVE, "SLAVE" },
		{ IFF_MASTER, "MASTER" }, { IFF_MULTICAST, "MULTICAST" }, { IFF_DYNAMIC, "DYNAMIC" },
	};
	struct ifreq ifr;
	struct stats st;
	unsigned flags;
	int mtu, metric, txq = -1, family, any = 0;
	uint8_t *hw;

	if (strlen(ifname) >= IFNAMSIZ || try_ioctl(ifname, SIOCGIFFLAGS, &ifr) < 0)
		return -1;
	flags = (unsigned short)ifr.ifr_flags;
	if (!all && !(flags & IFF_UP))
		return 0;
	try_ioctl(ifname, SIOCGIFHWADDR, &ifr);
	family = ifr.ifr_hwaddr.sa_family;
	hw = (uint8_t *)ifr.ifr_hwaddr.sa_data;
	printf("%-9s Link encap:%s  ", ifname,
	       family == ARPHRD_ETHER ? "Ethernet" : family == ARPHRD_LOOPBACK ? "Local Loopback" :
	       family == ARPHRD_PPP ? "Point-to-Point Protocol" : family == ARPHRD_TUNNEL ? "IPIP Tunnel" :
	       family == ARPHRD_SIT ? "IPv6-in-IPv4" : "UNSPEC");
	if (family == ARPHRD_ETHER)
		printf("HWaddr %02X:%02X:%02X:%02X:%02X:%02X  ", hw[0], hw[1], hw[2], hw[3], hw[4], hw[5]);
	putchar('\n');
	if (try_ioctl(ifname, SIOCGIFADDR, &ifr) == 0 && ifr.ifr_addr.sa_family == AF_INET) {
		printf("          inet addr:%s ", ip4_str(sin_addr(&ifr)));
		if ((flags & IFF_POINTOPOINT) && try_ioctl(ifname, SIOCGIFDSTADDR, &ifr) == 0)
			printf(" P-t-P:%s ", ip4_str(sin_addr(&ifr)));
		if ((flags & IFF_BROADCAST) && try_ioctl(ifname, SIOCGIFBRDADDR, &ifr) == 0)
			printf(" Bcast:%s ", ip4_str(sin_addr(&ifr)));
		if (try_ioctl(ifname, SIOCGIFNETMASK, &ifr) == 0)
			printf(" Mask:%s", ip4_str(sin_addr(&ifr)));
		putchar('\n');
	}
	show_inet6(ifname);
	fputs("          ", stdout);
	for (unsigned i = 0; i < ARRAY_SIZE(fl); i++)
		if (flags & fl[i].f) {
			printf("%s ", fl[i].n);
			any = 1;
		}
	if (!any)
		fputs("[NO FLAGS] ", stdout);
	mtu = try_ioctl(ifname, SIOCGIFMTU, &ifr) == 0 ? ifr.ifr_mtu : 0;
	metric = try_ioctl(ifname, SIOCGIFMETRIC, &ifr) == 0 ? ifr.ifr_metric : 0;
	printf(" MTU:%d  Metric:%d\n", mtu, metric ? metric : 1);
	if (try_ioctl(ifname, SIOCGIFTXQLEN, &ifr) == 0)
		txq = ifr.ifr_qlen;
	if (get_stats(ifname, &st) == 0) {
		unsigned long long *v = st.v;
		printf("          RX packets:%llu errors:%llu dropped:%llu overruns:%llu frame:%llu\n",
		       v[1], v[2], v[3], v[4], v[5]);
		printf("          TX packets:%llu errors:%llu dropped:%llu overruns:%llu carrier:%llu\n",
		       v[9], v[10], v[11], v[12], v[14]);
		printf("          collisions:%llu ", v[13]);
		if (txq >= 0)
			printf("txqueuelen:%d ", txq);
		printf("\n          RX bytes:%llu ", v[0]);
		scaled(v[0]);
		printf("  TX bytes:%llu ", v[8]);
		scaled(v[8]);
		putchar('\n');
	}
	putchar('\n');
	return 0;
}

static void set_addr(const char *ifname, unsigned long req, uint32_t ip, const char *what)
{
	struct ifreq ifr = { 0 };
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = ip;
	netif_ioctl(ifname, req, &ifr, what);
}

static uint32_t need_ip(const char *kw, const char *arg)
{
	uint32_t ip;
	if (!arg)
		die("%s: missing argument", kw);
	if (parse_ip4(arg, &ip))
		die("bad address '%s'", arg);
	return ip;
}

int ifconfig_main(int argc, char **argv)
{
	const char *ifname;
	unsigned set = 0, clear = 0;
	int all = 0;

	argv++;
	if (*argv && !strcmp(*argv, "-a")) {
		all = 1;
		argv++;
	}
	if (*argv && !strcmp(*argv, "--help")) {
		show_help(applet_find("ifconfig"), stdout);
		return 0;
	}
	if (!*argv) {
		unsigned n;
		char **names = all_names(&n);
		for (unsigned i = 0; i < n; i++) {
			show(names[i], all);
			free(names[i]);
		}
		free(names);
		return 0;
	}
	ifname = *argv++;
	if (!*argv) {
		if (show(ifname, 1) < 0)
			die("%s: error fetching interface information: Device not found", ifname);
		return 0;
	}
	for (; *argv; argv++) {
		const char *a = *argv, *arg = argv[1];
		struct ifreq ifr = { 0 };
		if (!strcmp(a, "up"))
			set |= IFF_UP, clear &= ~(unsigned)IFF_UP;
		else if (!strcmp(a, "down"))
			clear |= IFF_UP, set &= ~(unsigned)IFF_UP;
		else if (!strcmp(a, "arp") || !strcmp(a, "-arp"))
			*a == '-' ? (set |= IFF_NOARP) : (clear |= IFF_NOARP);
		else if (!strcmp(a, "promisc") || !strcmp(a, "-promisc"))
			*a == '-' ? (clear |= IFF_PROMISC) : (set |= IFF_PROMISC);
		else if (!strcmp(a, "allmulti") || !strcmp(a, "-allmulti"))
			*a == '-' ? (clear |= IFF_ALLMULTI) : (set |= IFF_ALLMULTI);
		else if (!strcmp(a, "netmask")) {
			set_addr(ifname, SIOCSIFNETMASK, need_ip(a, arg), "SIOCSIFNETMASK");
			argv++;
		} else if (!strcmp(a, "broadcast")) {
			set_addr(ifname, SIOCSIFBRDADDR, need_ip(a, arg), "SIOCSIFBRDADDR");
			set |= IFF_BROADCAST;
			argv++;
		} else if (!strcmp(a, "-broadcast"))
			clear |= IFF_BROADCAST;
		else if (!strcmp(a, "pointopoint") || !strcmp(a, "dstaddr")) {
			set_addr(ifname, SIOCSIFDSTADDR, need_ip(a, arg), "SIOCSIFDSTADDR");
			if (*a == 'p')
				set |= IFF_POINTOPOINT;
			argv++;
		} else if (!strcmp(a, "mtu") || !strcmp(a, "metric") || !strcmp(a, "txqueuelen")) {
			if (!arg)
				die("%s: missing argument", a);
			if (*a == 'm' && a[1] == 't') {
				ifr.ifr_mtu = (int)parse_num(arg, "MTU", 68, 65536);
				netif_ioctl(ifname, SIOCSIFMTU, &ifr, "SIOCSIFMTU");
			} else if (*a == 'm') {
				ifr.ifr_metric = (int)parse_num(arg, "metric", 0, INT_MAX);
				netif_ioctl(ifname, SIOCSIFMETRIC, &ifr, "SIOCSIFMETRIC");
			} else {
				ifr.ifr_qlen = (int)parse_num(arg, "txqueuelen", 0, INT_MAX);
				netif_ioctl(ifname, SIOCSIFTXQLEN, &ifr, "SIOCSIFTXQLEN");
			}
			argv++;
		} else if (ENABLE_IFCONFIG_HW && !strcmp(a, "hw")) {
			if (!arg || strcmp(arg, "ether") || !argv[2])
				die("hw: expected 'hw ether MAC'");
			if (parse_mac(argv[2], (uint8_t *)ifr.ifr_hwaddr.sa_data))
				die("bad MAC address '%s'", argv[2]);
			ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
			netif_ioctl(ifname, SIOCSIFHWADDR, &ifr, "SIOCSIFHWADDR");
			argv += 2;
		} else {
			/* ADDR or ADDR/N; "inet" and "add" are accepted noise words */
			uint32_t ip;
			int plen;
			if (!strcmp(a, "inet"))
				continue;
			if (parse_prefix(a, &ip, &plen, -1))
				die("bad address or keyword '%s'", a);
			set_addr(ifname, SIOCSIFADDR, ip, "SIOCSIFADDR");
			if (plen >= 0)
				set_addr(ifname, SIOCSIFNETMASK, prefix_mask(plen), "SIOCSIFNETMASK");
			if (!(clear & IFF_UP))
				set |= IFF_UP | IFF_RUNNING;
		}
	}
	if (set || clear)
		netif_set_flags(ifname, set, clear);
	return 0;
}
