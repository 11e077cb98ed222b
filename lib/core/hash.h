/* hash.h — the two hash functions of the library's open-addressing tables:
 * FNV-1a for byte strings (word keys, agency ids) and the murmur3
 * finaliser for 64-bit keys (trie edges, feature ids).  Inline, because
 * they sit in the innermost loops of matching and alignment. */
#ifndef VNPLAN_HASH_H
#define VNPLAN_HASH_H
#include <stddef.h>
#include <stdint.h>

#define VP_FNV_OFFSET 1469598103934665603u
#define VP_FNV_PRIME 1099511628211u

/* FNV-1a of s[0..n). */
static inline uint64_t vp_hash_bytes(const char *s, size_t n)
{
    uint64_t h = VP_FNV_OFFSET;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= VP_FNV_PRIME;
    }
    return h;
}

/* Scrambles all 64 bits of x into the low ones a table mask keeps. */
static inline uint64_t vp_hash_u64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdu;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53u;
    x ^= x >> 33;
    return x;
}
#endif
