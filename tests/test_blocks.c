/* test_blocks.c — the block stage through the public API: Markdown
 * residue, page splits, hard wrapping, PDF page furniture, tables. */
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
    vnplan_plan *p = vnplan_parse_bytes(text, strlen(text), "test", opts, &err);
    if (!p)
        printf("# parse failed: %s\n", err.message);
    return p;
}

static const vnplan_section *root(const vnplan_plan *p)
{
    return vnplan_document_root(vnplan_plan_document(p, 0));
}

static void markdown(void)
{
    vnplan_plan *p = parse("#### **I. MỤC ĐÍCH**\n\n"
                           "a) Một *câu* có **chữ đậm** và <sub>KTS</sub>ghi chú.\n\n"
                           "- + Mục lồng nhau\n\n"
                           "+ Mục cộng\n\n"
                           "1\\. Không phải số\n");
    ok(p != NULL, "markdown: parses");
    if (!p)
        return;
    const vnplan_section *s = vnplan_section_first_child(root(p));
    is_str(vnplan_section_heading(s), "MỤC ĐÍCH", "markdown: '#' and '**' stripped from heading");
    const char *label;
    vnplan_para_kind kind;
    const char *t = vnplan_section_para(s, 0, &kind, &label, NULL);
    is_str(t, "Một câu có chữ đậm và ghi chú.", "markdown: emphasis stripped, <sub> set aside");
    is_str(label, "a", "markdown: lettered item label");
    t = vnplan_section_para(s, 1, &kind, &label, NULL);
    ok(kind == VNPLAN_PARA_PLUS && strcmp(t, "Mục lồng nhau") == 0,
       "markdown: '- +' is a '+' item");
    t = vnplan_section_para(s, 2, &kind, &label, NULL);
    ok(kind == VNPLAN_PARA_PLUS && strcmp(t, "Mục cộng") == 0, "markdown: '+' item");
    const vnplan_section *sub = vnplan_section_first_child(s);
    ok(sub != NULL && strcmp(vnplan_section_number(sub), "1") == 0,
       "markdown: escaped '1\\.' is still a numbered section");
    long line;
    const char *r = vnplan_document_residue(vnplan_plan_document(p, 0), 0, &line);
    ok(r && strcmp(r, "KTS") == 0 && line == 3, "markdown: subscript kept as residue with line");
    vnplan_plan_free(p);
}

static void page_splits(void)
{
    vnplan_plan *p = parse("I. NỘI DUNG\n\n"
                           "Đảm bảo nâng cao nhận thức; phát\n\n"
                           "triển đội ngũ cán bộ.\n\n"
                           "Giai đoạn 2016 –\n\n"
                           "2020 góp phần đảm bảo.\n\n"
                           "Câu hoàn chỉnh.\n\n"
                           "Đoạn mới bắt đầu bằng chữ hoa.\n");
    ok(p != NULL, "page splits: parses");
    if (!p)
        return;
    const vnplan_section *s = vnplan_section_first_child(root(p));
    is_int(vnplan_section_para_count(s), 4, "page splits: 6 pieces make 4 paragraphs");
    is_str(vnplan_section_para(s, 0, NULL, NULL, NULL),
           "Đảm bảo nâng cao nhận thức; phát triển đội ngũ cán bộ.",
           "page splits: lower-case continuation joined");
    is_str(vnplan_section_para(s, 1, NULL, NULL, NULL), "Giai đoạn 2016 – 2020 góp phần đảm bảo.",
           "page splits: digit continuation after a dash joined");
    is_str(vnplan_section_para(s, 3, NULL, NULL, NULL), "Đoạn mới bắt đầu bằng chữ hoa.",
           "page splits: a capitalised paragraph after a full stop stays separate");
    vnplan_plan_free(p);
}

static void pdf_export(void)
{
    /* Two pages with a running header and "Trang N" footers; the second
     * page continues a sentence that starts with a capitalised name. */
    vnplan_plan *p = parse("Kế hoạch ASEAN\n"
                           "I. NỘI DUNG\n"
                           "Sở Y tế phối hợp với\n"
                           "Trang 1\n"
                           "\f"
                           "Kế hoạch ASEAN\n"
                           "Sở Tài chính thực hiện.\n"
                           "Trang 2\n"
                           "\f"
                           "Kế hoạch ASEAN\n"
                           "Đoạn cuối.\n");
    ok(p != NULL, "pdf: parses");
    if (!p)
        return;
    const vnplan_section *s = vnplan_section_first_child(root(p));
    ok(s && strcmp(vnplan_section_number(s), "I") == 0, "pdf: section I found");
    is_int(vnplan_section_para_count(s), 2, "pdf: furniture removed, page split joined");
    is_str(vnplan_section_para(s, 0, NULL, NULL, NULL), "Sở Y tế phối hợp với Sở Tài chính thực hiện.",
           "pdf: sentence continued across the page break");
    const vnplan_document *d = vnplan_plan_document(p, 0);
    int furniture = 0;
    for (size_t i = 0; i < vnplan_document_residue_count(d); i++) {
        const char *r = vnplan_document_residue(d, i, NULL);
        furniture += strcmp(r, "Trang 1") == 0 || strcmp(r, "Trang 2") == 0 ||
                     strcmp(r, "Kế hoạch ASEAN") == 0;
    }
    ok(furniture >= 4, "pdf: page numbers and running headers reported as residue (%d)",
       furniture);
    vnplan_plan_free(p);
}

static void wrapped(void)
{
    /* Hard-wrapped at 40 columns; the short lines of the list stay apart. */
    const char *text =
        "I. NỘI DUNG\n\n"
        "Các sở, ban, ngành và UBND các huyện,\n"
        "thị xã, thành phố thực hiện các nhiệm\n"
        "vụ sau đây một cách đầy đủ và kịp thời\n"
        "theo đúng quy định hiện hành của pháp\n"
        "luật về phòng chống dịch bệnh ở người.\n\n"
        "- Tăng cường công tác tuyên truyền về\n"
        "bảo vệ môi trường và phát triển bền\n"
        "vững ở địa phương trong thời gian tới.\n"
        "- Ngắn.\n"
        "- Sở Y tế chủ trì thực hiện các nhiệm vụ\n"
        "về phòng chống dịch bệnh truyền nhiễm.\n\n"
        "Đoạn thứ ba có độ dài vừa phải để đủ\n"
        "dòng cho việc đoán độ rộng của văn bản.\n";
    vnplan_plan *p = parse(text);
    ok(p != NULL, "wrapped: parses");
    if (!p)
        return;
    const vnplan_section *s = vnplan_section_first_child(root(p));
    is_int(vnplan_section_para_count(s), 5, "wrapped: 13 lines make 5 paragraphs");
    is_str(vnplan_section_para(s, 0, NULL, NULL, NULL),
           "Các sở, ban, ngành và UBND các huyện, thị xã, thành phố thực hiện các nhiệm vụ sau "
           "đây một cách đầy đủ và kịp thời theo đúng quy định hiện hành của pháp luật về phòng "
           "chống dịch bệnh ở người.",
           "wrapped: lines of a paragraph joined");
    is_str(vnplan_section_para(s, 2, NULL, NULL, NULL), "Ngắn.", "wrapped: a short item stays alone");
    vnplan_plan_free(p);
}

static void tables(void)
{
    vnplan_plan *p = parse("I. PHÂN CÔNG\n\n"
                           "| TT | Nhiệm vụ | Chủ trì |\n"
                           "|---|---|---|\n"
                           "| 1 | Tuyên truyền | Sở Thông tin và Truyền thông |\n");
    ok(p != NULL, "tables: parses");
    if (!p)
        return;
    const vnplan_section *s = vnplan_section_first_child(root(p));
    vnplan_para_kind kind;
    is_int(vnplan_section_para_count(s), 2, "tables: header and one row, separator dropped");
    const char *t = vnplan_section_para(s, 1, &kind, NULL, NULL);
    ok(kind == VNPLAN_PARA_TABLE_ROW && strcmp(t, "1 | Tuyên truyền | Sở Thông tin và Truyền thông") == 0,
       "tables: row cells joined");
    vnplan_plan_free(p);
}

static void errors(void)
{
    vnplan_error err;
    vnplan_plan *p = vnplan_parse_bytes("", 0, "empty.txt", opts, &err);
    ok(p == NULL && err.code == VNPLAN_E_EMPTY && strcmp(err.file, "empty.txt") == 0,
       "errors: empty input names the file");
    p = vnplan_parse_bytes("\n\n  \n", 4, "blank.txt", opts, &err);
    ok(p == NULL && err.code == VNPLAN_E_EMPTY, "errors: blank input is empty");
    p = vnplan_parse_bytes("abc\xff\xfe\x00", 6, "bin.txt", opts, &err);
    ok(p == NULL && (err.code == VNPLAN_E_BINARY || err.code == VNPLAN_E_ENCODING),
       "errors: binary input refused (%s)", err.message);
    char *fold1 = vnplan_fold("Hoà", strlen("Hoà"), 0);
    char *fold2 = vnplan_fold("HÒA", strlen("HÒA"), 0);
    ok(fold1 && fold2 && strcmp(fold1, fold2) == 0, "fold: Hoà and HÒA have one key");
    free(fold1);
    free(fold2);
}

int main(void)
{
    opts = vnplan_options_new();
    const char *dir = getenv("VNPLAN_DATADIR");
    if (dir)
        vnplan_options_set_datadir(opts, dir);
    markdown();
    page_splits();
    pdf_export();
    wrapped();
    tables();
    errors();
    vnplan_options_free(opts);
    return tap_done();
}
