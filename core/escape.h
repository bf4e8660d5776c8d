/* escape.h - the one backslash-escape decoder (echo -e, printf and its %b). */
#ifndef ESCAPE_H
#define ESCAPE_H

/* Dialects, which differ only in octal escapes and \":
 *   ESC_ECHO    echo -e: \0NNN (a 0, then up to three octal digits)
 *   ESC_B       printf %b: \0NNN, or \NNN with a non-zero first digit; \"
 *   ESC_FORMAT  printf's format: \NNN (one to three octal digits); \" */
enum { ESC_ECHO, ESC_B, ESC_FORMAT };

/* Decode the escape whose first character (after the backslash) is at *sp.
 * Stores the byte in *out and advances *sp past the escape.  An unknown
 * escape yields the backslash itself and leaves *sp alone, so the next
 * character prints as it is.  Returns 0 for \c (stop all output), else 1. */
int escape_decode(const char **sp, char *out, int mode);

#endif
