/* sh_fuzz.c - libFuzzer target for the shell's lexer, parser, word
 * expansion and arithmetic: any byte string must parse or be rejected with a
 * message, never crash, leak or recurse without bound.
 *
 * Each input is used three ways, none of which runs a command:
 *  - sh_parse_only() parses it as a script (what sh -n does);
 *  - the words and assignments of its simple commands are expanded
 *    (parameters, ${...} operators, $((...)), splitting; no pathname
 *    expansion, and words with a command substitution are skipped, since
 *    expanding those runs commands);
 *  - its text up to the first newline is evaluated as $((...)) would. */
#include "support.h"
#include "../../applets/sh.c"

static void expand_node(struct node *n)
{
	struct word *w;
	int argc;
	for (; n; n = n->next) {
		if (n->type == N_PIPE || n->type == N_ANDOR) {
			for (int i = 0; i < n->nv; i++)
				expand_node(n->v[i]);
			continue;
		}
		if (n->type != N_CMD)
			continue;
		for (w = n->words; w; w = w->next)
			for (unsigned i = 0; i < w->nsp; i++)
				if (w->sp[i].kind == SP_CMD)
					goto next;
		for (w = n->assigns; w; w = w->next)
			for (unsigned i = 0; i < w->nsp; i++)
				if (w->sp[i].kind == SP_CMD)
					goto next;
		expand_words(n->words, EXP_FULL, &argc);
		for (w = n->assigns; w; w = w->next)
			expand_one(w, EXP_TILDE | EXP_ASSIGN);
next:;
	}
}

/* Parse and expand, errors unwinding to here as in an interactive shell. */
static void fuzz_expand(const char *text, size_t len)
{
	struct handler h, *saved_handler = handler;
	struct arena *saved_arena = cur_arena;
	struct input *saved_in = in;
	struct lexer saved_lx = lx;
	struct stmark mark;
	struct node *n;

	stmark(&mark);
	in = NULL;
	push_string(text, len, NULL);
	sh.lineno = 1;
	h.prev = handler;
	handler = &h;
	cur_arena = arena_new();
	if (!setjmp(h.jb)) {
		while (parse_cmdline(&n)) {
			expand_node(n);
			strelease(&mark);
			arena_unref(cur_arena);
			cur_arena = arena_new();
		}
	}
	ar_nest = 0;
	strelease(&mark);
	arena_unref(cur_arena);
	while (in)
		pop_input();
	cur_arena = saved_arena;
	in = saved_in;
	handler = saved_handler;
	lx = saved_lx;
}

static void fuzz_arith(const char *text, size_t len)
{
	struct handler h, *saved_handler = handler;
	const char *nl = memchr(text, '\n', len);
	h.prev = handler;
	handler = &h;
	if (!setjmp(h.jb))
		arith_eval(text, nl ? (size_t)(nl - text) : len);
	ar_nest = 0;
	handler = saved_handler;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int once;
	if (!once++) {
		sh.o_f = 1;	/* no pathname expansion: no directory reads */
		setvar("IFS", " \t\n");
		setvar("x", "a b:c");
		setvar("n", "42");
		setvar("e", "n * 2 + 1");	/* a variable whose value is an expression */
		pp_set(3, (char *[]){ "one", "two words", "" });
	}
	if (!setjmp(fuzz_jmp))
		sh_parse_only((const char *)data, size);
	if (!setjmp(fuzz_jmp))
		fuzz_expand((const char *)data, size);
	if (!setjmp(fuzz_jmp))
		fuzz_arith((const char *)data, size);
	return 0;
}
