#include "dossier_transcode.h"
#include "dossier_html.h"

#include <errno.h>
#include <stdint.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const unsigned char replacement[3] = {0xEF, 0xBF, 0xBD};

/* Length of the valid UTF-8 sequence at p (1...4), or 0 when it is invalid or a NUL byte. */
static size_t valid_sequence_length(const unsigned char *p, const unsigned char *end) {
    unsigned char c = p[0];
    if (c >= 0x01 && c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        return (end - p >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;  /* overlong */
        if (c == 0xED && p[1] > 0x9F) return 0;  /* surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0;  /* overlong */
        if (c == 0xF4 && p[1] > 0x8F) return 0;  /* above U+10FFFF */
        return 4;
    }
    return 0;
}

/* Offset of the first byte that needs repair, or `length` when none does. */
static size_t first_invalid(const unsigned char *bytes, size_t length) {
    const unsigned char *p = bytes, *end = bytes + length;
    while (p < end) {
        if (*p >= 0x01 && *p < 0x80) { p++; continue; }
        size_t n = valid_sequence_length(p, end);
        if (n == 0) break;
        p += n;
    }
    return (size_t)(p - bytes);
}

/* Copies bytes to a new buffer, replacing what is invalid from `start` on. */
static unsigned char *repair_utf8(const unsigned char *bytes, size_t length, size_t start,
                                  size_t *out_length) {
    /* Each invalid byte becomes at most 3 bytes. */
    if (length > (SIZE_MAX - 4) / 3) return NULL;
    unsigned char *out = malloc(length * 3 + 4);
    if (out == NULL) return NULL;
    memcpy(out, bytes, start);
    size_t o = start;
    const unsigned char *p = bytes + start, *end = bytes + length;
    while (p < end) {
        size_t n = valid_sequence_length(p, end);
        if (n == 0) {
            memcpy(out + o, replacement, 3);
            o += 3;
            p += 1;
        } else {
            memcpy(out + o, p, n);
            o += n;
            p += n;
        }
    }
    *out_length = o;
    return out;
}

int dossier_is_valid_utf8(const unsigned char *bytes, size_t length) {
    const unsigned char *p = bytes, *end = bytes + length;
    while (p < end) {
        if (*p < 0x80) { p++; continue; }
        size_t n = valid_sequence_length(p, end);
        if (n == 0) return 0;
        p += n;
    }
    return 1;
}

static int is_utf8_label(const char *charset) {
    return charset == NULL || strcasecmp(charset, "UTF-8") == 0 || strcasecmp(charset, "UTF8") == 0;
}

/* Converts with iconv, writing U+FFFD for each byte iconv rejects. NULL on failure. */
static unsigned char *convert(const unsigned char *bytes, size_t length, const char *charset,
                              size_t *out_length) {
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) return NULL;
    size_t capacity = length * 2 + 16;
    unsigned char *out = malloc(capacity);
    if (out == NULL) { iconv_close(cd); return NULL; }
    char *in = (char *)bytes;
    size_t in_left = length;
    size_t used = 0;
    while (in_left > 0) {
        if (capacity - used < 16) {
            size_t grown = capacity * 2;
            unsigned char *bigger = realloc(out, grown);
            if (bigger == NULL) { free(out); iconv_close(cd); return NULL; }
            out = bigger;
            capacity = grown;
        }
        char *dst = (char *)out + used;
        size_t dst_left = capacity - used - 4;  /* keep room for one replacement */
        size_t rc = iconv(cd, &in, &in_left, &dst, &dst_left);
        used = (size_t)((unsigned char *)dst - out);
        if (rc != (size_t)-1) break;
        if (errno == E2BIG) continue;
        /* EILSEQ or EINVAL: replace one byte and resynchronize. */
        memcpy(out + used, replacement, 3);
        used += 3;
        in++;
        in_left--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    *out_length = used;
    return out;
}

const unsigned char *dossier_to_utf8(const unsigned char *bytes, size_t length, const char *charset,
                                     size_t *out_length, int *owned) {
    if (!is_utf8_label(charset)) {
        size_t converted_length = 0;
        unsigned char *converted = convert(bytes, length, charset, &converted_length);
        if (converted != NULL) {
            /* iconv output is valid UTF-8 but may hold NUL bytes from the input. */
            size_t bad = first_invalid(converted, converted_length);
            if (bad == converted_length) {
                *out_length = converted_length;
                *owned = 1;
                return converted;
            }
            unsigned char *repaired = repair_utf8(converted, converted_length, bad, out_length);
            free(converted);
            *owned = 1;
            return repaired;
        }
        /* An unknown charset name: read the bytes as UTF-8. */
    }
    size_t bad = first_invalid(bytes, length);
    if (bad == length) {
        *out_length = length;
        *owned = 0;
        return bytes;
    }
    *owned = 1;
    return repair_utf8(bytes, length, bad, out_length);
}
