/* plantasks — the tasks of many plan files as one table, or one database.
 *
 * Consumes: plan files, parsed one at a time by libvnplan and freed before
 * the next, so memory stays flat over a whole archive.  Produces: one row
 * per task (and per duty with --duties) in CSV, TSV, JSON Lines or a
 * Markdown table, and with --sqlite a relational database of documents,
 * sections, tasks, agencies, references and deadlines.  With --as-of the
 * agencies are also resolved to their successors after the 2025
 * reorganisation (column lead_today).  Each task's framework category
 * is in columns category and framework, and the database also holds the
 * frameworks' categories and a coverage view.  Every output format
 * has the same columns, in the order of `columns` below; docs/plantasks.1
 * and docs/sqlite.md describe them. */
#include "config.h"
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "sbuf.h"
#include "vnplan.h"

static const char *prog = "plantasks";

/* ------------------------------------------------------------ columns */

enum column {
    COL_FILE, COL_DOCUMENT, COL_PROVINCE, COL_PART, COL_SECTION, COL_HEADING,
    COL_TASK_ID, COL_TEXT,
    COL_LEAD, COL_LEAD_PRINTED, COL_LEAD_IDS, COL_LEAD_TODAY,
    COL_COORDINATE, COL_COORDINATE_PRINTED, COL_COORDINATE_IDS,
    COL_REQUESTED, COL_REQUESTED_PRINTED, COL_REQUESTED_IDS,
    COL_DEADLINE, COL_DEADLINE_DATE, COL_LINE,
    COL_CATEGORY, COL_FRAMEWORK,
    NCOLS
};

static const char *const columns[NCOLS] = {
    "file", "document", "province", "part", "section", "heading", "task_id", "text",
    "lead", "lead_printed", "lead_ids", "lead_today",
    "coordinate", "coordinate_printed", "coordinate_ids",
    "requested", "requested_printed", "requested_ids",
    "deadline", "deadline_date", "line",
    "category", "framework",
};

static const char *const role_names[3] = {"lead", "coordinate", "requested"};
/* The first of the three columns (labels, printed, ids) of each role. */
static const enum column role_col[3] = {COL_LEAD, COL_COORDINATE, COL_REQUESTED};
static const char *const part_names[2] = {"task", "duty"};

/* ------------------------------------------------------------ strings */

/* A copy of `s` in valid UTF-8: file names come from the command line and
 * may hold any bytes, but every output format (and SQLite TEXT) wants
 * UTF-8.  Invalid bytes become U+FFFD. */
static char *utf8_clean(const char *s)
{
    sbuf b = {0};
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = 0;
        unsigned c = *p;
        unsigned long cp = 0;
        if (c < 0x80)
            n = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            n = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 4, cp = c & 0x07;
        size_t k = 1;
        if (n > 1) {
            for (; k < n && (p[k] & 0xC0) == 0x80; k++)
                cp = cp << 6 | (p[k] & 0x3F);
            /* No overlong forms, surrogates or values past U+10FFFF. */
            if (k < n || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
                (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
                n = 0;
        }
        if (n) {
            sb_add(&b, (const char *)p, n);
            p += n;
        } else {
            sb_puts(&b, "\xEF\xBF\xBD");
            p++;
        }
    }
    if (!sb_str(&b)) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

/* ------------------------------------------------------------ options */

enum format { FMT_CSV, FMT_TSV, FMT_JSONL, FMT_MARKDOWN };

typedef struct config {
    enum format format;
    int parts[2];           /* which of tasks, duties become rows */
    int bom;
    int table;              /* write the table (not when only --sqlite) */
    const char *output;     /* NULL or "-": standard output */
    const char *sqlite;
    const char *as_of;
} config;

static void usage(FILE *out)
{
    fprintf(out,
            _("Usage: %s [OPTION]... FILE...\n"
            "List the tasks of Vietnamese plan documents, one row per task, for many\n"
            "files at once: who leads, who coordinates, who is requested, and by when.\n"
            "FILE \"-\" reads standard input.\n"
            "\n"
            "  -f, --format=FORMAT   csv (default; RFC 4180, CRLF line ends), tsv,\n"
            "                        jsonl (one JSON object per line), or markdown\n"
            "                        (a table; '|' escaped, newlines as <br>).  In tsv,\n"
            "                        tabs and newlines inside fields become spaces\n"
            "      --duties          also list the duties of the \"TỔ CHỨC THỰC HIỆN\"\n"
            "                        part (column part=duty)\n"
            "      --only-duties     list the duties only\n"
            "      --bom             start csv or tsv output with a UTF-8 byte order\n"
            "                        mark, for Excel\n"
            "  -o, --output=FILE     write the table to FILE instead of standard output\n"
            "      --sqlite=FILE     write a SQLite database to FILE (replaced when it\n"
            "                        exists); the table is then written only if -o is\n"
            "                        also given (-o - for standard output)\n"
            "      --as-of=DATE      resolve agencies as of DATE (YYYY-MM-DD), after\n"
            "                        the 2025 reorganisation: column lead_today\n"
            "      --agencies=FILE   extra agency names (format of agencies.tsv)\n"
            "  -e, --encoding=NAME   read the input as NAME instead of detecting it:\n"
            "                        UTF-8, UTF-16LE, UTF-16BE, windows-1258, TCVN3,\n"
            "                        TCVN5712-1 (VN1), VNI, VISCII, or any name ICU knows\n"
            "      --datadir=DIR     read data files from DIR (default: the installed\n"
            "                        data, or $VNPLAN_DATADIR)\n"),
            prog);
    fputs(_(CLI_LIMIT_HELP), out);
    fputs(_(CLI_LANG_HELP), out);
    fputs(_("  -h, --help            show this help and exit\n"
            "  -V, --version         show versions and exit\n"
            "\n"
            "Columns:"),
          out);
    for (int i = 0, width = 8; i < NCOLS; i++) {
        int n = (int)strlen(columns[i]) + 2;
        if (width + n > 72) {
            fputs("\n ", out);
            width = 1;
        }
        fprintf(out, " %s%s", columns[i], i + 1 < NCOLS ? "," : ".");
        width += n;
    }
    fprintf(out,
            _("\n"
            "\n"
            "Exit status: 0 all files parsed; 1 some file could not be read or\n"
            "parsed (the others are still listed), or the output or database could\n"
            "not be written; 2 bad usage; 3 missing data files or out of memory.\n"));
}

/* ------------------------------------------------------------ progress */

/* "plantasks: 3/10 files" on a terminal, overwritten in place; cleared
 * before any other message and at the end. */
static int progress_on;
static int progress_width;

static void progress(int done, int total)
{
    if (!progress_on)
        return;
    fputc('\r', stderr);
    progress_width = fprintf(stderr, ngettext("%s: %d/%d file", "%s: %d/%d files",
                                              (unsigned long)total),
                             prog, done, total);
    fflush(stderr);
}

static void progress_clear(void)
{
    if (!progress_on || !progress_width)
        return;
    fprintf(stderr, "\r%*s\r", progress_width, "");
    fflush(stderr);
    progress_width = 0;
}

/* ------------------------------------------------------------ table output */

static void put_csv(FILE *out, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    putc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', out);
        putc(*s, out);
    }
    putc('"', out);
}

static void put_tsv(FILE *out, const char *s)
{
    for (; s && *s; s++)
        putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

static void put_markdown(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '|': fputs("\\|", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '\r':
            if (s[1] == '\n')
                s++;
            /* fall through */
        case '\n': fputs("<br>", out); break;
        default: putc(*s, out);
        }
    }
}

static void write_header(FILE *out, const config *c)
{
    if (c->bom && (c->format == FMT_CSV || c->format == FMT_TSV))
        fputs("\xEF\xBB\xBF", out);
    switch (c->format) {
    case FMT_CSV:
    case FMT_TSV:
        for (int i = 0; i < NCOLS; i++)
            fprintf(out, "%s%s", i ? (c->format == FMT_CSV ? "," : "\t") : "", columns[i]);
        fputs(c->format == FMT_CSV ? "\r\n" : "\n", out);
        break;
    case FMT_MARKDOWN:
        for (int i = 0; i < NCOLS; i++)
            fprintf(out, "| %s ", columns[i]);
        fputs("|\n", out);
        for (int i = 0; i < NCOLS; i++)
            fputs(i == COL_LINE ? "| ---: " : "| --- ", out);
        fputs("|\n", out);
        break;
    case FMT_JSONL:
        break;
    }
}

/* One row; v[i] NULL for a value the document does not state.  Returns 0
 * when out of memory (JSON only). */
static int write_row(FILE *out, const config *c, const char *const v[NCOLS], long line)
{
    switch (c->format) {
    case FMT_CSV:
    case FMT_TSV:
        for (int i = 0; i < NCOLS; i++) {
            if (i)
                putc(c->format == FMT_CSV ? ',' : '\t', out);
            (c->format == FMT_CSV ? put_csv : put_tsv)(out, v[i]);
        }
        fputs(c->format == FMT_CSV ? "\r\n" : "\n", out);
        return 1;
    case FMT_MARKDOWN:
        for (int i = 0; i < NCOLS; i++) {
            fputs("| ", out);
            put_markdown(out, v[i]);
            putc(' ', out);
        }
        fputs("|\n", out);
        return 1;
    case FMT_JSONL: {
        json_t *o = json_object();
        int ok = o != NULL;
        for (int i = 0; ok && i < NCOLS; i++) {
            json_t *x = i == COL_LINE ? json_integer(line) : v[i] ? json_string(v[i]) : json_null();
            ok = json_object_set_new(o, columns[i], x) == 0;
        }
        ok = ok && json_dumpf(o, out, JSON_COMPACT) == 0;
        json_decref(o);
        if (ok)
            putc('\n', out);
        return ok;
    }
    }
    return 1;
}

/* ------------------------------------------------------------ SQLite */

/* The database is built in a temporary file beside FILE and renamed over
 * it only after the final commit, so a failed run leaves an existing
 * database untouched and never a half-written one. */
static const char schema[] =
    "PRAGMA foreign_keys = ON;\n"
    "PRAGMA journal_mode = MEMORY;\n"
    "CREATE TABLE documents (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  file TEXT NOT NULL,\n"
    "  number TEXT, kind TEXT, issuer TEXT, province TEXT, place TEXT,\n"
    "  date TEXT, title TEXT, framework TEXT);\n"
    "CREATE TABLE sections (\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id),\n"
    "  path TEXT NOT NULL, number TEXT, heading TEXT,\n"
    "  level INTEGER NOT NULL, line INTEGER);\n"
    "CREATE TABLE tasks (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id),\n"
    "  part TEXT NOT NULL CHECK (part IN ('task', 'duty')),\n"
    "  task_id TEXT NOT NULL, section TEXT, text TEXT NOT NULL,\n"
    "  deadline TEXT, deadline_date TEXT, line INTEGER,\n"
    "  category TEXT, framework TEXT);\n"
    "CREATE TABLE agencies (\n"
    "  id TEXT PRIMARY KEY,\n"
    "  label TEXT NOT NULL,\n"
    "  known INTEGER NOT NULL CHECK (known IN (0, 1)),\n"
    "  sector TEXT,\n"
    "  match_key TEXT NOT NULL UNIQUE);\n"
    "CREATE TABLE task_agencies (\n"
    "  task_id INTEGER NOT NULL REFERENCES tasks(id),\n"
    "  role TEXT NOT NULL CHECK (role IN ('lead', 'coordinate', 'requested')),\n"
    "  agency_id TEXT NOT NULL REFERENCES agencies(id),\n"
    "  printed TEXT NOT NULL,\n"
    "  today_id TEXT, today_label TEXT);\n"
    "CREATE TABLE refs (\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id),\n"
    "  type TEXT, number TEXT, number_raw TEXT, title TEXT, date TEXT,\n"
    "  issuer TEXT, mentions INTEGER, line INTEGER);\n"
    "CREATE TABLE deadlines (\n"
    "  document_id INTEGER NOT NULL REFERENCES documents(id),\n"
    "  task_id INTEGER REFERENCES tasks(id),\n"
    "  text TEXT NOT NULL, date TEXT, line INTEGER);\n"
    /* The categories of every installed framework (docs/frameworks.md),
     * and per plan (a document with tasks) and category of its framework
     * the number of its tasks there, zeros included. */
    "CREATE TABLE categories (\n"
    "  framework TEXT NOT NULL, id TEXT NOT NULL,\n"
    "  label_vi TEXT, label_en TEXT,\n"
    "  is_pillar INTEGER NOT NULL CHECK (is_pillar IN (0, 1)),\n"
    "  position INTEGER NOT NULL,\n"
    "  PRIMARY KEY (framework, id));\n"
    "CREATE VIEW coverage AS\n"
    "  SELECT d.id AS document_id, d.file, d.number, d.province, d.date,\n"
    "         c.framework, c.id AS category, c.label_vi, c.is_pillar, c.position,\n"
    "         count(t.id) AS tasks\n"
    "  FROM documents d\n"
    "  JOIN categories c ON c.framework = d.framework\n"
    "  LEFT JOIN tasks t ON t.document_id = d.id AND t.part = 'task'\n"
    "       AND t.category = c.id\n"
    "  WHERE d.id IN (SELECT document_id FROM tasks WHERE part = 'task')\n"
    "  GROUP BY d.id, c.framework, c.id\n"
    "  ORDER BY d.id, c.position;\n"
    "BEGIN;\n";

/* Created after the rows are in: one sort instead of many updates. */
static const char indexes[] =
    "CREATE INDEX task_agencies_agency ON task_agencies(agency_id);\n"
    "CREATE INDEX task_agencies_task ON task_agencies(task_id);\n"
    "CREATE INDEX tasks_document ON tasks(document_id);\n"
    "CREATE INDEX sections_document ON sections(document_id);\n"
    "CREATE INDEX refs_document ON refs(document_id);\n"
    "CREATE INDEX deadlines_document ON deadlines(document_id);\n"
    "CREATE INDEX deadlines_task ON deadlines(task_id);\n"
    "COMMIT;\n";

enum stmt { ST_DOC, ST_SEC, ST_TASK, ST_AGENCY, ST_TA, ST_REF, ST_DL, ST_CAT, NSTMT };

static const char *const stmt_sql[NSTMT] = {
    "INSERT INTO documents (file, number, kind, issuer, province, place, date, title, "
    "framework) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO sections (document_id, path, number, heading, level, line) "
    "VALUES (?, ?, ?, ?, ?, ?)",
    "INSERT INTO tasks (document_id, part, task_id, section, text, deadline, deadline_date, "
    "line, category, framework) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT OR IGNORE INTO agencies (id, label, known, sector, match_key) VALUES (?, ?, ?, ?, ?)",
    "INSERT INTO task_agencies (task_id, role, agency_id, printed, today_id, today_label) "
    "VALUES (?, ?, (SELECT id FROM agencies WHERE match_key = ?), ?, ?, ?)",
    "INSERT INTO refs (document_id, type, number, number_raw, title, date, issuer, mentions, "
    "line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    /* The task is looked up among this document's rows only: those from
     * rowid ?6 on, a range scan of the primary key. */
    "INSERT INTO deadlines (document_id, task_id, text, date, line) VALUES "
    "(?1, (SELECT id FROM tasks WHERE id >= ?6 AND document_id = ?1 AND task_id = ?2), "
    "?3, ?4, ?5)",
    "INSERT OR IGNORE INTO categories (framework, id, label_vi, label_en, is_pillar, position) "
    "VALUES (?, ?, ?, ?, ?, ?)",
};

typedef struct db {
    const char *path;
    char *tmp;
    sqlite3 *h;
    sqlite3_stmt *st[NSTMT];
    sqlite3_int64 last_task;    /* rowid of the last tasks row, 0 before any */
    int failed;     /* exit status of the first failure, 0 while fine */
} db;

/* One line for a database failure; out of memory is status 3, any other
 * failure to write (disk full, permissions) status 1, like an unwritable
 * output file. */
static void db_fail(db *d, const char *what, int rc)
{
    if (d->failed)
        return;
    progress_clear();
    const char *msg = d->h ? sqlite3_errmsg(d->h) : sqlite3_errstr(rc);
    fprintf(stderr, "%s: %s: %s: %s\n", prog, d->path, what, msg);
    d->failed = rc == SQLITE_NOMEM ? CLI_INTERNAL : CLI_INPUT;
}

static void db_discard(db *d)
{
    for (int i = 0; i < NSTMT; i++)
        sqlite3_finalize(d->st[i]);
    if (d->h)
        sqlite3_close(d->h);
    if (d->tmp) {
        unlink(d->tmp);
        free(d->tmp);
    }
    memset(d->st, 0, sizeof d->st);
    d->h = NULL;
    d->tmp = NULL;
}

static int db_open(db *d, const char *path)
{
    memset(d, 0, sizeof *d);
    d->path = path;
    size_t n = strlen(path);
    d->tmp = malloc(n + sizeof ".tmp-XXXXXX");
    if (!d->tmp) {
        db_fail(d, "cannot create", SQLITE_NOMEM);
        return 0;
    }
    memcpy(d->tmp, path, n);
    memcpy(d->tmp + n, ".tmp-XXXXXX", sizeof ".tmp-XXXXXX");
    int fd = mkstemp(d->tmp);
    if (fd < 0) {
        progress_clear();
        fprintf(stderr, _("%s: %s: cannot create: %s\n"), prog, path, strerror(errno));
        d->failed = CLI_INPUT;
        free(d->tmp);
        d->tmp = NULL;
        return 0;
    }
    /* mkstemp makes the file private; give it the usual permissions. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0) {
        /* Not fatal: the database is merely less readable than usual. */
    }
    close(fd);
    int rc = sqlite3_open_v2(d->tmp, &d->h, SQLITE_OPEN_READWRITE, NULL);
    if (rc != SQLITE_OK) {
        db_fail(d, "cannot create", rc);
        db_discard(d);
        return 0;
    }
    char *msg = NULL;
    rc = sqlite3_exec(d->h, schema, NULL, NULL, &msg);
    sqlite3_free(msg);
    for (int i = 0; rc == SQLITE_OK && i < NSTMT; i++)
        rc = sqlite3_prepare_v2(d->h, stmt_sql[i], -1, &d->st[i], NULL);
    if (rc != SQLITE_OK) {
        db_fail(d, "cannot create", rc);
        db_discard(d);
        return 0;
    }
    return 1;
}

/* Commit, then replace `path`. */
static int db_close(db *d)
{
    if (d->failed) {
        db_discard(d);
        return 0;
    }
    for (int i = 0; i < NSTMT; i++) {
        sqlite3_finalize(d->st[i]);
        d->st[i] = NULL;
    }
    int rc = sqlite3_exec(d->h, indexes, NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        db_fail(d, "cannot write", rc);
        db_discard(d);
        return 0;
    }
    rc = sqlite3_close(d->h);
    d->h = NULL;
    if (rc != SQLITE_OK) {
        db_fail(d, "cannot write", rc);
        db_discard(d);
        return 0;
    }
    if (rename(d->tmp, d->path) != 0) {
        progress_clear();
        fprintf(stderr, _("%s: %s: cannot write: %s\n"), prog, d->path, strerror(errno));
        d->failed = CLI_INPUT;
        db_discard(d);
        return 0;
    }
    free(d->tmp);
    d->tmp = NULL;
    return 1;
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

/* Run a bound statement and reset it; 0 on failure (reported). */
static int db_step(db *d, enum stmt which)
{
    sqlite3_stmt *s = d->st[which];
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_DONE) {
        db_fail(d, "cannot write", rc);
        return 0;
    }
    return 1;
}

/* The categories of every framework the options loaded. */
static int db_categories(db *d, const vnplan_options *opts)
{
    for (size_t f = 0, nf = vnplan_options_framework_count(opts); f < nf; f++) {
        const vnplan_framework *fw = vnplan_options_framework_at(opts, f);
        for (size_t i = 0, n = vnplan_framework_category_count(fw); i < n; i++) {
            const char *label_vi = NULL, *label_en = NULL;
            int pillar = 0;
            const char *id = vnplan_framework_category(fw, i, &label_vi, &label_en, &pillar);
            sqlite3_stmt *s = d->st[ST_CAT];
            bind_text(s, 1, vnplan_framework_id(fw));
            bind_text(s, 2, id);
            bind_text(s, 3, label_vi);
            bind_text(s, 4, label_en);
            sqlite3_bind_int(s, 5, pillar != 0);
            sqlite3_bind_int64(s, 6, (sqlite3_int64)i + 1);
            if (!db_step(d, ST_CAT))
                return 0;
        }
    }
    return 1;
}

static sqlite3_int64 db_document(db *d, const char *file, const vnplan_document *doc)
{
    static const vnplan_field fields[7] = {
        VNPLAN_FIELD_NUMBER, VNPLAN_FIELD_KIND, VNPLAN_FIELD_ISSUER, VNPLAN_FIELD_PROVINCE,
        VNPLAN_FIELD_PLACE, VNPLAN_FIELD_DATE, VNPLAN_FIELD_TITLE,
    };
    sqlite3_stmt *s = d->st[ST_DOC];
    bind_text(s, 1, file);
    for (int i = 0; i < 7; i++)
        bind_text(s, i + 2, vnplan_document_field(doc, fields[i]));
    bind_text(s, 9, vnplan_document_framework(doc));
    if (!db_step(d, ST_DOC))
        return 0;
    sqlite3_int64 id = sqlite3_last_insert_rowid(d->h);

    /* Sections in document order, without recursion: down to the first
     * child, else across, else up until a parent has a next sibling. */
    const vnplan_section *root = vnplan_document_root(doc);
    const vnplan_section *sec = vnplan_section_first_child(root);
    while (sec) {
        s = d->st[ST_SEC];
        sqlite3_bind_int64(s, 1, id);
        bind_text(s, 2, vnplan_section_path(sec));
        bind_text(s, 3, vnplan_section_number(sec));
        bind_text(s, 4, vnplan_section_heading(sec));
        sqlite3_bind_int(s, 5, vnplan_section_level(sec));
        sqlite3_bind_int64(s, 6, vnplan_section_line(sec));
        if (!db_step(d, ST_SEC))
            return 0;
        const vnplan_section *next = vnplan_section_first_child(sec);
        while (!next && sec && sec != root) {
            next = vnplan_section_next(sec);
            if (!next)
                sec = vnplan_section_parent(sec);
        }
        sec = next;
    }

    for (size_t i = 0, n = vnplan_document_reference_count(doc); i < n; i++) {
        static const vnplan_ref_field rf[6] = {
            VNPLAN_REF_TYPE, VNPLAN_REF_NUMBER, VNPLAN_REF_NUMBER_RAW,
            VNPLAN_REF_TITLE, VNPLAN_REF_DATE, VNPLAN_REF_ISSUER,
        };
        long line = 0;
        int mentions = vnplan_document_reference_mentions(doc, i, &line);
        s = d->st[ST_REF];
        sqlite3_bind_int64(s, 1, id);
        for (int k = 0; k < 6; k++)
            bind_text(s, k + 2, vnplan_document_reference(doc, i, rf[k]));
        sqlite3_bind_int(s, 8, mentions);
        if (line > 0)
            sqlite3_bind_int64(s, 9, line);
        if (!db_step(d, ST_REF))
            return 0;
    }
    return id;
}

static int db_task(db *d, sqlite3_int64 doc_id, const vnplan_document *doc,
                   vnplan_task_part part, const vnplan_task *t)
{
    const char *date = NULL, *deadline = vnplan_task_deadline(t, &date);
    sqlite3_stmt *s = d->st[ST_TASK];
    sqlite3_bind_int64(s, 1, doc_id);
    bind_text(s, 2, part_names[part]);
    bind_text(s, 3, vnplan_task_id(t));
    bind_text(s, 4, vnplan_task_section(t));
    bind_text(s, 5, vnplan_task_text(t));
    bind_text(s, 6, deadline);
    bind_text(s, 7, date);
    sqlite3_bind_int64(s, 8, vnplan_task_line(t));
    const char *category = vnplan_task_pillar(t, NULL, NULL);
    bind_text(s, 9, category);
    bind_text(s, 10, category ? vnplan_document_framework(doc) : NULL);
    if (!db_step(d, ST_TASK))
        return 0;
    sqlite3_int64 tid = d->last_task = sqlite3_last_insert_rowid(d->h);

    for (int r = 0; r < 3; r++)
        for (size_t i = 0, n = vnplan_task_agency_count(t, (vnplan_role)r); i < n; i++) {
            const char *id = NULL, *label = NULL;
            const char *printed = vnplan_task_agency(t, (vnplan_role)r, i, &id, &label);
            if (!printed)
                continue;
            sbuf key = {0};
            if (!id) {
                sb_puts(&key, "printed:");
                sb_puts(&key, printed);
                if (!sb_str(&key)) {
                    db_fail(d, "cannot write", SQLITE_NOMEM);
                    return 0;
                }
            }
            const char *agency_id = id ? id : key.p;
            /* One agency per match key, the rule planparse and plandiff
             * group by: the gazetteer id, else the folded printed name, so
             * "Hội Người mù tỉnh" and "HỘI NGƯỜI MÙ TỈNH" are one row (named
             * as first printed). */
            char *folded = id ? NULL : vnplan_fold(printed, strlen(printed), VNPLAN_FOLD_DEFAULT);
            if (!id && !folded) {
                free(key.p);
                db_fail(d, "cannot write", SQLITE_NOMEM);
                return 0;
            }
            const char *match = id ? id : folded;
            s = d->st[ST_AGENCY];
            bind_text(s, 1, agency_id);
            bind_text(s, 2, id && label ? label : printed);
            sqlite3_bind_int(s, 3, id != NULL);
            bind_text(s, 4, vnplan_task_agency_sector(t, (vnplan_role)r, i));
            bind_text(s, 5, match);
            int ok = db_step(d, ST_AGENCY);
            if (ok) {
                const char *today_label = NULL;
                const char *today = vnplan_task_agency_today(t, (vnplan_role)r, i, &today_label);
                s = d->st[ST_TA];
                sqlite3_bind_int64(s, 1, tid);
                bind_text(s, 2, role_names[r]);
                bind_text(s, 3, match);
                bind_text(s, 4, printed);
                bind_text(s, 5, today);
                bind_text(s, 6, today ? today_label : NULL);
                ok = db_step(d, ST_TA);
            }
            free(key.p);
            free(folded);
            if (!ok)
                return 0;
        }
    return 1;
}

/* The dated deadlines of a document, after its tasks: each linked to the
 * tasks row that holds it (among the rows from `first_task` on), or NULL
 * when it belongs to no task or to a part not written. */
static int db_deadlines(db *d, sqlite3_int64 doc_id, const vnplan_document *doc,
                        sqlite3_int64 first_task)
{
    for (size_t i = 0, n = vnplan_document_deadline_count(doc); i < n; i++) {
        const char *date = NULL, *task = NULL;
        long line = 0;
        const char *text = vnplan_document_deadline(doc, i, &date, &task, &line);
        if (!text)
            continue;
        sqlite3_stmt *s = d->st[ST_DL];
        sqlite3_bind_int64(s, 1, doc_id);
        bind_text(s, 2, task);
        bind_text(s, 3, text);
        bind_text(s, 4, date);
        if (line > 0)
            sqlite3_bind_int64(s, 5, line);
        sqlite3_bind_int64(s, 6, first_task);
        if (!db_step(d, ST_DL))
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------ one file */

/* The three columns of a role: canonical labels (the printed name when
 * the gazetteer does not know the agency), names as printed, and the
 * gazetteer ids of the known agencies; each joined by "; ". */
static void role_columns(const vnplan_task *t, vnplan_role role, sbuf out[3])
{
    size_t nids = 0;
    for (size_t i = 0, n = vnplan_task_agency_count(t, role); i < n; i++) {
        const char *id = NULL, *label = NULL;
        const char *printed = vnplan_task_agency(t, role, i, &id, &label);
        if (!printed)
            continue;
        if (i) {
            sb_puts(&out[0], "; ");
            sb_puts(&out[1], "; ");
        }
        sb_puts(&out[0], label ? label : printed);
        sb_puts(&out[1], printed);
        if (id) {
            if (nids++)
                sb_puts(&out[2], "; ");
            sb_puts(&out[2], id);
        }
    }
}

/* Who leads the task on the --as-of date: the label of the body holding
 * each lead agency's duties then (the agency itself when unchanged, the
 * name as printed when the gazetteer does not know it), each once, joined
 * by "; ".  Empty without --as-of. */
static void today_column(const config *c, const vnplan_task *t, sbuf *out)
{
    if (!c->as_of)
        return;
    size_t n = vnplan_task_agency_count(t, VNPLAN_ROLE_LEAD), shown = 0;
    const char **seen = calloc(n ? n : 1, sizeof *seen);
    if (!seen) {
        out->failed = 1;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const char *label = NULL;
        const char *printed = vnplan_task_agency(t, VNPLAN_ROLE_LEAD, i, NULL, NULL);
        if (!printed)
            continue;
        if (!vnplan_task_agency_today(t, VNPLAN_ROLE_LEAD, i, &label) || !label)
            label = printed;
        size_t k = 0;
        while (k < shown && strcmp(seen[k], label) != 0)
            k++;
        if (k < shown)
            continue;
        if (shown)
            sb_puts(out, "; ");
        sb_puts(out, label);
        seen[shown++] = label;
    }
    free(seen);
}

/* Rows (and database rows) for one parsed plan; returns an exit status. */
static int emit_plan(const config *c, FILE *out, db *d, const char *file,
                     const vnplan_plan *plan)
{
    for (size_t di = 0, nd = vnplan_plan_document_count(plan); di < nd; di++) {
        const vnplan_document *doc = vnplan_plan_document(plan, di);
        sqlite3_int64 doc_id = 0;
        if (d && !(doc_id = db_document(d, file, doc)))
            return d->failed;
        sqlite3_int64 first_task = d ? d->last_task + 1 : 0;
        for (int part = 0; part < 2; part++) {
            if (!c->parts[part])
                continue;
            for (size_t ti = 0, nt = vnplan_document_task_count(doc, (vnplan_task_part)part);
                 ti < nt; ti++) {
                const vnplan_task *t = vnplan_document_task(doc, (vnplan_task_part)part, ti);
                if (d && !db_task(d, doc_id, doc, (vnplan_task_part)part, t))
                    return d->failed;
                if (!c->table)
                    continue;
                sbuf roles[3][3], today = {0};
                memset(roles, 0, sizeof roles);
                const char *v[NCOLS];
                char line[32];
                long ln = vnplan_task_line(t);
                snprintf(line, sizeof line, "%ld", ln);
                const char *date = NULL;
                v[COL_FILE] = file;
                v[COL_DOCUMENT] = vnplan_document_field(doc, VNPLAN_FIELD_NUMBER);
                v[COL_PROVINCE] = vnplan_document_field(doc, VNPLAN_FIELD_PROVINCE);
                v[COL_PART] = part_names[part];
                v[COL_SECTION] = vnplan_task_section(t);
                v[COL_HEADING] = vnplan_task_heading(t);
                v[COL_TASK_ID] = vnplan_task_id(t);
                v[COL_TEXT] = vnplan_task_text(t);
                v[COL_DEADLINE] = vnplan_task_deadline(t, &date);
                v[COL_DEADLINE_DATE] = date;
                v[COL_LINE] = line;
                v[COL_CATEGORY] = vnplan_task_pillar(t, NULL, NULL);
                v[COL_FRAMEWORK] = v[COL_CATEGORY] ? vnplan_document_framework(doc) : NULL;
                int ok = 1;
                for (int r = 0; r < 3; r++) {
                    role_columns(t, (vnplan_role)r, roles[r]);
                    for (int k = 0; k < 3; k++) {
                        v[role_col[r] + k] = sb_str(&roles[r][k]);
                        ok = ok && v[role_col[r] + k];
                    }
                }
                today_column(c, t, &today);
                v[COL_LEAD_TODAY] = sb_str(&today);
                ok = ok && v[COL_LEAD_TODAY] && write_row(out, c, v, ln);
                free(today.p);
                for (int r = 0; r < 3; r++)
                    for (int k = 0; k < 3; k++)
                        free(roles[r][k].p);
                if (!ok) {
                    progress_clear();
                    fprintf(stderr, _("%s: %s: out of memory\n"), prog, file);
                    return CLI_INTERNAL;
                }
            }
        }
        if (d && !db_deadlines(d, doc_id, doc, first_task))
            return d->failed;
    }
    return CLI_OK;
}

/* ------------------------------------------------------------ main */

enum {
    OPT_DUTIES = 256, OPT_ONLY_DUTIES, OPT_BOM, OPT_SQLITE, OPT_AS_OF, OPT_AGENCIES,
    OPT_DATADIR, OPT_LIMIT
};

int main(int argc, char **argv)
{
    if (cli_i18n(prog, argc, argv) < 0)
        return CLI_USAGE;
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"duties", no_argument, NULL, OPT_DUTIES},
        {"only-duties", no_argument, NULL, OPT_ONLY_DUTIES},
        {"bom", no_argument, NULL, OPT_BOM},
        {"output", required_argument, NULL, 'o'},
        {"sqlite", required_argument, NULL, OPT_SQLITE},
        {"as-of", required_argument, NULL, OPT_AS_OF},
        {"agencies", required_argument, NULL, OPT_AGENCIES},
        {"encoding", required_argument, NULL, 'e'},
        {"datadir", required_argument, NULL, OPT_DATADIR},
        {"limit", required_argument, NULL, OPT_LIMIT},
        {"lang", required_argument, NULL, 0x4c41},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    config c = {.format = FMT_CSV, .parts = {1, 0}};
    const char *encoding = NULL, *datadir = NULL, *agencies = NULL;
    int duties = 0, only_duties = 0, c_opt;
    size_t limits[VNPLAN_LIMIT__COUNT] = {0};
    opterr = 0;   /* our own messages, named "plantasks", not argv[0] */
    while ((c_opt = getopt_long(argc, argv, ":f:o:e:hV", longopts, NULL)) != -1) {
        switch (c_opt) {
        case 'f':
            if (strcmp(optarg, "csv") == 0)
                c.format = FMT_CSV;
            else if (strcmp(optarg, "tsv") == 0)
                c.format = FMT_TSV;
            else if (strcmp(optarg, "jsonl") == 0)
                c.format = FMT_JSONL;
            else if (strcmp(optarg, "markdown") == 0)
                c.format = FMT_MARKDOWN;
            else
                return cli_usage_error(prog, _("unknown format '%s' (csv, tsv, jsonl, markdown)"),
                                       optarg);
            break;
        case OPT_DUTIES: duties = 1; break;
        case OPT_ONLY_DUTIES: only_duties = 1; break;
        case OPT_BOM: c.bom = 1; break;
        case 'o': c.output = optarg; break;
        case OPT_SQLITE: c.sqlite = optarg; break;
        case OPT_AS_OF:
            if (!cli_valid_date(optarg))
                return cli_usage_error(prog, _("invalid date '%s' for --as-of (use YYYY-MM-DD)"),
                                       optarg);
            c.as_of = optarg;
            break;
        case OPT_AGENCIES: agencies = optarg; break;
        case 'e': encoding = optarg; break;
        case OPT_DATADIR: datadir = optarg; break;
        case OPT_LIMIT:
            if (cli_parse_limit(prog, optarg, limits) != CLI_OK)
                return CLI_USAGE;
            break;
        case 0x4c41: break;   /* --lang: cli_i18n */
        case 'h': usage(stdout); return CLI_OK;
        case 'V': cli_version(prog, stdout); return CLI_OK;
        case ':': return cli_usage_error(prog, _("option '%s' needs a value"), argv[optind - 1]);
        default: return cli_usage_error(prog, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (duties && only_duties)
        return cli_usage_error(prog, _("--duties and --only-duties exclude each other"));
    if (duties)
        c.parts[VNPLAN_DUTIES] = 1;
    if (only_duties) {
        c.parts[VNPLAN_TASKS] = 0;
        c.parts[VNPLAN_DUTIES] = 1;
    }
    if (c.bom && c.format != FMT_CSV && c.format != FMT_TSV)
        return cli_usage_error(prog, _("--bom applies to csv and tsv only"));
    if (c.sqlite && (!*c.sqlite || strcmp(c.sqlite, "-") == 0))
        return cli_usage_error(prog, _("--sqlite needs a file name (a database cannot go to "
                                     "standard output)"));
    if (optind >= argc)
        return cli_usage_error(prog, _("no input file (use - for standard input)"));
    c.table = !c.sqlite || c.output;

    int loaded;
    vnplan_options *opts =
        cli_setup(prog, datadir, agencies, c.as_of, limits, encoding, NULL, &loaded);
    if (!opts)
        return loaded;

    /* Open the outputs first: a wrong path is reported before any work. */
    db dbs, *d = NULL;
    if (c.sqlite) {
        if (!db_open(&dbs, c.sqlite)) {
            vnplan_options_free(opts);
            return dbs.failed;
        }
        if (!db_categories(&dbs, opts)) {
            db_discard(&dbs);
            vnplan_options_free(opts);
            return dbs.failed;
        }
        d = &dbs;
    }
    int to_stdout = c.table && (!c.output || strcmp(c.output, "-") == 0);
    FILE *out = NULL;
    if (c.table) {
        out = to_stdout ? stdout : fopen(c.output, "w");
        if (!out) {
            fprintf(stderr, _("%s: %s: cannot write: %s\n"), prog, c.output, strerror(errno));
            if (d)
                db_discard(d);
            vnplan_options_free(opts);
            return CLI_INPUT;
        }
    }
    /* Progress only where a person watches it, and not over rows being
     * printed to the same terminal. */
    progress_on = isatty(STDERR_FILENO) && !(to_stdout && isatty(STDOUT_FILENO));

    if (out)
        write_header(out, &c);
    int status = CLI_OK, nfiles = argc - optind;
    for (int i = optind; i < argc; i++) {
        vnplan_error err;
        vnplan_plan *plan = vnplan_parse_file(argv[i], opts, &err);
        if (!plan) {
            progress_clear();
            if (cli_parse_failed(prog, &err, &status))
                break;
            progress(i - optind + 1, nfiles);
            continue;
        }
        char *file = utf8_clean(argv[i]);
        int st = file ? emit_plan(&c, out, d, file, plan) : CLI_INTERNAL;
        if (!file) {
            progress_clear();
            fprintf(stderr, _("%s: %s: out of memory\n"), prog, argv[i]);
        }
        free(file);
        vnplan_plan_free(plan);
        if (st > status)
            status = st;
        if (st == CLI_INTERNAL || (d && d->failed))
            break;
        progress(i - optind + 1, nfiles);
    }
    progress_clear();

    if (d && !db_close(d) && d->failed > status)
        status = d->failed;
    if (out) {
        int ok = !ferror(out);
        ok = (to_stdout ? fflush(out) == 0 : fclose(out) == 0) && ok;
        if (!ok) {
            fprintf(stderr, _("%s: %s: write error: %s\n"), prog,
                    to_stdout ? _("<stdout>") : c.output, strerror(errno));
            if (status < CLI_INPUT)
                status = CLI_INPUT;
        }
    }
    vnplan_options_free(opts);
    return status;
}
