/* lspci - list PCI devices, with the kernel modules that drive them */
//menu:Hardware
//config:config LSPCI
//config:	bool "lspci"
//config:	default y
//config:	select LIBPCI
//config:	help
//config:	  List PCI devices through libpci (sysfs, /proc/bus/pci or
//config:	  direct access).  -k shows the driver in use and the modules
//config:	  whose aliases match the device (the modprobe matcher, no
//config:	  libkmod), and -knm prints the one-line form the Diskless
//config:	  Linux PXE HOWTO's linuxrc parses.
//applet:lspci LSPCI lspci_main ">0k(kernel)n(numeric)m(machine)v(verbose)s(slot):d(device):i(ids):DA:O*\001(modules):"
//usage:lspci [-knmvD] [-s [[[DOMAIN:]BUS]:][SLOT][.FUNC]] [-d [VENDOR]:[DEVICE][:CLASS]] [-i FILE]
//usage:	[-A METHOD] [-O PARAM=VALUE] [--modules DIR]
//usage:
//usage:List PCI devices.
//usage:	-n	numbers instead of names; -nn both
//usage:	-m	machine-readable (quoted fields); -mm or -vmm: one "Key:\tvalue" per line
//usage:	-v	more detail (subsystem, IRQ, regions)
//usage:	-k	kernel driver in use and kernel modules that can drive the device,
//usage:		matched from its modalias against DIR/modules.alias as modprobe does
//usage:	-s, -d	only the devices at that slot / with those IDs
//usage:	-i FILE	pci.ids to use for names	-D	always show the PCI domain
//usage:	-A METHOD	libpci access method (-A help lists them)
//usage:	-O PARAM=VALUE	libpci parameter, e.g. -O sysfs.path=DIR (-O help lists them)
//usage:	--modules DIR	module tree for -k (default /lib/modules/$(uname -r))
//usage:With -k, -n and a single -m and no -v, each device is one line as the
//usage:Diskless Linux PXE HOWTO's linuxrc expects:
//usage:	00:03.0 Class 0200: 8086:100e e1000
//usage:The last field is the first matching module (else the driver in use),
//usage:UNKNOWN when there is none.
#include "pxebox.h"
#include "modules.h"
#include <pci/pci.h>
#include <sys/utsname.h>

static struct pci_access *pacc;
static struct modtree *tree;
static int tree_tried;

static void NORETURN PRINTF(1, 2) pci_die(char *msg, ...)
{
	va_list ap;
	char *s;
	va_start(ap, msg);
	if (vasprintf(&s, msg, ap) < 0)
		s = msg;
	va_end(ap);
	die("%s", s);
}

static void PRINTF(1, 2) pci_warn(char *msg, ...)
{
	va_list ap;
	char *s;
	va_start(ap, msg);
	if (vasprintf(&s, msg, ap) >= 0) {
		warn("%s", s);
		free(s);
	}
	va_end(ap);
}

static void PRINTF(1, 2) pci_quiet(char *msg, ...)
{
}

/* The device's modalias: from sysfs, or built from its IDs for access
 * methods that have none (a dump, /proc/bus/pci). */
static char *modalias(struct pci_dev *p, char buf[80])
{
	pci_fill_info(p, PCI_FILL_MODULE_ALIAS);
	if (p->module_alias && *p->module_alias) {
		snprintf(buf, 80, "%s", p->module_alias);
		buf[strcspn(buf, "\n")] = 0;	/* libpci 3.9 keeps sysfs's newline */
		return buf;
	}
	snprintf(buf, 80, "pci:v%08Xd%08Xsv%08Xsd%08Xbc%02Xsc%02Xi%02X", p->vendor_id, p->device_id,
		 (p->known_fields & PCI_FILL_SUBSYS) ? p->subsys_vendor_id : 0,
		 (p->known_fields & PCI_FILL_SUBSYS) ? p->subsys_id : 0,
		 p->device_class >> 8, p->device_class & 0xff,
		 (p->known_fields & PCI_FILL_CLASS_EXT) ? p->prog_if : 0);
	return buf;
}

/* Modules whose aliases match the device, in modprobe's order. */
static unsigned modules_for(struct pci_dev *p, struct mod ***list)
{
	char buf[80];
	int by_alias;
	*list = NULL;
	if (!tree_tried) {
		struct utsname u;
		char *dir = (char *)optstr('\001');
		tree_tried = 1;
		if (!dir && !uname(&u))
			dir = xasprintf(MODULES_DIR "/%s", u.release);
		else if (dir)
			dir = xstrdup(dir);
		if (dir) {
			tree = modtree_new(dir);
			modtree_load(tree, MT_CONF, NULL);
			free(dir);
		}
	}
	return tree ? modtree_lookup(tree, modalias(p, buf), list, &by_alias) : 0;
}

static const char *driver(struct pci_dev *p)
{
	pci_fill_info(p, PCI_FILL_DRIVER);
	return pci_get_string_property(p, PCI_FILL_DRIVER);
}

static int domains;	/* 2: -D; 1: some device has a domain other than 0 */

static void slot(struct pci_dev *p)
{
	/* as pciutils: once one device needs a domain all show it, except
	 * in -m and the HOWTO's form, where only -D forces it */
	if (!opt('m') ? domains : (p->domain || domains >= 2))
		printf("%04x:", p->domain);
	printf("%02x:%02x.%d", p->bus, p->dev, p->func);
}

static int has_subsys(struct pci_dev *p)
{
	return (p->known_fields & PCI_FILL_SUBSYS) && p->subsys_vendor_id &&
	       p->subsys_vendor_id != 0xffff;
}

static void quoted(const char *s)
{
	printf(" \"");
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

static char *lookup(char *buf, int flags, ...)
{
	va_list ap;
	char *r;
	va_start(ap, flags);
	/* pci_lookup_name is variadic too; pass the IDs through */
	int a = va_arg(ap, int), b = va_arg(ap, int), c = va_arg(ap, int), d = va_arg(ap, int);
	va_end(ap);
	r = pci_lookup_name(pacc, buf, 256, flags, a, b, c, d);
	return r ? r : (char *)"";
}

static void show_kernel(struct pci_dev *p, int machine)
{
	const char *drv = driver(p);
	struct mod **l;
	unsigned n = modules_for(p, &l);
	if (drv)
		printf(machine ? "Driver:\t%s\n" : "\tKernel driver in use: %s\n", drv);
	for (unsigned i = 0; i < n; i++) {
		if (machine)
			printf("Module:\t%s\n", l[i]->name);
		else
			printf("%s %s", i ? "," : "\tKernel modules:", l[i]->name);
	}
	if (n && !machine)
		putchar('\n');
	free(l);
}

/* The Diskless Linux PXE HOWTO's form: "00:03.0 Class 0200: 8086:100e e1000". */
static void show_howto(struct pci_dev *p)
{
	struct mod **l;
	unsigned n = modules_for(p, &l);
	const char *drv = driver(p);
	slot(p);
	printf(" Class %04x: %04x:%04x %s\n", p->device_class, p->vendor_id, p->device_id,
	       n ? l[0]->name : drv ? drv : "UNKNOWN");
	free(l);
}

static void show_machine(struct pci_dev *p)
{
	char b[256];
	if (opt('v')) {
		printf(opt('m') >= 2 ? "Slot:\t" : "Device:\t");
		slot(p);
		printf("\nClass:\t%s\n", lookup(b, PCI_LOOKUP_CLASS, p->device_class, 0, 0, 0));
		printf("Vendor:\t%s\n", lookup(b, PCI_LOOKUP_VENDOR, p->vendor_id, p->device_id, 0, 0));
		printf("Device:\t%s\n", lookup(b, PCI_LOOKUP_DEVICE, p->vendor_id, p->device_id, 0, 0));
		if (has_subsys(p)) {
			printf("SVendor:\t%s\n", lookup(b, PCI_LOOKUP_SUBSYSTEM | PCI_LOOKUP_VENDOR,
							 p->subsys_vendor_id, 0, 0, 0));
			printf("SDevice:\t%s\n", lookup(b, PCI_LOOKUP_SUBSYSTEM | PCI_LOOKUP_DEVICE, p->vendor_id,
							 p->device_id, p->subsys_vendor_id, p->subsys_id));
		}
		if ((p->known_fields & PCI_FILL_CLASS_EXT) && p->rev_id)
			printf("Rev:\t%02x\n", p->rev_id);
		if (p->known_fields & PCI_FILL_CLASS_EXT)
			printf("ProgIf:\t%02x\n", p->prog_if);
		if (opt('k'))
			show_kernel(p, 1);
		putchar('\n');
		return;
	}
	slot(p);
	quoted(lookup(b, PCI_LOOKUP_CLASS, p->device_class, 0, 0, 0));
	quoted(lookup(b, PCI_LOOKUP_VENDOR, p->vendor_id, p->device_id, 0, 0));
	quoted(lookup(b, PCI_LOOKUP_DEVICE, p->vendor_id, p->device_id, 0, 0));
	if ((p->known_fields & PCI_FILL_CLASS_EXT) && p->rev_id)
		printf(" -r%02x", p->rev_id);
	if (p->known_fields & PCI_FILL_CLASS_EXT)
		printf(" -p%02x", p->prog_if);
	if (has_subsys(p)) {
		quoted(lookup(b, PCI_LOOKUP_SUBSYSTEM | PCI_LOOKUP_VENDOR, p->subsys_vendor_id, 0, 0, 0));
		quoted(lookup(b, PCI_LOOKUP_SUBSYSTEM | PCI_LOOKUP_DEVICE, p->vendor_id, p->device_id,
			      p->subsys_vendor_id, p->subsys_id));
	} else
		printf(" \"\" \"\"");
	putchar('\n');
}

static void show_regions(struct pci_dev *p)
{
	char hs[16];
	for (int i = 0; i < 6; i++) {
		pciaddr_t a = p->base_addr[i], sz = p->size[i];
		if (!a && !sz)
			continue;
		if (a & PCI_BASE_ADDRESS_SPACE_IO)
			printf("\tI/O ports at %04llx", (unsigned long long)(a & PCI_BASE_ADDRESS_IO_MASK));
		else
			printf("\tMemory at %08llx (%s, %sprefetchable)",
			       (unsigned long long)(a & PCI_BASE_ADDRESS_MEM_MASK),
			       (a & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64 ? "64-bit" : "32-bit",
			       (a & PCI_BASE_ADDRESS_MEM_PREFETCH) ? "" : "non-");
		if (sz) {
			/* lspci's sizes: 128K, 4M, or bytes below 1K */
			if (sz < 1024)
				snprintf(hs, sizeof(hs), "%u", (unsigned)sz);
			else
				human_size((unsigned long long)sz, hs);
			printf(" [size=%s]", hs);
		}
		putchar('\n');
	}
}

static void show_terse(struct pci_dev *p)
{
	char b[256];
	slot(p);
	printf(" %s:", lookup(b, PCI_LOOKUP_CLASS, p->device_class, 0, 0, 0));
	printf(" %s", lookup(b, PCI_LOOKUP_VENDOR | PCI_LOOKUP_DEVICE, p->vendor_id, p->device_id, 0, 0));
	if ((p->known_fields & PCI_FILL_CLASS_EXT) && p->rev_id)
		printf(" (rev %02x)", p->rev_id);
	if (opt('v')) {
		int c = (p->known_fields & PCI_FILL_CLASS_EXT) ? p->prog_if : 0;
		char *x = pci_lookup_name(pacc, b, sizeof(b), PCI_LOOKUP_PROGIF | PCI_LOOKUP_NO_NUMBERS,
					  p->device_class, c);
		if (c || x) {
			printf(" (prog-if %02x", c);
			if (x)
				printf(" [%s]", x);
			putchar(')');
		}
	}
	putchar('\n');
	if ((opt('v') || opt('k')) && has_subsys(p))
		printf("\tSubsystem: %s\n", lookup(b, PCI_LOOKUP_SUBSYSTEM | PCI_LOOKUP_VENDOR | PCI_LOOKUP_DEVICE,
						   p->vendor_id, p->device_id, p->subsys_vendor_id, p->subsys_id));
	if (opt('v')) {
		if (p->irq > 0)
			printf("\tIRQ: %d\n", p->irq);
		show_regions(p);
	}
	if (opt('k') || opt('v'))
		show_kernel(p, 0);
	if (opt('v'))
		putchar('\n');
}

static int by_slot(const void *a, const void *b)
{
	const struct pci_dev *x = *(struct pci_dev *const *)a, *y = *(struct pci_dev *const *)b;
	if (x->domain != y->domain)
		return x->domain < y->domain ? -1 : 1;
	if (x->bus != y->bus)
		return x->bus < y->bus ? -1 : 1;
	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	return (x->func > y->func) - (x->func < y->func);
}

int lspci_main(int argc, char **argv)
{
	struct pci_filter filter;
	struct pci_dev *p, **devs = NULL;
	unsigned n = 0;
	char *err;

	pacc = pci_alloc();
	pacc->error = pci_die;
	pacc->warning = pci_warn;
	pacc->debug = pci_quiet;
	pacc->numeric_ids = opt('n');
	if (optstr('A')) {
		char *m = (char *)optstr('A');
		int i;
		if (!strcmp(m, "help")) {
			const char *name;
			printf("Known PCI access methods:\n\n");
			for (i = 0; (name = pci_get_method_name(i)); i++)
				if (*name)
					printf("%s\n", name);
			return 0;
		}
		if ((i = pci_lookup_method(m)) < 0)
			die("no such PCI access method: %s (see '-A help')", m);
		pacc->method = i;
	}
	for (char **o = optlist('O'); *o; o++) {
		char *eq = strchr(*o, '=');
		if (!strcmp(*o, "help")) {
			struct pci_param *prm = NULL;
			printf("Known PCI access parameters:\n\n");
			while ((prm = pci_walk_params(pacc, prm)))
				printf("%-20s %s (%s)\n", prm->param, prm->help, prm->value);
			return 0;
		}
		if (!eq)
			die("invalid PCI access parameter: %s (want NAME=VALUE)", *o);
		*eq = 0;
		if (pci_set_param(pacc, *o, eq + 1) < 0)
			die("unknown PCI access parameter: %s (see '-O help')", *o);
	}
	if (optstr('i'))
		pci_set_name_list_path(pacc, (char *)optstr('i'), 0);
	pci_filter_init(pacc, &filter);
	if (optstr('s') && (err = pci_filter_parse_slot(&filter, (char *)optstr('s'))))
		die("-s: %s", err);
	if (optstr('d') && (err = pci_filter_parse_id(&filter, (char *)optstr('d'))))
		die("-d: %s", err);
	pci_init(pacc);
	pci_scan_bus(pacc);
	domains = opt('D') ? 2 : 0;
	for (p = pacc->devices; p; p = p->next) {
		if (p->domain && !domains)
			domains = 1;
		if (!pci_filter_match(&filter, p))
			continue;
		pci_fill_info(p, PCI_FILL_IDENT | PCI_FILL_CLASS | PCI_FILL_CLASS_EXT | PCI_FILL_SUBSYS |
			      PCI_FILL_IRQ | PCI_FILL_BASES | PCI_FILL_SIZES);
		devs = xrealloc(devs, (n + 1) * sizeof(*devs));
		devs[n++] = p;
	}
	qsort(devs, n, sizeof(*devs), by_slot);
	for (unsigned i = 0; i < n; i++) {
		if (opt('k') && opt('n') && opt('m') == 1 && !opt('v'))
			show_howto(devs[i]);
		else if (opt('m'))
			show_machine(devs[i]);
		else
			show_terse(devs[i]);
	}
	free(devs);
	modtree_free(tree);
	pci_cleanup(pacc);
	return px.exitcode;
}
