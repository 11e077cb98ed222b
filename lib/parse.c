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

/* Where plans go when they are handed out one document at a time. */
typedef struct each_sink {
    vnplan_each_fn fn;
    void *ctx;
    int stopped;            /* fn asked to stop */
} each_sink;

/* A plan for the next document of a file: the same source as `first`
 * (whose fields are copied, since the first plan is handed out) and the
 * same data. */
typedef struct source_of {
    vp_data *data;
    const char *format, *encoding;
    size_t bytes;
    const char *path;
} source_of;

static vnplan_plan *sibling(const source_of *src)
{
    vnplan_plan *q = vp_plan_new();
    if (!q)
        return NULL;
    q->data = vp_data_retain(src->data);
    q->format = src->format;
    q->encoding = src->encoding;
    q->bytes = src->bytes;
    if (!(q->path = vp_strdup(q->arena, src->path))) {
        vnplan_plan_free(q);
        return NULL;
    }
    return q;
}

/* What later documents may take from d (documents.c), in `a`. */
static vnplan_document *stub_of(vp_arena *a, const vnplan_document *d)
{
    static const vnplan_field kept[] = {VNPLAN_FIELD_NUMBER, VNPLAN_FIELD_ISSUER,
                                        VNPLAN_FIELD_ISSUER_PARENT, VNPLAN_FIELD_PROVINCE};
    vnplan_document *s = vp_alloc(a, sizeof *s);
    for (size_t i = 0; s && i < sizeof kept / sizeof *kept; i++)
        if (d->fields[kept[i]] && !(s->fields[kept[i]] = vp_strdup(a, d->fields[kept[i]])))
            return NULL;
    return s;
}

/* Read document `r` of the blocks into plan p (its structure, tasks,
 * findings, categories).  0 on lack of memory. */
static int read_document(vnplan_plan *p, vp_blocks *blocks, vp_span_range r,
                         unsigned char *used, const vnplan_options *opts,
                         vnplan_document **out)
{
    const vp_patterns *re = vp_data_patterns(p->data);
    const vp_vocab *vocab = vp_data_vocab(p->data);
    const char *as_of = opts && opts->as_of[0] ? opts->as_of : NULL;
    vnplan_document *d = vp_plan_add_document(p);
    vp_span_range body;
    if (!d || !vp_read_header(p, d, blocks, r, re, vocab, used, &body) ||
        !vp_read_attachment(p, d, blocks, r, re, vocab, used, &body) ||
        !vp_build_sections(p, d, blocks, body, re,
                           vnplan_options_limit(opts, VNPLAN_LIMIT_DEPTH)) ||
        !vp_extract_tasks(p, d, vp_data_gazetteer(p->data), re, vocab, as_of) ||
        !vp_gather_findings(p, d, re, vocab,
                            vnplan_options_limit(opts, VNPLAN_LIMIT_REFERENCES)))
        return 0;
    const vp_framework *fw = framework_for(p->data, d);
    if (!fw ? !vp_plan_warn(p, d->line, "no-framework",
                            "no framework data found; tasks are not classified")
            : !vp_classify_document(p, d, fw))
        return 0;
    *out = d;
    return 1;
}

static int warn_wrapped(vnplan_plan *p, const vp_blocks *b)
{
    return !b->wrapped ||
           vp_plan_warn(p, 1, "hard-wrapped", "lines were wrapped at %d columns; paragraphs rejoined",
                        b->wrap_width);
}

/* Blocks (from either reader; freed here) → documents and everything in
 * them: all in p, returned; or, with `each`, one plan a document handed
 * to each->fn (p, the first of them, included), NULL returned. */
static vnplan_plan *parse_blocks(vnplan_plan *p, vp_blocks blocks, const char *name,
                                 const vnplan_options *opts, each_sink *each,
                                 vnplan_error *err)
{
    vp_span_range *docs = NULL;
    unsigned char *used = NULL;
    vp_arena *stubs = NULL;
    const vnplan_document **prior = NULL;
    vnplan_document *d;
    if (blocks.n == 0) {
        vp_error_set(err, VNPLAN_E_EMPTY, name, 0, -1, "no text: the file is blank");
        goto fail;
    }
    if (!vp_header_mend(&blocks, vp_data_patterns(p->data), vp_data_vocab(p->data)))
        goto nomem;
    size_t ndocs = vp_split_documents(&blocks, vp_data_patterns(p->data), vp_data_vocab(p->data),
                                      &docs);
    used = calloc(blocks.n, 1);
    if (!ndocs || !used)
        goto nomem;
    if (!each) {
        for (size_t k = 0; k < ndocs; k++)
            if (!read_document(p, &blocks, docs[k], used, opts, &d))
                goto nomem;
        if (!place_asides(p, &blocks) || !warn_wrapped(p, &blocks))
            goto nomem;
        free(docs);
        free(used);
        vp_blocks_free(&blocks);
        return p;
    }
    /* One document at a time: its plan, its asides (those from its first
     * line to the next document's), then out; the file's last warning
     * with the last. */
    if (!(stubs = vp_arena_new()) || !(prior = calloc(ndocs, sizeof *prior)))
        goto nomem;
    source_of src = {p->data, p->format, p->encoding, p->bytes, vp_strdup(stubs, p->path)};
    if (!src.path)
        goto nomem;
    vp_data_retain(src.data);   /* as long as siblings are made */
    size_t next_aside = 0;
    for (size_t k = 0; k < ndocs && !each->stopped; k++) {
        vnplan_plan *q = k ? sibling(&src) : p;
        if (!q)
            goto nomem;
        q->prior = prior;
        q->nprior = k;
        if (!read_document(q, &blocks, docs[k], used, opts, &d) ||
            !(prior[k] = stub_of(stubs, d))) {
            if (q != p)
                vnplan_plan_free(q);
            vp_data_release(src.data);
            goto nomem;
        }
        long until = k + 1 < ndocs ? blocks.v[docs[k + 1].start].line : LONG_MAX;
        int ok = 1;
        for (; ok && next_aside < blocks.naside && blocks.asides[next_aside].line < until;
             next_aside++) {
            const vp_aside *a = &blocks.asides[next_aside];
            ok = vp_doc_add_residue(q, d, a->text, strlen(a->text), a->line, a->why);
        }
        if (!ok || (k + 1 == ndocs && !warn_wrapped(q, &blocks))) {
            if (q != p)
                vnplan_plan_free(q);
            vp_data_release(src.data);
            goto nomem;
        }
        q->prior = NULL;
        q->nprior = 0;
        if (k == 0)
            p = NULL;   /* handed out: no longer ours to free */
        each->stopped = each->fn(q, each->ctx) != 0;
    }
    vp_data_release(src.data);
    vnplan_plan_free(p);
    free(docs);
    free(used);
    free(prior);
    vp_arena_free(stubs);
    vp_blocks_free(&blocks);
    return NULL;
nomem:
    vp_error_set(err, VNPLAN_E_NOMEM, name, 0, -1, "out of memory");
fail:
    free(docs);
    free(used);
    free(prior);
    vp_arena_free(stubs);
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
                                 unsigned char **owned, source *out, vnplan_error *err)
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
    /* the text is decoded: bytes that are ours go now, so as not to be
     * held beside the text and its blocks */
    if (owned) {
        free(*owned);
        *owned = NULL;
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
                            const vnplan_options *opts, unsigned char **owned, source *out,
                            vnplan_error *err)
{
    vp_error_clear(err);
    memset(out, 0, sizeof *out);
    if (!*name)
        *name = "<memory>";
    vp_data *data = vp_options_data(opts, err);
    if (data && read_blocks(bytes, len, *name, opts, data, owned, out, err) != VNPLAN_OK) {
        vp_data_release(data);
        data = NULL;
    }
    return data;
}

/* The plan of what read_source read (its data and blocks handed over),
 * then everything in it: the whole plan, or (with `each`) one document
 * at a time. */
static vnplan_plan *parse_source(vp_data *data, source src, size_t len, const char *name,
                                 const vnplan_options *opts, each_sink *each,
                                 vnplan_error *err)
{
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
    return parse_blocks(p, src.blocks, name, opts, each, err);
}

vnplan_plan *vnplan_parse_bytes(const void *bytes, size_t len, const char *name,
                                const vnplan_options *opts, vnplan_error *err)
{
    source src;
    vp_data *data = read_source(bytes, len, &name, opts, NULL, &src, err);
    return data ? parse_source(data, src, len, name, opts, NULL, err) : NULL;
}

vnplan_status vnplan_parse_file_each(const char *path, const vnplan_options *opts,
                                     vnplan_each_fn fn, void *ctx, vnplan_error *err)
{
    vp_error_clear(err);
    unsigned char *bytes = NULL;
    size_t len = 0;
    if (!fn)
        return vp_error_set(err, VNPLAN_E_USAGE, path, 0, -1, "no function to call");
    if (vp_read_file(path, vnplan_options_limit(opts, VNPLAN_LIMIT_INPUT_BYTES), &bytes, &len,
                     err) != VNPLAN_OK)
        return err ? err->code : VNPLAN_E_IO;
    source src;
    const char *name = path;
    vp_data *data = read_source(bytes, len, &name, opts, &bytes, &src, err);
    free(bytes);    /* the blocks hold the text from here on */
    if (!data)
        return err ? err->code : VNPLAN_E_IO;
    each_sink each = {fn, ctx, 0};
    vnplan_error local;
    if (!err)
        err = &local;
    vp_error_clear(err);
    parse_source(data, src, len, name, opts, &each, err);
    return err->code;
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
    vp_data *data = read_source(bytes, len, &name, opts, NULL, &src, err);
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
