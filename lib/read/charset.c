/* charset.c — bytes in, NFC UTF-8 with LF line ends out (see charset.h).
 *
 * Detection runs in this order, cheapest and surest first: a BOM; UTF-16
 * recognised by where its NUL bytes fall; binary data (NULs, control
 * bytes); valid UTF-8; and only then the legacy 8-bit encodings, each
 * decoded on a sample and scored by how much of it reads as Vietnamese
 * syllables (the frequent ones are the vocabulary's, data/syllables.txt).
 * Windows-1258 and anything else ICU knows go through ICU; TCVN3, VN1
 * (TCVN 5712:1993, glibc's TCVN5712-1), VNI and VISCII through the tables
 * in <datadir>/charsets/, which are loaded once and never change
 * afterwards.  VN1 is TCVN3 with the capitals added, some of them on
 * control bytes: the two are told apart on the words they read
 * differently, and control bytes in bulk are letters, not binary data,
 * only when VN1 (or VISCII) reads them clearly as Vietnamese.
 *
 * Plain-text TCVN3 loses the case of capitals with a tone mark (they share
 * the lower-case byte), so after decoding it the case is restored from the
 * word, the line, the sentence and a short list of proper names. */
#include "config.h"
#include "read/charset.h"
#include "core/buf.h"
#include "core/datafile.h"
#include "core/error.h"
#include "core/unicode.h"
#include "core/vocab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

/* Canonical names, returned as static strings. */
static const char ENC_UTF8[] = "UTF-8";
static const char ENC_UTF16LE[] = "UTF-16LE";
static const char ENC_UTF16BE[] = "UTF-16BE";
static const char ENC_CP1258[] = "windows-1258";
static const char ENC_TCVN3[] = "TCVN3";
static const char ENC_VNI[] = "VNI";
static const char ENC_VISCII[] = "VISCII";
static const char ENC_VN1[] = "TCVN5712-1";

enum {
    VNI_MAX_PAIRS = 512,
    SAMPLE_BYTES = 8192,        /* legacy detection scores this much      */
    UTF16_SNIFF_BYTES = 8192,
    MAX_PHRASE = 64             /* code points in one capitals phrase     */
};

/* A decoded TCVN3 letter whose byte the H fonts also use for its capital. */
#define AMB 0x40000000
#define BASE(c) ((c) & ~AMB)

typedef struct vni_pair {
    unsigned char first, second;
    int32_t cp;
} vni_pair;

typedef struct phrase {
    int32_t *lower;             /* the phrase in lower case               */
    int32_t *cap;               /* the same with its capitals             */
    size_t n;
} phrase;

struct vp_charsets {
    int32_t tcvn3[256];         /* 0: the byte keeps its Windows-1252 use */
    int32_t tcvn3_upper[256];   /* H-font capital sharing the byte, or 0  */
    int32_t viscii[256];
    int32_t vn1[256];           /* TCVN 5712:1993 VN1, every capital too  */
    int32_t vni1[256];          /* letters of one byte                    */
    vni_pair vni2[VNI_MAX_PAIRS];   /* base + mark, sorted                */
    size_t nvni2;
    phrase *phrases;            /* longest first                          */
    size_t nphrases;
};

/* Windows-1252 0x80–0x9F; the five holes read as the C1 control of the
 * same number, as browsers do.  0xA0–0xFF is Latin-1. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static int32_t cp1252(unsigned char b)
{
    return b >= 0x80 && b < 0xA0 ? cp1252_high[b - 0x80] : b;
}

/* ================================================================ loading */

/* Reads <datadir>/charsets/<name> whole into *data; its path in path[]. */
static vnplan_status read_table(const char *datadir, const char *name,
                                char path[VP_DATAFILE_PATH_MAX], char **data, size_t *len,
                                vnplan_error *err)
{
    if ((size_t)snprintf(path, VP_DATAFILE_PATH_MAX, "%s/charsets/%s", datadir, name) >=
        VP_DATAFILE_PATH_MAX)
        return vp_error_set(err, VNPLAN_E_DATA, name, 0, -1, "data directory path too long");
    return vp_datafile_read(path, "data file", VP_DATAFILE_MAX_BYTES, data, len, err);
}

/* The next row of a table from *pos: the next line that is neither empty
 * nor a "#" comment, its length in *llen; NULL at the end.  *lineno
 * counts every line read, for messages. */
static const char *next_row(char *data, size_t len, size_t *pos, long *lineno, size_t *llen)
{
    while (*pos < len) {
        const char *line = vp_datafile_line(data, len, pos, llen);
        ++*lineno;
        if (*llen && line[0] != '#')
            return line;
    }
    return NULL;
}

/* Decode a whole UTF-8 field into code points; returns the count or -1. */
static long utf8_to_cps(const char *s, size_t len, int32_t *out, size_t cap)
{
    if (vp_utf8_invalid_offset(s, len) >= 0)
        return -1;
    size_t i = 0, n = 0;
    while (i < len) {
        if (n == cap)
            return -1;
        i += (size_t)vp_utf8_decode(s + i, len - i, &out[n++]);
    }
    return (long)n;
}

/* Parse "0xNN" at *p; advances *p. */
static int parse_byte(const char **p, const char *end, unsigned char *b)
{
    const char *s = *p;
    if (end - s < 4 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
        return 0;
    unsigned v = 0;
    for (int i = 2; i < 4; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return 0;
        v = v * 16 + (unsigned)d;
    }
    *b = (unsigned char)v;
    *p = s + 4;
    return 1;
}

/* One table row: "U+XXXX<TAB>0xNN[ 0xMM]<TAB>letter[<TAB>note]".  The
 * letter column must spell the code point, which catches most typos. */
static int parse_row(const char *line, size_t len, int32_t *cp, unsigned char bytes[2],
                     int *nbytes)
{
    const char *p = line, *end = line + len;
    const char *tab1 = memchr(p, '\t', len);
    if (!tab1 || tab1 - p < 6 || tab1 - p > 8 || p[0] != 'U' || p[1] != '+')
        return 0;
    char hex[8] = {0};
    memcpy(hex, p + 2, (size_t)(tab1 - p - 2));
    char *hend;
    long v = strtol(hex, &hend, 16);
    if (*hend || v <= 0 || v > 0x10FFFF)
        return 0;
    *cp = (int32_t)v;
    p = tab1 + 1;
    *nbytes = 0;
    while (*nbytes < 2 && parse_byte(&p, end, &bytes[*nbytes])) {
        (*nbytes)++;
        if (p < end && *p == ' ')
            p++;
        else
            break;
    }
    if (*nbytes == 0 || p >= end || *p != '\t')
        return 0;
    p++;
    const char *tab3 = memchr(p, '\t', (size_t)(end - p));
    const char *lend = tab3 ? tab3 : end;
    char enc[4];
    int elen = vp_utf8_encode(*cp, enc);
    return lend - p == elen && memcmp(p, enc, (size_t)elen) == 0;
}

typedef enum table_kind { T_TCVN3, T_VNI, T_VISCII, T_VN1 } table_kind;

static int vni_cmp(const void *a, const void *b)
{
    const vni_pair *x = a, *y = b;
    if (x->first != y->first)
        return x->first - y->first;
    return x->second - y->second;
}

static vnplan_status load_table(vp_charsets *cs, const char *datadir, const char *name,
                                table_kind kind, vnplan_error *err)
{
    char path[VP_DATAFILE_PATH_MAX];
    char *data = NULL;
    size_t len = 0, rows = 0, llen;
    long lineno = 0;
    vnplan_status st = read_table(datadir, name, path, &data, &len, err);
    if (st != VNPLAN_OK)
        goto fail;
    const char *line;
    for (size_t pos = 0; (line = next_row(data, len, &pos, &lineno, &llen));) {
        int32_t cp;
        unsigned char b[2];
        int nb;
        if (!parse_row(line, llen, &cp, b, &nb) || (kind != T_VNI && nb != 1)) {
            st = vp_error_set(err, VNPLAN_E_DATA, path, lineno, -1,
                              "bad row (want U+XXXX<TAB>0xNN<TAB>letter<TAB>note)");
            goto fail;
        }
        int dup = 0;
        if (kind == T_TCVN3) {
            int32_t old = cs->tcvn3[b[0]];
            if (!old) {
                cs->tcvn3[b[0]] = cp;
            } else if (!cs->tcvn3_upper[b[0]] && vp_to_lower(cp) == old && cp != old) {
                cs->tcvn3_upper[b[0]] = cp;
            } else if (!cs->tcvn3_upper[b[0]] && vp_to_lower(old) == cp && cp != old) {
                cs->tcvn3_upper[b[0]] = old;    /* the capital came first */
                cs->tcvn3[b[0]] = cp;
            } else {
                dup = 1;
            }
        } else if (kind == T_VISCII || kind == T_VN1) {
            int32_t *t = kind == T_VISCII ? cs->viscii : cs->vn1;
            dup = t[b[0]] != 0;
            t[b[0]] = cp;
        } else if (nb == 1) {
            dup = cs->vni1[b[0]] != 0;
            cs->vni1[b[0]] = cp;
        } else {
            for (size_t i = 0; i < cs->nvni2; i++)
                dup |= cs->vni2[i].first == b[0] && cs->vni2[i].second == b[1];
            if (cs->nvni2 == VNI_MAX_PAIRS) {
                st = vp_error_set(err, VNPLAN_E_DATA, path, lineno, -1, "too many rows");
                goto fail;
            }
            cs->vni2[cs->nvni2++] = (vni_pair){ b[0], b[1], cp };
        }
        if (dup) {
            st = vp_error_set(err, VNPLAN_E_DATA, path, lineno, -1,
                              "byte sequence listed twice");
            goto fail;
        }
        rows++;
    }
    if (rows == 0) {
        st = vp_error_set(err, VNPLAN_E_DATA, path, 0, -1, "no mapping rows");
        goto fail;
    }
    if (kind == T_VNI)
        qsort(cs->vni2, cs->nvni2, sizeof cs->vni2[0], vni_cmp);
    free(data);
    return VNPLAN_OK;
fail:
    free(data);
    return st;
}

static int phrase_cmp(const void *a, const void *b)
{
    const phrase *x = a, *y = b;
    return (x->n < y->n) - (x->n > y->n);   /* longest first */
}

static vnplan_status load_phrases(vp_charsets *cs, const char *datadir, vnplan_error *err)
{
    char path[VP_DATAFILE_PATH_MAX];
    char *data = NULL;
    size_t len = 0, cap = 0, llen;
    long lineno = 0;
    int32_t lo[MAX_PHRASE], up[MAX_PHRASE];
    vnplan_status st = read_table(datadir, "tcvn3-capitals.tsv", path, &data, &len, err);
    if (st != VNPLAN_OK)
        goto fail;
    const char *line;
    for (size_t pos = 0; (line = next_row(data, len, &pos, &lineno, &llen));) {
        const char *tab = memchr(line, '\t', llen);
        long nl_ = tab ? utf8_to_cps(line, (size_t)(tab - line), lo, MAX_PHRASE) : -1;
        long nu = tab ? utf8_to_cps(tab + 1, llen - (size_t)(tab + 1 - line), up, MAX_PHRASE)
                      : -1;
        int same = nl_ > 0 && nl_ == nu;
        for (long i = 0; same && i < nl_; i++)
            same = vp_to_lower(up[i]) == lo[i] && vp_to_lower(lo[i]) == lo[i];
        if (!same) {
            st = vp_error_set(err, VNPLAN_E_DATA, path, lineno, -1,
                              "bad row (want lower-case phrase<TAB>Capitalised form)");
            goto fail;
        }
        if (cs->nphrases == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            phrase *np = realloc(cs->phrases, ncap * sizeof *np);
            if (!np)
                goto nomem;
            cs->phrases = np;
            cap = ncap;
        }
        phrase *ph = &cs->phrases[cs->nphrases];
        ph->n = (size_t)nl_;
        ph->lower = malloc(2 * ph->n * sizeof(int32_t));
        if (!ph->lower)
            goto nomem;
        ph->cap = ph->lower + ph->n;
        memcpy(ph->lower, lo, ph->n * sizeof(int32_t));
        memcpy(ph->cap, up, ph->n * sizeof(int32_t));
        cs->nphrases++;
    }
    qsort(cs->phrases, cs->nphrases, sizeof *cs->phrases, phrase_cmp);
    free(data);
    return VNPLAN_OK;
nomem:
    st = vp_error_set(err, VNPLAN_E_NOMEM, path, 0, -1, "out of memory");
fail:
    free(data);
    return st;
}

vp_charsets *vp_charsets_load(const char *datadir, vnplan_error *err)
{
    vp_charsets *cs = calloc(1, sizeof *cs);
    if (!cs)
        goto nomem;
    if (!datadir)
        datadir = ".";
    if (load_table(cs, datadir, "tcvn3.tsv", T_TCVN3, err) != VNPLAN_OK ||
        load_table(cs, datadir, "vni.tsv", T_VNI, err) != VNPLAN_OK ||
        load_table(cs, datadir, "viscii.tsv", T_VISCII, err) != VNPLAN_OK ||
        load_table(cs, datadir, "vn1.tsv", T_VN1, err) != VNPLAN_OK ||
        load_phrases(cs, datadir, err) != VNPLAN_OK)
        goto fail;
    return cs;
nomem:
    vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
fail:
    vp_charsets_free(cs);
    return NULL;
}

void vp_charsets_free(vp_charsets *cs)
{
    if (!cs)
        return;
    for (size_t i = 0; i < cs->nphrases; i++)
        free(cs->phrases[i].lower);
    free(cs->phrases);
    free(cs);
}

/* ================================================================ names */

/* Compare ignoring case and the separators people type at random. */
static int name_is(const char *name, const char *want)
{
    for (;;) {
        while (*name == '-' || *name == '_' || *name == ' ')
            name++;
        char c = *name >= 'A' && *name <= 'Z' ? (char)(*name + 32) : *name;
        if (c != *want)
            return 0;
        if (!c)
            return 1;
        name++;
        want++;
    }
}

const char *vp_charset_canonical(const char *name)
{
    static const struct { const char *alias; const char *canon; } ours[] = {
        { "utf8", ENC_UTF8 }, { "utf16le", ENC_UTF16LE }, { "utf16be", ENC_UTF16BE },
        { "windows1258", ENC_CP1258 }, { "cp1258", ENC_CP1258 }, { "1258", ENC_CP1258 },
        { "tcvn3", ENC_TCVN3 }, { "tcvn", ENC_TCVN3 }, { "abc", ENC_TCVN3 },
        { "tcvn5712", ENC_TCVN3 }, { "vni", ENC_VNI }, { "vniwindows", ENC_VNI },
        { "viscii", ENC_VISCII }, { "tcvn57121", ENC_VN1 }, { "vn1", ENC_VN1 },
    };
    if (!name || !*name)
        return NULL;
    for (size_t i = 0; i < sizeof ours / sizeof ours[0]; i++)
        if (name_is(name, ours[i].alias))
            return ours[i].canon;
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(name, &st);
    if (U_FAILURE(st) || !cnv)
        return NULL;
    ucnv_close(cnv);
    /* ICU's alias table lives as long as ICU: its strings are static. */
    const char *std[] = { "MIME", "IANA" };
    for (size_t i = 0; i < 2; i++) {
        st = U_ZERO_ERROR;
        const char *s = ucnv_getStandardName(name, std[i], &st);
        if (U_SUCCESS(st) && s)
            return s;
    }
    st = U_ZERO_ERROR;
    const char *s = ucnv_getAlias(name, 0, &st);
    return U_SUCCESS(st) ? s : NULL;
}

/* ================================================================ helpers */

/* CRLF and lone CR → LF, in place; returns the new length. */
static size_t lf_in_place(char *s, size_t n, int *had_crlf)
{
    char *cr = memchr(s, '\r', n);
    if (!cr)
        return n;
    *had_crlf = 1;
    size_t w = (size_t)(cr - s);
    for (size_t r = w; r < n; r++) {
        if (s[r] == '\r') {
            s[w++] = '\n';
            if (r + 1 < n && s[r + 1] == '\n')
                r++;
        } else {
            s[w++] = s[r];
        }
    }
    s[w] = '\0';
    return w;
}

/* Line ends, then NFC; takes the UTF-8 text in `b` (emptied). */
static vnplan_status finish(vp_buf *b, vp_decoded *out, vnplan_error *err)
{
    size_t n = lf_in_place(b->data, b->len, &out->had_crlf);
    out->text = vp_nfc(b->data, n, &out->len);
    vp_buf_free(b);
    if (!out->text)
        return vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
    return VNPLAN_OK;
}

/* A C0 control byte other than \t \n \v \f \r (and a final ^Z). */
static int stray_control(const unsigned char *in, size_t len, size_t i)
{
    unsigned char c = in[i];
    return c < 0x20 && (c < 0x09 || c > 0x0D) && !(c == 0x1A && i + 1 == len);
}

/* Offset of binary data, or -1: any NUL, or stray control bytes making up
 * a noticeable share of the input.  VISCII puts six capitals on control
 * bytes and VN1 twelve, hence a share and not a single byte; `letters`,
 * when not NULL, is the table of an encoding whose control bytes it maps
 * are letters, not counted at all. */
static long binary_offset(const unsigned char *in, size_t len, const int32_t *letters)
{
    size_t ctrl = 0;
    long first = -1;
    const unsigned char *nul = memchr(in, 0, len);
    if (nul)
        return (long)(nul - in);
    for (size_t i = 0; i < len; i++) {
        if (stray_control(in, len, i) && !(letters && letters[in[i]])) {
            if (first < 0)
                first = (long)i;
            ctrl++;
        }
    }
    return ctrl >= 4 && ctrl * 20 > len ? first : -1;
}

/* The same for UTF-16 code units: a U+0000 or many C0 controls mean a
 * binary file whose NULs merely happened to fall on one parity. */
static long binary_offset16(const unsigned char *in, size_t len, int big_endian)
{
    size_t ctrl = 0, units = len / 2;
    long first = -1;
    for (size_t i = 0; i + 1 < len; i += 2) {
        unsigned u = big_endian ? (unsigned)(in[i] << 8 | in[i + 1])
                                : (unsigned)(in[i + 1] << 8 | in[i]);
        if (u == 0)
            return (long)i;
        if (u < 0x20 && (u < 0x09 || u > 0x0D)) {
            if (first < 0)
                first = (long)i;
            ctrl++;
        }
    }
    return ctrl >= 4 && ctrl * 20 > units ? first : -1;
}

/* UTF-16 without a BOM: ASCII and Vietnamese letters have a zero high
 * byte often enough that NULs fall on one parity only. */
static const char *sniff_utf16(const unsigned char *in, size_t len)
{
    size_t n = len < UTF16_SNIFF_BYTES ? len : UTF16_SNIFF_BYTES;
    size_t even = 0, odd = 0, pairs = n / 2;
    if (pairs < 2)
        return NULL;
    for (size_t i = 0; i + 1 < n; i += 2) {
        even += in[i] == 0;
        odd += in[i + 1] == 0;
    }
    /* A handful of NULs at least: in a few bytes the pattern is chance. */
    if (odd >= 4 && odd * 4 >= pairs && even * 16 <= odd)
        return ENC_UTF16LE;
    if (even >= 4 && even * 4 >= pairs && odd * 16 <= even)
        return ENC_UTF16BE;
    return NULL;
}

/* Convert with ICU into the empty buffer `out` as UTF-8.  On a bad sequence returns
 * VNPLAN_E_ENCODING with its offset in *bad (error record untouched, the
 * caller words the message). */
static vnplan_status icu_decode(const char *name, const unsigned char *in, size_t len,
                                vp_buf *out, long *bad)
{
    UConverter *cnv = NULL;
    UChar *u = NULL;
    vnplan_status st = VNPLAN_E_NOMEM;
    UErrorCode ue = U_ZERO_ERROR;
    *bad = -1;
    cnv = ucnv_open(name, &ue);
    if (U_FAILURE(ue)) {
        st = VNPLAN_E_USAGE;
        goto fail;
    }
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &ue);
    if (U_FAILURE(ue))
        goto fail;
    size_t ucap = len + 16, ulen = 0;
    u = malloc(ucap * sizeof *u);
    if (!u)
        goto fail;
    const char *src = (const char *)in, *src_end = src + len;
    for (;;) {
        UChar *t = u + ulen;
        ue = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &t, u + ucap, &src, src_end, NULL, 1, &ue);
        ulen = (size_t)(t - u);
        if (ue != U_BUFFER_OVERFLOW_ERROR)
            break;
        UChar *nu = realloc(u, 2 * ucap * sizeof *u);   /* rare: m:n charsets */
        if (!nu)
            goto fail;
        u = nu;
        ucap *= 2;
    }
    if (U_FAILURE(ue)) {
        char junk[32];
        int8_t jl = sizeof junk;
        UErrorCode ue2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv, junk, &jl, &ue2);
        *bad = (long)(src - (const char *)in) - (U_SUCCESS(ue2) ? jl : 0);
        st = VNPLAN_E_ENCODING;
        goto fail;
    }
    int32_t need = 0;
    if (ulen > INT32_MAX / 2)
        goto fail;
    ue = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &need, u, (int32_t)ulen, &ue);
    if (ue != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(ue)) {
        st = VNPLAN_E_ENCODING;     /* an unpaired surrogate */
        goto fail;
    }
    /* `out` is empty here: hand ICU a block of the right size and let
     * the buffer own it. */
    char *utf8 = malloc((size_t)need + 1);
    if (!utf8)
        goto fail;
    ue = U_ZERO_ERROR;
    u_strToUTF8(utf8, need + 1, NULL, u, (int32_t)ulen, &ue);
    if (U_FAILURE(ue)) {
        free(utf8);
        st = VNPLAN_E_ENCODING;
        goto fail;
    }
    vp_buf_free(out);
    out->data = utf8;
    out->len = (size_t)need;
    out->cap = (size_t)need + 1;
    free(u);
    ucnv_close(cnv);
    return VNPLAN_OK;
fail:
    free(u);
    if (cnv)
        ucnv_close(cnv);
    return st;
}

/* ================================================================ legacy */

/* Bytes → code points for the table encodings.  TCVN3 letters that share
 * their byte with an H-font capital carry the AMB flag. */
static int32_t *legacy_cps(const vp_charsets *cs, const char *enc, const unsigned char *in,
                           size_t len, size_t *count)
{
    int32_t *a = malloc((len + 1) * sizeof *a);
    if (!a)
        return NULL;
    size_t n = 0;
    if (enc == ENC_TCVN3) {
        for (size_t i = 0; i < len; i++) {
            unsigned char b = in[i];
            int32_t c = cs->tcvn3[b];
            a[n++] = !c ? cp1252(b) : cs->tcvn3_upper[b] ? (c | AMB) : c;
        }
    } else if (enc == ENC_VISCII || enc == ENC_VN1) {
        const int32_t *t = enc == ENC_VISCII ? cs->viscii : cs->vn1;
        for (size_t i = 0; i < len; i++)
            a[n++] = t[in[i]] ? t[in[i]] : cp1252(in[i]);
    } else {
        /* VNI: base + mark first (longest match), then one byte. */
        for (size_t i = 0; i < len; i++) {
            unsigned char b = in[i];
            int32_t c = 0;
            if (i + 1 < len && in[i + 1] >= 0x80) {
                vni_pair key = { b, in[i + 1], 0 };
                const vni_pair *hit = bsearch(&key, cs->vni2, cs->nvni2,
                                              sizeof cs->vni2[0], vni_cmp);
                if (hit) {
                    c = hit->cp;
                    i++;
                }
            }
            if (!c)
                c = cs->vni1[b] ? cs->vni1[b] : cp1252(b);
            a[n++] = c;
        }
    }
    *count = n;
    return a;
}

static int is_word_cp(int32_t c)
{
    c = BASE(c);
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return vp_is_letter(c);
}

typedef struct word_info {
    int lower;          /* lower-case letters that are certainly lower     */
    int upper_later;    /* upper-case letters after the first               */
    int upper_marked;   /* upper-case letters outside ASCII                 */
    int amb;            /* letters whose case the bytes do not tell         */
} word_info;

static word_info classify(const int32_t *a, size_t i, size_t j)
{
    word_info w = {0, 0, 0, 0};
    for (size_t k = i; k < j; k++) {
        if (a[k] & AMB) {
            w.amb++;
            continue;
        }
        if (vp_is_lower(a[k])) {
            w.lower++;
        } else if (vp_is_upper(a[k])) {
            w.upper_later += k > i;
            w.upper_marked += a[k] >= 0x80;
        }
    }
    return w;
}

/* An all-caps word: nothing certainly lower and a capital after the first
 * letter ("HOẠCH", "ẤN"); "Kế" alone cannot tell "KẾ" from "Kế". */
static int is_caps(word_info w) { return w.lower == 0 && w.upper_later > 0; }

static int in_set(int32_t c, const char *set)
{
    return c > 0 && c < 0x80 && strchr(set, (int)c) != NULL;
}

/* Where the words of a line start: after indentation, Markdown markers
 * and a list marker ("-", "+", "a)", "1.", "1.2.", "II.", "(3)"). */
static size_t content_start(const int32_t *a, size_t n)
{
    size_t p = 0;
    for (;;) {
        size_t before = p;
        while (p < n && in_set(a[p], " \t#>*_"))
            p++;
        if (p < n && (in_set(a[p], "-+") || a[p] == 0x2013 || a[p] == 0x2022) &&
            p + 1 < n && in_set(a[p + 1], " \t")) {
            p += 2;
        } else {
            size_t q = p;
            int groups = 0;
            if (q < n && a[q] == '(')
                q++;
            for (;;) {
                size_t r = q;
                while (r < n && r - q < 5 && is_word_cp(a[r]))
                    r++;
                if (r == q || r >= n || !in_set(a[r], ".)"))
                    break;
                int digits = 1, roman = 1;
                for (size_t k = q; k < r; k++) {
                    digits &= a[k] >= '0' && a[k] <= '9';
                    roman &= in_set(a[k], "IVXLC");
                }
                if (!digits && !roman && r - q != 1)
                    break;
                q = r + 1;
                groups++;
            }
            if (groups && q < n && in_set(a[q], " \t"))
                p = q;
        }
        if (p == before)
            return p;
    }
}

/* After ". ", "! ", "? " or ": " (emphasis markers and quotes allowed). */
static int after_sentence_end(const int32_t *a, size_t i)
{
    size_t k = i, spaces = 0;
    while (k > 0 && (in_set(a[k - 1], "\"'(*_") || a[k - 1] == 0x201C))
        k--;
    while (k > 0 && in_set(a[k - 1], " \t")) {
        k--;
        spaces++;
    }
    while (k > 0 && in_set(a[k - 1], "*_"))
        k--;
    return spaces > 0 && k > 0 && in_set(a[k - 1], ".!?:");
}

static void make_upper(int32_t *c)
{
    if (*c & AMB)
        *c = vp_to_upper(BASE(*c));
}

static int match_phrase(const vp_charsets *cs, int32_t *a, size_t n, size_t i)
{
    for (size_t p = 0; p < cs->nphrases; p++) {
        const phrase *ph = &cs->phrases[p];
        if (ph->n > n - i || (i + ph->n < n && is_word_cp(a[i + ph->n])))
            continue;
        size_t k = 0;
        while (k < ph->n && vp_to_lower(BASE(a[i + k])) == ph->lower[k])
            k++;
        if (k < ph->n)
            continue;
        for (k = 0; k < ph->n; k++)
            if ((a[i + k] & AMB) && ph->cap[k] != ph->lower[k])
                make_upper(&a[i + k]);
        return 1;
    }
    return 0;
}

/* The next word of a[*pos..n) in [*s, *e), *pos moved past it; 0 when
 * there is none. */
static int next_word(const int32_t *a, size_t n, size_t *pos, size_t *s, size_t *e)
{
    size_t i = *pos;
    while (i < n && !is_word_cp(a[i]))
        i++;
    if (i >= n) {
        *pos = n;
        return 0;
    }
    *s = i;
    while (i < n && is_word_cp(a[i]))
        i++;
    *e = *pos = i;
    return 1;
}

/* Restores one line; `prev_caps` says whether the last line with words
 * was all caps.  Returns the same for this line, or -1 if it has no words. */
static int restore_line(const vp_charsets *cs, int32_t *a, size_t n, int prev_caps)
{
    int words = 0, lower_words = 0, strong_caps = 0, capitalised = 0, any_amb = 0;
    for (size_t pos = 0, i, j; next_word(a, n, &pos, &i, &j);) {
        word_info w = classify(a, i, j);
        if (w.lower || w.upper_later || w.upper_marked || w.amb || vp_is_upper(a[i]))
            words++;            /* numbers do not count */
        lower_words += w.lower > 0;
        /* "ASEAN", "UBND" occur in ordinary lines; only a marked capital
         * or an ambiguous letter in a caps word makes a line all-caps. */
        strong_caps += is_caps(w) && (w.amb || w.upper_marked);
        /* "Sở", "Y", "Tế": a capital, then nothing certain. */
        capitalised += !w.lower && !w.upper_later && !(a[i] & AMB) && vp_is_upper(a[i]);
        any_amb |= w.amb > 0;
    }
    if (words == 0)
        return -1;
    int line_caps = lower_words == 0 && (strong_caps > 0 ||
                    /* "SỞ Y TẾ" under "UBND TỈNH": title case is not how
                     * Vietnamese writes a name, all caps is */
                    (prev_caps == 1 && capitalised >= 2 && capitalised == words));
    if (!any_amb)
        return line_caps;
    size_t start = content_start(a, n);
    for (size_t pos = 0, i, j; next_word(a, n, &pos, &i, &j);) {
        word_info w = classify(a, i, j);
        if (w.amb && (line_caps || is_caps(w))) {
            for (size_t k = i; k < j; k++)
                make_upper(&a[k]);
        } else if (a[i] & AMB) {
            if (!match_phrase(cs, a, n, i) && (i == start || after_sentence_end(a, i)))
                make_upper(&a[i]);
        }
    }
    return line_caps;
}

static void restore_tcvn3_case(const vp_charsets *cs, int32_t *a, size_t n)
{
    int prev_caps = 0;
    for (size_t ls = 0; ls < n;) {
        size_t le = ls;
        while (le < n && a[le] != '\n' && a[le] != '\r')
            le++;
        int caps = restore_line(cs, a + ls, le - ls, prev_caps);
        if (caps >= 0)
            prev_caps = caps;
        ls = le + 1;
    }
}

static vnplan_status legacy_decode(const vp_charsets *cs, const char *enc,
                                   const unsigned char *in, size_t len, int restore,
                                   vp_buf *out)
{
    size_t n = 0;
    int32_t *a = legacy_cps(cs, enc, in, len, &n);
    if (!a)
        return VNPLAN_E_NOMEM;
    if (enc == ENC_TCVN3 && restore)
        restore_tcvn3_case(cs, a, n);
    for (size_t i = 0; i < n; i++) {
        char e[4];
        vp_buf_append(out, e, (size_t)vp_utf8_encode(BASE(a[i]), e));
    }
    free(a);
    return out->failed ? VNPLAN_E_NOMEM : VNPLAN_OK;
}

/* ================================================================ scoring */

/* Vietnamese syllable shape on a folded key: onset, 1–3 vowels, coda,
 * at most one tone digit. */
static int vowel(int32_t c)
{
    switch (c) {
    case 'a': case 0x0103: case 0x00E2: case 'e': case 0x00EA: case 'i': case 'o':
    case 0x00F4: case 0x01A1: case 'u': case 0x01B0: case 'y':
        return 1;
    }
    return 0;
}

static int match_ascii(const int32_t *k, size_t n, const char *s)
{
    size_t l = strlen(s);
    if (l > n)
        return 0;
    for (size_t i = 0; i < l; i++)
        if (k[i] != (unsigned char)s[i])
            return 0;
    return 1;
}

static int rest_ok(const int32_t *k, size_t n)
{
    static const char *const codas[] = { "", "c", "ch", "m", "n", "ng", "nh", "p", "t" };
    size_t v = 0;
    while (v < n && v < 4 && vowel(k[v]))
        v++;
    if (v == 0 || v > 3)
        return 0;
    for (size_t c = 0; c < sizeof codas / sizeof codas[0]; c++)
        if (strlen(codas[c]) == n - v && match_ascii(k + v, n - v, codas[c]))
            return 1;
    return 0;
}

static int syllable_shape(const char *key, size_t len)
{
    static const char *const onsets[] = {
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    };
    int32_t k[16];
    long n = utf8_to_cps(key, len, k, 16);
    if (n <= 0)
        return 0;
    if (k[n - 1] >= '1' && k[n - 1] <= '5')
        n--;
    if (n > 0 && k[0] == 0x0111) {              /* đ */
        return rest_ok(k + 1, (size_t)n - 1);
    }
    for (size_t o = 0; o < sizeof onsets / sizeof onsets[0]; o++) {
        size_t l = strlen(onsets[o]);
        if (match_ascii(k, (size_t)n, onsets[o]) && rest_ok(k + l, (size_t)n - l))
            return 1;
    }
    return 0;
}

/* A control other than white space where a letter should be: a word with
 * one is broken (the bytes were VN1 or VISCII capitals). */
static int control_in_word(int32_t c)
{
    return c >= 0 && c < 0x20 && (c < 0x09 || c > 0x0D);
}

static int is_separator(int32_t c)
{
    if (c < 0x80)
        return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && !control_in_word(c);
    if (vp_is_white(c) || vp_is_dash(c))
        return 1;
    switch (c) {
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2026: case 0x2022:
    case 0x00AB: case 0x00BB:
        return 1;
    }
    return 0;
}

/* The worth of the words of s[0..len) that hold a letter outside ASCII or
 * a control: a frequent syllable counts 1, a well-formed one 1/2, anything
 * else −1, a word of one letter 0 when `one_letter_neutral`.  At most
 * `max_words` words, their number in *nwords. */
static double word_values(const vp_vocab *v, const char *s, size_t len, size_t max_words,
                          int one_letter_neutral, size_t *nwords)
{
    enum { LONGEST_SYLLABLE = 7 };      /* "nghiêng" */
    double sum = 0;
    size_t words = 0, i = 0;
    while (i < len && words < max_words) {
        int32_t c;
        int l = vp_utf8_decode(s + i, len - i, &c);
        if (is_separator(c)) {
            i += (size_t)l;
            continue;
        }
        size_t start = i, letters = 0;
        int high = 0, symbol = 0;
        while (i < len) {
            l = vp_utf8_decode(s + i, len - i, &c);
            if (is_separator(c))
                break;
            high |= c >= 0x80 || control_in_word(c);
            /* windows-1258 tone marks are combining: not a symbol */
            symbol |= (c >= 0x80 && !vp_is_letter(c) && !(c >= 0x0300 && c < 0x0370)) ||
                      control_in_word(c);
            letters += !(c >= 0x0300 && c < 0x0370);
            i += (size_t)l;
        }
        if (!high)
            continue;
        words++;
        if (one_letter_neutral && letters == 1)
            continue;
        if (symbol || letters > LONGEST_SYLLABLE) {
            sum -= 1;
            continue;
        }
        size_t klen;
        char *key = vp_fold(s + start, i - start, 0, &klen);
        if (!key)
            continue;
        if (vp_vocab_common_syllable(v, key, klen))
            sum += 1;
        else if (syllable_shape(key, klen))
            sum += 0.5;
        else
            sum -= 1;
        free(key);
    }
    *nwords = words;
    return sum;
}

/* Share of the non-ASCII words that read as Vietnamese, −1 if none.  A
 * few hundred words decide clearly (right ≈ 0.9, wrong < 0.4). */
static double viet_score(const vp_vocab *v, const char *s, size_t len)
{
    size_t words;
    double sum = word_values(v, s, len, 400, 0, &words);
    return words ? sum / (double)words : -1;
}

/* Legacy candidates in order of preference: the first of equal scores
 * wins, so TCVN3 keeps the text that it and VN1 read alike (VN1 is TCVN3
 * with capitals added on bytes TCVN3 leaves to punctuation). */
static const char *const legacy_all[] = { ENC_CP1258, ENC_TCVN3, ENC_VN1, ENC_VNI, ENC_VISCII };
/* The encodings that put letters on control bytes. */
static const char *const legacy_c0[] = { ENC_VN1, ENC_VISCII };
/* Scores of a right reading are about 0.9 and of a wrong one below 0.4:
 * below ACCEPT the text is broken UTF-8; control bytes in bulk, which
 * otherwise mean binary data, are letters only from CLEAR up. */
#define SCORE_ACCEPT 0.5
#define SCORE_CLEAR 0.75

/* The candidate that reads best on a sample and scores above `min`, or
 * NULL.  The sample starts a little before `first_high`, the first byte
 * that is not UTF-8 (or not text): an ASCII preamble decides nothing. */
static const char *detect_legacy(const vp_charsets *cs, const vp_vocab *v,
                                 const unsigned char *in, size_t len, size_t first_high,
                                 const char *const *candidates, size_t ncand, double min,
                                 vnplan_status *st)
{
    const char *best = NULL;
    double best_score = min;
    size_t from = first_high > SAMPLE_BYTES / 8 ? first_high - SAMPLE_BYTES / 8 : 0;
    while (from > 0 && in[from] >= 0x80)    /* do not start inside a letter */
        from--;
    in += from;
    len -= from;
    size_t n = len < SAMPLE_BYTES ? len : SAMPLE_BYTES;
    *st = VNPLAN_OK;
    for (size_t c = 0; c < ncand; c++) {
        vp_buf b;
        long bad;
        vp_buf_init(&b);
        vnplan_status s = candidates[c] == ENC_CP1258
                              ? icu_decode(candidates[c], in, n, &b, &bad)
                              : legacy_decode(cs, candidates[c], in, n, 0, &b);
        if (s == VNPLAN_E_NOMEM) {
            *st = s;
            vp_buf_free(&b);
            return NULL;
        }
        double score = s == VNPLAN_OK ? viet_score(v, b.data, b.len) : -1;
        if (score > best_score) {
            best_score = score;
            best = candidates[c];
        }
        vp_buf_free(&b);
    }
    return best;
}

/* TCVN3 and VN1 read most bytes alike: VN1 puts the capitals with a tone
 * mark on control bytes, on the bytes TCVN3 text uses for Windows-1252
 * punctuation (“ ” – …) and on a few it leaves unused.  So the two are
 * told apart on the words whose readings differ, and VN1 must be worth
 * at least one frequent syllable more.  A word of one letter says nothing
 * ("Ở" in VN1 and " – " in TCVN3 are both ordinary). */
static int byte_in_word(unsigned char b)
{
    return b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
           (b >= '0' && b <= '9') || control_in_word(b);
}

/* What byte b reads as with table t (0: its Windows-1252 use). */
static int32_t read_as(const int32_t *t, unsigned char b)
{
    return t[b] ? t[b] : cp1252(b);
}

static const char *tcvn3_or_vn1(const vp_charsets *cs, const vp_vocab *v,
                                const unsigned char *in, size_t len)
{
    enum { ENOUGH_WORDS = 200, WORD_MAX = 48 };
    double worth[2] = { 0, 0 };     /* TCVN3, VN1 */
    size_t words = 0;
    for (size_t i = 0; i < len && words < ENOUGH_WORDS;) {
        if (!byte_in_word(in[i])) {
            i++;
            continue;
        }
        size_t s = i;
        int differ = 0;
        for (; i < len && byte_in_word(in[i]); i++)
            differ |= read_as(cs->tcvn3, in[i]) != read_as(cs->vn1, in[i]);
        if (!differ || i - s > WORD_MAX)
            continue;
        words++;
        for (int r = 0; r < 2; r++) {
            const int32_t *t = r ? cs->vn1 : cs->tcvn3;
            char w[WORD_MAX * 4];
            size_t n = 0, nw;
            for (size_t k = s; k < i; k++)
                n += (size_t)vp_utf8_encode(read_as(t, in[k]), w + n);
            worth[r] += word_values(v, w, n, WORD_MAX, 1, &nw);
        }
    }
    return worth[1] >= worth[0] + 1 ? ENC_VN1 : ENC_TCVN3;
}

/* ================================================================ decode */

static int is_wide(const char *enc)
{
    return strncmp(enc, "UTF-16", 6) == 0 || strncmp(enc, "UTF-32", 6) == 0 ||
           strncmp(enc, "UTF16", 5) == 0 || strncmp(enc, "UTF32", 5) == 0 ||
           strncmp(enc, "UCS-", 4) == 0 || strncmp(enc, "ISO-10646-UCS", 13) == 0;
}

vnplan_status vp_decode(const vp_charsets *cs, const vp_vocab *v, const unsigned char *in,
                        size_t len,
                        const char *encoding, vp_decoded *out, vnplan_error *err)
{
    vp_buf b;
    vnplan_status st;
    /* Through the canonical name again: it is then one of our static
     * names (compared by address below) or ICU's, never the caller's. */
    const char *enc = encoding ? vp_charset_canonical(encoding) : NULL;
    size_t skip = 0;
    long bad = -1;
    vp_buf_init(&b);
    memset(out, 0, sizeof *out);

    if (encoding && !enc) {
        st = vp_error_set(err, VNPLAN_E_USAGE, NULL, 0, -1, "unknown encoding \"%s\"",
                          encoding);
        goto fail;
    }
    if (!in || len == 0) {
        st = vp_error_set(err, VNPLAN_E_EMPTY, NULL, 0, -1, "empty input");
        goto fail;
    }
    if (len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF &&
        (!enc || enc == ENC_UTF8)) {
        enc = ENC_UTF8;
        skip = 3;
    } else if (len >= 2 && in[0] == 0xFF && in[1] == 0xFE && (!enc || enc == ENC_UTF16LE)) {
        enc = ENC_UTF16LE;
        skip = 2;
    } else if (len >= 2 && in[0] == 0xFE && in[1] == 0xFF && (!enc || enc == ENC_UTF16BE)) {
        enc = ENC_UTF16BE;
        skip = 2;
    } else if (!enc) {
        enc = sniff_utf16(in, len);
    }
    out->had_bom = skip > 0;
    in += skip;
    len -= skip;
    if (len == 0) {
        st = vp_error_set(err, VNPLAN_E_EMPTY, NULL, 0, -1, "empty input (only a BOM)");
        goto fail;
    }
    if (!enc || !is_wide(enc) || enc == ENC_UTF16LE || enc == ENC_UTF16BE) {
        /* A forced VN1 or VISCII says what its control bytes are. */
        const int32_t *letters = !cs ? NULL : enc == ENC_VN1 ? cs->vn1
                               : enc == ENC_VISCII ? cs->viscii : NULL;
        long at = !enc || !is_wide(enc) ? binary_offset(in, len, letters)
                                        : binary_offset16(in, len, enc == ENC_UTF16BE);
        if (at >= 0 && !enc && cs && in[at] != 0) {
            /* Many control bytes: text only if an encoding that makes
             * them letters reads clearly as Vietnamese. */
            const char *cands[sizeof legacy_c0 / sizeof legacy_c0[0]];
            size_t nc = 0;
            for (size_t c = 0; c < sizeof legacy_c0 / sizeof legacy_c0[0]; c++)
                if (binary_offset(in, len, legacy_c0[c] == ENC_VN1 ? cs->vn1 : cs->viscii) < 0)
                    cands[nc++] = legacy_c0[c];
            st = VNPLAN_OK;
            enc = nc ? detect_legacy(cs, v, in, len, (size_t)at, cands, nc, SCORE_CLEAR, &st)
                     : NULL;
            if (st != VNPLAN_OK)
                goto nomem;
            if (enc)
                at = -1;
        }
        if (at >= 0) {
            st = vp_error_set(err, VNPLAN_E_BINARY, NULL, 0, at + (long)skip,
                              "binary data at byte %ld, not a text file", at + (long)skip);
            goto fail;
        }
    }
    if (!enc || enc == ENC_UTF8) {
        bad = vp_utf8_invalid_offset((const char *)in, len);
        if (bad < 0) {
            enc = ENC_UTF8;
        } else if (!enc && cs) {
            enc = detect_legacy(cs, v, in, len, (size_t)bad, legacy_all,
                                sizeof legacy_all / sizeof legacy_all[0], SCORE_ACCEPT, &st);
            if (st != VNPLAN_OK)
                goto nomem;
            if (enc == ENC_TCVN3 || enc == ENC_VN1)
                enc = tcvn3_or_vn1(cs, v, in, len);
        }
        if (!enc || (enc == ENC_UTF8 && bad >= 0)) {
            st = vp_error_set(err, VNPLAN_E_ENCODING, NULL, 0, bad + (long)skip,
                              "invalid UTF-8 at byte %ld (use --encoding to name the encoding)",
                              bad + (long)skip);
            goto fail;
        }
    }
    out->encoding = enc;

    if (enc == ENC_UTF8) {
        vp_buf_append(&b, (const char *)in, len);
        st = b.failed ? VNPLAN_E_NOMEM : VNPLAN_OK;
    } else if (enc == ENC_TCVN3 || enc == ENC_VNI || enc == ENC_VISCII || enc == ENC_VN1) {
        if (!cs) {
            st = vp_error_set(err, VNPLAN_E_DATA, NULL, 0, -1,
                              "the %s table is not loaded", enc);
            goto fail;
        }
        st = legacy_decode(cs, enc, in, len, 1, &b);
    } else {
        st = icu_decode(enc, in, len, &b, &bad);
        if (st == VNPLAN_E_USAGE) {
            st = vp_error_set(err, VNPLAN_E_USAGE, NULL, 0, -1, "unknown encoding \"%s\"", enc);
            goto fail;
        }
        if (st == VNPLAN_E_ENCODING) {
            long at = bad >= 0 ? bad + (long)skip : -1;
            if (at >= 0)
                st = vp_error_set(err, st, NULL, 0, at, "invalid %s at byte %ld", enc, at);
            else
                st = vp_error_set(err, st, NULL, 0, -1, "invalid %s (unpaired surrogate)",
                                  enc);
            goto fail;
        }
        /* ICU's fixed-order converters keep a BOM as U+FEFF. */
        if (st == VNPLAN_OK && b.len >= 3 && memcmp(b.data, "\xEF\xBB\xBF", 3) == 0) {
            memmove(b.data, b.data + 3, b.len - 2);
            b.len -= 3;
            out->had_bom = 1;
        }
    }
    if (st != VNPLAN_OK)
        goto nomem;
    st = finish(&b, out, err);
    if (st != VNPLAN_OK)
        goto fail;
    return VNPLAN_OK;
nomem:
    st = vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
fail:
    vp_buf_free(&b);
    vp_decoded_free(out);
    return st;
}

void vp_decoded_free(vp_decoded *d)
{
    if (!d)
        return;
    free(d->text);
    memset(d, 0, sizeof *d);
}
