/* documents.c — splitting a file into documents.
 *
 * A document's header is anchored by its number line ("Số: 115/KH-UBND").
 * Before the anchor stand the issuer lines (all capitals) and perhaps the
 * national motto; the previous document ends where those begin.  A
 * document issued with a decision ("KẾ HOẠCH" / title / "(Kèm theo Quyết
 * định số ...)" after the decision's signature) has no number line: its
 * kind heading anchors it.  A file with neither is one document. */
#include "config.h"
#include "structure/documents.h"
#include "core/buf.h"
#include "core/vocab.h"
#include "core/unicode.h"
#include "extract/references.h"
#include "read/labels.h"
#include <stdlib.h>
#include <string.h>

static int is_number_line(const vp_block *blk, const vp_patterns *re)
{
    long g[4];
    return blk->kind == VP_BLOCK_PARA && blk->len <= VP_NUMBER_LINE_MAX &&
           vp_match(re, VP_RE_NUMBER, blk->text, blk->len, 0, g, 2);
}

/* Header lines that may stand before the number line. */
static int is_pre_anchor(const vp_block *blk)
{
    if (blk->kind != VP_BLOCK_PARA || blk->len == 0 || blk->len > VP_HEADER_LINE_MAX)
        return 0;
    return vp_is_all_caps(blk->text, blk->len) || vp_is_quoc_hieu(blk->text, blk->len);
}

/* ------------------------------------------------- attached documents */

/* Blocks searched for the attachment line below a kind heading, and from
 * the top of a document. */
#define ATTACH_AFTER_HEADING 5
#define ATTACH_WINDOW 16
/* Blocks scanned back from a kind heading for the signature before it. */
#define SIGNATURE_BACK 40
/* Longest line that may be a kind's name in ordinary case ("Chương
 * trình", "Bản thỏa thuận"), in bytes. */
#define KIND_NAME_MAX 48

/* How the attachment line begins, folded: the formulas of the templates
 * of Nghị định 30/2020/NĐ-CP (and older ones), fixed by law, so not data. */
static const char *const attach_leads[] = {
    "kem theo ", "ban hanh kem theo ", "ban hanh theo ", "phe duyet kem theo ",
};

int vp_is_attachment_line(const vp_block *blk)
{
    if (blk->kind != VP_BLOCK_PARA || blk->len == 0)
        return 0;
    /* in parentheses: "Kèm theo đây là ..." in a letter's body is prose */
    const char *s = blk->text;
    size_t len = blk->len;
    if (*s != '(')
        return 0;
    while (len && (*s == '(' || *s == ' ')) {
        s++;
        len--;
    }
    size_t n = len < 40 ? len : 40;
    while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;    /* whole characters only */
    char k[VP_FOLD_LINE_BYTES];
    size_t kl = vp_fold_line(s, n, k, sizeof k);
    for (size_t i = 0; i < sizeof attach_leads / sizeof *attach_leads; i++) {
        size_t al = strlen(attach_leads[i]);
        if (kl >= al && memcmp(k, attach_leads[i], al) == 0)
            return 1;
    }
    return 0;
}

/* The title line of a document's own kind: "KẾ HOẠCH", "KẾ HOẠCH THỰC
 * HIỆN ..." (its first words when it is long), "Chương trình".  Enacting
 * words ("QUYẾT ĐỊNH:") end in a colon and are no title. */
static int is_kind_heading(const vp_block *blk, const vp_vocab *v)
{
    if (blk->kind != VP_BLOCK_PARA || blk->len == 0 || blk->text[blk->len - 1] == ':')
        return 0;
    vp_label lab;
    if (vp_label_parse(blk->text, blk->len, &lab) != VP_LABEL_NONE)
        return 0;
    size_t n = blk->len;
    if (n > VP_CAPS_LINE_MAX) {
        n = VP_CAPS_LINE_MAX;
        while (n && blk->text[n] != ' ')
            n--;
    }
    const vp_kind *k = vp_type_from_title(v, blk->text, n);
    if (!k && blk->len <= KIND_NAME_MAX)
        k = vp_kind_named(v, blk->text, blk->len);
    return k && (k->uses & VP_KIND_DOC);
}

/* Does a signature, or the recipients after it, end just before block i?
 * Back over the short lines of a signature (name, position, "(Đã ký)")
 * and the recipients' bullets to an authority line ("TM. ỦY BAN NHÂN
 * DÂN"), "Nơi nhận:" or "Lưu:"; a numbered line, a long paragraph or a
 * header line on the way says no. */
static int after_signature(const vp_blocks *b, size_t from, size_t i, const vp_patterns *re)
{
    long g[4];
    for (size_t k = i; k-- > from && i - k <= SIGNATURE_BACK;) {
        const vp_block *blk = &b->v[k];
        if (blk->kind != VP_BLOCK_PARA || blk->len > VP_HEADER_LINE_MAX)
            return 0;
        if (vp_match(re, VP_RE_AUTHORITY, blk->text, blk->len, 0, g, 2) ||
            vp_match(re, VP_RE_NOI_NHAN, blk->text, blk->len, 0, g, 2) ||
            vp_match(re, VP_RE_ARCHIVE, blk->text, blk->len, 0, g, 2))
            return 1;
        vp_label lab;
        vp_label_kind lk = vp_label_parse(blk->text, blk->len, &lab);
        if (lk == VP_LABEL_DASH || lk == VP_LABEL_PLUS)
            continue;
        if (lk != VP_LABEL_NONE || vp_is_quoc_hieu(blk->text, blk->len) ||
            vp_match(re, VP_RE_NUMBER, blk->text, blk->len, 0, g, 2) ||
            vp_match(re, VP_RE_PLACE_DATE, blk->text, blk->len, 0, g, 2))
            return 0;
    }
    return 0;
}

/* Is an attachment line among the few blocks after the kind heading i
 * (the title's lines stand between)? */
static int attachment_follows(const vp_blocks *b, size_t i)
{
    for (size_t k = i + 1; k < b->n && k <= i + ATTACH_AFTER_HEADING; k++) {
        if (vp_is_attachment_line(&b->v[k]))
            return 1;
        vp_label lab;
        if (vp_label_parse(b->v[k].text, b->v[k].len, &lab) != VP_LABEL_NONE)
            return 0;
    }
    return 0;
}

/* Is the kind heading i the title of a document whose number line stands
 * just above it (only short header lines between), not of an attached
 * one? */
static int own_title(const vp_blocks *b, size_t from, size_t i, const vp_patterns *re)
{
    for (size_t k = i; k-- > from && i - k <= ATTACH_WINDOW;) {
        const vp_block *blk = &b->v[k];
        vp_label lab;
        if (is_number_line(blk, re))
            return 1;
        if (blk->kind != VP_BLOCK_PARA || blk->len > VP_HEADER_LINE_MAX ||
            vp_label_parse(blk->text, blk->len, &lab) != VP_LABEL_NONE)
            return 0;
    }
    return 0;
}

/* A line of a reprinted header: all capitals, the motto, or a rule
 * ("-------"). */
static int is_header_line(const vp_block *blk)
{
    if (blk->kind != VP_BLOCK_PARA || blk->len == 0 || blk->len > VP_HEADER_LINE_MAX)
        return 0;
    if (vp_is_all_caps(blk->text, blk->len) || vp_is_quoc_hieu(blk->text, blk->len))
        return 1;
    for (size_t j = 0; j < blk->len; j++)
        if (!strchr("-_=*|. ", blk->text[j]))
            return 0;
    return 1;
}

/* Where a document attached to the one before begins, when block i is its
 * kind heading (b->n when it is not): the heading, or the reprinted
 * issuer and motto above it (a run of header lines holding the motto). */
static size_t attached_start(const vp_blocks *b, size_t from, size_t i, const vp_patterns *re,
                             const vp_vocab *v)
{
    if (!v || !is_kind_heading(&b->v[i], v) ||
        !(attachment_follows(b, i) || after_signature(b, from, i, re)) ||
        own_title(b, from, i, re))
        return b->n;
    long g[4];
    size_t start = i;
    int motto = 0;
    while (start > from + 1 && is_header_line(&b->v[start - 1]) &&
           !vp_match(re, VP_RE_AUTHORITY, b->v[start - 1].text, b->v[start - 1].len, 0, g, 2)) {
        motto |= vp_is_quoc_hieu(b->v[start - 1].text, b->v[start - 1].len);
        start--;
    }
    return motto ? start : i;
}

size_t vp_split_documents(const vp_blocks *b, const vp_patterns *re, const vp_vocab *vocab,
                          vp_span_range **out)
{
    *out = NULL;
    if (b->n == 0)
        return 0;
    size_t cap = 4, n = 0;
    vp_span_range *v = malloc(cap * sizeof *v);
    if (!v)
        return 0;
    v[0].start = 0;
    /* An appendix issued "kèm theo" another document is a document of its
     * own from the top: the first number line below it begins the next */
    int seen_anchor = 0;
    for (size_t i = 0; i < b->n && i < ATTACH_WINDOW && !seen_anchor; i++)
        seen_anchor = vp_is_attachment_line(&b->v[i]);
    for (size_t i = 0; i < b->n; i++) {
        size_t start = attached_start(b, v[n].start, i, re, vocab);
        if (start < b->n) {
            seen_anchor = 1;    /* a document of its own, first or not */
        } else if (!is_number_line(&b->v[i], re)) {
            continue;
        } else if (!seen_anchor) {
            seen_anchor = 1;
            continue;   /* the first document starts at the top */
        } else {
            start = i;
            while (start > v[n].start + 1 && is_pre_anchor(&b->v[start - 1]))
                start--;
        }
        /* An anchor close to the start of the document (a dispatch
         * citing another number in its header, a document's own title) is
         * not a new document: require some body in between. */
        if (start - v[n].start < 6)
            continue;
        v[n].end = start;
        if (++n == cap) {
            cap *= 2;
            vp_span_range *nv = realloc(v, cap * sizeof *nv);
            if (!nv) {
                free(v);
                return 0;
            }
            v = nv;
        }
        v[n].start = start;
    }
    v[n].end = b->n;
    *out = v;
    return n + 1;
}

/* The document of the plan numbered `number`, other than d, or NULL. */
static const vnplan_document *numbered(const vnplan_plan *p, const vnplan_document *d,
                                       const char *number)
{
    for (size_t i = 0; i < p->ndocs; i++)
        if (p->docs[i] != d && p->docs[i]->fields[VNPLAN_FIELD_NUMBER] &&
            strcmp(p->docs[i]->fields[VNPLAN_FIELD_NUMBER], number) == 0)
            return p->docs[i];
    for (size_t i = 0; i < p->nprior; i++)
        if (p->prior[i]->fields[VNPLAN_FIELD_NUMBER] &&
            strcmp(p->prior[i]->fields[VNPLAN_FIELD_NUMBER], number) == 0)
            return p->prior[i];
    return NULL;
}

static int copy_field(vnplan_plan *p, vnplan_document *d, vnplan_field f, const char *s)
{
    if (d->fields[f] || !s)
        return 1;
    d->fields[f] = vp_strdup(p->arena, s);
    return d->fields[f] != NULL;
}

int vp_read_attachment(vnplan_plan *p, vnplan_document *d, const vp_blocks *b, vp_span_range r,
                       const vp_patterns *re, const vp_vocab *v, unsigned char *used,
                       vp_span_range *body)
{
    size_t i = r.start;
    while (i < r.end && i < r.start + ATTACH_WINDOW && !vp_is_attachment_line(&b->v[i]))
        i++;
    if (i == r.end || i == r.start + ATTACH_WINDOW)
        return 1;
    /* The line may be cut ("... ngày" / "22/7/2021 của ...)"): read on to
     * its closing parenthesis, two more lines at most. */
    vp_buf t;
    vp_buf_init(&t);
    vp_buf_append(&t, b->v[i].text, b->v[i].len);
    size_t last = i;
    while (!memchr(t.data, ')', t.len) && last + 1 < r.end && last < i + 2 &&
           b->v[last + 1].kind == VP_BLOCK_PARA && b->v[last + 1].len <= VP_HEADER_LINE_MAX) {
        vp_label lab;
        if (vp_label_parse(b->v[last + 1].text, b->v[last + 1].len, &lab) != VP_LABEL_NONE)
            break;
        last++;
        vp_buf_putc(&t, ' ');
        vp_buf_append(&t, b->v[last].text, b->v[last].len);
    }
    if (t.failed) {
        vp_buf_free(&t);
        return 0;
    }
    /* one line of a heading: a handful of references at most */
    vp_refs *refs = vp_refs_new(re, v, NULL, 64);
    int ok = refs && vp_refs_scan(refs, t.data, t.len, b->v[i].line);
    const vp_reference *ref = NULL;
    for (size_t k = 0; ok && !ref && k < vp_refs_count(refs); k++)
        if (vp_refs_at(refs, k)->number)
            ref = vp_refs_at(refs, k);
    if (ref) {
        const vnplan_document *parent = numbered(p, d, ref->number);
        ok = copy_field(p, d, VNPLAN_FIELD_ATTACHED_TO, ref->number);
        if (ok && !d->fields[VNPLAN_FIELD_NUMBER])
            ok = copy_field(p, d, VNPLAN_FIELD_NUMBER, ref->number) &&
                 copy_field(p, d, VNPLAN_FIELD_NUMBER_RAW, ref->number_raw);
        ok = ok && copy_field(p, d, VNPLAN_FIELD_DATE, ref->date);
        if (ok && parent && !d->fields[VNPLAN_FIELD_ISSUER])
            ok = copy_field(p, d, VNPLAN_FIELD_ISSUER, parent->fields[VNPLAN_FIELD_ISSUER]) &&
                 copy_field(p, d, VNPLAN_FIELD_ISSUER_PARENT,
                            parent->fields[VNPLAN_FIELD_ISSUER_PARENT]);
        if (ok && parent)
            ok = copy_field(p, d, VNPLAN_FIELD_PROVINCE, parent->fields[VNPLAN_FIELD_PROVINCE]);
    }
    vp_refs_free(refs);
    vp_buf_free(&t);
    if (!ok)
        return 0;
    for (size_t k = i; k <= last; k++)
        used[k] = 1;
    /* the line is part of the header, not the body's first paragraph */
    if (body->start >= i && body->start <= last)
        body->start = last + 1 < body->end ? last + 1 : body->end;
    return 1;
}
