#ifndef DOSSIER_TRANSCODE_H
#define DOSSIER_TRANSCODE_H

#include <stddef.h>

/*
 * Returns valid UTF-8 for `bytes` read in `charset` (an iconv name; NULL or a UTF-8 label means
 * UTF-8): invalid or truncated sequences and NUL bytes become U+FFFD. When the input is already
 * valid UTF-8 without NUL, returns `bytes` itself and sets *owned to 0; otherwise returns a
 * malloc'd buffer and sets *owned to 1. Returns NULL when memory runs out.
 */
const unsigned char *dossier_to_utf8(const unsigned char *bytes, size_t length, const char *charset,
                                     size_t *out_length, int *owned);

#endif
