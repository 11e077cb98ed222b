/* labels.c — recognising printed list labels (see labels.h).
 *
 * A label must be followed by white space and then text, so that "1/2",
 * "4.5%", "V/v" and dates are never taken for labels. */
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
