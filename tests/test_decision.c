/* test_decision.c — a decision and the document it issues, and the named
 * divisions of legal texts (Phần, Chương, Mục, Điều), through the public
 * API, on texts written for this test in the layouts real files use. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "walk.h"
#include "vnplan.h"

static vnplan_options *opts;

static vnplan_plan *parse(const char *text, const char *name)
{
    vnplan_error err;
    vnplan_plan *p = vnplan_parse_bytes(text, strlen(text), name, opts, &err);
    if (!p)
        printf("# %s: %s\n", name, err.message);
    return p;
}

static const char *field(const vnplan_document *d, vnplan_field f)
{
    return vnplan_document_field(d, f);
}

/* "Điều 1 Điều 2 Điều 3" — the numbers of the top-level sections, or with
 * `kids` each followed by ":" and its child count. */
static void outline(const vnplan_section *parent, int kids, char *out, size_t cap)
{
    out[0] = '\0';
    for (const vnplan_section *s = vnplan_section_first_child(parent); s;
         s = vnplan_section_next(s)) {
        int n = 0;
        for (const vnplan_section *c = vnplan_section_first_child(s); c; c = vnplan_section_next(c))
            n++;
        size_t len = strlen(out);
        if (kids)
            snprintf(out + len, cap - len, "%s%s:%d", len ? " " : "", vnplan_section_number(s), n);
        else
            snprintf(out + len, cap - len, "%s%s", len ? " " : "", vnplan_section_number(s));
    }
}


/* Does any paragraph placed directly in s start with `prefix`? */
static int has_para(const vnplan_section *s, const char *prefix)
{
    for (size_t i = 0; i < vnplan_section_para_count(s); i++) {
        vnplan_para_kind kind;
        const char *label;
        long line;
        const char *t = vnplan_section_para(s, i, &kind, &label, &line);
        if (t && strncmp(t, prefix, strlen(prefix)) == 0)
            return 1;
    }
    return 0;
}

/* A decision issuing a plan, every line a paragraph of its own (blank
 * lines between), "Nơi nhận" before the signature, and the plan after it
 * with "(Kèm theo ...)" under its title and no number line. */
static const char decision_with_plan[] =
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n-------\n\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n\n"
    "Số: 123/QĐ-UBND\n\n"
    "Bình An, ngày 15 tháng 3 năm 2024\n\n"
    "QUYẾT ĐỊNH\n\n"
    "Ban hành Kế hoạch chăm sóc người cao tuổi trên địa bàn tỉnh Bình An năm 2024\n\n"
    "ỦY BAN NHÂN DÂN TỈNH BÌNH AN\n\n"
    "Căn cứ Luật về tổ chức chính quyền ở địa phương (bản sửa đổi năm 2025);\n\n"
    "Căn cứ Luật Người cao tuổi ngày 23 tháng 11 năm 2009;\n\n"
    "Xét tờ trình của Sở Nội vụ tỉnh An Hòa.\n\n"
    "QUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành theo Quyết định này Kế hoạch chăm sóc người cao tuổi trên địa bàn "
    "tỉnh Bình An năm 2024.\n\n"
    "Điều 2. Quyết định có hiệu lực từ ngày ban hành.\n\n"
    "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ban, ngành, Chủ tịch Ủy "
    "ban nhân dân các huyện thực hiện Quyết định./.\n\n"
    "Nơi nhận:\n- Như Điều 3;\n- Bộ Lao động - Thương binh và Xã hội;\n- Lưu: VT, KGVX.\n\n"
    "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn Minh\n\n"
    "KẾ HOẠCH\n\n"
    "Chăm sóc người cao tuổi trên địa bàn tỉnh Bình An năm 2024\n\n"
    "(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/3/2024 của Ủy ban nhân dân tỉnh Bình An)\n\n"
    "I. MỤC ĐÍCH,\nYÊU CẦU\n\n"
    "1. Mục đích\n\n"
    "Nâng cao chất lượng chăm sóc sức khỏe ban đầu cho người cao tuổi tại cộng đồng.\n\n"
    "2. Yêu cầu\n\n"
    "Các sở, ngành, địa phương triển khai đồng bộ các nhiệm vụ được giao.\n\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
    "1. Sở Y tế chủ trì tổ chức khám sức khỏe định kỳ cho người cao tuổi.\n\n"
    "2. Sở Lao động - Thương binh và Xã hội rà soát danh sách người cao tuổi cô đơn.\n\n"
    "III. TỔ CHỨC THỰC HIỆN\n\n"
    "Sở Lao động - Thương binh và Xã hội theo dõi, tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n\n"
    "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn Minh\n";

static void decision_issuing_a_plan(void)
{
    vnplan_plan *p = parse(decision_with_plan, "decision");
    ok(p != NULL, "decision with plan parses");
    if (!p)
        return;
    is_int(vnplan_plan_document_count(p), 2, "decision + plan: two documents");
    const vnplan_document *d = vnplan_plan_document(p, 0);
    is_str(field(d, VNPLAN_FIELD_KIND), "QĐ", "decision: kind");
    is_str(field(d, VNPLAN_FIELD_NUMBER), "123/QĐ-UBND", "decision: number");
    is_str(field(d, VNPLAN_FIELD_ATTACHED_TO), NULL, "decision: attached to nothing");
    char buf[256];
    outline(vnplan_document_root(d), 0, buf, sizeof buf);
    is_str(buf, "Điều 1 Điều 2 Điều 3", "decision: its articles are its sections");
    const vnplan_section *s = find(d, "Điều 2");
    is_str(vnplan_section_heading(s), "Quyết định có hiệu lực từ ngày ban hành.",
           "decision: article text after its number");
    is_int(vnplan_section_level(s), 1, "decision: articles at the top level");
    ok(has_para(vnplan_document_root(d), "QUYẾT ĐỊNH:"),
       "decision: the enacting words are a paragraph of the body, not a document");

    d = vnplan_plan_document(p, 1);
    is_str(field(d, VNPLAN_FIELD_KIND), "KH", "plan: kind from its heading");
    is_str(field(d, VNPLAN_FIELD_ATTACHED_TO), "123/QĐ-UBND", "plan: attached to the decision");
    is_str(field(d, VNPLAN_FIELD_NUMBER), "123/QĐ-UBND", "plan: the decision's number");
    is_str(field(d, VNPLAN_FIELD_DATE), "2024-03-15", "plan: date from the Kèm theo line");
    is_str(field(d, VNPLAN_FIELD_PROVINCE), "Bình An", "plan: province of its decision");
    ok(vnplan_document_line(d) > 40, "plan: starts at its heading, after the signature");
    ok(!has_para(vnplan_document_root(d), "(Kèm theo"),
       "plan: the Kèm theo line is header, not preamble");
    outline(vnplan_document_root(d), 1, buf, sizeof buf);
    is_str(buf, "I:2 II:2 III:0", "plan: roman sections");
    is_str(vnplan_section_heading(find(d, "I")), "MỤC ĐÍCH, YÊU CẦU",
           "plan: heading in capitals cut over two lines joined");
    ok(find(d, "II.2") != NULL, "plan: II.2");
    vnplan_plan_free(p);
}

/* A decision issuing a regulation in chapters, sections and articles; the
 * signature before "Nơi nhận", the Kèm theo line cut before its date. */
static const char decision_with_rules[] =
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n-------\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
    "Số: 07/2024/QĐ-UBND\n"
    "Bình An, ngày 10 tháng 5 năm 2024\n"
    "QUYẾT ĐỊNH\n"
    "Ban hành Quy chế phối hợp quản lý người lao động nước ngoài\n"
    "\n"
    "Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;\n"
    "Xét tờ trình của Sở Nội vụ tỉnh An Hòa.\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành theo Quyết định này Quy chế phối hợp quản lý người lao động nước "
    "ngoài trên địa bàn tỉnh.\n"
    "Điều 2. Quyết định này có hiệu lực từ ngày 20 tháng 5 năm 2024.\n"
    "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh và Thủ trưởng các cơ quan có liên quan "
    "thực hiện Quyết định./.\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Hải\n"
    "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, KGVX.\n"
    "QUY CHẾ\n"
    "Phối hợp quản lý người lao động nước ngoài trên địa bàn tỉnh Bình An\n"
    "(Ban hành kèm theo Quyết định số 07/2024/QĐ-UBND ngày\n"
    "10/5/2024 của Ủy ban nhân dân tỉnh Bình An)\n"
    "\n"
    "Chương I\n"
    "QUY ĐỊNH CHUNG\n"
    "Điều 1. Phạm vi điều chỉnh\n"
    "Quy chế này quy định việc phối hợp giữa các cơ quan trong quản lý người lao động.\n"
    "Điều 2. Đối tượng áp dụng\n"
    "1. Các sở, ban, ngành cấp tỉnh.\n"
    "2. Ủy ban nhân dân cấp huyện.\n"
    "CHƯƠNG II\n"
    "NỘI DUNG PHỐI HỢP\n"
    "Mục 1. CẤP GIẤY PHÉP LAO ĐỘNG\n"
    "Điều 3. Trình tự phối hợp\n"
    "Sở Lao động - Thương binh và Xã hội tiếp nhận hồ sơ.\n"
    "Điều 4.\n"
    "Công an tỉnh cung cấp thông tin về người lao động nước ngoài.\n"
    "Mục 2. KIỂM TRA, GIÁM SÁT\n"
    "Điều 5 . Kiểm tra định kỳ\n"
    "Kiểm tra hằng năm tại doanh nghiệp theo quy định tại Điều 5 Luật Thanh tra.\n"
    "Chương III\n"
    "ĐIỀU KHOẢN THI HÀNH\n"
    "Điều 6: Tổ chức thực hiện\n"
    "Giám đốc các sở chịu trách nhiệm thực hiện Quy chế này./.\n";

static void decision_issuing_rules(void)
{
    vnplan_plan *p = parse(decision_with_rules, "rules");
    ok(p != NULL, "decision with regulation parses");
    if (!p)
        return;
    is_int(vnplan_plan_document_count(p), 2,
           "decision + regulation: two documents (QUY ĐỊNH CHUNG under Chương I is a heading)");
    const vnplan_document *d = vnplan_plan_document(p, 1);
    is_str(field(d, VNPLAN_FIELD_KIND), "QC", "regulation: kind");
    is_str(field(d, VNPLAN_FIELD_ATTACHED_TO), "07/2024/QĐ-UBND", "regulation: attached to");
    is_str(field(d, VNPLAN_FIELD_DATE), "2024-05-10", "regulation: date on the line after");
    char buf[256];
    outline(vnplan_document_root(d), 1, buf, sizeof buf);
    is_str(buf, "Chương I:2 CHƯƠNG II:2 Chương III:1", "regulation: chapters and their children");
    const vnplan_section *s = find(d, "Chương I");
    is_str(vnplan_section_heading(s), "QUY ĐỊNH CHUNG", "chapter: heading on the next line");
    s = find(d, "CHƯƠNG II.Mục 1.Điều 3");
    ok(s != NULL, "article in a section in a chapter");
    is_int(vnplan_section_level(s), 3, "article: level 3 under Chương and Mục");
    is_str(vnplan_section_heading(s), "Trình tự phối hợp", "article: heading");
    s = find(d, "CHƯƠNG II.Mục 1.Điều 4");
    is_str(vnplan_section_heading(s),
           "Công an tỉnh cung cấp thông tin về người lao động nước ngoài.",
           "article alone on its line: the next line is its text");
    s = find(d, "CHƯƠNG II.Mục 2.Điều 5");
    is_str(vnplan_section_heading(s), "Kiểm tra định kỳ", "'Điều 5 . Kiểm tra': spaced dot");
    ok(has_para(s, "Kiểm tra hằng năm"), "'... tại Điều 5 Luật' stays in its paragraph");
    ok(find(d, "Chương I.Điều 2.2") != NULL, "clauses 1., 2. under an article");
    is_str(vnplan_section_heading(find(d, "Chương III.Điều 6")), "Tổ chức thực hiện",
           "'Điều 6:' with a colon");
    vnplan_plan_free(p);
}

/* A plan in parts: "Phần I" and its heading on one line, "PHẦN II." with
 * its heading in capitals on the lines below, "Phần III" with a heading in
 * ordinary case; roman numerals inside the parts. */
static const char plan_in_parts[] =
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n-------\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
    "Số: 45/KH-UBND\n"
    "Bình An, ngày 02 tháng 4 năm 2024\n"
    "KẾ HOẠCH\n"
    "Tiếp tục phổ biến pháp luật cho người lao động giai đoạn 2024-2026\n"
    "\n"
    "Thực hiện Quyết định số 31/QĐ-TTg ngày 24/02/2021 của Thủ tướng Chính phủ, Ủy ban nhân "
    "dân tỉnh xây dựng Kế hoạch như sau:\n"
    "Phần I TÌNH HÌNH CHUNG VÀ KẾT QUẢ GIAI ĐOẠN TRƯỚC\n"
    "I. TÌNH HÌNH CHUNG\n"
    "Toàn tỉnh có 1.835 doanh nghiệp đang hoạt động.\n"
    "II. KẾT QUẢ THỰC HIỆN\n"
    "1. Những kết quả đạt được\n"
    "Đã tổ chức 120 hội nghị phổ biến pháp luật.\n"
    "2. Hạn chế\n"
    "Phần II của Kế hoạch giai đoạn trước chưa được thực hiện đầy đủ.\n"
    "PHẦN II.\n"
    "KẾ HOẠCH THỰC HIỆN\n"
    "GIAI ĐOẠN 2024-2026\n"
    "I. MỤC TIÊU\n"
    "A. MỤC TIÊU CHUNG\n"
    "Nâng cao hiểu biết pháp luật của người lao động.\n"
    "II. NHIỆM VỤ\n"
    "1. Sở Tư pháp chủ trì biên soạn tài liệu phổ biến pháp luật.\n"
    "2. Liên đoàn Lao động tỉnh tổ chức đối thoại tại doanh nghiệp.\n"
    "Phần III\n"
    "Tổ chức thực hiện\n"
    "Sở Tư pháp theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n"
    "Nơi nhận:\n- Bộ Tư pháp;\n- Lưu: VT.\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Hải\n";

static void plan_with_parts(void)
{
    vnplan_plan *p = parse(plan_in_parts, "parts");
    ok(p != NULL, "plan in parts parses");
    if (!p)
        return;
    is_int(vnplan_plan_document_count(p), 1, "plan in parts: one document");
    const vnplan_document *d = vnplan_plan_document(p, 0);
    char buf[256];
    outline(vnplan_document_root(d), 1, buf, sizeof buf);
    is_str(buf, "Phần I:2 PHẦN II:2 Phần III:0", "parts at the top, roman numerals inside");
    const vnplan_section *s = find(d, "Phần I");
    is_str(vnplan_section_heading(s), "TÌNH HÌNH CHUNG VÀ KẾT QUẢ GIAI ĐOẠN TRƯỚC",
           "'Phần I TÌNH HÌNH ...' on one line");
    s = find(d, "PHẦN II");
    is_str(vnplan_section_heading(s), "KẾ HOẠCH THỰC HIỆN GIAI ĐOẠN 2024-2026",
           "'PHẦN II.' alone: its heading from the lines below");
    is_str(vnplan_section_heading(find(d, "Phần III")), "Tổ chức thực hiện",
           "'Phần III' alone, heading in ordinary case");
    is_str(vnplan_section_heading(find(d, "PHẦN II.I")), "MỤC TIÊU",
           "a heading in capitals takes no line that begins 'A.'");
    s = find(d, "Phần I.II.2");
    ok(s != NULL, "path through part, roman and arabic: Phần I.II.2");
    is_int(vnplan_section_level(s), 3, "Phần I.II.2 at level 3");
    ok(has_para(s, "Phần II của Kế hoạch"), "'Phần II của ...' in prose is a paragraph");
    is_int(vnplan_section_level(find(d, "PHẦN II.II.1")), 3, "PHẦN II.II.1 at level 3");
    /* The task part inside a part is still found. */
    size_t ntasks = vnplan_document_task_count(d, VNPLAN_TASKS);
    ok(ntasks > 0, "tasks under 'PHẦN II' are read (%zu)", ntasks);
    vnplan_plan_free(p);
}

/* A plan heading straight after a decision's signature, no Kèm theo line
 * (the export lost it); and a decision without a signature whose plan has
 * one. */
static void attached_without_line_or_signature(void)
{
    static const char no_line[] =
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 88/QĐ-UBND\nBình An, ngày 01 tháng 6 năm 2024\n"
        "QUYẾT ĐỊNH\nBan hành Kế hoạch phòng, chống thiên tai năm 2024\n\n"
        "Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;\n"
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2024.\n"
        "Điều 2. Quyết định có hiệu lực từ ngày ban hành./.\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Hải\n"
        "KẾ HOẠCH\nPhòng, chống thiên tai năm 2024\n\n"
        "I. MỤC ĐÍCH\nGiảm thiệt hại do thiên tai gây ra.\n";
    vnplan_plan *p = parse(no_line, "no-line");
    if (p) {
        is_int(vnplan_plan_document_count(p), 2, "a kind heading after a signature: two documents");
        const vnplan_document *d = vnplan_plan_document(p, 1);
        is_str(field(d, VNPLAN_FIELD_KIND), "KH", "second: a plan");
        is_str(field(d, VNPLAN_FIELD_ATTACHED_TO), NULL, "second: attached to nothing it names");
        is_str(field(d, VNPLAN_FIELD_NUMBER), NULL, "second: no number of its own");
        vnplan_plan_free(p);
    }
    static const char no_signature[] =
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 89/QĐ-UBND\nBình An, ngày 02 tháng 6 năm 2024\n"
        "QUYẾT ĐỊNH\nBan hành Kế hoạch tuyên truyền năm 2024\n\n"
        "Căn cứ Luật về tổ chức chính quyền ở địa phương (bản sửa đổi năm 2025);\n"
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành theo Quyết định này Kế hoạch tuyên truyền năm 2024.\n"
        "Điều 2. Quyết định có hiệu lực từ ngày ban hành./.\n\n"
        "KẾ HOẠCH\nTuyên truyền năm 2024\n"
        "(Kèm theo Quyết định số 89/QĐ-UBND ngày 02/6/2024 của Ủy ban nhân dân tỉnh)\n\n"
        "I. MỤC ĐÍCH\nNâng cao nhận thức của người dân.\n";
    p = parse(no_signature, "no-signature");
    if (p) {
        is_int(vnplan_plan_document_count(p), 2, "a kind heading over a Kèm theo line: two documents");
        const vnplan_document *d = vnplan_plan_document(p, 1);
        is_str(field(d, VNPLAN_FIELD_ATTACHED_TO), "89/QĐ-UBND", "second: attached to 89/QĐ-UBND");
        is_str(field(d, VNPLAN_FIELD_DATE), "2024-06-02", "second: its date");
        vnplan_plan_free(p);
    }
}

/* "Kèm theo" in a letter's prose names no attachment. */
static void attachment_in_prose(void)
{
    static const char text[] =
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 95/UBND-VX\nBình An, ngày 04 tháng 6 năm 2024\n"
        "V/v triển khai Kế hoạch chuyển đổi số\n\n"
        "Kính gửi: Các sở, ban, ngành tỉnh\n\n"
        "Kèm theo Công văn này là Kế hoạch số 91/KH-UBND ngày 03/6/2024 của Ủy ban nhân dân "
        "tỉnh; đề nghị các cơ quan triển khai thực hiện./.\n"
        "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nLê Văn Hải\n";
    vnplan_plan *p = parse(text, "prose");
    if (!p)
        return;
    is_int(vnplan_plan_document_count(p), 1, "letter: one document");
    is_str(field(vnplan_plan_document(p, 0), VNPLAN_FIELD_ATTACHED_TO), NULL,
           "letter: 'Kèm theo ...' in its body names no attachment");
    vnplan_plan_free(p);
}

/* A plan with a header and number of its own under the decision that
 * issues it: split once, at its header; its number stays its own. */
static void attached_with_own_number(void)
{
    static const char text[] =
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 90/QĐ-UBND\nBình An, ngày 03 tháng 6 năm 2024\n"
        "QUYẾT ĐỊNH\nPhê duyệt Kế hoạch chuyển đổi số năm 2024\n\n"
        "Căn cứ Luật về tổ chức chính quyền ở địa phương (bản sửa đổi năm 2025);\n"
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Phê duyệt kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2024.\n"
        "Điều 2. Quyết định có hiệu lực từ ngày ban hành./.\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Hải\n\n"
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 91/KH-UBND\nBình An, ngày 03 tháng 6 năm 2024\n"
        "KẾ HOẠCH\nChuyển đổi số năm 2024\n"
        "(Kèm theo Quyết định số 90/QĐ-UBND ngày 03/6/2024 của Ủy ban nhân dân tỉnh)\n\n"
        "I. MỤC ĐÍCH\nXây dựng chính quyền số.\n";
    vnplan_plan *p = parse(text, "own-number");
    if (!p)
        return;
    is_int(vnplan_plan_document_count(p), 2, "own header: two documents, not three");
    const vnplan_document *d = vnplan_plan_document(p, 1);
    is_str(field(d, VNPLAN_FIELD_NUMBER), "91/KH-UBND", "own header: its own number kept");
    is_str(field(d, VNPLAN_FIELD_ATTACHED_TO), "90/QĐ-UBND", "own header: attached to 90/QĐ-UBND");
    is_str(field(d, VNPLAN_FIELD_KIND), "KH", "own header: kind");
    vnplan_plan_free(p);
}

int main(void)
{
    opts = vnplan_options_new();
    const char *dir = getenv("VNPLAN_DATADIR");
    if (dir)
        vnplan_options_set_datadir(opts, dir);
    decision_issuing_a_plan();
    decision_issuing_rules();
    plan_with_parts();
    attached_without_line_or_signature();
    attached_with_own_number();
    attachment_in_prose();
    vnplan_options_free(opts);
    return tap_done();
}
