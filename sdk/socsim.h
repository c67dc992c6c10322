/*
 * socsim SDK: minimal freestanding runtime for programs run on the socsim
 * PULP cluster simulator (and, single-core, under qemu-riscv32).
 *
 * Host calls follow the simulator contract: while mtvec == 0, `ecall` with
 * a7 = 93 exits with code a0 and a7 = 64 writes a2 bytes at a1 to fd a0.
 * These are Linux riscv32's exit/write numbers, so qemu-user runs the same
 * binaries.  Implementation: socsim.c (link it with every program).
 */
#ifndef SOCSIM_H
#define SOCSIM_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SOCSIM_SYS_WRITE 64
#define SOCSIM_SYS_EXIT  93

/* Hart id of the calling core.  With -DSOCSIM_SINGLE_CORE the CSR is not
   read (machine CSRs trap under qemu-user) and every caller is core 0. */
static inline unsigned core_id(void)
{
#ifdef SOCSIM_SINGLE_CORE
    return 0;
#else
    unsigned id;
    __asm__ volatile("csrr %0, mhartid" : "=r"(id));
    return id;
#endif
}

/* Number of cores.  Cluster builds (-DSOCSIM_CLUSTER) read the event unit's
   EU_CORE_COUNT (docs/architecture.md); other multi-core builds return the
   number of stacks the linker script reserved (__num_cores); single-core
   builds return 1. */
static inline unsigned core_count(void)
{
#if defined(SOCSIM_SINGLE_CORE)
    return 1;
#elif defined(SOCSIM_CLUSTER)
    return *(volatile uint32_t *)(uintptr_t)0x10200818u;  /* EU_BASE + EU_CORE_COUNT */
#else
    extern char __num_cores[];  /* absolute linker symbol: its address is the value */
    return (unsigned)(uintptr_t)__num_cores;
#endif
}

void exit(int code) __attribute__((noreturn));
long write(int fd, const void *buf, size_t len);

/* End the run riscv-tests style through `tohost` (code 0 = pass). */
void sim_tohost_exit(unsigned code) __attribute__((noreturn));

int putchar(int c);
int sim_puts(const char *s);   /* writes s without adding a newline */

/* printf subset: %d %i %u %x %X %s %c %%, optional '-' / '0' flags, a width
   and an ignored 'l' modifier (long is 32-bit).  Returns bytes written.
   No format attribute on purpose: uint32_t is "long" on riscv*-elf, which
   would make every %x of a uint32_t warn. */
int sim_printf(const char *fmt, ...);
int sim_vprintf(const char *fmt, va_list ap);

/* The compiler may emit calls to these even with -ffreestanding. */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

#ifdef __cplusplus
}
#endif

#endif /* SOCSIM_H */
