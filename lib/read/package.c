/* package.c — an office package: a ZIP of XML parts, read safely (see
 * package.h). */
#include "config.h"
#include "read/package.h"
#include "core/error.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <zip.h>

/* Did libzip fail for lack of memory (its own, or zlib's)? */
static int zip_nomem(zip_error_t *e)
{
    enum { Z_MEM_ERROR = -4 };   /* zlib.h's */
    int code = zip_error_code_zip(e);
    return code == ZIP_ER_MEMORY ||
           (code == ZIP_ER_ZLIB && zip_error_code_system(e) == Z_MEM_ERROR);
}

int vp_package_is_zip(const unsigned char *bytes, size_t len)
{
    return len >= 4 && memcmp(bytes, "PK\x03\x04", 4) == 0;
}

vnplan_status vp_package_open(vp_package *pk, const unsigned char *bytes, size_t len,
                              const vp_package_limits *lim, const char *kind, const char *name,
                              vnplan_error *err)
{
    memset(pk, 0, sizeof *pk);
    pk->kind = kind;
    pk->name = name;
    pk->limit = pk->budget = lim->bytes;
    pk->depth = lim->depth < VP_PACKAGE_DEPTH_CEILING ? lim->depth : VP_PACKAGE_DEPTH_CEILING;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
    if (!src) {
        zip_error_fini(&ze);
        return vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
    }
    pk->za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!pk->za && zip_nomem(&ze)) {
        zip_source_free(src);
        zip_error_fini(&ze);
        return vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
    }
    if (!pk->za) {
        vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1,
                     "starts like a ZIP (DOCX or ODT) file but cannot be opened "
                     "(damaged or cut short?): %s",
                     zip_error_strerror(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        return VNPLAN_E_BINARY;
    }
    zip_error_fini(&ze);
    zip_int64_t entries = zip_get_num_entries(pk->za, 0);
    if (entries < 0 || (zip_uint64_t)entries > lim->entries) {
        vp_package_close(pk);
        return vp_error_set(err, VNPLAN_E_LIMIT, name, 0, -1,
                            "a ZIP file of %lld entries, over the zip-entries limit of %zu "
                            "(a %s file has far fewer)",
                            (long long)entries, lim->entries, kind);
    }
    return VNPLAN_OK;
}

void vp_package_close(vp_package *pk)
{
    if (pk->za)
        zip_discard(pk->za);   /* also frees the source */
    pk->za = NULL;
}

/* Entry whole, stopped at the budget however large the header says it is
 * (headers can lie; a bomb is only found by reading). */
int vp_package_read(vp_package *pk, const char *path, int required, vp_package_part *out,
                    vnplan_error *err)
{
    out->data = NULL;
    out->len = 0;
    const char *name = pk->name;
    size_t limit = pk->limit;
    zip_int64_t idx = zip_name_locate(pk->za, path, 0);
    if (idx < 0) {
        if (!required)
            return 0;
        vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1, "damaged %s file: no %s in it",
                     pk->kind, path);
        return -1;
    }
    zip_file_t *zf = zip_fopen_index(pk->za, (zip_uint64_t)idx, 0);
    if (!zf && zip_nomem(zip_get_error(pk->za))) {
        vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
        return -1;
    }
    if (!zf) {
        vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1, "damaged %s file: cannot open %s: %s",
                     pk->kind, path, zip_strerror(pk->za));
        return -1;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf)
        goto nomem;
    for (;;) {
        if (n == cap) {
            /* never more than one byte past the limit: that byte is
             * enough to know the entry is too large */
            size_t ncap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb)
                goto nomem;
            buf = nb;
            cap = ncap;
        }
        zip_int64_t got = zip_fread(zf, buf + n, cap - n);
        if (got < 0 && zip_nomem(zip_file_get_error(zf)))
            goto nomem;
        if (got < 0) {
            vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1, "damaged %s file: reading %s: %s",
                         pk->kind, path, zip_file_strerror(zf));
            goto fail;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n > limit || n > pk->budget) {
            vp_error_set(err, VNPLAN_E_LIMIT, name, 0, -1,
                         "%s decompresses to more than the input-bytes limit of %zu", path,
                         n > limit ? limit : pk->budget);
            goto fail;
        }
    }
    zip_fclose(zf);
    buf[n] = '\0';
    pk->budget -= n;
    out->data = buf;
    out->len = n;
    return 1;
nomem:
    vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
fail:
    free(buf);
    zip_fclose(zf);
    return -1;
}

/* The mimetype an OpenDocument text starts with. */
#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"

vnplan_status vp_package_sniff(const unsigned char *bytes, size_t len,
                               const vp_package_limits *lim, vp_package_kind *kind,
                               const char *name, vnplan_error *err)
{
    vp_package pk;
    /* only the first bytes of the mimetype matter: one over 256 is no ODT's */
    vp_package_limits small = *lim;
    small.bytes = 256;
    vnplan_status st = vp_package_open(&pk, bytes, len, &small, "Word or OpenDocument", name, err);
    if (st != VNPLAN_OK)
        return st;
    vp_package_part mt = {NULL, 0};
    /* only the first bytes matter: a mimetype over 256 is no ODT's */
    int has_mt = zip_name_locate(pk.za, "mimetype", 0) >= 0 &&
                 vp_package_read(&pk, "mimetype", 0, &mt, NULL) > 0;
    int odt = has_mt && strncmp(mt.data, ODT_MIMETYPE, sizeof ODT_MIMETYPE - 1) == 0 &&
              (mt.len == sizeof ODT_MIMETYPE - 1 || mt.data[sizeof ODT_MIMETYPE - 1] == '\n');
    free(mt.data);
    int docx = zip_name_locate(pk.za, "word/document.xml", 0) >= 0;
    if (!odt && !docx && !has_mt && zip_name_locate(pk.za, "content.xml", 0) >= 0)
        odt = 1;
    vp_package_close(&pk);
    if (odt) {
        *kind = VP_PACKAGE_ODT;
        return VNPLAN_OK;
    }
    if (docx) {
        *kind = VP_PACKAGE_DOCX;
        return VNPLAN_OK;
    }
    return vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1,
                        "a ZIP file but neither a Word (.docx) nor an OpenDocument (.odt) "
                        "document");
}

/* ------------------------------------------------------------ XML walk */

static once_flag xml_once = ONCE_FLAG_INIT;
static void xml_init(void)
{
    xmlInitParser();
}

/* The name the handler sees for the current node ("mc:Fallback", "text:p"),
 * or NULL for a namespace not asked for. */
static const char *ns_name(xmlTextReaderPtr r, const vp_xml_ns *ns, char *buf, size_t cap)
{
    const char *uri = (const char *)xmlTextReaderConstNamespaceUri(r);
    if (!uri)
        uri = "";
    size_t n = strlen(uri);
    for (; ns && ns->uri; ns++) {
        size_t m = strlen(ns->uri);
        if (n >= m && strcmp(uri + n - m, ns->uri) == 0) {
            snprintf(buf, cap, "%s%s", ns->prefix,
                     (const char *)xmlTextReaderConstLocalName(r));
            return buf;
        }
    }
    return NULL;
}

int vp_xml_attr(xmlTextReaderPtr r, const char *ns, const char *local, char *out, size_t cap)
{
    xmlChar *v = xmlTextReaderGetAttributeNs(
        r, BAD_CAST local, ns ? BAD_CAST ns : xmlTextReaderConstNamespaceUri(r));
    if (!v && !ns)
        v = xmlTextReaderGetAttribute(r, BAD_CAST local);
    if (!v)
        return 0;
    snprintf(out, cap, "%s", (const char *)v);
    xmlFree(v);
    return 1;
}

long vp_xml_attr_long(xmlTextReaderPtr r, const char *ns, const char *local, long dflt)
{
    char v[32];
    if (!vp_xml_attr(r, ns, local, v, sizeof v))
        return dflt;
    char *end;
    long x = strtol(v, &end, 10);
    return end == v ? dflt : x;
}

vnplan_status vp_package_walk(const vp_package *pk, const vp_package_part *pt, const char *partname,
                              const vp_xml_ns *ns, vp_xml_handler fn, void *ctx,
                              vnplan_error *err)
{
    const char *name = pk->name;
    /* Office writers never write a DOCTYPE; one is only there to declare
     * entities or fetch a DTD, so the part is refused before libxml2
     * sees it. */
    if (pt->len >= 9 && memmem(pt->data, pt->len, "<!DOCTYPE", 9))
        return vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1,
                            "%s declares a DOCTYPE, which %s files never have: refused",
                            partname, pk->kind);
    call_once(&xml_once, xml_init);
    if (pt->len > (size_t)0x7fffffff)
        return vp_error_set(err, VNPLAN_E_LIMIT, name, 0, -1, "%s is too large", partname);
    /* No XML_PARSE_NOENT (entity substitution), DTDLOAD or DTDATTR; no
     * network; errors are ours to report, never printed. */
    xmlTextReaderPtr r = xmlReaderForMemory(pt->data, (int)pt->len, NULL, NULL,
                                            XML_PARSE_NONET | XML_PARSE_COMPACT |
                                                XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!r)
        return vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
    vnplan_status st = VNPLAN_OK;
    int ret;
    int skip = -1;   /* the depth of an element the handler skips */
    char buf[128];
    while ((ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        int depth = xmlTextReaderDepth(r);
        if (depth < 0 || (size_t)depth > pk->depth) {
            st = vp_error_set(err, VNPLAN_E_LIMIT, name, 0, -1,
                              "%s nests elements deeper than the xml-depth limit of %zu",
                              partname, pk->depth);
            break;
        }
        if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE) {
            st = vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1,
                              "%s uses a DOCTYPE or entities, which %s files never have: "
                              "refused",
                              partname, pk->kind);
            break;
        }
        int ok = 1;
        if (skip >= 0) {
            if (type == XML_READER_TYPE_END_ELEMENT && depth == skip)
                skip = -1;
        } else if (type == XML_READER_TYPE_ELEMENT) {
            const char *local = ns_name(r, ns, buf, sizeof buf);
            if (local) {
                int empty = xmlTextReaderIsEmptyElement(r);
                ok = fn(ctx, r, VP_XML_START, local, depth);
                if (ok == VP_XML_SKIP && !empty)
                    skip = depth;
                else if (ok && ok != VP_XML_SKIP && empty)
                    ok = fn(ctx, r, VP_XML_END, local, depth);
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            const char *local = ns_name(r, ns, buf, sizeof buf);
            if (local)
                ok = fn(ctx, r, VP_XML_END, local, depth);
        } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                   type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                   type == XML_READER_TYPE_WHITESPACE) {
            ok = fn(ctx, r, VP_XML_TEXT, NULL, depth);
        }
        if (!ok) {
            st = vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
            break;
        }
    }
    if (st == VNPLAN_OK && ret != 0) {
        const xmlError *e = xmlGetLastError();
        if (e && e->code == XML_ERR_NO_MEMORY) {
            st = vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
        } else if (e && e->message) {
            char msg[160];
            snprintf(msg, sizeof msg, "%s", e->message);
            size_t m = strlen(msg);
            while (m && (msg[m - 1] == '\n' || msg[m - 1] == ' '))
                msg[--m] = '\0';
            st = vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1,
                              "damaged %s file: %s is not well-formed XML (line %d: %s)",
                              pk->kind, partname, e->line, msg);
        } else {
            st = vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1,
                              "damaged %s file: %s is not well-formed XML", pk->kind,
                              partname);
        }
    }
    xmlFreeTextReader(r);
    return st;
}
