/* parse.c — the pipeline: file → bytes → NFC text → blocks → documents
 * → header and sections.  Each stage lives in its own file; this one only
 * passes data along and owns the cleanup. */
#include "config.h"
#include "read/blocks.h"
#include "read/charset.h"
#include "read/docx.h"
#include "read/odt.h"
#include "read/package.h"
#include "read/escapes.h"
#include "structure/documents.h"
#include "structure/header.h"
#include "core/error.h"
#include "model/model.h"
#include "core/options.h"
#include "core/data.h"
#include "read/reader.h"
#include "structure/sections.h"
#include "extract/tasks.h"
#include "extract/findings.h"
#include "compare/framework.h"
#include "compare/classify.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The framework to classify a document by: the one asked for, else the
 * newest installed one whose decision the document cites, else the
 * default.  NULL when none is installed: the plan is then left
 * unclassified, with a warning. */
static const vp_framework *framework_for(const vp_data *data, const vnplan_document *d)
{
    const vp_framework *fw = vp_data_requested_framework(data);
    if (fw)
        return fw;
    for (size_t i = 0; i < vp_data_framework_count(data); i++) {
        fw = vp_data_framework_at(data, i);
        for (size_t r = 0; r < d->nrefs; r++)
            if (d->refs[r].number && vp_framework_cited(fw, d->refs[r].number))
                return fw;
    }
    return vp_data_framework(data, VP_DEFAULT_FRAMEWORK);
}

/* Give each set-aside piece of text to the document whose lines hold it. */
static int place_asides(vnplan_plan *p, const vp_blocks *b)
{
    for (size_t i = 0; i < b->naside; i++) {
        const vp_aside *a = &b->asides[i];
        /* documents are in line order: the last one starting at or
         * before the aside holds it (binary search) */
        size_t lo = 0, hi = p->ndocs;
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (p->docs[mid]->line <= a->line)
                lo = mid;
            else
                hi = mid;
        }
        vnplan_document *d = p->docs[lo];
        if (!vp_doc_add_residue(p, d, a->text, strlen(a->text), a->line, a->why))
            return 0;
    }
    return 1;
}

/* Blocks (from either reader; freed here) → documents and everything in
 * them. */
static vnplan_plan *parse_blocks(vnplan_plan *p, vp_blocks blocks, const char *name,
                                 const vnplan_options *opts, vnplan_error *err)
{
    vp_span_range *docs = NULL;
    unsigned char *used = NULL;
    const vp_patterns *re = vp_data_patterns(p->data);
    const vp_vocab *vocab = vp_data_vocab(p->data);
    if (blocks.n == 0) {
        vp_error_set(err, VNPLAN_E_EMPTY, name, 0, -1, "no text: the file is blank");
        goto fail;
    }
    if (!vp_header_mend(&blocks, re, vocab))
        goto nomem;
    size_t ndocs = vp_split_documents(&blocks, re, vocab, &docs);
    used = calloc(blocks.n, 1);
    if (!ndocs || !used)
        goto nomem;
    const vp_gazetteer *g = vp_data_gazetteer(p->data);
    const char *as_of = opts && opts->as_of[0] ? opts->as_of : NULL;
    for (size_t k = 0; k < ndocs; k++) {
        vnplan_document *d = vp_plan_add_document(p);
        vp_span_range body;
        if (!d || !vp_read_header(p, d, &blocks, docs[k], re, vocab, used, &body) ||
            !vp_read_attachment(p, d, &blocks, docs[k], re, vocab, used, &body) ||
            !vp_build_sections(p, d, &blocks, body, re,
                               vnplan_options_limit(opts, VNPLAN_LIMIT_DEPTH)) ||
            !vp_extract_tasks(p, d, g, re, vocab, as_of) ||
            !vp_gather_findings(p, d, re, vocab,
                                vnplan_options_limit(opts, VNPLAN_LIMIT_REFERENCES)))
            goto nomem;
        const vp_framework *fw = framework_for(p->data, d);
        if (!fw ? !vp_plan_warn(p, d->line, "no-framework",
                                "no framework data found; tasks are not classified")
                : !vp_classify_document(p, d, fw))
            goto nomem;
    }
    if (!place_asides(p, &blocks))
        goto nomem;
    if (blocks.wrapped &&
        !vp_plan_warn(p, 1, "hard-wrapped", "lines were wrapped at %d columns; paragraphs rejoined",
                      blocks.wrap_width))
        goto nomem;
    free(docs);
    free(used);
    vp_blocks_free(&blocks);
    return p;
nomem:
    vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
fail:
    free(docs);
    free(used);
    vp_blocks_free(&blocks);
    vnplan_plan_free(p);
    return NULL;
}

/* Files that are not text and that we do not read, told by their first
 * bytes, with what to do about them; NULL for anything else. */
static const char *foreign_format(const unsigned char *b, size_t len)
{
    if (len >= 8 && memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return "a Word 97-2003 document (.doc), not text: convert it with "
               "soffice --headless --convert-to docx";
    if (len >= 5 && memcmp(b, "%PDF-", 5) == 0)
        return "a PDF, not text: convert it with pdftotext -layout";
    return NULL;
}

/* What the reading stage hands on: the blocks and where they came from. */
typedef struct source {
    vp_blocks blocks;
    const char *format;     /* "text", "docx" or "odt", static storage */
    const char *encoding;   /* static storage */
    size_t escaped;         /* literal "\r\n" read as spaces (text only) */
} source;

/* Bytes → blocks, by one of the readers, chosen by content: a ZIP is a
 * Word or an OpenDocument file (read/package.c tells which), anything
 * else is text in some encoding.  `data` supplies the
 * charset tables and the vocabulary that tells encodings apart. */
static vnplan_status read_blocks(const unsigned char *bytes, size_t len, const char *name,
                                 const vnplan_options *opts, const vp_data *data,
                                 source *out, vnplan_error *err)
{
    if (len > vnplan_options_limit(opts, VNPLAN_LIMIT_INPUT_BYTES))
        return vp_error_set(err, VNPLAN_E_LIMIT, name, 0, -1,
                            "larger than the input-bytes limit of %zu",
                            vnplan_options_limit(opts, VNPLAN_LIMIT_INPUT_BYTES));
    const char *foreign = foreign_format(bytes, len);
    if (foreign)
        return vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1, "%s", foreign);
    const vnplan_error *table_err;
    const vp_charsets *cs = vp_data_charsets(data, &table_err);
    if (vp_package_is_zip(bytes, len)) {
        vp_package_kind kind;
        vp_package_limits lim = {vnplan_options_limit(opts, VNPLAN_LIMIT_INPUT_BYTES),
                                 vnplan_options_limit(opts, VNPLAN_LIMIT_ZIP_ENTRIES),
                                 vnplan_options_limit(opts, VNPLAN_LIMIT_XML_DEPTH)};
        vnplan_status st = vp_package_sniff(bytes, len, &lim, &kind, name, err);
        if (st != VNPLAN_OK)
            return st;
        const char *legacy = NULL;
        if (kind == VP_PACKAGE_ODT) {
            st = vp_blocks_from_odt(bytes, len, &lim, cs, &legacy, &out->blocks, name, err);
            out->format = "odt";
        } else {
            st = vp_blocks_from_docx(bytes, len, &lim, cs, &legacy, &out->blocks, name, err);
            out->format = "docx";
        }
        /* the XML is Unicode; a legacy font's text was converted from its
         * encoding, which is then the one to report */
        out->encoding = legacy ? legacy : "UTF-8";
        return st;
    }
    vp_decoded dec;
    memset(&dec, 0, sizeof dec);
    if (vp_decode(cs, vp_data_vocab(data), bytes, len, opts ? opts->encoding : NULL, &dec,
                  err) != VNPLAN_OK) {
        if (err && err->file[0] == '\0')
            snprintf(err->file, sizeof err->file, "%s", name);
        if (!cs && err && err->code == VNPLAN_E_DATA)
            *err = *table_err;
        vp_decoded_free(&dec);
        return err ? err->code : VNPLAN_E_ENCODING;
    }
    out->format = "text";
    out->encoding = dec.encoding;
    out->escaped = vp_undo_escaped_breaks(dec.text, &dec.len);
    vnplan_status st = vp_blocks_from_text(dec.text, dec.len,
                                           vnplan_options_limit(opts, VNPLAN_LIMIT_LINE_BYTES),
                                           &out->blocks, name, err);
    vp_decoded_free(&dec);
    return st;
}

/* The reading stage whole: the options' data loaded, then the blocks.
 * Returns the data (a reference the caller releases), or NULL with `err`
 * filled and nothing left to free. */
static vp_data *read_source(const void *bytes, size_t len, const char **name,
                            const vnplan_options *opts, source *out, vnplan_error *err)
{
    vp_error_clear(err);
    memset(out, 0, sizeof *out);
    if (!*name)
        *name = "<memory>";
    vp_data *data = vp_options_data(opts, err);
    if (data && read_blocks(bytes, len, *name, opts, data, out, err) != VNPLAN_OK) {
        vp_data_release(data);
        data = NULL;
    }
    return data;
}

vnplan_plan *vnplan_parse_bytes(const void *bytes, size_t len, const char *name,
                                const vnplan_options *opts, vnplan_error *err)
{
    source src;
    vp_data *data = read_source(bytes, len, &name, opts, &src, err);
    if (!data)
        return NULL;
    vnplan_plan *p = vp_plan_new();
    if (!p) {
        vp_blocks_free(&src.blocks);
        vp_data_release(data);
        vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
        return NULL;
    }
    p->data = data;   /* the plan points into it (agencies, categories) */
    p->format = src.format;
    p->encoding = src.encoding;
    p->bytes = len;
    if (!(p->path = vp_strdup(p->arena, name)) ||
        (src.escaped &&
         !vp_plan_warn(p, 1, "escaped-line-breaks",
                       "%zu escaped line breaks (\"\\r\\n\") read as spaces", src.escaped))) {
        vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
        vp_blocks_free(&src.blocks);
        vnplan_plan_free(p);
        return NULL;
    }
    return parse_blocks(p, src.blocks, name, opts, err);
}

/* The blocks as lines of text: a paragraph a line, a table row as its
 * cells joined by " | ", set-aside text left out. */
static char *blocks_text(const vp_blocks *b, size_t *out_len)
{
    size_t n = 1;
    for (size_t i = 0; i < b->n; i++) {
        const vp_block *k = &b->v[i];
        if (k->kind == VP_BLOCK_TABLE_ROW)
            for (size_t c = 0; c < k->ncells; c++)
                n += strlen(k->cells[c]) + 3;
        n += k->len + 1;
    }
    char *out = malloc(n), *w = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < b->n; i++) {
        const vp_block *k = &b->v[i];
        if (k->kind == VP_BLOCK_TABLE_ROW && k->ncells) {
            for (size_t c = 0; c < k->ncells; c++) {
                size_t m = strlen(k->cells[c]);
                if (c) {
                    memcpy(w, " | ", 3);
                    w += 3;
                }
                memcpy(w, k->cells[c], m);
                w += m;
            }
        } else {
            memcpy(w, k->text, k->len);
            w += k->len;
        }
        *w++ = '\n';
    }
    *w = '\0';
    if (out_len)
        *out_len = (size_t)(w - out);
    return out;
}

char *vnplan_read_text_bytes(const void *bytes, size_t len, const char *name,
                             const vnplan_options *opts, size_t *out_len, vnplan_error *err)
{
    source src;
    vp_data *data = read_source(bytes, len, &name, opts, &src, err);
    if (!data)
        return NULL;
    char *text = blocks_text(&src.blocks, out_len);
    if (!text)
        vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
    vp_blocks_free(&src.blocks);
    vp_data_release(data);
    return text;
}

char *vnplan_read_text(const char *path, const vnplan_options *opts, size_t *out_len,
                       vnplan_error *err)
{
    vp_error_clear(err);
    unsigned char *data = NULL;
    size_t len = 0;
    if (vp_read_file(path, vnplan_options_limit(opts, VNPLAN_LIMIT_INPUT_BYTES), &data, &len,
                     err) != VNPLAN_OK)
        return NULL;
    char *text = vnplan_read_text_bytes(data, len, path, opts, out_len, err);
    free(data);
    return text;
}

vnplan_plan *vnplan_parse_file(const char *path, const vnplan_options *opts,
                               vnplan_error *err)
{
    vp_error_clear(err);
    unsigned char *data = NULL;
    size_t len = 0;
    size_t limit = vnplan_options_limit(opts, VNPLAN_LIMIT_INPUT_BYTES);
    if (vp_read_file(path, limit, &data, &len, err) != VNPLAN_OK)
        return NULL;
    vnplan_plan *p = vnplan_parse_bytes(data, len, path, opts, err);
    free(data);
    return p;
}
