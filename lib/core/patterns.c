/* patterns.c — the pattern table (see patterns.h).  PCRE2 in UTF mode
 * with Unicode properties, so \s, \w and \b know Vietnamese letters. */
#include "config.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "core/buf.h"
#include "core/error.h"
#include "core/patterns.h"
#include "core/vocab.h"

/* Words from the vocabulary (core/vocab.h): each marker stands for the
 * alternation of one list, put in before the table is compiled, so that a
 * kind or an agency head added to the data files is found by the
 * patterns.  The digit after the marker byte is the vp_alt. */
#define MARK '\x01'
#define CITE_NAMES "\x01" "0"
#define CITE_ABBRS "\x01" "1"
#define TITLES "\x01" "2"
#define RECIPIENTS "\x01" "3"
_Static_assert(VP_ALT_CITE_NAMES == 0 && VP_ALT_CITE_ABBRS == 1 && VP_ALT_TITLES == 2 &&
               VP_ALT_RECIPIENTS == 3 && VP_ALT__COUNT == 4, "markers follow vp_alt");

static const struct {
    const char *source;
    uint32_t flags;
} table[VP_RE__COUNT] = {
    /* "Số: 12127/KH-UBND", and a number left blank to be filled in by
     * hand or in a template ("Số:      /KH-UBND", "Số: …/NQ-…"): the
     * symbol still names the kind */
    [VP_RE_NUMBER] = {"^S[ốỐ]\\s*[:.]?\\s*((?:\\d{1,6}\\s*[/\\-]|[.…]*\\s*/"
                      "(?=\\s*(?:\\p{Lu}|[.…\\s\\d]+-)))"
                      "\\s*\\S.{0,60}?)\\s*$", 0},
    [VP_RE_PLACE_DATE] = {"^(\\p{L}[^,]{1,60}?)\\s*,\\s*ngày\\s+(\\d{1,2})?\\s*tháng\\s+"
                          "(\\d{1,2})?\\s*năm\\s+(\\d{4})\\s*\\.?\\s*$", PCRE2_CASELESS},
    [VP_RE_VV] = {"^(?:V/v|Về\\s+việc)\\s*[:.]?\\s*(.+)$", PCRE2_CASELESS},
    [VP_RE_KINH_GUI] = {"^Kính\\s+gửi\\s*:?\\s*(.*)$", PCRE2_CASELESS},
    [VP_RE_NOI_NHAN] = {"^N(?:ơ|o)i\\s+nh(?:ậ|a)n\\s*:?\\s*(.*)$", PCRE2_CASELESS},
    [VP_RE_ARCHIVE] = {"^Lưu\\s*:\\s*(.+?)\\s*$", 0},
    [VP_RE_AUTHORITY] = {"^(KT|TM|TL|TUQ|Q|UQ)\\s*\\.\\s*(.+)$", 0},
    [VP_RE_STAMP] = {"(?:\\s*\\b(?:Số|Ngày|Chuyển|Chuyên|Lưu hồ sơ số|Đến)\\s*:\\s*"
                     "(?:\\.{2,}|…+|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)"
                     "|\\s*:\\s*(?:\\.{3,}|…+))(?=\\s|$)", PCRE2_CASELESS},
    [VP_RE_STAMP_LINE] = {"^(?:(?:Số|Ngày|Chuyển|Chuyên|Lưu hồ sơ số|Đến|ĐẾN)\\s*:\\s*"
                          "(?:\\.{2,}|…+|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)\\s*)+$"
                          "|^\\d{1,2}/\\d{1,2}/\\d{2,4}$", PCRE2_CASELESS},
    [VP_RE_END_INITIALS] = {"\\./\\.\\s*(\\p{Lu}{1,4}(?:\\s+\\p{Lu}{1,4})?)\\s*$", 0},
    /* References (references.c).  The type words are caseless, the
     * symbol is not: its parts start with a capital ("QĐ", "TTg"); a part
     * after a spaced separator ("161/QĐ -TTg") needs two capitals so that
     * " - Sở" after a symbol is not swallowed.  All repetitions are
     * bounded, so a match costs O(1) per start position. */
#define VP_REF_NUM "\\d{1,6}(?:\\s{0,2}/\\s{0,2}(?:19|20)\\d\\d(?=\\s{0,2}/))?" \
    "(?:[-/–]\\p{Lu}[\\p{L}\\d&]{0,15}|\\s{0,2}[-/–]\\s{0,2}\\p{Lu}{2}[\\p{L}\\d&]{0,14}){0,5}"
    [VP_RE_REF_NUMBERED] = {"(?<![\\p{L}\\p{N}])(?i:(" CITE_NAMES "))"
                            "(?:\\s{1,3}(?i:hành\\s+động|liên\\s+tịch|liên\\s+ngành))?"
                            "(?:\\s{1,3}(?i:(số))\\s{0,3}[:.]?)?\\s{0,3}(" VP_REF_NUM ")(?!\\p{N})",
                            0},
    [VP_RE_REF_BARE] = {"(?<![\\p{L}\\p{N}/\\-–.])(\\d{1,6}(?:/(?:19|20)\\d\\d)?"
                        "(?:/(?:" CITE_ABBRS ")-|-(?:" CITE_ABBRS ")/)"
                        "\\p{Lu}[\\p{L}\\d&]{0,15}(?:[-/]\\p{Lu}[\\p{L}\\d&]{0,15}){0,3})"
                        "(?![\\p{L}\\p{N}])", 0},
    [VP_RE_REF_TITLED] = {"(?<![\\p{L}\\p{N}])(" TITLES ")(?=\\s{1,3}\\p{L})", 0},
    [VP_RE_REF_DATE] = {"\\G[\\s,]{0,4}(?:(?i:ban\\s+hành)\\s+)?(?i:ngày)\\s{0,3}"
                        "(?:(\\d{1,2})\\s{0,2}[/.\\-]\\s{0,2}(\\d{1,2})\\s{0,2}[/.\\-]\\s{0,2}(\\d{4})"
                        "|(\\d{1,2})\\s+(?i:tháng)\\s+(\\d{1,2})\\s+(?i:năm)\\s+(\\d{4}))(?!\\d)", 0},
    [VP_RE_REF_ISSUER] = {"\\G[\\s,:.…]{0,12}(?i:của)\\s{1,3}(?=\\p{Lu})", 0},
    [VP_RE_REF_TAILNUM] = {"\\G\\s{1,3}(?i:số)\\s{0,3}[:.]?\\s{0,3}(" VP_REF_NUM ")(?!\\p{N})", 0},
    /* Deadlines and reporting (deadlines.c). */
    [VP_RE_DEADLINE] = {"(?<![\\p{L}\\p{N}])(?:"
                        "(?:trước|chậm\\s+nhất(?:\\s+là)?|hạn\\s+chót|đến\\s+hết|đến)\\s+ngày\\s{0,2}"
                        "(?:(\\d{1,2})\\s{0,2}/\\s{0,2}(\\d{1,2})(?:\\s{0,2}/\\s{0,2}(\\d{4}))?(?![\\d/])"
                        "|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s+năm\\s+(\\d{4}))?(?!\\d))"
                        "|(?:(?:đến|trước|trong)\\s+)?(?:hết\\s+)?cuối\\s+năm\\s+((?:19|20)\\d\\d)(?!\\d)"
                        "|(?:giai\\s+đoạn|thời\\s+kỳ)\\s{0,3}((?:19|20)\\d\\d)\\s{0,3}[-–—]{1,2}\\s{0,3}"
                        "((?:19|20)\\d\\d)(?!\\d))"
                        "|(?<![\\d/.\\-–])((?:19|20)\\d\\d)\\s{0,3}[-–—]{1,2}\\s{0,3}((?:19|20)\\d\\d)"
                        "(?![\\d/\\-–])"
                        "|(?<![\\p{L}\\p{N}])(?:"
                        "(?:đến|tới|trong)\\s+(?:hết\\s+)?(?:năm\\s+)?((?:19|20)\\d\\d)(?![\\d/\\-–])"
                        "|tầm\\s+nhìn\\s+(?:đến\\s+)?(?:năm\\s+)?((?:19|20)\\d\\d)(?!\\d)"
                        "|((?:hằng|hàng|mỗi)\\s+năm)(?!\\p{L}))", PCRE2_CASELESS},
    [VP_RE_REPORT] = {"(?<![\\p{L}\\p{N}])báo\\s+cáo(?![\\p{L}\\p{N}])", PCRE2_CASELESS},
    [VP_RE_FREQUENCY] = {"(?<![\\p{L}\\p{N}])(?:(hằng|hàng|mỗi)\\s+(năm|quý|tháng)|(6|sáu)\\s+tháng"
                         "|(nửa\\s+năm|bán\\s+niên)|(định\\s+kỳ))(?![\\p{L}\\p{N}])", PCRE2_CASELESS},
    [VP_RE_RECIPIENT] = {"(?<![\\p{L}\\p{N}])(?:" RECIPIENTS ")(?![\\p{L}\\p{N}])", 0},
    /* Targets (targets.c). */
    [VP_RE_TARGET] = {"(?<![\\p{L}\\p{N}.,/])(?:((?i:trên|dưới|hơn|ít\\s+nhất|tối\\s+thiểu|tối\\s+đa"
                      "|khoảng|không\\s+dưới|không\\s+quá|gần))\\s{1,3})?"
                      "(\\d{1,3}(?:[.,]\\d{1,2})?(?:\\s{0,2}[-–]\\s{0,2}\\d{1,3}(?:[.,]\\d{1,2})?)?"
                      "\\s{0,2}%(?:\\s{0,2}/\\s{0,2}(?i:năm))?)"
                      "|(?<![\\p{L}\\p{N}])((?i:giảm|tăng|còn|đạt|bằng|khoảng|trên|dưới|hơn"
                      "|ít\\s+nhất|gấp))\\s{1,3}(\\d{1,2}\\s{0,2}/\\s{0,2}\\d{1,2})(?![\\d/])", 0},
    [VP_RE_TARGET_YEAR] = {"(?<![\\p{L}\\p{N}])(?i:năm)\\s{1,2}((?:19|20)\\d\\d)(?!\\d)", 0},
    [VP_RE_HEADER_CUT] = {"(?<!\\S)(?:(?i:cộng\\s+h(?:òa|oà)\\s+xã\\s+hội)"
                          "|(?i:độc\\s+lập\\s*[-–]\\s*tự\\s+do)"
                          "|Số\\s*:\\s*\\d{1,6}(?:\\s*[/–-]\\s*[^\\s/–-]+)+(?=\\s+\\S)()"
                          "|Số\\s*:(?=\\s|\\d|$)"
                          "|\\p{Lu}\\p{L}*(?:\\s+\\p{L}+){0,5}\\s*,\\s*(?i:ngày)\\s+\\d"
                          "|([-_*=]{3,})(?=\\s|$)"
                          "|(?i:căn\\s+cứ)\\s)"
                          "|(?i:năm)\\s+\\d{4}()(?=\\s+\\S)", 0},
};

/* Immutable once compiled, so one table serves every thread: the match
 * data, which pcre2_match writes, is made per call (a small allocation;
 * the JIT needs no other heap memory). */
struct vp_patterns {
    pcre2_code *code[VP_RE__COUNT];
    uint32_t max_groups;
};

void vp_patterns_free(vp_patterns *p)
{
    if (!p)
        return;
    for (int i = 0; i < VP_RE__COUNT; i++)
        pcre2_code_free(p->code[i]);
    free(p);
}

/* The source with the vocabulary's alternations in place of its markers;
 * malloc'd, NULL when out of memory. */
static char *expand(const char *source, const vp_vocab *v)
{
    vp_buf b;
    vp_buf_init(&b);
    for (const char *s = source; *s; s++) {
        if (*s == MARK && s[1] >= '0' && s[1] < '0' + VP_ALT__COUNT) {
            vp_buf_puts(&b, vp_vocab_alternation(v, (vp_alt)(*++s - '0')));
            continue;
        }
        vp_buf_putc(&b, *s);
    }
    return vp_buf_detach(&b);
}

vp_patterns *vp_patterns_new(const vp_vocab *v, vnplan_error *err)
{
    vp_patterns *p = calloc(1, sizeof *p);
    if (!p) {
        vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    uint32_t max_groups = 1;
    for (int i = 0; i < VP_RE__COUNT; i++) {
        int code;
        PCRE2_SIZE at;
        char *source = expand(table[i].source, v);
        if (!source) {
            vp_patterns_free(p);
            vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
            return NULL;
        }
        p->code[i] = pcre2_compile((PCRE2_SPTR)source, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | table[i].flags,
                                   &code, &at, NULL);
        free(source);
        if (!p->code[i]) {
            PCRE2_UCHAR msg[160];
            pcre2_get_error_message(code, msg, sizeof msg);
            vp_error_set(err, code == PCRE2_ERROR_HEAP_FAILED ? VNPLAN_E_NOMEM : VNPLAN_E_DATA,
                         NULL, 0, -1, "pattern %d at %zu: %s", i, (size_t)at, (const char *)msg);
            vp_patterns_free(p);
            return NULL;
        }
        /* The JIT is an optimisation: where it is unavailable the
         * interpreter gives the same answers. */
        (void)pcre2_jit_compile(p->code[i], PCRE2_JIT_COMPLETE);
        uint32_t n = 0;
        pcre2_pattern_info(p->code[i], PCRE2_INFO_CAPTURECOUNT, &n);
        if (n + 1 > max_groups)
            max_groups = n + 1;
    }
    p->max_groups = max_groups;
    return p;
}

/* The match data of one vp_match lives on its stack: a match that cannot
 * fail for lack of memory needs no error path in its forty callers (a
 * failed malloc would otherwise read as "no match", a wrong answer).  What
 * does not fit (the interpreter's backtracking frames, used only where the
 * JIT is unavailable) comes from the heap. */
typedef struct stack_mem {
    _Alignas(max_align_t) unsigned char buf[1024];
    size_t used;
} stack_mem;

static void *stack_malloc(size_t n, void *data)
{
    stack_mem *m = data;
    size_t a = _Alignof(max_align_t);
    n = (n + a - 1) / a * a;
    if (n <= sizeof m->buf - m->used) {
        void *r = m->buf + m->used;
        m->used += n;
        return r;
    }
    return malloc(n);
}

static void stack_free(void *ptr, void *data)
{
    stack_mem *m = data;
    if ((unsigned char *)ptr < m->buf || (unsigned char *)ptr >= m->buf + sizeof m->buf)
        free(ptr);
}

int vp_match(const vp_patterns *p, vp_re id, const char *s, size_t len, size_t start,
             long *groups, int ngroups)
{
    stack_mem mem;
    mem.used = 0;
    pcre2_general_context *gc = pcre2_general_context_create(stack_malloc, stack_free, &mem);
    pcre2_match_data *md = gc ? pcre2_match_data_create(p->max_groups, gc) : NULL;
    if (!md) {
        pcre2_general_context_free(gc);
        return 0;   /* only when max_groups outgrows the buffer and malloc fails */
    }
    int rc = pcre2_match(p->code[id], (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK, md, NULL);
    if (rc <= 0) {
        pcre2_match_data_free(md);
        pcre2_general_context_free(gc);
        return 0;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    uint32_t have = pcre2_get_ovector_count(md);
    for (int g = 0; g < ngroups; g++) {
        if ((uint32_t)g < have && g < rc && ov[2 * g] != PCRE2_UNSET) {
            groups[2 * g] = (long)ov[2 * g];
            groups[2 * g + 1] = (long)ov[2 * g + 1];
        } else {
            groups[2 * g] = groups[2 * g + 1] = -1;
        }
    }
    pcre2_match_data_free(md);
    pcre2_general_context_free(gc);
    return 1;
}
