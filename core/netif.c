/* netif.c - interface ioctls and a minimal rtnetlink client. */
#include "pxebox.h"
#include "netif.h"
#include <arpa/inet.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

int netif_sock(void)
{
	static int fd = -1;
	if (fd < 0) {
		fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		if (fd < 0)
			pdie("socket");
	}
	return fd;
}

void netif_ioctl(const char *ifname, unsigned long req, struct ifreq *ifr, const char *what)
{
	if (strlen(ifname) >= IFNAMSIZ)
		die("%s: interface name too long", ifname);
	strncpy(ifr->ifr_name, ifname, IFNAMSIZ);
	if (ioctl(netif_sock(), req, ifr) < 0)
		pdie("%s: %s", ifname, what);
}

int netif_index(const char *ifname)
{
	struct ifreq ifr = { 0 };
	netif_ioctl(ifname, SIOCGIFINDEX, &ifr, "can't get interface index");
	return ifr.ifr_ifindex;
}

int netif_hwaddr(const char *ifname, uint8_t mac[6])
{
	struct ifreq ifr = { 0 };
	if (strlen(ifname) >= IFNAMSIZ)
		return -1;
	strncpy(ifr.ifr_name, ifname, IFNAMSIZ);
	if (ioctl(netif_sock(), SIOCGIFHWADDR, &ifr) < 0)
		return -1;
	memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	return 0;
}

void netif_set_flags(const char *ifname, unsigned set, unsigned clear)
{
	struct ifreq ifr = { 0 };
	short old;
	netif_ioctl(ifname, SIOCGIFFLAGS, &ifr, "can't get flags");
	old = ifr.ifr_flags;
	ifr.ifr_flags = (short)((ifr.ifr_flags | set) & ~clear);
	/* A write that changes nothing still makes the driver reload its
	 * receive filter; QEMU's e1000 then drops input for a second, which
	 * is where the first DHCP offer used to go. */
	if (ifr.ifr_flags != old)
		netif_ioctl(ifname, SIOCSIFFLAGS, &ifr, "can't set flags");
}

int parse_ip4(const char *s, uint32_t *ip)
{
	struct in_addr a;
	/* inet_pton: no octal or short forms, so "010.1" is not 8.0.0.1 */
	if (inet_pton(AF_INET, s, &a) != 1)
		return -1;
	*ip = a.s_addr;
	return 0;
}

int parse_prefix(const char *s, uint32_t *ip, int *plen, int dflt)
{
	const char *slash = strchr(s, '/');
	char buf[INET_ADDRSTRLEN];
	if (!slash) {
		*plen = dflt;
		return parse_ip4(s, ip);
	}
	if ((size_t)(slash - s) >= sizeof(buf))
		return -1;
	memcpy(buf, s, (size_t)(slash - s));
	buf[slash - s] = 0;
	if (!slash[1] || strspn(slash + 1, "0123456789") != strlen(slash + 1) ||
	    strlen(slash + 1) > 2 || atoi(slash + 1) > 32)
		return -1;
	*plen = atoi(slash + 1);
	return parse_ip4(buf, ip);
}

uint32_t prefix_mask(int plen)
{
	return htonl(plen <= 0 ? 0 : 0xffffffffu << (32 - plen));
}

int mask_prefix(uint32_t mask)
{
	uint32_t m = ntohl(mask);
	int n = 0;
	while (n < 32 && (m & (0x80000000u >> n)))
		n++;
	return n < 32 && (m << n) ? -1 : n;
}

int parse_mac(const char *s, uint8_t mac[6])
{
	unsigned v[6];
	char end;
	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &end) != 6)
		return -1;
	for (int i = 0; i < 6; i++)
		mac[i] = (uint8_t)v[i];
	return 0;
}

const char *ip4_str(uint32_t ip)
{
	static char buf[4][INET_ADDRSTRLEN];
	static int i;
	i = (i + 1) & 3;
	return inet_ntop(AF_INET, &ip, buf[i], sizeof(buf[i]));
}

/* ---- rtnetlink ---- */

static int nl_open(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		pdie("netlink");
	return fd;
}

void nl_init(struct nlreq *r, int type, int flags)
{
	memset(r, 0, sizeof(*r));
	r->n.nlmsg_type = (uint16_t)type;
	r->n.nlmsg_flags = (uint16_t)(NLM_F_REQUEST | flags);
	switch (type) {
	case RTM_NEWLINK: case RTM_DELLINK: case RTM_GETLINK: case RTM_SETLINK:
		r->n.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
		break;
	case RTM_NEWADDR: case RTM_DELADDR: case RTM_GETADDR:
		r->n.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifaddrmsg));
		break;
	case RTM_NEWNSID: case RTM_GETNSID:
		r->n.nlmsg_len = NLMSG_LENGTH(sizeof(struct rtgenmsg));
		break;
	default:
		r->n.nlmsg_len = NLMSG_LENGTH(sizeof(struct rtmsg));
	}
}

void nl_attr(struct nlreq *r, int type, const void *data, size_t len)
{
	struct rtattr *a = (struct rtattr *)((char *)&r->n + NLMSG_ALIGN(r->n.nlmsg_len));
	size_t need = NLMSG_ALIGN(r->n.nlmsg_len) + RTA_SPACE(len);
	if (need > sizeof(*r))
		die("netlink request too big");
	a->rta_type = (unsigned short)type;
	a->rta_len = (unsigned short)RTA_LENGTH(len);
	memcpy(RTA_DATA(a), data, len);
	r->n.nlmsg_len = (uint32_t)need;
}

void nl_attr32(struct nlreq *r, int type, uint32_t v)
{
	nl_attr(r, type, &v, 4);
}

/* Read answers until the one for seq is done; cb sees data messages. */
static int nl_recv(int fd, uint32_t seq, int (*cb)(struct nlmsghdr *, void *), void *arg)
{
	char buf[32768];	/* not static: a dump callback may run a nested dump */
	int stop = 0;
	for (;;) {
		ssize_t len = recv(fd, buf, sizeof(buf), 0);
		struct nlmsghdr *h;
		if (len < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		for (h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)len); h = NLMSG_NEXT(h, len)) {
			if (h->nlmsg_seq != seq)
				continue;
			if (h->nlmsg_type == NLMSG_DONE)
				return 0;
			if (h->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr *e = NLMSG_DATA(h);
				if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*e)))
					return -EPROTO;
				return e->error;	/* 0 is the ACK */
			}
			if (cb && !stop)
				stop = cb(h, arg);
		}
	}
}

int nl_talk(struct nlreq *r)
{
	return nl_ask(r, NULL, NULL);
}

int nl_ask(struct nlreq *r, int (*cb)(struct nlmsghdr *n, void *arg), void *arg)
{
	static uint32_t seq;
	int fd = nl_open(), ret;
	r->n.nlmsg_flags |= NLM_F_ACK;
	r->n.nlmsg_seq = ++seq + (uint32_t)time(NULL);
	if (send(fd, &r->n, r->n.nlmsg_len, 0) < 0)
		ret = -errno;
	else
		ret = nl_recv(fd, r->n.nlmsg_seq, cb, arg);
	close(fd);
	return ret;
}

int nl_dump(int type, int family, int (*cb)(struct nlmsghdr *n, void *arg), void *arg)
{
	struct {
		struct nlmsghdr n;
		struct rtgenmsg g;
	} req = { { NLMSG_LENGTH(sizeof(struct rtgenmsg)), (uint16_t)type,
		    NLM_F_REQUEST | NLM_F_DUMP, 1 + (uint32_t)time(NULL), 0 }, { (unsigned char)family } };
	int fd = nl_open(), ret;
	if (send(fd, &req, req.n.nlmsg_len, 0) < 0)
		ret = -errno;
	else
		ret = nl_recv(fd, req.n.nlmsg_seq, cb, arg);
	close(fd);
	return ret;
}

void nl_parse(struct rtattr **tb, int max, struct rtattr *rta, int len)
{
	memset(tb, 0, sizeof(*tb) * (size_t)(max + 1));
	for (; RTA_OK(rta, len); rta = RTA_NEXT(rta, len))
		if (rta->rta_type <= max)
			tb[rta->rta_type] = rta;
}
