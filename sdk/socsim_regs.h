/* socsim_regs.h: register map of the socsim cluster (event unit, DMA, ITA).
 * GENERATED from io.socsim.config.hw.RegisterMap: do not edit by hand; a test fails
 * when this file differs (regenerate with -Dsocsim.regs.update=true).
 * Window bases are those of the ita-cluster preset. */
#ifndef SOCSIM_REGS_H
#define SOCSIM_REGS_H

/* ---- event unit (every register banked per core) --------------------- */
#define EU_BASE             0x10200800u
#define EU_BARRIER          0x00u /* read with p.elw: hardware barrier */
#define EU_EVENT_WAIT       0x04u /* read with p.elw: sleep, return and clear pending */
#define EU_EVENT_MASK       0x08u /* events that wake this core (reset all ones) */
#define EU_EVENT_PENDING    0x0Cu /* pending events, not cleared */
#define EU_EVENT_TRIGGER    0x10u /* write: bit i sends EV_SW to core i */
#define EU_CORE_ID          0x14u
#define EU_CORE_COUNT       0x18u

#define EV_SW   (1u << 0)   /* software event (EU_EVENT_TRIGGER) */
#define EV_DMA  (1u << 1)   /* a DMA transfer this core started completed */
#define EV_ITA  (1u << 2)   /* an accelerator job completed */

/* ---- cluster DMA (staging registers banked per core) ------------------ */
#define DMA_BASE            0x10201800u
#define DMA_SRC             0x00u
#define DMA_DST             0x04u
#define DMA_LEN             0x08u /* bytes per row, 1 .. 65535 */
#define DMA_SRC_STRIDE      0x0Cu
#define DMA_DST_STRIDE      0x10u
#define DMA_ROWS            0x14u /* 1 = 1D; kept after a start */
#define DMA_START           0x18u /* read: enqueue, returns id 0..31 */
#define DMA_STATUS          0x1Cu /* bit i: transfer i queued or running */
#define DMA_WAIT            0x20u /* write id, then p.elw: sleep until done */
#define DMA_IDS             32u  /* transfer ids are 0 .. DMA_IDS-1 */

/* ---- ITA (staged per core) ------------------------------------------- */
#define ITA_BASE            0x10201000u
#define ITA_MODE            0x00u /* 0 linear, 1 attention head */
#define ITA_S               0x04u
#define ITA_E               0x08u
#define ITA_P               0x0Cu
#define ITA_ACT             0x10u /* 0 identity, 1 ReLU, 2 GELU */
#define ITA_IN              0x14u
#define ITA_IN_KV           0x18u
#define ITA_W0              0x1Cu
#define ITA_W1              0x20u
#define ITA_W2              0x24u
#define ITA_W3              0x28u
#define ITA_B0              0x2Cu
#define ITA_B1              0x30u
#define ITA_B2              0x34u
#define ITA_B3              0x38u
#define ITA_OUT             0x3Cu
#define ITA_RQ0             0x40u /* + 4 * step */
#define ITA_START           0x58u /* read: queue the staged job, returns its id */
#define ITA_STATUS          0x5Cu /* bit i: job i queued or running */
#define ITA_WAIT            0x60u /* write id, then p.elw: sleep until done */
#define ITA_SCRATCH         0x64u
#define ITA_ACT_RQ          0x68u /* requant after the activation; 0 = PyITA defaults */

#endif
