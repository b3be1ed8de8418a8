#ifndef DOSSIER_HTML_H
#define DOSSIER_HTML_H

/*
 * libxml2 behind a header that includes no libxml2 header (Debian's libxml2 headers clash with
 * Foundation's ICU). The shim transcodes the input to valid UTF-8 with the charset the caller
 * chose and parses it into flat tables (below): HTML through SAX callbacks, without a libxml2
 * tree; XML into a libxml2 tree copied in one iterative walk. Nothing of libxml2's is left
 * allocated when it returns. Every string in the tables is valid UTF-8.
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a node of the flat table is. */
enum {
    DOSSIER_NODE_ELEMENT = 1,
    DOSSIER_NODE_TEXT = 2
};

/* Which libxml2 parser reads the bytes. */
enum {
    DOSSIER_SYNTAX_HTML = 0,
    DOSSIER_SYNTAX_XML = 1
};

/*
 * One node, in document order (pre-order). The descendants of node i are exactly the nodes
 * i+1 ..< end, so subtrees are ranges and no recursion is ever needed.
 */
typedef struct dossier_node {
    int32_t kind;            /* DOSSIER_NODE_ELEMENT or DOSSIER_NODE_TEXT */
    int32_t name;            /* element: index into the name table; text: -1 */
    int32_t parent;          /* index of the parent element, -1 at the top */
    int32_t end;             /* one past the last descendant */
    int32_t first_attribute; /* element: index of its first attribute */
    int32_t attribute_count; /* element: number of attributes */
    uint32_t text_start;     /* text: offset of its UTF-8 bytes in the byte pool */
    uint32_t text_length;    /* text: length in bytes */
} dossier_node;

/* One attribute: an interned name and a value in the byte pool. */
typedef struct dossier_attribute {
    int32_t name;
    uint32_t value_start;
    uint32_t value_length;
} dossier_attribute;

/*
 * The flat tables of one parsed document. Names (element and attribute names, lower case for
 * HTML, local names for XML) are interned: name i is the bytes
 * pool[name_starts[i] ..< name_starts[i] + name_lengths[i]].
 */
typedef struct dossier_document {
    dossier_node *nodes;
    int32_t node_count;
    dossier_attribute *attributes;
    int32_t attribute_count;
    uint32_t *name_starts;
    uint32_t *name_lengths;
    int32_t name_count;
    unsigned char *pool;
    size_t pool_length;
} dossier_document;

/* The version of the libxml2 loaded at run time, as libxml2 spells it (xmlParserVersion, e.g. "20914"). */
const char *dossier_libxml_version(void);

/* Initializes libxml2 once; call before parsing from several threads. */
void dossier_html_initialize(void);

/*
 * Transcodes `bytes` from `charset` (an iconv name; NULL or "UTF-8" for UTF-8) to UTF-8,
 * replacing invalid sequences and NUL bytes with U+FFFD, parses the result with libxml2's HTML or
 * XML parser (recovering from errors, no network) and returns the flat tables, or NULL when memory
 * runs out or the input exceeds 2 GiB. Free the result with dossier_document_free.
 */
dossier_document *dossier_parse(const unsigned char *bytes, size_t length, const char *charset,
                                int syntax);

/*
 * libxml2's HTML parser alone, the baseline of the extraction benchmark: parses `bytes` read in
 * `charset` (libxml2 decodes them itself) with the options dossier_parse uses, then frees the
 * tree. Returns 1 when libxml2 built a document, else 0.
 */
int dossier_html_parse_only(const unsigned char *bytes, size_t length, const char *charset);

/* 1 when the bytes are well-formed UTF-8 (NUL bytes allowed), else 0. */
int dossier_is_valid_utf8(const unsigned char *bytes, size_t length);

/* Frees a document returned by dossier_parse; NULL is allowed. */
void dossier_document_free(dossier_document *document);

#ifdef __cplusplus
}
#endif

#endif
