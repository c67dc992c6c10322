/*
 * Self-checking test of every xpulp.h operation.  Each result from the SDK
 * (real Xpulp instruction, or its C emulation with -DSOCSIM_XPULP_EMULATE)
 * is compared with an independent C reference written here (lane access
 * through a union instead of shifts, GCC builtins for bit counts).  Both
 * builds must print identical text; the exit code is the mismatch count.
 */
#include "socsim.h"
#include "xpulp.h"

typedef union {
    uint32_t w;
    int8_t b[4];
    uint8_t ub[4];
    int16_t h[2];
    uint16_t uh[2];
} vec_t;

static int fails;
static int checks;

static void check(const char *name, uint32_t a, uint32_t b, uint32_t got, uint32_t exp)
{
    checks++;
    if (got == exp) {
        sim_printf("%-13s %08x %08x -> %08x ok\n", name, a, b, got);
    } else {
        fails++;
        sim_printf("%-13s %08x %08x -> %08x MISMATCH (expected %08x)\n", name, a, b, got, exp);
    }
}

/* Inputs chosen to hit lane sign boundaries and overflow. */
static const uint32_t vals[] = {
    0x00000000u, 0xffffffffu, 0x7fff8000u, 0x80017ffeu, 0x12345678u,
    0xdeadbeefu, 0x01fe7f80u, 0x80808080u, 0x7f7f7f7fu, 0x00050003u,
};
#define NVALS (sizeof vals / sizeof vals[0])

/* ---- references ------------------------------------------------------ */

static uint32_t ref_add_h(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}, r; for (int i = 0; i < 2; i++) r.uh[i] = (uint16_t)(x.uh[i] + y.uh[i]); return r.w; }
static uint32_t ref_add_b(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}, r; for (int i = 0; i < 4; i++) r.ub[i] = (uint8_t)(x.ub[i] + y.ub[i]); return r.w; }
static uint32_t ref_sub_h(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}, r; for (int i = 0; i < 2; i++) r.uh[i] = (uint16_t)(x.uh[i] - y.uh[i]); return r.w; }
static uint32_t ref_sub_b(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}, r; for (int i = 0; i < 4; i++) r.ub[i] = (uint8_t)(x.ub[i] - y.ub[i]); return r.w; }
/* avg: lane sum wraps to the lane width before the arithmetic shift. */
static uint32_t ref_avg_h(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}, r; for (int i = 0; i < 2; i++) r.h[i] = (int16_t)((int16_t)(x.h[i] + y.h[i]) >> 1); return r.w; }
static uint32_t ref_avg_b(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}, r; for (int i = 0; i < 4; i++) r.b[i] = (int8_t)((int8_t)(x.b[i] + y.b[i]) >> 1); return r.w; }
static uint32_t ref_min_h(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}, r; for (int i = 0; i < 2; i++) r.h[i] = x.h[i] < y.h[i] ? x.h[i] : y.h[i]; return r.w; }
static uint32_t ref_min_b(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}, r; for (int i = 0; i < 4; i++) r.b[i] = x.b[i] < y.b[i] ? x.b[i] : y.b[i]; return r.w; }
static uint32_t ref_max_h(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}, r; for (int i = 0; i < 2; i++) r.h[i] = x.h[i] > y.h[i] ? x.h[i] : y.h[i]; return r.w; }
static uint32_t ref_max_b(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}, r; for (int i = 0; i < 4; i++) r.b[i] = x.b[i] > y.b[i] ? x.b[i] : y.b[i]; return r.w; }

static uint32_t ref_dotsp_h(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}; return (uint32_t)(x.h[0] * y.h[0]) + (uint32_t)(x.h[1] * y.h[1]); }
static uint32_t ref_dotsp_b(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}; int32_t s = 0; for (int i = 0; i < 4; i++) s += x.b[i] * y.b[i]; return (uint32_t)s; }
static uint32_t ref_dotup_b(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}; uint32_t s = 0; for (int i = 0; i < 4; i++) s += (uint32_t)x.ub[i] * y.ub[i]; return s; }
static uint32_t ref_dotusp_b(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}; int32_t s = 0; for (int i = 0; i < 4; i++) s += x.ub[i] * y.b[i]; return (uint32_t)s; }

static uint32_t ref_shuffle2_b(uint32_t rd, uint32_t a, uint32_t sel)
{
    vec_t d = {rd}, x = {a}, s = {sel}, r;
    for (int i = 0; i < 4; i++)
        r.ub[i] = (s.ub[i] & 4) ? x.ub[s.ub[i] & 3] : d.ub[s.ub[i] & 3];
    return r.w;
}
static uint32_t ref_shuffle2_h(uint32_t rd, uint32_t a, uint32_t sel)
{
    vec_t d = {rd}, x = {a}, s = {sel}, r;
    for (int i = 0; i < 2; i++)
        r.uh[i] = (s.uh[i] & 2) ? x.uh[s.uh[i] & 1] : d.uh[s.uh[i] & 1];
    return r.w;
}

static int32_t ref_clamp(int32_t v, int32_t lo, int32_t hi) { return v < lo ? lo : v > hi ? hi : v; }

/* Sign-extend the field [pos+len-1 : pos]. */
static uint32_t ref_field_s(uint32_t v, int len, int pos)
{
    uint32_t f = (v >> pos) & (len == 32 ? 0xffffffffu : ((1u << len) - 1));
    if (len < 32 && (f >> (len - 1)) & 1)
        f |= ~0u << len;
    return f;
}
static uint32_t ref_mask(int len, int pos) { return (len == 32 ? 0xffffffffu : ((1u << len) - 1)) << pos; }

/* ---- test groups ----------------------------------------------------- */

typedef uint32_t (*bin_fn)(uint32_t, uint32_t);

static uint32_t sdk_add_h(uint32_t a, uint32_t b) { return pv_add_h(a, b); }
static uint32_t sdk_add_b(uint32_t a, uint32_t b) { return pv_add_b(a, b); }
static uint32_t sdk_sub_h(uint32_t a, uint32_t b) { return pv_sub_h(a, b); }
static uint32_t sdk_sub_b(uint32_t a, uint32_t b) { return pv_sub_b(a, b); }
static uint32_t sdk_avg_h(uint32_t a, uint32_t b) { return pv_avg_h(a, b); }
static uint32_t sdk_avg_b(uint32_t a, uint32_t b) { return pv_avg_b(a, b); }
static uint32_t sdk_min_h(uint32_t a, uint32_t b) { return pv_min_h(a, b); }
static uint32_t sdk_min_b(uint32_t a, uint32_t b) { return pv_min_b(a, b); }
static uint32_t sdk_max_h(uint32_t a, uint32_t b) { return pv_max_h(a, b); }
static uint32_t sdk_max_b(uint32_t a, uint32_t b) { return pv_max_b(a, b); }
static uint32_t sdk_dotsp_h(uint32_t a, uint32_t b) { return (uint32_t)pv_dotsp_h(a, b); }
static uint32_t sdk_dotsp_b(uint32_t a, uint32_t b) { return (uint32_t)pv_dotsp_b(a, b); }
static uint32_t sdk_pack_h(uint32_t a, uint32_t b) { return pv_pack_h(a, b); }
static uint32_t sdk_min(uint32_t a, uint32_t b) { return p_min((int32_t)a, (int32_t)b); }
static uint32_t sdk_max(uint32_t a, uint32_t b) { return p_max((int32_t)a, (int32_t)b); }
static uint32_t sdk_minu(uint32_t a, uint32_t b) { return p_minu(a, b); }
static uint32_t sdk_maxu(uint32_t a, uint32_t b) { return p_maxu(a, b); }

static uint32_t r_pack_h(uint32_t a, uint32_t b) { vec_t x = {a}, y = {b}, r; r.uh[1] = x.uh[0]; r.uh[0] = y.uh[0]; return r.w; }
static uint32_t r_min(uint32_t a, uint32_t b) { return (int32_t)a < (int32_t)b ? a : b; }
static uint32_t r_max(uint32_t a, uint32_t b) { return (int32_t)a > (int32_t)b ? a : b; }
static uint32_t r_minu(uint32_t a, uint32_t b) { return a < b ? a : b; }
static uint32_t r_maxu(uint32_t a, uint32_t b) { return a > b ? a : b; }

static const struct {
    const char *name;
    bin_fn sdk, ref;
} binops[] = {
    {"pv.add.h", sdk_add_h, ref_add_h},       {"pv.add.b", sdk_add_b, ref_add_b},
    {"pv.sub.h", sdk_sub_h, ref_sub_h},       {"pv.sub.b", sdk_sub_b, ref_sub_b},
    {"pv.avg.h", sdk_avg_h, ref_avg_h},       {"pv.avg.b", sdk_avg_b, ref_avg_b},
    {"pv.min.h", sdk_min_h, ref_min_h},       {"pv.min.b", sdk_min_b, ref_min_b},
    {"pv.max.h", sdk_max_h, ref_max_h},       {"pv.max.b", sdk_max_b, ref_max_b},
    {"pv.dotsp.h", sdk_dotsp_h, ref_dotsp_h}, {"pv.dotsp.b", sdk_dotsp_b, ref_dotsp_b},
    {"pv.pack.h", sdk_pack_h, r_pack_h},
    {"p.min", sdk_min, r_min},                {"p.max", sdk_max, r_max},
    {"p.minu", sdk_minu, r_minu},             {"p.maxu", sdk_maxu, r_maxu},
};

static void test_binops(void)
{
    for (unsigned k = 0; k < sizeof binops / sizeof binops[0]; k++)
        for (unsigned i = 0; i < NVALS; i += 2)
            for (unsigned j = 1; j < NVALS; j += 3) {
                uint32_t a = vals[i], b = vals[j];
                check(binops[k].name, a, b, binops[k].sdk(a, b), binops[k].ref(a, b));
            }
}

static void test_accumulating(void)
{
    const uint32_t accs[] = {0, 1000, 0x80000000u, 0xfffffff0u};
    for (unsigned n = 0; n < 4; n++)
        for (unsigned i = 0; i < NVALS; i += 3) {
            uint32_t acc = accs[n], a = vals[i], b = vals[(i + 4 + n) % NVALS];
            check("pv.sdotsp.h", a, b, (uint32_t)pv_sdotsp_h((int32_t)acc, a, b), acc + ref_dotsp_h(a, b));
            check("pv.sdotsp.b", a, b, (uint32_t)pv_sdotsp_b((int32_t)acc, a, b), acc + ref_dotsp_b(a, b));
            check("pv.sdotup.b", a, b, pv_sdotup_b(acc, a, b), acc + ref_dotup_b(a, b));
            check("pv.sdotusp.b", a, b, (uint32_t)pv_sdotusp_b((int32_t)acc, a, b), acc + ref_dotusp_b(a, b));
            check("p.mac", a, b, p_mac(acc, a, b), acc + a * b);
            check("p.msu", a, b, p_msu(acc, a, b), acc - a * b);
            check("pv.packhi.b", acc ^ a, b, pv_packhi_b(acc ^ a, b, a),
                  ((acc ^ a) & 0xffff) | ((b & 0xff) << 24) | ((a & 0xff) << 16));
            check("pv.packlo.b", acc ^ a, b, pv_packlo_b(acc ^ a, b, a),
                  ((acc ^ a) & 0xffff0000u) | ((b & 0xff) << 8) | (a & 0xff));
        }

    const uint32_t sels[] = {0x00010203u, 0x04050607u, 0x07020500u, 0xfbfcfdfeu, 0x00060001u, 0x00020003u};
    for (unsigned n = 0; n < 6; n++) {
        uint32_t rd = 0x11223344u, a = 0xaabbccddu, s = sels[n];
        check("pv.shuffle2.b", rd, s, pv_shuffle2_b(rd, a, s), ref_shuffle2_b(rd, a, s));
        check("pv.shuffle2.h", rd, s, pv_shuffle2_h(rd, a, s), ref_shuffle2_h(rd, a, s));
    }
}

static void test_unary(void)
{
    for (unsigned i = 0; i < NVALS; i++) {
        uint32_t a = vals[i] ^ (i * 0x01010101u);
        int32_t s = (int32_t)a;
        check("p.abs", a, 0, p_abs(s), s < 0 ? 0u - a : a);
        check("p.cnt", a, 0, p_cnt(a), (uint32_t)__builtin_popcount(a));
        check("p.ff1", a, 0, p_ff1(a), a ? (uint32_t)__builtin_ctz(a) : 32);
        check("p.fl1", a, 0, p_fl1(a), a ? 31 - (uint32_t)__builtin_clz(a) : 32);
        check("p.clb", a, 0, p_clb(a), a ? (uint32_t)__builtin_clrsb(s) : 0);
        check("p.exths", a, 0, p_exths(a), (uint32_t)(int32_t)(int16_t)(uint16_t)a);
        check("p.exthz", a, 0, p_exthz(a), (uint16_t)a);
        check("p.extbs", a, 0, p_extbs(a), (uint32_t)(int32_t)(int8_t)(uint8_t)a);
        check("p.extbz", a, 0, p_extbz(a), (uint8_t)a);
        vec_t v = {a};
        check("pv.extract.h0", a, 0, pv_extract_h(a, 0), (uint32_t)(int32_t)v.h[0]);
        check("pv.extract.h1", a, 0, pv_extract_h(a, 1), (uint32_t)(int32_t)v.h[1]);
        check("pv.extract.b0", a, 0, pv_extract_b(a, 0), (uint32_t)(int32_t)v.b[0]);
        check("pv.extract.b1", a, 0, pv_extract_b(a, 1), (uint32_t)(int32_t)v.b[1]);
        check("pv.extract.b2", a, 0, pv_extract_b(a, 2), (uint32_t)(int32_t)v.b[2]);
        check("pv.extract.b3", a, 0, pv_extract_b(a, 3), (uint32_t)(int32_t)v.b[3]);
    }
}

static void test_clip(void)
{
    static const int32_t xs[] = {0, 1, -1, 127, 128, -128, -129, 300, -300,
                                 32767, -32769, 0x7fffffff, (int32_t)0x80000000};
    for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        int32_t x = xs[i];
        uint32_t u = (uint32_t)x;
        check("p.clip 2", u, 2, p_clip(x, 2), (uint32_t)ref_clamp(x, -2, 1));
        check("p.clip 8", u, 8, p_clip(x, 8), (uint32_t)ref_clamp(x, -128, 127));
        check("p.clip 16", u, 16, p_clip(x, 16), (uint32_t)ref_clamp(x, -32768, 32767));
        check("p.clip 31", u, 31, p_clip(x, 31), (uint32_t)ref_clamp(x, -0x40000000, 0x3fffffff));
        check("p.clipu 8", u, 8, p_clipu(x, 8), (uint32_t)ref_clamp(x, 0, 127));
        check("p.clipu 9", u, 9, p_clipu(x, 9), (uint32_t)ref_clamp(x, 0, 255));
        check("p.clipr 0", u, 0, p_clipr(x, 0), (uint32_t)ref_clamp(x, -1, 0));
        check("p.clipr 127", u, 127, p_clipr(x, 127), (uint32_t)ref_clamp(x, -128, 127));
        check("p.clipr 1000", u, 1000, p_clipr(x, 1000), (uint32_t)ref_clamp(x, -1001, 1000));
        check("p.clipur 255", u, 255, p_clipur(x, 255), (uint32_t)ref_clamp(x, 0, 255));
        check("p.clipur 0", u, 0, p_clipur(x, 0), 0);
    }
}

/* Bit-field ops take immediates, so each (len-1, pos) pair is spelled out. */
#define FIELD_CASE(a, is3, is2) do {                                               \
        uint32_t _m = ref_mask((is3) + 1, (is2));                                  \
        check("p.extract " #is3 "," #is2, a, 0, p_extract(a, is3, is2), ref_field_s(a, (is3) + 1, (is2)));   \
        check("p.extractu " #is3 "," #is2, a, 0, p_extractu(a, is3, is2), (a & _m) >> (is2));               \
        check("p.insert " #is3 "," #is2, a, 0x5a5a5a5au, p_insert(0x5a5a5a5au, a, is3, is2),                \
              (0x5a5a5a5au & ~_m) | ((a << (is2)) & _m));                                                    \
        check("p.bset " #is3 "," #is2, a, 0, p_bset(a, is3, is2), a | _m);                                   \
        check("p.bclr " #is3 "," #is2, a, 0, p_bclr(a, is3, is2), a & ~_m);                                  \
    } while (0)

static void test_bitfields(void)
{
    for (unsigned i = 0; i < NVALS; i += 2) {
        uint32_t a = vals[i] ^ 0x0f0f0f0fu;
        FIELD_CASE(a, 0, 0);
        FIELD_CASE(a, 3, 4);
        FIELD_CASE(a, 7, 24);
        FIELD_CASE(a, 15, 8);
        FIELD_CASE(a, 0, 31);
        FIELD_CASE(a, 31, 0);
        FIELD_CASE(a, 4, 27);
    }
}

static void test_mul_add_norm(void)
{
    for (unsigned i = 0; i < NVALS; i++) {
        uint32_t a = vals[i], b = vals[(i * 7 + 3) % NVALS] ^ 0x00001234u;
        int32_t p = (int32_t)(int16_t)(uint16_t)a * (int32_t)(int16_t)(uint16_t)b;
        check("p.mulsn 0", a, b, p_mulsn(a, b, 0), (uint32_t)p);
        check("p.mulsn 7", a, b, p_mulsn(a, b, 7), (uint32_t)(p >> 7));
        check("p.mulsn 15", a, b, p_mulsn(a, b, 15), (uint32_t)(p >> 15));
        check("p.mulsrn 1", a, b, p_mulsrn(a, b, 1), (uint32_t)((int32_t)((uint32_t)p + 1) >> 1));
        check("p.mulsrn 8", a, b, p_mulsrn(a, b, 8), (uint32_t)((int32_t)((uint32_t)p + 128) >> 8));
        check("p.mulsrn 15", a, b, p_mulsrn(a, b, 15), (uint32_t)((int32_t)((uint32_t)p + 16384) >> 15));
        int32_t sum = (int32_t)(a + b);
        check("p.addn 0", a, b, p_addn(a, b, 0), a + b);
        check("p.addn 1", a, b, p_addn(a, b, 1), (uint32_t)(sum >> 1));
        check("p.addn 12", a, b, p_addn(a, b, 12), (uint32_t)(sum >> 12));
        check("p.addn 31", a, b, p_addn(a, b, 31), (uint32_t)(sum >> 31));
    }
}

static uint32_t words[24];

static void test_postinc_and_loops(void)
{
    for (unsigned i = 0; i < 24; i++)
        words[i] = vals[i % NVALS] + i * 0x01000193u;

    /* p.lw rD, 4(rs1!) */
    const uint32_t *p = words;
    uint32_t sum = 0, ref = 0;
    for (unsigned i = 0; i < 24; i++) {
        uint32_t v = p_lw_inc(p);
        sum = sum * 31 + v;
        ref = ref * 31 + words[i];
    }
    check("p.lw post-inc", 24, (uint32_t)(p - words), sum, ref);

    /* Hardware loop level 0: sum of words. */
    for (uint32_t n = 1; n <= 24; n += 23) {
        uint32_t count = n, s = 0, t;
        const uint32_t *q = words;
        __asm__ volatile(XP_HWLOOP_ASM(0, 3,
                             "lw   %[t], 0(%[q])\n"
                             "addi %[q], %[q], 4\n"
                             "add  %[s], %[s], %[t]")
                         : [hwl_count] "+r"(count), [q] "+r"(q), [s] "+r"(s), [t] "=&r"(t)
                         :
                         : "memory");
        uint32_t r = 0;
        for (unsigned i = 0; i < n; i++)
            r += words[i];
        check("lp.setup L0", n, (uint32_t)(q - words), s, r);
    }

    /* Hardware loop level 1: a running xor/shift hash. */
    {
        uint32_t count = 17, h = 0x811c9dc5u, t;
        __asm__ volatile(XP_HWLOOP_ASM(1, 4,
                             "slli %[t], %[h], 5\n"
                             "xor  %[h], %[h], %[t]\n"
                             "addi %[h], %[h], 0x3b\n"
                             "srli %[t], %[h], 3")
                         : [hwl_count] "+r"(count), [h] "+r"(h), [t] "=&r"(t));
        uint32_t r = 0x811c9dc5u;
        for (int i = 0; i < 17; i++) {
            r ^= r << 5;
            r += 0x3b;
        }
        check("lp.setup L1", 17, 0, h, r);
    }
}

int main(void)
{
    test_binops();
    test_accumulating();
    test_unary();
    test_clip();
    test_bitfields();
    test_mul_add_norm();
    test_postinc_and_loops();
    sim_printf("xpulp: %d checks, %d mismatches\n", checks, fails);
    return fails > 255 ? 255 : fails;
}
