/* patterns.c — the pattern table (see patterns.h).  PCRE2 in UTF mode
 * with Unicode properties, so \s, \w and \b know Vietnamese letters. */
#include "config.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "core/patterns.h"

static const struct {
    const char *source;
    uint32_t flags;
} table[VP_RE__COUNT] = {
    [VP_RE_NUMBER] = {"^S[ốỐ]\\s*[:.]?\\s*(\\d{1,6}\\s*[/\\-]\\s*\\S.{0,60}?)\\s*$", 0},
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
#define VP_REF_TYPES "Thông\\s+tư\\s+liên\\s+tịch|Thông\\s+tư|Nghị\\s+định|Nghị\\s+quyết" \
    "|Quyết\\s+định|Chỉ\\s+thị|Kế\\s+hoạch|Bộ\\s+luật|Luật|Pháp\\s+lệnh|Công\\s+ước" \
    "|Chương\\s+trình|Đề\\s+án|Hướng\\s+dẫn|Công\\s+văn|Văn\\s+bản|Thông\\s+báo" \
    "|Thông\\s+cáo|Quy\\s+định|Qui\\s+định|Quy\\s+chế|Kết\\s+luận|Công\\s+điện" \
    "|Tờ\\s+trình|Báo\\s+cáo|Phương\\s+án|Hiệp\\s+định"
#define VP_REF_NUM "\\d{1,6}(?:\\s{0,2}/\\s{0,2}(?:19|20)\\d\\d(?=\\s{0,2}/))?" \
    "(?:[-/–]\\p{Lu}[\\p{L}\\d&]{0,15}|\\s{0,2}[-/–]\\s{0,2}\\p{Lu}{2}[\\p{L}\\d&]{0,14}){0,5}"
#define VP_REF_ABBR "NQ|Q[ĐÐ]|QDD?|N[ĐÐ]|NDD?|CT|TTLT|TT|KH|CTr|[ĐÐ]A|HD|TB|QC|Qy[ĐÐ]" \
    "|KL|C[ĐÐ]|BC|TTr|PA|TC"
    [VP_RE_REF_NUMBERED] = {"(?<![\\p{L}\\p{N}])(?i:(" VP_REF_TYPES "))"
                            "(?:\\s{1,3}(?i:hành\\s+động|liên\\s+tịch|liên\\s+ngành))?"
                            "(?:\\s{1,3}(?i:(số))\\s{0,3}[:.]?)?\\s{0,3}(" VP_REF_NUM ")(?!\\p{N})",
                            0},
    [VP_RE_REF_BARE] = {"(?<![\\p{L}\\p{N}/\\-–.])(\\d{1,6}(?:/(?:19|20)\\d\\d)?"
                        "(?:/(?:" VP_REF_ABBR ")-|-(?:" VP_REF_ABBR ")/)"
                        "\\p{Lu}[\\p{L}\\d&]{0,15}(?:[-/]\\p{Lu}[\\p{L}\\d&]{0,15}){0,3})"
                        "(?![\\p{L}\\p{N}])", 0},
    [VP_RE_REF_TITLED] = {"(?<![\\p{L}\\p{N}])(Hiến\\s+pháp|Bộ\\s+luật|Luật|Pháp\\s+lệnh"
                          "|Công\\s+ước|Hiến\\s+chương|Hiệp\\s+định|Tuyên\\s+bố)"
                          "(?=\\s{1,3}\\p{L})", 0},
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
    [VP_RE_RECIPIENT] = {"(?<![\\p{L}\\p{N}])(?:UBND|HĐND|(?:Ủy|Uỷ|Uy)\\s+ban|Hội\\s+đồng|Sở|Bộ"
                         "|Thủ\\s+tướng|Chính\\s+phủ|(?:Tỉnh|Thành|Huyện)\\s+(?:ủy|uỷ|uy)"
                         "|Văn\\s+phòng|Ban|Cục|Tổng\\s+cục|Phòng|Chủ\\s+tịch|Giám\\s+đốc"
                         "|Trung\\s+tâm)(?![\\p{L}\\p{N}])", 0},
    /* Targets (targets.c). */
    [VP_RE_TARGET] = {"(?<![\\p{L}\\p{N}.,/])(?:((?i:trên|dưới|hơn|ít\\s+nhất|tối\\s+thiểu|tối\\s+đa"
                      "|khoảng|không\\s+dưới|không\\s+quá|gần))\\s{1,3})?"
                      "(\\d{1,3}(?:[.,]\\d{1,2})?(?:\\s{0,2}[-–]\\s{0,2}\\d{1,3}(?:[.,]\\d{1,2})?)?"
                      "\\s{0,2}%(?:\\s{0,2}/\\s{0,2}(?i:năm))?)"
                      "|(?<![\\p{L}\\p{N}])((?i:giảm|tăng|còn|đạt|bằng|khoảng|trên|dưới|hơn"
                      "|ít\\s+nhất|gấp))\\s{1,3}(\\d{1,2}\\s{0,2}/\\s{0,2}\\d{1,2})(?![\\d/])", 0},
    [VP_RE_TARGET_YEAR] = {"(?<![\\p{L}\\p{N}])(?i:năm)\\s{1,2}((?:19|20)\\d\\d)(?!\\d)", 0},
};

struct vp_patterns {
    pcre2_code *code[VP_RE__COUNT];
    pcre2_match_data *md;
};

void vp_patterns_free(vp_patterns *p)
{
    if (!p)
        return;
    for (int i = 0; i < VP_RE__COUNT; i++)
        pcre2_code_free(p->code[i]);
    pcre2_match_data_free(p->md);
    free(p);
}

vp_patterns *vp_patterns_new(vnplan_error *err)
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
        p->code[i] = pcre2_compile((PCRE2_SPTR)table[i].source, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | table[i].flags,
                                   &code, &at, NULL);
        if (!p->code[i]) {
            PCRE2_UCHAR msg[160];
            pcre2_get_error_message(code, msg, sizeof msg);
            vp_error_set(err, VNPLAN_E_DATA, NULL, 0, -1, "pattern %d at %zu: %s", i,
                         (size_t)at, (const char *)msg);
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
    p->md = pcre2_match_data_create(max_groups, NULL);
    if (!p->md) {
        vp_patterns_free(p);
        vp_error_set(err, VNPLAN_E_NOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    return p;
}

int vp_match(const vp_patterns *p, vp_re id, const char *s, size_t len, size_t start,
             long *groups, int ngroups)
{
    int rc = pcre2_match(p->code[id], (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK, p->md,
                         NULL);
    if (rc <= 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
    uint32_t have = pcre2_get_ovector_count(p->md);
    for (int g = 0; g < ngroups; g++) {
        if ((uint32_t)g < have && g < rc && ov[2 * g] != PCRE2_UNSET) {
            groups[2 * g] = (long)ov[2 * g];
            groups[2 * g + 1] = (long)ov[2 * g + 1];
        } else {
            groups[2 * g] = groups[2 * g + 1] = -1;
        }
    }
    return 1;
}
