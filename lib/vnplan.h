/*
 * vnplan.h — read Vietnamese government plan documents and compare them.
 *
 * libvnplan turns a plan file (plain text, Markdown-ish text exported from
 * PDF or Word, in any encoding Vietnamese offices still produce) into a tree:
 *
 *     plan (one input file)
 *       └─ documents   (a file may hold several: a dispatch wrapping a plan)
 *            ├─ administrative parts: number, issuer, place, date, title,
 *            │                        signer, recipients
 *            └─ sections (from the printed numbering I. → 1. → 1.1.)
 *                 └─ paragraphs (the text blocks placed in that section)
 *
 * The header is ordered as a user needs it:
 *   1. Errors        2. Options       3. Reading a plan
 *   4. Documents     5. Sections and paragraphs
 *   6. Rendering     7. Text helpers  8. Versions
 *
 * Ownership: functions named *_new or vnplan_parse_* give the caller an
 * object to release with the matching *_free (which accepts NULL).  Every
 * getter returns a borrowed pointer, valid until the object that owns it is
 * freed.  Strings are NUL-terminated UTF-8 in Unicode NFC, exactly as
 * printed in the source (tone placement, dashes and typos kept); the library
 * never prints and never exits.
 *
 * Threads: the library has no global mutable state.  Per type —
 *   vnplan_options  configure in one thread, then share read-only (§2);
 *   vnplan_plan     immutable once parsed: any number of threads may read,
 *                   render and compare one plan at once;
 *   vnplan_diff     immutable once built: likewise;
 *   vnplan_iter     one per thread.
 * Freeing is the exception: free an object once, after every thread is
 * done with it (plans and diffs count their references to each other and
 * to the loaded data, so their free order does not matter).
 */
#ifndef VNPLAN_H
#define VNPLAN_H

#include <stddef.h>

#include "vnplan_version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(VNPLAN_BUILDING) && defined(__GNUC__)
#define VNPLAN_API __attribute__((visibility("default")))
#else
#define VNPLAN_API
#endif

/* ===================================================================== */
/* 1. Errors                                                             */
/* ===================================================================== */

/* What went wrong.  Tools map these to exit statuses (see planparse(1)). */
typedef enum vnplan_status {
    VNPLAN_OK = 0,
    VNPLAN_E_IO,        /* the file cannot be opened or read            */
    VNPLAN_E_EMPTY,     /* the input holds no text at all                */
    VNPLAN_E_ENCODING,  /* the bytes are not valid in the encoding       */
    VNPLAN_E_BINARY,    /* the input is not text (NUL bytes, control)    */
    VNPLAN_E_LIMIT,     /* the input exceeds a limit of vnplan_options   */
    VNPLAN_E_USAGE,     /* a bad argument (unknown encoding name, ...)   */
    VNPLAN_E_DATA,      /* an installed data file is missing or invalid  */
    VNPLAN_E_NOMEM      /* out of memory                                 */
} vnplan_status;

/* Filled by the first failure of a call; later failures do not overwrite
 * it.  `line` and `column` are 1-based, 0 when they do not apply; `offset`
 * is a byte offset into the input, -1 when it does not apply. */
typedef struct vnplan_error {
    vnplan_status code;
    long line;
    long column;
    long offset;
    char file[256];
    char message[320];
} vnplan_error;

/* A short English name for `code` ("encoding", "io", ...). */
VNPLAN_API const char *vnplan_status_name(vnplan_status code);

/* ===================================================================== */
/* 2. Options                                                            */
/* ===================================================================== */

/* Settings and limits for parsing and comparing.  Parsing and comparing
 * need data files (charset tables, the agency gazetteer, the frameworks,
 * stop words, the vocabulary of docs/vocabulary.md): vnplan_options_load reads them once into an immutable,
 * reference-counted object the options hold; every plan and diff made with
 * the options holds it too, so options, plans and diffs may be freed in
 * any order.  Options that were not loaded still work: each parse then
 * loads the data for itself (slower for many files).
 *
 * Threads: configure and load the options in one thread; after that, any
 * number of threads may parse and compare with the same options at once
 * (parse and compare take them const and never write to them).  The
 * setters are not thread-safe. */
typedef struct vnplan_options vnplan_options;

VNPLAN_API vnplan_options *vnplan_options_new(void);
VNPLAN_API void vnplan_options_free(vnplan_options *opts);

/* Load the data the settings name, now.  Returns VNPLAN_OK, or an error
 * (VNPLAN_E_DATA naming the file and line of a bad data file,
 * VNPLAN_E_NOMEM) with `err` filled.  A later setter that changes what is
 * loaded (data directory, agencies file, framework) drops the loaded data:
 * load again before sharing the options.  Plans keep the data they were
 * parsed with. */
VNPLAN_API vnplan_status vnplan_options_load(vnplan_options *opts, vnplan_error *err);

/* Where data files (charset tables, ...) are read from.  Default: the
 * installed data directory, or $VNPLAN_DATADIR when the tools set it. */
VNPLAN_API void vnplan_options_set_datadir(vnplan_options *opts, const char *dir);
VNPLAN_API const char *vnplan_options_datadir(const vnplan_options *opts);

/* Force the input encoding instead of detecting it.  Names: "UTF-8",
 * "UTF-16LE", "UTF-16BE", "windows-1258", "TCVN3", "VNI", "VISCII", or any
 * converter name ICU knows.  NULL restores detection.  Returns VNPLAN_OK or
 * VNPLAN_E_USAGE for an unknown name. */
VNPLAN_API vnplan_status vnplan_options_set_encoding(vnplan_options *opts,
                                                      const char *name);

/* An extra agency file (same format as the installed agencies.tsv) whose
 * rows add agencies or names; NULL for none. */
VNPLAN_API void vnplan_options_set_agencies_file(vnplan_options *opts, const char *path);

/* Show, next to each agency, the body that holds its duties on `date`
 * ("YYYY-MM-DD"; the 2025 reorganisation merged and renamed departments);
 * NULL to show agencies as printed only. */
VNPLAN_API void vnplan_options_set_as_of(vnplan_options *opts, const char *date);

/* Limits against hostile input; 0 keeps the default.  These are all the
 * caps there are: an input over one of the first ones is refused with
 * VNPLAN_E_LIMIT naming it; the others change the result and say so in a
 * warning.  The tools set them with --limit=NAME=N (the names below). */
typedef enum vnplan_limit {
    VNPLAN_LIMIT_INPUT_BYTES,   /* input-bytes: largest input file, and
                                   largest decompressed Word file
                                   (default 64 MiB)                       */
    VNPLAN_LIMIT_LINE_BYTES,    /* line-bytes: longest line kept whole
                                   (default 1 MiB; longer is an error)    */
    VNPLAN_LIMIT_DEPTH,         /* depth: deepest section nesting (default
                                   32; deeper numbering is kept as
                                   paragraphs, with the warning
                                   "too-deep")                            */
    VNPLAN_LIMIT_REFERENCES,    /* references: distinct cited documents
                                   kept per document, and warnings about
                                   them (default 2048; more are counted
                                   in the warning "references-limit")     */
    VNPLAN_LIMIT_ZIP_ENTRIES,   /* zip-entries: entries of a Word or
                                   OpenDocument file (default 10,000)     */
    VNPLAN_LIMIT_XML_DEPTH,     /* xml-depth: nesting of their XML (default
                                   128, at most 256: libxml2's own cap)   */
    VNPLAN_LIMIT__COUNT
} vnplan_limit;

/* The name of a limit ("line-bytes", as above), NULL for none; and the
 * limit of a name, or -1. */
VNPLAN_API const char *vnplan_limit_name(vnplan_limit which);
VNPLAN_API int vnplan_limit_by_name(const char *name);
VNPLAN_API void vnplan_options_set_limit(vnplan_options *opts,
                                         vnplan_limit which, size_t value);
VNPLAN_API size_t vnplan_options_limit(const vnplan_options *opts,
                                       vnplan_limit which);

/* ===================================================================== */
/* 3. Reading a plan                                                     */
/* ===================================================================== */

/* One parsed input file. */
typedef struct vnplan_plan vnplan_plan;

/* Parse a file; `path` "-" reads standard input.  Returns NULL and fills
 * `err` on failure.  `opts` may be NULL for defaults. */
VNPLAN_API vnplan_plan *vnplan_parse_file(const char *path, const vnplan_options *opts,
                                          vnplan_error *err);

/* Parse bytes already in memory; `name` is used in messages and in the
 * plan's source path. */
VNPLAN_API vnplan_plan *vnplan_parse_bytes(const void *bytes, size_t len,
                                           const char *name, const vnplan_options *opts,
                                           vnplan_error *err);

/* The text vnplan reads from a file, before any structure is found: UTF-8
 * NFC whatever the encoding, legacy fonts of a Word file converted, the
 * list labels Word computes written out, paragraphs cut by pages or hard
 * wraps rejoined; one paragraph a line, a table row as its cells joined
 * by " | ", page furniture left out.  Returns a malloc'd NUL-terminated
 * string (free() it) and its length in *len (may be NULL), or NULL and
 * fills `err`: the same errors as vnplan_parse_file, except that a blank
 * file gives "". */
VNPLAN_API char *vnplan_read_text(const char *path, const vnplan_options *opts,
                                  size_t *len, vnplan_error *err);
VNPLAN_API char *vnplan_read_text_bytes(const void *bytes, size_t len, const char *name,
                                        const vnplan_options *opts, size_t *out_len,
                                        vnplan_error *err);

/* Parse a file one document at a time, for files that join many plans
 * (an archive saved as one text): `fn` receives each document as soon as
 * it is read, as a plan of its own that holds that document only, and
 * owns it (vnplan_plan_free it, now or later).  Memory then holds the
 * file's text and one document's tree, not every document's.  The
 * documents and their warnings are those vnplan_parse_file gives, in the
 * same order (the file's own warnings with the first or the last
 * document).  `fn` returns 0 to go on, anything else to stop (no error).
 * Returns VNPLAN_OK or the error vnplan_parse_file would give, in `err`;
 * after an error in the middle of the file, the documents before it
 * were handed out. */
typedef int (*vnplan_each_fn)(vnplan_plan *plan, void *ctx);
VNPLAN_API vnplan_status vnplan_parse_file_each(const char *path, const vnplan_options *opts,
                                                vnplan_each_fn fn, void *ctx,
                                                vnplan_error *err);

/* Release the plan.  A diff made from it keeps what it needs. */
VNPLAN_API void vnplan_plan_free(vnplan_plan *plan);

/* Where the text came from: the path given, "text", "docx" or "odt", the
 * encoding that was detected or forced ("UTF-8", "UTF-16LE",
 * "windows-1258", "TCVN3", "VNI", "VISCII", ...), and the input size. */
VNPLAN_API const char *vnplan_plan_path(const vnplan_plan *plan);
VNPLAN_API const char *vnplan_plan_format(const vnplan_plan *plan);
VNPLAN_API const char *vnplan_plan_encoding(const vnplan_plan *plan);
VNPLAN_API size_t vnplan_plan_bytes(const vnplan_plan *plan);

/* Warnings about the input: things repaired, doubtful or impossible.
 * `code` is a stable kebab-case identifier ("stamp-residue", ...). */
VNPLAN_API size_t vnplan_plan_warning_count(const vnplan_plan *plan);
VNPLAN_API const char *vnplan_plan_warning(const vnplan_plan *plan, size_t i,
                                           const char **code, long *line);

/* ===================================================================== */
/* 4. Documents                                                          */
/* ===================================================================== */

typedef struct vnplan_document vnplan_document;

VNPLAN_API size_t vnplan_plan_document_count(const vnplan_plan *plan);
VNPLAN_API const vnplan_document *vnplan_plan_document(const vnplan_plan *plan,
                                                       size_t i);

/* Named text fields of a document, NULL when the document does not state
 * them.  Date fields are ISO "YYYY-MM-DD". */
typedef enum vnplan_field {
    VNPLAN_FIELD_KIND,          /* "KH", "QĐ", ...; "CV" for a công văn     */
    VNPLAN_FIELD_NUMBER,        /* "12127/KH-UBND", spaces repaired          */
    VNPLAN_FIELD_NUMBER_RAW,    /* "12127 /KH-UBND", as printed              */
    VNPLAN_FIELD_ISSUER,        /* "UBND tỉnh Khánh Hòa", "Sở Y tế"          */
    VNPLAN_FIELD_ISSUER_RAW,    /* the issuer line(s) as printed             */
    VNPLAN_FIELD_ISSUER_PARENT, /* superior body: "UBND tỉnh Thanh Hóa"      */
    VNPLAN_FIELD_PROVINCE,      /* "Khánh Hòa"                               */
    VNPLAN_FIELD_PLACE,         /* địa danh of the date line                 */
    VNPLAN_FIELD_DATE,          /* "2021-11-29"                              */
    VNPLAN_FIELD_TITLE,         /* tên loại + trích yếu, one line            */
    VNPLAN_FIELD_SIGNER_NAME,
    VNPLAN_FIELD_SIGNER_POSITION,  /* "Phó Chủ tịch"                         */
    VNPLAN_FIELD_SIGNER_AUTHORITY, /* "KT. Chủ tịch"; NULL when signing
                                      in one's own right                    */
    VNPLAN_FIELD_ARCHIVE,       /* the "Lưu:" line after the recipients     */
    VNPLAN_FIELD_ATTACHED_TO,   /* the number of the document this one is
                                   issued with: "123/QĐ-UBND" for a plan
                                   "(Kèm theo Quyết định số 123/QĐ-UBND
                                   ...)"; its number and date are then
                                   that document's unless it prints its own */
    VNPLAN_FIELD_KIND_NAME,     /* the kind's full name: "Kế hoạch",
                                   "Quyết định", "Công văn"                 */
    VNPLAN_FIELD__COUNT
} vnplan_field;

VNPLAN_API const char *vnplan_document_field(const vnplan_document *doc,
                                             vnplan_field field);
/* First and last input line of the document. */
VNPLAN_API long vnplan_document_line(const vnplan_document *doc);
VNPLAN_API long vnplan_document_last_line(const vnplan_document *doc);

/* Recipients ("Kính gửi:" then "Nơi nhận:"), list markers and trailing
 * punctuation removed, the "Lưu:" line excluded. */
VNPLAN_API size_t vnplan_document_recipient_count(const vnplan_document *doc);
VNPLAN_API const char *vnplan_document_recipient(const vnplan_document *doc,
                                                 size_t i);

/* Text that the parser took out of the way because it is not part of the
 * document's content: stamp and handwriting residue, page furniture,
 * typist initials.  Reported, never silently dropped. */
VNPLAN_API size_t vnplan_document_residue_count(const vnplan_document *doc);
VNPLAN_API const char *vnplan_document_residue(const vnplan_document *doc,
                                               size_t i, long *line);

/* ===================================================================== */
/* 5. Sections and paragraphs                                            */
/* ===================================================================== */

typedef struct vnplan_section vnplan_section;

/* The document's content as a tree.  The root is an unnumbered section
 * (level 0) that holds the preamble paragraphs and the top-level sections. */
VNPLAN_API const vnplan_section *vnplan_document_root(const vnplan_document *doc);

VNPLAN_API const vnplan_section *vnplan_section_parent(const vnplan_section *s);
VNPLAN_API const vnplan_section *vnplan_section_first_child(const vnplan_section *s);
VNPLAN_API const vnplan_section *vnplan_section_next(const vnplan_section *s);

/* "III.2" (printed numbers joined from the root), "2", the heading text
 * with its number and markup removed, 1-based nesting level, first line. */
VNPLAN_API const char *vnplan_section_path(const vnplan_section *s);
VNPLAN_API const char *vnplan_section_number(const vnplan_section *s);
VNPLAN_API const char *vnplan_section_heading(const vnplan_section *s);
VNPLAN_API int vnplan_section_level(const vnplan_section *s);
VNPLAN_API long vnplan_section_line(const vnplan_section *s);

/* The paragraphs placed directly in a section, in order. */
typedef enum vnplan_para_kind {
    VNPLAN_PARA_TEXT,       /* plain paragraph                            */
    VNPLAN_PARA_ITEM,       /* lettered item: a) b) đ)                    */
    VNPLAN_PARA_DASH,       /* "-" bullet                                 */
    VNPLAN_PARA_PLUS,       /* "+" bullet                                 */
    VNPLAN_PARA_TABLE_ROW   /* a table row; cells joined by " | "         */
} vnplan_para_kind;

VNPLAN_API size_t vnplan_section_para_count(const vnplan_section *s);
/* Returns the paragraph text (label and markup removed); `kind`, `label`
 * ("a", "-", "+"; "" for plain text) and `line` may be NULL. */
VNPLAN_API const char *vnplan_section_para(const vnplan_section *s, size_t i,
                                           vnplan_para_kind *kind,
                                           const char **label, long *line);

/* Walking a document in one loop, without recursion, however deep it is:
 *
 *     vnplan_iter *it = vnplan_iter_new(doc);
 *     vnplan_event ev;
 *     while ((ev = vnplan_iter_next(it)) != VNPLAN_EVENT_DONE)
 *         if (ev == VNPLAN_EVENT_ENTER_SECTION) ... vnplan_iter_section(it) ...
 *     vnplan_iter_free(it);
 *
 * Every section, the root first, is entered before its children and exited
 * after them, in document order.  Each task and duty (5b) comes once, in
 * document order, inside the section it belongs to (the one whose path is
 * vnplan_task_section()): after that section's ENTER event and before the
 * next section is entered.  The iterator borrows the document: it is valid
 * while the plan lives.  Several iterators may walk one plan, in as many
 * threads; one iterator belongs to one thread. */
typedef struct vnplan_iter vnplan_iter;

typedef enum vnplan_event {
    VNPLAN_EVENT_DONE = 0,          /* the walk is over (and stays over)   */
    VNPLAN_EVENT_ENTER_SECTION,     /* vnplan_iter_section(): entered      */
    VNPLAN_EVENT_EXIT_SECTION,      /* vnplan_iter_section(): left         */
    VNPLAN_EVENT_TASK,              /* vnplan_iter_task(): a task ...      */
    VNPLAN_EVENT_DUTY               /* ... or a duty, in vnplan_iter_section() */
} vnplan_event;

/* Returns NULL when `doc` is NULL or out of memory. */
VNPLAN_API vnplan_iter *vnplan_iter_new(const vnplan_document *doc);
VNPLAN_API vnplan_event vnplan_iter_next(vnplan_iter *it);
/* The section of the last event (NULL before the first and after the
 * last), and its task or duty (NULL for section events). */
VNPLAN_API const vnplan_section *vnplan_iter_section(const vnplan_iter *it);
VNPLAN_API const struct vnplan_task *vnplan_iter_task(const vnplan_iter *it);
VNPLAN_API void vnplan_iter_free(vnplan_iter *it);

/* ===================================================================== */
/* 5b. Tasks, agencies, references                                       */
/* ===================================================================== */

/* A task is one action item of the task part of a plan ("NHIỆM VỤ, GIẢI
 * PHÁP", "NỘI DUNG THỰC HIỆN"): a "+"/"-" bullet, a numbered item, or an
 * action paragraph, with its unbulleted continuation paragraphs.  A duty is
 * the same in the "TỔ CHỨC THỰC HIỆN" part. */
typedef struct vnplan_task vnplan_task;

typedef enum vnplan_task_part {
    VNPLAN_TASKS,
    VNPLAN_DUTIES
} vnplan_task_part;

VNPLAN_API size_t vnplan_document_task_count(const vnplan_document *doc,
                                             vnplan_task_part part);
VNPLAN_API const vnplan_task *vnplan_document_task(const vnplan_document *doc,
                                                   vnplan_task_part part, size_t i);

/* "T12" (tasks) or "D3" (duties), stable within a document; the path and
 * heading of the innermost section; the text (continuation paragraphs
 * joined by "\n", markup removed); first line. */
VNPLAN_API const char *vnplan_task_id(const vnplan_task *t);
VNPLAN_API const char *vnplan_task_section(const vnplan_task *t);
VNPLAN_API const char *vnplan_task_heading(const vnplan_task *t);
VNPLAN_API const char *vnplan_task_text(const vnplan_task *t);
VNPLAN_API long vnplan_task_line(const vnplan_task *t);

/* Who: the agency that leads ("chủ trì", or named as the subject, or
 * inherited from an introducing line or heading), those that coordinate
 * ("phối hợp với ..."), and bodies only requested ("Đề nghị ..."). */
typedef enum vnplan_role {
    VNPLAN_ROLE_LEAD,
    VNPLAN_ROLE_COORDINATE,
    VNPLAN_ROLE_REQUESTED
} vnplan_role;

VNPLAN_API size_t vnplan_task_agency_count(const vnplan_task *t, vnplan_role role);
/* Returns the name as printed; `id` and `label` (may be NULL) receive the
 * gazetteer's canonical id and name, NULL for an agency it does not know. */
VNPLAN_API const char *vnplan_task_agency(const vnplan_task *t, vnplan_role role, size_t i,
                                          const char **id, const char **label);
/* More about the i-th agency of a role: its sector ("labour-social",
 * "culture-sport-tourism", ...; NULL when unknown), and — when the options
 * set an as-of date — the id and name of the body that holds its duties on
 * that date (NULL when no date was set or the agency is unknown). */
VNPLAN_API const char *vnplan_task_agency_sector(const vnplan_task *t, vnplan_role role,
                                                 size_t i);
VNPLAN_API const char *vnplan_task_agency_today(const vnplan_task *t, vnplan_role role,
                                                size_t i, const char **label);

/* The task's deadline phrase as printed and its ISO date, or NULL. */
VNPLAN_API const char *vnplan_task_deadline(const vnplan_task *t, const char **date);

/* Cited documents, each once, with how often it is mentioned. */
typedef enum vnplan_ref_field {
    VNPLAN_REF_TYPE,        /* "Quyết định"                               */
    VNPLAN_REF_NUMBER,      /* "161/QĐ-TTg", repaired; NULL for a law cited
                               by name                                    */
    VNPLAN_REF_NUMBER_RAW,  /* as first printed                           */
    VNPLAN_REF_TITLE,       /* "Luật Người khuyết tật" for unnumbered ones */
    VNPLAN_REF_DATE,        /* ISO date or NULL                           */
    VNPLAN_REF_ISSUER       /* "Thủ tướng Chính phủ" or NULL              */
} vnplan_ref_field;

VNPLAN_API size_t vnplan_document_reference_count(const vnplan_document *doc);
VNPLAN_API const char *vnplan_document_reference(const vnplan_document *doc, size_t i,
                                                 vnplan_ref_field field);
VNPLAN_API int vnplan_document_reference_mentions(const vnplan_document *doc, size_t i,
                                                  long *line);

/* Dated deadlines anywhere in the document ("trước ngày 20/12/2021"):
 * the phrase as printed; `date` (ISO), `task` (id of the task or duty that
 * holds it, or NULL) and `line` may be NULL. */
VNPLAN_API size_t vnplan_document_deadline_count(const vnplan_document *doc);
VNPLAN_API const char *vnplan_document_deadline(const vnplan_document *doc, size_t i,
                                                const char **date, const char **task,
                                                long *line);

/* The framework category of a task ("hoa_nhap", "tuyen_truyen", ...), how
 * it was found ("heading": a heading names it; "lexicon": the task's own
 * words), and the lexicon score; NULL when the task is unclassified. */
VNPLAN_API const char *vnplan_task_pillar(const vnplan_task *t, const char **basis,
                                          double *score);

/* ===================================================================== */
/* 5c. Comparing two plans                                               */
/* ===================================================================== */

/* Which framework plans are classified by: "qd161", "qd155", or a path
 * to a framework file (docs/frameworks.md).  NULL (the default) detects it
 * from the decisions a plan cites, falling back to qd161.  Returns
 * VNPLAN_E_DATA when the framework cannot be loaded. */
VNPLAN_API vnplan_status vnplan_options_set_framework(vnplan_options *opts,
                                                      const char *name_or_path);

/* The comparison of the plans in two parsed files — in each file the
 * document with the most tasks (the plan, not a dispatch covering it):
 * their tasks paired pillar by pillar, what only one plans, agencies,
 * references, reporting duties and targets on each side. */
typedef struct vnplan_diff vnplan_diff;

/* Both plans are compared under one framework: the one the options name
 * (vnplan_options_set_framework); else the one both plans implement; else,
 * when they implement different ones (a 2021 plan under Decision 161, a
 * 2026 plan under Decision 155), the newer, the older plan's categories
 * being mapped through the newer framework's crosswalk.  `opts` may be
 * NULL: the data plan `a` was parsed with is used.  Returns NULL and fills
 * `err` when a file holds no plan with tasks (VNPLAN_E_USAGE: "not a
 * plan") or on lack of memory.  The diff holds a reference to both plans:
 * free them and the diff in any order.  A plan may be compared in several
 * threads at once. */
VNPLAN_API vnplan_diff *vnplan_compare(const vnplan_plan *a, const vnplan_plan *b,
                                       const vnplan_options *opts, vnplan_error *err);
VNPLAN_API void vnplan_diff_free(vnplan_diff *diff);

/* What a comparison found, for a program that reads it without rendering
 * it: the same values every report format prints.  Every getter accepts a
 * NULL diff, an out-of-range index and a bad side, and then answers NULL
 * or 0.  Strings and tasks are borrowed: valid while the diff lives (the
 * diff holds its plans). */

/* The two sides: A is the first plan given to vnplan_compare, B the
 * second.  The `side` arguments below take one of these. */
typedef enum vnplan_side {
    VNPLAN_SIDE_A = 0,
    VNPLAN_SIDE_B = 1
} vnplan_side;

/* 0 when the plans are the same (every task paired with score 1, the same
 * agencies, references and reporting), 1 when they differ. */
VNPLAN_API int vnplan_diff_differs(const vnplan_diff *diff);

/* The framework both sides are compared under ("qd161"), NULL when none
 * was found; `why` (may be NULL) receives how it was chosen: "option" (the
 * options named it), "both" (both plans implement it), "newer" (the
 * plans implement different ones: the newer), "default". */
VNPLAN_API const char *vnplan_diff_framework(const vnplan_diff *diff, const char **why);
/* The framework a side's plan was classified by when its categories were
 * mapped into the comparison's through the crosswalk ("qd161" for a 2021
 * plan compared under "qd155"); NULL when the side was not mapped. */
VNPLAN_API const char *vnplan_diff_mapped_from(const vnplan_diff *diff, int side);

/* Pairs, in the order of their A tasks: task A (returned), task B and the
 * similarity (`b`, `score` may be NULL). */
VNPLAN_API size_t vnplan_diff_pair_count(const vnplan_diff *diff);
VNPLAN_API const vnplan_task *vnplan_diff_pair(const vnplan_diff *diff, size_t i,
                                               const vnplan_task **b, double *score);
/* What else is known of the i-th pair: a set of these flags. */
enum {
    VNPLAN_PAIR_MOVED = 1 << 0,    /* the tasks are in different categories
                                      (listed under A's)                  */
    VNPLAN_PAIR_VERBATIM = 1 << 1  /* near-identical wording (score 0.90
                                      or more): shared national text      */
};
VNPLAN_API unsigned vnplan_diff_pair_flags(const vnplan_diff *diff, size_t i);

/* The tasks of `side` in no pair, in document order.  With the pairs they
 * cover every task of that side's plan once. */
VNPLAN_API size_t vnplan_diff_only_count(const vnplan_diff *diff, int side);
VNPLAN_API const vnplan_task *vnplan_diff_only(const vnplan_diff *diff, int side, size_t i);

/* A task's category in the comparison's framework — which may differ from
 * vnplan_task_pillar when its plan was mapped through the crosswalk — for
 * a task of `side` (a paired or only task): its id, NULL when the task is
 * unclassified or not a task of that side.  `index` (may be NULL) receives
 * the category's index for the getters below, (size_t)-1 when `t` is not a
 * task of that side. */
VNPLAN_API const char *vnplan_diff_task_category(const vnplan_diff *diff, int side,
                                                 const vnplan_task *t, size_t *index);
/* Who leads a task of `side`, as the reports show it: the canonical name
 * of its first lead agency, else that agency as printed, else the first
 * body requested to do it; NULL when it names none. */
VNPLAN_API const char *vnplan_diff_task_lead(const vnplan_diff *diff, int side,
                                             const vnplan_task *t);

/* The categories of the comparison's framework in its order, then one for
 * the tasks no category fits: its id is NULL, its label "Chưa phân loại". */
VNPLAN_API size_t vnplan_diff_category_count(const vnplan_diff *diff);
VNPLAN_API const char *vnplan_diff_category_id(const vnplan_diff *diff, size_t i);
VNPLAN_API const char *vnplan_diff_category_label(const vnplan_diff *diff, size_t i);

/* Counts, for one category or the whole comparison.  The first seven are
 * kept per category (a pair counts under its A task's category) and sum
 * to the totals; the others are totals only (0 for a category). */
typedef enum vnplan_tally {
    VNPLAN_TALLY_TASKS_A,           /* tasks of A                         */
    VNPLAN_TALLY_TASKS_B,
    VNPLAN_TALLY_PAIRS,
    VNPLAN_TALLY_MOVED,             /* pairs across categories            */
    VNPLAN_TALLY_VERBATIM,          /* pairs with the same wording        */
    VNPLAN_TALLY_ONLY_A,            /* tasks of A in no pair              */
    VNPLAN_TALLY_ONLY_B,
    VNPLAN_TALLY_AGENCIES_BOTH,     /* agencies named by both plans       */
    VNPLAN_TALLY_AGENCIES_ONLY_A,
    VNPLAN_TALLY_AGENCIES_ONLY_B,
    VNPLAN_TALLY_SECTORS,           /* sectors where the plans name
                                       different agencies                 */
    VNPLAN_TALLY_REFERENCES_BOTH,   /* documents cited by both plans      */
    VNPLAN_TALLY_REFERENCES_ONLY_A,
    VNPLAN_TALLY_REFERENCES_ONLY_B,
    VNPLAN_TALLY_REPORTING_A,       /* reporting duties of A              */
    VNPLAN_TALLY_REPORTING_B,
    VNPLAN_TALLY_TARGETS_A,         /* targets of A                       */
    VNPLAN_TALLY_TARGETS_B
} vnplan_tally;
VNPLAN_API size_t vnplan_diff_tally(const vnplan_diff *diff, vnplan_tally what);
VNPLAN_API size_t vnplan_diff_category_tally(const vnplan_diff *diff, size_t i,
                                             vnplan_tally what);

/* The agencies the tasks and duties of either plan name, each once (by
 * gazetteer id, else by folded printed name), in order of first
 * appearance, A's first.  Returns the label (the canonical name, or as
 * printed); `id` and `sector` (may be NULL) receive the gazetteer's id and
 * sector, NULL for an agency it does not know. */
VNPLAN_API size_t vnplan_diff_agency_count(const vnplan_diff *diff);
VNPLAN_API const char *vnplan_diff_agency(const vnplan_diff *diff, size_t i, const char **id,
                                          const char **sector);
/* 1 when `side` names the i-th agency, else 0; in how many of the side's
 * tasks and duties it leads. */
VNPLAN_API int vnplan_diff_agency_named(const vnplan_diff *diff, size_t i, int side);
VNPLAN_API int vnplan_diff_agency_leads(const vnplan_diff *diff, size_t i, int side);

/* The documents either plan cites, each once (by number, else by title
 * for a law cited by name), A's first.  Returns the number or title;
 * `type` (may be NULL) receives "Quyết định", ... or NULL; mentions counts
 * how often `side` cites it (0: not at all). */
VNPLAN_API size_t vnplan_diff_reference_count(const vnplan_diff *diff);
VNPLAN_API const char *vnplan_diff_reference(const vnplan_diff *diff, size_t i,
                                             const char **type);
VNPLAN_API int vnplan_diff_reference_mentions(const vnplan_diff *diff, size_t i, int side);

typedef enum vnplan_diff_format {
    VNPLAN_DIFF_TEXT,       /* for a terminal or a pipe                  */
    VNPLAN_DIFF_JSON,       /* docs/json.md                              */
    VNPLAN_DIFF_MARKDOWN,
    VNPLAN_DIFF_HTML        /* one self-contained page                   */
} vnplan_diff_format;

enum {
    VNPLAN_RENDER_COLOR   = 1 << 0,  /* ANSI colour (text format only)    */
    VNPLAN_RENDER_LANG_EN = 1 << 1,  /* labels in English                  */
    VNPLAN_RENDER_LANG_VI = 1 << 2   /* labels in Vietnamese (tiếng Việt)  */
};

/* Render a comparison; `width` is the terminal width for text (0: 80).
 * malloc'd string, NULL when out of memory.
 *
 * The language of the labels (headings, "only in A", the summary) of the
 * text, Markdown and HTML reports: English with VNPLAN_RENDER_LANG_EN,
 * Vietnamese with VNPLAN_RENDER_LANG_VI (EN wins if both are set), and
 * with neither, the language of LC_MESSAGES of the calling thread's
 * locale, as gettext(3) finds it (English unless the program called
 * setlocale and the user's locale is Vietnamese; $LANGUAGE counts too).
 * What the plans say (tasks, agencies, pillar names, numbers) is printed
 * as it is, and the JSON report, a contract for programs, has no labels
 * to translate.
 *
 * The library never calls setlocale: a language asked for is looked up
 * through a locale object of the calling thread only (newlocale and
 * uselocale around each lookup), so threads may render in different
 * languages at once.  The Vietnamese labels need the catalog installed
 * with the library ($(localedir)/vi/LC_MESSAGES/vnplan.mo; a program that
 * bound the "vnplan" text domain elsewhere with bindtextdomain(3) before
 * its first rendering keeps its binding) and a Vietnamese locale on the
 * system (vi_VN.UTF-8; without one, VNPLAN_RENDER_LANG_VI gives English
 * unless the process locale is Vietnamese already).  Numbers (scores,
 * 0.85) are printed as LC_NUMERIC says: a program that sets LC_ALL from
 * the environment should set LC_NUMERIC back to "C", as the tools do. */
VNPLAN_API char *vnplan_diff_render(const vnplan_diff *diff, vnplan_diff_format format,
                                    int width, int flags);

/* ===================================================================== */
/* 5d. Frameworks and categories, without a comparison                   */
/* ===================================================================== */

/* For a program that reads many plans against one framework (plancover's
 * coverage matrix): the frameworks the options loaded, their categories
 * in order, and any task's category in any of them.  A framework is
 * borrowed from the options' loaded data: valid while the options live
 * and until a setter drops that data; read-only, so any number of threads
 * may use it at once. */
typedef struct vnplan_framework vnplan_framework;

/* The id of the framework a document was classified by ("qd161"), NULL
 * when no framework data was found (the JSON's "framework"). */
VNPLAN_API const char *vnplan_document_framework(const vnplan_document *doc);

/* The installed frameworks of loaded options, newest decision first; 0
 * and NULL when the options were not loaded (vnplan_options_load).
 * vnplan_options_framework: the one of that id (a framework file the
 * options name wins over an installed one of the same id), or with `id`
 * NULL the one vnplan_options_set_framework asked for (NULL when none). */
VNPLAN_API size_t vnplan_options_framework_count(const vnplan_options *opts);
VNPLAN_API const vnplan_framework *vnplan_options_framework_at(const vnplan_options *opts,
                                                               size_t i);
VNPLAN_API const vnplan_framework *vnplan_options_framework(const vnplan_options *opts,
                                                            const char *id);

/* Its id ("qd161"), the decision's title, and its date ("2016-01-25", or
 * NULL when the file gives none; the newer of two frameworks is the one
 * with the later date). */
VNPLAN_API const char *vnplan_framework_id(const vnplan_framework *fw);
VNPLAN_API const char *vnplan_framework_title(const vnplan_framework *fw);
VNPLAN_API const char *vnplan_framework_date(const vnplan_framework *fw);

/* Its categories in the file's order (docs/frameworks.md): the i-th one's
 * id ("hoa_nhap"), NULL past the end; `label_vi`, `label_en` (NULL when
 * the file gives none) and `is_pillar` (1 a pillar or objective, 0 a part
 * plans add, such as "tuyen_truyen") may be NULL. */
VNPLAN_API size_t vnplan_framework_category_count(const vnplan_framework *fw);
VNPLAN_API const char *vnplan_framework_category(const vnplan_framework *fw, size_t i,
                                                 const char **label_vi,
                                                 const char **label_en, int *is_pillar);

/* The category of a task of `doc` in `fw`: its own (vnplan_task_pillar)
 * when the document was classified by a framework of that id, else mapped
 * through the crosswalk as vnplan_compare maps it (docs/frameworks.md,
 * "Comparing plans under different frameworks").  Returns the category's
 * id, NULL when the task is unclassified or no category of `fw` continues
 * its own; `index` (may be NULL) receives its position for
 * vnplan_framework_category, (size_t)-1 with NULL. */
VNPLAN_API const char *vnplan_task_category(const vnplan_document *doc, const vnplan_task *t,
                                            const vnplan_framework *fw, size_t *index);

/* ===================================================================== */
/* 6. Rendering                                                          */
/* ===================================================================== */

typedef enum vnplan_format {
    VNPLAN_FORMAT_JSON,     /* the contract of docs/json.md               */
    VNPLAN_FORMAT_TREE,     /* one line per node; stable; for golden tests */
    VNPLAN_FORMAT_OUTLINE   /* an indented outline for people             */
} vnplan_format;

/* Render a plan; returns a malloc'd NUL-terminated string (free() it) or
 * NULL when out of memory. */
VNPLAN_API char *vnplan_render(const vnplan_plan *plan, vnplan_format format);

/* A file's JSON (VNPLAN_FORMAT_JSON) written as its documents are read
 * (vnplan_parse_file_each), in pieces: OPEN of the first plan, then the
 * DOCUMENTS of each plan, ",\n" between them, then "\n  ],\n
 * \"warnings\": [\n", the WARNINGS of each plan that has some, ",\n"
 * between them, and "\n  ]\n}\n" ("[]" for no warnings at all: see
 * planparse.c).  The result is byte for byte what vnplan_render gives
 * for the whole file.  malloc'd (free() it); NULL when out of memory. */
typedef enum vnplan_json_part {
    VNPLAN_JSON_OPEN,       /* "{", schema, source, "documents": [           */
    VNPLAN_JSON_DOCUMENTS,  /* the plan's documents, as items of that array */
    VNPLAN_JSON_WARNINGS    /* its warnings, as items of "warnings"          */
} vnplan_json_part;
VNPLAN_API char *vnplan_render_json_part(const vnplan_plan *plan, vnplan_json_part part);

/* ===================================================================== */
/* 7. Text helpers                                                       */
/* ===================================================================== */

/* Folding for matching (never for display).  The key of "Hoà", "hòa" and
 * "HÒA" is the same; so is that of "thủy" and "thuỷ". */
typedef enum vnplan_fold_flags {
    VNPLAN_FOLD_DEFAULT    = 0,      /* case, tone placement, dashes, spaces */
    VNPLAN_FOLD_DIACRITICS = 1 << 0  /* also drop all diacritics (đ → d)    */
} vnplan_fold_flags;

/* The folded key of `len` bytes of UTF-8; malloc'd, NULL on bad input or
 * no memory.  The key is for comparison only: its form may change between
 * versions. */
VNPLAN_API char *vnplan_fold(const char *text, size_t len, int flags);

/* ===================================================================== */
/* 8. Versions                                                           */
/* ===================================================================== */

/* The version compiled against is in the macros of vnplan_version.h
 * (included above): VNPLAN_VERSION_MAJOR, _MINOR and _PATCH, the string
 * VNPLAN_VERSION_STRING ("MAJOR.MINOR.PATCH") and VNPLAN_VERSION, one
 * number to compare: #if VNPLAN_VERSION >= VNPLAN_VERSION_AT(0, 2, 0).
 *
 * The version of the library running, "MAJOR.MINOR.PATCH": equal to
 * VNPLAN_VERSION_STRING unless the program was built against the headers
 * of another release. */
VNPLAN_API const char *vnplan_version(void);
/* The same with the libraries behind it: "vnplan MAJOR.MINOR.PATCH (ICU
 * 72.1, utf8proc 2.8.0, PCRE2 10.42, jansson 2.14)" */
VNPLAN_API const char *vnplan_version_long(void);

#ifdef __cplusplus
}
#endif
#endif /* VNPLAN_H */
