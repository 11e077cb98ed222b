/* test_charset.c — decoding: BOMs, UTF-16, line ends, NFC, binary and
 * broken input, and the legacy encodings, forced and detected, on a
 * sentence and on the corpus re-encoded.
 *
 * The legacy encoders here are written independently of the library: the
 * TSV tables are read again, and Windows-1258 is built from a grid of the
 * twelve vowels, so that a mistake in charset.c cannot cancel out. */
#include "config.h"
#define _POSIX_C_SOURCE 200809L    /* mkdtemp, strdup */
#include "read/charset.h"
#include "core/vocab.h"
#include "tap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static const char *datadir(void)
{
    const char *d = getenv("VNPLAN_DATADIR");
    return d && *d ? d : "./data";
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
            *len = fread(buf, 1, (size_t)n, f);
            buf[*len] = '\0';
        }
    }
    fclose(f);
    return buf;
}

/* ------------------------------------------------------------ encoders */

static int32_t next_cp(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    int32_t c;
    int n;
    if (p[0] < 0x80) { c = p[0]; n = 1; }
    else if (p[0] < 0xE0) { c = p[0] & 0x1F; n = 2; }
    else if (p[0] < 0xF0) { c = p[0] & 0x0F; n = 3; }
    else { c = p[0] & 0x07; n = 4; }
    for (int i = 1; i < n; i++)
        c = (c << 6) | (p[i] & 0x3F);
    *s += n;
    return c;
}

/* One letter table: code point → 1 or 2 bytes. */
typedef struct table {
    int32_t cp[200];
    unsigned char bytes[200][2];
    int nbytes[200];
    int n;
} table;

static int load_tsv(const char *name, table *t)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/charsets/%s", datadir(), name);
    FILE *f = fopen(path, "r");
    char line[512];
    t->n = 0;
    if (!f)
        return 0;
    while (fgets(line, sizeof line, f) && t->n < 200) {
        unsigned cp, b1, b2;
        int k = sscanf(line, "U+%x\t0x%x 0x%x", &cp, &b1, &b2);
        if (k < 2)
            continue;
        t->cp[t->n] = (int32_t)cp;
        t->bytes[t->n][0] = (unsigned char)b1;
        t->bytes[t->n][1] = (unsigned char)(k == 3 ? b2 : 0);
        t->nbytes[t->n] = k == 3 ? 2 : 1;
        t->n++;
    }
    fclose(f);
    return t->n > 0;
}

/* Windows-1252 bytes for the punctuation the sentences and corpus use. */
static int punct_1252(int32_t c)
{
    switch (c) {
    case 0x201C: return 0x93;
    case 0x201D: return 0x94;
    case 0x2013: return 0x96;
    case 0x2014: return 0x97;
    }
    return -1;
}

/* Windows-1258: base vowel (with its quality mark) + a combining tone. */
static const char *const cp1258_grid[] = {  /* base, then 5 tones */
    "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
    "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
    "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
    "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ",
};
static const unsigned char cp1258_tone[6] = { 0, 0xCC, 0xEC, 0xD2, 0xDE, 0xF2 };

static int cp1258_base(int32_t c)
{
    switch (c) {
    case 0x0103: return 0xE3; case 0x0102: return 0xC3;     /* ă Ă */
    case 0x00E2: return 0xE2; case 0x00C2: return 0xC2;     /* â Â */
    case 0x00EA: return 0xEA; case 0x00CA: return 0xCA;     /* ê Ê */
    case 0x00F4: return 0xF4; case 0x00D4: return 0xD4;     /* ô Ô */
    case 0x01A1: return 0xF5; case 0x01A0: return 0xD5;     /* ơ Ơ */
    case 0x01B0: return 0xFD; case 0x01AF: return 0xDD;     /* ư Ư */
    case 0x0111: return 0xF0; case 0x0110: return 0xD0;     /* đ Đ */
    }
    return c < 0x80 ? (int)c : -1;
}

static int enc_cp1258(int32_t c, unsigned char *out)
{
    for (size_t r = 0; r < sizeof cp1258_grid / sizeof cp1258_grid[0]; r++) {
        const char *s = cp1258_grid[r];
        int32_t base = next_cp(&s);
        for (int t = 1; t <= 5; t++)
            if (next_cp(&s) == c) {
                out[0] = (unsigned char)cp1258_base(base);
                out[1] = cp1258_tone[t];
                return 2;
            }
    }
    int b = cp1258_base(c);
    if (b < 0)
        b = punct_1252(c);
    if (b < 0)
        return 0;
    out[0] = (unsigned char)b;
    return 1;
}

/* Encode UTF-8 `s` with table `t` (or Windows-1258 when t is NULL); NULL
 * if a character has no byte. */
static unsigned char *encode(const char *s, const table *t, size_t *len)
{
    size_t cap = strlen(s) * 2 + 1, n = 0;
    unsigned char *out = malloc(cap);
    while (out && *s) {
        int32_t c = next_cp(&s);
        int k = 0;
        if (!t) {
            k = enc_cp1258(c, out + n);
        } else if (c < 0x80) {
            out[n] = (unsigned char)c;
            k = 1;
        } else {
            for (int i = 0; i < t->n && !k; i++)
                if (t->cp[i] == c) {
                    memcpy(out + n, t->bytes[i], (size_t)t->nbytes[i]);
                    k = t->nbytes[i];
                }
            if (!k && punct_1252(c) >= 0) {
                out[n] = (unsigned char)punct_1252(c);
                k = 1;
            }
        }
        if (!k) {
            free(out);
            return NULL;
        }
        n += (size_t)k;
    }
    if (out)
        *len = n;
    return out;
}

/* VISCII has no curly quotes or dashes: the ASCII forms stand in. */
static char *ascii_punct(const char *s)
{
    char *out = malloc(strlen(s) + 1), *w = out;
    while (out && *s) {
        const char *p = s;
        int32_t c = next_cp(&s);
        if (c == 0x201C || c == 0x201D)
            *w++ = '"';
        else if (c == 0x2013 || c == 0x2014)
            *w++ = '-';
        else
            while (p < s)
                *w++ = *p++;
    }
    if (out)
        *w = '\0';
    return out;
}

/* VISCII and VN1 have no room for curly quotes and dashes. */
static int no_curly(const char *enc)
{
    return strcmp(enc, "VISCII") == 0 || strcmp(enc, "TCVN5712-1") == 0;
}

/* ------------------------------------------------------------ checks */

/* The frequent syllables legacy detection scores with. */
static vp_vocab *vocab;

static vnplan_status decode(const vp_charsets *cs, const void *in, size_t len,
                            const char *enc, vp_decoded *d, vnplan_error *err)
{
    memset(err, 0, sizeof *err);
    err->offset = -1;
    return vp_decode(cs, vocab, in, len, enc, d, err);
}

static void test_names(void)
{
    is_str(vp_charset_canonical("utf8"), "UTF-8", "utf8");
    is_str(vp_charset_canonical("UTF-8"), "UTF-8", "UTF-8");
    is_str(vp_charset_canonical("utf16le"), "UTF-16LE", "utf16le");
    is_str(vp_charset_canonical("UTF-16BE"), "UTF-16BE", "UTF-16BE");
    is_str(vp_charset_canonical("cp1258"), "windows-1258", "cp1258");
    is_str(vp_charset_canonical("1258"), "windows-1258", "1258");
    is_str(vp_charset_canonical("Windows-1258"), "windows-1258", "Windows-1258");
    is_str(vp_charset_canonical("abc"), "TCVN3", "abc");
    is_str(vp_charset_canonical("TCVN"), "TCVN3", "TCVN");
    is_str(vp_charset_canonical("tcvn5712"), "TCVN3", "tcvn5712");
    is_str(vp_charset_canonical("vni-windows"), "VNI", "vni-windows");
    is_str(vp_charset_canonical("VISCII"), "VISCII", "VISCII");
    /* glibc's TCVN5712-1 is VN1, the full table, not TCVN3 (VN3) */
    is_str(vp_charset_canonical("TCVN5712-1"), "TCVN5712-1", "TCVN5712-1");
    is_str(vp_charset_canonical("tcvn5712_1"), "TCVN5712-1", "tcvn5712_1");
    is_str(vp_charset_canonical("VN1"), "TCVN5712-1", "VN1");
    const char *l1 = vp_charset_canonical("latin1");
    ok(l1 && strstr(l1, "8859-1"), "ICU knows latin1 (%s)", l1 ? l1 : "NULL");
    ok(vp_charset_canonical("no-such-charset") == NULL, "unknown name");
    ok(vp_charset_canonical("") == NULL, "empty name");
}

static void test_basic(const vp_charsets *cs)
{
    vp_decoded d;
    vnplan_error err;

    is_int(decode(cs, "", 0, NULL, &d, &err), VNPLAN_E_EMPTY, "empty input");
    is_int(decode(cs, "\xEF\xBB\xBF", 3, NULL, &d, &err), VNPLAN_E_EMPTY, "only a BOM");

    const char *s = "Kế hoạch số 12/KH-UBND\n";
    is_int(decode(cs, s, strlen(s), NULL, &d, &err), VNPLAN_OK, "UTF-8 decodes");
    is_str(d.encoding, "UTF-8", "UTF-8 detected");
    is_str(d.text, s, "UTF-8 text unchanged");
    ok(!d.had_bom && !d.had_crlf, "no BOM, no CR");
    vp_decoded_free(&d);

    char bom[64];
    snprintf(bom, sizeof bom, "\xEF\xBB\xBF%s", s);
    is_int(decode(cs, bom, strlen(bom), NULL, &d, &err), VNPLAN_OK, "UTF-8 BOM");
    is_str(d.text, s, "BOM stripped");
    ok(d.had_bom, "had_bom");
    vp_decoded_free(&d);

    const char *crlf = "a\r\nb\rc\r\n\r\nd\fe\n";
    is_int(decode(cs, crlf, strlen(crlf), NULL, &d, &err), VNPLAN_OK, "CRLF decodes");
    is_str(d.text, "a\nb\nc\n\nd\fe\n", "CRLF and CR → LF, form feed kept");
    ok(d.had_crlf, "had_crlf");
    vp_decoded_free(&d);

    const char *nfd = "Thu\xcc\x9b\xcc\xa3" "c hie\xcc\x82\xcc\xa3n";
    is_int(decode(cs, nfd, strlen(nfd), NULL, &d, &err), VNPLAN_OK, "NFD decodes");
    is_str(d.text, "Thực hiện", "NFD → NFC");
    vp_decoded_free(&d);

    /* "Hòa" in UTF-16, with and without BOM */
    const unsigned char le[] = { 0xFF, 0xFE, 'H', 0, 0xF2, 0, 'a', 0, '\r', 0, '\n', 0 };
    is_int(decode(cs, le, sizeof le, NULL, &d, &err), VNPLAN_OK, "UTF-16LE with BOM");
    is_str(d.encoding, "UTF-16LE", "UTF-16LE named");
    is_str(d.text, "Hòa\n", "UTF-16LE text");
    ok(d.had_bom && d.had_crlf, "UTF-16LE BOM and CRLF noticed");
    vp_decoded_free(&d);
    const unsigned char be[] = { 0, 'H', 0, 0xF2, 0, 'a', 0x1E, 0xC7, 0, '\n' };
    is_int(decode(cs, be, sizeof be, NULL, &d, &err), VNPLAN_OK, "UTF-16BE without BOM");
    is_str(d.encoding, "UTF-16BE", "UTF-16BE sniffed from the NULs");
    is_str(d.text, "Hòaệ\n", "UTF-16BE text");
    ok(!d.had_bom, "no BOM");
    vp_decoded_free(&d);
    const unsigned char odd[] = { 0xFF, 0xFE, 'H', 0, 'a' };
    is_int(decode(cs, odd, sizeof odd, NULL, &d, &err), VNPLAN_E_ENCODING,
           "truncated UTF-16 is an encoding error");

    const char bin[] = "PK\3\4abc\0\0def";
    is_int(decode(cs, bin, sizeof bin - 1, NULL, &d, &err), VNPLAN_E_BINARY, "NUL → binary");
    is_int(err.offset, 7, "binary offset is the first NUL");
    ok(strstr(err.message, "binary data at byte 7") != NULL, "message: %s", err.message);
    const char ctl[] = "ab\x01\x02\x03\x04\x05\x06\x07\x08xyz";
    is_int(decode(cs, ctl, sizeof ctl - 1, NULL, &d, &err), VNPLAN_E_BINARY,
           "control bytes → binary");
    is_int(err.offset, 2, "first control byte");
    const unsigned char bin16[] = { 'M', 'Z', 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 0, 0 };
    is_int(decode(cs, bin16, sizeof bin16, NULL, &d, &err), VNPLAN_E_BINARY,
           "binary whose NULs look like UTF-16");
    is_int(decode(cs, "abc\xff\xfe\x00", 6, NULL, &d, &err), VNPLAN_E_BINARY,
           "one NUL in a few bytes is binary, not UTF-16");
    const char tabs[] = "a\tb\fc\vd\r\n";
    is_int(decode(cs, tabs, sizeof tabs - 1, NULL, &d, &err), VNPLAN_OK,
           "tab, form feed, vertical tab are text");
    vp_decoded_free(&d);

    /* Valid Vietnamese UTF-8 with one bad byte: no legacy reading fits. */
    const char *broken = "Thực hiện kế hoạch của tỉnh \xff về phát triển xã hội";
    is_int(decode(cs, broken, strlen(broken), NULL, &d, &err), VNPLAN_E_ENCODING,
           "broken UTF-8 → encoding error");
    long at = (long)(strchr(broken, '\xff') - broken);
    is_int(err.offset, at, "offset of the first invalid byte");
    char want[128];
    snprintf(want, sizeof want, "invalid UTF-8 at byte %ld (use --encoding", at);
    ok(strstr(err.message, want) != NULL, "message: %s", err.message);
    is_int(decode(cs, broken, strlen(broken), "UTF-8", &d, &err), VNPLAN_E_ENCODING,
           "forced UTF-8 reports the same");
    is_int(err.offset, at, "same offset when forced");
    is_int(decode(cs, "\xEF\xBB\xBF" "ab\xC3", 6, NULL, &d, &err), VNPLAN_E_ENCODING,
           "offset after a BOM");
    is_int(err.offset, 5, "offset counts the BOM");

    /* Forced ICU encoding. */
    is_int(decode(cs, "caf\xe9", 4, "ISO-8859-1", &d, &err), VNPLAN_OK, "forced ICU name");
    is_str(d.text, "café", "Latin-1 decoded");
    is_str(d.encoding, "ISO-8859-1", "named by ICU");
    vp_decoded_free(&d);
    char name[] = "tcvn";       /* the caller's string need not outlive d */
    is_int(decode(cs, "abc", 3, name, &d, &err), VNPLAN_OK, "alias accepted when forced");
    name[0] = 'x';
    is_str(d.encoding, "TCVN3", "encoding is a static canonical name");
    vp_decoded_free(&d);
    is_int(decode(cs, "abc", 3, "no-such-charset", &d, &err), VNPLAN_E_USAGE,
           "unknown forced encoding is a usage error");
}

static const char sentence[] =
    "Ủy ban nhân dân tỉnh Khánh Hòa ban hành “Kế hoạch” thực hiện Đề án – "
    "ĐẢM BẢO chất lượng, hiệu quả. Ở đâu có nhân dân, ở đó có kỷ cương.\n"
    "KẾ HOẠCH\n";

static void test_sentence(const vp_charsets *cs, const char *enc, const table *t)
{
    vp_decoded d;
    vnplan_error err;
    char *text = no_curly(enc) ? ascii_punct(sentence) : strdup(sentence);
    size_t len = 0;
    unsigned char *bytes = text ? encode(text, t, &len) : NULL;
    ok(bytes != NULL, "%s: test encoder covers the sentence", enc);
    if (!bytes) {
        free(text);
        return;
    }
    is_int(decode(cs, bytes, len, enc, &d, &err), VNPLAN_OK, "%s forced decodes", enc);
    is_str(d.text, text, "%s forced: the sentence comes back", enc);
    is_str(d.encoding, enc, "%s forced: named", enc);
    vp_decoded_free(&d);
    is_int(decode(cs, bytes, len, NULL, &d, &err), VNPLAN_OK, "%s detected decodes", enc);
    is_str(d.encoding, enc, "%s detected on one sentence", enc);
    is_str(d.text, text, "%s detected: the sentence comes back", enc);
    vp_decoded_free(&d);
    free(bytes);
    free(text);
}

/* VN1 (TCVN 5712:1993, glibc's TCVN5712-1) against TCVN3, and its
 * capitals on control bytes against binary data. */
static void test_vn1(const vp_charsets *cs, const table *vn1, const table *tcvn3)
{
    vp_decoded d;
    vnplan_error err;
    size_t len = 0;

    /* All capitals, a fifth of them on control bytes: binary by the
     * share of control bytes, unless VN1 reads them as Vietnamese. */
    const char *caps = "ỨNG DỤNG, PHỤC VỤ, XỬ LÝ, THỰC HIỆN, DỰ TOÁN, CỨU HỘ, TỪ CHỨC, "
                       "NHIỆM VỤ\n";
    unsigned char *b = encode(caps, vn1, &len);
    ok(b != NULL, "VN1: test encoder covers the capitals");
    if (!b)
        return;
    is_int(decode(cs, b, len, "TCVN3", &d, &err), VNPLAN_E_BINARY,
           "VN1 capitals as TCVN3: too many control bytes");
    is_int(decode(cs, b, len, NULL, &d, &err), VNPLAN_OK, "VN1 capitals detected decode");
    is_str(d.encoding, "TCVN5712-1", "VN1 capitals: named");
    is_str(d.text, caps, "VN1 capitals come back");
    vp_decoded_free(&d);
    is_int(decode(cs, b, len, "VN1", &d, &err), VNPLAN_OK, "VN1 capitals forced decode");
    is_str(d.text, caps, "VN1 capitals forced come back");
    vp_decoded_free(&d);
    b[len / 2] = 0;
    is_int(decode(cs, b, len, NULL, &d, &err), VNPLAN_E_BINARY, "VN1 with a NUL is binary");
    free(b);

    /* VN1's control bytes among bytes that read as no Vietnamese. */
    const char junk[] = "\x01\x02x\x04\x05Q\x06\x11\x12z\x13\x14\x15k\x16\x17\x01\x02\x04";
    is_int(decode(cs, junk, sizeof junk - 1, NULL, &d, &err), VNPLAN_E_BINARY,
           "VN1 control bytes that read as nothing are binary");

    /* Combining tone marks (0xB0-0xB4) compose. */
    const char comb[] = "Kha\xb3nh Ho\xb0" "a";
    is_int(decode(cs, comb, sizeof comb - 1, "TCVN5712-1", &d, &err), VNPLAN_OK,
           "VN1 combining marks decode");
    is_str(d.text, "Khánh Hòa", "VN1 combining marks composed (NFC)");
    vp_decoded_free(&d);

    /* TCVN3 with en dashes between numbers and words and no capital: VN1
     * reads those bytes as "Ọ", which says nothing; TCVN3 stays. */
    const char *dashes = "giai đoạn 2021–2025 – kế hoạch của tỉnh – thực hiện đề án "
                         "về phát triển kinh tế–xã hội\n";
    b = encode(dashes, tcvn3, &len);
    ok(b != NULL, "TCVN3: test encoder covers the dashes");
    if (b) {
        is_int(decode(cs, b, len, NULL, &d, &err), VNPLAN_OK, "TCVN3 dashes decode");
        is_str(d.encoding, "TCVN3", "TCVN3 dashes: not VN1");
        is_str(d.text, dashes, "TCVN3 dashes come back");
        vp_decoded_free(&d);
    }
    free(b);

    /* One heading in capitals in lower-case VN1 text is enough. */
    const char *one = "KẾ HOẠCH\nthực hiện đề án về phát triển kinh tế và xã hội của tỉnh "
                      "trong giai đoạn mới, bảo đảm chất lượng và hiệu quả\n";
    b = encode(one, vn1, &len);
    ok(b != NULL, "VN1: test encoder covers the heading");
    if (b) {
        is_int(decode(cs, b, len, NULL, &d, &err), VNPLAN_OK, "VN1 heading decodes");
        is_str(d.encoding, "TCVN5712-1", "VN1 told from TCVN3 by one heading");
        is_str(d.text, one, "VN1 heading comes back in capitals");
        vp_decoded_free(&d);
    }
    free(b);
}

static void test_corpus(const vp_charsets *cs, const char *file, const char *enc,
                        const table *t)
{
    char path[1024];
    const char *top = getenv("top_srcdir");
    snprintf(path, sizeof path, "%s/corpus/%s", top && *top ? top : ".", file);
    size_t n = 0, len = 0;
    char *orig = read_all(path, &n);
    ok(orig != NULL, "read %s", path);
    if (!orig)
        return;
    char *text = no_curly(enc) ? ascii_punct(orig) : strdup(orig);
    unsigned char *bytes = text ? encode(text, t, &len) : NULL;
    ok(bytes != NULL, "%s in %s", file, enc);
    if (bytes) {
        vp_decoded d;
        vnplan_error err;
        is_int(decode(cs, bytes, len, NULL, &d, &err), VNPLAN_OK, "%s %s decodes", file, enc);
        is_str(d.encoding, enc, "%s: %s detected", file, enc);
        ok(d.text && strcmp(d.text, text) == 0, "%s: %s gives the identical text", file,
           enc);
        ok(d.len <= 4 * len, "%s: output within 4x the input", file);
        vp_decoded_free(&d);
    }
    free(bytes);
    free(text);
    free(orig);
}

static void test_data_errors(void)
{
    vnplan_error err;
    memset(&err, 0, sizeof err);
    vp_charsets *cs = vp_charsets_load("/nonexistent-vnplan-dir", &err);
    ok(cs == NULL, "missing data directory fails");
    is_int(err.code, VNPLAN_E_DATA, "as a data error");
    ok(strstr(err.file, "charsets/tcvn3.tsv") != NULL, "naming the file (%s)", err.file);

    /* A table with a typo: the letter column does not match the code point. */
    char dir[400], path[512];
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/vnplan-charset.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        ok(0, "mkdtemp");
        return;
    }
    snprintf(path, sizeof path, "%s/charsets", dir);
    mkdir(path, 0700);
    const char *names[] = { "tcvn3.tsv", "vni.tsv", "viscii.tsv", "vn1.tsv",
                            "tcvn3-capitals.tsv" };
    const int nnames = (int)(sizeof names / sizeof names[0]);
    for (int i = 0; i < nnames; i++) {
        char src[512];
        size_t n = 0;
        snprintf(src, sizeof src, "%s/charsets/%s", datadir(), names[i]);
        char *data = read_all(src, &n);
        snprintf(path, sizeof path, "%s/charsets/%s", dir, names[i]);
        FILE *f = fopen(path, "wb");
        if (f && data) {
            if (i == 1)
                fputs("U+00E1\t0x61 0xF9\tà\taù\n", f);     /* wrong letter */
            fwrite(data, 1, n, f);
        }
        if (f)
            fclose(f);
        free(data);
    }
    memset(&err, 0, sizeof err);
    cs = vp_charsets_load(dir, &err);
    ok(cs == NULL, "bad row fails");
    is_int(err.code, VNPLAN_E_DATA, "as a data error");
    ok(strstr(err.file, "vni.tsv") && err.line == 1, "naming file and line (%s:%ld)",
       err.file, err.line);
    vp_charsets_free(cs);
    for (int i = 0; i < nnames; i++) {
        snprintf(path, sizeof path, "%s/charsets/%s", dir, names[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/charsets", dir);
    rmdir(path);
    rmdir(dir);
}

int main(void)
{
    vnplan_error err;
    memset(&err, 0, sizeof err);
    vp_charsets *cs = vp_charsets_load(datadir(), &err);
    if (!ok(cs != NULL, "charset tables load from %s", datadir())) {
        printf("# %s: %s\n", err.file, err.message);
        return tap_done();
    }
    vocab = vp_vocab_load(datadir(), &err);
    if (!ok(vocab != NULL, "the vocabulary loads from %s", datadir())) {
        printf("# %s:%ld: %s\n", err.file, err.line, err.message);
        return tap_done();
    }
    static table tcvn3, vni, viscii, vn1;
    ok(load_tsv("tcvn3.tsv", &tcvn3) && load_tsv("vni.tsv", &vni) &&
       load_tsv("viscii.tsv", &viscii) && load_tsv("vn1.tsv", &vn1),
       "test encoders read the tables");

    test_names();
    test_basic(cs);
    test_sentence(cs, "windows-1258", NULL);
    test_sentence(cs, "TCVN3", &tcvn3);
    test_sentence(cs, "VNI", &vni);
    test_sentence(cs, "VISCII", &viscii);
    test_sentence(cs, "TCVN5712-1", &vn1);
    test_vn1(cs, &vn1, &tcvn3);
    const char *files[] = { "khanhhoa.txt", "thanhhoa.txt" };
    for (int i = 0; i < 2; i++) {
        test_corpus(cs, files[i], "windows-1258", NULL);
        test_corpus(cs, files[i], "TCVN3", &tcvn3);
        test_corpus(cs, files[i], "VNI", &vni);
        test_corpus(cs, files[i], "VISCII", &viscii);
        test_corpus(cs, files[i], "TCVN5712-1", &vn1);
    }
    test_data_errors();
    vp_charsets_free(cs);
    vp_vocab_free(vocab);
    return tap_done();
}
