#include "dossier_html.h"
#include "dossier_transcode.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

void dossier_html_initialize(void) { xmlInitParser(); }

const char *dossier_libxml_version(void) { return xmlParserVersion; }

/* A growable array; `grow` keeps capacity for at least `needed` elements of `size` bytes. */
static int grow(void **items, size_t *capacity, size_t needed, size_t size) {
    if (needed <= *capacity) return 1;
    size_t next = *capacity ? *capacity : 64;
    while (next < needed) next *= 2;
    void *bigger = realloc(*items, next * size);
    if (bigger == NULL) return 0;
    *items = bigger;
    *capacity = next;
    return 1;
}

/* Open-addressing table from name bytes to name index. */
typedef struct name_table {
    int32_t *slots;  /* name index + 1; 0 = empty */
    size_t slot_count;
} name_table;

typedef struct builder {
    dossier_document *doc;
    size_t node_capacity, attribute_capacity, name_capacity, pool_capacity;
    name_table names;
    int failed;
} builder;

static uint32_t hash_bytes(const unsigned char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 16777619u; }
    return h;
}

/* Appends bytes to the pool and returns their offset. */
static uint32_t pool_append(builder *b, const unsigned char *bytes, size_t n) {
    dossier_document *d = b->doc;
    if (d->pool_length + n >= UINT32_MAX) { b->failed = 1; return 0; }
    if (!grow((void **)&d->pool, &b->pool_capacity, d->pool_length + n + 1, 1)) {
        b->failed = 1;
        return 0;
    }
    uint32_t start = (uint32_t)d->pool_length;
    if (n > 0) memcpy(d->pool + start, bytes, n);
    d->pool_length += n;
    return start;
}

static int32_t intern(builder *b, const xmlChar *name) {
    if (name == NULL) name = (const xmlChar *)"";
    size_t n = strlen((const char *)name);
    dossier_document *d = b->doc;
    if ((size_t)d->name_count * 2 >= b->names.slot_count) {
        size_t count = b->names.slot_count ? b->names.slot_count * 2 : 256;
        int32_t *slots = calloc(count, sizeof(int32_t));
        if (slots == NULL) { b->failed = 1; return 0; }
        for (size_t i = 0; i < b->names.slot_count; i++) {
            int32_t entry = b->names.slots[i];
            if (entry == 0) continue;
            uint32_t h = hash_bytes(d->pool + d->name_starts[entry - 1], d->name_lengths[entry - 1]);
            size_t s = h & (count - 1);
            while (slots[s] != 0) s = (s + 1) & (count - 1);
            slots[s] = entry;
        }
        free(b->names.slots);
        b->names.slots = slots;
        b->names.slot_count = count;
    }
    uint32_t h = hash_bytes(name, n);
    size_t s = h & (b->names.slot_count - 1);
    while (b->names.slots[s] != 0) {
        int32_t index = b->names.slots[s] - 1;
        if (d->name_lengths[index] == n && memcmp(d->pool + d->name_starts[index], name, n) == 0)
            return index;
        s = (s + 1) & (b->names.slot_count - 1);
    }
    size_t needed = (size_t)d->name_count + 1;
    size_t capacity = b->name_capacity;
    if (!grow((void **)&d->name_starts, &capacity, needed, sizeof(uint32_t))) { b->failed = 1; return 0; }
    capacity = b->name_capacity;
    if (!grow((void **)&d->name_lengths, &capacity, needed, sizeof(uint32_t))) { b->failed = 1; return 0; }
    b->name_capacity = capacity;
    uint32_t start = pool_append(b, name, n);
    if (b->failed) return 0;
    d->name_starts[d->name_count] = start;
    d->name_lengths[d->name_count] = (uint32_t)n;
    b->names.slots[s] = d->name_count + 1;
    return d->name_count++;
}

static int32_t add_node(builder *b, int32_t kind, int32_t parent) {
    dossier_document *d = b->doc;
    if (d->node_count == INT32_MAX ||
        !grow((void **)&d->nodes, &b->node_capacity, (size_t)d->node_count + 1, sizeof(dossier_node))) {
        b->failed = 1;
        return -1;
    }
    int32_t index = d->node_count++;
    dossier_node *node = &d->nodes[index];
    memset(node, 0, sizeof *node);
    node->kind = kind;
    node->name = -1;
    node->parent = parent;
    node->end = index + 1;
    return index;
}

static void add_text(builder *b, const xmlChar *content, int32_t parent) {
    if (content == NULL || content[0] == 0) return;
    int32_t index = add_node(b, DOSSIER_NODE_TEXT, parent);
    if (index < 0) return;
    size_t n = strlen((const char *)content);
    uint32_t start = pool_append(b, content, n);
    b->doc->nodes[index].text_start = start;
    b->doc->nodes[index].text_length = (uint32_t)n;
}

static void add_attributes(builder *b, xmlNodePtr element, int32_t index) {
    dossier_document *d = b->doc;
    d->nodes[index].first_attribute = d->attribute_count;
    for (xmlAttrPtr a = element->properties; a != NULL && !b->failed; a = a->next) {
        if (!grow((void **)&d->attributes, &b->attribute_capacity, (size_t)d->attribute_count + 1,
                  sizeof(dossier_attribute))) {
            b->failed = 1;
            return;
        }
        int32_t name = intern(b, a->name);
        uint32_t start = (uint32_t)d->pool_length, length = 0;
        /* Attribute values are text (and, in XML, entity reference) children. */
        for (xmlNodePtr v = a->children; v != NULL; v = v->next) {
            if (v->content == NULL) continue;
            size_t n = strlen((const char *)v->content);
            pool_append(b, v->content, n);
            length += (uint32_t)n;
        }
        dossier_attribute *attribute = &d->attributes[d->attribute_count++];
        attribute->name = name;
        attribute->value_start = start;
        attribute->value_length = length;
        d->nodes[index].attribute_count++;
    }
}

/* Walks the tree in pre-order without recursion, using the parent links to climb back up. */
static void walk(builder *b, xmlNodePtr first) {
    size_t stack_capacity = 0;
    int32_t *open = NULL;  /* indices of the open elements, innermost last */
    size_t depth = 0;
    xmlNodePtr cur = first;
    while (cur != NULL && !b->failed) {
        int descend = 0;
        int32_t parent = depth > 0 ? open[depth - 1] : -1;
        switch (cur->type) {
        case XML_ELEMENT_NODE: {
            int32_t index = add_node(b, DOSSIER_NODE_ELEMENT, parent);
            if (index < 0) break;
            b->doc->nodes[index].name = intern(b, cur->name);
            add_attributes(b, cur, index);
            if (cur->children != NULL) {
                if (!grow((void **)&open, &stack_capacity, depth + 1, sizeof(int32_t))) {
                    b->failed = 1;
                    break;
                }
                open[depth++] = index;
                descend = 1;
            }
            break;
        }
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            add_text(b, cur->content, parent);
            break;
        default:
            break;
        }
        if (descend) {
            cur = cur->children;
            continue;
        }
        /* Next sibling, or climb until an ancestor has one, closing elements on the way. */
        while (cur != NULL && cur->next == NULL) {
            cur = cur->parent;
            if (cur == NULL || cur->type == XML_DOCUMENT_NODE || cur->type == XML_HTML_DOCUMENT_NODE) {
                cur = NULL;
                break;
            }
            if (depth > 0) {
                int32_t index = open[--depth];
                b->doc->nodes[index].end = b->doc->node_count;
            }
        }
        if (cur != NULL) cur = cur->next;
    }
    while (depth > 0) {
        int32_t index = open[--depth];
        b->doc->nodes[index].end = b->doc->node_count;
    }
    free(open);
}

/* The HTML parser's options: recover from errors, stay quiet and offline, and read the encoding
 * the caller names rather than the page's declarations. */
static const int HTML_OPTIONS = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NODEFDTD |
                                HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;

/*
 * HTML is read with SAX callbacks that fill the flat tables directly: libxml2 never builds its
 * own tree, which would cost more than the rest of the extraction (a node and a string
 * allocated per element, attribute and text, and all of it freed again). The parser itself still
 * decides the structure (implied and auto-closed elements), so the tables are those the tree
 * walk would give, except that adjacent text chunks are one node and whitespace the tree builder
 * would drop is kept (it collapses like any other whitespace).
 */
typedef struct sax_builder {
    builder b;
    int32_t *open;         /* indices of the open elements, innermost last */
    size_t depth, open_capacity;
    int32_t last_text;     /* the text node that is the last node added, or -1 */
} sax_builder;

/* The builder behind a callback's parser context; NULL once memory has run out, after the
 * parser has been told to stop. */
static sax_builder *sax_state(void *context) {
    sax_builder *s = (sax_builder *)((htmlParserCtxtPtr)context)->_private;
    if (!s->b.failed) return s;
    xmlStopParser((htmlParserCtxtPtr)context);
    return NULL;
}

static void sax_start_element(void *context, const xmlChar *name, const xmlChar **attributes) {
    sax_builder *s = sax_state(context);
    if (s == NULL) return;
    dossier_document *d = s->b.doc;
    int32_t index = add_node(&s->b, DOSSIER_NODE_ELEMENT, s->depth > 0 ? s->open[s->depth - 1] : -1);
    if (index < 0) return;
    d->nodes[index].name = intern(&s->b, name);
    d->nodes[index].first_attribute = d->attribute_count;
    for (size_t i = 0; attributes != NULL && attributes[i] != NULL && !s->b.failed; i += 2) {
        if (!grow((void **)&d->attributes, &s->b.attribute_capacity, (size_t)d->attribute_count + 1,
                  sizeof(dossier_attribute))) {
            s->b.failed = 1;
            return;
        }
        const xmlChar *value = attributes[i + 1];
        /* As libxml2's tree builder does: a bare boolean attribute (checked, selected, ...) has
         * its name as value; any other bare attribute has no value. */
        if (value == NULL && htmlIsBooleanAttr(attributes[i])) value = attributes[i];
        int32_t attribute_name = intern(&s->b, attributes[i]);
        size_t length = value != NULL ? strlen((const char *)value) : 0;
        uint32_t start = pool_append(&s->b, value, length);
        dossier_attribute *attribute = &d->attributes[d->attribute_count++];
        attribute->name = attribute_name;
        attribute->value_start = start;
        attribute->value_length = (uint32_t)length;
        d->nodes[index].attribute_count++;
    }
    if (!grow((void **)&s->open, &s->open_capacity, s->depth + 1, sizeof(int32_t))) {
        s->b.failed = 1;
        return;
    }
    s->open[s->depth++] = index;
    s->last_text = -1;
}

static void sax_end_element(void *context, const xmlChar *name) {
    (void)name;
    sax_builder *s = sax_state(context);
    if (s == NULL || s->depth == 0) return;
    int32_t index = s->open[--s->depth];
    s->b.doc->nodes[index].end = s->b.doc->node_count;
    s->last_text = -1;
}

/* Character data, script and style bodies, and whitespace: the parser hands text over in chunks
 * (and entity by entity), which are joined into one node. */
static void sax_text(void *context, const xmlChar *text, int length) {
    sax_builder *s = sax_state(context);
    if (s == NULL || length <= 0) return;
    dossier_document *d = s->b.doc;
    if (s->last_text >= 0) {
        pool_append(&s->b, text, (size_t)length);
        d->nodes[s->last_text].text_length += (uint32_t)length;
        return;
    }
    int32_t index = add_node(&s->b, DOSSIER_NODE_TEXT, s->depth > 0 ? s->open[s->depth - 1] : -1);
    if (index < 0) return;
    d->nodes[index].text_start = pool_append(&s->b, text, (size_t)length);
    d->nodes[index].text_length = (uint32_t)length;
    s->last_text = index;
}

/* Parses UTF-8 HTML into the builder's document through SAX. */
static void parse_html(sax_builder *s, const unsigned char *utf8, int length) {
    htmlParserCtxtPtr context = htmlCreateMemoryParserCtxt((const char *)utf8, length);
    if (context == NULL) {
        s->b.failed = 1;
        return;
    }
    memset(context->sax, 0, sizeof(htmlSAXHandler));
    context->sax->startElement = sax_start_element;
    context->sax->endElement = sax_end_element;
    context->sax->characters = sax_text;
    context->sax->cdataBlock = sax_text;
    context->sax->ignorableWhitespace = sax_text;
    context->_private = s;
    htmlCtxtUseOptions(context, HTML_OPTIONS);
    xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(context);
    if (context->myDoc != NULL) xmlFreeDoc(context->myDoc);
    htmlFreeParserCtxt(context);
    while (s->depth > 0) {
        int32_t index = s->open[--s->depth];
        s->b.doc->nodes[index].end = s->b.doc->node_count;
    }
    free(s->open);
}

void dossier_document_free(dossier_document *document) {
    if (document == NULL) return;
    free(document->nodes);
    free(document->attributes);
    free(document->name_starts);
    free(document->name_lengths);
    free(document->pool);
    free(document);
}

int dossier_html_parse_only(const unsigned char *bytes, size_t length, const char *charset) {
    if (length == 0 || length > (size_t)INT_MAX) return 0;
    xmlDocPtr tree = htmlReadMemory((const char *)bytes, (int)length, NULL, charset, HTML_OPTIONS);
    if (tree == NULL) return 0;
    xmlFreeDoc(tree);
    return 1;
}

dossier_document *dossier_parse(const unsigned char *bytes, size_t length, const char *charset,
                                int syntax) {
    if (length > (size_t)INT_MAX) return NULL;
    size_t utf8_length = 0;
    int owned = 0;
    const unsigned char *utf8 = length > 0
        ? dossier_to_utf8(bytes, length, charset, &utf8_length, &owned)
        : (const unsigned char *)"";
    if (utf8 == NULL || utf8_length > (size_t)INT_MAX) {
        if (owned) free((void *)utf8);
        return NULL;
    }
    dossier_document *document = calloc(1, sizeof *document);
    if (document == NULL) {
        if (owned) free((void *)utf8);
        return NULL;
    }
    sax_builder s = {0};
    s.b.doc = document;
    s.last_text = -1;
    if (utf8_length > 0) {
        if (syntax == DOSSIER_SYNTAX_XML) {
            int options = XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                          XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_HUGE |
                          XML_PARSE_IGNORE_ENC;
            xmlDocPtr tree = xmlReadMemory((const char *)utf8, (int)utf8_length, NULL, "UTF-8", options);
            if (tree != NULL) {
                walk(&s.b, tree->children);
                xmlFreeDoc(tree);
            }
        } else {
            parse_html(&s, utf8, (int)utf8_length);
        }
    }
    if (owned) free((void *)utf8);
    free(s.b.names.slots);
    if (s.b.failed) {
        dossier_document_free(document);
        return NULL;
    }
    return document;
}
