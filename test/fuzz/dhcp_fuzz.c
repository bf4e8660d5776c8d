/* dhcp_fuzz.c - libFuzzer harness for the DHCP message and option parser
 * (core/dhcp.c): what a hostile server controls.  The input is one DHCP
 * payload from the op byte on; a parsed message is also turned into the
 * script environment (every option decoder, routes, compressed names) and
 * read with the typed getters.  The first bytes double as a -x argument. */
#include "support.h"
#include "../../core/dhcp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dhcp_msg m;
	const char *why;

	if (!setjmp(fuzz_jmp) && !dhcp_parse(data, size, &m, &why)) {
		unsigned dropped;
		uint32_t v;
		char **env = dhcp_env(&m, "eth0", &dropped, NULL);
		/* nothing unsafe may come out, whatever went in */
		for (char **e = env; *e; e++)
			for (const char *p = strchr(*e, '=') + 1; *p; p++)
				if (strchr(";&|`$()<>\\\"'*?[]{}~#!\n\t", *p))
					__builtin_trap();
		dhcp_env_free(env);
		for (int c = 0; c < 256; c++) {
			dhcp_get_u32(&m, c, &v);
			dhcp_get_ip(&m, c, &v);
		}
	}
	if (size && size < 300 && !setjmp(fuzz_jmp)) {
		char arg[300];
		uint8_t code, buf[255];
		memcpy(arg, data, size);
		arg[size] = 0;
		dhcp_parse_xopt(arg, &code, buf, &why);
	}
	return 0;
}
