/* parse.c — the pipeline: file → bytes → NFC text → blocks → documents
 * → header and sections.  Each stage lives in its own file; this one only
 * passes data along and owns the cleanup. */
#include "config.h"
#include "read/blocks.h"
#include "read/charset.h"
#include "read/docx.h"
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
            !vp_gather_findings(p, d, re, vocab))
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

static vnplan_plan *parse_text(vnplan_plan *p, const char *text, size_t len, const char *name,
                               const vnplan_options *opts, vnplan_error *err)
{
    vp_blocks blocks;
    if (vp_blocks_from_text(text, len, vnplan_options_limit(opts, VNPLAN_LIMIT_LINE_BYTES),
                            &blocks, name, err) != VNPLAN_OK) {
        vnplan_plan_free(p);
        return NULL;
    }
    return parse_blocks(p, blocks, name, opts, err);
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

static vnplan_plan *parse_docx(vp_data *data, const unsigned char *bytes, size_t len,
                               const char *name, const vnplan_options *opts, vnplan_error *err)
{
    vp_blocks blocks;
    const vnplan_error *table_err;
    const char *legacy;
    if (vp_blocks_from_docx(bytes, len, vnplan_options_limit(opts, VNPLAN_LIMIT_INPUT_BYTES),
                            vp_data_charsets(data, &table_err), &legacy, &blocks, name,
                            err) != VNPLAN_OK) {
        vp_data_release(data);
        return NULL;
    }
    vnplan_plan *p = vp_plan_new();
    if (!p) {
        vp_blocks_free(&blocks);
        vp_data_release(data);
        vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
        return NULL;
    }
    p->data = data;
    p->path = vp_strdup(p->arena, name);
    p->format = "docx";
    /* the XML is Unicode; a legacy font's text was converted from its
     * encoding, which is then the one to report */
    p->encoding = legacy ? legacy : "UTF-8";
    p->bytes = len;
    return parse_blocks(p, blocks, name, opts, err);
}

vnplan_plan *vnplan_parse_bytes(const void *bytes, size_t len, const char *name,
                                const vnplan_options *opts, vnplan_error *err)
{
    vnplan_plan *p = NULL;
    vp_data *data = NULL;
    vp_decoded dec;
    memset(&dec, 0, sizeof dec);
    vp_error_clear(err);
    if (!name)
        name = "<memory>";
    if (len > vnplan_options_limit(opts, VNPLAN_LIMIT_INPUT_BYTES)) {
        vp_error_set(err, VNPLAN_E_LIMIT, name, 0, -1,
                     "larger than the input limit of %zu bytes",
                     vnplan_options_limit(opts, VNPLAN_LIMIT_INPUT_BYTES));
        goto done;
    }
    const char *foreign = foreign_format(bytes, len);
    if (foreign) {
        vp_error_set(err, VNPLAN_E_BINARY, name, 0, -1, "%s", foreign);
        goto done;
    }
    if (!(data = vp_options_data(opts, err)))
        goto done;
    if (vp_docx_is_zip(bytes, len)) {
        p = parse_docx(data, bytes, len, name, opts, err);
        data = NULL;
        goto done;
    }
    const vnplan_error *table_err;
    const vp_charsets *cs = vp_data_charsets(data, &table_err);
    if (vp_decode(cs, vp_data_vocab(data), bytes, len, opts ? opts->encoding : NULL, &dec,
                  err) != VNPLAN_OK) {
        if (err && err->file[0] == '\0')
            snprintf(err->file, sizeof err->file, "%s", name);
        if (!cs && err && err->code == VNPLAN_E_DATA)
            *err = *table_err;
        goto done;
    }
    p = vp_plan_new();
    if (!p) {
        vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
        goto done;
    }
    p->data = data;   /* the plan points into it (agencies, categories) */
    data = NULL;
    p->path = vp_strdup(p->arena, name);
    if (!p->path) {
        vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
        vnplan_plan_free(p);
        p = NULL;
        goto done;
    }
    p->format = "text";
    p->encoding = dec.encoding;
    p->bytes = len;
    size_t escaped = vp_undo_escaped_breaks(dec.text, &dec.len);
    if (escaped && !vp_plan_warn(p, 1, "escaped-line-breaks",
                                 "%zu escaped line breaks (\"\\r\\n\") read as spaces", escaped)) {
        vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
        vnplan_plan_free(p);
        p = NULL;
        goto done;
    }
    p = parse_text(p, dec.text, dec.len, name, opts, err);
done:
    vp_decoded_free(&dec);
    vp_data_release(data);
    return p;
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
