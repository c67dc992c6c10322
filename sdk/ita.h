/* ITA, the integer attention accelerator, programmed from C (register map: docs/architecture.md,
   "ITA registers"; preset ita-cluster).  Every operand must be in L1 (declare buffers L1_DATA or
   L1_BSS, or bring them in with the DMA).  A job runs in the background: start it, do other
   work, then wait for it. */
#ifndef SOCSIM_ITA_H
#define SOCSIM_ITA_H

#include "cluster.h"

/* ITA_* register offsets and ITA_BASE: socsim_regs.h (included by cluster.h). */

enum ita_activation { ITA_IDENTITY = 0, ITA_RELU = 1, ITA_GELU = 2 };

/* Requantisation of one step: out = clip8(round(acc * mult / 2^shift) + add) (golden README s3.2). */
static inline uint32_t ita_requant(uint32_t mult, uint32_t shift, int32_t add)
{
    return (mult & 0xffu) | (shift & 0xffu) << 8 | ((uint32_t)add & 0xffu) << 16;
}

static inline void ita_reg(uint32_t offset, uint32_t value)
{
    cluster_reg_write(ITA_BASE + offset, value);
}

/* out (s x p int8) = act(rq(x (s x e int8) . w (e x p int8) + bias (p int32, or NULL))).
   Returns the job id for ita_wait(). */
static inline uint32_t ita_linear(const int8_t *x, const int8_t *w, const int32_t *bias, int8_t *out,
                                  uint32_t s, uint32_t e, uint32_t p, uint32_t requant,
                                  enum ita_activation act)
{
    CLUSTER_COMPILER_BARRIER();
    ita_reg(ITA_MODE, 0);
    ita_reg(ITA_S, s);
    ita_reg(ITA_E, e);
    ita_reg(ITA_P, p);
    ita_reg(ITA_ACT, (uint32_t)act);
    ita_reg(ITA_IN, (uint32_t)(uintptr_t)x);
    ita_reg(ITA_W0, (uint32_t)(uintptr_t)w);
    ita_reg(ITA_B0, (uint32_t)(uintptr_t)bias);
    ita_reg(ITA_OUT, (uint32_t)(uintptr_t)out);
    ita_reg(ITA_RQ0, requant);
    uint32_t id = cluster_reg_read(ITA_BASE + ITA_START);
    CLUSTER_COMPILER_BARRIER();
    return id;
}

/* Weights and biases of one attention head: wq, wk, wv are e x p, wo is p x e; bq, bk, bv have p
   entries, bo has e. */
struct ita_head {
    const int8_t *wq, *wk, *wv, *wo;
    const int32_t *bq, *bk, *bv, *bo;
    uint32_t requant[6];    /* Q, K, V, QK, AV, OW */
};

/* One attention head of sequence length s (a multiple of 16): out (s x e) from the query input q
   and the key/value input kv (s x e each; kv may equal q).  scratch receives the intermediates
   (4*s*p + s*s bytes).  Returns the job id. */
static inline uint32_t ita_attention(const int8_t *q, const int8_t *kv, const struct ita_head *h,
                                     int8_t *out, uint8_t *scratch, uint32_t s, uint32_t e, uint32_t p)
{
    CLUSTER_COMPILER_BARRIER();
    ita_reg(ITA_MODE, 1);
    ita_reg(ITA_S, s);
    ita_reg(ITA_E, e);
    ita_reg(ITA_P, p);
    ita_reg(ITA_IN, (uint32_t)(uintptr_t)q);
    ita_reg(ITA_IN_KV, (uint32_t)(uintptr_t)kv);
    ita_reg(ITA_W0, (uint32_t)(uintptr_t)h->wq);
    ita_reg(ITA_W1, (uint32_t)(uintptr_t)h->wk);
    ita_reg(ITA_W2, (uint32_t)(uintptr_t)h->wv);
    ita_reg(ITA_W3, (uint32_t)(uintptr_t)h->wo);
    ita_reg(ITA_B0, (uint32_t)(uintptr_t)h->bq);
    ita_reg(ITA_B1, (uint32_t)(uintptr_t)h->bk);
    ita_reg(ITA_B2, (uint32_t)(uintptr_t)h->bv);
    ita_reg(ITA_B3, (uint32_t)(uintptr_t)h->bo);
    for (uint32_t i = 0; i < 6; i++) {
        ita_reg(ITA_RQ0 + 4 * i, h->requant[i]);
    }
    ita_reg(ITA_OUT, (uint32_t)(uintptr_t)out);
    ita_reg(ITA_SCRATCH, (uint32_t)(uintptr_t)scratch);
    uint32_t id = cluster_reg_read(ITA_BASE + ITA_START);
    CLUSTER_COMPILER_BARRIER();
    return id;
}

/* Sleep (clock-gated) until job id has completed; its results are then in L1. */
static inline void ita_wait(uint32_t id)
{
    CLUSTER_COMPILER_BARRIER();
    cluster_reg_write(ITA_BASE + ITA_WAIT, id);
    (void)cluster_elw(ITA_BASE + ITA_WAIT);
    CLUSTER_COMPILER_BARRIER();
}

/* Bit i set while job i is queued or running. */
static inline uint32_t ita_status(void)
{
    return cluster_reg_read(ITA_BASE + ITA_STATUS);
}

#endif
