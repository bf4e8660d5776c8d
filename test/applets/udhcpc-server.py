#!/usr/bin/env python3
"""A tiny scriptable DHCP server for udhcpc.test: well-behaved, NAKing,
deaf to unicast (forces a rebind), or hostile (crafted options for the
udhcp CVE classes).  Runs inside the test's server namespace; answers go
to the broadcast address so the client needs no address yet.

usage: udhcpc-server.py IFACE MODE LOGFILE
Each received message is logged as "TYPE ciaddr=A dst=D" (one line)."""
import socket
import struct
import sys

IFACE, MODE, LOG = sys.argv[1], sys.argv[2], sys.argv[3]
SERVER = socket.inet_aton("10.99.0.1")
OFFER_IP = socket.inet_aton("10.99.0.77")
IP_PKTINFO = getattr(socket, "IP_PKTINFO", 8)  # not every Python build names it
NAMES = {1: "DISCOVER", 3: "REQUEST", 4: "DECLINE", 7: "RELEASE", 8: "INFORM"}


def opt(code, data):
    return bytes([code, len(data)]) + data


def u32(v):
    return struct.pack("!I", v)


def good_opts(lease):
    return (opt(54, SERVER) + opt(51, u32(lease)) + opt(1, socket.inet_aton("255.255.255.0"))
            + opt(3, SERVER) + opt(17, b"10.99.0.1:/srv/nfsroot"))


def hostile(kind):
    """Options (after message type) for each hostile mode."""
    base = opt(54, SERVER) + opt(1, socket.inet_aton("255.255.255.0"))
    if kind == "shell":  # CVE-2011-2716: shell syntax in string options
        return (base + opt(51, u32(600)) + opt(12, b"$(touch /tmp/pwned-udhcpc);x")
                + opt(15, b"a.org;reboot") + opt(17, b"/srv/`id`") + opt(40, b"nis domain")
                + opt(66, b"tftp\x00evil") + opt(67, b"-rf /"))
    if kind == "short32":  # CVE-2018-20679 / CVE-2019-5747: 4-byte options too short
        return opt(54, SERVER) + opt(51, b"\x01") + opt(1, b"\xff\xff") + opt(28, b"\x0a")
    if kind == "routes":  # classless routes: prefix > 32, routes running past the end
        return (base + opt(51, u32(600)) + opt(121, bytes([33, 10, 0, 0, 0, 10, 99, 0, 1]))
                + opt(249, bytes([24, 10, 1, 2, 10, 99])) + opt(3, b"\x0a\x63\x00"))
    if kind == "dname":  # CVE-2016-2147 class: looping and forward compression pointers
        loop = bytes([1, 97, 0xC0, 0])  # "a", then a pointer back to its own start
        fwd = bytes([0xC0, 4, 0, 0, 1, 98, 0])  # a pointer forwards
        big = bytes([63]) + b"a" * 63
        return base + opt(51, u32(600)) + opt(119, loop) + opt(119 + 0, fwd) + opt(209, big + big)
    if kind == "concat":  # CVE-2016-2148 class: RFC 3396 pieces adding up past 255
        return (base + opt(51, u32(600)) + b"".join(opt(12, b"h" * 100) for _ in range(3))
                + b"".join(opt(17, b"/" + b"p" * 200) for _ in range(2)))
    if kind == "overload":  # option 52 moves options into file and sname
        return base + opt(51, u32(600)) + opt(52, b"\x03")
    raise SystemExit("unknown mode " + kind)


def reply(req, mtype, extra, file_field=b"", sname_field=b""):
    xid = req[4:8]
    chaddr = req[28:44]
    # decline: an address in use; loopback: one no client may take
    yiaddr = SERVER if MODE == "decline" else socket.inet_aton("127.0.0.9") if MODE == "loopback" else OFFER_IP
    pkt = bytes([2, 1, 6, 0]) + xid + b"\0\0\0\0" + b"\0" * 4 + yiaddr + SERVER + b"\0" * 4
    pkt += chaddr + sname_field.ljust(64, b"\0") + file_field.ljust(128, b"\0")
    pkt += struct.pack("!I", 0x63825363) + opt(53, bytes([mtype])) + extra
    return pkt


def main():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, IFACE.encode())
    s.setsockopt(socket.IPPROTO_IP, IP_PKTINFO, 1)
    s.bind(("0.0.0.0", 67))
    log = open(LOG, "a", buffering=1)
    while True:
        data, anc, _, _ = s.recvmsg(2048, 256)
        dst = "?"
        for level, typ, val in anc:
            if level == socket.IPPROTO_IP and typ == IP_PKTINFO:
                dst = socket.inet_ntoa(val[8:12])
        if len(data) < 240 or data[236:240] != b"\x63\x82\x53\x63":
            continue
        i, mtype = 240, 0
        while i + 1 < len(data) and data[i] != 255:
            if data[i] == 0:
                i += 1
                continue
            if data[i] == 53:
                mtype = data[i + 2]
            i += 2 + data[i + 1]
        ciaddr = socket.inet_ntoa(data[12:16])
        log.write("%s ciaddr=%s dst=%s\n" % (NAMES.get(mtype, mtype), ciaddr, dst))
        answer = None
        if mtype == 1:
            if MODE in ("normal", "deaf-unicast", "nak", "decline", "short", "loopback"):
                answer = reply(data, 2, good_opts(600) + b"\xff")
            elif MODE == "overload":
                answer = reply(data, 2, hostile("overload") + b"\xff",
                               file_field=opt(12, b"fromfile") + b"\xff",
                               sname_field=opt(17, b"/from/sname") + b"\xff")
            elif MODE == "truncated":  # the last option claims more than the packet has
                answer = reply(data, 2, good_opts(600) + bytes([12, 200]) + b"abc")
            else:
                answer = reply(data, 2, hostile(MODE) + b"\xff")
        elif mtype == 3:
            if MODE == "nak":
                answer = reply(data, 6, opt(54, SERVER) + opt(56, b"address not available") + b"\xff")
            elif MODE == "deaf-unicast":
                if dst == "255.255.255.255":
                    answer = reply(data, 5, opt(54, SERVER) + opt(51, u32(12)) + opt(58, u32(3))
                                   + opt(59, u32(6)) + opt(1, socket.inet_aton("255.255.255.0")) + b"\xff")
            elif MODE == "short":  # answers every REQUEST, renewals too, by broadcast
                answer = reply(data, 5, opt(54, SERVER) + opt(51, u32(20)) + opt(58, u32(2))
                               + opt(59, u32(15)) + opt(1, socket.inet_aton("255.255.255.0")) + b"\xff")
            elif MODE in ("normal", "decline", "loopback"):
                answer = reply(data, 5, good_opts(600) + b"\xff")
            elif MODE == "overload":
                answer = reply(data, 5, hostile("overload") + b"\xff",
                               file_field=opt(12, b"fromfile") + b"\xff",
                               sname_field=opt(17, b"/from/sname") + b"\xff")
            elif MODE == "truncated":
                answer = reply(data, 5, good_opts(600) + bytes([12, 200]) + b"abc")
            else:
                answer = reply(data, 5, hostile(MODE) + b"\xff")
        if answer:
            s.sendto(answer, ("255.255.255.255", 68))


if __name__ == "__main__":
    main()
