/* sh_fuzz.c - libFuzzer target for the shell's lexer, parser, word
 * expansion and arithmetic: any byte string must parse or be rejected with a
 * message, never crash, leak or recurse without bound.
 *
 * Each input is used three ways, none of which runs a command:
 *  - sh_parse_each() parses it as a script (what sh -n does);
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

/* Each command line's tree, then its expansion stack released, as the
 * shell does after each command. */
static void expand_line(struct node *n, void *mark)
{
	expand_node(n);
	strelease(mark);
}

/* Parse and expand; an error (in either) ends the input, as in sh -n. */
static void fuzz_expand(const char *text, size_t len)
{
	struct stmark mark;

	stmark(&mark);
	sh_parse_each(text, len, expand_line, &mark);
	ar_nest = 0;
	strelease(&mark);
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
		sh_parse_each((const char *)data, size, NULL, NULL);
	if (!setjmp(fuzz_jmp))
		fuzz_expand((const char *)data, size);
	if (!setjmp(fuzz_jmp))
		fuzz_arith((const char *)data, size);
	return 0;
}
