/* sed_fuzz.c - compile arbitrary sed scripts and run them on a fixed input.
 * The first byte picks options (bit 0: -E, bit 1: -n, bit 2: -s); the rest
 * is the script.  In the sandbox mode w files are /dev/null and r, R read
 * nothing, so hostile scripts touch no file. */
#include "../../applets/sed.c"
#include "support.h"

static char *input;

static void make_input(void)
{
	char path[] = "/tmp/sed_fuzz_inXXXXXX";
	static const char text[] = "one\ntwo\n\nthree four\tfive\nab\001\377c\nl\\ast";
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, text, sizeof(text) - 1) != sizeof(text) - 1)
		abort();
	close(fd);
	input = strdup(path);
}

static size_t repetitions(const uint8_t *d, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += d[i] == '*' || d[i] == '+' || d[i] == '?' || d[i] == '{';
	return k;
}

static size_t alternatives(const uint8_t *d, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += d[i] == '|';
	return k;
}

/* runs of empty branches: "||" (however long), "(|" and "|)" */
static size_t empty_runs(const uint8_t *d, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i + 1 < n; i++)
		k += (d[i] == '|' && d[i + 1] == '|' && (!i || d[i - 1] != '|')) ||
		     (d[i] == '(' && d[i + 1] == '|') || (d[i] == '|' && d[i + 1] == ')');
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *files[] = { NULL, NULL, NULL }, *script;
	int code = 0, flags;

	if (!input)
		make_input();
	if (!size)
		return 0;
	flags = data[0];
	/* The C library's regcomp (glibc's and uClibc-ng's alike) is exponential
	 * in stacked repetitions such as a++++++++++++++++++ (GNU grep, which
	 * also calls it, takes seconds too): a known libc limit, not ours. */
	if (repetitions(data, size) > 8)
		return 0;
	/* Its regexec also backtracks exponentially when it fills in the groups
	 * of a repeated alternation with many empty branches, (a|b|||...|||)+:
	 * GNU sed, busybox sed and ours all run past 30 s on that.  An empty
	 * branch is enough: (a|b|||||c|||||d)+ and (||^b)+ never finish. */
	if (alternatives(data, size) > 16 || empty_runs(data, size))
		return 0;
	script = xstrndup((const char *)data + 1, size - 1);
	sed_reset();
	step_limit = 20000;
	space_limit = 1 << 16;
	sandbox = 1;
	files[0] = files[1] = input;
	P.ere = flags & 1;
	if (!setjmp(fuzz_jmp)) {
		compile_script(script);
		P.quiet |= (flags & 2) != 0;
		if (flags & 4) {
			/* two separate streams, as -s and -i run them */
			char *one[] = { input, NULL };
			input_reset(one);
			if (!run(&code)) {
				input_reset(one);
				run(&code);
			}
		} else {
			input_reset(files);
			run(&code);
		}
	}
	sed_reset();
	fuzz_init();
	return 0;
}
