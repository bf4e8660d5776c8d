/* netif.h - network interface helpers shared by ifconfig, route, ip and
 * udhcpc: ioctls on an AF_INET socket and a small rtnetlink client. */
#ifndef NETIF_H
#define NETIF_H

#include <stddef.h>
#include <stdint.h>
#include <net/if.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

/* An AF_INET datagram socket for interface ioctls (opened once). */
int netif_sock(void);
/* ioctl on that socket with ifr_name set to ifname; dies "IFNAME: what: why". */
void netif_ioctl(const char *ifname, unsigned long req, struct ifreq *ifr, const char *what);
int netif_index(const char *ifname);	/* dies when there is no such interface */
int netif_hwaddr(const char *ifname, uint8_t mac[6]);	/* 0 or -1 */
/* Set and clear IFF_* flags. */
void netif_set_flags(const char *ifname, unsigned set, unsigned clear);

/* Dotted quad (network order) with no leftovers; 0 or -1. */
int parse_ip4(const char *s, uint32_t *ip);
/* "A.B.C.D[/N]" with N defaulting to dflt; 0 or -1. */
int parse_prefix(const char *s, uint32_t *ip, int *plen, int dflt);
uint32_t prefix_mask(int plen);		/* network order */
int mask_prefix(uint32_t mask);		/* network order in; -1 if not contiguous */
/* "aa:bb:cc:dd:ee:ff"; 0 or -1. */
int parse_mac(const char *s, uint8_t mac[6]);
const char *ip4_str(uint32_t ip);	/* static buffer, rotates over 4 */

/* ---- rtnetlink ---- */
struct nlreq {
	struct nlmsghdr n;
	union {
		struct ifinfomsg i;
		struct ifaddrmsg a;
		struct rtmsg r;
	} u;
	char attrs[1024];
};
void nl_init(struct nlreq *r, int type, int flags);	/* header for the u member in use */
void nl_attr(struct nlreq *r, int type, const void *data, size_t len);
void nl_attr32(struct nlreq *r, int type, uint32_t v);
/* Send and wait for the kernel's answer: 0 or -errno. */
int nl_talk(struct nlreq *r);
/* The same for a request the kernel answers with data (RTM_GETNSID): cb
 * sees the answer before the ACK. */
int nl_ask(struct nlreq *r, int (*cb)(struct nlmsghdr *n, void *arg), void *arg);
/* Dump request (RTM_GETLINK/GETADDR/GETROUTE): cb for each message; stops
 * early when cb returns non-zero.  Returns 0 or -errno. */
int nl_dump(int type, int family, int (*cb)(struct nlmsghdr *n, void *arg), void *arg);
/* Index attributes of a message into tb[0..max]. */
void nl_parse(struct rtattr **tb, int max, struct rtattr *rta, int len);

#endif
