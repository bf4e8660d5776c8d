/* route - show or change the IPv4 routing table */
//menu:Networking
//config:config ROUTE
//config:	bool "route"
//config:	default y
//config:	help
//config:	  Show the kernel routing table or add and delete routes.
//applet:route ROUTE route_main NULL
//usage:route [-ne] [{add|del} [-net|-host] TARGET[/N]|default [netmask M] [gw G] [metric N] [dev IF]]
//usage:
//usage:Show the IPv4 routing table, or add or delete a route.
//usage:	-n	numeric output (no "default" or "*")
//usage:	-e	show MSS, Window, irtt too
#include "pxebox.h"
#include "netif.h"
#include <net/route.h>
#include <sys/ioctl.h>

static void list(int numeric, int extended)
{
	int fd = xopen("/proc/net/route", O_RDONLY);
	struct lines *l = lines_open(fd);
	char *line;
	int first = 1;

	puts("Kernel IP routing table");
	if (extended)
		puts("Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface");
	else
		puts("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface");
	while ((line = lines_next(l, NULL))) {
		char ifname[IFNAMSIZ + 1], fl[8], *f = fl;
		unsigned dst, gw, mask, flags, refcnt, use, metric, mtu, win, irtt;
		const char *d, *g;
		if (first) {	/* header line */
			first = 0;
			continue;
		}
		if (sscanf(line, "%16s %x %x %x %u %u %u %x %u %u %u", ifname, &dst, &gw, &flags,
			   &refcnt, &use, &metric, &mask, &mtu, &win, &irtt) != 11 || !(flags & RTF_UP))
			continue;
		d = !numeric && !dst ? "default" : ip4_str(dst);
		g = !numeric && !gw ? "*" : ip4_str(gw);
		*f++ = 'U';
		if (flags & RTF_GATEWAY)
			*f++ = 'G';
		if (flags & RTF_HOST)
			*f++ = 'H';
		if (flags & RTF_REINSTATE)
			*f++ = 'R';
		if (flags & RTF_DYNAMIC)
			*f++ = 'D';
		if (flags & RTF_MODIFIED)
			*f++ = 'M';
		if (flags & RTF_REJECT)
			*f++ = '!';
		*f = 0;
		printf("%-15s %-15s %-15s ", d, g, ip4_str(mask));
		if (extended)
			printf("%-6s%5u %-6u %5u %s\n", fl, mtu, win, irtt, ifname);
		else
			printf("%-5s %-6u %-2u %7u %s\n", fl, metric, refcnt, use, ifname);
	}
	lines_close(l);
	close(fd);
}

static void sin_set(struct sockaddr *sa, uint32_t ip)
{
	struct sockaddr_in *s = (struct sockaddr_in *)sa;
	s->sin_family = AF_INET;
	s->sin_addr.s_addr = ip;
}

static void change(int add, char **argv)
{
	struct rtentry rt = { 0 };
	uint32_t dst = 0, mask = 0, ip;
	int host = 0, plen = -1, have_mask = 0;
	char dev[IFNAMSIZ];

	if (*argv && (!strcmp(*argv, "-net") || !strcmp(*argv, "-host")))
		host = (*argv++)[1] == 'h';
	if (!*argv)
		die("missing target");
	if (!strcmp(*argv, "default"))
		plen = 0;
	else if (parse_prefix(*argv, &dst, &plen, -1))
		die("bad target '%s'", *argv);
	argv++;
	rt.rt_flags = RTF_UP;
	for (; *argv; argv += 2) {
		const char *kw = argv[0], *arg = argv[1];
		if (!rt.rt_dev && if_nametoindex(kw)) {
			/* "route add -net X netmask M eth0": a bare interface name */
			strcpy(dev, kw);
			rt.rt_dev = dev;
			argv--;
			continue;
		}
		if (!arg)
			die("%s: missing argument", kw);
		if (!strcmp(kw, "netmask")) {
			if (parse_ip4(arg, &mask) || mask_prefix(mask) < 0)
				die("bad netmask '%s'", arg);
			have_mask = 1;
		} else if (!strcmp(kw, "gw") || !strcmp(kw, "gateway")) {
			if (parse_ip4(arg, &ip))
				die("bad gateway '%s'", arg);
			sin_set(&rt.rt_gateway, ip);
			rt.rt_flags |= RTF_GATEWAY;
		} else if (!strcmp(kw, "metric")) {
			/* the ioctl counts from 1, as route(8) always has */
			rt.rt_metric = (short)(parse_num(arg, "metric", 0, 32766) + 1);
		} else if (!strcmp(kw, "dev")) {
			if (strlen(arg) >= IFNAMSIZ)
				die("%s: interface name too long", arg);
			strcpy(dev, arg);
			rt.rt_dev = dev;
		} else if (!strcmp(kw, "mss") || !strcmp(kw, "window") || !strcmp(kw, "irtt")) {
			unsigned long v = (unsigned long)parse_num(arg, kw, 0, INT_MAX);
			if (*kw == 'm')
				rt.rt_mtu = v, rt.rt_flags |= RTF_MSS;
			else if (*kw == 'w')
				rt.rt_window = v, rt.rt_flags |= RTF_WINDOW;
			else
				rt.rt_irtt = (unsigned short)v, rt.rt_flags |= RTF_IRTT;
		} else
			die("unknown keyword '%s'", kw);
	}
	if (!have_mask)
		mask = host ? 0xffffffff : plen >= 0 ? prefix_mask(plen) : 0xffffffff;
	else if (plen > 0 && mask != prefix_mask(plen))
		die("netmask does not match /%d", plen);
	if (mask == 0xffffffff)
		rt.rt_flags |= RTF_HOST;
	if (dst & ~mask)
		die("netmask doesn't match route address");
	sin_set(&rt.rt_dst, dst);
	sin_set(&rt.rt_genmask, mask);
	if (ioctl(netif_sock(), add ? SIOCADDRT : SIOCDELRT, &rt) < 0)
		pdie(add ? "SIOCADDRT" : "SIOCDELRT");
}

int route_main(int argc, char **argv)
{
	int numeric = 0, extended = 0;
	argv++;
	while (*argv && **argv == '-' && strcmp(*argv, "-net") && strcmp(*argv, "-host")) {
		if (!strcmp(*argv, "--help")) {
			show_help(applet_find("route"), stdout);
			return 0;
		}
		for (const char *p = *argv + 1; *p; p++) {
			if (*p == 'n')
				numeric = 1;
			else if (*p == 'e')
				extended = 1;
			else if (*p != 'A' && *p != '4') {
				warn("invalid option -- '%c'", *p);
				usage_die();
			}
		}
		argv++;
	}
	if (!*argv) {
		list(numeric, extended);
		return 0;
	}
	if (!strcmp(*argv, "add") || !strcmp(*argv, "del") || !strcmp(*argv, "delete")) {
		change(argv[0][0] == 'a', argv + 1);
		return 0;
	}
	warn("unknown command '%s'", *argv);
	usage_die();
}
