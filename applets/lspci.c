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
//config:
//config:config LSPCI_DECODE
//config:	bool "Decode capability registers (-vv)"
//config:	depends on LSPCI
//config:	default y
//config:	help
//config:	  The register decoders of -vv: power management, MSI, MSI-X,
//config:	  PCI Express (device, link, slot, root, v2), AER, ACS, LTR,
//config:	  L1 PM substates, resizable BAR, SR-IOV, ATS, PRI, PASID, DPC,
//config:	  PTM, TPH, virtual channel, CXL and the other capabilities'
//config:	  lines below their name (about 12 KiB).  Without them -vv and
//config:	  -vvv print each capability's line as -v does (with its
//config:	  version), and nothing under it; everything else (control,
//config:	  status, regions, bridge registers, -k, -x, -m) is unchanged.
//applet:lspci LSPCI lspci_main ">0k(kernel)n(numeric)m(machine)v(verbose)s(slot):d(device):i(ids):DxF:A:O*\001(modules):"
//usage:lspci [-knmvxD] [-s [[[DOMAIN:]BUS]:][SLOT][.FUNC]] [-d [VENDOR]:[DEVICE][:CLASS]] [-i FILE]
//usage:	[-F DUMPFILE] [-A METHOD] [-O PARAM=VALUE] [--modules DIR]
//usage:
//usage:List PCI devices.
//usage:	-n	numbers instead of names; -nn both
//usage:	-m	machine-readable (quoted fields); -mm or -vmm: one "Key:\tvalue" per line
//usage:	-v	more detail: flags, IRQ, regions, bridge and CardBus windows,
//usage:		expansion ROM, capabilities; -vv adds the control/status
//usage:		registers and those of the power management, MSI, MSI-X, PCI
//usage:		Express (device, link, slot, root, v2), AER, ARI, ACS, LTR,
//usage:		L1 PM substates, (virtual) resizable BAR, SR-IOV, ATS, PRI,
//usage:		PASID, DPC, PTM, TPH, secondary Express, multicast, RCEC,
//usage:		DOE, virtual channel, root complex link and CXL capabilities
//usage:		(those of the capabilities unless built without LSPCI_DECODE)
//usage:	-x	config space in hex (-xxx 256 bytes, -xxxx 4096), the format -F reads
//usage:	-F FILE	read the devices from such a dump instead of the system
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
	char s[512];	/* not malloc'd: die() may return to the shell */
	va_start(ap, msg);
	vsnprintf(s, sizeof(s), msg, ap);
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
	const char *s;
	if (opt('v')) {
		pci_fill_info(p, PCI_FILL_PHYS_SLOT | PCI_FILL_NUMA_NODE | PCI_FILL_DT_NODE | PCI_FILL_IOMMU_GROUP);
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
		if (p->phy_slot)
			printf("PhySlot:\t%s\n", p->phy_slot);
		if ((p->known_fields & PCI_FILL_CLASS_EXT) && p->rev_id)
			printf("Rev:\t%02x\n", p->rev_id);
		if (p->known_fields & PCI_FILL_CLASS_EXT)
			printf("ProgIf:\t%02x\n", p->prog_if);
		if (opt('k'))
			show_kernel(p, 1);
		if (p->numa_node != -1)
			printf("NUMANode:\t%d\n", p->numa_node);
		if ((s = pci_get_string_property(p, PCI_FILL_DT_NODE)))
			printf("DTNode:\t%s\n", s);
		if ((s = pci_get_string_property(p, PCI_FILL_IOMMU_GROUP)))
			printf("IOMMUGroup:\t%s\n", s);
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

/* ---- config space, fetched on demand ------------------------------------
 * Like pciutils, the first 64 bytes (128 for a CardBus bridge) are read up
 * front and capabilities further on as they are walked, so a capability
 * beyond what the access method can read shows as "<access denied>". */
static uint8_t cfg[4096], have[4096];
static struct pci_dev *cur;
static unsigned cached;	/* bytes read up front; 0: no config access */

static int fetch(unsigned pos, unsigned len)
{
	unsigned i;
	if (pos > sizeof(cfg) || len > sizeof(cfg) - pos)
		return 0;
	for (i = 0; i < len && have[pos + i]; i++)
		;
	if (i == len)
		return 1;
	if (!pci_read_block(cur, pos, cfg + pos, len))
		return 0;
	memset(have + pos, 1, len);
	return 1;
}

static unsigned cb(unsigned pos) { return cfg[pos]; }
static unsigned cw(unsigned pos) { return cfg[pos] | cfg[pos + 1] << 8; }
static uint32_t cl(unsigned pos) { return cw(pos) | (uint32_t)cw(pos + 2) << 16; }

static void load_config(struct pci_dev *p)
{
	cur = p;
	memset(have, 0, sizeof(have));
	memset(cfg, 0, sizeof(cfg));
	cached = fetch(0, 64) ? 64 : 0;
	if (cached && (cfg[PCI_HEADER_TYPE] & 0x7f) == PCI_HEADER_TYPE_CARDBUS && fetch(64, 64))
		cached = 128;
}

static int verbose;	/* -v count */

/* -vv's register lines under a capability; without LSPCI_DECODE the
 * compiler drops every decoder that is only called when this is true */
static int decoding(void)
{
	return ENABLE_LSPCI_DECODE && verbose >= 2;
}
#define FLAG(x, bit) ((x) & (bit) ? '+' : '-')

/* pciutils' sizes: the largest unit that divides exactly: 128K, 4M, 3 */
static void show_size(uint64_t x)
{
	static const char unit[] = " KMGT";
	unsigned i = 0;
	if (!x)
		return;
	while (i < 4 && !(x % 1024)) {
		x /= 1024;
		i++;
	}
	if (i)
		printf(" [size=%u%c]", (unsigned)x, unit[i]);
	else
		printf(" [size=%u]", (unsigned)x);
}

/* PCI_IORESOURCE_* flags (sysfs) as the BAR's own low bits */
static uint32_t bar_flags(pciaddr_t f)
{
	if (f & PCI_IORESOURCE_IO)
		return PCI_BASE_ADDRESS_SPACE_IO;
	if (!(f & PCI_IORESOURCE_MEM))
		return 0;
	return (f & PCI_IORESOURCE_MEM_64 ? PCI_BASE_ADDRESS_MEM_TYPE_64 : PCI_BASE_ADDRESS_MEM_TYPE_32) |
	       (f & PCI_IORESOURCE_PREFETCH ? PCI_BASE_ADDRESS_MEM_PREFETCH : 0);
}

/* BARs: "Memory at febc0000 (32-bit, non-prefetchable) [size=128K]",
 * "I/O ports at c000 [size=64]".  noconf: the header type is unknown, so
 * nothing in config space can be trusted. */
static void show_bases(struct pci_dev *p, int cnt, int noconf)
{
	unsigned cmd = noconf ? PCI_COMMAND_IO | PCI_COMMAND_MEMORY : cw(PCI_COMMAND);
	int ioflags = !!(p->known_fields & PCI_FILL_IO_FLAGS);
	for (int i = 0; i < cnt; i++) {
		pciaddr_t pos = p->base_addr[i], ioflg = ioflags ? p->flags[i] : 0;
		pciaddr_t len = (p->known_fields & PCI_FILL_SIZES) ? p->size[i] : 0;
		uint32_t flg = ioflags ? bar_flags(ioflg) : noconf ? 0 : cl(PCI_BASE_ADDRESS_0 + 4 * i);
		uint32_t hw_lo = 0, hw_hi = 0;
		int broken = 0, virt = 0;
		if (flg == 0xffffffff)
			flg = 0;
		if (!pos && !flg && !len)
			continue;
		printf(verbose > 1 ? "\tRegion %d: " : "\t", i);
		/* a region the OS reports but the device has no address for */
		if (ioflags && !noconf) {
			hw_lo = cl(PCI_BASE_ADDRESS_0 + 4 * i);
			if ((hw_lo & PCI_BASE_ADDRESS_SPACE) == (bar_flags(ioflg) & PCI_BASE_ADDRESS_SPACE)) {
				if ((ioflg & PCI_IORESOURCE_TYPE_BITS) == PCI_IORESOURCE_MEM &&
				    (hw_lo & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64) {
					if (i >= cnt - 1)
						broken = 1;
					else	/* sic: pciutils reads one byte on, not the next BAR */
						hw_hi = cl(PCI_BASE_ADDRESS_0 + 4 * i + 1);
				}
				if (pos && !hw_lo && !hw_hi && !(ioflg & PCI_IORESOURCE_PCI_EA_BEI))
					virt = 1;
			}
		}
		if (flg & PCI_BASE_ADDRESS_SPACE_IO) {
			pciaddr_t a = pos & PCI_BASE_ADDRESS_IO_MASK;
			printf("I/O ports at ");
			if (a || (cmd & PCI_COMMAND_IO))
				printf("%04llx", (unsigned long long)a);
			else
				printf(hw_lo ? "<ignored>" : "<unassigned>");
			if (virt)
				printf(" [virtual]");
			else if (!(cmd & PCI_COMMAND_IO))
				printf(" [disabled]");
		} else {
			unsigned t = flg & PCI_BASE_ADDRESS_MEM_TYPE_MASK;
			pciaddr_t a = pos & PCI_ADDR_MEM_MASK;
			printf("Memory at ");
			if (broken)
				printf("<broken-64-bit-slot>");
			else if (a)
				printf("%08llx", (unsigned long long)a);
			else
				printf(hw_lo || hw_hi ? "<ignored>" : "<unassigned>");
			printf(" (%s, %sprefetchable)",
			       t == PCI_BASE_ADDRESS_MEM_TYPE_32 ? "32-bit" :
			       t == PCI_BASE_ADDRESS_MEM_TYPE_64 ? "64-bit" :
			       t == PCI_BASE_ADDRESS_MEM_TYPE_1M ? "low-1M" : "type 3",
			       flg & PCI_BASE_ADDRESS_MEM_PREFETCH ? "" : "non-");
			if (virt)
				printf(" [virtual]");
			else if (!(cmd & PCI_COMMAND_MEMORY))
				printf(" [disabled]");
		}
		if (ioflg & PCI_IORESOURCE_PCI_EA_BEI)
			printf(" [enhanced]");
		show_size(len);
		putchar('\n');
	}
}

/* reg: the ROM BAR's offset, or -1 when config space is not to be used */
static void show_rom(struct pci_dev *p, int reg)
{
	pciaddr_t rom = p->rom_base_addr;
	pciaddr_t len = (p->known_fields & PCI_FILL_SIZES) ? p->rom_size : 0;
	pciaddr_t ioflg = (p->known_fields & PCI_FILL_IO_FLAGS) ? p->rom_flags : 0;
	uint32_t flg = reg >= 0 ? cl(reg) : bar_flags(ioflg);
	unsigned cmd = reg >= 0 ? cw(PCI_COMMAND) : PCI_COMMAND_MEMORY;
	int virt = 0;
	if (!rom && !flg && !len)
		return;
	if (reg >= 0 && (rom & PCI_ROM_ADDRESS_MASK) && !(flg & PCI_ROM_ADDRESS_MASK) &&
	    !(ioflg & PCI_IORESOURCE_PCI_EA_BEI)) {
		flg = rom;
		virt = 1;
	}
	printf("\tExpansion ROM at ");
	if (rom & PCI_ROM_ADDRESS_MASK)
		printf("%08llx", (unsigned long long)(rom & PCI_ROM_ADDRESS_MASK));
	else
		printf(flg & PCI_ROM_ADDRESS_MASK ? "<ignored>" : "<unassigned>");
	if (virt)
		printf(" [virtual]");
	if (!(flg & PCI_ROM_ADDRESS_ENABLE))
		printf(" [disabled]");
	else if (!virt && !(cmd & PCI_COMMAND_MEMORY))
		printf(" [disabled by cmd]");
	if (ioflg & PCI_IORESOURCE_PCI_EA_BEI)
		printf(" [enhanced]");
	show_size(len);
	putchar('\n');
}

/* ---- capabilities ----------------------------------------------------- */

static void cap_pm(unsigned where, unsigned cap)
{
	static const int aux[8] = { 0, 55, 100, 160, 220, 270, 320, 375 };
	unsigned t, b;
	printf("Power Management version %d\n", cap & PCI_PM_CAP_VER_MASK);
	if (!decoding())
		return;
	printf("\t\tFlags: PMEClk%c DSI%c D1%c D2%c AuxCurrent=%dmA PME(D0%c,D1%c,D2%c,D3hot%c,D3cold%c)\n",
	       FLAG(cap, PCI_PM_CAP_PME_CLOCK), FLAG(cap, PCI_PM_CAP_DSI), FLAG(cap, PCI_PM_CAP_D1),
	       FLAG(cap, PCI_PM_CAP_D2), aux[(cap & PCI_PM_CAP_AUX_C_MASK) >> 6], FLAG(cap, PCI_PM_CAP_PME_D0),
	       FLAG(cap, PCI_PM_CAP_PME_D1), FLAG(cap, PCI_PM_CAP_PME_D2), FLAG(cap, PCI_PM_CAP_PME_D3_HOT),
	       FLAG(cap, PCI_PM_CAP_PME_D3_COLD));
	if (!fetch(where + PCI_PM_CTRL, PCI_PM_SIZEOF - PCI_PM_CTRL))
		return;
	t = cw(where + PCI_PM_CTRL);
	printf("\t\tStatus: D%d NoSoftRst%c PME-Enable%c DSel=%d DScale=%d PME%c\n", t & PCI_PM_CTRL_STATE_MASK,
	       FLAG(t, PCI_PM_CTRL_NO_SOFT_RST), FLAG(t, PCI_PM_CTRL_PME_ENABLE),
	       (t & PCI_PM_CTRL_DATA_SEL_MASK) >> 9, (t & PCI_PM_CTRL_DATA_SCALE_MASK) >> 13,
	       FLAG(t, PCI_PM_CTRL_PME_STATUS));
	if ((b = cb(where + PCI_PM_PPB_EXTENSIONS)))
		printf("\t\tBridge: PM%c B3%c\n", FLAG(b, PCI_PM_BPCC_ENABLE), FLAG(~b, PCI_PM_PPB_B2_B3));
}

static void cap_msi(unsigned where, unsigned cap)
{
	int is64 = cap & PCI_MSI_FLAGS_64BIT;
	unsigned mpos;
	printf("MSI: Enable%c Count=%d/%d Maskable%c 64bit%c\n", FLAG(cap, PCI_MSI_FLAGS_ENABLE),
	       1 << ((cap & PCI_MSI_FLAGS_QSIZE) >> 4), 1 << ((cap & PCI_MSI_FLAGS_QMASK) >> 1),
	       FLAG(cap, PCI_MSI_FLAGS_MASK_BIT), FLAG(cap, PCI_MSI_FLAGS_64BIT));
	if (!decoding() || !fetch(where + PCI_MSI_ADDRESS_LO,
				  (is64 ? PCI_MSI_DATA_64 : PCI_MSI_DATA_32) + 2 - PCI_MSI_ADDRESS_LO))
		return;
	printf("\t\tAddress: ");
	if (is64)
		printf("%08x", cl(where + PCI_MSI_ADDRESS_HI));
	printf("%08x  Data: %04x\n", cl(where + PCI_MSI_ADDRESS_LO),
	       cw(where + (is64 ? PCI_MSI_DATA_64 : PCI_MSI_DATA_32)));
	mpos = where + (is64 ? PCI_MSI_MASK_BIT_64 : PCI_MSI_MASK_BIT_32);
	if ((cap & PCI_MSI_FLAGS_MASK_BIT) && fetch(mpos, 8))
		printf("\t\tMasking: %08x  Pending: %08x\n", cl(mpos), cl(mpos + 4));
}

static void cap_msix(unsigned where, unsigned cap)
{
	uint32_t off;
	printf("MSI-X: Enable%c Count=%d Masked%c\n", FLAG(cap, PCI_MSIX_ENABLE), (cap & PCI_MSIX_TABSIZE) + 1,
	       FLAG(cap, PCI_MSIX_MASK));
	if (!decoding() || !fetch(where + PCI_MSIX_TABLE, 8))
		return;
	off = cl(where + PCI_MSIX_TABLE);
	printf("\t\tVector table: BAR=%d offset=%08x\n", off & PCI_MSIX_BIR, off & ~PCI_MSIX_BIR);
	off = cl(where + PCI_MSIX_PBA);
	printf("\t\tPBA: BAR=%d offset=%08x\n", off & PCI_MSIX_BIR, off & ~PCI_MSIX_BIR);
}

/* ---- PCI Express ------------------------------------------------------
 * The -vv register lines are printf formats in which "@N" stands for bit N
 * of the register, shown as + or -: "DevSta:\tCorrErr@0" gives
 * "DevSta:\tCorrErr+" when bit 0 is set. */
static void PRINTF(2, 3) regline(uint32_t v, const char *fmt, ...)
{
	char s[512], *q;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s, sizeof(s), fmt, ap);
	va_end(ap);
	for (q = s; *q; q++) {
		if (*q != '@') {
			putchar(*q);
			continue;
		}
		unsigned b = strtoul(q + 1, &q, 10);
		putchar(FLAG(v, 1u << b));
		q--;
	}
}

#define PICK(tab, i, dflt) ((unsigned)(i) < ARRAY_SIZE(tab) && (tab)[i] ? (tab)[i] : (dflt))
#define T(x) (1u << PCI_EXP_TYPE_##x)
#define ROOTISH (T(ROOT_PORT) | T(ROOT_EC))
#define DOWNPORT (T(ROOT_PORT) | T(DOWNSTREAM) | T(PCIE_BRIDGE))

static const char *const l0s_lat[] = { "<64ns", "<128ns", "<256ns", "<512ns", "<1us", "<2us", "<4us", "unlimited" };
static const char *const l1_lat[] = { "<1us", "<2us", "<4us", "<8us", "<16us", "<32us", "<64us", "unlimited" };
static const char *const speeds[] = { NULL, "2.5GT/s", "5GT/s", "8GT/s", "16GT/s", "32GT/s", "64GT/s" };
static const char *const deemph[] = { "-6dB", "-3.5dB" };

/* slot power limit: value x 10^-scale W, with the spec's 250-600 W codes */
static const char *power(char buf[16], unsigned val, unsigned scale)
{
	static const unsigned div[] = { 1, 10, 100, 1000 };
	if (!scale && val == 0xff)
		return ">600W";
	if (!scale && val >= 0xf0)
		val = 250 + 25 * (val - 0xf0);
	unsigned frac = val % div[scale], digits = scale;
	if (!frac) {
		snprintf(buf, 16, "%uW", val / div[scale]);
		return buf;
	}
	for (; !(frac % 10); frac /= 10)	/* as %g: no trailing zeros */
		digits--;
	snprintf(buf, 16, "%u.%0*uW", val / div[scale], (int)digits, frac);
	return buf;
}

static void exp_dev(unsigned where, uint32_t tm)
{
	uint32_t t = cl(where + PCI_EXP_DEVCAP);
	unsigned w = cw(where + PCI_EXP_DEVCTL);
	char b[16];
	printf("\t\tDevCap:\tMaxPayload %d bytes, PhantFunc %d", 128 << (t & 7), (1 << ((t >> 3) & 3)) - 1);
	if (tm & (T(ENDPOINT) | T(LEG_END)))
		printf(", Latency L0s %s, L1 %s", l0s_lat[(t >> 6) & 7], l1_lat[(t >> 9) & 7]);
	regline(t, "\n\t\t\tExtTag@5");
	if (tm & (T(ENDPOINT) | T(LEG_END) | T(UPSTREAM) | T(PCI_BRIDGE)))
		regline(t, " AttnBtn@12 AttnInd@13 PwrInd@14");
	regline(t, " RBE@15");
	if (tm & (T(ENDPOINT) | T(LEG_END) | T(ROOT_INT_EP)))
		regline(t, " FLReset@28");
	if (tm & (T(ENDPOINT) | T(UPSTREAM) | T(PCI_BRIDGE)))
		printf(" SlotPowerLimit %s", power(b, (t >> 18) & 0xff, (t >> 26) & 3));
	regline(w, "\n\t\tDevCtl:\tCorrErr@0 NonFatalErr@1 FatalErr@2 UnsupReq@3\n"
		   "\t\t\tRlxdOrd@4 ExtTag@8 PhantFunc@9 AuxPwr@10 NoSnoop@11");
	if (tm & T(PCI_BRIDGE))
		regline(w, " BrConfRtry@15");
	if ((tm & (T(ENDPOINT) | T(LEG_END) | T(ROOT_INT_EP))) && (t & PCI_EXP_DEVCAP_FLRESET))
		regline(w, " FLReset@15");
	printf("\n\t\t\tMaxPayload %d bytes, MaxReadReq %d bytes\n", 128 << ((w >> 5) & 7), 128 << ((w >> 12) & 7));
	regline(cw(where + PCI_EXP_DEVSTA),
		"\t\tDevSta:\tCorrErr@0 NonFatalErr@1 FatalErr@2 UnsupReq@3 AuxPwr@4 TransPend@5\n");
}

/* a link narrower or slower than it can be: "downgraded", except seen
 * from the port above, which does not know what its partner can do */
static const char *link_cmp(uint32_t tm, unsigned sta, unsigned cap)
{
	if (sta > cap)
		return " (overdriven)";
	return sta == cap || (tm & DOWNPORT) ? "" : " (downgraded)";
}

static void exp_link(unsigned where, uint32_t tm)
{
	static const char *const aspm_cap[] = { "not supported", "L0s", "L1", "L0s L1" };
	static const char *const aspm_ctl[] = { "Disabled", "L0s Enabled", "L1 Enabled", "L0s L1 Enabled" };
	uint32_t t = cl(where + PCI_EXP_LNKCAP);
	unsigned aspm = (t >> 10) & 3, w = cw(where + PCI_EXP_LNKCTL), s = cw(where + PCI_EXP_LNKSTA);
	printf("\t\tLnkCap:\tPort #%d, Speed %s, Width x%d, ASPM %s", t >> 24, PICK(speeds, t & 15, "unknown"),
	       (t >> 4) & 0x3f, aspm_cap[aspm]);
	if (aspm)
		printf(", Exit Latency ");
	if (aspm & 1)
		printf("L0s %s", l0s_lat[(t >> 12) & 7]);
	if (aspm & 2)
		printf("%sL1 %s", aspm & 1 ? ", " : "", l1_lat[(t >> 15) & 7]);
	regline(t, "\n\t\t\tClockPM@18 Surprise@19 LLActRep@20 BwNot@21 ASPMOptComp@22\n");
	printf("\t\tLnkCtl:\tASPM %s;", aspm_ctl[w & 3]);
	if (tm & (T(ROOT_PORT) | T(ENDPOINT) | T(LEG_END) | T(PCI_BRIDGE)))
		printf(" RCB %d bytes,", w & PCI_EXP_LNKCTL_RCB ? 128 : 64);
	regline(w, " Disabled@4 CommClk@6\n\t\t\tExtSynch@7 ClockPM@8 AutWidDis@9 BWInt@10 AutBWInt@11\n");
	printf("\t\tLnkSta:\tSpeed %s%s, Width x%d%s\n", PICK(speeds, s & 15, "unknown"), link_cmp(tm, s & 15, t & 15),
	       (s >> 4) & 0x3f, link_cmp(tm, (s >> 4) & 0x3f, (t >> 4) & 0x3f));
	regline(s, "\t\t\tTrErr@10 Train@11 SlotClk@12 DLActive@13 BWMgmt@14 ABWMgmt@15\n");
}

static void exp_slot(unsigned where)
{
	static const char *const ind[] = { "Unknown", "On", "Blink", "Off" };
	uint32_t t = cl(where + PCI_EXP_SLTCAP);
	unsigned w = cw(where + PCI_EXP_SLTCTL);
	char b[16];
	regline(t, "\t\tSltCap:\tAttnBtn@0 PwrCtrl@1 MRL@2 AttnInd@3 PwrInd@4 HotPlug@6 Surprise@5\n"
		   "\t\t\tSlot #%d, PowerLimit %s; Interlock@17 NoCompl@18\n",
		t >> 19, power(b, (t >> 7) & 0xff, (t >> 15) & 3));
	regline(w, "\t\tSltCtl:\tEnable: AttnBtn@0 PwrFlt@1 MRL@2 PresDet@3 CmdCplt@4 HPIrq@5 LinkChg@12\n"
		   "\t\t\tControl: AttnInd %s, PwrInd %s, Power@10 Interlock@11\n",
		ind[(w >> 6) & 3], ind[(w >> 8) & 3]);
	regline(cw(where + PCI_EXP_SLTSTA),
		"\t\tSltSta:\tStatus: AttnBtn@0 PowerFlt@1 MRL@5 CmdCplt@4 PresDet@6 Interlock@7\n"
		"\t\t\tChanged: MRL@2 PresDet@3 LinkState@8\n");
}

static void exp_root(unsigned where)
{
	uint32_t t = cl(where + PCI_EXP_RTSTA);
	regline(cw(where + PCI_EXP_RTCAP), "\t\tRootCap: CRSVisible@0\n");
	regline(cw(where + PCI_EXP_RTCTL),
		"\t\tRootCtl: ErrCorrectable@0 ErrNon-Fatal@1 ErrFatal@2 PMEIntEna@3 CRSVisible@4\n");
	regline(t, "\t\tRootSta: PME ReqID %04x, PMEStatus@16 PMEPending@17\n", t & 0xffff);
}

static void exp_dev2(unsigned where, uint32_t tm, int has_mem)
{
	static const char *const range[] = { "Not Supported", "Range A", "Range B", "Range AB", [6] = "Range BC",
					     "Range ABC", [14] = "Range BCD", "Range ABCD" };
	static const char *const value[] = { "50us to 50ms", "50us to 100us", "1ms to 10ms", [5] = "16ms to 55ms",
					     "65ms to 210ms", [9] = "260ms to 900ms", "1s to 3.5s",
					     [13] = "4s to 13s", "17s to 64s" };
	static const char *const obff_cap[] = { "Not Supported", "Via message", "Via WAKE#", "Via message/WAKE#" };
	static const char *const obff_ctl[] = { "Disabled", "Via message A", "Via message B", "Via WAKE#" };
	static const char *const epr[] = { "Not Supported", "Dev Specific", "Form Factor Dev Specific", "Reserved" };
	static const char *const cls[] = { "Not Supported", "64byte cachelines", "128byte cachelines", "Reserved" };
	static const char *const tph[] = { "TPHComp- ExtTPHComp-", "TPHComp+ ExtTPHComp-", "", "TPHComp+ ExtTPHComp+" };
	uint32_t l = cl(where + PCI_EXP_DEVCAP2);
	unsigned w = cw(where + PCI_EXP_DEVCTL2);
	regline(l, "\t\tDevCap2: Completion Timeout: %s, TimeoutDis@4 NROPrPrP@10 LTR@11\n"
		   "\t\t\t 10BitTagComp@16 10BitTagReq@17 OBFF %s, ExtFmt@20 EETLPPrefix@21",
		PICK(range, l & 15, "Unknown"), obff_cap[(l >> 18) & 3]);
	if (l & PCI_EXP_DEVCAP2_EE_TLP)
		printf(", MaxEETLPPrefixes %d", (l >> 22) & 3 ? (l >> 22) & 3 : 4);
	regline(l, "\n\t\t\t EmergencyPowerReduction %s, EmergencyPowerReductionInit@26\n\t\t\t FRS@31",
		epr[(l >> 24) & 3]);
	if (tm & T(ROOT_PORT))
		printf(" LN System CLS %s,", cls[(l >> 14) & 3]);
	if (tm & (T(ROOT_PORT) | T(ENDPOINT)))
		printf(" %s", tph[(l >> 12) & 3]);
	if (tm & (T(ROOT_PORT) | T(DOWNSTREAM)))
		regline(l, " ARIFwd@5");
	putchar('\n');
	if ((tm & (T(ROOT_PORT) | T(UPSTREAM) | T(DOWNSTREAM))) || has_mem) {
		printf("\t\t\t AtomicOpsCap:");
		if (tm & (T(ROOT_PORT) | T(UPSTREAM) | T(DOWNSTREAM)))
			regline(l, " Routing@6");
		if ((tm & T(ROOT_PORT)) || has_mem)
			regline(l, " 32bit@7 64bit@8 128bitCAS@9");
		putchar('\n');
	}
	regline(w, "\t\tDevCtl2: Completion Timeout: %s, TimeoutDis@4 LTR@10 10BitTagReq@12 OBFF %s,",
		PICK(value, w & 15, "Unknown"), obff_ctl[(w >> 13) & 3]);
	if (tm & (T(ROOT_PORT) | T(DOWNSTREAM)))
		regline(w, " ARIFwd@5");
	putchar('\n');
	if (tm & (T(ROOT_PORT) | T(UPSTREAM) | T(DOWNSTREAM) | T(ENDPOINT) | T(ROOT_INT_EP) | T(LEG_END))) {
		printf("\t\t\t AtomicOpsCtl:");
		if (tm & (T(ROOT_PORT) | T(ENDPOINT) | T(ROOT_INT_EP) | T(LEG_END)))
			regline(w, " ReqEn@6");
		if (tm & (T(ROOT_PORT) | T(UPSTREAM) | T(DOWNSTREAM)))
			regline(w, " EgressBlck@7");
		putchar('\n');
	}
}

static void exp_link2(unsigned where, uint32_t tm)
{
	static const char *const speed2[] = { "2.5GT/s", "2.5GT/s", "5GT/s", "8GT/s", "16GT/s", "32GT/s", "64GT/s" };
	static const char *const margin[] = { "Normal Operating Range", "800-1200mV(full-swing)/400-700mV(half-swing)",
		"200-400mV(full-swing)/100-200mV(half-swing)", "200-400mV(full-swing)/100-200mV(half-swing)",
		"200-400mV(full-swing)/100-200mV(half-swing)", "200-400mV(full-swing)/100-200mV(half-swing)" };
	static const char *const preset[] = { "-6dB de-emphasis, 0dB preshoot", "-3.5dB de-emphasis, 0dB preshoot",
		"-4.4dB de-emphasis, 0dB preshoot", "-2.5dB de-emphasis, 0dB preshoot", "0dB de-emphasis, 0dB preshoot",
		"0dB de-emphasis, 1.9dB preshoot", "0dB de-emphasis, 2.5dB preshoot",
		"-6.0dB de-emphasis, 3.5dB preshoot", "-3.5dB de-emphasis, 3.5dB preshoot",
		"0dB de-emphasis, 3.5dB preshoot" };
	static const char *const xlink[] = { "unsupported", "Upstream Port", "Downstream Port", "incomplete" };
	static const char *const comp[] = { "Link Down - Not Determined", "Link Down - Not Present",
		"Link Down - Present", [4] = "Link Up - Present", "Link Up - Present and DRS Received" };
	uint32_t l = 0;
	unsigned w;
	/* LnkCap2 was reserved before PCIe 3.0; pciutils reads an
	 * endpoint's only at function 0 */
	if (!((tm & (T(ENDPOINT) | T(LEG_END))) && (cur->dev || cur->func))) {
		l = cl(where + PCI_EXP_LNKCAP2);
		if (l) {
			unsigned v = (l >> 1) & 0x7f;
			regline(l, "\t\tLnkCap2: Supported Link Speeds: %s, Crosslink@8 Retimer@23 2Retimers@24 DRS@31\n",
				v & 0x60 ? "RsvdP" : v & 0x10 ? "2.5-32GT/s" : v & 8 ? "2.5-16GT/s" : v & 4 ? "2.5-8GT/s" :
				v & 2 ? "2.5-5GT/s" : v & 1 ? "2.5GT/s" : "Unknown");
		}
		w = cw(where + PCI_EXP_LNKCTL2);
		regline(w, "\t\tLnkCtl2: Target Link Speed: %s, EnterCompliance@4 SpeedDis@5",
			PICK(speed2, w & 15, "Unknown"));
		if (tm & T(DOWNSTREAM))
			printf(", Selectable De-emphasis: %s", deemph[(w >> 6) & 1]);
		regline(w, "\n\t\t\t Transmit Margin: %s, EnterModifiedCompliance@10 ComplianceSOS@11\n"
			   "\t\t\t Compliance Preset/De-emphasis: %s\n",
			PICK(margin, (w >> 7) & 7, "Unknown"), PICK(preset, (w >> 12) & 15, "Unknown"));
	}
	w = cw(where + PCI_EXP_LNKSTA2);
	regline(w, "\t\tLnkSta2: Current De-emphasis Level: %s, EqualizationComplete@1 EqualizationPhase1@2\n"
		   "\t\t\t EqualizationPhase2@3 EqualizationPhase3@4 LinkEqualizationRequest@5\n"
		   "\t\t\t Retimer@6 2Retimers@7 CrosslinkRes: %s",
		deemph[w & 1], xlink[(w >> 8) & 3]);
	if ((tm & DOWNPORT) && (l & PCI_EXP_LNKCAP2_DRS))
		regline(w, ", DRS@15\n\t\t\t DownstreamComp: %s", PICK(comp, (w >> 12) & 7, "Reserved"));
	putchar('\n');
}

/* a memory BAR, as libpci reports it: decides AtomicOpsCap's completer bits */
static int has_mem_bar(void)
{
	for (int i = 0; i < 6; i++)
		if ((cur->base_addr[i] || cur->size[i]) && !(cur->base_addr[i] & PCI_BASE_ADDRESS_SPACE_IO))
			return 1;
	return 0;
}

/* The Express capability: its first line, then at -vv the device, link,
 * slot and root registers and their version 2 counterparts; which ones a
 * port type has (and which bits of them) as pciutils shows them. */
static int cap_express(unsigned where, unsigned cap)
{
	static const char *const types[] = {
		[PCI_EXP_TYPE_ENDPOINT] = "Endpoint", [PCI_EXP_TYPE_LEG_END] = "Legacy Endpoint",
		[PCI_EXP_TYPE_ROOT_PORT] = "Root Port", [PCI_EXP_TYPE_UPSTREAM] = "Upstream Port",
		[PCI_EXP_TYPE_DOWNSTREAM] = "Downstream Port",
		[PCI_EXP_TYPE_PCI_BRIDGE] = "PCI-Express to PCI/PCI-X Bridge",
		[PCI_EXP_TYPE_PCIE_BRIDGE] = "PCI/PCI-X to PCI-Express Bridge",
		[PCI_EXP_TYPE_ROOT_INT_EP] = "Root Complex Integrated Endpoint",
		[PCI_EXP_TYPE_ROOT_EC] = "Root Complex Event Collector",
	};
	unsigned type = (cap & PCI_EXP_FLAGS_TYPE) >> 4;
	uint32_t tm = 1u << type;
	int slot = (tm & DOWNPORT) && (cap & PCI_EXP_FLAGS_SLOT), link = !(tm & (T(ROOT_INT_EP) | T(ROOT_EC)));
	printf("Express ");
	if (verbose >= 2)
		printf("(v%d) ", cap & PCI_EXP_FLAGS_VERS);
	if (type < ARRAY_SIZE(types) && types[type])
		printf("%s", types[type]);
	else
		printf("Unknown type %d", type);
	if (tm & DOWNPORT)
		printf(" (Slot%c)", FLAG(cap, PCI_EXP_FLAGS_SLOT));
	printf(", MSI %02x\n", (cap & PCI_EXP_FLAGS_IRQ) >> 9);
	if (!decoding() || !fetch(where + PCI_EXP_DEVCAP, tm & ROOTISH ? 32 : slot ? 24 : 16))
		return type;
	exp_dev(where, tm);
	if (link)
		exp_link(where, tm);
	if (slot)
		exp_slot(where);
	if (tm & ROOTISH)
		exp_root(where);
	if ((cap & PCI_EXP_FLAGS_VERS) < 2 || !fetch(where + PCI_EXP_DEVCAP2, slot ? 24 : 16))
		return type;
	exp_dev2(where, tm, has_mem_bar());
	if (link)
		exp_link2(where, tm);
	return type;
}

/* virtio's vendor capabilities name their structure; others are opaque */
static void cap_vendor(unsigned where, unsigned cap)
{
	static const char *const vt[] = { "<unknown>", "CommonCfg", "Notify", "ISR", "DeviceCfg" };
	unsigned len = cap & 0xff, type = cap >> 8;
	printf("Vendor Specific Information: ");
	if (cw(PCI_VENDOR_ID) == 0x1af4 && cw(PCI_DEVICE_ID) >= 0x1000 && cw(PCI_DEVICE_ID) <= 0x107f &&
	    len >= 16 && fetch(where, len)) {
		printf("VirtIO: %s\n", vt[type < ARRAY_SIZE(vt) ? type : 0]);
		if (!decoding())
			return;
		printf("\t\tBAR=%d offset=%08x size=%08x", cb(where + 4), cl(where + 8), cl(where + 12));
		if (type == 2 && len >= 20)
			printf(" multiplier=%08x", cl(where + 16));
		putchar('\n');
		return;
	}
	printf("Len=%02x <?>\n", len);
}

static void cap_ssvid(unsigned where)
{
	char b[256];
	if (fetch(where, 8))
		printf("Subsystem: %s\n",
		       lookup(b, PCI_LOOKUP_SUBSYSTEM | PCI_LOOKUP_VENDOR | PCI_LOOKUP_DEVICE, cur->vendor_id,
			      cur->device_id, cw(where + PCI_SSVID_VENDOR), cw(where + PCI_SSVID_DEVICE)));
}

static void cap_af(unsigned where)
{
	printf("PCI Advanced Features\n");
	if (!decoding() || !fetch(where + PCI_AF_CAP, 3))
		return;
	printf("\t\tAFCap: TP%c FLR%c\n", FLAG(cb(where + PCI_AF_CAP), PCI_AF_CAP_TP),
	       FLAG(cb(where + PCI_AF_CAP), PCI_AF_CAP_FLR));
	printf("\t\tAFCtrl: FLR%c\n", FLAG(cb(where + PCI_AF_CTRL), PCI_AF_CTRL_FLR));
	printf("\t\tAFStatus: TP%c\n", FLAG(cb(where + PCI_AF_STATUS), PCI_AF_STATUS_TP));
}

static void cap_sata(unsigned where, unsigned cap)
{
	unsigned bar;
	printf("SATA HBA v%d.%d", (cap >> 4) & 15, cap & 15);
	if (!decoding() || !fetch(where + PCI_SATA_HBA_BARS, 4)) {
		putchar('\n');
		return;
	}
	bar = cl(where + PCI_SATA_HBA_BARS) & 15;
	if (bar >= 4 && bar <= 9)
		printf(" BAR%d Offset=%08x\n", bar - 4, (cl(where + PCI_SATA_HBA_BARS) >> 4) & 0xfffff);
	else if (bar == 15)
		printf(" InCfgSpace\n");
	else
		printf(" BAR??%d\n", bar);
}

/* Capabilities named, without a decoder here: their -v line as pciutils */
static const char *const std_caps[] = {
	[PCI_CAP_ID_NULL] = "Null", [PCI_CAP_ID_AGP] = "AGP <?>", [PCI_CAP_ID_VPD] = "Vital Product Data",
	[PCI_CAP_ID_CHSWP] = "CompactPCI hot-swap <?>", [PCI_CAP_ID_PCIX] = "PCI-X <?>",
	[PCI_CAP_ID_HT] = "HyperTransport <?>", [PCI_CAP_ID_CCRC] = "CompactPCI central resource control <?>",
	[PCI_CAP_ID_HOTPLUG] = "Hot-plug capable", [PCI_CAP_ID_AGP3] = "AGP3 <?>",
	[PCI_CAP_ID_SECURE] = "Secure device <?>", [PCI_CAP_ID_EA] = "Enhanced Allocation (EA) <?>",
};

static const char *const ext_caps[] = {
	[PCI_EXT_CAP_ID_NULL] = "Null", [PCI_EXT_CAP_ID_AER] = "Advanced Error Reporting",
	[PCI_EXT_CAP_ID_VC] = "Virtual Channel", [PCI_EXT_CAP_ID_PB] = "Power Budgeting <?>",
	[PCI_EXT_CAP_ID_RCLINK] = "Root Complex Link", [PCI_EXT_CAP_ID_RCILINK] = "Root Complex Internal Link <?>",
	[PCI_EXT_CAP_ID_RCEC] = "Root Complex Event Collector Endpoint Association",
	[PCI_EXT_CAP_ID_MFVC] = "Multi-Function Virtual Channel <?>", [PCI_EXT_CAP_ID_VC2] = "Virtual Channel",
	[PCI_EXT_CAP_ID_RCRB] = "Root Complex Register Block <?>", [PCI_EXT_CAP_ID_ACS] = "Access Control Services",
	[PCI_EXT_CAP_ID_ARI] = "Alternative Routing-ID Interpretation (ARI)",
	[PCI_EXT_CAP_ID_ATS] = "Address Translation Service (ATS)",
	[PCI_EXT_CAP_ID_SRIOV] = "Single Root I/O Virtualization (SR-IOV)",
	[PCI_EXT_CAP_ID_MRIOV] = "Multi-Root I/O Virtualization <?>", [PCI_EXT_CAP_ID_MCAST] = "Multicast",
	[PCI_EXT_CAP_ID_PRI] = "Page Request Interface (PRI)", [PCI_EXT_CAP_ID_REBAR] = "Physical Resizable BAR",
	[PCI_EXT_CAP_ID_DPA] = "Dynamic Power Allocation <?>", [PCI_EXT_CAP_ID_TPH] = "Transaction Processing Hints",
	[PCI_EXT_CAP_ID_LTR] = "Latency Tolerance Reporting", [PCI_EXT_CAP_ID_SECPCI] = "Secondary PCI Express",
	[PCI_EXT_CAP_ID_PMUX] = "Protocol Multiplexing <?>", [PCI_EXT_CAP_ID_PASID] = "Process Address Space ID (PASID)",
	[PCI_EXT_CAP_ID_LNR] = "LN Requester <?>", [PCI_EXT_CAP_ID_DPC] = "Downstream Port Containment",
	[PCI_EXT_CAP_ID_L1PM] = "L1 PM Substates", [PCI_EXT_CAP_ID_PTM] = "Precision Time Measurement",
	[PCI_EXT_CAP_ID_M_PCIE] = "PCI Express over M_PHY <?>", [PCI_EXT_CAP_ID_FRS] = "FRS Queueing <?>",
	[PCI_EXT_CAP_ID_RTR] = "Readiness Time Reporting <?>", [PCI_EXT_CAP_ID_VF_REBAR] = "Virtual Resizable BAR",
	[PCI_EXT_CAP_ID_DLNK] = "Data Link Feature <?>", [PCI_EXT_CAP_ID_16GT] = "Physical Layer 16.0 GT/s <?>",
	[PCI_EXT_CAP_ID_LMR] = "Lane Margining at the Receiver <?>", [PCI_EXT_CAP_ID_HIER_ID] = "Hierarchy ID <?>",
	[PCI_EXT_CAP_ID_NPEM] = "Native PCIe Enclosure Management <?>", [PCI_EXT_CAP_ID_DOE] = "Data Object Exchange",
};

/* The -vv decoders of extended capabilities: each is called once its
 * registers from where + 4 on are fetched (see ext_decoders below). */

/* AER: the error status/mask/severity registers, and at a root port the
 * root error registers */
static void cap_aer(unsigned where, int type)
{
	static const char ue[] = "DLP@4 SDES@5 TLP@12 FCP@13 CmpltTO@14 CmpltAbrt@15 UnxCmplt@16 RxOF@17 "
				 "MalfTLP@18 ECRC@19 UnsupReq@20 ACSViol@21\n";
	static const char ce[] = "RxErr@0 BadTLP@6 BadDLLP@7 Rollover@8 Timeout@12 AdvNonFatalErr@13\n";
	static const struct { const char *name, *bits; } regs[] = {
		{ "UESta", ue }, { "UEMsk", ue }, { "UESvrt", ue }, { "CESta", ce }, { "CEMsk", ce },
	};
	uint32_t l;
	for (unsigned i = 0; i < ARRAY_SIZE(regs); i++) {
		printf("\t\t%s:\t", regs[i].name);
		regline(cl(where + PCI_ERR_UNCOR_STATUS + 4 * i), "%s", regs[i].bits);
	}
	l = cl(where + PCI_ERR_CAP);
	regline(l, "\t\tAERCap:\tFirst Error Pointer: %02x, ECRCGenCap@5 ECRCGenEn@6 ECRCChkCap@7 ECRCChkEn@8\n"
		   "\t\t\tMultHdrRecCap@9 MultHdrRecEn@10 TLPPfxPres@11 HdrLogCap@12\n", l & 31);
	printf("\t\tHeaderLog: %08x %08x %08x %08x\n", cl(where + PCI_ERR_HEADER_LOG),
	       cl(where + PCI_ERR_HEADER_LOG + 4), cl(where + PCI_ERR_HEADER_LOG + 8),
	       cl(where + PCI_ERR_HEADER_LOG + 12));
	if ((type != PCI_EXP_TYPE_ROOT_PORT && type != PCI_EXP_TYPE_ROOT_EC) ||
	    !fetch(where + PCI_ERR_ROOT_COMMAND, 12))
		return;
	regline(cl(where + PCI_ERR_ROOT_COMMAND), "\t\tRootCmd: CERptEn@0 NFERptEn@1 FERptEn@2\n");
	l = cl(where + PCI_ERR_ROOT_STATUS);
	regline(l, "\t\tRootSta: CERcvd@0 MultCERcvd@1 UERcvd@2 MultUERcvd@3\n"
		   "\t\t\t FirstFatal@4 NonFatalMsg@5 FatalMsg@6 IntMsg %d\n", l >> 27);
	printf("\t\tErrorSrc: ERR_COR: %04x ERR_FATAL/NONFATAL: %04x\n", cw(where + PCI_ERR_ROOT_COR_SRC),
	       cw(where + PCI_ERR_ROOT_SRC));
}

static void cap_ari(unsigned where, int type)
{
	unsigned w = cw(where + PCI_ARI_CAP);
	regline(w, "\t\tARICap:\tMFVC@0 ACS@1, Next Function: %d\n", w >> 8);
	w = cw(where + PCI_ARI_CTRL);
	regline(w, "\t\tARICtl:\tMFVC@0 ACS@1, Function Group: %d\n", (w >> 4) & 7);
	(void)type;
}

/* the capability and control registers have the same bits */
static void cap_acs(unsigned where, int type)
{
	static const char bits[] = "SrcValid@0 TransBlk@1 ReqRedir@2 CmpltRedir@3 UpstreamFwd@4 EgressCtrl@5 "
				   "DirectTrans@6\n";
	printf("\t\tACSCap:\t");
	regline(cw(where + PCI_ACS_CAP), bits);
	printf("\t\tACSCtl:\t");
	regline(cw(where + PCI_ACS_CTRL), bits);
	(void)type;
}

static void cap_ats(unsigned where, int type)
{
	unsigned w = cw(where + PCI_ATS_CTRL);
	printf("\t\tATSCap:\tInvalidate Queue Depth: %02x\n", cw(where + PCI_ATS_CAP) & 0x1f);
	regline(w, "\t\tATSCtl:\tEnable@15, Smallest Translation Unit: %02x\n", w & 0x1f);
	(void)type;
}

static void cap_pri(unsigned where, int type)
{
	regline(cw(where + PCI_PRI_CTRL), "\t\tPRICtl: Enable@0 Reset@1\n");
	regline(cw(where + PCI_PRI_STATUS), "\t\tPRISta: RF@0 UPRGI@1 Stopped@8\n");
	printf("\t\tPage Request Capacity: %08x, Page Request Allocation: %08x\n",
	       cl(where + PCI_PRI_MAX_REQ), cl(where + PCI_PRI_ALLOC_REQ));
	(void)type;
}

static void cap_pasid(unsigned where, int type)
{
	unsigned w = cw(where + PCI_PASID_CAP);
	regline(w, "\t\tPASIDCap: Exec@1 Priv@2, Max PASID Width: %02x\n", (w >> 8) & 0x1f);
	regline(cw(where + PCI_PASID_CTRL), "\t\tPASIDCtl: Enable@0 Exec@1 Priv@2\n");
	(void)type;
}

static void cap_dpc(unsigned where, int type)
{
	unsigned w = cw(where + PCI_DPC_CAP);
	regline(w, "\t\tDpcCap:\tINT Msg #%d, RPExt@5 PoisonedTLP@6 SwTrigger@7 RP PIO Log %d, DL_ActiveErr@12\n",
		w & 0x1f, (w >> 8) & 15);
	w = cw(where + PCI_DPC_CTL);
	regline(w, "\t\tDpcCtl:\tTrigger:%x Cmpl@2 INT@3 ErrCor@4 PoisonedTLP@5 SwTrigger@6 DL_ActiveErr@7\n", w & 3);
	w = cw(where + PCI_DPC_STATUS);
	regline(w, "\t\tDpcSta:\tTrigger@0 Reason:%02x INT@3 RPBusy@4 TriggerExt:%02x RP PIO ErrPtr:%02x\n",
		(w >> 1) & 3, (w >> 5) & 3, (w >> 8) & 0x1f);
	printf("\t\tSource:\t%04x\n", cw(where + PCI_DPC_SOURCE));
	(void)type;
}

/* LTR's latency scales are powers of 32 ns; pciutils computes them in 32
 * bits, where on x86 the shift count of the reserved scales 6 and 7 wraps */
static uint64_t ltr_ns(unsigned value, unsigned scale)
{
	return (uint64_t)value * (1u << (scale * 5 & 31));
}

static void cap_ltr(unsigned where, int type)
{
	static const char *const what[] = { "snoop", "no snoop" };
	for (unsigned i = 0; i < 2; i++) {
		unsigned w = cw(where + PCI_LTR_MAX_SNOOP + 2 * i);
		printf("\t\tMax %s latency: %lluns\n", what[i], (unsigned long long)ltr_ns(w & 0x3ff, (w >> 10) & 7));
	}
	(void)type;
}

/* L1 PM substates' power-on times: a value in units of 2, 10 or 100 us */
static void pwron(const char *label, unsigned scale, unsigned value)
{
	static const unsigned us[] = { 2, 10, 100 };
	if (scale < ARRAY_SIZE(us))
		printf("%s%uus", label, us[scale] * value);
	else
		printf("%s<error>", label);
}

static void cap_l1pm(unsigned where, int type)
{
	uint32_t cap = cl(where + PCI_L1PM_SUBSTAT_CAP), l;
	int l12 = cap & (PCI_L1PM_SUBSTAT_CAP_PM_L12 | PCI_L1PM_SUBSTAT_CAP_ASPM_L12);
	regline(cap, "\t\tL1SubCap: PCI-PM_L1.2@0 PCI-PM_L1.1@1 ASPM_L1.2@2 ASPM_L1.1@3 L1_PM_Substates@4\n");
	if (l12) {
		printf("\t\t\t  PortCommonModeRestoreTime=%uus ", (cap >> 8) & 0xff);
		pwron("PortTPowerOnTime=", (cap >> 16) & 3, (cap >> 19) & 31);
		putchar('\n');
	}
	l = cl(where + PCI_L1PM_SUBSTAT_CTL1);
	regline(l, "\t\tL1SubCtl1: PCI-PM_L1.2@0 PCI-PM_L1.1@1 ASPM_L1.2@2 ASPM_L1.1@3\n");
	if (l12) {
		printf("\t\t\t   T_CommonMode=%uus", (l >> 8) & 0xff);
		if (cap & PCI_L1PM_SUBSTAT_CAP_ASPM_L12) {
			if (l >> 29 > 5)
				printf(" LTR1.2_Threshold=<error>");
			else
				printf(" LTR1.2_Threshold=%lluns",
				       (unsigned long long)ltr_ns((l >> 16) & 0x3ff, l >> 29));
		}
		putchar('\n');
	}
	l = cl(where + PCI_L1PM_SUBSTAT_CTL2);
	printf("\t\tL1SubCtl2:");
	if (l12)
		pwron(" T_PwrOn=", l & 3, (l >> 3) & 31);
	putchar('\n');
	(void)type;
}

/* PTM: capability and control, each with a clock granularity in ns */
static void cap_ptm(unsigned where, int type)
{
	static const char *const reg[] = { "\t\tPTMCap: Requester:@0 Responder:@1 Root:@2\n",
					   "\t\tPTMControl: Enabled:@0 RootSelected:@1\n" };
	static const char *const name[] = { "Clock", "Effective" }, *const none[] = { "Unimplemented", "Unknown" };
	for (unsigned i = 0; i < 2; i++) {
		uint32_t l = cl(where + 4 + 4 * i);
		unsigned g = (l >> 8) & 0xff;
		regline(l, "%s", reg[i]);
		printf("\t\tPTM%sGranularity: ", name[i]);
		if (!g)
			printf("%s\n", none[i]);
		else if (g == 0xff)
			printf("Greater than 254ns\n");
		else
			printf("%uns\n", g);
	}
	(void)type;
}

/* SR-IOV: the VF numbers and, of the VF BARs, those set (as memory) */
static void cap_sriov(unsigned where, int type)
{
	uint32_t l = cl(where + PCI_IOV_CAP);
	regline(l, "\t\tIOVCap:\tMigration@0 10BitTagReq@2 Interrupt Message Number: %03x\n", l >> 21);
	regline(cw(where + PCI_IOV_CTRL),
		"\t\tIOVCtl:\tEnable@0 Migration@1 Interrupt@2 MSE@3 ARIHierarchy@4 10BitTagReq@5\n");
	regline(cw(where + PCI_IOV_STATUS), "\t\tIOVSta:\tMigration@0\n");
	printf("\t\tInitial VFs: %d, Total VFs: %d, Number of VFs: %d, Function Dependency Link: %02x\n",
	       cw(where + PCI_IOV_INITIALVF), cw(where + PCI_IOV_TOTALVF), cw(where + PCI_IOV_NUMVF),
	       cb(where + PCI_IOV_FDL));
	printf("\t\tVF offset: %d, stride: %d, Device ID: %04x\n", cw(where + PCI_IOV_OFFSET),
	       cw(where + PCI_IOV_STRIDE), cw(where + PCI_IOV_DID));
	printf("\t\tSupported Page Size: %08x, System Page Size: %08x\n", cl(where + PCI_IOV_SUPPS),
	       cl(where + PCI_IOV_SYSPS));
	for (unsigned i = 0; i < PCI_IOV_NUM_BAR; i++) {
		unsigned bits;
		l = cl(where + PCI_IOV_BAR_BASE + 4 * i);
		if (!l || l == 0xffffffff)
			continue;
		bits = l & PCI_BASE_ADDRESS_MEM_TYPE_MASK;
		printf("\t\tRegion %u: Memory at ", i);
		/* a 64-bit BAR takes the next one as its high half, even the
		 * last one's (the migration state offset then) */
		if (bits == PCI_BASE_ADDRESS_MEM_TYPE_64)
			printf("%08x", cl(where + PCI_IOV_BAR_BASE + 4 * ++i));
		printf("%08x (%s-bit, %sprefetchable)\n", l & ~0xfu, bits == PCI_BASE_ADDRESS_MEM_TYPE_32 ? "32" : "64",
		       l & PCI_BASE_ADDRESS_MEM_PREFETCH ? "" : "non-");
	}
	l = cl(where + PCI_IOV_MSAO);
	printf("\t\tVF Migration: offset: %08x, BIR: %x\n", l & ~7u, l & 7);
	(void)type;
}

/* Resizable BAR sizes: bit N is 2^N MB */
static void rebar_size(unsigned n)
{
	if (n < 44)
		printf(" %u%cB", 1u << n % 10, "MGTPE"[n / 10]);
	else
		printf(" <unknown>");
}

/* (Virtual) Resizable BAR: the first control register gives the count of
 * the capability/control pairs that follow the header */
static void cap_rebar(unsigned where, int type)
{
	unsigned bars = 1;
	for (unsigned n = 0; n < bars; n++, where += 8) {
		uint32_t sizes, ctl;
		if (!fetch(where + 4, 8)) {
			printf("\t\t<unreadable>\n");
			return;
		}
		sizes = cl(where + 4) >> 4;
		ctl = cl(where + 8);
		if (!n && ((bars = (ctl >> 5) & 7) < 1 || bars > 6)) {
			printf("\t\t<error in resizable BAR: num_bars=%u is out of specification>\n", bars);
			return;
		}
		printf("\t\tBAR %u: current size:", ctl & 7);
		rebar_size((ctl >> 8) & 0x3f);
		if (sizes || ctl >> 16)
			printf(", supported:");
		for (unsigned i = 0; i < 44; i++)
			if ((i < 28 ? sizes >> i : ctl >> (16 + i - 28)) & 1)
				rebar_size(i);
		putchar('\n');
	}
	(void)type;
}

static void cap_tph(unsigned where, int type)
{
	static const char *const st[] = { "No steering table available", "Steering table in TPH capability structure",
					  "Steering table in MSI-X table", "Reserved steering table location" };
	uint32_t l = cl(where + PCI_TPH_CAPABILITIES);
	if (l & PCI_TPH_INTVEC_SUP)
		printf("\t\tInterrupt vector mode supported\n");
	if (l & PCI_TPH_DEV_SUP)
		printf("\t\tDevice specific mode supported\n");
	if (l & PCI_TPH_EXT_REQ_SUP)
		printf("\t\tExtended requester support\n");
	printf("\t\t%s\n", st[(l >> 9) & 3]);
	(void)type;
}

static void cap_sec(unsigned where, int type)
{
	unsigned w = cw(where + PCI_SEC_LANE_ERR);
	regline(cw(where + PCI_SEC_LNKCTL3), "\t\tLnkCtl3: LnkEquIntrruptEn@1 PerformEqu@0\n");
	printf("\t\tLaneErrStat: %s", w ? "LaneErr at lane:" : "0");
	for (unsigned lane = 0; lane < 16; lane++)
		if (w >> lane & 1)
			printf(" %u", lane);
	putchar('\n');
	(void)type;
}

/* pciutils computes the window and overlay sizes as int 1 << N, which for
 * N of 31 and more gives, on x86, 1 << (N % 32) taken as signed */
static int pow2(unsigned n)
{
	return (int)(1u << (n & 31));
}

/* Multicast: endpoints have a window size, ports an ECRC bit and an overlay
 * BAR.  Other types get neither, and their McastCap line is not ended, as
 * in pciutils. */
static void cap_multicast(unsigned where, int type)
{
	static const char *const vec[] = { "ReceiveVec:     ", "BlockAllVec:    ", "BlockUntransVec:" };
	int ep = type == PCI_EXP_TYPE_ENDPOINT || type == PCI_EXP_TYPE_ROOT_INT_EP;
	unsigned w = cw(where + PCI_MCAST_CAP);
	uint64_t q;
	printf("\t\tMcastCap: MaxGroups %d", (w & 0x3f) + 1);
	if (ep)
		printf(", WindowSz %d (%d bytes)", (w >> 8) & 0x3f, pow2((w >> 8) & 0x3f));
	if (type == PCI_EXP_TYPE_ROOT_PORT || type == PCI_EXP_TYPE_UPSTREAM || type == PCI_EXP_TYPE_DOWNSTREAM)
		regline(w, ", ECRCRegen@15\n");
	w = cw(where + PCI_MCAST_CTRL);
	regline(w, "\t\tMcastCtl: NumGroups %d, Enable@15\n", (w & 0x3f) + 1);
	q = cl(where + PCI_MCAST_BAR) | (uint64_t)cl(where + PCI_MCAST_BAR + 4) << 32;
	printf("\t\tMcastBAR: IndexPos %d, BaseAddr %016llx\n", (int)(q & 0x3f), (unsigned long long)(q & ~0xfffull));
	for (unsigned i = 0; i < 3; i++) {
		unsigned at = where + PCI_MCAST_RCV + 8 * i;
		printf("\t\tMcast%s %016llx\n", vec[i], (unsigned long long)(cl(at) | (uint64_t)cl(at + 4) << 32));
	}
	if (ep)
		return;
	q = cl(where + PCI_MCAST_OVL_BAR) | (uint64_t)cl(where + PCI_MCAST_OVL_BAR + 4) << 32;
	printf("\t\tMcastOverlayBAR: OverlaySize %d ", (int)(q & 0x3f));
	if ((q & 0x3f) >= 6)
		printf("(%d bytes)", pow2(q & 0x3f));
	else
		printf("(disabled)");
	printf(", BaseAddr %016llx\n", (unsigned long long)(q & ~0x3full));
}

/* RCEC: the root complex integrated endpoints it collects for, as device
 * ranges, and from version 2 on the bus numbers */
static void cap_rcec(unsigned where, int type)
{
	uint32_t map = cl(where + PCI_RCEC_RCIEP_BMAP), busn;
	printf("\t\tRCiEPBitmap: ");
	if (!map)
		printf("%s", verbose > 2 ? "00000000 [none]" : "[none]");
	else
		printf("RCiEP at Device(s):");
	/* runs of devices as FIRST-LAST; pciutils leaves one up to 31 open */
	for (unsigned dev = 0, run = 0, sep = 0; dev < 32; dev++) {
		if (map >> dev & 1) {
			if (!run++)
				printf("%s %u", sep++ ? "," : "", dev);
		} else {
			if (run > 1)
				printf("-%u", dev - 1);
			run = 0;
		}
	}
	putchar('\n');
	if (((cl(where) >> 16) & 15) < PCI_RCEC_BUSN_REG_VER)
		return;
	busn = cl(where + PCI_RCEC_BUSN_REG);
	if (((busn >> 8) & 0xffff) == 0xff)
		printf("\t\tAssociatedBusNumbers: %s\n", verbose > 2 ? "ff-00 [none]" : "[none]");
	else
		printf("\t\tAssociatedBusNumbers: %02x-%02x\n", (busn >> 8) & 0xff, (busn >> 16) & 0xff);
	(void)type;
}

static void cap_doe(unsigned where, int type)
{
	uint32_t l = cl(where + PCI_DOE_CAP);
	regline(l, "\t\tDOECap: IntSup@0\n");
	if (l & PCI_DOE_CAP_INT_SUPP)
		printf("\t\t\tInterrupt Message Number %03x\n", (l >> 1) & 0x7ff);
	regline(cl(where + PCI_DOE_CTL), "\t\tDOECtl: IntEn@1\n");
	/* pciutils' Error "bit" is a mask of Busy and IntSta */
	l = cl(where + PCI_DOE_STS);
	regline(l, "\t\tDOESta: Busy@0 IntSta@1 Error%c ObjectReady@31\n", FLAG(l, 3));
	(void)type;
}

/* an entry of a table of names, else "??N" as pciutils */
static const char *name_of(const char *const *tab, unsigned n, unsigned i, char buf[16])
{
	if (i < n)
		return tab[i];
	snprintf(buf, 16, "??%u", i);
	return buf;
}

static const char *const arb_sel[] = { "Fixed", "WRR32", "WRR64", "WRR128", "??4", "??5", "??6", "??7" };
static const char *const vc_arb_sel[] = { "Fixed", "WRR32", "WRR64", "WRR128", "TWRR128", "WRR256", "??6", "??7" };

/* the arbitration schemes a VC register offers: the reserved ones only
 * when their bit is set */
static void arb(const char *const names[8], uint32_t bits)
{
	for (unsigned i = 0; i < 8; i++)
		if (names[i][0] != '?' || bits >> i & 1)
			printf("%c%s%c", i ? ' ' : '\t', names[i], FLAG(bits, 1u << i));
}

/* Virtual Channel: the port registers, then each VC's resource registers */
static void cap_vc(unsigned where, int type)
{
	static const char *const refclk[] = { "100ns" };
	uint32_t cr1 = cl(where + PCI_VC_PORT_REG1), cr2 = cl(where + PCI_VC_PORT_REG2);
	char buf[16];
	printf("\t\tCaps:\tLPEVC=%u RefClk=%s PATEntryBits=%d\n\t\tArb:", (cr1 >> 4) & 7,
	       name_of(refclk, ARRAY_SIZE(refclk), (cr1 >> 8) & 3, buf), 1 << ((cr1 >> 10) & 3));
	arb(arb_sel, cr2);
	printf("\n\t\tCtrl:\tArbSelect=%s\n", arb_sel[(cw(where + PCI_VC_PORT_CTRL) >> 1) & 7]);
	regline(cw(where + PCI_VC_PORT_STATUS), "\t\tStatus:\tInProgress@0\n");
	if (cr2 >> 24)
		printf("\t\tPort Arbitration Table [%x] <?>\n", where + 16 * (cr2 >> 24));
	for (unsigned i = 0; i <= (cr1 & 7); i++) {
		unsigned pos = where + PCI_VC_RES_CAP + 12 * i;
		uint32_t rcap, rctl;
		printf("\t\tVC%u:\t", i);
		if (!fetch(pos, 12)) {
			printf("<unreadable>\n");
			continue;
		}
		rcap = cl(pos);
		rctl = cl(pos + 4);
		regline(rcap, "Caps:\tPATOffset=%02x MaxTimeSlots=%u RejSnoopTrans@15\n\t\t\tArb:", rcap >> 24,
			((rcap >> 16) & 0x7f) + 1);
		arb(vc_arb_sel, rcap);
		regline(rctl, "\n\t\t\tCtrl:\tEnable@31 ID=%u ArbSelect=%s TC/VC=%02x\n", (rctl >> 24) & 7,
			vc_arb_sel[(rctl >> 17) & 7], rctl & 0xff);
		regline(cw(pos + 10), "\t\t\tStatus:\tNegoPending@1 InProgress@0\n");
		if (rcap >> 24)
			printf("\t\t\tPort Arbitration Table <?>\n");
	}
	(void)type;
}

/* Root Complex Link: the element, then its links to others, addressed by
 * memory or by configuration space (bus bits given by the address' low 3) */
static void cap_rclink(unsigned where, int type)
{
	static const char *const elt[] = { "Config", "Egress", "Internal" };
	uint32_t esd = cl(where + PCI_RCLINK_ESD);
	char buf[16];
	printf("\t\tDesc:\tPortNumber=%02x ComponentID=%02x EltType=%s\n", esd >> 24, (esd >> 16) & 0xff,
	       name_of(elt, ARRAY_SIZE(elt), esd & 0xff, buf));
	for (unsigned i = 0; i < ((esd >> 8) & 0xff); i++) {
		unsigned pos = where + PCI_RCLINK_LINK1 + i * PCI_RCLINK_LINK_SIZE, n;
		uint32_t desc, lo, hi;
		printf("\t\tLink%u:\t", i);
		if (!fetch(pos, PCI_RCLINK_LINK_SIZE)) {
			printf("<unreadable>\n");
			return;
		}
		desc = cl(pos + PCI_RCLINK_LINK_DESC);
		lo = cl(pos + PCI_RCLINK_LINK_ADDR);
		hi = cl(pos + PCI_RCLINK_LINK_ADDR + 4);
		regline(desc, "Desc:\tTargetPort=%02x TargetComponent=%02x AssocRCRB@2 LinkType=%s LinkValid@0\n",
			desc >> 24, (desc >> 16) & 0xff, desc & 2 ? "Config" : "MemMapped");
		if (!(desc & 2)) {
			printf("\t\t\tAddr:\t%08x%08x\n", hi, lo);
			continue;
		}
		n = lo & 7 ? lo & 7 : 8;
		printf("\t\t\tAddr:\t%02x:%02x.%u  CfgSpace=%08x%08x\n", (lo >> 20) & ((1u << n) - 1),
		       (lo >> 15) & 31, (lo >> 12) & 7, hi, lo);
	}
	(void)type;
}

/* ---- CXL's designated vendor-specific capabilities ---- */

/* a memory range of a CXL device; the type, class and interleave
 * encodings pciutils has no name for (it reads past its tables) as ??N */
static void cxl_range(unsigned at, int n)
{
	static const char *const types[] = { "Volatile", "Non-volatile", "CDAT" };
	static const char *const classes[] = { "DRAM", "Storage", "CDAT" };
	static const unsigned ways[] = { 0, 256, 4096, 512, 1024, 2048, 8192, 16384 };
	uint64_t size = (uint64_t)cl(at) << 32 | cl(at + 4), base = (uint64_t)cl(at + 8) << 32 | cl(at + 12);
	unsigned w = size & 0xffff, i = (w >> 8) & 0x1f;
	char b1[16], b2[16], b3[16];
	size &= ~0x0fffffffull;
	printf("\t\tRange%d: %016llx-%016llx\n", n, (unsigned long long)base, (unsigned long long)(base + size - 1));
	snprintf(b3, sizeof(b3), i < ARRAY_SIZE(ways) ? "%u" : "??%u", i < ARRAY_SIZE(ways) ? ways[i] : i);
	regline(w, "\t\t\tValid@0 Active@1 Type=%s Class=%s interleave=%s timeout=%ds\n",
		name_of(types, ARRAY_SIZE(types), (w >> 2) & 7, b1),
		name_of(classes, ARRAY_SIZE(classes), (w >> 5) & 7, b2), b3, 1 << ((w >> 13) & 7) * 2);
}

static void cxl_device(unsigned where, int rev, unsigned len)
{
	unsigned w;
	if (len < PCI_CXL_DEV_LEN || rev < 1)	/* CXL 1.1's layout is not decoded */
		return;
	w = cw(where + PCI_CXL_DEV_CAP);
	regline(w, "\t\tCXLCap:\tCache@0 IO@1 Mem@2 Mem HW Init@3 HDMCount %d Viral@14\n", (w >> 4) & 3);
	w = cw(where + PCI_CXL_DEV_CTRL);
	regline(w, "\t\tCXLCtl:\tCache@0 IO@1 Mem@2 Cache SF Cov %d Cache SF Gran %d Cache Clean@11 Viral@14\n",
		(w >> 3) & 0x1f, (w >> 8) & 7);
	regline(cw(where + PCI_CXL_DEV_STATUS), "\t\tCXLSta:\tViral@14\n");
	regline(cw(where + PCI_CXL_DEV_STATUS2), "\t\tCXLSta2:\tResetComplete@1 ResetError@2 PMComplete@15\n");
	w = cw(where + PCI_CXL_DEV_CAP2);
	if ((w & 15) == PCI_CXL_DEV_CAP2_CACHE_UNK)
		printf("\t\tCache Size Not Reported\n");
	else if ((w & 15) <= PCI_CXL_DEV_CAP2_CACHE_1M)
		printf("\t\tCache Size: %08x\n", (w >> 8 & 0xff) << ((w & 15) == PCI_CXL_DEV_CAP2_CACHE_1M ? 20 : 16));
	else
		printf("\t\tCache Size: %d of unknown unit size (%d)\n", (w >> 8) & 0xff, w & 15);
	cxl_range(where + PCI_CXL_DEV_RANGE1_SIZE_HI, 1);
	cxl_range(where + PCI_CXL_DEV_RANGE2_SIZE_HI, 2);
}

static void cxl_port(unsigned where, unsigned len)
{
	if (len < PCI_CXL_PORT_EXT_LEN)
		return;
	/* pciutils tests the status with its offset, 0x0a, as the mask */
	printf("\t\tCXLPortSta:\tPMComplete%c\n", FLAG(cw(where + PCI_CXL_PORT_EXT_STATUS), 0x0a));
	regline(cw(where + PCI_CXL_PORT_CTRL),
		"\t\tCXLPortCtl:\tUnmaskSBR@0 UnmaskLinkDisable@1 AltMem@2 AltBME@3 ViralEnable@14\n");
	/* and labels the alternate memory range as the bus range */
	printf("\t\tAlternateBus:\t%02x-%02x\n\t\tAlternateBus:\t%04x-%04x\n", cb(where + PCI_CXL_PORT_ALT_BUS_BASE),
	       cb(where + PCI_CXL_PORT_ALT_BUS_LIMIT), cw(where + PCI_CXL_PORT_ALT_MEM_BASE),
	       cw(where + PCI_CXL_PORT_ALT_MEM_LIMIT));
}

/* a GPF time: base in bits 0-3 times 1, 10 or 100 of the unit of scale
 * bits 8-11; 10 s has no unit name, nor have the reserved scales */
static void gpf_time(const char *what, unsigned w)
{
	static const unsigned mult[] = { 1, 10, 100, 1, 10, 100, 1, 10 };
	unsigned scale = (w >> 8) & 15;
	if (scale >= ARRAY_SIZE(mult))
		printf("\t\tReserved time scale encoding %x\n", scale);
	printf("\t\tGPF %s: %u%s\n", what, (w & 15) * (scale < ARRAY_SIZE(mult) ? mult[scale] : 1),
	       scale < 3 ? "us" : scale < 6 ? "ms" : scale == 6 ? "s" : "<?>");
}

static void cxl_flexbus(unsigned where, int rev)
{
	static const char more[] = " 256BFlit@13 PBRFlit@14";
	static const char *const regs[] = {
		"\t\tFBCap:\tCache@0 IO@1 Mem@2 68BFlit@5 MltLogDev@6",
		"\n\t\tFBCtl:\tCache@0 IO@1 Mem@2 SynHdrByp@3 DrftBuf@4 68BFlit@5 MltLogDev@6 RCD@7 Retimer1@8 Retimer2@9",
		"\n\t\tFBSta:\tCache@0 IO@1 Mem@2 SynHdrByp@3 DrftBuf@4 68BFlit@5 MltLogDev@6",
	};
	if (rev < 1) {
		printf("\t\tRevision %d not supported\n", rev);
		return;
	}
	for (unsigned i = 0; i < 3; i++) {
		unsigned w = cw(where + PCI_CXL_FB_PORT_CAP + 2 * i);
		regline(w, "%s", regs[i]);
		if (rev > 1)
			regline(w, more);
	}
	printf("\n\t\tFBModTS:\tReceived FB Data: %06x\n", cl(where + PCI_CXL_FB_MOD_TS_DATA) & 0xffffff);
	if (rev < 2)
		return;
	regline(cl(where + PCI_CXL_FB_PORT_CAP2), "\t\tFBCap2:\tNOPHint@0\n");
	regline(cl(where + PCI_CXL_FB_PORT_CTRL2), "\t\tFBCtl2:\tNOPHint@0\n");
	printf("\t\tFBSta2:\tNOPHintInfo: %x\n", cl(where + PCI_CXL_FB_PORT_STATUS2) & 3);
}

/* the register blocks, 8 bytes each, that fit in the capability */
static void cxl_locator(unsigned where, unsigned len)
{
	static const char *const ids[] = { "empty", "component registers", "BAR virtualization",
					   "CXL device registers", "CPMU registers" };
	for (unsigned i = 0, pos = where + PCI_CXL_RL_BLOCK1_LO; pos + 7 < where + len; i++, pos += 8) {
		uint32_t lo = cl(pos), id = (lo >> 8) & 0xff;
		if (id)
			printf("\t\tBlock%u: BIR: bar%u, ID: %s, offset: %016llx\n", i + 1, lo & 7,
			       id < ARRAY_SIZE(ids) ? ids[id] : id == 0xff ? "vendor-specific" : "<?>",
			       (unsigned long long)((uint64_t)cl(pos + 4) << 32 | (lo & 0xffff0000)));
	}
}

static void cap_cxl(unsigned where, unsigned id, int rev, unsigned len)
{
	unsigned w;
	switch (id) {
	case 0:
		cxl_device(where, rev, len);
		break;
	case 2:
		for (unsigned i = 0; i < 8; i++)
			printf("\t\tFuncMap %u: %08x\n", i, cw(where + PCI_CXL_FUN_MAP_REG_0 + 4 * i));
		break;
	case 3:
		cxl_port(where, len);
		break;
	case 4:
		gpf_time("Phase 1 Timeout", cw(where + PCI_CXL_GPF_PORT_PHASE1_CTRL));
		gpf_time("Phase 2 Timeout", cw(where + PCI_CXL_GPF_PORT_PHASE2_CTRL));
		break;
	case 5:
		gpf_time("Phase 2 Duration", cw(where + PCI_CXL_GPF_DEV_PHASE2_DUR));
		printf("\t\tGPF Phase 2 Power: %umW\n", cl(where + PCI_CXL_GPF_DEV_PHASE2_POW));
		break;
	case 7:
		cxl_flexbus(where, rev);
		break;
	case 8:
		cxl_locator(where, len);
		break;
	case 9:
		w = cw(where + PCI_CXL_MLD_NUM_LD);
		if (w && w <= PCI_CXL_MLD_MAX_LD)
			printf("\t\tNumLogDevs: %d\n", w);
		break;
	default:
		printf("\t\tUnknown ID %04x\n", id);
	}
}

/* len: the bytes from where + 4 on a decoder reads (0: it fetches its own);
 * unreadable: say so when they cannot be read, as pciutils does for some */
static const struct {
	uint8_t id, len, unreadable;
	void (*show)(unsigned where, int type);
} ext_decoders[] = {
	{ PCI_EXT_CAP_ID_AER, 40, 0, cap_aer },		{ PCI_EXT_CAP_ID_ARI, 4, 0, cap_ari },
	{ PCI_EXT_CAP_ID_ACS, 4, 0, cap_acs },		{ PCI_EXT_CAP_ID_ATS, 4, 0, cap_ats },
	{ PCI_EXT_CAP_ID_PRI, 12, 0, cap_pri },		{ PCI_EXT_CAP_ID_PASID, 4, 0, cap_pasid },
	{ PCI_EXT_CAP_ID_DPC, 8, 0, cap_dpc },		{ PCI_EXT_CAP_ID_LTR, 4, 0, cap_ltr },
	{ PCI_EXT_CAP_ID_L1PM, 12, 1, cap_l1pm },	{ PCI_EXT_CAP_ID_PTM, 8, 1, cap_ptm },
	{ PCI_EXT_CAP_ID_SRIOV, 0x3c, 0, cap_sriov },	{ PCI_EXT_CAP_ID_REBAR, 0, 0, cap_rebar },
	{ PCI_EXT_CAP_ID_VF_REBAR, 0, 0, cap_rebar },	{ PCI_EXT_CAP_ID_TPH, 4, 0, cap_tph },
	{ PCI_EXT_CAP_ID_SECPCI, 12, 0, cap_sec },	{ PCI_EXT_CAP_ID_MCAST, 0x30, 0, cap_multicast },
	{ PCI_EXT_CAP_ID_RCEC, 8, 0, cap_rcec },	{ PCI_EXT_CAP_ID_DOE, 0x14, 1, cap_doe },
	{ PCI_EXT_CAP_ID_VC, 0x18, 0, cap_vc },		{ PCI_EXT_CAP_ID_VC2, 0x18, 0, cap_vc },
	{ PCI_EXT_CAP_ID_RCLINK, 12, 0, cap_rclink },
};

static int decoder(unsigned id)
{
	for (unsigned i = 0; i < ARRAY_SIZE(ext_decoders); i++)
		if (ext_decoders[i].id == id)
			return i;
	return -1;
}

/* Extended capabilities (offset 0x100 on): names, the serial number, the
 * vendor headers, and at -vv the registers ext_decoders knows; the others
 * (multi-function VC, power budgeting, ...) are only named.  type: the Express
 * capability's port type, -1 without one. */
static void show_ext_caps(int type)
{
	static uint8_t seen[4096 / 4];
	unsigned where = 0x100;
	memset(seen, 0, sizeof(seen));
	do {
		uint32_t h;
		unsigned id;
		int d;
		if (!fetch(where, 4))
			break;
		h = cl(where);
		if (!h || h == 0xffffffff)
			break;
		id = h & 0xffff;
		printf("\tCapabilities: [%03x", where);
		if (verbose > 1)
			printf(" v%d", (h >> 16) & 0xf);
		printf("] ");
		if (seen[where / 4]++) {
			printf("<chain looped>\n");
			break;
		}
		if (id == PCI_EXT_CAP_ID_DSN) {
			if (fetch(where + 4, 8))
				printf("Device Serial Number %02x-%02x-%02x-%02x-%02x-%02x-%02x-%02x\n",
				       cb(where + 11), cb(where + 10), cb(where + 9), cb(where + 8),
				       cb(where + 7), cb(where + 6), cb(where + 5), cb(where + 4));
		} else if (id == PCI_EXT_CAP_ID_VNDR) {
			printf("Vendor Specific Information: ");
			if (!fetch(where + 4, 4))
				printf("<unreadable>\n");
			else
				printf("ID=%04x Rev=%d Len=%03x <?>\n", cw(where + 4), cb(where + 6) & 15,
				       cw(where + 6) >> 4);
		} else if (id == PCI_EXT_CAP_ID_DVSEC) {
			printf("Designated Vendor-Specific: ");
			if (!fetch(where + 4, 8)) {
				printf("<unreadable>\n");
			} else {
				unsigned len = cw(where + 6) >> 4;
				printf("Vendor=%04x ID=%04x Rev=%d Len=%u", cw(where + 4), cw(where + 8),
				       cb(where + 6) & 15, len);
				if (cw(where + 4) != PCI_DVSEC_VENDOR_ID_CXL || len < 16) {
					printf(" <?>\n");
				} else {
					printf(": CXL\n");
					if (decoding() && fetch(where, len))
						cap_cxl(where, cw(where + 8), cb(where + 6) & 15, len);
				}
			}
		} else if (decoding() && (d = decoder(id)) >= 0) {
			/* its name, from ext_caps as below, and its registers */
			printf("%s\n", ext_caps[id]);
			if (fetch(where + 4, ext_decoders[d].len))
				ext_decoders[d].show(where, type);
			else if (ext_decoders[d].unreadable)
				printf("\t\t<unreadable>\n");
		} else if (id < ARRAY_SIZE(ext_caps) && ext_caps[id])
			printf("%s\n", ext_caps[id]);
		else
			printf("Extended Capability ID %#02x\n", id);
		where = (h >> 20) & ~3u;
	} while (where);
}

static void show_caps(unsigned ptr)
{
	uint8_t seen[256] = { 0 };
	int ext = 0, type = -1;
	unsigned where;
	if (!(cw(PCI_STATUS) & PCI_STATUS_CAP_LIST))
		return;
	for (where = cb(ptr) & ~3u; where; ) {
		unsigned id, next, cap;
		printf("\tCapabilities: ");
		if (!fetch(where, 4)) {
			printf("<access denied>\n");
			break;
		}
		id = cb(where + PCI_CAP_LIST_ID);
		next = cb(where + PCI_CAP_LIST_NEXT) & ~3u;
		cap = cw(where + PCI_CAP_FLAGS);
		printf("[%02x] ", where);
		if (seen[where]++) {
			printf("<chain looped>\n");
			break;
		}
		if (id == 0xff) {
			printf("<chain broken>\n");
			break;
		}
		switch (id) {
		case PCI_CAP_ID_PM: cap_pm(where, cap); break;
		case PCI_CAP_ID_MSI: cap_msi(where, cap); break;
		case PCI_CAP_ID_MSIX: cap_msix(where, cap); break;
		case PCI_CAP_ID_EXP: type = cap_express(where, cap); ext = 1; break;
		case PCI_CAP_ID_VNDR: cap_vendor(where, cap); break;
		case PCI_CAP_ID_SSVID: cap_ssvid(where); break;
		case PCI_CAP_ID_AF: cap_af(where); break;
		case PCI_CAP_ID_SATA: cap_sata(where, cap); break;
		case PCI_CAP_ID_SLOTID:
			printf("Slot ID: %d slots, First%c, chassis %02x\n", cap & PCI_SID_ESR_NSLOTS,
			       FLAG(cap, PCI_SID_ESR_FIC), cap >> 8);
			break;
		case PCI_CAP_ID_DBG:
			printf("Debug port: BAR=%d offset=%04x\n", cap >> 13, cap & 0x1fff);
			break;
		default:
			if (id < ARRAY_SIZE(std_caps) && std_caps[id])
				printf("%s\n", std_caps[id]);
			else
				printf("Capability ID %#02x [%04x]\n", id, cap);
		}
		if (id == PCI_CAP_ID_PCIX)
			ext = 1;
		where = next;
	}
	if (ext)
		show_ext_caps(type);
}

/* ---- header types ----------------------------------------------------- */

static void show_range(const char *what, uint64_t base, uint64_t limit, int bits, int disabled)
{
	printf("\t%s:", what);
	if (base <= limit || verbose > 2)
		printf(" %0*llx-%0*llx", (bits + 3) / 4, (unsigned long long)base, (bits + 3) / 4,
		       (unsigned long long)limit);
	if (!disabled && base <= limit)
		show_size(limit - base + 1);
	else
		printf(" [disabled]");
	if (bits)
		printf(" [%d-bit]", bits);
	putchar('\n');
}

static const char *devsel(unsigned st)
{
	switch (st & PCI_STATUS_DEVSEL_MASK) {
	case PCI_STATUS_DEVSEL_SLOW: return "slow";
	case PCI_STATUS_DEVSEL_MEDIUM: return "medium";
	case PCI_STATUS_DEVSEL_FAST: return "fast";
	}
	return "??";
}

/* PCI-to-PCI bridge: its windows, from sysfs when the kernel gives them */
static void show_bridge(struct pci_dev *p)
{
	int known = !!(p->known_fields & PCI_FILL_BRIDGE_BASES);
	int io_off = known && !p->bridge_size[0], mem_off = known && !p->bridge_size[1],
	    pref_off = known && !p->bridge_size[2];
	unsigned io_base = cb(PCI_IO_BASE), io_limit = cb(PCI_IO_LIMIT), io_type = io_base & PCI_IO_RANGE_TYPE_MASK;
	unsigned mem_base = cw(PCI_MEMORY_BASE), mem_limit = cw(PCI_MEMORY_LIMIT);
	unsigned pref_base = cw(PCI_PREF_MEMORY_BASE), pref_limit = cw(PCI_PREF_MEMORY_LIMIT);
	unsigned pref_type = pref_base & PCI_PREF_RANGE_TYPE_MASK, sec = cw(PCI_SEC_STATUS), brc = cw(PCI_BRIDGE_CONTROL);

	show_bases(p, 2, 0);
	printf("\tBus: primary=%02x, secondary=%02x, subordinate=%02x, sec-latency=%d\n", cb(PCI_PRIMARY_BUS),
	       cb(PCI_SECONDARY_BUS), cb(PCI_SUBORDINATE_BUS), cb(PCI_SEC_LATENCY_TIMER));

	if (known && !io_off) {
		uint64_t b = p->bridge_base_addr[0] & PCI_IO_RANGE_MASK;
		int t = p->bridge_base_addr[0] & PCI_IO_RANGE_TYPE_MASK;
		show_range("I/O behind bridge", b, b + p->bridge_size[0] - 1, t == PCI_IO_RANGE_TYPE_32 ? 32 : 16, 0);
	} else if (io_type != (io_limit & PCI_IO_RANGE_TYPE_MASK) ||
		   (io_type != PCI_IO_RANGE_TYPE_16 && io_type != PCI_IO_RANGE_TYPE_32))
		printf("\t!!! Unknown I/O range types %x/%x\n", io_base, io_limit);
	else {
		uint32_t b = (io_base & PCI_IO_RANGE_MASK) << 8, l = (io_limit & PCI_IO_RANGE_MASK) << 8;
		if (io_type == PCI_IO_RANGE_TYPE_32) {
			b |= cw(PCI_IO_BASE_UPPER16) << 16;
			l |= cw(PCI_IO_LIMIT_UPPER16) << 16;
		}
		if (b || l || !io_off)
			show_range("I/O behind bridge", b, l + 0xfff, io_type == PCI_IO_RANGE_TYPE_32 ? 32 : 16, io_off);
	}

	if (known && !mem_off) {
		uint64_t b = p->bridge_base_addr[1] & PCI_MEMORY_RANGE_MASK;
		show_range("Memory behind bridge", b, b + p->bridge_size[1] - 1, 32, 0);
	} else if ((mem_base & PCI_MEMORY_RANGE_TYPE_MASK) != (mem_limit & PCI_MEMORY_RANGE_TYPE_MASK) ||
		   (mem_base & PCI_MEMORY_RANGE_TYPE_MASK))
		printf("\t!!! Unknown memory range types %x/%x\n", mem_base, mem_limit);
	else
		show_range("Memory behind bridge", (uint64_t)(mem_base & PCI_MEMORY_RANGE_MASK) << 16,
			   ((uint64_t)(mem_limit & PCI_MEMORY_RANGE_MASK) << 16) + 0xfffff, 32, mem_off);

	if (known && !pref_off) {
		uint64_t b = p->bridge_base_addr[2] & PCI_MEMORY_RANGE_MASK;
		int t = p->bridge_base_addr[2] & PCI_MEMORY_RANGE_TYPE_MASK;
		show_range("Prefetchable memory behind bridge", b, b + p->bridge_size[2] - 1,
			   t == PCI_PREF_RANGE_TYPE_64 ? 64 : 32, 0);
	} else if (pref_type != (pref_limit & PCI_PREF_RANGE_TYPE_MASK) ||
		   (pref_type != PCI_PREF_RANGE_TYPE_32 && pref_type != PCI_PREF_RANGE_TYPE_64))
		printf("\t!!! Unknown prefetchable memory range types %x/%x\n", pref_base, pref_limit);
	else {
		uint64_t b = (uint64_t)(pref_base & PCI_PREF_RANGE_MASK) << 16;
		uint64_t l = (uint64_t)(pref_limit & PCI_PREF_RANGE_MASK) << 16;
		if (pref_type == PCI_PREF_RANGE_TYPE_64) {
			b |= (uint64_t)cl(PCI_PREF_BASE_UPPER32) << 32;
			l |= (uint64_t)cl(PCI_PREF_LIMIT_UPPER32) << 32;
		}
		if (b || l || !pref_off)
			show_range("Prefetchable memory behind bridge", b, l + 0xfffff,
				   pref_type == PCI_PREF_RANGE_TYPE_64 ? 64 : 32, pref_off);
	}

	if (verbose > 1)
		printf("\tSecondary status: 66MHz%c FastB2B%c ParErr%c DEVSEL=%s >TAbort%c <TAbort%c <MAbort%c <SERR%c <PERR%c\n",
		       FLAG(sec, PCI_STATUS_66MHZ), FLAG(sec, PCI_STATUS_FAST_BACK), FLAG(sec, PCI_STATUS_PARITY),
		       devsel(sec), FLAG(sec, PCI_STATUS_SIG_TARGET_ABORT), FLAG(sec, PCI_STATUS_REC_TARGET_ABORT),
		       FLAG(sec, PCI_STATUS_REC_MASTER_ABORT), FLAG(sec, PCI_STATUS_SIG_SYSTEM_ERROR),
		       FLAG(sec, PCI_STATUS_DETECTED_PARITY));
	show_rom(p, PCI_ROM_ADDRESS1);
	if (verbose > 1) {
		printf("\tBridgeCtl: Parity%c SERR%c NoISA%c VGA%c VGA16%c MAbort%c >Reset%c FastB2B%c\n",
		       FLAG(brc, PCI_BRIDGE_CTL_PARITY), FLAG(brc, PCI_BRIDGE_CTL_SERR),
		       FLAG(brc, PCI_BRIDGE_CTL_NO_ISA), FLAG(brc, PCI_BRIDGE_CTL_VGA),
		       FLAG(brc, PCI_BRIDGE_CTL_VGA_16BIT), FLAG(brc, PCI_BRIDGE_CTL_MASTER_ABORT),
		       FLAG(brc, PCI_BRIDGE_CTL_BUS_RESET), FLAG(brc, PCI_BRIDGE_CTL_FAST_BACK));
		printf("\t\tPriDiscTmr%c SecDiscTmr%c DiscTmrStat%c DiscTmrSERREn%c\n",
		       FLAG(brc, PCI_BRIDGE_CTL_PRI_DISCARD_TIMER), FLAG(brc, PCI_BRIDGE_CTL_SEC_DISCARD_TIMER),
		       FLAG(brc, PCI_BRIDGE_CTL_DISCARD_TIMER_STATUS), FLAG(brc, PCI_BRIDGE_CTL_DISCARD_TIMER_SERR_EN));
	}
	show_caps(PCI_CAPABILITY_LIST);
}

/* CardBus bridge: two memory and two I/O windows, the bridge control
 * register, then (in the second 64 bytes) the legacy port and capabilities */
static void show_cardbus(struct pci_dev *p)
{
	unsigned cmd = cw(PCI_COMMAND), brc = cw(PCI_CB_BRIDGE_CONTROL);
	show_bases(p, 1, 0);
	printf("\tBus: primary=%02x, secondary=%02x, subordinate=%02x, sec-latency=%d\n", cb(PCI_CB_PRIMARY_BUS),
	       cb(PCI_CB_CARD_BUS), cb(PCI_CB_SUBORDINATE_BUS), cb(PCI_CB_LATENCY_TIMER));
	for (int i = 0; i < 2; i++) {
		uint32_t base = cl(PCI_CB_MEMORY_BASE_0 + 8 * i), limit = cl(PCI_CB_MEMORY_LIMIT_0 + 8 * i) + 0xfff;
		if (base <= limit || verbose > 2)
			printf("\tMemory window %d: %08x-%08x%s%s\n", i, base, limit,
			       cmd & PCI_COMMAND_MEMORY ? "" : " [disabled]",
			       brc & (PCI_CB_BRIDGE_CTL_PREFETCH_MEM0 << i) ? " (prefetchable)" : "");
	}
	for (int i = 0; i < 2; i++) {
		uint32_t base = cl(PCI_CB_IO_BASE_0 + 8 * i), limit = cl(PCI_CB_IO_LIMIT_0 + 8 * i);
		if (!(base & PCI_IO_RANGE_TYPE_32)) {	/* 16-bit window: the upper half is not its */
			base &= 0xffff;
			limit &= 0xffff;
		}
		base &= PCI_CB_IO_RANGE_MASK;
		limit = (limit & PCI_CB_IO_RANGE_MASK) + 3;
		if (base <= limit || verbose > 2)
			printf("\tI/O window %d: %08x-%08x%s\n", i, base, limit,
			       cmd & PCI_COMMAND_IO ? "" : " [disabled]");
	}
	if (cw(PCI_CB_SEC_STATUS) & PCI_STATUS_SIG_SYSTEM_ERROR)
		printf("\tSecondary status: SERR\n");
	if (verbose > 1)
		regline(brc, "\tBridgeCtl: Parity@0 SERR@1 ISA@2 VGA@3 MAbort@5 >Reset@6 16bInt@7 PostWrite@10\n");
	if (cached < 128) {
		printf("\t<access denied to the rest>\n");
		return;
	}
	if (cw(PCI_CB_LEGACY_MODE_BASE))
		printf("\t16-bit legacy interface ports at %04x\n", cw(PCI_CB_LEGACY_MODE_BASE));
	show_caps(PCI_CB_CAPABILITY_LIST);
}

/* no config space to trust: what the OS reports */
static void show_unknown(struct pci_dev *p)
{
	if (pacc->buscentric)
		return;
	show_bases(p, 6, 1);
	for (int i = 0; i < 4; i++) {
		pciaddr_t f = p->bridge_flags[i];
		const char *what = "Unknown resource behind bridge";
		int bits = 0;
		if (!p->bridge_base_addr[i])
			continue;
		if (f & PCI_IORESOURCE_IO) {
			bits = f & PCI_IORESOURCE_IO_16BIT_ADDR ? 16 : 32;
			what = "I/O behind bridge";
		} else if (f & PCI_IORESOURCE_MEM) {
			bits = f & PCI_IORESOURCE_MEM_64 ? 64 : 32;
			what = f & PCI_IORESOURCE_PREFETCH ? "Prefetchable memory behind bridge" : "Memory behind bridge";
		}
		show_range(what, p->bridge_base_addr[i], p->bridge_base_addr[i] + p->bridge_size[i] - 1, bits, 0);
	}
	show_rom(p, -1);
}

static void show_terse(struct pci_dev *p)
{
	char b[256];
	slot(p);
	printf(" %s:", lookup(b, PCI_LOOKUP_CLASS, p->device_class, 0, 0, 0));
	printf(" %s", lookup(b, PCI_LOOKUP_VENDOR | PCI_LOOKUP_DEVICE, p->vendor_id, p->device_id, 0, 0));
	if ((p->known_fields & PCI_FILL_CLASS_EXT) && p->rev_id)
		printf(" (rev %02x)", p->rev_id);
	if (verbose) {
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
	if (verbose || opt('k')) {
		pci_fill_info(p, PCI_FILL_LABEL);
		if (p->label)	/* sysfs's label keeps its newline */
			printf("\tDeviceName: %s", p->label);
		if (has_subsys(p))
			printf("\tSubsystem: %s\n",
			       lookup(b, PCI_LOOKUP_SUBSYSTEM | PCI_LOOKUP_VENDOR | PCI_LOOKUP_DEVICE, p->vendor_id,
				      p->device_id, p->subsys_vendor_id, p->subsys_id));
	}
}

static void show_verbose(struct pci_dev *p)
{
	unsigned class = p->device_class, htype = cached ? cfg[PCI_HEADER_TYPE] & 0x7f : 0xff;
	unsigned bist = 0, min_gnt = 0, max_lat = 0, cmd = cw(PCI_COMMAND), st = cw(PCI_STATUS);
	const char *s;
	int known = 1;

	show_terse(p);
	pci_fill_info(p, PCI_FILL_IRQ | PCI_FILL_BASES | PCI_FILL_ROM_BASE | PCI_FILL_SIZES | PCI_FILL_PHYS_SLOT |
			      PCI_FILL_NUMA_NODE | PCI_FILL_DT_NODE | PCI_FILL_IOMMU_GROUP | PCI_FILL_BRIDGE_BASES |
			      PCI_FILL_CLASS_EXT | PCI_FILL_SUBSYS);
	switch (htype) {
	case PCI_HEADER_TYPE_NORMAL:
		if (class == PCI_CLASS_BRIDGE_PCI)
			printf("\t!!! Invalid class %04x for header type %02x\n", class, htype);
		bist = cb(PCI_BIST);
		max_lat = cb(PCI_MAX_LAT);
		min_gnt = cb(PCI_MIN_GNT);
		break;
	case PCI_HEADER_TYPE_BRIDGE:
	case PCI_HEADER_TYPE_CARDBUS:
		if ((class >> 8) != PCI_BASE_CLASS_BRIDGE)
			printf("\t!!! Invalid class %04x for header type %02x\n", class, htype);
		bist = cb(PCI_BIST);
		break;
	default:
		if (cached)
			printf("\t!!! Unknown header type %02x\n", htype);
		known = 0;
	}
	if (p->phy_slot)
		printf("\tPhysical Slot: %s\n", p->phy_slot);
	if ((s = pci_get_string_property(p, PCI_FILL_DT_NODE)))
		printf("\tDevice tree node: %s\n", s);
	if (known && verbose > 1) {
		printf("\tControl: I/O%c Mem%c BusMaster%c SpecCycle%c MemWINV%c VGASnoop%c ParErr%c Stepping%c SERR%c FastB2B%c DisINTx%c\n",
		       FLAG(cmd, PCI_COMMAND_IO), FLAG(cmd, PCI_COMMAND_MEMORY), FLAG(cmd, PCI_COMMAND_MASTER),
		       FLAG(cmd, PCI_COMMAND_SPECIAL), FLAG(cmd, PCI_COMMAND_INVALIDATE),
		       FLAG(cmd, PCI_COMMAND_VGA_PALETTE), FLAG(cmd, PCI_COMMAND_PARITY), FLAG(cmd, PCI_COMMAND_WAIT),
		       FLAG(cmd, PCI_COMMAND_SERR), FLAG(cmd, PCI_COMMAND_FAST_BACK),
		       FLAG(cmd, PCI_COMMAND_DISABLE_INTx));
		printf("\tStatus: Cap%c 66MHz%c UDF%c FastB2B%c ParErr%c DEVSEL=%s >TAbort%c <TAbort%c <MAbort%c >SERR%c <PERR%c INTx%c\n",
		       FLAG(st, PCI_STATUS_CAP_LIST), FLAG(st, PCI_STATUS_66MHZ), FLAG(st, PCI_STATUS_UDF),
		       FLAG(st, PCI_STATUS_FAST_BACK), FLAG(st, PCI_STATUS_PARITY), devsel(st),
		       FLAG(st, PCI_STATUS_SIG_TARGET_ABORT), FLAG(st, PCI_STATUS_REC_TARGET_ABORT),
		       FLAG(st, PCI_STATUS_REC_MASTER_ABORT), FLAG(st, PCI_STATUS_SIG_SYSTEM_ERROR),
		       FLAG(st, PCI_STATUS_DETECTED_PARITY), FLAG(st, PCI_STATUS_INTx));
		if (cmd & PCI_COMMAND_MASTER) {
			printf("\tLatency: %d", cb(PCI_LATENCY_TIMER));
			if (min_gnt || max_lat) {
				printf(" (");
				if (min_gnt)
					printf("%dns min", min_gnt * 250);
				if (min_gnt && max_lat)
					printf(", ");
				if (max_lat)
					printf("%dns max", max_lat * 250);
				putchar(')');
			}
			if (cb(PCI_CACHE_LINE_SIZE))
				printf(", Cache Line Size: %d bytes", cb(PCI_CACHE_LINE_SIZE) * 4);
			putchar('\n');
		}
	}
	if (verbose > 1) {
		unsigned pin = known ? cb(PCI_INTERRUPT_PIN) : 0;
		if (pin || p->irq)
			printf("\tInterrupt: pin %c routed to IRQ %d\n", pin ? 'A' + pin - 1 : '?', p->irq);
		if (p->numa_node != -1)
			printf("\tNUMA node: %d\n", p->numa_node);
		if ((s = pci_get_string_property(p, PCI_FILL_IOMMU_GROUP)))
			printf("\tIOMMU group: %s\n", s);
	}
	if (known && verbose <= 1) {
		printf("\tFlags: ");
		if (cmd & PCI_COMMAND_MASTER)
			printf("bus master, ");
		if (cmd & PCI_COMMAND_VGA_PALETTE)
			printf("VGA palette snoop, ");
		if (cmd & PCI_COMMAND_WAIT)
			printf("stepping, ");
		if (cmd & PCI_COMMAND_FAST_BACK)
			printf("fast Back2Back, ");
		if (st & PCI_STATUS_66MHZ)
			printf("66MHz, ");
		if (st & PCI_STATUS_UDF)
			printf("user-definable features, ");
		printf("%s devsel", devsel(st));
		if (cmd & PCI_COMMAND_MASTER)
			printf(", latency %d", cb(PCI_LATENCY_TIMER));
		if (p->irq)
			printf(", IRQ %d", p->irq);
		if (p->numa_node != -1)
			printf(", NUMA node %d", p->numa_node);
		if ((s = pci_get_string_property(p, PCI_FILL_IOMMU_GROUP)))
			printf(", IOMMU group %s", s);
		putchar('\n');
	}
	if (bist & PCI_BIST_CAPABLE) {
		if (bist & PCI_BIST_START)
			printf("\tBIST is running\n");
		else
			printf("\tBIST result: %02x\n", bist & PCI_BIST_CODE_MASK);
	}
	switch (htype) {
	case PCI_HEADER_TYPE_NORMAL:
		show_bases(p, 6, 0);
		show_rom(p, PCI_ROM_ADDRESS);
		show_caps(PCI_CAPABILITY_LIST);
		break;
	case PCI_HEADER_TYPE_BRIDGE:
		show_bridge(p);
		break;
	case PCI_HEADER_TYPE_CARDBUS:
		show_cardbus(p);
		break;
	default:
		show_unknown(p);
	}
}

/* -x: config space in hex, the format -F reads back */
static void show_hex(void)
{
	unsigned n = cached;
	if (!cached) {
		printf("WARNING: Cannot show hex-dump of the config space\n");
		return;
	}
	if (opt('x') >= 3 && fetch(n, 256 - n)) {
		n = 256;
		if (opt('x') >= 4 && fetch(256, 4096 - 256))
			n = 4096;
	}
	for (unsigned i = 0; i < n; i++) {
		if (!(i & 15))
			printf("%02x:", i);
		printf(" %02x", cfg[i]);
		if ((i & 15) == 15)
			putchar('\n');
	}
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
	if (optstr('F')) {
		pci_set_param(pacc, "dump.name", (char *)optstr('F'));
		pacc->method = PCI_ACCESS_DUMP;
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
		pci_fill_info(p, PCI_FILL_IDENT | PCI_FILL_CLASS | PCI_FILL_CLASS_EXT | PCI_FILL_SUBSYS);
		devs = xrealloc(devs, (n + 1) * sizeof(*devs));
		devs[n++] = p;
	}
	qsort(devs, n, sizeof(*devs), by_slot);
	verbose = opt('v');
	for (unsigned i = 0; i < n; i++) {
		load_config(devs[i]);
		if (opt('k') && opt('n') && opt('m') == 1 && !verbose)
			show_howto(devs[i]);
		else if (opt('m'))
			show_machine(devs[i]);
		else {
			if (verbose)
				show_verbose(devs[i]);
			else
				show_terse(devs[i]);
			if (opt('k') || verbose)
				show_kernel(devs[i], 0);
		}
		if (opt('x'))
			show_hex();
		if (verbose || opt('x'))
			putchar('\n');
	}
	free(devs);
	modtree_free(tree);
	tree = NULL;
	tree_tried = 0;
	pci_cleanup(pacc);
	pacc = NULL;
	return px.exitcode;
}
