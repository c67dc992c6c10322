/*
 * cluster.h: event unit and cluster DMA for socsim cluster programs
 * (presets pulp-cluster, ita-cluster).  Register map: docs/architecture.md.
 *
 * Build with -DSOCSIM_CLUSTER and sdk/link-cluster.ld (docs/sdk.md, "Cluster
 * programs").  core_id() and core_count() come from socsim.h, included here;
 * in a cluster build core_count() reads EU_CORE_COUNT.
 *
 * Every function that can make other cores' or the DMA's view of memory
 * matter (barrier, event wait/trigger, DMA start/wait) is also a compiler
 * memory barrier, so plain C stores before it are not moved after it.
 */
#ifndef SOCSIM_CLUSTER_H
#define SOCSIM_CLUSTER_H

#ifndef SOCSIM_CLUSTER
#error "cluster programs are built with -DSOCSIM_CLUSTER (see docs/sdk.md)"
#endif

#include <stdint.h>
#include "socsim.h"

/* Register offsets, event bits and window bases: socsim_regs.h, generated
   from the simulator's register map (io.socsim.config.hw.RegisterMap). */
#include "socsim_regs.h"

/* Place a variable in L1 (link-cluster.ld).  L1_BSS ones are zeroed by crt0. */
#define L1_DATA __attribute__((section(".l1")))
#define L1_BSS  __attribute__((section(".l1.bss")))

#define CLUSTER_COMPILER_BARRIER() __asm__ volatile("" ::: "memory")

static inline void cluster_reg_write(uint32_t addr, uint32_t value)
{
    *(volatile uint32_t *)(uintptr_t)addr = value;
}

static inline uint32_t cluster_reg_read(uint32_t addr)
{
    return *(volatile uint32_t *)(uintptr_t)addr;
}

/* p.elw rd, 0(rs1): LOAD opcode, funct3 110.  The core sleeps in the event
   unit until the register answers. */
static inline uint32_t cluster_elw(uint32_t addr)
{
    uint32_t v;
    __asm__ volatile(".insn i 0x03, 6, %0, 0(%1)"
                     : "=r"(v) : "r"(addr) : "memory");
    return v;
}

/* ---- synchronisation -------------------------------------------------- */

/* Wait until every core of the cluster has arrived. */
static inline void barrier(void)
{
    (void)cluster_elw(EU_BASE + EU_BARRIER);
}

/* Sleep until an event of this core's mask is pending; returns the pending
   events (which the read clears). */
static inline uint32_t event_wait(void)
{
    return cluster_elw(EU_BASE + EU_EVENT_WAIT);
}

/* Which events wake this core in event_wait(). */
static inline void event_mask_set(uint32_t mask)
{
    CLUSTER_COMPILER_BARRIER();
    cluster_reg_write(EU_BASE + EU_EVENT_MASK, mask);
}

/* Pending events of this core, without clearing them. */
static inline uint32_t event_pending(void)
{
    CLUSTER_COMPILER_BARRIER();
    return cluster_reg_read(EU_BASE + EU_EVENT_PENDING);
}

/* Send EV_SW to every core whose bit is set in `cores`. */
static inline void event_trigger(uint32_t cores)
{
    CLUSTER_COMPILER_BARRIER();
    cluster_reg_write(EU_BASE + EU_EVENT_TRIGGER, cores);
}

/* ---- DMA -------------------------------------------------------------- */

/* Copy `len` bytes (1 .. 65535); one side L1, the other L2/L3 (or both L1).
   Returns the transfer id for dma_wait().  Stalls while this core's queue
   is full. */
static inline uint32_t dma_memcpy(void *dst, const void *src, uint32_t len)
{
    CLUSTER_COMPILER_BARRIER();
    cluster_reg_write(DMA_BASE + DMA_SRC, (uint32_t)(uintptr_t)src);
    cluster_reg_write(DMA_BASE + DMA_DST, (uint32_t)(uintptr_t)dst);
    cluster_reg_write(DMA_BASE + DMA_LEN, len);
    cluster_reg_write(DMA_BASE + DMA_ROWS, 1);  /* staging keeps the last 2D value */
    uint32_t id = cluster_reg_read(DMA_BASE + DMA_START);
    CLUSTER_COMPILER_BARRIER();
    return id;
}

/* 2D copy: `rows` rows of `len` bytes; row r is read at src + r*src_stride
   and written at dst + r*dst_stride. */
static inline uint32_t dma_memcpy_2d(void *dst, const void *src, uint32_t len, uint32_t rows,
                                     uint32_t src_stride, uint32_t dst_stride)
{
    CLUSTER_COMPILER_BARRIER();
    cluster_reg_write(DMA_BASE + DMA_SRC, (uint32_t)(uintptr_t)src);
    cluster_reg_write(DMA_BASE + DMA_DST, (uint32_t)(uintptr_t)dst);
    cluster_reg_write(DMA_BASE + DMA_LEN, len);
    cluster_reg_write(DMA_BASE + DMA_SRC_STRIDE, src_stride);
    cluster_reg_write(DMA_BASE + DMA_DST_STRIDE, dst_stride);
    cluster_reg_write(DMA_BASE + DMA_ROWS, rows);
    uint32_t id = cluster_reg_read(DMA_BASE + DMA_START);
    CLUSTER_COMPILER_BARRIER();
    return id;
}

/* Sleep until transfer `id` has completed. */
static inline void dma_wait(uint32_t id)
{
    CLUSTER_COMPILER_BARRIER();
    cluster_reg_write(DMA_BASE + DMA_WAIT, id);
    (void)cluster_elw(DMA_BASE + DMA_WAIT);
}

/* Bit i set while transfer i is queued or running. */
static inline uint32_t dma_status(void)
{
    CLUSTER_COMPILER_BARRIER();
    return cluster_reg_read(DMA_BASE + DMA_STATUS);
}

#endif /* SOCSIM_CLUSTER_H */
