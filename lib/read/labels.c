/* labels.c — recognising printed list labels (see labels.h).
 *
 * A label must be followed by white space and then text, so that "1/2",
 * "4.5%", "V/v" and dates are never taken for labels.  A named division
 * ("Phần I", "Điều 25.") may also stand alone: its heading is the next
 * line. */
#include "config.h"
#include "read/labels.h"
#include "core/unicode.h"
#include <string.h>

static int roman_value(const char *s, size_t n)
{
    int total = 0, prev = 0;
    for (size_t i = n; i-- > 0;) {
        int v;
        switch (s[i]) {
        case 'I': v = 1; break;
        case 'V': v = 5; break;
        case 'X': v = 10; break;
        case 'L': v = 50; break;
        default: return 0;
        }
        total += v < prev ? -v : v;
        if (v > prev)
            prev = v;
    }
    return total;
}

/* The named divisions of a legal text (Luật Ban hành văn bản quy phạm
 * pháp luật: phần, chương, mục, tiểu mục, điều), capitalised or in
 * capitals.  Fixed by law, like the national motto, so not data. */
static const struct {
    const char *word;
    vp_label_kind kind;
} division_words[] = {
    {"Phần", VP_LABEL_PART},          {"PHẦN", VP_LABEL_PART},
    {"Chương", VP_LABEL_CHAPTER},     {"CHƯƠNG", VP_LABEL_CHAPTER},
    {"Mục", VP_LABEL_DIVISION},       {"MỤC", VP_LABEL_DIVISION},
    {"Tiểu mục", VP_LABEL_SUBDIVISION}, {"TIỂU MỤC", VP_LABEL_SUBDIVISION},
    {"Điều", VP_LABEL_ARTICLE},       {"ĐIỀU", VP_LABEL_ARTICLE},
};

/* Ordinals after "Phần thứ", folded: "Phần thứ hai" is part 2. */
static const char *const ordinals[] = {"nhat", "hai", "ba", "tu", "nam",
                                       "sau", "bay", "tam", "chin", "muoi"};

/* Spaces after a label; 0 when none (a label needs one). */
static size_t spaces(const char *s, size_t len, size_t i)
{
    /* Any space counts: NBSP (U+00A0) is common after labels in Word
     * exports. */
    size_t j = i;
    for (size_t n; j < len && (n = (size_t)vp_white_at(s, len, j, 0));)
        j += n;
    return j > i && j < len ? j - i : 0;
}

static vp_label_kind set(vp_label *out, vp_label_kind k, const char *num, size_t numlen,
                         size_t skip)
{
    if (numlen >= sizeof out->number)
        numlen = sizeof out->number - 1;
    memcpy(out->number, num, numlen);
    out->number[numlen] = '\0';
    out->kind = k;
    out->skip = skip;
    return k;
}

/* Bytes of white space at s[i] and after (0 when none, or at the end). */
static size_t white_run(const char *s, size_t len, size_t i)
{
    size_t j = i;
    for (size_t n; j < len && (n = (size_t)vp_white_at(s, len, j, 0));)
        j += n;
    return j - i;
}

/* Bytes of the word starting at s[i] (up to white space or the end). */
static size_t word_len(const char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && !vp_white_at(s, len, j, 0))
        j++;
    return j - i;
}

/* The number of a named division at s[i]: roman, arabic, or "thứ" and an
 * ordinal; its value and its end (*end), else 0. */
static int division_number(const char *s, size_t len, size_t i, size_t *end)
{
    size_t j = i;
    int v = 0;
    if (j < len && s[j] >= '0' && s[j] <= '9') {
        while (j < len && j - i < 3 && s[j] >= '0' && s[j] <= '9')
            v = v * 10 + (s[j++] - '0');
    } else {
        while (j < len && j - i < 8 && s[j] && strchr("IVXL", s[j]))
            j++;
        v = j > i ? roman_value(s + i, j - i) : 0;
    }
    if (v > 0) {
        /* the number must end there: "Phần In" is no part */
        if (j < len && !vp_white_at(s, len, j, 0) && !strchr(".:-)", s[j]) &&
            !((unsigned char)s[j] == 0xE2 && j + 2 < len && (unsigned char)s[j + 1] == 0x80 &&
              (unsigned char)s[j + 2] == 0x93))
            return 0;
        *end = j;
        return v;
    }
    /* "thứ nhất", "THỨ HAI" */
    char k[32];
    size_t w = word_len(s, len, i);
    if (w == 0 || w > 8 || !vp_fold_line(s + i, w, k, sizeof k) || strcmp(k, "thu") != 0)
        return 0;
    j = i + w + white_run(s, len, i + w);
    w = word_len(s, len, j);
    while (w && strchr(".:", s[j + w - 1]))
        w--;            /* "PHẦN THỨ NHẤT:" */
    if (w == 0 || w > 8 || !vp_fold_line(s + j, w, k, sizeof k))
        return 0;
    for (size_t o = 0; o < sizeof ordinals / sizeof *ordinals; o++)
        if (strcmp(k, ordinals[o]) == 0) {
            *end = j + w;
            return (int)o + 1;
        }
    return 0;
}

/* "Phần I", "CHƯƠNG II.", "Điều 3:", "Mục 1 - ..." at the start of s. */
static vp_label_kind parse_division(const char *s, size_t len, vp_label *out)
{
    size_t i = 0;
    vp_label_kind k = VP_LABEL_NONE;
    for (size_t w = 0; w < sizeof division_words / sizeof *division_words; w++) {
        size_t n = strlen(division_words[w].word);
        if (len > n && memcmp(s, division_words[w].word, n) == 0 && vp_white_at(s, len, n, 0)) {
            k = division_words[w].kind;
            i = n;
            break;
        }
    }
    if (k == VP_LABEL_NONE)
        return VP_LABEL_NONE;
    size_t word_end = i;
    i += white_run(s, len, i);
    size_t num_start = i, num_end;
    int value = division_number(s, len, i, &num_end);
    if (!value)
        return VP_LABEL_NONE;
    /* Then ".", ":" (perhaps after a space: "Điều 1 . Phạm vi") or a
     * dash, and the heading; or the end: the heading follows below. */
    i = num_end;
    size_t j = i + white_run(s, len, i);
    int punct = 0;
    if (j < len && (s[j] == '.' || s[j] == ':')) {
        punct = 1;
        j++;
    } else if (j < len && j > i && (s[j] == '-' || (unsigned char)s[j] == 0xE2)) {
        size_t d = s[j] == '-' ? 1 : 3;
        if (d == 3 && !(j + 2 < len && (unsigned char)s[j + 1] == 0x80 &&
                        ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94)))
            return VP_LABEL_NONE;
        punct = 1;
        j += d;
    }
    size_t text = j + white_run(s, len, j);
    if (punct && text > j && text + 1 < len && s[text] == '-' && vp_white_at(s, len, text + 1, 0))
        text += 1 + white_run(s, len, text + 1);    /* "Điều 2. - Quyết định" */
    if (text < len) {
        int32_t cp;
        /* "Điều 1.2" is no label; "Điều 4.Chánh" (a space lost) is */
        if (text == j && punct && (vp_utf8_decode(s + text, len - text, &cp) <= 0 ||
                                   !vp_is_upper(cp)))
            return VP_LABEL_NONE;
        if (!punct) {
            /* Without punctuation only a heading in capitals follows:
             * "Phần I TÌNH HÌNH CHUNG", never "Phần II của Kế hoạch" or
             * "Điều 5 Luật ...". */
            size_t w = word_len(s, len, text);
            if (k == VP_LABEL_ARTICLE || text == i || !vp_is_all_caps(s + text, w) ||
                vp_columns(s + text, w) < 2)
                return VP_LABEL_NONE;
        }
    }
    /* "Phần I" with its word and number as printed, one space between */
    char num[32];
    size_t wl = word_end, nl = num_end - num_start;
    if (wl + 1 + nl >= sizeof num)
        return VP_LABEL_NONE;
    memcpy(num, s, wl);
    num[wl] = ' ';
    memcpy(num + wl + 1, s + num_start, nl);
    out->parts = 1;
    out->value = value;
    return set(out, k, num, wl + 1 + nl, text);
}

vp_label_kind vp_label_parse(const char *s, size_t len, vp_label *out)
{
    memset(out, 0, sizeof *out);
    if (len == 0)
        return VP_LABEL_NONE;
    unsigned char c = (unsigned char)s[0];

    /* Bullets: "-", "+", "•" (U+2022), "–" (U+2013), "*". */
    size_t blen = 0;
    vp_label_kind bk = VP_LABEL_NONE;
    if (c == '-' || c == '*') { blen = 1; bk = VP_LABEL_DASH; }
    else if (c == '+') { blen = 1; bk = VP_LABEL_PLUS; }
    else if (len >= 3 && c == 0xE2 && (unsigned char)s[1] == 0x80 &&
             ((unsigned char)s[2] == 0xA2 || (unsigned char)s[2] == 0x93)) {
        blen = 3; bk = VP_LABEL_DASH;
    }
    if (bk != VP_LABEL_NONE) {
        size_t sp = spaces(s, len, blen);
        if (!sp)
            return VP_LABEL_NONE;
        return set(out, bk, bk == VP_LABEL_PLUS ? "+" : "-", 1, blen + sp);
    }

    /* Arabic: 1-2 digits, then (".digits")*, then "." or ")" or space. */
    if (c >= '0' && c <= '9') {
        size_t i = 0;
        int parts = 0, value = 0;
        for (;;) {
            size_t d = i;
            value = 0;
            while (i < len && i - d < 3 && s[i] >= '0' && s[i] <= '9')
                value = value * 10 + (s[i++] - '0');
            if (i == d || i - d > 2)
                return VP_LABEL_NONE;
            /* Deeper numbering than any plan uses is not a label (and
             * keeps `number` within its buffer). */
            if (++parts > VP_LABEL_MAX_PARTS)
                return VP_LABEL_NONE;
            if (i < len && s[i] == '.' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9') {
                i++;
                continue;
            }
            break;
        }
        size_t numend = i;
        if (i < len && s[i] == ')') {
            size_t sp = spaces(s, len, i + 1);
            if (!sp || parts > 1)
                return VP_LABEL_NONE;
            /* "1)" lists are items, like "a)". */
            out->parts = 1;
            out->value = value;
            return set(out, VP_LABEL_LETTER, s, numend, i + 1 + sp);
        }
        if (i < len && s[i] == '.')
            i++;
        else if (parts < 2)
            return VP_LABEL_NONE;  /* "1 text" is not a label; "1.1 text" is */
        size_t sp = spaces(s, len, i);
        if (!sp)
            return VP_LABEL_NONE;
        out->parts = parts;
        out->value = value;
        return set(out, VP_LABEL_ARABIC, s, numend, i + sp);
    }

    /* Named divisions: "Phần I", "Chương II", "Mục 1", "Điều 3.". */
    if (c == 'P' || c == 'C' || c == 'M' || c == 'T' || c == 0xC4) {
        vp_label_kind k = parse_division(s, len, out);
        if (k != VP_LABEL_NONE)
            return k;
        memset(out, 0, sizeof *out);
    }

    /* Roman: I V X L, then "." (or ")"), then space. */
    if (c == 'I' || c == 'V' || c == 'X' || c == 'L') {
        size_t i = 0;
        while (i < len && i < 8 && strchr("IVXL", s[i]))
            i++;
        if (i < len && (s[i] == '.' || s[i] == ')')) {
            int v = roman_value(s, i);
            size_t sp = spaces(s, len, i + 1);
            if (v > 0 && v < 90 && sp) {
                out->parts = 1;
                out->value = v;
                return set(out, VP_LABEL_ROMAN, s, i, i + 1 + sp);
            }
        }
        return VP_LABEL_NONE;
    }

    /* Letters: a) b) ... đ) (U+0111), also "a." when followed by space. */
    size_t llen = 0;
    int lvalue = 0;
    if (c >= 'a' && c <= 'z') { llen = 1; lvalue = c - 'a' + 1; }
    else if (len >= 2 && c == 0xC4 && (unsigned char)s[1] == 0x91) { llen = 2; lvalue = 5; }
    if (llen && len > llen && (s[llen] == ')' || s[llen] == '.')) {
        size_t sp = spaces(s, len, llen + 1);
        if (sp) {
            out->parts = 1;
            out->value = lvalue;
            return set(out, VP_LABEL_LETTER, s, llen, llen + 1 + sp);
        }
    }
    return VP_LABEL_NONE;
}
