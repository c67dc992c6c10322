/* RV32M edge cases.  Each M instruction is issued through inline asm so the
   hardware result is tested (C division by zero / INT_MIN / -1 would be
   undefined behaviour) and compared with the value the RISC-V spec
   prescribes, computed independently with 64-bit arithmetic.  Then 64-bit
   arithmetic through libgcc (__divdi3, __udivdi3, __moddi3, __umoddi3 and
   shifts) is checked with identities.  Exit code = failures (capped). */
#include "socsim.h"

#define INT_MIN_32 ((int32_t)0x80000000)

static int failures;

#define OP(insn)                                                               \
    static uint32_t op_##insn(uint32_t a, uint32_t b)                          \
    {                                                                          \
        uint32_t r;                                                            \
        __asm__ volatile(#insn " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));      \
        return r;                                                              \
    }
OP(mul) OP(mulh) OP(mulhsu) OP(mulhu) OP(div) OP(divu) OP(rem) OP(remu)

/* Spec results, from 64-bit products and explicit special cases. */
static uint32_t ref_mul(uint32_t a, uint32_t b) { return (uint32_t)((uint64_t)a * b); }
static uint32_t ref_mulh(uint32_t a, uint32_t b) { return (uint32_t)((uint64_t)((int64_t)(int32_t)a * (int32_t)b) >> 32); }
static uint32_t ref_mulhsu(uint32_t a, uint32_t b) { return (uint32_t)((uint64_t)((int64_t)(int32_t)a * (int64_t)(uint64_t)b) >> 32); }
static uint32_t ref_mulhu(uint32_t a, uint32_t b) { return (uint32_t)(((uint64_t)a * b) >> 32); }
static uint32_t ref_div(uint32_t a, uint32_t b)
{
    if (b == 0) return 0xffffffffu;
    if ((int32_t)a == INT_MIN_32 && (int32_t)b == -1) return a;
    return (uint32_t)((int32_t)a / (int32_t)b);
}
static uint32_t ref_divu(uint32_t a, uint32_t b) { return b == 0 ? 0xffffffffu : a / b; }
static uint32_t ref_rem(uint32_t a, uint32_t b)
{
    if (b == 0) return a;
    if ((int32_t)a == INT_MIN_32 && (int32_t)b == -1) return 0;
    return (uint32_t)((int32_t)a % (int32_t)b);
}
static uint32_t ref_remu(uint32_t a, uint32_t b) { return b == 0 ? a : a % b; }

static const struct {
    const char *name;
    uint32_t (*hw)(uint32_t, uint32_t);
    uint32_t (*ref)(uint32_t, uint32_t);
} ops[] = {
    {"mul", op_mul, ref_mul},       {"mulh", op_mulh, ref_mulh},
    {"mulhsu", op_mulhsu, ref_mulhsu}, {"mulhu", op_mulhu, ref_mulhu},
    {"div", op_div, ref_div},       {"divu", op_divu, ref_divu},
    {"rem", op_rem, ref_rem},       {"remu", op_remu, ref_remu},
};

static const uint32_t operands[] = {
    0, 1, 2, 3, 7, 0xffffffffu /* -1 */, 0xfffffffeu /* -2 */, 0xfffffff9u /* -7 */,
    0x80000000u, 0x7fffffffu, 0x80000001u, 0x0000ffffu, 0x00010000u, 0x12345678u, 0xdeadbeefu,
};
#define NOPS (sizeof operands / sizeof operands[0])

static void test_m_extension(void)
{
    for (unsigned k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        uint32_t h = 0;
        int bad = 0;
        for (unsigned i = 0; i < NOPS; i++)
            for (unsigned j = 0; j < NOPS; j++) {
                uint32_t a = operands[i], b = operands[j];
                uint32_t got = ops[k].hw(a, b), want = ops[k].ref(a, b);
                h = (h ^ got) * 16777619u;
                if (got != want) {
                    bad++;
                    sim_printf("  %s %08x %08x -> %08x, expected %08x\n", ops[k].name,
                               (unsigned)a, (unsigned)b, (unsigned)got, (unsigned)want);
                }
            }
        sim_printf("%-7s %u cases, hash %08x, %d bad\n", ops[k].name, (unsigned)(NOPS * NOPS),
                   (unsigned)h, bad);
        failures += bad;
    }
}

static void show(const char *what, uint32_t got, uint32_t want)
{
    sim_printf("%-24s = %08x%s\n", what, (unsigned)got, got == want ? "" : "  MISMATCH");
    if (got != want)
        failures++;
}

static void test_named_edges(void)
{
    show("div  7 / 0", op_div(7, 0), 0xffffffffu);
    show("divu 7 / 0", op_divu(7, 0), 0xffffffffu);
    show("rem  -7 % 0", op_rem((uint32_t)-7, 0), (uint32_t)-7);
    show("remu 7 % 0", op_remu(7, 0), 7);
    show("div  INT_MIN / -1", op_div(0x80000000u, 0xffffffffu), 0x80000000u);
    show("rem  INT_MIN % -1", op_rem(0x80000000u, 0xffffffffu), 0);
    show("div  -7 / 2", op_div((uint32_t)-7, 2), (uint32_t)-3);
    show("rem  -7 % 2", op_rem((uint32_t)-7, 2), (uint32_t)-1);
    show("div  7 / -2", op_div(7, (uint32_t)-2), (uint32_t)-3);
    show("rem  7 % -2", op_rem(7, (uint32_t)-2), 1);
    show("divu -7 / 2", op_divu((uint32_t)-7, 2), 0x7ffffffcu);
    show("mulh INT_MIN*INT_MIN", op_mulh(0x80000000u, 0x80000000u), 0x40000000u);
    show("mulhsu -1 * 0xffffffff", op_mulhsu(0xffffffffu, 0xffffffffu), 0xffffffffu);
    show("mulhu max*max", op_mulhu(0xffffffffu, 0xffffffffu), 0xfffffffeu);
    show("mul max*max", op_mul(0xffffffffu, 0xffffffffu), 1);
}

/* 64-bit through libgcc.  volatile stops constant folding at compile time. */
static void test_64bit(void)
{
    static const int64_t nums[] = {
        0, 1, -1, 1000000007LL, -1000000007LL, 0x123456789abcdefLL, -0x123456789abcdefLL,
        0x7fffffffffffffffLL, (int64_t)0x8000000000000001ULL, 4294967296LL, 4294967295LL,
    };
    static const int64_t dens[] = {1, -1, 3, -3, 10, 4294967296LL, -4294967295LL, 0x100000001LL, 1000000007LL};
    uint32_t h = 0;
    int bad = 0;
    for (unsigned i = 0; i < sizeof nums / sizeof nums[0]; i++)
        for (unsigned j = 0; j < sizeof dens / sizeof dens[0]; j++) {
            volatile int64_t vn = nums[i], vd = dens[j];
            int64_t n = vn, d = vd;
            int64_t q = n / d, r = n % d;
            uint64_t un = (uint64_t)n, ud = (uint64_t)d;
            uint64_t uq = un / ud, ur = un % ud;
            /* Identities: n = q*d + r, |r| < |d|, r has the sign of n. */
            int ok = (uint64_t)q * (uint64_t)d + (uint64_t)r == (uint64_t)n;
            ok &= (r >= 0 ? r : -r) < (d >= 0 ? d : -d);
            ok &= r == 0 || ((r < 0) == (n < 0));
            ok &= uq * ud + ur == un && ur < ud;
            h = (h ^ (uint32_t)q) * 16777619u;
            h = (h ^ (uint32_t)(q >> 32)) * 16777619u;
            h = (h ^ (uint32_t)r) * 16777619u;
            h = (h ^ (uint32_t)uq ^ (uint32_t)(ur >> 7)) * 16777619u;
            if (!ok) {
                bad++;
                sim_printf("  64-bit identity failed for case %u,%u\n", i, j);
            }
        }
    sim_printf("64-bit div/mod: %u cases, hash %08x, %d bad\n",
               (unsigned)(sizeof nums / sizeof nums[0] * (sizeof dens / sizeof dens[0])),
               (unsigned)h, bad);
    failures += bad;

    volatile int64_t a = -0x123456789LL, b = 0x9876543210LL;
    int64_t p = a * b;
    sim_printf("64-bit mul: %08x%08x\n", (unsigned)((uint64_t)p >> 32), (unsigned)p);
    show("64-bit mul high", (uint32_t)((uint64_t)p >> 32), 0x8828bd33u);
    show("64-bit mul low", (uint32_t)p, 0x1e7cc570u);
    volatile unsigned s = 37;
    uint64_t sh = (uint64_t)b << s;
    int64_t sa = a >> (s - 5);
    uint64_t sr = (uint64_t)b >> (s - 9);
    sim_printf("64-bit shifts: %08x%08x %08x%08x %08x%08x\n",
               (unsigned)(sh >> 32), (unsigned)sh, (unsigned)((uint64_t)sa >> 32), (unsigned)sa,
               (unsigned)(sr >> 32), (unsigned)sr);
    show("(-0x123456789 >> 32)", (uint32_t)sa, 0xfffffffeu);
    volatile uint64_t big = 1000000000000000000ULL, giga = 1000000000ULL;
    show("1e18 / 1e9 (udivdi3)", (uint32_t)(big / giga), 1000000000u);
    show("1e18 % 999999937 (umoddi3)", (uint32_t)(big % 999999937u), 3969u);
}

int main(void)
{
    test_m_extension();
    test_named_edges();
    test_64bit();
    sim_printf("muldiv: %d failures\n", failures);
    return failures > 255 ? 255 : failures;
}
