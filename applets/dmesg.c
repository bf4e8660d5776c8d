/* dmesg - print or control the kernel ring buffer */
//menu:System
//config:config DMESG
//config:	bool "dmesg"
//config:	default y
//config:	help
//config:	  Print the kernel's message buffer.
//applet:dmesg DMESG dmesg_main ">0cCn:s#r"
//usage:dmesg [-cCr] [-n LEVEL] [-s SIZE]
//usage:
//usage:Print the kernel's message buffer.
//usage:	-c	clear the buffer after printing	-C	clear it without printing
//usage:	-n LEVEL	set the console log level (1-8)
//usage:	-s SIZE	buffer size to read	-r	keep the <N> priority prefixes
#include "pxebox.h"
#include <sys/klog.h>

int dmesg_main(int argc, char **argv)
{
	int size, len;
	char *buf;

	if (opt('n')) {
		long lvl = parse_num(optstr('n'), "level", 1, 8);
		if (klogctl(8, NULL, (int)lvl))	/* SYSLOG_ACTION_CONSOLE_LEVEL */
			pdie("klogctl");
		return 0;
	}
	if (opt('C')) {
		if (klogctl(5, NULL, 0))	/* SYSLOG_ACTION_CLEAR */
			pdie("klogctl");
		return 0;
	}
	size = opt('s') ? (int)optnum('s', 0) : klogctl(10, NULL, 0);	/* SIZE_BUFFER */
	if (size < 4096)
		size = 4096;
	if (size > 64 << 20)
		die("invalid buffer size %d", size);
	buf = xmalloc((size_t)size);
	len = klogctl(opt('c') ? 4 : 3, buf, size);	/* READ_CLEAR : READ_ALL */
	if (len < 0)
		pdie("klogctl");
	for (int i = 0; i < len;) {
		char *nl = memchr(buf + i, '\n', (size_t)(len - i));
		int end = nl ? (int)(nl - buf) : len, start = i;
		/* "<6>text": the priority prefix goes unless -r */
		if (!opt('r') && buf[i] == '<') {
			int j = i + 1;
			while (j < end && isdigit((unsigned char)buf[j]))
				j++;
			if (j < end && buf[j] == '>' && j > i + 1)
				start = j + 1;
		}
		fwrite(buf + start, 1, (size_t)(end - start), stdout);
		putchar('\n');
		i = end + 1;
	}
	free(buf);
	return 0;
}
