/* header.c — the administrative parts of a document (Nghị định
 * 30/2020/NĐ-CP, Điều 8): issuer and its superior body, number and symbol,
 * place and date, type and subject (title), addressees, then at the end the
 * recipients ("Nơi nhận"), the archive line ("Lưu:") and the signer.
 *
 * Consumes one document's blocks; fills the document's fields and residue;
 * returns the range of the body for the section stage.  Stamp and
 * handwriting residue found on the way is kept as residue, never dropped. */
#include "config.h"
#include "core/buf.h"
#include "structure/documents.h"
#include "structure/header.h"
#include "core/vocab.h"
#include "read/labels.h"
#include "core/unicode.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- helpers */

/* "12127 /KH-UBND" → "12127/KH-UBND": spaces around / and - removed. */
static char *repair_number(vnplan_plan *p, const char *s, size_t len)
{
    char *out = vp_alloc(p->arena, len + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ' ' || s[i] == '\t')
            continue;
        out[n++] = s[i];
    }
    out[n] = '\0';
    return out;
}

/* Words in a folded key. */
static int words_in(const char *k)
{
    int n = *k != '\0';
    for (; *k; k++)
        n += *k == ' ';
    return n;
}

/* Does the folded key k begin with the words of `phrase`?  Their number,
 * else 0. */
static int begins_with_words(const char *k, const char *phrase)
{
    char pk[VP_FOLD_LINE_BYTES];
    size_t n = vp_fold_line(phrase, strlen(phrase), pk, sizeof pk);
    return n && strncmp(k, pk, n) == 0 && (k[n] == ' ' || k[n] == '\0') ? words_in(pk) : 0;
}

/* The council a folded issuer line begins with ("uy ban nhan dan tinh
 * ...", "ubnd tinh ..."): its abbreviation, and the words of its name in
 * *words; NULL when it names none. */
static const char *council_at(const vp_vocab *v, const char *k, int *words)
{
    for (size_t c = 0; c < vp_vocab_council_count(v); c++) {
        const vp_council *cn = vp_vocab_council_at(v, c);
        if ((*words = begins_with_words(k, cn->abbr)))
            return cn->abbr;
        for (const char *const *n = cn->names; *n; n++)
            if ((*words = begins_with_words(k, *n)))
                return cn->abbr;
    }
    return NULL;
}

/* Words of the administrative level a folded key begins with ("thanh pho
 * nha trang" → 2), 0 when none; only provincial levels with `province`. */
static int level_at(const vp_vocab *v, const char *k, int province)
{
    int best = 0;
    for (size_t i = 0; i < vp_vocab_level_count(v); i++) {
        const vp_level *l = vp_vocab_level_at(v, i);
        int w = province && !l->province ? 0 : begins_with_words(k, l->name);
        if (w > best)
            best = w;
    }
    return best;
}

/* The end of `words` words of s from i, and the spaces after them. */
static size_t skip_words(const char *s, size_t len, size_t i, int words)
{
    for (int w = 0; w < words && i < len; w++) {
        while (i < len && s[i] != ' ')
            i++;
        while (i < len && s[i] == ' ')
            i++;
    }
    return i;
}

/* Vietnamese agency names capitalise the first word of each part of the
 * name: "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → "Sở Lao động - Thương binh
 * và Xã hội"; "ỦY BAN NHÂN DÂN TỈNH THANH HÓA" → "UBND tỉnh Thanh Hóa". */
static char *agency_case(vnplan_plan *p, const vp_vocab *v, const char *s, size_t len)
{
    char k[VP_FOLD_LINE_BYTES];
    vp_fold_line(s, len, k, sizeof k);
    vp_buf out;
    vp_buf_init(&out);
    int words;
    const char *abbr = council_at(v, k, &words);
    if (abbr && words_in(k) > words) {     /* a council and where it sits */
        /* Skip as many words of the original as the council's name has. */
        size_t i = skip_words(s, len, 0, words);
        /* level (tỉnh, thành phố, huyện) in lower case, then the place
         * name in title case; a level not in the vocabulary is one word */
        char lk[VP_FOLD_LINE_BYTES];
        vp_fold_line(s + i, len - i, lk, sizeof lk);
        int lw = level_at(v, lk, 0);
        size_t name_start = skip_words(s, len, i, lw ? lw : 1);
        size_t j = name_start;
        while (j > i && s[j - 1] == ' ')
            j--;
        char *lvl = vp_lower(s + i, j - i);
        char *place = vp_title_case(s + name_start, len - name_start);
        if (!lvl || !place)
            out.failed = 1;   /* no memory: the name would be cut short */
        vp_buf_puts(&out, abbr);
        vp_buf_putc(&out, ' ');
        if (lvl)
            vp_buf_puts(&out, lvl);
        if (place && *place) {
            vp_buf_putc(&out, ' ');
            vp_buf_puts(&out, place);
        }
        free(lvl);
        free(place);
        char *r = vp_buf_detach(&out);
        char *res = r ? vp_strdup(p->arena, r) : NULL;
        free(r);
        return res;
    }
    if (!vp_is_all_caps(s, len))
        return vp_strndup(p->arena, s, len);
    /* Sentence case per part: parts are separated by " và ", ", ", " - ";
     * after the head of an agency's name ("Sở", "Trung tâm", ...) the name
     * starts a new part: "SỞ Y TẾ" → "Sở Y tế". */
    char *low = vp_lower(s, len);
    if (!low)
        return NULL;
    size_t n = strlen(low);
    int cap_next = 1;
    size_t body_end = 0;
    for (const char *const *h = vp_vocab_list(v, VP_LIST_HEADS); *h && !body_end; h++) {
        char *lh = vp_lower(*h, strlen(*h));
        size_t hl = lh ? strlen(lh) : 0;
        if (lh && strncmp(low, lh, hl) == 0 && low[hl] == ' ')
            body_end = hl + 1;
        free(lh);
    }
    for (size_t i = 0; i < n;) {
        if (body_end && i == body_end)
            cap_next = 1;
        if (cap_next && low[i] != ' ' && low[i] != '-' && low[i] != ',') {
            int32_t cp;
            int l = vp_utf8_decode(low + i, n - i, &cp);
            char u[4];
            int ul = vp_utf8_encode(vp_to_upper(cp), u);
            vp_buf_append(&out, u, (size_t)ul);
            i += (size_t)l;
            cap_next = 0;
            continue;
        }
        if (low[i] == ',' || (low[i] == '-' && i > 0 && low[i - 1] == ' '))
            cap_next = 1;
        if (strncmp(low + i, " và ", 5) == 0) {
            vp_buf_append(&out, " và ", 5);
            i += 5;
            cap_next = 1;
            continue;
        }
        vp_buf_putc(&out, low[i++]);
    }
    free(low);
    char *r = vp_buf_detach(&out);
    char *res = r ? vp_strdup(p->arena, r) : NULL;
    free(r);
    return res;
}

/* "PHÓ CHỦ TỊCH" → "Phó Chủ tịch"; "GIÁM ĐỐC" → "Giám đốc": sentence
 * case, and the word after "Phó" capitalised as Vietnamese titles are. */
static char *position_case(vnplan_plan *p, const char *s, size_t len)
{
    if (!vp_is_all_caps(s, len))
        return vp_strndup(p->arena, s, len);
    char *sc = vp_sentence_case(s, len);
    if (!sc)
        return NULL;
    size_t n = strlen(sc);
    if (n > 5 && strncmp(sc, "Phó ", 5) == 0) {
        int32_t cp;
        int l = vp_utf8_decode(sc + 5, n - 5, &cp);
        char u[4];
        int ul = vp_utf8_encode(vp_to_upper(cp), u);
        vp_buf b;
        vp_buf_init(&b);
        vp_buf_append(&b, sc, 5);
        vp_buf_append(&b, u, (size_t)ul);
        vp_buf_puts(&b, sc + 5 + l);
        free(sc);
        sc = vp_buf_detach(&b);
        if (!sc)
            return NULL;
    }
    char *r = vp_strdup(p->arena, sc);
    free(sc);
    return r;
}

/* A person's name: two to six words, each capitalised, no digits or
 * sentence punctuation. */
static int is_person_name(const char *s, size_t len)
{
    vp_label lab;
    if (len < 4 || len > 60 || vp_label_parse(s, len, &lab) != VP_LABEL_NONE)
        return 0;
    int words = 0, at_start = 1;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, len - i, &cp);
        if (cp == ' ') {
            at_start = 1;
        } else {
            if ((cp >= '0' && cp <= '9') || cp == ',' || cp == ':' || cp == ';' ||
                cp == '/' || cp == '(' || cp == '-')
                return 0;
            if (at_start) {
                if (!vp_is_upper(cp))
                    return 0;
                words++;
                at_start = 0;
            }
        }
        i += (size_t)l;
    }
    return words >= 2 && words <= 6;
}

/* Letters in s (code points). */
static size_t letters(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += (size_t)vp_utf8_decode(s + i, len - i, &cp);
        n += vp_is_letter(cp) != 0;
    }
    return n;
}

/* A signer's position or an issuer line: all capitals, short, with words
 * (a bare "I." or "II." is a section number, not a name). */
static int is_caps_line(const char *s, size_t len)
{
    return len > 0 && len <= VP_CAPS_LINE_MAX && vp_is_all_caps(s, len) &&
           letters(s, len) >= 4 && !vp_is_quoc_hieu(s, len);
}

static int is_position(const vp_block *blk)
{
    return blk->kind == VP_BLOCK_PARA && is_caps_line(blk->text, blk->len);
}

/* A signer's position line: as is_position, and neither a numbered
 * heading ("I. MỤC ĐÍCH,") nor a line cut at a comma. */
static int is_signer_position(const vp_block *blk)
{
    vp_label lab;
    return is_position(blk) && vp_label_parse(blk->text, blk->len, &lab) == VP_LABEL_NONE &&
           blk->text[blk->len - 1] != ',';
}

static int is_stamp_block(const vp_block *blk, const vp_patterns *re)
{
    long g[2];
    if (blk->kind != VP_BLOCK_PARA || blk->len == 0)
        return 0;
    if (vp_match(re, VP_RE_STAMP_LINE, blk->text, blk->len, 0, g, 1))
        return 1;
    /* Short handwriting in italics, e.g. a date "*12/7/16*". */
    return (blk->marks & VP_MARK_ALL_ITALIC) && blk->len <= 16;
}

static const char *set_field(vnplan_plan *p, vnplan_document *d, vnplan_field f,
                             const char *s, size_t len)
{
    d->fields[f] = vp_strndup(p->arena, s, len);
    return d->fields[f];
}

/* A recipient item without its list marker and trailing ";" or ".". */
static int add_recipient(vnplan_plan *p, vnplan_document *d, const char *s, size_t len)
{
    while (len && strchr("-+* ", s[0])) {
        s++;
        len--;
    }
    while (len && strchr(";., ", s[len - 1]))
        len--;
    if (len == 0)
        return 1;
    return vp_doc_add_recipient(p, d, s, len);
}

/* Append s to a title without its stamp fields, which are kept as
 * residue of `line`. */
static int append_unstamped(vnplan_plan *p, vnplan_document *d, const vp_patterns *re,
                            vp_buf *out, const char *s, size_t len, long line)
{
    size_t at = 0;
    long g[2];
    while (at < len && vp_match(re, VP_RE_STAMP, s, len, at, g, 1)) {
        vp_buf_append(out, s + at, (size_t)g[0] - at);
        const char *f = s + g[0];
        size_t fl = (size_t)(g[1] - g[0]);
        while (fl && (f[0] == ' ' || f[0] == ':')) {
            f++;
            fl--;
        }
        if (fl && !vp_doc_add_residue(p, d, f, fl, line, "stamp"))
            return 0;
        at = (size_t)g[1] > at ? (size_t)g[1] : at + 1;
    }
    vp_buf_append(out, s + at, len - at);
    return !out->failed;
}

/* ------------------------------------------------------------ header */

typedef struct header_state {
    vp_buf title;
    const char *issuer_lines[4];
    size_t issuer_len[4];
    int nissuer;
    const char *type_abbr;
} header_state;

/* Issuer lines: "ỦY BAN NHÂN DÂN" + "TỈNH THANH HÓA" are one name;
 * "UBND TỈNH THANH HÓA" + "SỞ Y TẾ" are superior body and issuer. */
static int finish_issuer(vnplan_plan *p, const vp_vocab *v, vnplan_document *d,
                         header_state *h)
{
    const char *names[4];
    size_t lens[4];
    int n = 0;
    vp_buf raw;
    vp_buf_init(&raw);
    char *joined[4] = {NULL, NULL, NULL, NULL};
    for (int i = 0; i < h->nissuer; i++) {
        char k[VP_FOLD_LINE_BYTES];
        vp_fold_line(h->issuer_lines[i], h->issuer_len[i], k, sizeof k);
        int lw = level_at(v, k, 0);
        int cont = n > 0 && lw && words_in(k) > lw;     /* a level and its name */
        if (raw.len)
            vp_buf_puts(&raw, " / ");
        vp_buf_append(&raw, h->issuer_lines[i], h->issuer_len[i]);
        if (cont) {
            vp_buf b;
            vp_buf_init(&b);
            vp_buf_append(&b, names[n - 1], lens[n - 1]);
            vp_buf_putc(&b, ' ');
            vp_buf_append(&b, h->issuer_lines[i], h->issuer_len[i]);
            free(joined[n - 1]);
            joined[n - 1] = vp_buf_detach(&b);
            if (!joined[n - 1])
                goto fail;
            names[n - 1] = joined[n - 1];
            lens[n - 1] = strlen(joined[n - 1]);
        } else if (n < 4) {
            names[n] = h->issuer_lines[i];
            lens[n] = h->issuer_len[i];
            n++;
        }
    }
    if (raw.failed)
        goto fail;
    if (n > 0) {
        d->fields[VNPLAN_FIELD_ISSUER] = agency_case(p, v, names[n - 1], lens[n - 1]);
        if (!d->fields[VNPLAN_FIELD_ISSUER])
            goto fail;
        if (n > 1) {
            d->fields[VNPLAN_FIELD_ISSUER_PARENT] =
                agency_case(p, v, names[n - 2], lens[n - 2]);
            if (!d->fields[VNPLAN_FIELD_ISSUER_PARENT])
                goto fail;
        }
        if (raw.data) {
            d->fields[VNPLAN_FIELD_ISSUER_RAW] = vp_strdup(p->arena, raw.data);
            if (!d->fields[VNPLAN_FIELD_ISSUER_RAW])
                goto fail;
        }
    }
    vp_buf_free(&raw);
    for (int i = 0; i < 4; i++)
        free(joined[i]);
    return 1;
fail:
    vp_buf_free(&raw);
    for (int i = 0; i < 4; i++)
        free(joined[i]);
    return 0;
}

/* s begins with `word` and a space: what follows, else NULL. */
static const char *after_word(const char *s, const char *word)
{
    size_t n = strlen(word);
    return strncmp(s, word, n) == 0 && s[n] == ' ' ? s + n + 1 : NULL;
}

/* The province: from the issuer ("UBND tỉnh X": a council of a provincial
 * level), its superior body, or the place of the date line. */
static void find_province(vnplan_plan *p, const vp_vocab *v, vnplan_document *d)
{
    static const vnplan_field from[] = {VNPLAN_FIELD_ISSUER, VNPLAN_FIELD_ISSUER_PARENT};
    for (size_t i = 0; i < 2; i++) {
        const char *s = d->fields[from[i]];
        for (size_t c = 0; s && c < vp_vocab_council_count(v); c++) {
            const char *rest = after_word(s, vp_vocab_council_at(v, c)->abbr);
            for (size_t l = 0; rest && l < vp_vocab_level_count(v); l++) {
                const vp_level *lv = vp_vocab_level_at(v, l);
                const char *place = lv->province ? after_word(rest, lv->name) : NULL;
                if (place) {
                    d->fields[VNPLAN_FIELD_PROVINCE] = vp_strdup(p->arena, place);
                    return;
                }
            }
        }
    }
    if (d->fields[VNPLAN_FIELD_PLACE])
        d->fields[VNPLAN_FIELD_PROVINCE] = d->fields[VNPLAN_FIELD_PLACE];
}

static void trim_cell(const char **s, size_t *len)
{
    while (*len && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

/* An upper-case letter of a symbol (ASCII, or Đ). */
static size_t symbol_letter(const char *s, size_t len)
{
    if (len && s[0] >= 'A' && s[0] <= 'Z')
        return 1;
    if (len >= 2 && (unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x90)
        return 2;   /* Đ */
    return 0;
}

/* "1961/QĐUBND" → "1961/QĐ-UBND": PDF text drops the hyphen between the
 * kind and the issuer.  Restored only when the symbol after the last "/"
 * has no hyphen, begins with the abbreviation of a document kind (the
 * longest that fits) and goes on with at least three capitals. */
static char *restore_hyphen(vnplan_plan *p, const vp_vocab *v, char *num)
{
    char *sym = strrchr(num, '/');
    if (!sym || strchr(sym, '-'))
        return num;
    sym++;
    size_t sl = strlen(sym), best = 0;
    for (size_t i = 0; i < vp_vocab_kind_count(v); i++) {
        const vp_kind *k = vp_vocab_kind_at(v, i);
        size_t al = k->abbr ? strlen(k->abbr) : 0;
        if ((k->uses & VP_KIND_DOC) && al > best && al < sl && memcmp(sym, k->abbr, al) == 0)
            best = al;
    }
    if (!best)
        return num;
    size_t caps = 0;
    for (size_t i = best, n; i < sl; i += n, caps++)
        if (!(n = symbol_letter(sym + i, sl - i)))
            return num;
    if (caps < 3)
        return num;
    size_t nl = strlen(num), at = (size_t)(sym - num) + best;
    char *out = vp_alloc(p->arena, nl + 2);
    if (!out)
        return NULL;
    memcpy(out, num, at);
    out[at] = '-';
    memcpy(out + at + 1, num + at, nl - at + 1);
    return out;
}

/* ------------------------------------------------------- header cells */

/* The header is typed as a two-column table (issuer | motto; number |
 * place and date) that websites and converters flatten: cells end in
 * " |", a lone "|" stands between rows, or — pdftotext -layout — the two
 * columns share a line, apart by a run of spaces.  The front matter is
 * read cell by cell, and rules of dashes, underscores or asterisks under
 * the issuer and the motto are decoration, skipped. */
typedef struct cell {
    const char *s;
    size_t len;
} cell;
enum { MAX_CELLS = 8 };

/* Only rule characters ("-----", "___", "***", "==="; what is left of
 * "*****" once Markdown emphasis is stripped: "*"). */
static int is_rule(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (strchr("-_*=~", s[i]))
            n++;
        else if (s[i] != ' ' && s[i] != '\t')
            return 0;
    }
    return n >= 1;
}

/* Adds c[0..n) as a cell unless it is empty or a rule. */
static void add_cell(cell *out, size_t *n, const char *c, size_t cl)
{
    trim_cell(&c, &cl);
    if (cl && !is_rule(c, cl) && *n < MAX_CELLS)
        out[(*n)++] = (cell){c, cl};
}

/* Cuts one piece of a line where a part of the header starts inside it
 * (the motto after the issuer, "Số:" after a rule, the place and date
 * after the number, "Căn cứ" after the subject) or where a date ends. */
static void cut_parts(const vp_patterns *re, const char *s, size_t len, cell *out, size_t *n)
{
    size_t from = 0, at = 0;
    long g[8];
    while (at < len && vp_match(re, VP_RE_HEADER_CUT, s, len, at, g, 4)) {
        size_t start = (size_t)g[0], end = (size_t)g[1];
        if (g[4] >= 0) {            /* a rule: dropped, as a cut */
            add_cell(out, n, s + from, start - from);
            from = at = end;
            continue;
        }
        if (g[6] >= 0) {
            /* A year ends a date only in a place-and-date piece. */
            if (!memmem(s + from, start - from, "ngày", strlen("ngày")) ||
                !memmem(s + from, start - from, "tháng", strlen("tháng"))) {
                at = end > start ? end : start + 1;
                continue;
            }
            start = (size_t)g[6];
        }
        if (start > from) {
            add_cell(out, n, s + from, start - from);
            from = start;
        }
        if (g[2] >= 0 && (size_t)g[2] > from) {    /* the number ends here */
            add_cell(out, n, s + from, (size_t)g[2] - from);
            from = (size_t)g[2];
        }
        at = end > start ? end : start + 1;
    }
    add_cell(out, n, s + from, len - from);
}

static size_t split_cells(const vp_patterns *re, const char *s, size_t len, cell *out)
{
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len && n < MAX_CELLS; i++) {
        size_t cut = 0;
        if (i == len || s[i] == '|')
            cut = 1;
        else if ((s[i] == ' ' || s[i] == '\t') && i + 2 < len &&
                 (s[i + 1] == ' ' || s[i + 1] == '\t') && (s[i + 2] == ' ' || s[i + 2] == '\t'))
            cut = 3;
        if (!cut)
            continue;
        cut_parts(re, s + start, i - start, out, &n);
        while (cut == 3 && i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        start = cut == 3 ? i : i + 1;
        if (cut == 3)
            i--;
    }
    if (n == MAX_CELLS) {       /* more cells than a header has: keep whole */
        const char *c = s;
        size_t cl = len;
        trim_cell(&c, &cl);
        out[0] = (cell){c, cl};
        n = 1;
    }
    return n;
}

/* The first paragraph of the body: the legal bases ("Căn cứ ..."), or a
 * sentence that ends by announcing what follows (":", ";"). */
static int opens_body(const char *s, size_t len)
{
    char k[32];
    vp_fold_line(s, len < 24 ? len : 24, k, sizeof k);
    return strncmp(k, "can cu", 6) == 0 || (len && (s[len - 1] == ':' || s[len - 1] == ';'));
}

typedef enum cell_role {
    CELL_NONE = 0,      /* not part of the front matter */
    CELL_DONE,          /* read (number, date, motto, issuer line, stamp) */
    CELL_TITLE,         /* the kind heading: the subject follows          */
    CELL_SUBJECT,       /* "V/v ...": the subject of a công văn           */
    CELL_CAPS_SUBJECT,  /* a subject in capitals whose kind heading the
                           export lost: more capitals may follow        */
    CELL_ADDRESSEES     /* "Kính gửi:": a list may follow                 */
} cell_role;

typedef struct front {
    vnplan_plan *p;
    vnplan_document *d;
    const vp_patterns *re;
    const vp_vocab *v;
    header_state *h;
    const vp_block *blk;
    int nomem;
} front;

static int real_date(int year, int month, int day)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1)
        return 0;
    if (month == 2 && day == 29)
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1];
}

/* "Bến Tre, ngày 26 tháng 11 năm 2021": the place and the date.  A date
 * cut by a space ("năm 20 21") is read whole; an impossible one is
 * reported, never guessed. */
static int place_date(front *f, const char *s, size_t len)
{
    long g[10];
    char *squeezed = NULL;
    if (len > VP_HEADER_LINE_MAX)
        return 0;
    if (!vp_match(f->re, VP_RE_PLACE_DATE, s, len, 0, g, 5)) {
        /* Spaces between digits, as PDF text leaves them. */
        squeezed = vp_alloc(f->p->arena, len + 1);
        if (!squeezed) {
            f->nomem = 1;
            return 0;
        }
        size_t n = 0;
        for (size_t i = 0; i < len; i++)
            if (!(s[i] == ' ' && n && squeezed[n - 1] >= '0' && squeezed[n - 1] <= '9' &&
                  i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9'))
                squeezed[n++] = s[i];
        if (n == len || !vp_match(f->re, VP_RE_PLACE_DATE, squeezed, n, 0, g, 5))
            return 0;
        s = squeezed;
        len = n;
    }
    set_field(f->p, f->d, VNPLAN_FIELD_PLACE, s + g[2], (size_t)(g[3] - g[2]));
    if (g[4] >= 0 && g[6] >= 0 && g[8] >= 0) {
        int day = atoi(s + g[4]), month = atoi(s + g[6]), year = atoi(s + g[8]);
        if (real_date(year, month, day)) {
            char iso[32];
            snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
            set_field(f->p, f->d, VNPLAN_FIELD_DATE, iso, strlen(iso));
        } else if (!vp_plan_warn(f->p, f->blk->line, "impossible-date",
                                 "the date %d/%d/%d does not exist; left unset", day, month,
                                 year)) {
            f->nomem = 1;
        }
    }
    return 1;
}

/* The number and symbol: "Số: 1961/QĐUBND" also reads a hyphen that PDF
 * text lost between the kind and the issuer, with a warning. */
static int number_cell(front *f, const char *s, size_t len)
{
    long g[4];
    if (f->d->fields[VNPLAN_FIELD_NUMBER] || len > VP_NUMBER_LINE_MAX ||
        !vp_match(f->re, VP_RE_NUMBER, s, len, 0, g, 2))
        return 0;
    const char *raw = s + g[2];
    size_t rl = (size_t)(g[3] - g[2]);
    while (rl && (raw[rl - 1] == ' ' || raw[rl - 1] == '.' || raw[rl - 1] == ','))
        rl--;
    vnplan_document *d = f->d;
    set_field(f->p, d, VNPLAN_FIELD_NUMBER_RAW, raw, rl);
    char *num = repair_number(f->p, raw, rl);
    if (!d->fields[VNPLAN_FIELD_NUMBER_RAW] || !num) {
        f->nomem = 1;
        return 1;
    }
    num = restore_hyphen(f->p, f->v, num);
    d->fields[VNPLAN_FIELD_NUMBER] = num;
    if (!num)
        f->nomem = 1;
    else if (strcmp(num, d->fields[VNPLAN_FIELD_NUMBER_RAW]) != 0 &&
             !vp_plan_warn(f->p, f->blk->line, "number-repaired", "number \"%s\" read as \"%s\"",
                           d->fields[VNPLAN_FIELD_NUMBER_RAW], num))
        f->nomem = 1;
    return 1;
}

static size_t words_of(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return n;
}

/* A line naming the body that enacts a decision ("ỦY BAN NHÂN DÂN TỈNH
 * X", "HỘI ĐỒNG NHÂN DÂN ...") rather than a subject. */
static int is_authority_line(const vp_vocab *v, const char *s, size_t len)
{
    char k[VP_FOLD_LINE_BYTES];
    int words;
    vp_fold_line(s, len, k, sizeof k);
    return council_at(v, k, &words) != NULL;
}

/* The kind heading: "KẾ HOẠCH", "KẾ HOẠCH HÀNH ĐỘNG", or the kind's name
 * alone on its line in any case ("Kế hoạch"). */
static const vp_kind *kind_heading(const vp_vocab *v, const char *s, size_t len)
{
    const vp_kind *k = vp_type_from_title(v, s, len);
    return k ? k : vp_kind_named(v, s, len);
}

static cell_role front_cell(front *f, const char *s, size_t len)
{
    long g[4];
    header_state *h = f->h;
    if (number_cell(f, s, len))
        return CELL_DONE;
    if (!f->d->fields[VNPLAN_FIELD_DATE] && place_date(f, s, len))
        return CELL_DONE;
    if (vp_is_quoc_hieu(s, len))
        return CELL_DONE;
    if (!h->title.len && vp_match(f->re, VP_RE_VV, s, len, 0, g, 2)) {
        vp_buf_append(&h->title, s, len);
        h->type_abbr = vp_vocab_default_kind(f->v);    /* a công văn */
        return CELL_SUBJECT;
    }
    if (vp_match(f->re, VP_RE_KINH_GUI, s, len, 0, g, 2)) {
        if (g[3] > g[2]) {
            if (!add_recipient(f->p, f->d, s + g[2], (size_t)(g[3] - g[2])))
                f->nomem = 1;
            f->d->naddressee++;
        }
        return CELL_ADDRESSEES;
    }
    const vp_kind *type = h->title.len ? NULL : kind_heading(f->v, s, len);
    if (type) {
        vp_buf_append(&h->title, s, len);
        h->type_abbr = type->code;
        return CELL_TITLE;
    }
    if (!h->title.len && f->d->fields[VNPLAN_FIELD_NUMBER] && f->d->fields[VNPLAN_FIELD_DATE] &&
        vp_is_all_caps(s, len) && words_of(s, len) >= 6 && !is_authority_line(f->v, s, len)) {
        /* After the number and the date, a long line of capitals is the
         * subject even when the kind heading above it was lost. */
        vp_buf_append(&h->title, s, len);
        return CELL_CAPS_SUBJECT;
    }
    if (is_stamp_block(f->blk, f->re)) {
        if (!vp_doc_add_residue(f->p, f->d, s, len, f->blk->line, "stamp"))
            f->nomem = 1;
        return CELL_DONE;
    }
    if (!h->title.len && vp_is_all_caps(s, len) && len <= VP_CAPS_LINE_MAX &&
        !vp_is_quoc_hieu(s, len)) {
        /* One word alone ("DÂN" of "ỦY BAN NHÂN" / "DÂN") finishes the
         * line before it: no issuer line is one word. */
        if (h->nissuer && !memchr(s, ' ', len) && letters(s, len) >= 1) {
            vp_buf line;
            vp_buf_init(&line);
            vp_buf_append(&line, h->issuer_lines[h->nissuer - 1], h->issuer_len[h->nissuer - 1]);
            vp_buf_putc(&line, ' ');
            vp_buf_append(&line, s, len);
            char *joined = line.data ? vp_strndup(f->p->arena, line.data, line.len) : NULL;
            vp_buf_free(&line);
            if (!joined) {
                f->nomem = 1;
                return CELL_DONE;
            }
            h->issuer_lines[h->nissuer - 1] = joined;
            h->issuer_len[h->nissuer - 1] = strlen(joined);
            return CELL_DONE;
        }
        if (h->nissuer < 4 && is_caps_line(s, len)) {
            h->issuer_lines[h->nissuer] = s;
            h->issuer_len[h->nissuer] = len;
            h->nissuer++;
            return CELL_DONE;
        }
    }
    return CELL_NONE;
}


/* Would the last part `l` of one block and the first part `f` of the
 * next read as one part of the header?  Only fragments join: "Số:" and
 * its number; a place and date cut anywhere; a kind heading, the motto
 * or a council's name cut between words. */
static int fragments_join(const vp_patterns *re, const vp_vocab *v, cell l, cell f)
{
    long g[4];
    char j[2 * VP_HEADER_LINE_MAX + 2];
    if (l.len > VP_HEADER_LINE_MAX || f.len > VP_HEADER_LINE_MAX)
        return 0;
    memcpy(j, l.s, l.len);
    j[l.len] = ' ';
    memcpy(j + l.len + 1, f.s, f.len);
    size_t jl = l.len + 1 + f.len;
    j[jl] = '\0';
    int caps = vp_is_all_caps(l.s, l.len) && l.len <= VP_CAPS_LINE_MAX / 2;
    if (vp_match(re, VP_RE_NUMBER, l.s, l.len, 0, g, 2) ||
        vp_match(re, VP_RE_PLACE_DATE, l.s, l.len, 0, g, 2))
        return 0;
    if (l.len <= 8 && jl <= VP_NUMBER_LINE_MAX && vp_match(re, VP_RE_NUMBER, j, jl, 0, g, 2))
        return 1;
    /* A place of a few words, or a date cut after "ngày". */
    if ((words_of(l.s, l.len) <= 4 || memmem(l.s, l.len, "ngày", strlen("ngày"))) &&
        !vp_is_quoc_hieu(l.s, l.len) && vp_match(re, VP_RE_PLACE_DATE, j, jl, 0, g, 2))
        return 1;
    if (!caps)
        return 0;
    if (!kind_heading(v, l.s, l.len) && kind_heading(v, j, jl))
        return 1;
    if (vp_is_quoc_hieu_start(l.s, l.len) && !vp_is_quoc_hieu(l.s, l.len) &&
        vp_is_quoc_hieu(j, jl))
        return 1;
    return !is_authority_line(v, l.s, l.len) && is_authority_line(v, j, jl);
}

enum { MEND_MAX_BYTES = 8 * VP_HEADER_LINE_MAX };

int vp_header_mend(vp_blocks *b, const vp_patterns *re, const vp_vocab *v)
{
    if (!b->n)
        return 1;
    /* One pass, compacting in place: v[w] is the block being built, v[r]
     * the next one read; joined blocks leave no hole to move. */
    size_t w = 0;
    cell ac[MAX_CELLS], nc[MAX_CELLS];
    size_t na = (size_t)-1, nn;   /* the cells of block w; -1: not split yet */
    for (size_t r = 1; r < b->n; r++) {
        vp_block *a = &b->v[w], *n = &b->v[r];
        /* Headers are short: a block that grew past a few header lines is
         * not joined again. */
        int both = a->kind == VP_BLOCK_PARA && n->kind == VP_BLOCK_PARA &&
                   a->len <= MEND_MAX_BYTES && n->len <= MEND_MAX_BYTES;
        if (both && na == (size_t)-1)
            na = split_cells(re, a->text, a->len, ac);
        nn = both && na ? split_cells(re, n->text, n->len, nc) : 0;
        if (both && na && nn && fragments_join(re, v, ac[na - 1], nc[0])) {
            if (!vp_blocks_join(a, n))
                return 0;
            na = (size_t)-1;    /* its text changed: split it again */
            continue;
        }
        if (++w != r) {
            b->v[w] = *n;
            memset(n, 0, sizeof *n);
        }
        /* n, split or not, is the block built from now on; its cells point
         * into its text, which did not move */
        if (both && na) {
            memcpy(ac, nc, nn * sizeof *nc);
            na = nn;
        } else {
            na = (size_t)-1;
        }
    }
    b->n = w + 1;
    return 1;
}

int vp_read_header(vnplan_plan *p, vnplan_document *d, const vp_blocks *b, vp_span_range r,
                   const vp_patterns *re, const vp_vocab *v, unsigned char *used,
                   vp_span_range *body)
{
    header_state h;
    memset(&h, 0, sizeof h);
    vp_buf_init(&h.title);
    long g[10];
    size_t i = r.start;
    int in_title = 0, title_group = -1, title_marks = 0, in_addressees = 0;
    int title_caps = 0, title_lines = 0;

    d->line = b->v[r.start].line;
    d->last_line = b->v[r.end - 1].last_line;

    /* Front matter: stop at the first block that is none of its parts.
     * Each block is read as its cells (see split_cells); decoration
     * between them is skipped. */
    for (; i < r.end; i++) {
        const vp_block *blk = &b->v[i];
        const char *s = blk->text;
        size_t len = blk->len;
        if (blk->kind != VP_BLOCK_PARA)
            break;
        if (in_addressees) {
            vp_label lab;
            if (vp_label_parse(s, len, &lab) == VP_LABEL_DASH ||
                vp_label_parse(s, len, &lab) == VP_LABEL_PLUS) {
                if (!add_recipient(p, d, s, len))
                    goto nomem;
                d->naddressee++;
                used[i] = 1;
                continue;
            }
            in_addressees = 0;
        }
        cell cells[MAX_CELLS];
        size_t ncells = split_cells(re, s, len, cells);
        if (ncells == 0) {          /* a rule or a lone "|" */
            used[i] = 1;
            continue;
        }
        if (in_title) {
            int same_group = blk->group == title_group;
            int same_marks = title_marks && (blk->marks & title_marks) == (unsigned)title_marks;
            /* Right after the kind heading comes the subject, in any
             * case; after it, more lines of the same capitals. */
            int first = title_lines == 1;
            int caps = title_caps && vp_is_all_caps(s, len) && !is_authority_line(v, s, len);
            vp_label lab;
            if (ncells == 1 && (same_group || same_marks || first || caps) &&
                vp_label_parse(s, len, &lab) == VP_LABEL_NONE && !opens_body(s, len) &&
                !vp_is_attachment_line(blk) && !is_authority_line(v, s, len)) {
                if (is_stamp_block(blk, re)) {
                    if (!vp_doc_add_residue(p, d, s, len, blk->line, "stamp"))
                        goto nomem;
                } else {
                    vp_buf_putc(&h.title, ' ');
                    if (!append_unstamped(p, d, re, &h.title, cells[0].s, cells[0].len,
                                          blk->line))
                        goto nomem;
                    title_caps = title_caps && vp_is_all_caps(s, len);
                    title_lines++;
                }
                used[i] = 1;
                continue;
            }
            in_title = 0;
        }
        /* A numbered or bulleted block is content: the header is over. */
        vp_label lab0;
        if (vp_label_parse(s, len, &lab0) != VP_LABEL_NONE)
            break;
        front fr = {p, d, re, v, &h, blk, 0};
        int taken = 0, stop = 0;
        for (size_t c = 0; c < ncells && !stop; c++) {
            const char *cs = cells[c].s;
            size_t cl = cells[c].len;
            /* A subject cut from its kind heading inside one line (run
             * together by a website): its capitals go on in the next cell. */
            if (c > 0 && in_title && title_caps && vp_is_all_caps(cs, cl) &&
                !opens_body(cs, cl) && !is_authority_line(v, cs, cl)) {
                vp_buf_putc(&h.title, ' ');
                vp_buf_append(&h.title, cs, cl);
                continue;
            }
            cell_role role = front_cell(&fr, cs, cl);
            if (fr.nomem)
                goto nomem;
            if (role == CELL_NONE) {
                if (c == 0)
                    stop = 1;
                else if (!vp_doc_add_residue(p, d, cs, cl, blk->line, "unplaced"))
                    goto nomem;
                continue;
            }
            taken = 1;
            if (role == CELL_TITLE) {
                in_title = 1;
                title_group = blk->group;
                title_marks = (int)(blk->marks & (VP_MARK_HEADING | VP_MARK_ALL_BOLD));
                title_caps = vp_is_all_caps(cs, cl);
                title_lines = 1;
            } else if (role == CELL_CAPS_SUBJECT) {
                in_title = 1;
                title_group = -2;       /* only more capitals continue it */
                title_marks = 0;
                title_caps = 1;
                title_lines = 2;
            } else if (role == CELL_SUBJECT) {
                in_title = 1;
                title_group = blk->group;
                title_marks = 0;
                title_caps = 0;
                title_lines = 2;
            } else if (role == CELL_ADDRESSEES) {
                in_addressees = 1;
            }
        }
        if (stop && !taken)
            break;
        used[i] = 1;
    }
    body->start = i;

    /* Tail: "Nơi nhận:" with its list, the archive line, and the signer,
     * in either order. */
    size_t tail = r.end;
    size_t nn = r.end;
    for (size_t k = r.end; k-- > body->start;) {
        const vp_block *blk = &b->v[k];
        if (blk->kind == VP_BLOCK_PARA && blk->len <= 60 &&
            vp_match(re, VP_RE_NOI_NHAN, blk->text, blk->len, 0, g, 2)) {
            nn = k;
            break;
        }
    }
    /* The signer's name: the last name-like block, with its position
     * lines (all capitals) just before it. */
    size_t name_at = r.end, pos_from = r.end;
    for (size_t k = r.end; k-- > body->start && k + 8 >= r.end;) {
        const vp_block *blk = &b->v[k];
        if (blk->kind == VP_BLOCK_PARA && is_person_name(blk->text, blk->len) &&
            k > body->start && is_signer_position(&b->v[k - 1])) {
            name_at = k;
            break;
        }
    }
    if (name_at == r.end && nn < r.end) {
        /* the signature may stand before "Nơi nhận" */
        for (size_t k = nn; k-- > body->start && k + 6 >= nn;) {
            const vp_block *blk = &b->v[k];
            if (blk->kind == VP_BLOCK_PARA && is_person_name(blk->text, blk->len) &&
                k > body->start && is_signer_position(&b->v[k - 1])) {
                name_at = k;
                break;
            }
        }
    }
    if (name_at < r.end) {
        pos_from = name_at;
        while (pos_from > body->start && name_at - pos_from < 3 &&
               is_signer_position(&b->v[pos_from - 1]))
            pos_from--;
        set_field(p, d, VNPLAN_FIELD_SIGNER_NAME, b->v[name_at].text, b->v[name_at].len);
        for (size_t k = pos_from; k < name_at; k++) {
            const vp_block *blk = &b->v[k];
            if (vp_match(re, VP_RE_AUTHORITY, blk->text, blk->len, 0, g, 3)) {
                vp_buf a;
                vp_buf_init(&a);
                vp_buf_append(&a, blk->text + g[2], (size_t)(g[3] - g[2]));
                vp_buf_puts(&a, ". ");
                char *pc = position_case(p, blk->text + g[4], (size_t)(g[5] - g[4]));
                if (pc)
                    vp_buf_puts(&a, pc);
                char *as = vp_buf_detach(&a);
                if (!as)
                    goto nomem;
                d->fields[VNPLAN_FIELD_SIGNER_AUTHORITY] = vp_strdup(p->arena, as);
                free(as);
            } else {
                d->fields[VNPLAN_FIELD_SIGNER_POSITION] = position_case(p, blk->text, blk->len);
            }
            used[k] = 1;
        }
        used[name_at] = 1;
        tail = pos_from;
    }
    if (nn < r.end) {
        if (nn < tail)
            tail = nn;
        used[nn] = 1;
        if (vp_match(re, VP_RE_NOI_NHAN, b->v[nn].text, b->v[nn].len, 0, g, 2) && g[3] > g[2] &&
            !add_recipient(p, d, b->v[nn].text + g[2], (size_t)(g[3] - g[2])))
            goto nomem;
        for (size_t k = nn + 1; k < r.end; k++) {
            const vp_block *blk = &b->v[k];
            if (used[k] || blk->kind != VP_BLOCK_PARA)
                break;
            vp_label lab;
            vp_label_kind lk = vp_label_parse(blk->text, blk->len, &lab);
            if (lk != VP_LABEL_DASH && lk != VP_LABEL_PLUS)
                break;
            const char *s = blk->text + lab.skip;
            size_t len = blk->len - lab.skip;
            if (vp_match(re, VP_RE_ARCHIVE, s, len, 0, g, 2)) {
                size_t al = (size_t)(g[3] - g[2]);
                while (al && strchr(";,.", s[g[2] + (long)al - 1]))
                    al--;
                set_field(p, d, VNPLAN_FIELD_ARCHIVE, s + g[2], al);
            } else if (!add_recipient(p, d, s, len)) {
                goto nomem;
            }
            used[k] = 1;
        }
    }
    /* Whatever else stands in the tail is reported, not lost. */
    for (size_t k = tail; k < r.end; k++) {
        if (used[k])
            continue;
        const vp_block *blk = &b->v[k];
        if (!vp_doc_add_residue(p, d, blk->text, blk->len, blk->line, "unplaced"))
            goto nomem;
        used[k] = 1;
    }
    body->end = tail > body->start ? tail : body->start;

    /* Fields derived from what was read. */
    if (!finish_issuer(p, v, d, &h))
        goto nomem;
    if (h.title.len) {
        d->fields[VNPLAN_FIELD_TITLE] = vp_strndup(p->arena, h.title.data, h.title.len);
        if (!d->fields[VNPLAN_FIELD_TITLE])
            goto nomem;
    }
    if (d->fields[VNPLAN_FIELD_NUMBER])
        d->fields[VNPLAN_FIELD_KIND] = vp_vocab_kind_of_number(v, d->fields[VNPLAN_FIELD_NUMBER]);
    else if (h.type_abbr)
        d->fields[VNPLAN_FIELD_KIND] = h.type_abbr;
    d->fields[VNPLAN_FIELD_KIND_NAME] = vp_vocab_kind_name(v, d->fields[VNPLAN_FIELD_KIND]);
    if (!d->fields[VNPLAN_FIELD_ISSUER] && d->fields[VNPLAN_FIELD_NUMBER] &&
        d->fields[VNPLAN_FIELD_PLACE]) {
        /* No issuer lines (lost in the export): a provincial council's or
         * committee's symbol ends in "-UBND", and its place is its
         * province (the first provincial level: "tỉnh"). */
        const char *num = d->fields[VNPLAN_FIELD_NUMBER], *abbr = NULL, *level = NULL;
        size_t nl = strlen(num);
        for (size_t c = 0; !abbr && c < vp_vocab_council_count(v); c++) {
            const char *a = vp_vocab_council_at(v, c)->abbr;
            size_t al = strlen(a);
            if (nl > al + 1 && num[nl - al - 1] == '-' && strcmp(num + nl - al, a) == 0)
                abbr = a;
        }
        for (size_t l = 0; !level && l < vp_vocab_level_count(v); l++)
            if (vp_vocab_level_at(v, l)->province)
                level = vp_vocab_level_at(v, l)->name;
        if (abbr && level) {
            vp_buf is;
            vp_buf_init(&is);
            vp_buf_printf(&is, "%s %s %s", abbr, level, d->fields[VNPLAN_FIELD_PLACE]);
            char *s = vp_buf_detach(&is);
            if (!s)
                goto nomem;
            d->fields[VNPLAN_FIELD_ISSUER] = vp_strdup(p->arena, s);
            free(s);
            if (!vp_plan_warn(p, d->line, "issuer-inferred",
                              "no issuer lines; issuer \"%s\" inferred from the symbol and place",
                              d->fields[VNPLAN_FIELD_ISSUER]))
                goto nomem;
        }
    }
    find_province(p, v, d);
    vp_buf_free(&h.title);
    return 1;
nomem:
    vp_buf_free(&h.title);
    return 0;
}
