/* CRC-32 (IEEE, reflected) table-driven and bitwise, CRC-16/CCITT-FALSE
   bitwise and table-driven, on fixed and pseudo-random data.  The standard
   check values of "123456789" are verified; exit code = failures. */
#include "socsim.h"

static uint32_t crc32_table[256];
static uint16_t crc16_table[256];

static void crc32_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? (c >> 1) ^ 0xedb88320u : c >> 1;
        crc32_table[i] = c;
    }
}

static uint32_t crc32_tab(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    while (n--)
        c = crc32_table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return ~c;
}

static uint32_t crc32_bits(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    while (n--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));   /* branch-free */
    }
    return ~c;
}

static void crc16_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint16_t c = (uint16_t)(i << 8);
        for (int k = 0; k < 8; k++)
            c = (c & 0x8000) ? (uint16_t)((c << 1) ^ 0x1021) : (uint16_t)(c << 1);
        crc16_table[i] = c;
    }
}

/* CRC-16/CCITT-FALSE: poly 0x1021, init 0xffff, no reflection. */
static uint16_t crc16_bits(const uint8_t *p, size_t n)
{
    uint16_t c = 0xffff;
    while (n--) {
        c ^= (uint16_t)(*p++ << 8);
        for (int k = 0; k < 8; k++)
            c = (c & 0x8000) ? (uint16_t)((c << 1) ^ 0x1021) : (uint16_t)(c << 1);
    }
    return c;
}

static uint16_t crc16_tab(const uint8_t *p, size_t n)
{
    uint16_t c = 0xffff;
    while (n--)
        c = (uint16_t)((c << 8) ^ crc16_table[((c >> 8) ^ *p++) & 0xff]);
    return c;
}

static uint8_t buf[4096];

int main(void)
{
    int failures = 0;
    crc32_init();
    crc16_init();

    const uint8_t *check = (const uint8_t *)"123456789";
    uint32_t c32 = crc32_tab(check, 9), c32b = crc32_bits(check, 9);
    uint16_t c16 = crc16_bits(check, 9), c16t = crc16_tab(check, 9);
    sim_printf("crc32(\"123456789\") table=%08x bitwise=%08x (expect cbf43926)\n",
               (unsigned)c32, (unsigned)c32b);
    sim_printf("crc16(\"123456789\") bitwise=%04x table=%04x (expect 29b1)\n", c16, c16t);
    failures += c32 != 0xcbf43926u;
    failures += c32b != 0xcbf43926u;
    failures += c16 != 0x29b1;
    failures += c16t != 0x29b1;

    sim_printf("table[1]=%08x table[128]=%08x table[255]=%08x crc16tab[255]=%04x\n",
               (unsigned)crc32_table[1], (unsigned)crc32_table[128], (unsigned)crc32_table[255],
               crc16_table[255]);

    /* Linear congruential fill; several lengths incl. 0 and odd sizes. */
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof buf; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (uint8_t)(x >> 16);
    }
    static const size_t lens[] = {0, 1, 3, 64, 255, 1000, 4096};
    for (unsigned i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        size_t n = lens[i];
        uint32_t t = crc32_tab(buf, n), b = crc32_bits(buf, n);
        uint16_t h = crc16_bits(buf, n), ht = crc16_tab(buf, n);
        int ok = (t == b) && (h == ht);
        sim_printf("len %4u: crc32=%08x crc16=%04x %s\n", (unsigned)n, (unsigned)t, h,
                   ok ? "ok" : "MISMATCH");
        failures += !ok;
    }

    /* Appending the little-endian CRC-32 to the data gives the fixed residue. */
    uint32_t t = crc32_tab(buf, 1000);
    buf[1000] = (uint8_t)t;
    buf[1001] = (uint8_t)(t >> 8);
    buf[1002] = (uint8_t)(t >> 16);
    buf[1003] = (uint8_t)(t >> 24);
    uint32_t residue = ~crc32_tab(buf, 1004);
    sim_printf("residue=%08x (expect debb20e3)\n", (unsigned)residue);
    failures += residue != 0xdebb20e3u;

    sim_printf("crc: %d failures\n", failures);
    return failures;
}
