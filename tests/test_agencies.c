/* test_agencies.c — the agency gazetteer and matcher: loading and checking
 * data/agencies.tsv, names found in sentences of the sample plans (ids and
 * exact byte spans), spelling variants, sectors, the 2025 successors,
 * unknown agency-shaped names, bad data files, user files, and every
 * paragraph of corpus/ run through the matcher. */
#include "config.h"
#include "extract/agencies.h"
#include "core/error.h"
#include "core/vocab.h"
#include "core/unicode.h"
#include "vnplan.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAXM 64

/* The vocabulary of the data directory: the heads of unknown agencies. */
static vp_vocab *vocab;

static const char *datadir(void)
{
    const char *d = getenv("VNPLAN_DATADIR");
    return d && *d ? d : "./data";
}

/* Matches of `text`, as "id@start-end" joined by spaces ("?" for unknown). */
static const char *describe(const vp_gazetteer *g, const char *text, char *out, size_t cap)
{
    vp_agency_match m[MAXM];
    size_t n = vp_agencies_find(g, text, strlen(text), m, MAXM);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && i < MAXM; i++)
        used += (size_t)snprintf(out + used, used < cap ? cap - used : 0, "%s%s@%zu-%zu",
                                 i ? " " : "", m[i].agency ? m[i].agency->id : "?",
                                 m[i].start, m[i].end);
    return out;
}

/* The ids only, for checks where the spans are not the point. */
static const char *ids(const vp_gazetteer *g, const char *text, char *out, size_t cap)
{
    vp_agency_match m[MAXM];
    size_t n = vp_agencies_find(g, text, strlen(text), m, MAXM);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && i < MAXM; i++)
        used += (size_t)snprintf(out + used, used < cap ? cap - used : 0, "%s%s",
                                 i ? " " : "", m[i].agency ? m[i].agency->id : "?");
    return out;
}

/* The text of the single match in `text`, or "(none)". */
static const char *span(const vp_gazetteer *g, const char *text, char *out, size_t cap)
{
    vp_agency_match m[MAXM];
    size_t n = vp_agencies_find(g, text, strlen(text), m, MAXM);
    if (n == 0)
        snprintf(out, cap, "(none)");
    else
        snprintf(out, cap, "%.*s", (int)(m[0].end - m[0].start), text + m[0].start);
    return out;
}

/* Byte offset of `needle` in `hay` (the test sentences are unambiguous). */
static size_t at(const char *hay, const char *needle)
{
    const char *p = strstr(hay, needle);
    return p ? (size_t)(p - hay) : (size_t)-1;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)n + 1))) {
            *len = fread(data, 1, (size_t)n, f);
            data[*len] = '\0';
        }
    }
    fclose(f);
    return data;
}

static void test_load(const vp_gazetteer *g)
{
    ok(vp_gazetteer_count(g) >= 60, "the gazetteer has %zu agencies", vp_gazetteer_count(g));
    const vp_agency *a = vp_gazetteer_by_id(g, "so-ldtbxh");
    ok(a != NULL, "so-ldtbxh exists");
    if (a) {
        is_str(a->label, "Sở Lao động - Thương binh và Xã hội", "its label");
        is_str(a->sector, "labour-social", "its sector");
        is_str(a->kind, "department", "its kind");
        is_str(a->successor, "so-noi-vu", "its successor");
        is_str(a->until, "2025-03-01", "from 01/3/2025");
        is_int(a->collective, 0, "not a group");
    }
    a = vp_gazetteer_by_id(g, "all-departments");
    ok(a && a->collective && strcmp(a->kind, "collective") == 0, "all-departments is a group");
    ok(vp_gazetteer_by_id(g, "no-such-id") == NULL, "unknown id → NULL");
    ok(vp_gazetteer_at(g, vp_gazetteer_count(g)) == NULL, "index past the end → NULL");
    int all_ok = 1;
    for (size_t i = 0; i < vp_gazetteer_count(g); i++) {
        const vp_agency *x = vp_gazetteer_at(g, i);
        all_ok &= x && x->id && x->label && x->sector && x->kind &&
                  vp_gazetteer_by_id(g, x->id) == x;
        if (x && x->successor)
            all_ok &= vp_gazetteer_by_id(g, x->successor) != NULL && x->until != NULL;
    }
    ok(all_ok, "every row has its fields, is found by id, and names a real successor");
}

static void test_sentences(const vp_gazetteer *g)
{
    char buf[2048];
    const char *s1 = "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các sở, ban, "
                     "ngành có liên quan và UBND các huyện, thị xã, thành phố thực hiện các "
                     "nhiệm vụ sau:";
    char want[512];
    snprintf(want, sizeof want, "so-ldtbxh@0-%zu all-departments@%zu-%zu "
             "district-committees@%zu-%zu",
             strlen("Sở Lao động - Thương binh và Xã hội"),
             at(s1, "các sở"), at(s1, " và UBND"),
             at(s1, "UBND"), at(s1, " thực hiện"));
    is_str(describe(g, s1, buf, sizeof buf), want, "lead, group with tail, district committees");

    const char *s2 = "Báo Thanh Hóa, Đài Phát thanh và Truyền hình tỉnh, Báo Văn hóa và "
                     "Đời sống và hệ thống thông tin cơ sở trên địa bàn tỉnh";
    snprintf(want, sizeof want, "bao-tinh@0-%zu dai-ptth@%zu-%zu bao-vhds@%zu-%zu",
             at(s2, ","), at(s2, "Đài"), at(s2, ", Báo Văn"), at(s2, "Báo Văn"),
             at(s2, " và hệ thống"));
    is_str(describe(g, s2, buf, sizeof buf), want, "three media bodies (Thanh Hóa 1.1)");

    const char *s3 = "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể cấp tỉnh";
    snprintf(want, sizeof want, "ubmttq@%zu-%zu mass-orgs@%zu-%zu", at(s3, "Ủy ban"),
             at(s3, " và các"), at(s3, "các đoàn"), strlen(s3));
    is_str(describe(g, s3, buf, sizeof buf), want, "a request to the Front and mass orgs");

    is_str(ids(g, "Sở Lao động -- Thương binh và Xã hội chủ trì", buf, sizeof buf),
           "so-ldtbxh", "double hyphen");
    is_str(ids(g, "Sở Lao động – Thương binh và Xã hội", buf, sizeof buf), "so-ldtbxh",
           "en dash");
    is_str(ids(g, "Sở LĐ-TB&XH", buf, sizeof buf), "so-ldtbxh", "Sở LĐ-TB&XH");
    is_str(ids(g, "Sở LĐTBXH", buf, sizeof buf), "so-ldtbxh", "Sở LĐTBXH");
    is_str(ids(g, "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", buf, sizeof buf), "so-ldtbxh",
           "capitals");
    is_str(ids(g, "Sở VH,TT&DL và Sở VHTTDL và Sở Văn hoá, Thể thao và Du lịch", buf,
               sizeof buf), "so-vhttdl so-vhttdl so-vhttdl", "VHTTDL spellings, hoá = hóa");
    is_str(ids(g, "Sở GD&ĐT, SGDĐT, Sở Giáo dục và Đào tạo", buf, sizeof buf),
           "so-gddt so-gddt so-gddt", "GD&ĐT spellings");
    is_str(ids(g, "SYT; Sở NN&PTNT; Sở TN&MT; Sở KH&ĐT; Sở TT&TT; Sở KH&CN", buf, sizeof buf),
           "so-y-te so-nnptnt so-tnmt so-khdt so-tttt so-khcn", "abbreviations with &");
    is_str(ids(g, "Sở Kế hoạch và Đầu tư, Sở Kế hoạch & Đầu tư", buf, sizeof buf),
           "so-khdt so-khdt", "& stands for và");
    is_str(ids(g, "Các cấp, các ngành tập trung; các ngành, các cấp có liên quan", buf,
               sizeof buf), "all-levels all-levels", "các cấp, các ngành both ways");
    is_str(ids(g, "UBMTTQ, MTTQ, Mặt trận Tổ quốc", buf, sizeof buf), "ubmttq ubmttq ubmttq",
           "Front abbreviations");
    is_str(ids(g, "Tỉnh đoàn Khánh Hòa chủ trì", buf, sizeof buf), "tinh-doan", "Tỉnh đoàn");
    is_str(span(g, "- Tỉnh đoàn Khánh Hòa chủ trì", buf, sizeof buf), "Tỉnh đoàn Khánh Hòa",
           "the province is part of the name");
    is_str(span(g, "UBND tỉnh Khánh Hòa ban hành Kế hoạch", buf, sizeof buf),
           "UBND tỉnh Khánh Hòa", "UBND tỉnh absorbs the province name");
    is_str(span(g, "Ngày 18 tháng 7 năm 2017, Ủy ban nhân dân tỉnh Thanh Hóa đã ban hành",
                buf, sizeof buf), "Ủy ban nhân dân tỉnh Thanh Hóa", "... and with the full name");
    is_str(span(g, "ỦY BAN NHÂN DÂN  \nTỈNH THANH HÓA  \nSố: 115 /KH-UBND", buf, sizeof buf),
           "ỦY BAN NHÂN DÂN  \nTỈNH THANH HÓA", "capitals over a line break, not past it");
    is_str(span(g, "Sở Y tế tỉnh Thanh Hóa yêu cầu", buf, sizeof buf), "Sở Y tế tỉnh Thanh Hóa",
           "a department absorbs \"tỉnh <province>\"");
    is_str(span(g, "quy định của Bộ Y tế tỉnh táo", buf, sizeof buf), "Bộ Y tế",
           "a ministry takes no \"tỉnh\"");
    is_str(ids(g, "Báo Khánh Hòa; Đài Phát thanh và Truyền hình Khánh Hòa; Công TTĐT tỉnh;",
               buf, sizeof buf), "bao-tinh dai-ptth cong-ttdt", "Khánh Hòa recipients");
    is_str(ids(g, "Thủ tướng Chính phủ, Chính phủ, Bộ Chính trị Ban Chấp hành Trung ương "
                  "Đảng Cộng sản Việt Nam, Ban Bí thư", buf, sizeof buf),
           "thu-tuong chinh-phu bo-chinh-tri bch-tw ban-bi-thu", "central bodies");
    is_str(ids(g, "các hình thức từ thiện, nhân đạo phi Chính phủ", buf, sizeof buf), "",
           "\"phi Chính phủ\" is not the Government");
    is_str(ids(g, "quần đảo Trường Sa", buf, sizeof buf), "", "Trường Sa is no school");
    is_str(ids(g, "Quyết định số 161/QĐ-TTg; Số: 1884/SYT-VP; Chỉ thị số 06/CT-UBND tỉnh",
               buf, sizeof buf), "", "abbreviations inside document symbols are not names");
    is_str(ids(g, "So\xcc\x9b\xcc\x89 Y te\xcc\x82\xcc\x81", buf, sizeof buf), "so-y-te",
           "NFD text folds like NFC");
    is_str(ids(g, "cán bộ y tế và cơ sở y tế", buf, sizeof buf), "",
           "names that begin with a capital need one: \"cán bộ y tế\"");
    is_str(ids(g, "**Sở Tài chính**", buf, sizeof buf), "so-tai-chinh", "inside bold markup");
    is_str(span(g, "Sở Lao động - Thương binh\n\nvà Xã hội", buf, sizeof buf),
           "Sở Lao động - Thương binh", "a blank line ends a name (what is left is unknown)");
    is_str(ids(g, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM; CHẾ ĐỘ BÁO CÁO", buf, sizeof buf), "",
           "headings in capitals are no unknown agencies");
    is_str(ids(g, "Sở Lao động - Thương binh\nvà Xã hội", buf, sizeof buf), "so-ldtbxh",
           "a line break does not");
    is_str(ids(g, "Ủy ban Mật trận tổ quốc và các đoàn thể chính trị - xã hội", buf, sizeof buf),
           "ubmttq mass-orgs", "the Thanh Hóa misspelling");
}

static void test_sectors_successors(const vp_gazetteer *g)
{
    const vp_agency *dl = vp_gazetteer_by_id(g, "so-du-lich");
    const vp_agency *vhtt = vp_gazetteer_by_id(g, "so-vhtt");
    const vp_agency *vhttdl = vp_gazetteer_by_id(g, "so-vhttdl");
    ok(dl && vhtt && vhttdl, "the three culture/tourism departments exist");
    if (dl && vhtt && vhttdl) {
        is_str(dl->sector, vhttdl->sector, "Sở Du lịch shares the sector of Sở VHTTDL");
        is_str(vhtt->sector, vhttdl->sector, "Sở Văn hóa và Thể thao shares it too");
    }
    char buf[256];
    is_str(ids(g, "Sở Du lịch chủ trì; Sở Văn hóa và Thể thao chủ trì", buf, sizeof buf),
           "so-du-lich so-vhtt", "Khánh Hòa's split departments are matched");

    struct { const char *from, *date, *want; } cases[] = {
        { "so-khdt", "2026-01-01", "so-tai-chinh" },
        { "so-tnmt", "2026-01-01", "so-nnmt" },
        { "so-nnptnt", "2026-01-01", "so-nnmt" },
        { "so-gtvt", "2026-01-01", "so-xay-dung" },
        { "so-tttt", "2026-01-01", "so-khcn" },
        { "so-ldtbxh", "2026-01-01", "so-noi-vu" },
        { "so-ldtbxh", "2025-03-01", "so-noi-vu" },
        { "so-ldtbxh", "2025-02-28", "so-ldtbxh" },
        { "so-ngoai-vu", "2026-01-01", "van-phong-ubnd" },
        { "bo-ldtbxh", "2026-01-01", "bo-noi-vu" },
        { "district-committees", "2025-06-30", "district-committees" },
        { "district-committees", "2025-07-01", "commune-committees" },
        { "so-y-te", "2026-01-01", "so-y-te" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const vp_agency *a = vp_gazetteer_by_id(g, cases[i].from);
        const vp_agency *b = vp_agency_as_of(g, a, cases[i].date);
        is_str(b ? b->id : NULL, cases[i].want, "%s as of %s", cases[i].from, cases[i].date);
    }
    const vp_agency *t = vp_gazetteer_by_id(g, "so-tnmt");
    is_str(vp_agency_as_of(g, t, "2026-01-01")->label, "Sở Nông nghiệp và Môi trường",
           "Sở TN&MT → Sở Nông nghiệp và Môi trường");
    ok(vp_agency_as_of(g, t, NULL) == t, "no date → itself");
}

static void test_unknown(const vp_gazetteer *g)
{
    char buf[512];
    const char *s = "Sở Ngoại giao Vũ trụ chủ trì, phối hợp với Sở Y tế";
    vp_agency_match m[4];
    size_t n = vp_agencies_find(g, s, strlen(s), m, 4);
    is_int(n, 2, "an unknown department and a known one");
    ok(n >= 1 && m[0].agency == NULL, "the unknown one has no agency");
    if (n >= 1)
        is_int(m[0].end, strlen("Sở Ngoại giao Vũ trụ"), "its span is the name as printed");
    is_str(span(g, "tại Trung tâm Bảo trợ Xã hội tỉnh.", buf, sizeof buf),
           "Trung tâm Bảo trợ Xã hội tỉnh", "a unit with its \"tỉnh\"");
    is_str(span(g, "phối hợp với Ban Quản lý Khu kinh tế Vân Phong thực hiện", buf, sizeof buf),
           "Ban Quản lý Khu kinh tế Vân Phong", "two lower-case syllables between capitals");
    is_str(span(g, "Bệnh viện Đa khoa tỉnh Khánh Hòa tiếp nhận", buf, sizeof buf),
           "Bệnh viện Đa khoa tỉnh Khánh Hòa", "a two-word head, tail and province");
    is_str(ids(g, "Ban hành kế hoạch; Báo cáo kết quả; Hội nghị sơ kết; Trường hợp khác", buf,
               sizeof buf), "", "head words followed by lower case are no agencies");
    is_str(ids(g, "Văn phòng Sở Y tế", buf, sizeof buf), "so-y-te",
           "an unknown name stops where a known one starts");
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static const char HEADER[] =
    "# test\n#id\tlabel\tsector\tkind\tnames\tsuccessor\tuntil\tcollective\n";

/* Loads a one-file gazetteer from `body`; returns the error it gave. */
static vnplan_status try_load(const char *dir, const char *body, vnplan_error *err)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/agencies.tsv", dir);
    char text[2048];
    snprintf(text, sizeof text, "%s%s", HEADER, body);
    write_file(path, text);
    vp_error_clear(err);
    vp_gazetteer *g = vp_gazetteer_load(dir, NULL, vocab, err);
    vnplan_status st = g ? VNPLAN_OK : err->code;
    vp_gazetteer_free(g);
    return st;
}

static void test_bad_data(void)
{
    char dir[1024];
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/vnplan-agencies-XXXXXX", tmp && *tmp ? tmp : ".");
    if (!mkdtemp(dir)) {
        ok(0, "cannot make a temporary directory");
        return;
    }
    vnplan_error err;
    const char *good = "a\tA\ts\tdepartment\tSở A\t\t\t0\n";
    is_int(try_load(dir, good, &err), VNPLAN_OK, "a one-row file loads");

    struct { const char *body, *what; long line; } cases[] = {
        { "a\tA\ts\tdepartment\tSở A\t\t0\n", "seven columns", 3 },
        { "a\tA\ts\tdepartment\tSở A\t\t\t0\n\na\tB\ts\tdepartment\tSở B\t\t\t0\n",
          "duplicate id", 5 },
        { "a\tA\ts\tdepartment\tSở A\tzz\t2025-03-01\t0\n", "unknown successor", 3 },
        { "a\tA\ts\tdepartment\tSở A\tb\t2025-03-01\t0\n"
          "b\tB\ts\tdepartment\tSở B\ta\t2025-03-01\t0\n", "successor cycle", 3 },
        { "a\tA\ts\tdepartment\tSở A\t\t2025-13-01\t0\n", "bad date", 3 },
        { "A B\tA\ts\tdepartment\tSở A\t\t\t0\n", "bad id", 3 },
        { "a\tA\ts\tdepartment\tSở A\t\t\t2\n", "collective not 0/1", 3 },
        { "a\tA\ts\tdepartment\tSở A | \t\t\t0\n", "empty name", 3 },
        { "a\tA\ts\tdepartment\tSở [A\t\t\t0\n", "unbalanced bracket", 3 },
        { "a\tA\ts\tdepartment\tSở A\t\t\t0\nb\tB\ts\tdepartment\tSở  a\t\t\t0\n",
          "one name for two ids", 4 },
        { "a\tA\ts\tdepartment\tSở A\tb\t\t0\nb\tB\ts\tdepartment\tSở B\t\t\t0\n",
          "successor without until", 3 },
        { "a\tA\ts\tdepartment\tS\xffở A\t\t\t0\n", "not UTF-8", 3 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        vnplan_status st = try_load(dir, cases[i].body, &err);
        is_int(st, VNPLAN_E_DATA, "%s → VNPLAN_E_DATA (%s)", cases[i].what, err.message);
        ok(strstr(err.file, "agencies.tsv") != NULL && err.line == cases[i].line,
           "%s: the error names the file and line %ld (got %s:%ld)", cases[i].what,
           cases[i].line, err.file, err.line);
    }
    vp_error_clear(&err);
    ok(vp_gazetteer_load("/nonexistent-dir", NULL, vocab, &err) == NULL &&
           err.code == VNPLAN_E_DATA,
       "a missing data directory → VNPLAN_E_DATA");

    /* A user file adds an agency and a name, and clears a successor. */
    char main_tsv[1100], user[1100];
    snprintf(main_tsv, sizeof main_tsv, "%s/agencies.tsv", dir);
    snprintf(user, sizeof user, "%s/user.tsv", dir);
    write_file(main_tsv, "a\tSở A\ts\tdepartment\tSở A\tb\t2025-03-01\t0\n"
                         "b\tSở B\ts\tdepartment\tSở B\t\t\t0\n");
    write_file(user, "# mine\nc\tSở C\ts\tdepartment\tSở C | Sở Cê\t\t\t0\n"
                     "a\t\t\t\tSở Anh\t-\t-\t\n");
    vp_error_clear(&err);
    vp_gazetteer *g = vp_gazetteer_load(dir, user, vocab, &err);
    ok(g != NULL, "a user file loads (%s)", err.message);
    if (g) {
        char buf[256];
        is_str(ids(g, "Sở A, Sở Anh, Sở Cê", buf, sizeof buf), "a a c",
               "user names for an old and a new id");
        const vp_agency *a = vp_gazetteer_by_id(g, "a");
        ok(a && a->successor == NULL && vp_agency_as_of(g, a, "2030-01-01") == a,
           "\"-\" clears the successor");
        is_str(a ? a->label : NULL, "Sở A", "empty columns keep the old value");
    }
    vp_gazetteer_free(g);
    unlink(user);
    unlink(main_tsv);
    rmdir(dir);
}

static char *read_corpus(const char *name, size_t *len)
{
    char path[1024];
    const char *top = getenv("top_srcdir");
    snprintf(path, sizeof path, "%s/corpus/%s", top && *top ? top : ".", name);
    return slurp(path, len);
}

/* Every paragraph (split on blank lines) of a text through the matcher;
 * SIZE_MAX when a span is out of order, outside or overlapping. */
static size_t run_corpus(const vp_gazetteer *g, const char *text, size_t len, size_t *paras,
                         size_t *unknown)
{
    size_t found = 0;
    for (size_t i = 0; i < len;) {
        const char *blank = strstr(text + i, "\n\n");
        size_t end = blank ? (size_t)(blank - text) : len;
        vp_agency_match m[MAXM];
        size_t n = vp_agencies_find(g, text + i, end - i, m, MAXM);
        for (size_t k = 0; k < n && k < MAXM; k++) {
            if (m[k].start >= m[k].end || m[k].end > end - i ||
                (k && m[k].start < m[k - 1].end))
                return SIZE_MAX;
            *unknown += m[k].agency == NULL;
        }
        found += n;
        (*paras)++;
        i = end + 2;
    }
    return found;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The matcher folds precomposed letters with its own table; check that it
 * agrees with vp_fold on every word of the corpus.  Each distinct folded
 * key becomes the name of an agency of its own (a key like "hoa2" is plain
 * text that folds to itself), and every word of the text must then match
 * the agency of its own vp_fold key. */
static void test_fold_agreement(const char *text, size_t len)
{
    char dir[1024], path[1100];
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/vnplan-fold-XXXXXX", tmp && *tmp ? tmp : ".");
    if (!mkdtemp(dir)) {
        ok(0, "cannot make a temporary directory");
        return;
    }
    snprintf(path, sizeof path, "%s/agencies.tsv", dir);
    size_t nw = 0, cap = 1024;
    char **keys = malloc(cap * sizeof *keys);
    size_t *wstart = malloc(len * sizeof *wstart), *wend = malloc(len * sizeof *wend);
    size_t nocc = 0;
    for (size_t i = 0; keys && wstart && wend && i < len;) {
        int32_t cp;
        int n = vp_utf8_decode(text + i, len - i, &cp);
        int word = vp_is_letter(cp) || (cp >= '0' && cp <= '9');
        if (!word) {
            i += (size_t)n;
            continue;
        }
        size_t j = i;
        while (j < len) {
            n = vp_utf8_decode(text + j, len - j, &cp);
            if (!(vp_is_letter(cp) || (cp >= '0' && cp <= '9')))
                break;
            j += (size_t)n;
        }
        char *k = vp_fold(text + i, j - i, VNPLAN_FOLD_DEFAULT, NULL);
        if (nw == cap) {
            char **nk = realloc(keys, 2 * cap * sizeof *keys);
            if (!nk)
                break;
            keys = nk;
            cap *= 2;
        }
        if (k)
            keys[nw++] = k;
        wstart[nocc] = i;
        wend[nocc++] = j;
        i = j;
    }
    FILE *f = fopen(path, "w");
    size_t distinct = 0;
    if (f && keys) {
        qsort(keys, nw, sizeof *keys, cmp_str);
        for (size_t i = 0; i < nw; i++)
            if (i == 0 || strcmp(keys[i], keys[i - 1]) != 0)
                fprintf(f, "w%zu\t%s\tx\tword\t%s\t\t\t0\n", distinct++, keys[i], keys[i]);
    }
    if (f)
        fclose(f);
    vnplan_error err;
    vp_error_clear(&err);
    vp_gazetteer *g = vp_gazetteer_load(dir, NULL, vocab, &err);
    ok(g != NULL, "a gazetteer of %zu folded words loads (%s)", distinct, err.message);
    size_t agree = 0;
    for (size_t i = 0; g && i < nocc; i++) {
        vp_agency_match m[2];
        size_t n = vp_agencies_find(g, text + wstart[i], wend[i] - wstart[i], m, 2);
        char *k = vp_fold(text + wstart[i], wend[i] - wstart[i], VNPLAN_FOLD_DEFAULT, NULL);
        if (n == 1 && m[0].agency && k && strcmp(m[0].agency->label, k) == 0 &&
            m[0].end == wend[i] - wstart[i])
            agree++;
        else if (k)
            printf("# disagrees: %.*s (vp_fold: %s)\n", (int)(wend[i] - wstart[i]),
                   text + wstart[i], k);
        free(k);
    }
    is_int(agree, nocc, "the fast fold agrees with vp_fold on all %zu corpus words", nocc);
    vp_gazetteer_free(g);
    for (size_t i = 0; keys && i < nw; i++)
        free(keys[i]);
    free(keys);
    free(wstart);
    free(wend);
    unlink(path);
    rmdir(dir);
}

/* The agencies every plan reader expects to see in the corpus. */
static void test_corpus(const vp_gazetteer *g)
{
    size_t klen = 0, tlen = 0, paras = 0, unknown = 0;
    char *kt = read_corpus("khanhhoa.txt", &klen);
    char *tt = read_corpus("thanhhoa.txt", &tlen);
    if (!ok(kt && tt, "read the corpus")) {
        free(kt);
        free(tt);
        return;
    }
    size_t kh = run_corpus(g, kt, klen, &paras, &unknown);
    size_t th = run_corpus(g, tt, tlen, &paras, &unknown);
    ok(kh != SIZE_MAX && th != SIZE_MAX, "spans are in order, inside, not overlapping");
    ok(kh >= 140 && kh != SIZE_MAX, "Khánh Hòa: %zu agency names (want ≥ 140)", kh);
    ok(th >= 125 && th != SIZE_MAX, "Thanh Hóa: %zu agency names (want ≥ 125)", th);
    ok(unknown == 0, "%zu of them unknown (want 0)", unknown);
    test_fold_agreement(kt, klen);
    test_fold_agreement(tt, tlen);

    /* Throughput, printed for a reviewer and not checked: speed belongs to
     * bench/, not to a pass/fail test. */
    const int rounds = 100;
    size_t p2 = 0, u2 = 0;
    clock_t t0 = clock();
    for (int r = 0; r < rounds; r++) {
        run_corpus(g, kt, klen, &p2, &u2);
        run_corpus(g, tt, tlen, &p2, &u2);
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (secs > 0)
        printf("# matcher: %.1f MB/s, %.0f paragraphs/s\n",
               (double)(klen + tlen) * rounds / secs / 1e6, (double)p2 / secs);
    printf("# %d rounds of the corpus in %.2f s\n", rounds, secs);
    free(kt);
    free(tt);
}

/* The CPU time of matching the first `n` bytes of `text`, best of three. */
static double find_time(const vp_gazetteer *g, const char *text, size_t n, size_t *found)
{
    double best = -1;
    for (int r = 0; r < 3; r++) {
        clock_t t0 = clock();
        *found = vp_agencies_find(g, text, n, NULL, 0);
        double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        if (best < 0 || secs < best)
            best = secs;
    }
    return best;
}

/* Hostile inputs: each about 1 MB, all through in linear time: an eighth
 * of the text takes about an eighth of the time (a quadratic matcher would
 * take a 64th), measured in the same run, so the check holds on any
 * machine. */
static void test_pathological(const vp_gazetteer *g)
{
    static const char *const units[][2] = {
        { "Sở Lao động - Thương binh và Xã ", "a long prefix, never finished" },
        { "Trung tâm Ngoại Giao Vũ Trụ Hòa ", "unknown agencies, all capitals" },
        { "Sở ", "heads alone" },
        { "UBND tỉnh Khánh Hòa Thanh Hóa ", "place names after tails" },
        { "các sở, ban, ngành, ", "a group cut short" },
        { "a", "one endless word" },
        { "-\xe2\x80\x93", "one endless dash" },
        { "\n", "nothing but line breaks" },
    };
    const size_t size = 1 << 20;
    char *text = malloc(size + 64);
    if (!text) {
        ok(0, "no memory for the hostile inputs");
        return;
    }
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t n = 0, ul = strlen(units[u][0]);
        while (n + ul <= size) {
            memcpy(text + n, units[u][0], ul);
            n += ul;
        }
        size_t found, found8;
        double eighth = find_time(g, text, n / ul / 8 * ul, &found8);
        double full = find_time(g, text, n, &found);
        /* 24: three times linear, far below quadratic; the millisecond
         * absorbs timer noise */
        ok(full <= 24 * eighth + 0.001, "1 MB of %s: %zu names; 8x the text, %.1fx the time",
           units[u][1], found, eighth > 0 ? full / eighth : 0.0);
    }
    free(text);
}

int main(void)
{
    vnplan_error err;
    vp_error_clear(&err);
    vocab = vp_vocab_load(datadir(), &err);
    if (!ok(vocab != NULL, "load the vocabulary of %s", datadir())) {
        printf("# %s:%ld: %s\n", err.file, err.line, err.message);
        return tap_done();
    }
    vp_gazetteer *g = vp_gazetteer_load(datadir(), NULL, vocab, &err);
    if (!ok(g != NULL, "load %s/agencies.tsv", datadir())) {
        printf("# %s:%ld: %s\n", err.file, err.line, err.message);
        return tap_done();
    }
    test_load(g);
    test_sentences(g);
    test_sectors_successors(g);
    test_unknown(g);
    test_bad_data();
    test_corpus(g);
    test_pathological(g);
    vp_gazetteer_free(g);
    vp_vocab_free(vocab);
    return tap_done();
}
