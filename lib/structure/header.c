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
    if (len < 4 || len > 60)
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
static int is_position(const vp_block *blk)
{
    return blk->kind == VP_BLOCK_PARA && blk->len > 0 && blk->len <= VP_CAPS_LINE_MAX &&
           vp_is_all_caps(blk->text, blk->len) && letters(blk->text, blk->len) >= 4 &&
           !vp_is_quoc_hieu(blk->text, blk->len);
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
    if (n > 0) {
        d->fields[VNPLAN_FIELD_ISSUER] = agency_case(p, v, names[n - 1], lens[n - 1]);
        if (n > 1)
            d->fields[VNPLAN_FIELD_ISSUER_PARENT] =
                agency_case(p, v, names[n - 2], lens[n - 2]);
        if (raw.data)
            d->fields[VNPLAN_FIELD_ISSUER_RAW] = vp_strdup(p->arena, raw.data);
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

    d->line = b->v[r.start].line;
    d->last_line = b->v[r.end - 1].last_line;

    /* Front matter: stop at the first block that is none of its parts. */
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
        if (in_title) {
            int same_group = blk->group == title_group;
            int same_marks = title_marks && (blk->marks & title_marks) == (unsigned)title_marks;
            vp_label lab;
            if ((same_group || same_marks) && vp_label_parse(s, len, &lab) == VP_LABEL_NONE) {
                if (is_stamp_block(blk, re)) {
                    if (!vp_doc_add_residue(p, d, s, len, blk->line, "stamp"))
                        goto nomem;
                } else {
                    vp_buf_putc(&h.title, ' ');
                    if (!append_unstamped(p, d, re, &h.title, s, len, blk->line))
                        goto nomem;
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
        if (!d->fields[VNPLAN_FIELD_NUMBER] && len <= VP_NUMBER_LINE_MAX &&
            vp_match(re, VP_RE_NUMBER, s, len, 0, g, 2)) {
            const char *raw = s + g[2];
            size_t rl = (size_t)(g[3] - g[2]);
            set_field(p, d, VNPLAN_FIELD_NUMBER_RAW, raw, rl);
            d->fields[VNPLAN_FIELD_NUMBER] = repair_number(p, raw, rl);
            if (d->fields[VNPLAN_FIELD_NUMBER] &&
                strcmp(d->fields[VNPLAN_FIELD_NUMBER], d->fields[VNPLAN_FIELD_NUMBER_RAW]) != 0 &&
                !vp_plan_warn(p, blk->line, "number-repaired", "number \"%s\" read as \"%s\"",
                              d->fields[VNPLAN_FIELD_NUMBER_RAW], d->fields[VNPLAN_FIELD_NUMBER]))
                goto nomem;
            used[i] = 1;
            continue;
        }
        if (!d->fields[VNPLAN_FIELD_DATE] && len <= VP_HEADER_LINE_MAX &&
            vp_match(re, VP_RE_PLACE_DATE, s, len, 0, g, 5)) {
            set_field(p, d, VNPLAN_FIELD_PLACE, s + g[2], (size_t)(g[3] - g[2]));
            if (g[4] >= 0 && g[6] >= 0) {
                int day = atoi(s + g[4]), month = atoi(s + g[6]), year = atoi(s + g[8]);
                char iso[16];
                if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
                    snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
                    set_field(p, d, VNPLAN_FIELD_DATE, iso, strlen(iso));
                }
            }
            used[i] = 1;
            continue;
        }
        if (vp_is_quoc_hieu(s, len)) {
            used[i] = 1;
            continue;
        }
        if (!h.title.len && vp_match(re, VP_RE_VV, s, len, 0, g, 2)) {
            vp_buf_append(&h.title, s, len);
            in_title = 1;
            title_group = blk->group;
            title_marks = 0;
            h.type_abbr = vp_vocab_default_kind(v);    /* a công văn */
            used[i] = 1;
            continue;
        }
        if (vp_match(re, VP_RE_KINH_GUI, s, len, 0, g, 2)) {
            if (g[3] > g[2]) {
                if (!add_recipient(p, d, s + g[2], (size_t)(g[3] - g[2])))
                    goto nomem;
                d->naddressee++;
            }
            in_addressees = 1;
            used[i] = 1;
            continue;
        }
        const vp_kind *type = vp_type_from_title(v, s, len);
        if (type && !h.title.len) {
            vp_buf_append(&h.title, s, len);
            h.type_abbr = type->code;
            in_title = 1;
            title_group = blk->group;
            title_marks = (int)(blk->marks & (VP_MARK_HEADING | VP_MARK_ALL_BOLD));
            used[i] = 1;
            continue;
        }
        if (is_stamp_block(blk, re)) {
            if (!vp_doc_add_residue(p, d, s, len, blk->line, "stamp"))
                goto nomem;
            used[i] = 1;
            continue;
        }
        if (!h.title.len && is_position(blk) && h.nissuer < 4) {
            h.issuer_lines[h.nissuer] = s;
            h.issuer_len[h.nissuer] = len;
            h.nissuer++;
            used[i] = 1;
            continue;
        }
        break;
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
            k > body->start && is_position(&b->v[k - 1])) {
            name_at = k;
            break;
        }
    }
    if (name_at == r.end && nn < r.end) {
        /* the signature may stand before "Nơi nhận" */
        for (size_t k = nn; k-- > body->start && k + 6 >= nn;) {
            const vp_block *blk = &b->v[k];
            if (blk->kind == VP_BLOCK_PARA && is_person_name(blk->text, blk->len) &&
                k > body->start && is_position(&b->v[k - 1])) {
                name_at = k;
                break;
            }
        }
    }
    if (name_at < r.end) {
        pos_from = name_at;
        while (pos_from > body->start && name_at - pos_from < 3 &&
               is_position(&b->v[pos_from - 1]))
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
