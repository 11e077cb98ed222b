/* test_header.c — the administrative header of Nghị định 30/2020 in the
 * renderings offices, websites and converters give it: rules under the
 * issuer and the motto, the two-column header flattened into pipe cells or
 * laid side by side, cells cut over lines, damaged numbers and dates, the
 * kind heading cut or in any case, the subject over several lines, the
 * signature.  Every fixture is written for this test; each reproduces one
 * layout. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "vnplan.h"

static vnplan_options *opts;

static vnplan_plan *parse(const char *text)
{
    vnplan_error err;
    vnplan_plan *p = vnplan_parse_bytes(text, strlen(text), "fixture.txt", opts, &err);
    if (!p)
        printf("# parse: %s\n", err.message);
    return p;
}

static const char *field(const vnplan_plan *p, vnplan_field f)
{
    return vnplan_document_field(vnplan_plan_document(p, 0), f);
}

static int has_warning(const vnplan_plan *p, const char *code)
{
    for (size_t i = 0; i < vnplan_plan_warning_count(p); i++) {
        const char *c;
        vnplan_plan_warning(p, i, &c, NULL);
        if (strcmp(c, code) == 0)
            return 1;
    }
    return 0;
}

/* The body every fixture ends with: one section, so the header's end is
 * plain to see. */
#define BODY \
    "Căn cứ Luật về tổ chức chính quyền ở địa phương (bản sửa đổi năm 2025);\n" \
    "\n" \
    "I. MỤC ĐÍCH, YÊU CẦU\n" \
    "\n" \
    "1. Mục đích\n" \
    "\n" \
    "Bảo đảm triển khai đồng bộ, hiệu quả.\n"

/* Checks number, date, place, kind, province and the first section of
 * the single document of `text`; `title` may be NULL (not checked). */
static void header_is(const char *name, const char *text, const char *number,
                      const char *date, const char *place, const char *kind,
                      const char *title)
{
    vnplan_plan *p = parse(text);
    if (!ok(p && vnplan_plan_document_count(p) == 1, "%s: one document", name)) {
        vnplan_plan_free(p);
        return;
    }
    is_str(field(p, VNPLAN_FIELD_NUMBER), number, "%s: number", name);
    is_str(field(p, VNPLAN_FIELD_DATE), date, "%s: date", name);
    is_str(field(p, VNPLAN_FIELD_PLACE), place, "%s: place", name);
    is_str(field(p, VNPLAN_FIELD_KIND), kind, "%s: kind", name);
    if (title)
        is_str(field(p, VNPLAN_FIELD_TITLE), title, "%s: title", name);
    const vnplan_section *s =
        vnplan_section_first_child(vnplan_document_root(vnplan_plan_document(p, 0)));
    is_str(s ? vnplan_section_path(s) : NULL, "I", "%s: the body starts at section I", name);
    vnplan_plan_free(p);
}

static void test_rules(void)
{
    header_is("rules of dashes, underscores and asterisks",
              "ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n-------\n\n"
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "________________\n\n"
              "Số: 214/KH-UBND\n\nAn Hòa, ngày 16 tháng 3 năm 2026\n\n*****\n\n"
              "KẾ HOẠCH\nPhát triển du lịch cộng đồng năm 2026\n\n" BODY,
              "214/KH-UBND", "2026-03-16", "An Hòa", "KH",
              "KẾ HOẠCH Phát triển du lịch cộng đồng năm 2026");
}

static void test_pipes(void)
{
    /* Two-column cells ending in " |" and lone "|" between rows. */
    header_is("pipe cells",
              "ỦY BAN NHÂN DÂN TỈNH AN HÒA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
              "Số: 88/KH-UBND | An Hòa, ngày 2 tháng 11 năm 2025 |\n"
              "KẾ HOẠCH\nTổ chức Ngày hội văn hóa các dân tộc\n\n" BODY,
              "88/KH-UBND", "2025-11-02", "An Hòa", "KH", NULL);
    /* Each cell on lines of its own, cut mid-word-group, lone pipes. */
    header_is("cells cut over lines",
              "|\nỦY BAN NHÂN\nDÂN\nTỈNH AN HÒA\n-------\n|\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố:\n1782/QĐ-UBND\n|\n"
              "An\nHòa, ngày 5 tháng 3\nnăm 2024\n|\nKẾ\nHOẠCH\n"
              "THỰC HIỆN CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ TRÊN ĐỊA\nBÀN TỈNH AN HÒA NĂM 2024\n" BODY,
              "1782/QĐ-UBND", "2024-03-05", "An Hòa", "QĐ",
              "KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ TRÊN ĐỊA BÀN TỈNH AN HÒA NĂM 2024");
    vnplan_plan *p = parse("|\nỦY BAN NHÂN\nDÂN\nTỈNH AN HÒA\n-------\n|\nCỘNG\n"
                           "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 9/KH-UBND\n|\n"
                           "An Hòa, ngày 5 tháng 3 năm 2024\n|\nKẾ HOẠCH\nVề việc thử\n\n" BODY);
    is_str(p ? field(p, VNPLAN_FIELD_ISSUER) : NULL, "UBND tỉnh An Hòa",
           "a word cut from the issuer joins its line; the motto's cut word does not");
    is_str(p ? field(p, VNPLAN_FIELD_PROVINCE) : NULL, "An Hòa", "province from the issuer");
    vnplan_plan_free(p);
}

static void test_side_by_side(void)
{
    /* pdftotext -layout: the two columns on one line, apart by spaces. */
    header_is("columns side by side",
              "UỶ BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              " TỈNH AN HÒA                              Độc lập - Tự do - Hạnh phúc\n"
              "\n"
              "Số: 45/KH-UBND                         An Hòa, ngày 20 tháng 4 năm 2023\n"
              "\n"
              "KẾ HOẠCH\nPhòng, chống thiên tai năm 2023\n\n" BODY,
              "45/KH-UBND", "2023-04-20", "An Hòa", "KH", NULL);
}

static void test_run_together(void)
{
    /* A website that ran the whole header into a few lines, cut anywhere,
     * with the rules left inline. */
    header_is("header run into lines cut anywhere",
              "ỦY\n  BAN NHÂN DÂN TỈNH AN HÒA ------- CỘNG\n"
              "  HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------- Số:\n"
              "  07/KH-UBND An\n  Hòa, ngày 06 tháng 01 năm 2020 KẾ HOẠCH BẢO ĐẢM AN TOÀN GIAO THÔNG\n"
              "\n" BODY,
              "07/KH-UBND", "2020-01-06", "An Hòa", "KH",
              "KẾ HOẠCH BẢO ĐẢM AN TOÀN GIAO THÔNG");
    vnplan_plan *p = parse("ỦY\n  BAN NHÂN DÂN TỈNH AN HÒA ------- CỘNG\n"
                           "  HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM --------------- Số: 8/KH-UBND\n"
                           "An Hòa, ngày 6 tháng 1 năm 2020\n\n" BODY);
    is_str(p ? field(p, VNPLAN_FIELD_ISSUER) : NULL, "UBND tỉnh An Hòa",
           "run together: the issuer, without the motto's first word");
    vnplan_plan_free(p);
}

static void test_numbers_and_dates(void)
{
    vnplan_plan *p = parse("ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n\nSố: 1961/QĐUBND\n\n"
                           "An Hòa, ngày 3 tháng 8 năm 20 21\n\nQUYẾT ĐỊNH\n"
                           "Về việc ban hành Kế hoạch\n\n" BODY);
    is_str(p ? field(p, VNPLAN_FIELD_NUMBER) : NULL, "1961/QĐ-UBND",
           "a hyphen lost in PDF text is restored");
    is_str(p ? field(p, VNPLAN_FIELD_NUMBER_RAW) : NULL, "1961/QĐUBND",
           "... and the printed form kept");
    ok(p && has_warning(p, "number-repaired"), "... with a warning");
    is_str(p ? field(p, VNPLAN_FIELD_DATE) : NULL, "2021-08-03", "a year cut by a space");
    vnplan_plan_free(p);

    p = parse("ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n\nSố: 12/KH-UBND\n\n"
              "An Hòa, ngày 30 tháng 2 năm 2022\n\nKẾ HOẠCH\nThử\n\n" BODY);
    ok(p && field(p, VNPLAN_FIELD_DATE) == NULL, "an impossible date is not guessed");
    ok(p && has_warning(p, "impossible-date"), "... but reported");
    is_str(p ? field(p, VNPLAN_FIELD_PLACE) : NULL, "An Hòa", "... the place is kept");
    vnplan_plan_free(p);

    static const struct {
        const char *printed, *number, *kind;
    } numbers[] = {
        {"Số: 120/2003/QĐ-UB", "120/2003/QĐ-UB", "QĐ"},
        {"Số: 15/2020/NQ-HĐND", "15/2020/NQ-HĐND", "NQ"},
        {"Số: 164-KH/TU", "164-KH/TU", "KH"},
        {"Số: 37 - CT/TW", "37-CT/TW", "CT"},
        {"Số: 2510/VPCP-QHQT", "2510/VPCP-QHQT", "CV"},
        {"Số: 7308/KH-BNN-TCLN", "7308/KH-BNN-TCLN", "KH"},
        {"Số:  12127 /KH-UBND", "12127/KH-UBND", "KH"},
    };
    for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n\n%s\n\nAn Hòa, ngày 1 tháng 6 năm 2021\n\n"
                 "%s", numbers[i].printed, BODY);
        p = parse(text);
        is_str(p ? field(p, VNPLAN_FIELD_NUMBER) : NULL, numbers[i].number, "number %s",
               numbers[i].printed);
        is_str(p ? field(p, VNPLAN_FIELD_KIND) : NULL, numbers[i].kind, "... kind %s",
               numbers[i].kind);
        vnplan_plan_free(p);
    }
}

static void test_kind_and_title(void)
{
    header_is("kind heading in sentence case, title in Markdown bold",
              "ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n\nSố: 77/KH-UBND\n\n"
              "An Hòa, ngày 9 tháng 9 năm 2024\n\nKế hoạch\n\n"
              "**Triển khai Đề án 06 năm 2024**\n\n" BODY,
              "77/KH-UBND", "2024-09-09", "An Hòa", "KH",
              "Kế hoạch Triển khai Đề án 06 năm 2024");
    header_is("KẾ HOẠCH HÀNH ĐỘNG, subject over three lines",
              "ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n\nSố: 78/KH-UBND\n\n"
              "An Hòa, ngày 9 tháng 9 năm 2024\n\nKẾ HOẠCH HÀNH ĐỘNG\n"
              "THỰC HIỆN NGHỊ QUYẾT CỦA TỈNH ỦY\nVỀ PHÁT TRIỂN NÔNG NGHIỆP\nGIAI ĐOẠN 2024 - 2030\n\n"
              BODY,
              "78/KH-UBND", "2024-09-09", "An Hòa", "KH",
              "KẾ HOẠCH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT CỦA TỈNH ỦY VỀ PHÁT TRIỂN NÔNG NGHIỆP "
              "GIAI ĐOẠN 2024 - 2030");
    header_is("a decision whose kind heading the export lost",
              "ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 301/QĐ-UBND |\n"
              "An Hòa, ngày 2 tháng 7 năm 2021 |\n"
              "BAN HÀNH KẾ HOẠCH THỰC HIỆN ĐỀ ÁN PHÁT TRIỂN VĂN HÓA ĐỌC\n"
              "ỦY BAN NHÂN DÂN TỈNH AN HÒA\n" BODY,
              "301/QĐ-UBND", "2021-07-02", "An Hòa", "QĐ",
              "BAN HÀNH KẾ HOẠCH THỰC HIỆN ĐỀ ÁN PHÁT TRIỂN VĂN HÓA ĐỌC");
    header_is("the subject of a công văn",
              "SỞ Y TẾ\n\nSố: 1884/SYT-VP\n\nV/v triển khai Kế hoạch số 12/KH-UBND\n\n"
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nAn Hòa, ngày 6 tháng 9 năm 2017\n\n" BODY,
              "1884/SYT-VP", "2017-09-06", "An Hòa", "CV",
              "V/v triển khai Kế hoạch số 12/KH-UBND");
}

static void test_signature(void)
{
    vnplan_plan *p = parse(
        "ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n\nSố: 5/KH-UBND\n\nAn Hòa, ngày 1 tháng 2 năm 2022\n\n"
        "KẾ HOẠCH\nThử chữ ký\n\n" BODY "\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\n"
        "Nguyễn Văn An\n");
    is_str(p ? field(p, VNPLAN_FIELD_SIGNER_NAME) : NULL, "Nguyễn Văn An",
           "the signer's name after blank lines");
    is_str(p ? field(p, VNPLAN_FIELD_SIGNER_POSITION) : NULL, "Phó Chủ tịch", "position");
    vnplan_plan_free(p);

    /* A numbered heading cut at its comma is no signature. */
    p = parse("ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n\nSố: 6/KH-UBND\n\nAn Hòa, ngày 1 tháng 2 năm 2022\n\n"
              "KẾ HOẠCH\nThử\n\nI. MỤC ĐÍCH,\nYÊU CẦU\n\n1. Mục đích\n\nBảo đảm hiệu quả.\n");
    ok(p && field(p, VNPLAN_FIELD_SIGNER_NAME) == NULL,
       "a heading cut at a comma is not taken for a signer");
    vnplan_plan_free(p);
}

static void test_web_and_pdf_text(void)
{
    /* Lines of a lone no-break space, a form feed between pages, pipes. */
    vnplan_plan *p = parse("ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n\xc2\xa0\n|\n"
                           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\xc2\xa0\n"
                           "Số: 31/KH-UBND\n\xc2\xa0\nAn Hòa, ngày 4 tháng 4 năm 2024\n\n"
                           "KẾ HOẠCH\nThử trang\n\n" BODY "\f\n2. Yêu cầu\n\nĐúng tiến độ.\n");
    is_str(p ? field(p, VNPLAN_FIELD_NUMBER) : NULL, "31/KH-UBND", "no-break-space lines: number");
    is_str(p ? field(p, VNPLAN_FIELD_DATE) : NULL, "2024-04-04", "no-break-space lines: date");
    const vnplan_document *d = p ? vnplan_plan_document(p, 0) : NULL;
    const vnplan_section *s1 = vnplan_section_first_child(vnplan_document_root(d));
    const vnplan_section *s2 = vnplan_section_next(vnplan_section_first_child(s1));
    is_str(s2 ? vnplan_section_path(s2) : NULL, "I.2", "a section after a form feed");
    vnplan_plan_free(p);

    /* The drafter's initials after the recipients are no signer. */
    p = parse("ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n\nSố: 32/KH-UBND\n\nAn Hòa, ngày 4 tháng 4 năm 2024\n\n"
              "KẾ HOẠCH\nThử\n\n" BODY "\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nLê Văn Bình\n\n"
              "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nNVT\n");
    is_str(p ? field(p, VNPLAN_FIELD_SIGNER_NAME) : NULL, "Lê Văn Bình",
           "the signer before Nơi nhận, not the drafter after it");
    int kept = 0;
    d = p ? vnplan_plan_document(p, 0) : NULL;
    for (size_t i = 0; d && i < vnplan_document_residue_count(d); i++)
        kept |= strcmp(vnplan_document_residue(d, i, NULL), "NVT") == 0;
    ok(kept, "the drafter's initials are kept as residue");
    vnplan_plan_free(p);
}

/* A number left blank, to be written by hand after signing or in a
 * template ("Số:        /QĐ-UBND", "Số: …/GM-…"): still a header, and the
 * symbol still gives the kind; a second such document after an appendix
 * is a document of its own. */
static void test_blank_numbers(void)
{
    vnplan_plan *p = parse("ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n\nSố:        /QĐ-UBND\n\n"
                           "An Hòa, ngày      tháng 8 năm 2022\n\nQUYẾT ĐỊNH\n"
                           "Về việc ban hành Kế hoạch\n\n" BODY);
    is_str(p ? field(p, VNPLAN_FIELD_KIND) : NULL, "QĐ", "a blank number: the kind of its symbol");
    vnplan_plan_free(p);
    p = parse("Phụ lục\nMẪU VĂN BẢN\n(Kèm theo Quyết định số 5/QĐ-UBND ngày 2/3/2022 của "
              "Ủy ban nhân dân tỉnh)\n\nI. Các mẫu\nMẫu giấy mời dưới đây.\nMẫu kế hoạch sau.\n"
              "Ghi chú chung.\n\nTÊN CƠ QUAN\n\nSố: …/GM-…\n\n…, ngày … tháng … năm …\n\n"
              "GIẤY MỜI\n\n………\n\nTên cơ quan trân trọng kính mời: ………\n\nTới dự: ………\n\n"
              "Thời gian: ………\n\nĐịa điểm: ………\n\nTrân trọng kính mời.\n\n"
              "TÊN CƠ QUAN\n\nSố: …/KH-…\n\n…, ngày … tháng … năm …\n\nKẾ HOẠCH\n\n………\n\n"
              "I. MỤC ĐÍCH\nNội dung.\nII. NHIỆM VỤ\n1. Nhiệm vụ một.\n");
    size_t n = p ? vnplan_plan_document_count(p) : 0;
    ok(n == 3, "an appendix, then two templates: three documents (%zu)", n);
    const char *k1 = n == 3 ? vnplan_document_field(vnplan_plan_document(p, 1),
                                                     VNPLAN_FIELD_KIND) : NULL;
    const char *k2 = n == 3 ? vnplan_document_field(vnplan_plan_document(p, 2),
                                                     VNPLAN_FIELD_KIND) : NULL;
    ok(k1 && k2 && strcmp(k1, "GM") == 0 && strcmp(k2, "KH") == 0,
       "the templates' kinds from their symbols (%s, %s)", k1 ? k1 : "-", k2 ? k2 : "-");
    vnplan_plan_free(p);
    /* a received-document stamp ("Số: ....") is no header */
    p = parse("ỦY BAN NHÂN DÂN\nTỈNH AN HÒA\n\nSố: 12/KH-UBND\n\n"
              "An Hòa, ngày 3 tháng 8 năm 2022\n\nKẾ HOẠCH\nThử\n\nĐẾN\nSố: ......\n"
              "Ngày: .....\n" BODY);
    ok(p && vnplan_plan_document_count(p) == 1, "a stamp's blank number starts nothing");
    vnplan_plan_free(p);
}

static void test_escaped_breaks(void)
{
    /* A legal-text site that stored the line breaks as "\r\n". */
    vnplan_plan *p = parse("ỦY BAN NHÂN DÂN | \\r\\n \\r\\n CỘNG\\r\\n HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                           "\\r\\n Số: 54/KH-UBND \\r\\n | \\r\\n An Hòa, ngày 27 tháng 3 năm 2020 \\r\\n |\n"
                           "\\r\\n\\r\\nThực hiện Quyết định số 1896/QĐ-TTg\\r\\nngày 25/12/2019.\n\n" BODY);
    is_str(p ? field(p, VNPLAN_FIELD_NUMBER) : NULL, "54/KH-UBND", "escaped breaks: number");
    is_str(p ? field(p, VNPLAN_FIELD_DATE) : NULL, "2020-03-27", "escaped breaks: date");
    ok(p && has_warning(p, "escaped-line-breaks"), "escaped breaks: reported");
    vnplan_plan_free(p);
}

int main(void)
{
    opts = vnplan_options_new();
    const char *dir = getenv("VNPLAN_DATADIR");
    if (dir && *dir)
        vnplan_options_set_datadir(opts, dir);
    vnplan_error err;
    if (!ok(vnplan_options_load(opts, &err) == VNPLAN_OK, "data loads"))
        printf("# %s\n", err.message);
    test_rules();
    test_pipes();
    test_side_by_side();
    test_run_together();
    test_numbers_and_dates();
    test_kind_and_title();
    test_signature();
    test_escaped_breaks();
    test_blank_numbers();
    test_web_and_pdf_text();
    vnplan_options_free(opts);
    return tap_done();
}
