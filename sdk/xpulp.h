/*
 * xpulp.h: XpulpV2 (RI5CY encoding) instructions for C programs.
 *
 * GCC 12 does not know Xpulp, so every instruction is emitted with `.insn`
 * from the encodings in docs (MATCH/MASK of PULP binutils, see
 * /work/shared/reference/xpulpv2-isa.md, Table A).
 *
 * -DSOCSIM_XPULP_EMULATE replaces every instruction by plain C computing the
 * documented result, so the same source also runs on a stock RV32 (e.g.
 * qemu-riscv32) and the two builds can be compared output for output.
 *
 * Naming: mnemonic with '.' -> '_' (pv.sdotsp.b -> pv_sdotsp_b).  Operations
 * whose instruction reads rD as well (dot-product accumulate, mac/msu,
 * shuffle2, packhi/packlo, insert) take the old rD value as first argument
 * and return the new one.  Immediate operands must be integer constant
 * expressions; those operations are macros.
 *
 * Semantics notes (RI5CY / GVSoC):
 *  - SIMD lanes: .h = 2 x 16 bit, .b = 4 x 8 bit, lane 0 = least significant.
 *  - pv.avg: the lane sum wraps to the lane width, then shifts right
 *    arithmetically by 1.
 *  - p.clip  rD,rs1,Is2: clamp to [-2^(Is2-1), 2^(Is2-1)-1]   (1 <= Is2 <= 31)
 *    p.clipu rD,rs1,Is2: clamp to [0, 2^(Is2-1)-1]
 *    p.clipr  rD,rs1,rs2: clamp to [-(rs2+1), rs2]     (rs2 >= 0)
 *    p.clipur rD,rs1,rs2: clamp to [0, rs2]
 *  - p.ff1 / p.fl1: index of the lowest / highest set bit, 32 if rs1 == 0.
 *  - p.clb: number of leading bits equal to the sign bit, minus one
 *    (GCC's __builtin_clrsb); 0 if rs1 == 0.
 *  - p.extract[u] rD,rs1,Is3,Is2: the Is3+1 bits starting at bit Is2,
 *    sign- [zero-] extended (Is3 + Is2 <= 31).  p.insert puts the low Is3+1
 *    bits of rs1 there in rD.  p.bset / p.bclr set / clear those bits of rs1.
 *  - p.mulsn rD,rs1,rs2,Is3: (int16(rs1) * int16(rs2)) >> Is3 (arithmetic);
 *    p.mulsrn adds 2^(Is3-1) before shifting (use Is3 >= 1).
 *  - p.addn rD,rs1,rs2,Is3: (rs1 + rs2) >> Is3, 32-bit wrapping sum,
 *    arithmetic shift.
 */
#ifndef SOCSIM_XPULP_H
#define SOCSIM_XPULP_H

#include <stdint.h>

/* ---------------------------------------------------------------------- */
/* Encoding helpers (real instructions)                                     */
/* ---------------------------------------------------------------------- */

/* rD = op(rs1, rs2), R-type fields. */
#define XP__RR(opc, f3, f7, a, b) ({                                           \
    uint32_t _xr;                                                              \
    __asm__(".insn r " #opc ", " #f3 ", " #f7 ", %0, %1, %2"                   \
            : "=r"(_xr) : "r"((uint32_t)(a)), "r"((uint32_t)(b)));             \
    _xr; })

/* rD = op(rD, rs1, rs2): instructions that also read the destination. */
#define XP__ACC(opc, f3, f7, acc, a, b) ({                                     \
    uint32_t _xr = (uint32_t)(acc);                                            \
    __asm__(".insn r " #opc ", " #f3 ", " #f7 ", %0, %1, %2"                   \
            : "+r"(_xr) : "r"((uint32_t)(a)), "r"((uint32_t)(b)));             \
    _xr; })

/* rD = op(rs1), rs2 field = 0. */
#define XP__R1(opc, f3, f7, a) ({                                              \
    uint32_t _xr;                                                              \
    __asm__(".insn r " #opc ", " #f3 ", " #f7 ", %0, %1, x0"                   \
            : "=r"(_xr) : "r"((uint32_t)(a)));                                 \
    _xr; })

/* rD = op(rs1, imm): funct7 and the rs2 field computed from immediates. */
#define XP__RI(opc, f3, f7v, r2v, a) ({                                        \
    uint32_t _xr;                                                              \
    __asm__(".insn r " #opc ", " #f3 ", %[f7], %0, %1, x%[r2]"                 \
            : "=r"(_xr)                                                        \
            : "r"((uint32_t)(a)), [f7] "i"(f7v), [r2] "i"(r2v));               \
    _xr; })

/* Same, also reading rD. */
#define XP__RIACC(opc, f3, f7v, r2v, acc, a) ({                                \
    uint32_t _xr = (uint32_t)(acc);                                            \
    __asm__(".insn r " #opc ", " #f3 ", %[f7], %0, %1, x%[r2]"                 \
            : "+r"(_xr)                                                        \
            : "r"((uint32_t)(a)), [f7] "i"(f7v), [r2] "i"(r2v));               \
    _xr; })

/* rD = op(rs1, rs2) with an immediate in funct7 (custom-2 Is3 field). */
#define XP__RRI(opc, f3, f7v, a, b) ({                                         \
    uint32_t _xr;                                                              \
    __asm__(".insn r " #opc ", " #f3 ", %[f7], %0, %1, %2"                     \
            : "=r"(_xr)                                                        \
            : "r"((uint32_t)(a)), "r"((uint32_t)(b)), [f7] "i"(f7v));          \
    _xr; })

/* ---------------------------------------------------------------------- */
/* Lane helpers (emulation and tests)                                       */
/* ---------------------------------------------------------------------- */

static inline uint32_t xp_lane_u(uint32_t v, int lane, int bits)
{
    return (v >> (lane * bits)) & ((1u << bits) - 1);
}

static inline int32_t xp_lane_s(uint32_t v, int lane, int bits)
{
    return (int32_t)(v << (32 - bits * (lane + 1))) >> (32 - bits);
}

static inline uint32_t xp_lane_set(uint32_t v, int lane, int bits, uint32_t x)
{
    uint32_t m = ((1u << bits) - 1) << (lane * bits);
    return (v & ~m) | ((x << (lane * bits)) & m);
}

#ifdef SOCSIM_XPULP_EMULATE
/* ====================================================================== */
/* Plain-C emulation                                                        */
/* ====================================================================== */

#define XP__LANEWISE(name, bits, expr)                                         \
    static inline uint32_t name(uint32_t a, uint32_t b)                        \
    {                                                                          \
        uint32_t r = 0;                                                        \
        for (int i = 0; i < 32 / (bits); i++) {                                \
            int32_t sa = xp_lane_s(a, i, bits), sb = xp_lane_s(b, i, bits);    \
            uint32_t ua = xp_lane_u(a, i, bits), ub = xp_lane_u(b, i, bits);   \
            (void)sa; (void)sb; (void)ua; (void)ub;                            \
            r = xp_lane_set(r, i, bits, (uint32_t)(expr));                     \
        }                                                                      \
        return r;                                                              \
    }

XP__LANEWISE(pv_add_h, 16, ua + ub)
XP__LANEWISE(pv_add_b, 8, ua + ub)
XP__LANEWISE(pv_sub_h, 16, ua - ub)
XP__LANEWISE(pv_sub_b, 8, ua - ub)
XP__LANEWISE(pv_avg_h, 16, xp_lane_s(ua + ub, 0, 16) >> 1)
XP__LANEWISE(pv_avg_b, 8, xp_lane_s(ua + ub, 0, 8) >> 1)
XP__LANEWISE(pv_min_h, 16, sa < sb ? sa : sb)
XP__LANEWISE(pv_min_b, 8, sa < sb ? sa : sb)
XP__LANEWISE(pv_max_h, 16, sa > sb ? sa : sb)
XP__LANEWISE(pv_max_b, 8, sa > sb ? sa : sb)

/* Dot products; the "s" (sum) forms add to the accumulator. */
static inline int32_t pv_dotsp_h(uint32_t a, uint32_t b)
{
    return (int32_t)((uint32_t)(xp_lane_s(a, 0, 16) * xp_lane_s(b, 0, 16)) +
                     (uint32_t)(xp_lane_s(a, 1, 16) * xp_lane_s(b, 1, 16)));
}
static inline int32_t pv_dotsp_b(uint32_t a, uint32_t b)
{
    int32_t s = 0;
    for (int i = 0; i < 4; i++)
        s += xp_lane_s(a, i, 8) * xp_lane_s(b, i, 8);
    return s;
}
static inline int32_t pv_sdotsp_h(int32_t acc, uint32_t a, uint32_t b)
{
    return (int32_t)((uint32_t)acc + (uint32_t)pv_dotsp_h(a, b));
}
static inline int32_t pv_sdotsp_b(int32_t acc, uint32_t a, uint32_t b)
{
    return (int32_t)((uint32_t)acc + (uint32_t)pv_dotsp_b(a, b));
}
static inline uint32_t pv_sdotup_b(uint32_t acc, uint32_t a, uint32_t b)
{
    for (int i = 0; i < 4; i++)
        acc += xp_lane_u(a, i, 8) * xp_lane_u(b, i, 8);
    return acc;
}
/* rs1 lanes unsigned, rs2 lanes signed. */
static inline int32_t pv_sdotusp_b(int32_t acc, uint32_t a, uint32_t b)
{
    uint32_t s = (uint32_t)acc;
    for (int i = 0; i < 4; i++)
        s += (uint32_t)((int32_t)xp_lane_u(a, i, 8) * xp_lane_s(b, i, 8));
    return (int32_t)s;
}

/* Lane i of the result: selector = lane i of rs2; bit 2 (.b) / bit 1 (.h)
   picks rs1 (1) or the old rD (0), the low bits pick the lane. */
static inline uint32_t pv_shuffle2_b(uint32_t rd, uint32_t a, uint32_t sel)
{
    uint32_t r = 0;
    for (int i = 0; i < 4; i++) {
        uint32_t s = xp_lane_u(sel, i, 8);
        r = xp_lane_set(r, i, 8, xp_lane_u((s & 4) ? a : rd, s & 3, 8));
    }
    return r;
}
static inline uint32_t pv_shuffle2_h(uint32_t rd, uint32_t a, uint32_t sel)
{
    uint32_t r = 0;
    for (int i = 0; i < 2; i++) {
        uint32_t s = xp_lane_u(sel, i, 16);
        r = xp_lane_set(r, i, 16, xp_lane_u((s & 2) ? a : rd, s & 1, 16));
    }
    return r;
}

/* rD = {rs1[15:0], rs2[15:0]} */
static inline uint32_t pv_pack_h(uint32_t a, uint32_t b)
{
    return (a << 16) | (b & 0xffff);
}
/* rD[31:16] = {rs1[7:0], rs2[7:0]}, rD[15:0] kept. */
static inline uint32_t pv_packhi_b(uint32_t rd, uint32_t a, uint32_t b)
{
    return ((a & 0xff) << 24) | ((b & 0xff) << 16) | (rd & 0xffff);
}
/* rD[15:0] = {rs1[7:0], rs2[7:0]}, rD[31:16] kept. */
static inline uint32_t pv_packlo_b(uint32_t rd, uint32_t a, uint32_t b)
{
    return (rd & 0xffff0000u) | ((a & 0xff) << 8) | (b & 0xff);
}

#define pv_extract_h(a, i) ((uint32_t)xp_lane_s((a), (i), 16))
#define pv_extract_b(a, i) ((uint32_t)xp_lane_s((a), (i), 8))

#define p_clip(x, n) ({                                                        \
    int32_t _v = (int32_t)(x);                                                 \
    int32_t _hi = (int32_t)((1u << ((n) - 1)) - 1), _lo = -_hi - 1;            \
    (uint32_t)(_v < _lo ? _lo : _v > _hi ? _hi : _v); })
#define p_clipu(x, n) ({                                                       \
    int32_t _v = (int32_t)(x);                                                 \
    int32_t _hi = (int32_t)((1u << ((n) - 1)) - 1);                            \
    (uint32_t)(_v < 0 ? 0 : _v > _hi ? _hi : _v); })
static inline uint32_t p_clipr(int32_t x, int32_t hi)
{
    int32_t lo = -hi - 1;
    return (uint32_t)(x <= lo ? lo : x >= hi ? hi : x);
}
static inline uint32_t p_clipur(int32_t x, int32_t hi)
{
    return (uint32_t)(x <= 0 ? 0 : x >= hi ? hi : x);
}

static inline uint32_t p_abs(int32_t a) { return a < 0 ? 0u - (uint32_t)a : (uint32_t)a; }
static inline uint32_t p_min(int32_t a, int32_t b) { return (uint32_t)(a < b ? a : b); }
static inline uint32_t p_max(int32_t a, int32_t b) { return (uint32_t)(a > b ? a : b); }
static inline uint32_t p_minu(uint32_t a, uint32_t b) { return a < b ? a : b; }
static inline uint32_t p_maxu(uint32_t a, uint32_t b) { return a > b ? a : b; }

static inline uint32_t p_mac(uint32_t acc, uint32_t a, uint32_t b) { return acc + a * b; }
static inline uint32_t p_msu(uint32_t acc, uint32_t a, uint32_t b) { return acc - a * b; }

static inline uint32_t p_cnt(uint32_t a)
{
    uint32_t n = 0;
    for (; a; a &= a - 1)
        n++;
    return n;
}
static inline uint32_t p_ff1(uint32_t a)
{
    for (uint32_t i = 0; i < 32; i++)
        if (a & (1u << i))
            return i;
    return 32;
}
static inline uint32_t p_fl1(uint32_t a)
{
    for (int i = 31; i >= 0; i--)
        if (a & (1u << i))
            return (uint32_t)i;
    return 32;
}
static inline uint32_t p_clb(uint32_t a)
{
    if (a == 0)
        return 0;
    uint32_t sign = a >> 31, n = 0;
    for (int i = 30; i >= 0 && ((a >> i) & 1) == sign; i--)
        n++;
    return n;
}

static inline uint32_t p_exths(uint32_t a) { return (uint32_t)(int32_t)(int16_t)a; }
static inline uint32_t p_exthz(uint32_t a) { return a & 0xffff; }
static inline uint32_t p_extbs(uint32_t a) { return (uint32_t)(int32_t)(int8_t)a; }
static inline uint32_t p_extbz(uint32_t a) { return a & 0xff; }

/* Mask of Is3+1 ones starting at bit Is2. */
#define XP__FIELD(is3, is2) ((uint32_t)(0xffffffffu >> (31 - (is3))) << (is2))

#define p_extract(x, is3, is2)                                                 \
    ((uint32_t)((int32_t)((uint32_t)(x) << (31 - (is3) - (is2))) >> (31 - (is3))))
#define p_extractu(x, is3, is2)                                                \
    ((((uint32_t)(x)) >> (is2)) & (0xffffffffu >> (31 - (is3))))
#define p_insert(rd, x, is3, is2)                                              \
    ((((uint32_t)(rd)) & ~XP__FIELD(is3, is2)) |                               \
     ((((uint32_t)(x)) << (is2)) & XP__FIELD(is3, is2)))
#define p_bset(x, is3, is2) (((uint32_t)(x)) | XP__FIELD(is3, is2))
#define p_bclr(x, is3, is2) (((uint32_t)(x)) & ~XP__FIELD(is3, is2))

#define p_mulsn(a, b, is3)                                                     \
    ((uint32_t)(((int32_t)(int16_t)(a) * (int32_t)(int16_t)(b)) >> (is3)))
#define p_mulsrn(a, b, is3)                                                    \
    ((uint32_t)((int32_t)((uint32_t)((int32_t)(int16_t)(a) * (int32_t)(int16_t)(b)) + \
                          (1u << ((is3) - 1))) >> (is3)))
#define p_addn(a, b, is3)                                                      \
    ((uint32_t)((int32_t)((uint32_t)(a) + (uint32_t)(b)) >> (is3)))

/* Load a word and advance the pointer by 4 bytes: p.lw rD, 4(rs1!). */
#define p_lw_inc(ptr) ({                                                       \
    uint32_t _xv = *(const volatile uint32_t *)(ptr);                          \
    (ptr) = (__typeof__(ptr))((uintptr_t)(ptr) + 4);                           \
    _xv; })

/* Hardware loop emulated by a counted software loop around the body
   (the counter operand ends at 0). */
#define XP_HWLOOP_ASM(L, N, BODY)                                              \
    "917:\n" BODY "\n"                                                         \
    "addi %[hwl_count], %[hwl_count], -1\n"                                    \
    "bnez %[hwl_count], 917b\n"

#else /* !SOCSIM_XPULP_EMULATE */
/* ====================================================================== */
/* Real instructions                                                        */
/* ====================================================================== */

/* Packed SIMD, major opcode 0x57; funct3 0 = .h, 1 = .b */
static inline uint32_t pv_add_h(uint32_t a, uint32_t b) { return XP__RR(0x57, 0, 0x00, a, b); }
static inline uint32_t pv_add_b(uint32_t a, uint32_t b) { return XP__RR(0x57, 1, 0x00, a, b); }
static inline uint32_t pv_sub_h(uint32_t a, uint32_t b) { return XP__RR(0x57, 0, 0x04, a, b); }
static inline uint32_t pv_sub_b(uint32_t a, uint32_t b) { return XP__RR(0x57, 1, 0x04, a, b); }
static inline uint32_t pv_avg_h(uint32_t a, uint32_t b) { return XP__RR(0x57, 0, 0x08, a, b); }
static inline uint32_t pv_avg_b(uint32_t a, uint32_t b) { return XP__RR(0x57, 1, 0x08, a, b); }
static inline uint32_t pv_min_h(uint32_t a, uint32_t b) { return XP__RR(0x57, 0, 0x10, a, b); }
static inline uint32_t pv_min_b(uint32_t a, uint32_t b) { return XP__RR(0x57, 1, 0x10, a, b); }
static inline uint32_t pv_max_h(uint32_t a, uint32_t b) { return XP__RR(0x57, 0, 0x18, a, b); }
static inline uint32_t pv_max_b(uint32_t a, uint32_t b) { return XP__RR(0x57, 1, 0x18, a, b); }

static inline int32_t pv_dotsp_h(uint32_t a, uint32_t b) { return (int32_t)XP__RR(0x57, 0, 0x4c, a, b); }
static inline int32_t pv_dotsp_b(uint32_t a, uint32_t b) { return (int32_t)XP__RR(0x57, 1, 0x4c, a, b); }
static inline int32_t pv_sdotsp_h(int32_t acc, uint32_t a, uint32_t b) { return (int32_t)XP__ACC(0x57, 0, 0x5c, acc, a, b); }
static inline int32_t pv_sdotsp_b(int32_t acc, uint32_t a, uint32_t b) { return (int32_t)XP__ACC(0x57, 1, 0x5c, acc, a, b); }
static inline uint32_t pv_sdotup_b(uint32_t acc, uint32_t a, uint32_t b) { return XP__ACC(0x57, 1, 0x50, acc, a, b); }
static inline int32_t pv_sdotusp_b(int32_t acc, uint32_t a, uint32_t b) { return (int32_t)XP__ACC(0x57, 1, 0x54, acc, a, b); }

static inline uint32_t pv_shuffle2_b(uint32_t rd, uint32_t a, uint32_t sel) { return XP__ACC(0x57, 1, 0x64, rd, a, sel); }
static inline uint32_t pv_shuffle2_h(uint32_t rd, uint32_t a, uint32_t sel) { return XP__ACC(0x57, 0, 0x64, rd, a, sel); }

static inline uint32_t pv_pack_h(uint32_t a, uint32_t b) { return XP__RR(0x57, 0, 0x68, a, b); }
static inline uint32_t pv_packhi_b(uint32_t rd, uint32_t a, uint32_t b) { return XP__ACC(0x57, 1, 0x6c, rd, a, b); }
static inline uint32_t pv_packlo_b(uint32_t rd, uint32_t a, uint32_t b) { return XP__ACC(0x57, 1, 0x70, rd, a, b); }

/* .sci immediate: Imm6[0] -> bit 25 (low bit of funct7), Imm6[5:1] -> rs2. */
#define pv_extract_h(a, i) XP__RI(0x57, 6, 0x3c | ((i) & 1), ((i) >> 1), a)
#define pv_extract_b(a, i) XP__RI(0x57, 7, 0x3c | ((i) & 1), ((i) >> 1), a)

/* ALU extras, major opcode 0x33 */
#define p_clip(x, n)  XP__RI(0x33, 1, 0x0a, (n), x)
#define p_clipu(x, n) XP__RI(0x33, 2, 0x0a, (n), x)
static inline uint32_t p_clipr(int32_t x, int32_t hi) { return XP__RR(0x33, 5, 0x0a, x, hi); }
static inline uint32_t p_clipur(int32_t x, int32_t hi) { return XP__RR(0x33, 6, 0x0a, x, hi); }

static inline uint32_t p_abs(int32_t a) { return XP__R1(0x33, 0, 0x02, a); }
static inline uint32_t p_min(int32_t a, int32_t b) { return XP__RR(0x33, 4, 0x02, a, b); }
static inline uint32_t p_minu(uint32_t a, uint32_t b) { return XP__RR(0x33, 5, 0x02, a, b); }
static inline uint32_t p_max(int32_t a, int32_t b) { return XP__RR(0x33, 6, 0x02, a, b); }
static inline uint32_t p_maxu(uint32_t a, uint32_t b) { return XP__RR(0x33, 7, 0x02, a, b); }

static inline uint32_t p_mac(uint32_t acc, uint32_t a, uint32_t b) { return XP__ACC(0x33, 0, 0x21, acc, a, b); }
static inline uint32_t p_msu(uint32_t acc, uint32_t a, uint32_t b) { return XP__ACC(0x33, 1, 0x21, acc, a, b); }

static inline uint32_t p_ff1(uint32_t a) { return XP__R1(0x33, 0, 0x08, a); }
static inline uint32_t p_fl1(uint32_t a) { return XP__R1(0x33, 1, 0x08, a); }
static inline uint32_t p_clb(uint32_t a) { return XP__R1(0x33, 2, 0x08, a); }
static inline uint32_t p_cnt(uint32_t a) { return XP__R1(0x33, 3, 0x08, a); }
static inline uint32_t p_exths(uint32_t a) { return XP__R1(0x33, 4, 0x08, a); }
static inline uint32_t p_exthz(uint32_t a) { return XP__R1(0x33, 5, 0x08, a); }
static inline uint32_t p_extbs(uint32_t a) { return XP__R1(0x33, 6, 0x08, a); }
static inline uint32_t p_extbz(uint32_t a) { return XP__R1(0x33, 7, 0x08, a); }

/* Bit fields: funct7 = 11 Is3[4:0], rs2 field = Is2. */
#define p_extract(x, is3, is2)  XP__RI(0x33, 0, 0x60 | (is3), (is2), x)
#define p_extractu(x, is3, is2) XP__RI(0x33, 1, 0x60 | (is3), (is2), x)
#define p_insert(rd, x, is3, is2) XP__RIACC(0x33, 2, 0x60 | (is3), (is2), rd, x)
#define p_bclr(x, is3, is2)     XP__RI(0x33, 3, 0x60 | (is3), (is2), x)
#define p_bset(x, is3, is2)     XP__RI(0x33, 4, 0x60 | (is3), (is2), x)

/* custom-2 (0x5b): [31:30] = 10 signed low halves / 00 signed add, Is3 in [29:25] */
#define p_mulsn(a, b, is3)  XP__RRI(0x5b, 0, 0x40 | (is3), a, b)
#define p_mulsrn(a, b, is3) XP__RRI(0x5b, 4, 0x40 | (is3), a, b)
#define p_addn(a, b, is3)   XP__RRI(0x5b, 2, (is3), a, b)

/* p.lw rD, 4(rs1!): custom-0 (0x0b), funct3 2.  rD must differ from rs1
   (early clobber), the write-back order for rD == rs1 is unspecified. */
#define p_lw_inc(ptr) ({                                                       \
    uint32_t _xv;                                                              \
    __asm__ volatile(".insn i 0x0b, 2, %0, %1, 4"                              \
                     : "=&r"(_xv), "+r"(ptr) : : "memory");                    \
    _xv; })

/* lp.setup L, rs1, uimm12 (0x7b, funct3 4, L in rD field): start = pc + 4,
   end = pc + 2 * uimm12 = address of the last body instruction, so
   uimm12 = 2 * N for N 32-bit body instructions.  The body is forced to
   32-bit encodings (norvc) and the loop start word aligned. */
#define XP_HWLOOP_ASM(L, N, BODY)                                              \
    ".balign 4\n"                                                              \
    ".option push\n"                                                           \
    ".option norvc\n"                                                          \
    ".insn i 0x7b, 4, x" #L ", %[hwl_count], 2*(" #N ")\n"                     \
    BODY "\n"                                                                  \
    ".option pop\n"

#endif /* SOCSIM_XPULP_EMULATE */

/*
 * Hardware loop.  XP_HWLOOP_ASM(L, N, BODY) expands to assembler text for an
 * asm statement that must provide the loop count as operand
 * [hwl_count] "+r"(count) (count >= 1; its value afterwards is
 * unspecified).  L is the loop level (0 = inner, 1 = outer), N the number of
 * instructions in BODY (N >= 3, no branches, jumps or Xpulp post-increment
 * of the counter register).  Example - sum n words:
 *
 *   __asm__ volatile(XP_HWLOOP_ASM(0, 3,
 *                        "lw   %[t], 0(%[p])\n"
 *                        "addi %[p], %[p], 4\n"
 *                        "add  %[s], %[s], %[t]")
 *                    : [hwl_count] "+r"(n), [p] "+r"(p), [s] "+r"(sum),
 *                      [t] "=&r"(tmp) : : "memory");
 */

#endif /* SOCSIM_XPULP_H */
