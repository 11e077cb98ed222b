/* test_vocab.c — the vocabulary (data/kinds.tsv, agency-heads.txt,
 * stoplists.txt, syllables.txt): the installed files load and answer as the
 * extractors expect; a broken file is refused with its name and line; and
 * a kind added to a copy of the data directory is recognised by the parser
 * in a document's header and in what it cites. */
#include "config.h"
#define _POSIX_C_SOURCE 200809L    /* mkdtemp */
#include "core/vocab.h"
#include "core/unicode.h"
#include "vnplan.h"
#include "tap.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *datadir(void)
{
    const char *d = getenv("VNPLAN_DATADIR");
    return d && *d ? d : "./data";
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[4096];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *nb = realloc(buf, cap);
            if (!nb)
                break;
            buf = nb;
        }
        memcpy(buf + len, chunk, n);
        len += n;
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    int ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

/* A new directory holding a copy of the files at the top of the data
 * directory (the charset tables and frameworks are not needed to parse
 * UTF-8 text); "" when that fails. */
static void copy_data(char dir[1024])
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, 1024, "%s/vnplan-vocab-XXXXXX", tmp && *tmp ? tmp : ".");
    if (!mkdtemp(dir)) {
        dir[0] = '\0';
        return;
    }
    DIR *dh = opendir(datadir());
    if (!dh) {
        dir[0] = '\0';
        return;
    }
    for (struct dirent *e; (e = readdir(dh));) {
        char from[2048], to[2048];
        struct stat st;
        snprintf(from, sizeof from, "%s/%s", datadir(), e->d_name);
        if (stat(from, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        snprintf(to, sizeof to, "%s/%s", dir, e->d_name);
        char *text = read_all(from);
        if (!text || !write_file(to, text))
            dir[0] = '\0';
        free(text);
    }
    closedir(dh);
}

/* Removes what copy_data made. */
static void remove_data(const char *dir)
{
    DIR *dh = opendir(dir);
    for (struct dirent *e; dh && (e = readdir(dh));) {
        char p[2048];
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    if (dh)
        closedir(dh);
    rmdir(dir);
}

/* ------------------------------------------------------------ installed */

static int longest_first(const char *const *list)
{
    for (size_t i = 0; list[i] && list[i + 1]; i++)
        if (strlen(list[i]) < strlen(list[i + 1]))
            return 0;
    return 1;
}

static int listed(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return 1;
    return 0;
}

static void test_installed(const vp_vocab *v)
{
    /* kinds */
    is_str(vp_vocab_kind_of_number(v, "12127/KH-UBND"), "KH", "a plan's symbol names KH");
    is_str(vp_vocab_kind_of_number(v, "39-CT/TW"), "CT", "N-TYPE/ISSUER symbols too");
    is_str(vp_vocab_kind_of_number(v, "1884/SYT-VP"), "CV", "no kind in the symbol: CV");
    is_str(vp_vocab_kind_of_number(v, "12/CV-UBND"), "CV",
           "a code in parentheses is never looked for in a symbol, yet reported");
    is_str(vp_vocab_default_kind(v), "CV", "the default kind is reported as CV");
    const char *t = "KẾ HOẠCH HÀNH ĐỘNG";
    const vp_kind *k = vp_type_from_title(v, t, strlen(t));
    is_str(k ? k->code : NULL, "KH", "a title line in capitals names its kind");
    t = "KE HOACH TRIEN KHAI";
    k = vp_type_from_title(v, t, strlen(t));
    is_str(k ? k->code : NULL, "KH", "also without diacritics");
    t = "Kế hoạch triển khai";
    ok(vp_type_from_title(v, t, strlen(t)) == NULL, "a title line is in capitals");
    t = "BẢN THOẢ THUẬN HỢP TÁC";
    k = vp_type_from_title(v, t, strlen(t));
    ok(k && strcmp(k->name, "Bản thỏa thuận") == 0 && k->code == NULL,
       "a kind without an abbreviation is a title, with no code");
    is_str(vp_vocab_cited_type(v, "Qui  định", strlen("Qui  định")), "Quy định",
           "a cited kind's other spelling names it");
    is_str(vp_vocab_cited_type(v, "nghị QUYẾT", strlen("nghị QUYẾT")), "Nghị quyết",
           "cited kinds in any case");
    is_str(vp_vocab_cited_type(v, "Thông tin", strlen("Thông tin")), "Văn bản",
           "an unknown kind is the generic one");
    is_str(vp_vocab_abbr_type(v, "NĐ"), "Nghị định", "an abbreviation names a cited kind");
    ok(vp_vocab_abbr_type(v, "DA") == NULL, "a kind only of documents is not cited");
    is_str(vp_vocab_repair(v, "QDD"), "QĐ", "a damaged abbreviation is repaired");
    is_str(vp_vocab_repair(v, "HDND"), "HĐND", "so is a damaged council");
    ok(vp_vocab_repair(v, "KH") == NULL, "a sound one is not");

    /* agencies */
    ok(vp_vocab_council_count(v) >= 2 && strcmp(vp_vocab_council_at(v, 0)->abbr, "UBND") == 0,
       "councils: UBND first");
    int province = 0;
    for (size_t i = 0; i < vp_vocab_level_count(v); i++)
        province |= strcmp(vp_vocab_level_at(v, i)->name, "tỉnh") == 0 &&
                    vp_vocab_level_at(v, i)->province;
    ok(province, "tỉnh is a provincial level");
    ok(listed(vp_vocab_list(v, VP_LIST_HEADS), "Trung tâm"), "Trung tâm heads an agency");

    /* lists */
    int all = 1;
    for (int l = 0; l < VP_LIST__COUNT; l++)
        all &= vp_vocab_list(v, (vp_list)l)[0] != NULL && longest_first(vp_vocab_list(v, l));
    ok(all, "every list has entries, longest first");
    ok(listed(vp_vocab_list(v, VP_LIST_ISSUER_STOPS), "khoá") &&
       listed(vp_vocab_list(v, VP_LIST_ISSUER_STOPS), "khóa"), "spellings are entries");

    /* syllables */
    size_t n;
    char *key = vp_fold("ĐƯỢC", strlen("ĐƯỢC"), 0, &n);
    ok(key && vp_vocab_common_syllable(v, key, n), "được is a frequent syllable");
    free(key);
    key = vp_fold("ẞǅ", strlen("ẞǅ"), 0, &n);
    ok(key && !vp_vocab_common_syllable(v, key, n), "ẞǅ is none");
    free(key);

    /* the patterns' parts */
    ok(strstr(vp_vocab_alternation(v, VP_ALT_CITE_ABBRS), "Q[ĐÐ]") != NULL,
       "abbreviations accept the eth for Đ");
    ok(strstr(vp_vocab_alternation(v, VP_ALT_CITE_NAMES), "Thông\\s+tư\\s+liên\\s+tịch|") !=
           NULL, "names are spaced \\s+, longest first");
    ok(strstr(vp_vocab_alternation(v, VP_ALT_RECIPIENTS), "UBND") != NULL,
       "councils begin a recipient");

    t = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    ok(vp_is_quoc_hieu(t, strlen(t)), "the national motto");
    t = "Độc lập - Tự do - Hạnh phúc";
    ok(vp_is_quoc_hieu(t, strlen(t)), "its second line");
}

/* ------------------------------------------------------------ bad files */

static void test_bad_files(void)
{
    char dir[1024];
    copy_data(dir);
    if (!ok(dir[0], "a copy of the data directory"))
        return;
    char path[1200];
    snprintf(path, sizeof path, "%s/stoplists.txt", dir);
    char *stoplists = read_all(path);
    long stoplines = 0;
    for (const char *s = stoplists; s && *s; s++)
        stoplines += *s == '\n';
    char twice[65536];
    snprintf(twice, sizeof twice, "%s\n[year-leads]\nđến\n", stoplists ? stoplists : "");
    static const char good_kinds[] = "Kế hoạch\tKH\tdoc,cite\nCông văn\t(CV)\tdoc,default\n"
                                     "Văn bản\t-\tcite,generic\n";
    char kinds_dup[512];
    snprintf(kinds_dup, sizeof kinds_dup, "%s# a comment\nKế họach\tKH\tdoc\n", good_kinds);
    const struct {
        const char *file, *text;
        long line;
        const char *what;
    } cases[] = {
        {"kinds.tsv", "Kế hoạch\tKH\tdoc,cite\nNghị quyết\tNQ\tdoc,bogus\n", 2, "unknown use"},
        {"kinds.tsv", "# kinds\n\nKế hoạch\tKH\n", 3, "too few columns"},
        {"kinds.tsv", kinds_dup, 5, "an abbreviation twice"},
        {"kinds.tsv", "Kế hoạch\tK H\tdoc\n", 1, "an abbreviation with a space"},
        {"kinds.tsv", "Kế hoạch\tKH\tdoc,cite\nVăn bản\t-\tcite,generic\n", 0, "no default"},
        {"kinds.tsv", "Kế hoạch\t(KH\tdoc,default\n", 1, "an unclosed parenthesis"},
        {"agency-heads.txt", "[heads]\nSở\n\n[chiefs]\nGiám đốc\n", 4, "an unknown section"},
        {"agency-heads.txt", "Sở\n[heads]\n", 1, "an entry before any section"},
        {"agency-heads.txt", "[heads]\nSở\nsở\n[councils]\nỦy ban nhân dân\tUBND\n"
                             "[levels]\ntỉnh\n[recipients]\nPhòng\n", 3, "a head twice"},
        {"agency-heads.txt", "[heads]\nSở\nSở-Ban\n", 3, "a head with a dash"},
        {"agency-heads.txt", "[heads]\nSở\nBan Quản lý Dự án Đầu tư\n", 3, "a head of 6 words"},
        {"agency-heads.txt", "[heads]\nSở\n[councils]\nỦy ban nhân dân\n[levels]\ntỉnh\n"
                             "[recipients]\nPhòng\n", 4, "a council without abbreviation"},
        {"agency-heads.txt", "[heads]\nSở\n[councils]\nỦy ban nhân dân\tUBND\n[levels]\n"
                             "tỉnh\tcapital\n[recipients]\nPhòng\n", 6, "a bad level flag"},
        {"agency-heads.txt", "[heads]\nSở\n[councils]\nỦy ban nhân dân\tUBND\n[levels]\ntỉnh\n",
         0, "a missing section"},
        {"stoplists.txt", twice, stoplines + 2, "a section twice"},
        {"syllables.txt", "của được\nnhững trong\n", 2, "an ASCII syllable"},
        {"syllables.txt", "# frequent\nhoà\nhòa\n", 3, "a syllable twice (tone placement)"},
        {"syllables.txt", "của\xff\n", 1, "not UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char file[1200], *orig;
        snprintf(file, sizeof file, "%s/%s", dir, cases[i].file);
        orig = read_all(file);
        write_file(file, cases[i].text);
        vnplan_error err;
        memset(&err, 0, sizeof err);
        vp_vocab *v = vp_vocab_load(dir, &err);
        ok(v == NULL && err.code == VNPLAN_E_DATA && strstr(err.file, cases[i].file) &&
               err.line == cases[i].line,
           "%s: %s refused at line %ld (got %s:%ld: %s)", cases[i].file, cases[i].what,
           cases[i].line, err.file, err.line, err.message);
        vp_vocab_free(v);
        if (orig)
            write_file(file, orig);
        free(orig);
    }

    /* A short list of kinds is no error: what it lacks matches nothing. */
    char kinds[1200];
    snprintf(kinds, sizeof kinds, "%s/kinds.tsv", dir);
    char *orig = read_all(kinds);
    write_file(kinds, good_kinds);
    vnplan_error err;
    vp_vocab *v = vp_vocab_load(dir, &err);
    ok(v && strcmp(vp_vocab_alternation(v, VP_ALT_TITLES), "(*FAIL)") == 0,
       "no kind cited by its title: that pattern never matches");
    vp_vocab_free(v);
    vnplan_options *o = vnplan_options_new();
    vnplan_options_set_datadir(o, dir);
    static const char letter[] = "Số: 12/KH-UBND\n\nKẾ HOẠCH\nTriển khai Luật Trẻ em\n";
    vnplan_plan *p = vnplan_parse_bytes(letter, strlen(letter), "short.txt", o, &err);
    ok(p && vnplan_document_reference_count(vnplan_plan_document(p, 0)) == 0,
       "and a plan parses with it, citing nothing");
    vnplan_plan_free(p);
    vnplan_options_free(o);

    /* Through the library: loading options names the file and line. */
    write_file(kinds, "Kế hoạch\tKH\tdoc,cite\nNghị quyết\tNQ\tdoc,bogus\n");
    o = vnplan_options_new();
    vnplan_options_set_datadir(o, dir);
    vnplan_status st = vnplan_options_load(o, &err);
    ok(st == VNPLAN_E_DATA && strstr(err.file, "kinds.tsv") && err.line == 2,
       "vnplan_options_load reports kinds.tsv:2 (got %s:%ld: %s)", err.file, err.line,
       err.message);
    vnplan_options_free(o);
    if (orig)
        write_file(kinds, orig);
    free(orig);
    free(stoplists);
    remove_data(dir);
}

/* ------------------------------------------------------------ a new kind */

/* A plan of a kind the installed data does not know ("Đề cương", outlines
 * of a campaign), citing another. */
static const char OUTLINE[] =
    "ỦY BAN NHÂN DÂN\n"
    "TỈNH KHÁNH HÒA\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "\n"
    "Số: 45/ĐC-UBND\n"
    "\n"
    "Khánh Hòa, ngày 10 tháng 3 năm 2022\n"
    "\n"
    "ĐỀ CƯƠNG\n"
    "Tuyên truyền về Cộng đồng Văn hóa - Xã hội ASEAN năm 2022\n"
    "\n"
    "I. NỘI DUNG\n"
    "\n"
    "1. Căn cứ Đề cương số 12/ĐC-SVHTT ngày 01/02/2022 của Sở Văn hóa và Thể thao và "
    "theo 07/ĐC-BTC, các cơ quan báo chí tuyên truyền về ASEAN.\n"
    "\n"
    "2. Sở Văn hóa và Thể thao chủ trì, phối hợp với các sở, ban, ngành tổ chức tuyên "
    "truyền.\n";

/* The same without its number: the kind comes from the title. */
static const char OUTLINE_NO_NUMBER[] =
    "ĐỀ CƯƠNG\n"
    "Tuyên truyền về Cộng đồng Văn hóa - Xã hội ASEAN năm 2022\n"
    "\n"
    "I. NỘI DUNG\n"
    "\n"
    "1. Các cơ quan báo chí tuyên truyền về ASEAN.\n";

static vnplan_plan *parse(const char *dir, const char *text)
{
    vnplan_options *o = vnplan_options_new();
    vnplan_options_set_datadir(o, dir);
    vnplan_error err;
    vnplan_plan *p = vnplan_parse_bytes(text, strlen(text), "outline.txt", o, &err);
    if (!p)
        printf("# %s:%ld: %s\n", err.file, err.line, err.message);
    vnplan_options_free(o);
    return p;
}

static const char *field(const vnplan_plan *p, vnplan_field f)
{
    return vnplan_document_field(vnplan_plan_document(p, 0), f);
}

/* The type of the reference numbered `number`, or NULL. */
static const char *cited(const vnplan_plan *p, const char *number)
{
    const vnplan_document *d = vnplan_plan_document(p, 0);
    for (size_t i = 0; i < vnplan_document_reference_count(d); i++) {
        const char *n = vnplan_document_reference(d, i, VNPLAN_REF_NUMBER);
        if (n && strcmp(n, number) == 0)
            return vnplan_document_reference(d, i, VNPLAN_REF_TYPE);
    }
    return NULL;
}

static void test_added_kind(void)
{
    vnplan_plan *p = parse(datadir(), OUTLINE);
    if (!ok(p != NULL, "the installed data parses the outline"))
        return;
    is_str(field(p, VNPLAN_FIELD_KIND), "CV", "installed: its symbol names no known kind");
    const char *title = field(p, VNPLAN_FIELD_TITLE);
    ok(!title || strncmp(title, "ĐỀ CƯƠNG", strlen("ĐỀ CƯƠNG")) != 0,
       "installed: ĐỀ CƯƠNG is no title line");
    ok(cited(p, "12/ĐC-SVHTT") == NULL || strcmp(cited(p, "12/ĐC-SVHTT"), "Đề cương") != 0,
       "installed: no Đề cương is cited");
    vnplan_plan_free(p);

    char dir[1024];
    copy_data(dir);
    if (!ok(dir[0], "a copy of the data directory"))
        return;
    char kinds[1200];
    snprintf(kinds, sizeof kinds, "%s/kinds.tsv", dir);
    char *text = read_all(kinds);
    char *more = text ? malloc(strlen(text) + 100) : NULL;
    if (more) {
        sprintf(more, "%s# added for a campaign\nĐề cương\tĐC\tdoc,cite\n", text);
        write_file(kinds, more);
    }
    free(text);
    free(more);

    p = parse(dir, OUTLINE);
    if (ok(p != NULL, "the copy with Đề cương added parses the outline")) {
        is_str(field(p, VNPLAN_FIELD_KIND), "ĐC", "its kind is read from its symbol");
        title = field(p, VNPLAN_FIELD_TITLE);
        ok(title && strncmp(title, "ĐỀ CƯƠNG Tuyên truyền", strlen("ĐỀ CƯƠNG Tuyên truyền")) ==
                        0, "ĐỀ CƯƠNG opens its title (%s)", title ? title : "none");
        is_str(field(p, VNPLAN_FIELD_ISSUER), "UBND tỉnh Khánh Hòa",
               "the issuer lines are still the issuer");
        is_str(cited(p, "12/ĐC-SVHTT"), "Đề cương", "a cited Đề cương with its number");
        is_str(cited(p, "07/ĐC-BTC"), "Đề cương", "a bare symbol with its abbreviation");
        vnplan_plan_free(p);
    }
    p = parse(dir, OUTLINE_NO_NUMBER);
    if (ok(p != NULL, "the outline without a number parses")) {
        is_str(field(p, VNPLAN_FIELD_KIND), "ĐC", "its kind is read from its title");
        vnplan_plan_free(p);
    }
    remove_data(dir);
}

int main(void)
{
    vnplan_error err;
    memset(&err, 0, sizeof err);
    vp_vocab *v = vp_vocab_load(datadir(), &err);
    if (!ok(v != NULL, "the vocabulary of %s loads", datadir())) {
        printf("# %s:%ld: %s\n", err.file, err.line, err.message);
        return tap_done();
    }
    test_installed(v);
    vp_vocab_free(v);
    test_bad_files();
    test_added_kind();
    return tap_done();
}
