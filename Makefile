# pxebox - see README.md.  `make` builds toolchain, binary and initrd;
# `make test` runs every test.  O=DIR builds out of tree, V=1 shows commands.
O ?= build
LIBC ?= uclibc
override O := $(abspath $(O))
srctree := $(abspath .)
gen := $(O)/gen
export PXEBOX_GEN := $(gen)
export SOURCE_DATE_EPOCH ?= $(shell git -C $(srctree) log -1 --format=%ct 2>/dev/null || echo 0)

ifeq ($(V),1)
Q :=
quiet = @:
else
Q := @
quiet = @printf '  %-7s %s\n' '$(1)' '$(patsubst $(O)/%,%,$(2))';
endif

# ---- compiler --------------------------------------------------------
ifeq ($(origin CC),default)
  ifneq ($(CROSS_COMPILE),)
    CC := $(CROSS_COMPILE)gcc
  else ifeq ($(LIBC),uclibc)
    CC := $(shell $(srctree)/scripts/toolchain.sh --print-cc)
    toolchain_dep := $(CC)
  else ifeq ($(LIBC),musl)
    CC := musl-gcc
  else
    CC := gcc
  endif
endif
STRIP ?= $(CROSS_COMPILE)strip
AR := $(CROSS_COMPILE)ar
NM ?= $(CROSS_COMPILE)nm

-include $(O)/.config
unquote = $(patsubst "%",%,$(1))

CFLAGS_BASE := -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	-Wno-missing-field-initializers -fno-pie -fno-common \
	-ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables \
	-fno-unwind-tables -fno-stack-protector -fno-ident \
	-ffile-prefix-map=$(srctree)/= -ffile-prefix-map=$(O)/=build/ \
	-I$(srctree)/core -I$(gen)
ifeq ($(CONFIG_DEBUG),y)
CFLAGS_OPT := -O0 -g
else
CFLAGS_OPT := -Os
endif
ALL_CFLAGS = $(CFLAGS_BASE) $(CFLAGS_OPT) $(call unquote,$(CONFIG_EXTRA_CFLAGS)) $(CFLAGS)
ALL_LDFLAGS = -static -no-pie -Wl,--gc-sections -Wl,--build-id=none -Wl,-z,noseparate-code -Wl,-z,norelro \
	-Wl,-Map=$(O)/pxebox.map $(LDFLAGS)
LDLIBS-$(CONFIG_LIBPCI) += -lpci
LDLIBS-$(CONFIG_ZLIB) += -lz

# ---- objects ---------------------------------------------------------
APPLET_SRCS := $(sort $(wildcard applets/*.c))
# core/ goes through an archive, so a helper no enabled applet uses costs nothing
CORE_OBJS := $(patsubst %.c,$(O)/%.o,$(sort $(wildcard core/*.c)))
-include $(gen)/objs.mk
APPLET_OBJS := $(patsubst %,$(O)/%,$(sort $(obj-y)))
OBJS := $(gen)/applets.o $(APPLET_OBJS)

.PHONY: all pxebox toolchain initrd qemu-test qemu-run test bench sizes clean distclean help \
	menuconfig defconfig savedefconfig oldconfig olddefconfig allyesconfig allnoconfig
.DEFAULT_GOAL := all

# the image is packed and indexed by pxebox's own cpio, gzip, modprobe, depmod
ifeq ($(CONFIG_CPIO)$(CONFIG_GZIP)$(CONFIG_MODPROBE)$(CONFIG_DEPMOD),yyyy)
all: pxebox initrd
else
all: pxebox
	@echo "  NOTE    no initrd: this configuration lacks cpio, gzip, modprobe or depmod"
endif

pxebox: $(O)/pxebox
	@echo "  DONE    $(O)/pxebox ($$(stat -c %s $(O)/pxebox) bytes)"

toolchain: $(toolchain_dep)
$(toolchain_dep):
	$(Q)$(srctree)/scripts/toolchain.sh

# ---- generated tables and configuration --------------------------------
# the script rewrites only the files whose text changed; the stamp records the run
$(gen)/applets.c $(gen)/Kconfig.applets $(gen)/objs.mk: $(gen)/.applets.stamp ;
$(gen)/.applets.stamp: $(APPLET_SRCS) scripts/gen-applets.sh
	$(call quiet,GEN,$(gen)/applets.c)
	$(Q)scripts/gen-applets.sh $(gen) $(APPLET_SRCS)
	$(Q)touch $@

KCONF_ENV = KCONFIG_CONFIG=$(O)/.config
KCONF = $(KCONF_ENV) kconfig-conf
kconfig_tools := /usr/bin/kconfig-conf
$(kconfig_tools):
	$(Q)scripts/host-deps.sh kconfig-frontends-nox libncurses-dev

# A defconfig whose first line is "# base: allnoconfig" lists only what is on;
# the others start from each symbol's default, as in the kernel.
apply_defconfig = if head -n1 $(1) | grep -q '^\# base: allnoconfig'; then \
		KCONFIG_ALLCONFIG=$(1) $(KCONF) --allnoconfig Kconfig; \
	else $(KCONF) --defconfig=$(1) Kconfig; fi

# .config is included above, so make brings it up to date (and restarts)
# before reading obj-y: a new applet's symbol is settled in the same run.
$(O)/.config: $(gen)/Kconfig.applets Kconfig | $(kconfig_tools)
	$(Q)mkdir -p $(O)
	$(Q)if [ -f $@ ]; then $(KCONF) --olddefconfig Kconfig >/dev/null; \
	else echo "  CONFIG  pxe_defconfig"; $(call apply_defconfig,configs/pxe_defconfig) >/dev/null; fi
	$(Q)touch $@

# the header is replaced only when it changes
$(gen)/autoconf.h: $(O)/.config scripts/gen-autoconf.sh
	$(Q)scripts/gen-autoconf.sh $(O)/.config Kconfig $(gen)/Kconfig.applets >$@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm -f $@.tmp; touch $@; else mv -f $@.tmp $@; fi

%_defconfig: $(gen)/Kconfig.applets | $(kconfig_tools)
	$(Q)test -f configs/$@ || { echo "no such config: configs/$@" >&2; exit 1; }
	$(Q)mkdir -p $(O)
	$(Q)$(call apply_defconfig,configs/$@)
defconfig: pxe_defconfig
oldconfig olddefconfig allyesconfig allnoconfig: $(gen)/Kconfig.applets | $(kconfig_tools)
	$(Q)mkdir -p $(O)
	$(Q)$(KCONF) --$@ Kconfig
savedefconfig: $(O)/.config | $(kconfig_tools)
	$(Q)$(KCONF) --savedefconfig=$(O)/defconfig Kconfig
	@echo "  SAVED   $(O)/defconfig"
menuconfig: $(gen)/Kconfig.applets | $(kconfig_tools)
	$(Q)mkdir -p $(O)
	$(Q)$(KCONF_ENV) kconfig-mconf Kconfig

# ---- compile and link ----------------------------------------------------
$(O)/%.o: %.c $(gen)/autoconf.h | $(toolchain_dep)
	$(call quiet,CC,$*.o)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(gen)/applets.o: $(gen)/applets.c $(gen)/autoconf.h | $(toolchain_dep)
	$(call quiet,CC,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(O)/libcore.a: $(CORE_OBJS)
	$(call quiet,AR,$@)
	$(Q)rm -f $@ && $(AR) rcD $@ $(CORE_OBJS)

$(O)/pxebox_unstripped: $(OBJS) $(O)/libcore.a
	$(call quiet,LD,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(OBJS) $(O)/core/main.o $(O)/libcore.a $(LDLIBS-y)

$(O)/pxebox: $(O)/pxebox_unstripped
	$(call quiet,STRIP,$@)
	$(Q)$(STRIP) -s -R .comment -R .note -R '.note.*' -o $@ $<

-include $(OBJS:.o=.d) $(CORE_OBJS:.o=.d)

# ---- the initramfs and the kernel beside it ------------------------------
# KMODDIR: a module tree (root holding lib/modules/KVER); default: Debian's
# kernel package, fetched into the cache, whose vmlinuz is copied beside.
SKEL := $(sort $(shell find initrd-skel -type f -o -type l))
initrd: $(O)/initrd.cpio.gz
$(O)/initrd.cpio.gz: $(O)/pxebox scripts/mkinitrd.sh $(SKEL)
	$(Q)kdir="$(KMODDIR)"; [ -n "$$kdir" ] || kdir=$$(scripts/fetch-kernel.sh); \
	scripts/mkinitrd.sh $(O)/pxebox $@ "$$kdir" $(KVER) && \
	k=$$(ls "$$kdir"/boot/vmlinuz-$(if $(KVER),$(KVER),*) 2>/dev/null | head -n1); \
	if [ -n "$$k" ]; then cp "$$k" $(O)/vmlinuz; echo "  KERNEL  $(O)/vmlinuz"; fi

qemu-test: $(O)/initrd.cpio.gz
	$(Q)PXEBOX=$(O)/pxebox O=$(O) test/run.sh test/qemu.test
qemu-run: $(O)/initrd.cpio.gz
	$(Q)PXEBOX=$(O)/pxebox O=$(O) test/qemu/lab.sh run

sizes: $(O)/pxebox
	$(Q)scripts/sizes.sh $(O)/pxebox.map

# ---- tests -----------------------------------------------------------------
test: all
	$(Q)PXEBOX=$(O)/pxebox O=$(O) MAKE="$(MAKE)" test/run.sh $(TESTS)

bench: all
	$(Q)PXEBOX=$(O)/pxebox O=$(O) test/bench.sh

clean:
	$(Q)rm -rf $(O)/core $(O)/applets $(gen) $(O)/libcore.a $(O)/pxebox $(O)/pxebox_unstripped $(O)/pxebox.map

distclean:
	$(Q)rm -rf $(O)

help:
	@echo 'Targets: all (default) toolchain test bench sizes clean distclean'
	@echo '         menuconfig defconfig NAME_defconfig savedefconfig oldconfig'
	@echo '         olddefconfig allyesconfig allnoconfig'
	@echo 'Variables: O=DIR V=1 LIBC=uclibc|glibc|musl CROSS_COMPILE= CC= PXEBOX_CACHE='
