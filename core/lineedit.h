/* lineedit.h - read a line from the terminal with editing and history. */
#ifndef LINEEDIT_H
#define LINEEDIT_H

/* Print PROMPT on stderr and read one line from stdin.  Returns the line
 * without its '\n' (malloc'd, the caller frees it), or NULL at end of input.
 *
 * On a terminal the line can be edited: backspace, Delete, left/right,
 * Home/End (also Ctrl-A/Ctrl-E), Ctrl-U/Ctrl-K (kill to start/end), Ctrl-W
 * (kill a word), up/down (also Ctrl-P/Ctrl-N) walk the history of the lines
 * read so far (the last LINEEDIT_HISTORY non-empty ones), Ctrl-L redraws.
 * Ctrl-D on an empty line is end of input.  Ctrl-C abandons the line:
 * the result is "" with errno set to EINTR, so a shell can tell it from an
 * empty line and, e.g., set $? to 130.  A signal whose handler interrupts
 * the read (installed without SA_RESTART) ends the call the same way, so
 * the shell can run its traps; the text typed so far is given back at the
 * next call.  The terminal mode is restored before
 * returning, at exit, and when a fatal signal arrives meanwhile.
 *
 * Elsewhere (a pipe, a file) it reads one line a byte at a time, so the
 * rest of the input is left for whoever reads it next. */
char *lineedit_read(const char *prompt);

#define LINEEDIT_HISTORY 100

#endif
