/* Misaligned loads and stores.  Built with -mno-strict-align -mtune=size so
   GCC emits plain lw/sw/lh/sh on packed-struct fields; inline asm adds
   explicit accesses at every byte offset (incl. across a 4 KiB boundary).
   Everything is checked against byte-wise little-endian composition.
   Exit code = failures. */
#include "socsim.h"

static int failures;

static void expect(const char *what, unsigned off, uint32_t got, uint32_t want)
{
    sim_printf("%-10s +%-4u %08x%s\n", what, off, (unsigned)got, got == want ? "" : "  MISMATCH");
    if (got != want)
        failures++;
}

static uint32_t le32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint32_t le16(const uint8_t *p) { return p[0] | p[1] << 8; }

static uint32_t asm_lw(const uint8_t *p) { uint32_t v; __asm__ volatile("lw %0, 0(%1)" : "=r"(v) : "r"(p) : "memory"); return v; }
static uint32_t asm_lh(const uint8_t *p) { uint32_t v; __asm__ volatile("lh %0, 0(%1)" : "=r"(v) : "r"(p) : "memory"); return v; }
static uint32_t asm_lhu(const uint8_t *p) { uint32_t v; __asm__ volatile("lhu %0, 0(%1)" : "=r"(v) : "r"(p) : "memory"); return v; }
static void asm_sw(uint8_t *p, uint32_t v) { __asm__ volatile("sw %1, 0(%0)" : : "r"(p), "r"(v) : "memory"); }
static void asm_sh(uint8_t *p, uint32_t v) { __asm__ volatile("sh %1, 0(%0)" : : "r"(p), "r"(v) : "memory"); }

static uint8_t buf[32] __attribute__((aligned(16)));
static uint8_t pages[8192] __attribute__((aligned(4096)));

struct __attribute__((packed)) record {
    uint8_t tag;
    uint32_t word;
    int16_t half;
    uint32_t word2;
    uint8_t pad;
};

static struct record recs[5];

static void fill(void)
{
    for (unsigned i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(0x11 * i + 0x80);
}

int main(void)
{
    fill();
    for (unsigned off = 0; off < 4; off++) {
        expect("lw", off, asm_lw(buf + off), le32(buf + off));
        expect("lh", off, asm_lh(buf + off), (uint32_t)(int32_t)(int16_t)le16(buf + off));
        expect("lhu", off, asm_lhu(buf + off), le16(buf + off));
    }
    for (unsigned off = 0; off < 4; off++) {
        fill();
        asm_sw(buf + 8 + off, 0xa1b2c3d4u);
        asm_sh(buf + 16 + off, 0x5e6fu);
        /* Neighbouring bytes must be untouched. */
        int ok = buf[7 + off] == (uint8_t)(0x11 * (7 + off) + 0x80) &&
                 buf[12 + off] == (uint8_t)(0x11 * (12 + off) + 0x80) &&
                 buf[15 + off] == (uint8_t)(0x11 * (15 + off) + 0x80) &&
                 buf[18 + off] == (uint8_t)(0x11 * (18 + off) + 0x80);
        expect("sw", off, le32(buf + 8 + off), 0xa1b2c3d4u);
        expect("sh", off, le16(buf + 16 + off), 0x5e6fu);
        expect("neighbours", off, (uint32_t)ok, 1);
    }

    /* Across a 4 KiB boundary. */
    for (unsigned i = 0; i < 16; i++)
        pages[4088 + i] = (uint8_t)(0xf0 - i);
    expect("lw page", 4094, asm_lw(pages + 4094), le32(pages + 4094));
    asm_sw(pages + 4093, 0xcafef00du);
    expect("sw page", 4093, le32(pages + 4093), 0xcafef00du);
    expect("lh page", 4095, asm_lh(pages + 4095), (uint32_t)(int32_t)(int16_t)le16(pages + 4095));

    /* Compiler-generated misaligned accesses on packed fields. */
    for (unsigned i = 0; i < 5; i++) {
        recs[i].tag = (uint8_t)i;
        recs[i].word = 0x01020304u * (i + 1);
        recs[i].half = (int16_t)(-1000 * (int)i - 1);
        recs[i].word2 = ~recs[i].word;
        recs[i].pad = 0xee;
    }
    uint32_t sum = 0;
    for (unsigned i = 0; i < 5; i++)
        sum = sum * 7 + recs[i].word + (uint32_t)(int32_t)recs[i].half + recs[i].word2;
    const uint8_t *raw = (const uint8_t *)recs;
    uint32_t ref = 0;
    for (unsigned i = 0; i < 5; i++) {
        const uint8_t *r = raw + i * sizeof(struct record);
        ref = ref * 7 + le32(r + 1) + (uint32_t)(int32_t)(int16_t)le16(r + 5) + le32(r + 7);
    }
    sim_printf("sizeof(struct record) = %u\n", (unsigned)sizeof(struct record));
    expect("packed sum", 0, sum, ref);
    expect("packed raw", 3 * 12 + 1, le32(raw + 3 * 12 + 1), 0x01020304u * 4);
    expect("pad byte", 4 * 12 + 11, raw[4 * 12 + 11], 0xee);

    sim_printf("misaligned: %d failures\n", failures);
    return failures;
}
