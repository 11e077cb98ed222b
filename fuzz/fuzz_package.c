/* fuzz_package.c — libFuzzer target: the XML of a Word or OpenDocument
 * file through its reader and every plan renderer.
 *
 * Random bytes almost never make a valid ZIP, so the fuzzer writes the
 * parts and this target packs them: the input is split at the byte 0x01
 * into the main part, then the list definitions and the styles (DOCX:
 * word/document.xml, word/numbering.xml, word/styles.xml; ODT:
 * content.xml, styles.xml), and the parts are stored in a ZIP made here.
 * The first byte chooses the kind: even DOCX, odd ODT.  fuzz/run.sh
 * writes seeds in this form from the tests' Word files. */
#include "config.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint32_t crc32_of(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

typedef struct zipw {
    uint8_t *b;
    size_t n;
    uint8_t *dir;       /* the central directory, written at the end */
    size_t ndir;
    uint16_t count;
} zipw;

static void put(uint8_t **b, size_t *n, const void *p, size_t len)
{
    memcpy(*b + *n, p, len);
    *n += len;
}

static void le16(uint8_t **b, size_t *n, uint16_t v)
{
    uint8_t x[2] = {(uint8_t)v, (uint8_t)(v >> 8)};
    put(b, n, x, 2);
}

static void le32(uint8_t **b, size_t *n, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    put(b, n, x, 4);
}

/* One stored (uncompressed) entry and its directory record. */
static void add(zipw *z, const char *name, const uint8_t *p, size_t len)
{
    uint32_t crc = crc32_of(p, len), off = (uint32_t)z->n;
    uint16_t nl = (uint16_t)strlen(name);
    le32(&z->b, &z->n, 0x04034b50);
    le16(&z->b, &z->n, 20);
    le16(&z->b, &z->n, 0);
    le16(&z->b, &z->n, 0);          /* stored */
    le32(&z->b, &z->n, 0);          /* time, date */
    le32(&z->b, &z->n, crc);
    le32(&z->b, &z->n, (uint32_t)len);
    le32(&z->b, &z->n, (uint32_t)len);
    le16(&z->b, &z->n, nl);
    le16(&z->b, &z->n, 0);
    put(&z->b, &z->n, name, nl);
    put(&z->b, &z->n, p, len);
    le32(&z->dir, &z->ndir, 0x02014b50);
    le16(&z->dir, &z->ndir, 20);
    le16(&z->dir, &z->ndir, 20);
    le16(&z->dir, &z->ndir, 0);
    le16(&z->dir, &z->ndir, 0);
    le32(&z->dir, &z->ndir, 0);
    le32(&z->dir, &z->ndir, crc);
    le32(&z->dir, &z->ndir, (uint32_t)len);
    le32(&z->dir, &z->ndir, (uint32_t)len);
    le16(&z->dir, &z->ndir, nl);
    for (int i = 0; i < 4; i++)
        le16(&z->dir, &z->ndir, 0);  /* extra, comment, disk, attributes */
    le32(&z->dir, &z->ndir, 0);
    le32(&z->dir, &z->ndir, off);
    put(&z->dir, &z->ndir, name, nl);
    z->count++;
}

static void finish(zipw *z)
{
    uint32_t off = (uint32_t)z->n;
    put(&z->b, &z->n, z->dir, z->ndir);
    le32(&z->b, &z->n, 0x06054b50);
    le32(&z->b, &z->n, 0);
    le16(&z->b, &z->n, z->count);
    le16(&z->b, &z->n, z->count);
    le32(&z->b, &z->n, (uint32_t)z->ndir);
    le32(&z->b, &z->n, off);
    le16(&z->b, &z->n, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > (1u << 24))
        return 0;
    int odt = data[0] & 1;
    const uint8_t *part[3] = {NULL, NULL, NULL};
    size_t len[3] = {0, 0, 0};
    const uint8_t *p = data + 1, *end = data + size;
    for (int i = 0; i < 3 && p <= end; i++) {
        const uint8_t *cut = memchr(p, 0x01, (size_t)(end - p));
        part[i] = p;
        len[i] = (size_t)((cut ? cut : end) - p);
        p = (cut ? cut : end) + 1;
    }
    static const char *const docx_names[3] = {"word/document.xml", "word/numbering.xml",
                                              "word/styles.xml"};
    static const char *const odt_names[3] = {"content.xml", "styles.xml", NULL};
    /* every entry costs its data and under 200 bytes of records */
    zipw z = {malloc(size + 1024), 0, malloc(1024), 0, 0};
    if (!z.b || !z.dir)
        abort();
    if (odt) {
        static const char mime[] = "application/vnd.oasis.opendocument.text";
        add(&z, "mimetype", (const uint8_t *)mime, sizeof mime - 1);
    }
    for (int i = 0; i < 3; i++) {
        const char *name = odt ? odt_names[i] : docx_names[i];
        if (name && part[i])
            add(&z, name, part[i], len[i]);
    }
    finish(&z);
    vnplan_plan *plan = vnplan_parse_bytes(z.b, z.n, "fuzz", fuzz_options(), NULL);
    if (plan) {
        static const vnplan_format formats[] = {VNPLAN_FORMAT_JSON, VNPLAN_FORMAT_TREE,
                                                VNPLAN_FORMAT_OUTLINE};
        for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
            free(vnplan_render(plan, formats[i]));
        fuzz_walk(plan);
    }
    vnplan_plan_free(plan);
    free(vnplan_read_text_bytes(z.b, z.n, "fuzz", fuzz_options(), NULL, NULL));
    free(z.b);
    free(z.dir);
    return 0;
}
