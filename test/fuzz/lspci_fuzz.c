/* lspci_fuzz.c - libFuzzer target for what lspci reads from outside: a
 * pci.ids file (-i, parsed by libpci) and a config-space dump (-F, read by
 * libpci's dump method), then every decoder of lspci -vv -xxx (regions,
 * capability chains, PCI Express and AER registers, extended capabilities,
 * bridges, CardBus bridges) on the devices found.
 * The input is the pci.ids text, a NUL byte, then the dump text.
 * Needs libpci's headers (Debian's libpci-dev); run.sh links -lpci. */
#include "support.h"
#include "../../applets/lspci.c"

static char ids[64], dump[64];

static void run(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t n = nul ? (size_t)(nul - data) : size;
	int fd;
	char *argv[] = { "lspci", "-vv", "-xxx", "-k", NULL };

	opt_parse(">0k(kernel)n(numeric)m(machine)v(verbose)s(slot):d(device):i(ids):DxF:A:O*\001(modules):", 4,
		  argv);
	if ((fd = open(ids, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
		abort();
	xwrite(fd, data, n);
	close(fd);
	if ((fd = open(dump, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
		abort();
	if (nul)
		xwrite(fd, nul + 1, size - n - 1);
	close(fd);

	pacc = pci_alloc();
	pacc->error = pci_die;
	pacc->warning = pci_quiet;
	pacc->debug = pci_quiet;
	pci_set_param(pacc, "dump.name", dump);
	pacc->method = PCI_ACCESS_DUMP;
	pci_set_name_list_path(pacc, ids, 0);
	/* Debian's libpci also asks udev's hwdb, and leaks the handle; the
	 * static one pxebox links has no hwdb */
	pci_set_param(pacc, "hwdb.disable", "1");
	tree_tried = 1;		/* no module tree: -k shows the driver only */
	pci_init(pacc);
	pci_scan_bus(pacc);
	/* -vv, or -vvv (which shows empty CardBus and bridge windows) */
	verbose = 2 + (size & 1);
	for (struct pci_dev *p = pacc->devices; p; p = p->next) {
		pci_fill_info(p, PCI_FILL_IDENT | PCI_FILL_CLASS | PCI_FILL_CLASS_EXT | PCI_FILL_SUBSYS);
		load_config(p);
		show_verbose(p);
		show_kernel(p, 0);
		show_hex();
		show_machine(p);
		show_howto(p);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int once;
	if (!once) {
		if (!freopen("/dev/null", "w", stdout))
			abort();
		snprintf(ids, sizeof(ids), "/tmp/lspci-fuzz-%d.ids", (int)getpid());
		snprintf(dump, sizeof(dump), "/tmp/lspci-fuzz-%d.dump", (int)getpid());
		once = 1;
	}
	if (!setjmp(fuzz_jmp))
		run(data, size);
	/* also after a libpci error (a malformed dump), which longjmps here */
	if (pacc)
		pci_cleanup(pacc);
	pacc = NULL;
	return 0;
}
