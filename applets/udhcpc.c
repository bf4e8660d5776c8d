/* udhcpc - DHCPv4 client with busybox's command line and script interface */
//menu:Networking
//config:config UDHCPC
//config:	bool "udhcpc"
//config:	default y
//config:	help
//config:	  DHCP client for diskless boot: gets a lease over a raw socket,
//config:	  hands it to a script (busybox's events and variables), renews
//config:	  it.  Requests root-path (17) and the boot options by default.
//config:
//config:config UDHCPC_ARPING
//config:	bool "Support -a: ARP-check the offered address (DECLINE on conflict)"
//config:	depends on UDHCPC
//config:	default y
//config:
//config:config UDHCPC_DEFAULT_SCRIPT
//config:	string "Default script"
//config:	depends on UDHCPC
//config:	default "/usr/share/udhcpc/default.script"
//applet:udhcpc UDHCPC udhcpc_main "^>0i(interface):s(script):n(now)q(quit)b(background)f(foreground)t(retries)#T(timeout)#A(tryagain)#O(request-option)*o(no-default-options)x*V(vendorclass):F(fqdn):H(hostname):h:r(request):a(arping)R(release)S(syslog)p(pidfile):B(broadcast)C(clientid-none)v\001(deadline)#\002(carrier-timeout)#"
//usage:udhcpc [-fbqRnoaBCS] [-i IFACE] [-s PROG] [-t N] [-T SEC] [-A SEC] [-O OPT]... [-x OPT:VAL]...
//usage:
//usage:Get an IPv4 lease by DHCP and pass it to PROG $1 (deconfig bound renew nak
//usage:leasefail) with interface ip siaddr sname boot_file subnet mask router dns
//usage:domain hostname rootpath serverid lease ... in the environment.
//usage:	-i,--interface IFACE	interface (default eth0)
//usage:	-s,--script PROG	script to run
//usage:	-n,--now		exit 1 if no lease is obtained
//usage:	-q,--quit		exit after obtaining a lease
//usage:	-b,--background		background if no lease is obtained
//usage:	-f,--foreground		stay in the foreground
//usage:	-t,--retries N		DISCOVERs per attempt (3)
//usage:	-T,--timeout SEC	first wait for an answer, doubled per retry (3)
//usage:	-A,--tryagain SEC	wait after a failed attempt (20)
//usage:	-O,--request-option OPT	also request OPT (name or number)
//usage:	-o,--no-default-options	request no options but the -O ones
//usage:	-x OPT:VAL		send option (hostname:NAME, 0x3d:0100BEEF, 14:'"str"')
//usage:	-V,--vendorclass VC	vendor class (option 60)
//usage:	-F,--fqdn NAME		ask the server to update DNS for NAME
//usage:	-H,-h,--hostname NAME	send NAME as hostname
//usage:	-r,--request IP		request this address
//usage:	-a,--arping		ARP-check the offered address first
//usage:	-R,--release		release the lease on exit
//usage:	-S,--syslog		log to syslog too
//usage:	-p,--pidfile FILE	write the pid to FILE
//usage:	-B,--broadcast		ask for broadcast replies
//usage:	-C,--clientid-none	send no client identifier
//usage:	--deadline SEC		give up acquiring after SEC (with -n: 60, 0: never)
//usage:	--carrier-timeout SEC	wait at most SEC for link carrier (5)
//usage:Signals: USR1 renew, USR2 release.
#include "pxebox.h"
#include "dhcp.h"
#include "netif.h"
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <netinet/ip.h>
#include <netinet/udp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <syslog.h>

enum { INIT, SELECTING, REQUESTING, BOUND, RENEWING, REBINDING, RELEASED };
#define NEVER (LLONG_MAX / 4)

struct rawpkt {
	struct iphdr ip;
	struct udphdr udp;
	struct dhcp_packet d;
} __attribute__((packed));

static struct {
	const char *ifname, *script;
	int ifindex;
	uint8_t mac[6];
	int state, tries, retries, bg_done;
	long long next, t1, t2, expiry, deadline;
	uint32_t xid, offered, server, leased, reqip;	/* network order */
	int rawfd, udpfd, sigfd[2];
	uint8_t req[256];		/* parameter request list */
	unsigned nreq;
	uint8_t xcode[32], xlen[32], xval[32][255];	/* -x, -H, -F, -V options */
	unsigned nx;
	struct dhcp_msg msg;
	uint64_t rng;
} c;

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static uint32_t rnd(void)
{
	/* xorshift64*, seeded by seed_rng(): xids and jitter need only be
	 * unpredictable to an off-path guesser, not cryptographic */
	c.rng ^= c.rng >> 12;
	c.rng ^= c.rng << 25;
	c.rng ^= c.rng >> 27;
	return (uint32_t)((c.rng * 2685821657736338717ull) >> 32);
}

/* Progress messages: stderr (and syslog with -S).  Not errors, so the exit
 * status is left alone. */
static void note(const char *fmt, ...) PRINTF(1, 2);
static void note(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s\n", px.applet, buf);
	if (opt('S'))
		syslog(LOG_INFO, "%s", buf);
}

static void report_drop(const char *name, const char *why)
{
	note("ignoring option %s from server: %s", name, why);
}

/* ---- the script ---------------------------------------------------------- */

extern char **environ;

/* Run the script with the inherited environment, minus any variable a lease
 * could set (a stale one must not look like server data), plus m's values. */
static void run_script(const char *event, const struct dhcp_msg *m)
{
	char **denv, **envp;
	unsigned n = 0, dropped;
	pid_t pid;
	int st;

	if (m)
		denv = dhcp_env(m, c.ifname, &dropped, report_drop);
	else {
		denv = xzalloc(2 * sizeof(char *));
		denv[0] = xasprintf("interface=%s", c.ifname);
	}
	for (char **e = environ; *e; e++)
		n++;
	for (char **e = denv; *e; e++)
		n++;
	envp = xmalloc((n + 1) * sizeof(char *));
	n = 0;
	for (char **e = environ; *e; e++) {
		const char *eq = strchr(*e, '=');
		if (eq && !dhcp_env_name(*e, (size_t)(eq - *e)))
			envp[n++] = *e;
	}
	for (char **e = denv; *e; e++)
		envp[n++] = *e;
	envp[n] = NULL;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { (char *)c.script, (char *)event, NULL };
		signal(SIGPIPE, SIG_DFL);	/* ours is ignored; the script's must not be */
		execve(c.script, argv, envp);
		fprintf(stderr, "%s: %s: %s\n", px.applet, c.script, strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		pwarn("fork");
	else
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
	free(envp);
	dhcp_env_free(denv);
}

/* ---- sockets --------------------------------------------------------------- */

static int raw_open(void)
{
	/* only UDP to port 68 and not a fragment: the kernel drops the rest */
	static struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 9),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, IPPROTO_UDP, 0, 6),
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 6),
		BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, 0x1fff, 4, 0),
		BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 0),
		BPF_STMT(BPF_LD | BPF_H | BPF_IND, 2),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, DHCP_CLIENT_PORT, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_fprog prog = { ARRAY_SIZE(f), f };
	struct sockaddr_ll sa = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_IP),
				  .sll_ifindex = c.ifindex };
	int one = 1, fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, htons(ETH_P_IP));
	if (fd < 0)
		pdie("raw socket");
	if (setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof(prog)) < 0)
		pwarn("can't attach filter");
	/* tells us when a local peer (veth) left the UDP checksum to hardware */
	setsockopt(fd, SOL_PACKET, PACKET_AUXDATA, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		pdie("bind raw socket to %s", c.ifname);
	return fd;
}

/* UDP socket on the leased address, for unicast renew and release. */
static int udp_open(uint32_t ip)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(DHCP_CLIENT_PORT),
				  .sin_addr.s_addr = ip };
	int one = 1, fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, c.ifname, (socklen_t)strlen(c.ifname) + 1);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static uint32_t sum16(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint32_t s = 0;
	for (size_t i = 0; i + 1 < len; i += 2)
		s += (uint32_t)b[i] << 8 | b[i + 1];
	return s;
}

/* Read one frame from the raw socket; 0 and c.msg filled if it is a sound
 * UDP datagram to port 68 carrying a parseable DHCP message. */
static int recv_raw(void)
{
	uint8_t buf[60 + 8 + DHCP_MAX_MSG + 1];
	union {
		struct cmsghdr h;
		char b[CMSG_SPACE(sizeof(struct tpacket_auxdata))];
	} cm;
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &cm,
			     .msg_controllen = sizeof(cm) };
	ssize_t n = recvmsg(c.rawfd, &mh, MSG_DONTWAIT);
	size_t ihl, tot, ulen;
	int csum_ok = 0;
	const char *why;

	if (n < 0)
		return -1;
	for (struct cmsghdr *h = CMSG_FIRSTHDR(&mh); h; h = CMSG_NXTHDR(&mh, h)) {
		struct tpacket_auxdata aux;
		if (h->cmsg_level != SOL_PACKET || h->cmsg_type != PACKET_AUXDATA)
			continue;
		memcpy(&aux, CMSG_DATA(h), sizeof(aux));
		if (aux.tp_status & TP_STATUS_CSUMNOTREADY)
			csum_ok = 1;
	}
	if (n < 28 || (buf[0] >> 4) != 4)
		return -1;
	ihl = (size_t)(buf[0] & 15) * 4;
	tot = (size_t)buf[2] << 8 | buf[3];
	if (ihl < 20 || tot > (size_t)n || tot < ihl + 8 || buf[9] != IPPROTO_UDP ||
	    ((buf[6] << 8 | buf[7]) & 0x3fff) || inet_csum(buf, ihl, 0))
		return -1;
	ulen = (size_t)buf[ihl + 4] << 8 | buf[ihl + 5];
	if ((buf[ihl + 2] << 8 | buf[ihl + 3]) != DHCP_CLIENT_PORT || ulen < 8 || ulen > tot - ihl)
		return -1;
	if (!csum_ok && (buf[ihl + 6] | buf[ihl + 7])) {
		/* pseudo header: addresses, protocol, UDP length */
		uint32_t s = sum16(buf + 12, 8) + IPPROTO_UDP + (uint32_t)ulen;
		if (inet_csum(buf + ihl, ulen, s))
			return -1;
	}
	if (dhcp_parse(buf + ihl + 8, ulen - 8, &c.msg, &why)) {
		note("dropping packet: %s", why);
		return -1;
	}
	return 0;
}

static int recv_udp(void)
{
	uint8_t buf[DHCP_MAX_MSG + 1];
	ssize_t n = recv(c.udpfd, buf, sizeof(buf), MSG_DONTWAIT);
	const char *why;
	if (n < 0)
		return -1;
	if (dhcp_parse(buf, (size_t)n, &c.msg, &why)) {
		note("dropping packet: %s", why);
		return -1;
	}
	return 0;
}

/* Broadcast frame with hand-made IP and UDP headers: works before the
 * interface has an address. */
static void send_raw(struct dhcp_packet *d, int len, uint32_t src, uint32_t dst)
{
	struct rawpkt p;
	struct sockaddr_ll sa = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_IP),
				  .sll_ifindex = c.ifindex, .sll_halen = 6 };
	uint32_t s;

	memset(&p, 0, sizeof(p));
	memcpy(&p.d, d, (size_t)len);
	memset(sa.sll_addr, 0xff, 6);
	p.ip.saddr = src;
	p.ip.daddr = dst;
	p.udp.source = htons(DHCP_CLIENT_PORT);
	p.udp.dest = htons(DHCP_SERVER_PORT);
	p.udp.len = htons((uint16_t)(8 + len));
	s = sum16(&p.ip.saddr, 8) + IPPROTO_UDP + 8 + (uint32_t)len;
	p.udp.check = inet_csum(&p.udp, 8 + (size_t)len, s);
	if (!p.udp.check)
		p.udp.check = 0xffff;
	p.ip.version = 4;
	p.ip.ihl = 5;
	p.ip.tos = IPTOS_LOWDELAY;
	p.ip.tot_len = htons((uint16_t)(28 + len));
	p.ip.ttl = 64;
	p.ip.protocol = IPPROTO_UDP;
	p.ip.check = inet_csum(&p.ip, 20, 0);
	if (sendto(c.rawfd, &p, 28 + (size_t)len, 0, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		pwarn("send on %s", c.ifname);
}

/* Unicast to the server from the leased address; falls back to the raw
 * socket when the address is not configured (a script that only logs). */
static void send_unicast(struct dhcp_packet *d, int len)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(DHCP_SERVER_PORT),
				  .sin_addr.s_addr = c.server };
	if (c.udpfd < 0)
		c.udpfd = udp_open(c.leased);
	if (c.udpfd >= 0 && sendto(c.udpfd, d, (size_t)len, 0, (struct sockaddr *)&to, sizeof(to)) >= 0)
		return;
	send_raw(d, len, c.leased, c.server);
}

/* ---- messages ---------------------------------------------------------------- */

static unsigned init_packet(struct dhcp_packet *d, int type)
{
	unsigned pos = 0;
	uint8_t t = (uint8_t)type, cid[7];
	uint16_t maxsz = htons(1500);

	memset(d, 0, sizeof(*d));
	d->op = 1;
	d->htype = 1;
	d->hlen = 6;
	d->xid = c.xid;
	d->cookie = htonl(DHCP_MAGIC);
	if (opt('B'))
		d->flags = htons(0x8000);
	memcpy(d->chaddr, c.mac, 6);
	dhcp_add_opt(d, &pos, DHO_MSGTYPE, &t, 1);
	if (!opt('C')) {
		cid[0] = 1;
		memcpy(cid + 1, c.mac, 6);
		dhcp_add_opt(d, &pos, DHO_CLIENT_ID, cid, 7);
	}
	if (type == DHCPDISCOVER || type == DHCPREQUEST) {
		dhcp_add_opt(d, &pos, DHO_MAX_SIZE, &maxsz, 2);
		if (c.nreq)
			dhcp_add_opt(d, &pos, DHO_PARAM_REQ, c.req, c.nreq);
		for (unsigned i = 0; i < c.nx; i++)
			if (dhcp_add_opt(d, &pos, c.xcode[i], c.xval[i], c.xlen[i]))
				note("option %d does not fit in the packet", c.xcode[i]);
	}
	return pos;
}

static void send_discover(void)
{
	struct dhcp_packet d;
	unsigned pos = init_packet(&d, DHCPDISCOVER);
	if (c.reqip)
		dhcp_add_opt(&d, &pos, DHO_REQ_IP, &c.reqip, 4);
	note("broadcasting discover");
	send_raw(&d, dhcp_end(&d, &pos), 0, INADDR_BROADCAST);
}

static void send_select(void)
{
	struct dhcp_packet d;
	unsigned pos = init_packet(&d, DHCPREQUEST);
	dhcp_add_opt(&d, &pos, DHO_REQ_IP, &c.offered, 4);
	dhcp_add_opt(&d, &pos, DHO_SERVER_ID, &c.server, 4);
	note("broadcasting select for %s, server %s", ip4_str(c.offered), ip4_str(c.server));
	send_raw(&d, dhcp_end(&d, &pos), 0, INADDR_BROADCAST);
}

static void send_renew(int broadcast)
{
	struct dhcp_packet d;
	unsigned pos = init_packet(&d, DHCPREQUEST);
	int len;
	d.ciaddr = c.leased;
	len = dhcp_end(&d, &pos);
	if (broadcast) {
		note("broadcasting rebind for %s", ip4_str(c.leased));
		send_raw(&d, len, c.leased, INADDR_BROADCAST);
	} else {
		note("sending renew to %s", ip4_str(c.server));
		send_unicast(&d, len);
	}
}

static void send_release(void)
{
	struct dhcp_packet d;
	unsigned pos = init_packet(&d, DHCPRELEASE);
	d.ciaddr = c.leased;
	dhcp_add_opt(&d, &pos, DHO_SERVER_ID, &c.server, 4);
	note("sending release of %s to %s", ip4_str(c.leased), ip4_str(c.server));
	send_unicast(&d, dhcp_end(&d, &pos));
}

static void send_decline(uint32_t ip)
{
	struct dhcp_packet d;
	unsigned pos = init_packet(&d, DHCPDECLINE);
	dhcp_add_opt(&d, &pos, DHO_REQ_IP, &ip, 4);
	dhcp_add_opt(&d, &pos, DHO_SERVER_ID, &c.server, 4);
	note("broadcasting decline for %s", ip4_str(ip));
	send_raw(&d, dhcp_end(&d, &pos), 0, INADDR_BROADCAST);
}

/* RFC 5227 probe: does anyone answer ARP for ip within ms? */
static int arp_conflict(uint32_t ip, int ms)
{
	struct arpmsg {
		uint16_t htype, ptype;
		uint8_t hlen, plen;
		uint16_t op;
		uint8_t sha[6], spa[4], tha[6], tpa[4];
	} __attribute__((packed)) q = { htons(1), htons(ETH_P_IP), 6, 4, htons(1) }, r;
	struct sockaddr_ll sa = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ARP),
				  .sll_ifindex = c.ifindex, .sll_halen = 6 };
	int fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, htons(ETH_P_ARP));
	long long end = now_ms() + ms, left;

	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		pwarn("arp socket");
		if (fd >= 0)
			close(fd);
		return 0;
	}
	memset(sa.sll_addr, 0xff, 6);
	memcpy(q.sha, c.mac, 6);
	memcpy(q.tpa, &ip, 4);
	if (sendto(fd, &q, sizeof(q), 0, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		pwarn("arp send");
	while ((left = end - now_ms()) > 0) {
		struct pollfd p = { fd, POLLIN, 0 };
		if (poll(&p, 1, (int)left) <= 0)
			continue;
		if (recv(fd, &r, sizeof(r), MSG_DONTWAIT) == (ssize_t)sizeof(r) &&
		    r.ptype == htons(ETH_P_IP) && !memcmp(r.spa, &ip, 4) && memcmp(r.sha, c.mac, 6)) {
			close(fd);
			return 1;
		}
	}
	close(fd);
	return 0;
}

/* ---- timers ---------------------------------------------------------------- */

/* RFC 2131 4.1: the wait doubles per retransmission up to 64 s and is
 * randomized by up to a second (a quarter for very short waits). */
static long long backoff(int n)
{
	long long base = optnum('T', 3) * 1000LL, j;
	for (int i = 0; i < n && base < 64000; i++)
		base *= 2;
	if (base > 64000)
		base = 64000;
	j = base / 4 < 1000 ? base / 4 : 1000;
	return base - j + (j ? (long long)(rnd() % (uint32_t)(2 * j + 1)) : 0);
}

static void new_xid(void)
{
	c.xid = rnd();
}

static void pidfile_write(void)
{
	const char *pf = optstr('p');
	char *tmp;
	int fd;
	if (!pf)
		return;
	tmp = xasprintf("%s.%d.tmp", pf, (int)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || dprintf(fd, "%d\n", (int)getpid()) < 0 || close(fd) || rename(tmp, pf)) {
		pwarn("%s", pf);
		unlink(tmp);
	}
	free(tmp);
}

static void finish(int code)
{
	if (optstr('p'))
		unlink(optstr('p'));
	xexit(code);
}

static void daemonize(void)
{
	pid_t pid;
	int fd;
	if (c.bg_done || opt('f'))
		return;
	c.bg_done = 1;
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		pdie("fork");
	if (pid)
		_exit(0);
	setsid();
	fd = open("/dev/null", O_RDWR);
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	if (chdir("/")) {
		/* nothing holds us anywhere else; failure changes nothing */
	}
	pidfile_write();
}

static void release_lease(void)
{
	if (c.leased) {
		send_release();
		run_script("deconfig", NULL);
		c.leased = 0;
	}
	if (c.udpfd >= 0) {
		close(c.udpfd);
		c.udpfd = -1;
	}
}

static void restart(long long delay)
{
	c.state = INIT;
	c.next = now_ms() + delay;
	c.tries = 0;
	if (c.udpfd >= 0) {
		close(c.udpfd);
		c.udpfd = -1;
	}
}

/* No lease this round: leasefail, then give up (-n), background (-b) or
 * try again after -A seconds. */
static void lease_failed(void)
{
	note("no lease, failing");
	run_script("leasefail", NULL);
	if (opt('n'))
		finish(1);
	if (opt('b'))
		daemonize();
	restart(optnum('A', 20) * 1000LL);
}

/* ---- the state machine --------------------------------------------------------- */

static void timeout(void)
{
	long long now = now_ms();
	switch (c.state) {
	case INIT:
		new_xid();
		c.tries = 0;
		c.state = SELECTING;
		/* fall through */
	case SELECTING:
		if (c.tries >= c.retries) {
			lease_failed();
			return;
		}
		send_discover();
		c.next = now + backoff(c.tries++);
		return;
	case REQUESTING:
		if (c.tries >= c.retries) {
			restart(0);
			return;
		}
		send_select();
		c.next = now + backoff(c.tries++);
		return;
	case BOUND:
		new_xid();
		c.state = RENEWING;
		/* fall through */
	case RENEWING:
		if (now >= c.t2) {
			c.state = REBINDING;
			timeout();
			return;
		}
		send_renew(0);
		/* RFC 2131 4.4.5: retransmit after half the time left to T2 */
		c.next = now + ((c.t2 - now) / 2 > 2000 ? (c.t2 - now) / 2 : 2000);
		if (c.next > c.t2)
			c.next = c.t2;
		return;
	case REBINDING:
		if (now >= c.expiry) {
			note("lease lost, entering init state");
			run_script("deconfig", NULL);
			c.leased = 0;
			restart(0);
			return;
		}
		send_renew(1);
		c.next = now + ((c.expiry - now) / 2 > 2000 ? (c.expiry - now) / 2 : 2000);
		if (c.next > c.expiry)
			c.next = c.expiry;
		return;
	default:
		c.next = NEVER;
	}
}

/* An address no host can be given: unset, loopback, multicast, class E,
 * broadcast.  A server offering one is broken or hostile. */
static int bad_addr(uint32_t ip)
{
	uint32_t h = ntohl(ip);
	return !h || (h >> 24) == 127 || (h >> 24) == 0 || h >= 0xe0000000u;
}

static void got_ack(void)
{
	uint32_t lease = 3600, t1, t2, sid = 0, ip = c.msg.yiaddr;
	long long now = now_ms(), ms;
	const char *event = "bound";

	if (bad_addr(ip)) {
		note("ignoring ACK for unusable address %s", ip4_str(ip));
		return;
	}
	if (dhcp_get_u32(&c.msg, DHO_LEASE, &lease))
		note("no lease time in ACK, assuming 1 hour");
	if (!dhcp_get_ip(&c.msg, DHO_SERVER_ID, &sid))
		c.server = sid;
	if (ENABLE_UDHCPC_ARPING && opt('a') && c.state == REQUESTING && arp_conflict(ip, 2000)) {
		note("%s is in use, declining", ip4_str(ip));
		send_decline(ip);
		restart(10000);
		return;
	}
	if (c.leased && c.leased == ip)
		event = "renew";
	else if (c.leased)
		run_script("deconfig", NULL);
	/* lease timers; T1/T2 from the server when they are sane */
	if (lease < 10)
		lease = 10;
	ms = lease * 1000LL;
	if (dhcp_get_u32(&c.msg, DHO_T1, &t1) || !t1 || t1 >= lease)
		t1 = lease / 2;
	if (dhcp_get_u32(&c.msg, DHO_T2, &t2) || t2 <= t1 || t2 >= lease)
		t2 = lease - lease / 8;
	if (lease == 0xffffffff) {
		c.t1 = c.t2 = c.expiry = NEVER;
	} else {
		c.t1 = now + t1 * 1000LL;
		c.t2 = now + t2 * 1000LL;
		c.expiry = now + ms;
	}
	note("lease of %s obtained from %s, lease time %lu", ip4_str(ip), ip4_str(c.server),
	     (unsigned long)lease);
	if (c.udpfd >= 0 && c.leased != ip) {
		close(c.udpfd);
		c.udpfd = -1;
	}
	c.leased = ip;
	c.state = BOUND;
	c.deadline = NEVER;	/* it bounds the first lease, not a later loss */
	c.next = c.t1;
	run_script(event, &c.msg);
	if (opt('q')) {
		if (opt('R'))
			release_lease();
		finish(0);
	}
	daemonize();
}

static void got_nak(void)
{
	uint32_t sid;
	/* a NAK naming another server is not about our request */
	if (c.state != REBINDING && !dhcp_get_ip(&c.msg, DHO_SERVER_ID, &sid) && sid != c.server)
		return;
	note("received NAK");
	run_script("nak", &c.msg);
	if (c.leased) {
		run_script("deconfig", NULL);
		c.leased = 0;
	}
	restart(3000);
}

static void packet(void)
{
	struct dhcp_msg *m = &c.msg;
	uint32_t sid;

	if (m->op != 2 || m->xid != c.xid || memcmp(m->chaddr, c.mac, 6))
		return;
	switch (c.state) {
	case SELECTING:
		if (m->type != DHCPOFFER)
			return;
		if (dhcp_get_ip(m, DHO_SERVER_ID, &sid) || bad_addr(m->yiaddr)) {
			note("ignoring OFFER without server ID or usable address");
			return;
		}
		c.offered = m->yiaddr;
		c.server = sid;
		c.state = REQUESTING;
		c.tries = 0;
		c.next = 0;	/* send the REQUEST now */
		return;
	case REQUESTING:
		if (m->type == DHCPACK) {
			/* only the server we selected may answer */
			if (dhcp_get_ip(m, DHO_SERVER_ID, &sid) || sid != c.server)
				return;
			got_ack();
		} else if (m->type == DHCPNAK)
			got_nak();
		return;
	case RENEWING:
	case REBINDING:
		if (m->type == DHCPACK)
			got_ack();
		else if (m->type == DHCPNAK)
			got_nak();
		return;
	}
}

static void on_signal(int sig)
{
	int e = errno;
	unsigned char s = (unsigned char)sig;
	if (write(c.sigfd[1], &s, 1) < 0) {
		/* pipe full: a signal of that kind is already pending */
	}
	errno = e;
}

static void signalled(void)
{
	unsigned char s;
	while (read(c.sigfd[0], &s, 1) == 1) {
		switch (s) {
		case SIGUSR1:
			note("performing DHCP renew");
			if (c.leased) {
				c.state = BOUND;
				c.next = 0;
			} else
				restart(0);
			break;
		case SIGUSR2:
			note("performing DHCP release");
			release_lease();
			c.state = RELEASED;
			c.next = NEVER;
			break;
		default:
			note("received %s", strsignal(s));
			if (opt('R'))
				release_lease();
			finish(0);
		}
	}
}

static void add_req(int code)
{
	for (unsigned i = 0; i < c.nreq; i++)
		if (c.req[i] == code)
			return;
	c.req[c.nreq++] = (uint8_t)code;
}

static void add_x(int code, const void *val, size_t len)
{
	if (c.nx == ARRAY_SIZE(c.xcode))
		die("too many options to send");
	if (len > 255)
		die("option %d: value longer than 255 bytes", code);
	c.xcode[c.nx] = (uint8_t)code;
	c.xlen[c.nx] = (uint8_t)len;
	memcpy(c.xval[c.nx++], val, len);
}

/* Early in boot the kernel's pool is not ready yet, and a read of /dev/urandom
 * then first runs the kernel's jitter-entropy loop: over a second under QEMU
 * TCG, right on the boot path.  GRND_INSECURE (Linux 5.6) never waits; older
 * kernels refuse it, and then the clock, pid and MAC are enough for xids. */
static void seed_rng(void)
{
	uint64_t r = 0;
	struct timespec ts;
#ifdef SYS_getrandom
	if (syscall(SYS_getrandom, &r, sizeof(r), 0x0004 /* GRND_INSECURE */) != sizeof(r) &&
	    syscall(SYS_getrandom, &r, sizeof(r), 0x0001 /* GRND_NONBLOCK */) != sizeof(r))
		r = 0;
#endif
	clock_gettime(CLOCK_REALTIME, &ts);
	c.rng = r ^ (uint64_t)ts.tv_nsec << 20 ^ (uint64_t)ts.tv_sec ^ (uint64_t)getpid() << 32 ^
		((uint64_t)c.mac[5] << 40 | (uint64_t)c.mac[4] << 48 | c.mac[3]);
	if (!c.rng)
		c.rng = 1;
}

static void setup(void)
{
	static const uint8_t dflt[] = { DHO_SUBNET, DHO_ROUTER, DHO_DNS, DHO_HOSTNAME, DHO_DOMAIN,
					DHO_BROADCAST, DHO_NTP, DHO_ROOTPATH };
	const char *vc = optstr('V') ? optstr('V') : "pxebox";
	const char *host = optstr('H') ? optstr('H') : optstr('h');

	c.ifname = optstr('i') ? optstr('i') : "eth0";
	c.script = optstr('s') ? optstr('s') : CONFIG_UDHCPC_DEFAULT_SCRIPT;
	c.retries = (int)optnum('t', 3);
	if (c.retries < 1 || optnum('T', 3) < 1 || optnum('A', 20) < 0)
		die("retries and timeouts must be positive");
	if (optstr('r') && parse_ip4(optstr('r'), &c.reqip))
		die("bad address '%s'", optstr('r'));
	if (!opt('o'))
		for (unsigned i = 0; i < sizeof(dflt); i++)
			add_req(dflt[i]);
	for (char **o = optlist('O'); *o; o++) {
		int code = dhcp_opt_code(*o);
		if (code < 0)
			die("unknown option '%s'", *o);
		add_req(code);
	}
	if (*vc)
		add_x(DHO_VENDOR, vc, strlen(vc));
	if (host)
		add_x(DHO_HOSTNAME, host, strlen(host));
	if (optstr('F')) {
		/* RFC 4702: flags (S: server updates the A record), two rcodes, name */
		uint8_t f[255] = { 1, 0, 0 };
		size_t l = strlen(optstr('F'));
		if (l > 252)
			die("fqdn too long");
		memcpy(f + 3, optstr('F'), l);
		add_x(DHO_FQDN, f, l + 3);
	}
	for (char **x = optlist('x'); *x; x++) {
		uint8_t code, val[255];
		const char *why;
		int l = dhcp_parse_xopt(*x, &code, val, &why);
		if (l < 0)
			die("bad -x '%s': %s", *x, why);
		add_x(code, val, (size_t)l);
	}
	c.ifindex = netif_index(c.ifname);
	if (netif_hwaddr(c.ifname, c.mac))
		pdie("%s: can't get hardware address", c.ifname);
	seed_rng();
	c.udpfd = -1;
}

/* Link carrier: sysfs when it shows this interface, else IFF_RUNNING (a
 * sysfs mounted for another network namespace, or none at all). */
static int carrier(const char *path)
{
	struct ifreq ifr = { 0 };
	char *s = read_file(path, NULL);
	int up;
	if (s || errno != ENOENT) {
		up = s && s[0] == '1';
		free(s);
		return up;
	}
	strncpy(ifr.ifr_name, c.ifname, IFNAMSIZ - 1);
	return ioctl(netif_sock(), SIOCGIFFLAGS, &ifr) == 0 && (ifr.ifr_flags & IFF_RUNNING);
}

/* Bounded wait for link carrier, so the first DISCOVER is not lost on a
 * NIC that is still negotiating. */
static void wait_carrier(void)
{
	char *path = xasprintf("/sys/class/net/%s/carrier", c.ifname);
	long long end = now_ms() + optnum('\002', 5) * 1000LL;
	while (!carrier(path)) {
		if (now_ms() >= end) {
			note("no carrier on %s, trying anyway", c.ifname);
			break;
		}
		usleep(20000);
	}
	free(path);
}

int udhcpc_main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_signal };
	int sigs[] = { SIGUSR1, SIGUSR2, SIGTERM, SIGINT };
	long long dl;

	setup();
	if (opt('S'))
		openlog("udhcpc", LOG_PID, LOG_DAEMON);
	if (pipe2(c.sigfd, O_CLOEXEC | O_NONBLOCK))
		pdie("pipe");
	for (unsigned i = 0; i < ARRAY_SIZE(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	pidfile_write();
	note("started, pxebox");

	run_script("deconfig", NULL);
	netif_set_flags(c.ifname, IFF_UP, 0);
	c.rawfd = raw_open();
	wait_carrier();

	/* the deadline bounds getting a lease, NAK loops included */
	dl = optnum('\001', opt('n') ? 60 : 0);
	if (dl < 0)
		die("bad deadline");
	c.deadline = dl ? now_ms() + dl * 1000 : NEVER;
	restart(0);

	for (;;) {
		struct pollfd p[3] = { { c.sigfd[0], POLLIN, 0 }, { -1, POLLIN, 0 }, { -1, POLLIN, 0 } };
		long long now = now_ms(), wait;
		int listen = c.state == SELECTING || c.state == REQUESTING ||
			     c.state == RENEWING || c.state == REBINDING;

		if (!c.leased && c.state != RELEASED && now >= c.deadline) {
			note("deadline reached");
			c.deadline = NEVER;
			lease_failed();
			continue;
		}
		if (now >= c.next) {
			timeout();
			continue;
		}
		/* while renewing, a server may answer by unicast (the UDP socket)
		 * or by broadcast, which only the raw socket sees */
		if (listen)
			p[1].fd = c.rawfd;
		if (c.state == RENEWING && c.udpfd >= 0)
			p[2].fd = c.udpfd;
		wait = c.next - now;
		if (!c.leased && c.deadline - now < wait)
			wait = c.deadline - now;
		if (wait > 3600000)
			wait = 3600000;
		if (poll(p, 3, (int)wait) < 0) {
			if (errno != EINTR)
				pdie("poll");
			continue;
		}
		if (p[0].revents)
			signalled();
		if ((p[1].revents & POLLIN) && !recv_raw())
			packet();
		if ((p[2].revents & POLLIN) && !recv_udp())
			packet();
	}
	return 0;
}
