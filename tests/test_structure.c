/* test_structure.c — the document tree of both corpus plans, through the
 * public API, against expectations written by reading the documents. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "walk.h"
#include "vnplan.h"

static vnplan_options *opts;

static vnplan_plan *parse_corpus(const char *name)
{
    const char *top = getenv("top_srcdir");
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/%s", top ? top : ".", name);
    vnplan_error err;
    vnplan_plan *p = vnplan_parse_file(path, opts, &err);
    if (!p)
        printf("# %s: %s\n", path, err.message);
    return p;
}

static const char *field(const vnplan_document *d, vnplan_field f)
{
    return vnplan_document_field(d, f);
}

/* "I:2 II:2 III:8 ..." — each top-level section with its child count. */
static void outline(const vnplan_document *d, char *out, size_t cap)
{
    out[0] = '\0';
    for (const vnplan_section *s = vnplan_section_first_child(vnplan_document_root(d)); s;
         s = vnplan_section_next(s)) {
        int n = 0;
        for (const vnplan_section *c = vnplan_section_first_child(s); c; c = vnplan_section_next(c))
            n++;
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%s:%d", len ? " " : "", vnplan_section_number(s), n);
    }
}


static void khanhhoa(void)
{
    vnplan_plan *p = parse_corpus("khanhhoa.txt");
    ok(p != NULL, "khanhhoa.txt parses");
    if (!p)
        return;
    is_str(vnplan_plan_encoding(p), "UTF-8", "khanhhoa: encoding");
    is_int(vnplan_plan_document_count(p), 1, "khanhhoa: one document");
    const vnplan_document *d = vnplan_plan_document(p, 0);
    is_str(field(d, VNPLAN_FIELD_KIND), "KH", "khanhhoa: kind");
    is_str(field(d, VNPLAN_FIELD_NUMBER), "12127/KH-UBND", "khanhhoa: number repaired");
    is_str(field(d, VNPLAN_FIELD_NUMBER_RAW), "12127 /KH-UBND", "khanhhoa: number as printed");
    is_str(field(d, VNPLAN_FIELD_ISSUER), "UBND tỉnh Khánh Hòa", "khanhhoa: issuer");
    is_str(field(d, VNPLAN_FIELD_ISSUER_PARENT), NULL, "khanhhoa: no superior body");
    is_str(field(d, VNPLAN_FIELD_PROVINCE), "Khánh Hòa", "khanhhoa: province");
    is_str(field(d, VNPLAN_FIELD_PLACE), "Khánh Hòa", "khanhhoa: place");
    is_str(field(d, VNPLAN_FIELD_DATE), "2021-11-29", "khanhhoa: date");
    is_str(field(d, VNPLAN_FIELD_TITLE),
           "KẾ HOẠCH Thực hiện Đề án xây dựng và triển khai Kế hoạch thực hiện các mục tiêu của "
           "Cộng đồng Văn hóa – Xã hội ASEAN đến năm 2025 trên địa bàn tỉnh Khánh Hòa giai đoạn "
           "2021-2025",
           "khanhhoa: title, markup removed");
    is_str(field(d, VNPLAN_FIELD_SIGNER_NAME), "Đình Văn Thiệu", "khanhhoa: signer");
    is_str(field(d, VNPLAN_FIELD_SIGNER_POSITION), "Phó Chủ tịch", "khanhhoa: position");
    is_str(field(d, VNPLAN_FIELD_SIGNER_AUTHORITY), "KT. Chủ tịch", "khanhhoa: authority");
    is_int(vnplan_document_recipient_count(d), 9, "khanhhoa: 9 recipients, Lưu excluded");
    is_str(vnplan_document_recipient(d, 0), "Thường trực Tỉnh ủy, HĐND tỉnh (báo cáo)",
           "khanhhoa: first recipient without marker and ';'");
    is_str(vnplan_document_recipient(d, 8), "Công TTĐT tỉnh", "khanhhoa: last recipient");
    is_str(field(d, VNPLAN_FIELD_ARCHIVE), "VT, TmN, HN, NN. 23", "khanhhoa: archive line");

    char buf[256];
    outline(d, buf, sizeof buf);
    is_str(buf, "I:2 II:2 III:8 IV:2 V:7 VI:0", "khanhhoa: sections I–VI and their children");
    const vnplan_section *s = find(d, "III.2");
    ok(s != NULL, "khanhhoa: III.2 exists");
    is_str(vnplan_section_heading(s), "Triển khai các hoạt động xây dựng cộng đồng hòa nhập",
           "khanhhoa: III.2 heading without number and bold markers");
    is_int(vnplan_section_level(s), 2, "khanhhoa: III.2 level");
    is_int(vnplan_section_line(s), 71, "khanhhoa: III.2 line (its '#' depth is misleading)");
    s = find(d, "V.7");
    is_str(vnplan_section_heading(s),
           "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể cấp tỉnh",
           "khanhhoa: V.7 heading");
    s = find(d, "I.1");
    is_int(vnplan_section_para_count(s), 5, "khanhhoa: I.1 holds items a) to đ)");
    const char *label;
    vnplan_para_kind kind;
    long line;
    const char *text = vnplan_section_para(s, 4, &kind, &label, &line);
    is_str(label, "đ", "khanhhoa: item đ) label");
    ok(kind == VNPLAN_PARA_ITEM && line == 29 && text && strncmp(text, "Tích cực", 9) == 0,
       "khanhhoa: item đ) kind, line, text");

    /* A paragraph cut by a page ("...; phát" / blank / "triển đội ngũ")
     * is one paragraph again. */
    s = find(d, "III.2");
    int joined = 0, nested = 0;
    for (size_t i = 0; i < vnplan_section_para_count(s); i++) {
        text = vnplan_section_para(s, i, &kind, &label, &line);
        if (line == 89 && strstr(text, "; phát triển đội ngũ cán bộ") &&
            strstr(text, "an sinh xã hội trên địa bàn tỉnh."))
            joined = 1;
        if (line == 91)
            joined = 0;
    }
    ok(joined, "khanhhoa: paragraph split by a page break at line 89/91 rejoined");
    s = find(d, "III.4");
    for (size_t i = 0; i < vnplan_section_para_count(s); i++) {
        text = vnplan_section_para(s, i, &kind, &label, &line);
        if ((line == 234 || line == 235) && kind == VNPLAN_PARA_PLUS && text[0] != '+' &&
            text[0] != '-')
            nested++;
    }
    is_int(nested, 2, "khanhhoa: '- +' nested list items read as '+' items");
    vnplan_plan_free(p);
}

static void thanhhoa(void)
{
    vnplan_plan *p = parse_corpus("thanhhoa.txt");
    ok(p != NULL, "thanhhoa.txt parses");
    if (!p)
        return;
    is_int(vnplan_plan_document_count(p), 2, "thanhhoa: a dispatch and the plan it wraps");
    const vnplan_document *d = vnplan_plan_document(p, 0);
    is_str(field(d, VNPLAN_FIELD_KIND), "CV", "dispatch: kind công văn");
    is_str(field(d, VNPLAN_FIELD_NUMBER), "1884/SYT-VP", "dispatch: number");
    is_str(field(d, VNPLAN_FIELD_ISSUER), "Sở Y tế", "dispatch: issuer");
    is_str(field(d, VNPLAN_FIELD_ISSUER_PARENT), "UBND tỉnh Thanh Hóa", "dispatch: superior body");
    is_str(field(d, VNPLAN_FIELD_PROVINCE), "Thanh Hóa", "dispatch: province");
    is_str(field(d, VNPLAN_FIELD_DATE), "2017-09-06", "dispatch: date");
    is_str(field(d, VNPLAN_FIELD_TITLE),
           "V/v triển khai thực hiện Kế hoạch số 115/KH-UBND ngày 18/7/2017 của UBND tỉnh",
           "dispatch: trích yếu");
    is_str(field(d, VNPLAN_FIELD_SIGNER_NAME), "Trịnh Hữu Hùng", "dispatch: signer");
    is_str(field(d, VNPLAN_FIELD_SIGNER_POSITION), "Giám đốc", "dispatch: position");
    is_str(field(d, VNPLAN_FIELD_SIGNER_AUTHORITY), NULL, "dispatch: signs in own right");
    is_int(vnplan_document_recipient_count(d), 4, "dispatch: Kính gửi (2) and Nơi nhận (2)");
    is_str(vnplan_document_recipient(d, 0), "Thủ trưởng các đơn vị trong ngành",
           "dispatch: first addressee");
    is_str(vnplan_document_recipient(d, 3), "GĐ, Các PGĐ Sở",
           "dispatch: 'Noi nhận' (misspelt) still read");
    is_str(field(d, VNPLAN_FIELD_ARCHIVE), "VT, VP", "dispatch: archive");
    ok(vnplan_section_first_child(vnplan_document_root(d)) == NULL,
       "dispatch: no numbered sections");
    is_int(vnplan_section_para_count(vnplan_document_root(d)), 4, "dispatch: four body paragraphs");
    long line;
    is_str(vnplan_document_residue(d, 0, &line), "KD", "dispatch: typist initials set aside");

    d = vnplan_plan_document(p, 1);
    is_str(field(d, VNPLAN_FIELD_KIND), "KH", "plan: kind");
    is_str(field(d, VNPLAN_FIELD_NUMBER), "115/KH-UBND", "plan: number");
    is_str(field(d, VNPLAN_FIELD_ISSUER), "UBND tỉnh Thanh Hóa",
           "plan: issuer from two lines ỦY BAN NHÂN DÂN / TỈNH THANH HÓA");
    is_str(field(d, VNPLAN_FIELD_PROVINCE), "Thanh Hóa", "plan: province");
    is_str(field(d, VNPLAN_FIELD_PLACE), "Thanh Hóa", "plan: place");
    is_str(field(d, VNPLAN_FIELD_DATE), "2017-07-18", "plan: date");
    is_str(field(d, VNPLAN_FIELD_TITLE),
           "KẾ HOẠCH HÀNH ĐỘNG Triển khai thực hiện Quyết định số 161/QĐ-TTg ngày 25/01/2016 "
           "của Thủ tướng Chính phủ về thực hiện các mục tiêu của Cộng đồng Văn hóa - Xã hội "
           "ASEAN đến năm 2025 trên địa bàn tỉnh Thanh Hóa",
           "plan: title with the incoming-mail stamp removed");
    is_str(field(d, VNPLAN_FIELD_SIGNER_NAME), "Phạm Đăng Quyền", "plan: signer");
    is_str(field(d, VNPLAN_FIELD_SIGNER_POSITION), "Phó Chủ tịch", "plan: position");
    is_str(field(d, VNPLAN_FIELD_SIGNER_AUTHORITY), "KT. Chủ tịch", "plan: authority");
    is_int(vnplan_document_recipient_count(d), 5, "plan: 5 recipients");
    int stamps = 0, sub = 0;
    for (size_t i = 0; i < vnplan_document_residue_count(d); i++) {
        const char *r = vnplan_document_residue(d, i, &line);
        stamps += strcmp(r, "12/7/16") == 0 || strcmp(r, "ngày: 19/7/16") == 0 ||
                  strcmp(r, "Chuyên: .....") == 0 || strcmp(r, "Lưu hồ sơ số: .....") == 0;
        sub += strcmp(r, "KTS") == 0 && line == 267;
    }
    is_int(stamps, 4, "plan: stamp and handwriting residue kept as residue");
    is_int(sub, 1, "plan: <sub>KTS</sub> kept as residue");

    char buf[256];
    outline(d, buf, sizeof buf);
    is_str(buf, "I:0 II:2 III:7 IV:3 V:5", "plan: sections I–V and their children");
    const vnplan_section *s = find(d, "III.3");
    is_str(vnplan_section_heading(s),
           "Xây dựng cộng đồng hòa nhập, giảm dần các rào cản, bất bình đẳng trong xã hội:",
           "plan: III.3 heading (bold markers removed)");
    int kids = 0;
    for (const vnplan_section *c = vnplan_section_first_child(find(d, "III")); c;
         c = vnplan_section_next(c))
        for (const vnplan_section *g = vnplan_section_first_child(c); g; g = vnplan_section_next(g))
            kids++;
    is_int(kids, 3 + 5 + 3 + 4 + 3 + 6 + 3, "plan: 27 numbered items 1.1.–7.3. under III");
    ok(find(d, "III.5.3") != NULL, "plan: **5.3. ...** (bold number) is section III.5.3");
    ok(find(d, "V.5") != NULL, "plan: '### 5.' under V is V.5 despite its '#' depth");
    s = find(d, "III.3.1");
    const char *text = vnplan_section_heading(s);
    ok(text && strstr(text, "giai đoạn 2016 – 2020 góp phần"),
       "plan: paragraph cut after a dash ('2016 –' / '2020 góp') rejoined");
    vnplan_plan_free(p);
}

int main(void)
{
    opts = vnplan_options_new();
    const char *dir = getenv("VNPLAN_DATADIR");
    if (dir)
        vnplan_options_set_datadir(opts, dir);
    khanhhoa();
    thanhhoa();
    vnplan_options_free(opts);
    return tap_done();
}
