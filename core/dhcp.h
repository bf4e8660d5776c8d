/* dhcp.h - DHCPv4 packets and options: the bounded parser a hostile server
 * talks to, the option table behind udhcpc's script environment, and the
 * builders for what the client sends.  No sockets here: see udhcpc.c. */
#ifndef DHCP_H
#define DHCP_H

#include <stddef.h>
#include <stdint.h>

enum { DHCP_SERVER_PORT = 67, DHCP_CLIENT_PORT = 68 };
#define DHCP_MAGIC 0x63825363u

enum {
	DHCPDISCOVER = 1, DHCPOFFER, DHCPREQUEST, DHCPDECLINE,
	DHCPACK, DHCPNAK, DHCPRELEASE, DHCPINFORM,
};

/* option codes the client itself looks at */
enum {
	DHO_PAD = 0, DHO_SUBNET = 1, DHO_ROUTER = 3, DHO_DNS = 6,
	DHO_HOSTNAME = 12, DHO_DOMAIN = 15, DHO_ROOTPATH = 17,
	DHO_BROADCAST = 28, DHO_NTP = 42, DHO_REQ_IP = 50, DHO_LEASE = 51,
	DHO_OVERLOAD = 52, DHO_MSGTYPE = 53, DHO_SERVER_ID = 54,
	DHO_PARAM_REQ = 55, DHO_MESSAGE = 56, DHO_MAX_SIZE = 57,
	DHO_T1 = 58, DHO_T2 = 59, DHO_VENDOR = 60, DHO_CLIENT_ID = 61,
	DHO_TFTP = 66, DHO_BOOTFILE = 67, DHO_FQDN = 81,
	DHO_SEARCH = 119, DHO_CLASSLESS = 121, DHO_MS_ROUTES = 249,
	DHO_END = 255,
};

/* The BOOTP/DHCP message as sent: 236 fixed bytes, the magic cookie, options. */
#define DHCP_OPT_SPACE 308	/* 576-byte minimum datagram less IP/UDP/fixed part */
struct dhcp_packet {
	uint8_t op, htype, hlen, hops;
	uint32_t xid;
	uint16_t secs, flags;
	uint32_t ciaddr, yiaddr, siaddr, giaddr;
	uint8_t chaddr[16];
	uint8_t sname[64];
	uint8_t file[128];
	uint32_t cookie;
	uint8_t options[DHCP_OPT_SPACE];
} __attribute__((packed));
#define DHCP_FIXED_LEN 240	/* offsetof(struct dhcp_packet, options) */

/* Largest DHCP payload we accept: an Ethernet frame's worth. */
#define DHCP_MAX_MSG 1500

/* A received message after dhcp_parse(): header fields in host-usable form and
 * each option's value, repeated instances already concatenated (RFC 3396). */
struct dhcp_msg {
	uint8_t op, type;		/* type: option 53, 0 if absent/bad */
	uint32_t xid;			/* as on the wire */
	uint32_t yiaddr, siaddr;	/* network order */
	uint8_t chaddr[16];
	int overload;			/* option 52: 1 file, 2 sname, 3 both */
	char sname[65], file[129];	/* NUL-terminated copies (unless overloaded) */
	uint8_t have[256];		/* option present (possibly with length 0) */
	uint16_t off[256], len[256];	/* value at data + off[code] */
	uint8_t data[DHCP_MAX_MSG];
};

/* Parse len bytes of DHCP payload (from the op byte on).  Returns 0, or -1
 * with *why set when the message must be dropped (short, bad cookie, an
 * option running past its field). */
int dhcp_parse(const uint8_t *buf, size_t len, struct dhcp_msg *m, const char **why);

/* Typed getters: 0 on success, -1 when absent or not exactly the right size
 * (the class of CVE-2018-20679 / CVE-2019-5747). */
int dhcp_get_u32(const struct dhcp_msg *m, int code, uint32_t *v);	/* host order */
int dhcp_get_ip(const struct dhcp_msg *m, int code, uint32_t *ip);	/* network order */

/* Script environment for a message: "name=value" strings, NULL-terminated,
 * malloc'd.  Values that fail validation are dropped and *dropped counts them;
 * report(name, why) is called for each (may be NULL). */
char **dhcp_env(const struct dhcp_msg *m, const char *ifname, unsigned *dropped,
		void (*report)(const char *name, const char *why));
void dhcp_env_free(char **env);
/* Is NAME one of the variables dhcp_env() may set (so an inherited one must go)? */
int dhcp_env_name(const char *name, size_t len);

/* Option name <-> code, for -O and -x: a table name or a number 1..254.
 * Returns the code or -1. */
int dhcp_opt_code(const char *s);
/* Parse -x OPT:VAL into code and value bytes; returns the value length or -1
 * (*why says what is wrong).  buf must hold 255 bytes. */
int dhcp_parse_xopt(const char *arg, uint8_t *code, uint8_t buf[255], const char **why);

/* Building: options are appended at *pos; return -1 when they do not fit. */
int dhcp_add_opt(struct dhcp_packet *p, unsigned *pos, int code, const void *val, unsigned len);
int dhcp_add_u32(struct dhcp_packet *p, unsigned *pos, int code, uint32_t v);	/* v host order */
int dhcp_end(struct dhcp_packet *p, unsigned *pos);	/* END; returns payload length */

/* RFC 1071 Internet checksum over len bytes (with a starting sum). */
uint16_t inet_csum(const void *data, size_t len, uint32_t sum);

#endif
