/* vocab.h — the words vnplan looks for in documents, read from the data
 * directory rather than written in code (docs/vocabulary.md): the kinds of
 * documents (kinds.tsv), how agency names begin (agency-heads.txt), the
 * extractors' word lists (stoplists.txt) and the syllables that tell the
 * legacy encodings apart (syllables.txt).
 *
 * Loaded once into an immutable object, part of the data object
 * (core/data.h); every lookup is read-only, so one vocabulary serves any
 * number of threads.  Strings handed out live as long as the vocabulary. */
#ifndef VNPLAN_VOCAB_H
#define VNPLAN_VOCAB_H
#include <stddef.h>
#include "vnplan.h"

/* The longest all-capital header line that may be a title ("KẾ HOẠCH"),
 * an issuer or a signer's position, in bytes. */
#define VP_CAPS_LINE_MAX 80
/* Words in one head of an agency's name ("Trung tâm"). */
#define VP_HEAD_MAX_WORDS 4

typedef struct vp_vocab vp_vocab;

/* Reads the four files of <datadir> (NULL: the current directory).  NULL
 * with `err` set when one is missing or wrong: the error names the file
 * and the line. */
vp_vocab *vp_vocab_load(const char *datadir, vnplan_error *err);
void vp_vocab_free(vp_vocab *v);

/* ---------------------------------------------------------------- kinds */

/* Where a kind is recognised (the "uses" column of kinds.tsv). */
enum {
    VP_KIND_DOC = 1,            /* a document's own title line and number    */
    VP_KIND_CITE = 2,           /* cited with a number or by a bare symbol   */
    VP_KIND_TITLE = 4,          /* cited by its capitalised title            */
    VP_KIND_DEFAULT = 8,        /* a document whose symbol names no kind     */
    VP_KIND_GENERIC = 16        /* a cited document of no known kind         */
};

typedef struct vp_kind {
    const char *name;           /* "Kế hoạch"                                */
    const char *abbr;           /* in symbols: "KH"; NULL when none          */
    const char *code;           /* reported as a document's kind: the
                                   abbreviation, or a code of its own
                                   ("CV"); NULL when none                   */
    unsigned uses;              /* VP_KIND_*                                 */
} vp_kind;

size_t vp_vocab_kind_count(const vp_vocab *v);
const vp_kind *vp_vocab_kind_at(const vp_vocab *v, size_t i);

/* The kind (VP_KIND_DOC) an all-capital title line begins with: "KẾ HOẠCH
 * HÀNH ĐỘNG" → Kế hoạch.  NULL when the line is no title. */
const vp_kind *vp_type_from_title(const vp_vocab *v, const char *s, size_t len);
/* The kind whose name is the whole line, in any case ("Kế hoạch",
 * "KẾ HOẠCH HÀNH ĐỘNG"), or NULL. */
const vp_kind *vp_kind_named(const vp_vocab *v, const char *s, size_t len);
/* The code of the kind a document's own number names: "12127/KH-UBND" →
 * "KH", "39-CT/TW" → "CT"; the default kind's ("CV") when it names none
 * ("1884/SYT-VP"). */
const char *vp_vocab_kind_of_number(const vp_vocab *v, const char *number);
/* The full name of the kind whose code is `code` ("KH" → "Kế hoạch"),
 * or NULL. */
const char *vp_vocab_kind_name(const vp_vocab *v, const char *code);
/* The default kind's code ("CV"). */
const char *vp_vocab_default_kind(const vp_vocab *v);

/* The name of the cited kind (VP_KIND_CITE or VP_KIND_TITLE) that
 * s[0..len) spells, in any case and tone placement ("Qui định" → "Quy
 * định"); the generic kind's name ("Văn bản") when none does; NULL when
 * out of memory. */
const char *vp_vocab_cited_type(const vp_vocab *v, const char *s, size_t len);
/* The name of the cited kind whose abbreviation `abbr` is exactly ("NĐ" →
 * "Nghị định"), or NULL. */
const char *vp_vocab_abbr_type(const vp_vocab *v, const char *abbr);
/* The generic kind's name ("Văn bản"). */
const char *vp_vocab_generic_type(const vp_vocab *v);
/* A damaged part of a symbol repaired: "QD" → "QĐ", "HDND" → "HĐND"; NULL
 * when `part` is no damaged form. */
const char *vp_vocab_repair(const vp_vocab *v, const char *part);

/* ------------------------------------------------------------- agencies */

/* A council or committee named by an abbreviation ("Ủy ban nhân dân" →
 * "UBND"). */
typedef struct vp_council {
    const char *const *names;   /* its spellings, NULL-terminated            */
    const char *abbr;           /* "UBND"                                    */
} vp_council;

size_t vp_vocab_council_count(const vp_vocab *v);
const vp_council *vp_vocab_council_at(const vp_vocab *v, size_t i);

/* An administrative unit whose name follows a council's: "tỉnh". */
typedef struct vp_level {
    const char *name;           /* "thành phố", in lower case                */
    int province;               /* a unit of the provincial level            */
} vp_level;

size_t vp_vocab_level_count(const vp_vocab *v);
const vp_level *vp_vocab_level_at(const vp_vocab *v, size_t i);

/* ------------------------------------------------------------ word lists */

/* The lists of agency-heads.txt ([heads]) and of stoplists.txt, one per
 * section (docs/vocabulary.md says which rule uses which). */
typedef enum vp_list {
    VP_LIST_HEADS,              /* "Sở", "Trung tâm": an agency's name begins
                                   (1 to VP_HEAD_MAX_WORDS words of letters) */
    VP_LIST_ISSUER_STOPS,       /* end an issuer after "của"                 */
    VP_LIST_TITLE_STOPS,        /* end a title cited by its title            */
    VP_LIST_GENERIC_BEFORE,     /* "các Công ước": a generic use             */
    VP_LIST_NOT_TITLES,         /* "Luật sư": no title                       */
    VP_LIST_REPORT_NOUN_BEFORE, /* "chế độ báo cáo": a noun, no duty         */
    VP_LIST_RECIPIENT_STOPS,    /* end whom a report goes to                 */
    VP_LIST_RECIPIENT_LEADS,    /* "về", "gửi": lead to whom                 */
    VP_LIST_INDICATOR_HEADS,    /* "tỷ lệ": an indicator begins              */
    VP_LIST_INDICATOR_TRAILING, /* dropped from an indicator's end           */
    VP_LIST_VALUE_NOT_BEFORE,   /* "so", "trở": the value quantifies nothing */
    VP_LIST_INDICATOR_STOPS,    /* end an indicator after its value          */
    VP_LIST_YEAR_LEADS,         /* "đến năm 2025": the target's year         */
    VP_LIST_LIST_FILLERS,       /* ",", "và": between two agencies of a list */
    VP_LIST__COUNT
} vp_list;

/* The entries of a list in NFC, longest first, NULL-terminated: what
 * vp_scan_any_phrase (extract/scan.h) takes. */
const char *const *vp_vocab_list(const vp_vocab *v, vp_list which);

/* ------------------------------------------------------------- syllables */

/* Is key[0..len), a vp_fold key, one of the frequent syllables? */
int vp_vocab_common_syllable(const vp_vocab *v, const char *key, size_t len);

/* -------------------------------------------------- parts of the patterns */

/* Alternations for the pattern table (core/patterns.c), in PCRE2 syntax,
 * longest first: each entry escaped, its spaces as "\s+", and in symbol
 * abbreviations "Đ" also as the look-alike "Ð" (eth). */
typedef enum vp_alt {
    VP_ALT_CITE_NAMES,          /* names of VP_KIND_CITE kinds               */
    VP_ALT_CITE_ABBRS,          /* their abbreviations with damaged forms    */
    VP_ALT_TITLES,              /* names of VP_KIND_TITLE kinds              */
    VP_ALT_RECIPIENTS,          /* heads, councils and [recipients]          */
    VP_ALT__COUNT
} vp_alt;

const char *vp_vocab_alternation(const vp_vocab *v, vp_alt which);

/* ------------------------------------------------------------ the motto */

/* A line of the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
 * "Độc lập - Tự do - Hạnh phúc"), fixed by law, so not data. */
int vp_is_quoc_hieu(const char *s, size_t len);
/* Is the line the beginning of the motto, cut before its end ("CỘNG
 * HÒA XÃ", "CỘNG")? */
int vp_is_quoc_hieu_start(const char *s, size_t len);
#endif
