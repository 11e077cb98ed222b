/* test_unicode.c — the Unicode helpers: validation, NFC, case, widths,
 * the one definition of space and dash, and the folded matching key. */
#include "config.h"
#include "core/unicode.h"
#include "vnplan.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

/* Folded key of a literal, kept in one of a few rotating buffers so that
 * several can appear in one check. */
static const char *key(const char *s, int flags, char out[][256], int *slot)
{
    char *k = vp_fold(s, strlen(s), flags, NULL);
    char *dst = out[(*slot)++ % 4];
    snprintf(dst, 256, "%s", k ? k : "(null)");
    free(k);
    return dst;
}

static void test_fold(void)
{
    char b[4][256];
    int n = 0;
#define K(s) key((s), VNPLAN_FOLD_DEFAULT, b, &n)
#define KD(s) key((s), VNPLAN_FOLD_DIACRITICS, b, &n)

    is_str(K("hòa"), K("hoà"), "tone placement: hòa = hoà");
    is_str(K("hòa"), K("HÒA"), "case: hòa = HÒA");
    is_str(K("Hoà"), K("HOÀ"), "case and placement: Hoà = HOÀ");
    is_str(K("thủy"), K("thuỷ"), "thủy = thuỷ");
    is_str(K("Khánh Hòa"), K("KHÁNH HOÀ"), "Khánh Hòa = KHÁNH HOÀ");
    is_str(K("hòa"), "hoa2", "the tone becomes one digit after the syllable");
    is_str(K("Quyết định"), "quyêt1 đinh5", "vowel-quality marks stay, tones move");
    is_str(K("ho\xcc\x80" "a"), K("hòa"), "NFD input folds like NFC");
    ok(strcmp(K("hoa"), K("hòa")) != 0, "hoa differs from hòa by default");
    ok(strcmp(K("hòa"), K("hóa")) != 0, "different tones stay different");
    ok(strcmp(K("hoa"), K("hơa")) != 0, "horn stays by default");
    is_str(KD("hoa"), KD("hòa"), "DIACRITICS: hoa = hòa");
    is_str(KD("Đà Nẵng"), "da nang", "DIACRITICS: Đà Nẵng → da nang");
    is_str(KD("thủy"), KD("THUỶ"), "DIACRITICS: thủy = THUỶ");
    is_str(K("ÐỀ ÁN"), K("Đề án"), "eth (from Windows-1252 text) = đ");

    is_str(K("Lao động - Thương binh"), K("Lao động – Thương binh"), "hyphen = en dash");
    is_str(K("Lao động - Thương binh"), K("Lao động -- Thương binh"), "hyphen = --");
    is_str(K("Lao động — Thương binh"), K("Lao động − Thương binh"), "em dash = minus");
    is_str(K("2021‐2025"), "2021-2025", "Unicode hyphen → -");
    is_str(K("“Nông thôn mới”"), K("\"nông thôn mới\""), "curly quotes → straight");
    is_str(K("‘a’"), "'a'", "single curly quotes → '");
    is_str(K("  Sở\t\tY\xc2\xa0tế \n"), K("Sở Y tế"), "white space runs, NBSP, trimmed");
    is_str(K(""), "", "empty string folds to empty");
    is_str(K("   "), "", "blank string folds to empty");
    is_str(K("phát\xc2\xadtriển"), K("pháttriển"), "soft hyphen ignored");

    char *v = vnplan_fold("HÒA", strlen("HÒA"), VNPLAN_FOLD_DEFAULT);
    char *w = vp_fold("hoà", strlen("hoà"), 0, NULL);
    ok(v && w && strcmp(v, w) == 0, "vnplan_fold is vp_fold");
    free(v);
    free(w);
    ok(vnplan_fold("a\xff", 2, 0) == NULL, "fold rejects invalid UTF-8");
    size_t len = 99;
    char *z = vp_fold("Hòa", strlen("Hòa"), 0, &len);
    is_int(len, strlen("hoa2"), "out_len is the key length");
    free(z);
#undef K
#undef KD
}

static void test_utf8(void)
{
    is_int(vp_utf8_invalid_offset("abc", 3), -1, "ASCII is valid");
    is_int(vp_utf8_invalid_offset("Hòa", strlen("Hòa")), -1, "Vietnamese is valid");
    is_int(vp_utf8_invalid_offset("ab\xffz", 4), 2, "stray 0xFF at 2");
    is_int(vp_utf8_invalid_offset("Hò\xc3", 4), 3, "truncated sequence at its start");
    is_int(vp_utf8_invalid_offset("a\xc0\xaf", 3), 1, "overlong form rejected");
    is_int(vp_utf8_invalid_offset("a\xed\xa0\x80", 4), 1, "surrogate rejected");

    int32_t cp = 0;
    is_int(vp_utf8_decode("ệ", 3, &cp), 3, "ệ is 3 bytes");
    is_int(cp, 0x1EC7, "ệ is U+1EC7");
    char enc[4];
    is_int(vp_utf8_encode(0x0111, enc), 2, "đ encodes to 2 bytes");
    ok(memcmp(enc, "đ", 2) == 0, "đ encodes right");
}

static void test_nfc(void)
{
    size_t n = 0;
    /* "Thực hiện" fully decomposed: u + horn + dot below, e + circumflex + dot */
    const char *nfd = "Thu\xcc\x9b\xcc\xa3" "c hie\xcc\x82\xcc\xa3n";
    char *s = vp_nfc(nfd, strlen(nfd), &n);
    is_str(s, "Thực hiện", "NFD → NFC");
    is_int(n, strlen("Thực hiện"), "NFC length");
    free(s);
    s = vp_nfc("ascii only", 10, &n);
    is_str(s, "ascii only", "ASCII unchanged");
    free(s);
    s = vp_nfc("a\0b", 3, &n);
    ok(s && n == 3 && s[1] == '\0' && s[2] == 'b', "embedded NUL kept");
    free(s);
    ok(vp_nfc("\xff", 1, &n) == NULL, "invalid UTF-8 gives NULL");
}

static void test_case(void)
{
    ok(vp_is_letter('a') && vp_is_letter(0x1EC7) && !vp_is_letter('1'), "letters");
    ok(vp_is_upper(0x0110) && !vp_is_upper(0x0111), "Đ is upper, đ is not");
    is_int(vp_to_upper(0x1EC7), 0x1EC6, "ệ → Ệ");
    is_int(vp_to_lower(0x0110), 0x0111, "Đ → đ");
    is_int(vp_first_letter_case("**Ủy ban", strlen("**Ủy ban")), 1, "first letter upper");
    is_int(vp_first_letter_case("1. ủy ban", strlen("1. ủy ban")), -1, "first letter lower");
    is_int(vp_first_letter_case("2021 - ", 7), 0, "no letter");
    ok(vp_is_all_caps("KẾ HOẠCH 2021", strlen("KẾ HOẠCH 2021")), "all caps");
    ok(!vp_is_all_caps("Kế hoạch", strlen("Kế hoạch")), "not all caps");
    ok(!vp_is_all_caps("2021", 4), "digits are not caps");

    char *s = vp_lower("KẾ HOẠCH", strlen("KẾ HOẠCH"));
    is_str(s, "kế hoạch", "lower");
    free(s);
    s = vp_sentence_case("PHÓ CHỦ TỊCH", strlen("PHÓ CHỦ TỊCH"));
    is_str(s, "Phó chủ tịch", "sentence case");
    free(s);
    s = vp_sentence_case("**ỦY BAN", strlen("**ỦY BAN"));
    is_str(s, "**Ủy ban", "sentence case skips markup");
    free(s);
    s = vp_title_case("KHÁNH HÒA", strlen("KHÁNH HÒA"));
    is_str(s, "Khánh Hòa", "title case");
    free(s);
    s = vp_title_case("bà rịa-vũng tàu", strlen("bà rịa-vũng tàu"));
    is_str(s, "Bà Rịa-Vũng Tàu", "title case after a hyphen");
    free(s);
}

static void test_columns_versions(void)
{
    is_int(vp_columns("Hòa", strlen("Hòa")), 3, "Hòa is 3 columns");
    is_int(vp_columns("ho\xcc\x80" "a", 5), 3, "combining mark takes no column");
    is_int(vp_columns("中文", strlen("中文")), 4, "wide characters take 2");
    const char *icu = vp_icu_version(), *u8p = vp_utf8proc_version();
    ok(icu && strchr(icu, '.') && icu[0] >= '1' && icu[0] <= '9', "ICU version %s", icu);
    ok(u8p && strchr(u8p, '.'), "utf8proc version %s", u8p);
}

/* Every stage asks these, so that "space" and "dash" mean one thing. */
static void test_space_dash(void)
{
    ok(vp_is_space(' ') && vp_is_space('\t') && vp_is_space(0xA0) && vp_is_space(0x2003) &&
       vp_is_space(0x3000), "spaces: Zs and tab");
    ok(!vp_is_space('\n') && !vp_is_space(0x2028) && !vp_is_space('a') && !vp_is_space(0x200B),
       "a line break, a letter, a zero-width space are no space");
    ok(vp_is_line_break('\n') && vp_is_line_break('\r') && vp_is_line_break(0x85) &&
       vp_is_line_break(0x2028) && vp_is_line_break(0x2029), "line breaks");
    ok(vp_is_white('\n') && vp_is_white(0xA0) && !vp_is_white('-'), "white space is either");
    ok(vp_is_dash('-') && vp_is_dash(0x2010) && vp_is_dash(0x2013) && vp_is_dash(0x2014) &&
       vp_is_dash(0x2212) && vp_is_dash(0xFF0D), "dashes: Pd and the minus sign");
    ok(!vp_is_dash('+') && !vp_is_dash('_') && !vp_is_dash(0x00AD), "no dash: + _ soft hyphen");
    static const char s[] = "a\xC2\xA0" "b\xE2\x80\x83" "c\n";
    is_int(vp_white_at(s, sizeof s - 1, 1, 0), 2, "NBSP: two bytes of space");
    is_int(vp_white_at(s, sizeof s - 1, 2, 0), 0, "inside a character: none");
    is_int(vp_white_at(s, sizeof s - 1, 4, 0), 3, "em space: three bytes");
    is_int(vp_white_at(s, sizeof s - 1, 8, 0), 0, "a line break is no space...");
    is_int(vp_white_at(s, sizeof s - 1, 8, 1), 1, "...but white space");
}

int main(void)
{
    test_space_dash();
    test_fold();
    test_utf8();
    test_nfc();
    test_case();
    test_columns_versions();
    return tap_done();
}
