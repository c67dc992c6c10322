/* Many barrier rounds with per-core work that changes every round (the
   slowest core rotates).  In each round a core does its work, publishes the
   round number in its own slot, and after the barrier checks that every
   other core has published the same round: nobody may leave a barrier
   before everyone has arrived.  A second barrier keeps a fast core from
   publishing the next round while a slow one is still checking. */
#include "cluster.h"

#define ROUNDS 40u

static volatile uint32_t stamp[8] L1_BSS;   /* last round each core finished */
static uint32_t errors[8] L1_BSS;
static uint32_t checksum[8] L1_BSS;

/* Busy work whose length depends on (core, round): 0 .. 7 * 20 iterations. */
static uint32_t work(unsigned id, unsigned round, unsigned n)
{
    unsigned iters = ((id + round) % n) * 20u;
    uint32_t acc = round;
    for (unsigned i = 0; i < iters; i++) {
        acc = acc * 33u + i;
        __asm__ volatile("" : "+r"(acc));   /* keep the loop: the cost is the point */
    }
    return acc;
}

int main(void)
{
    unsigned id = core_id(), n = core_count();
    uint32_t sum = 0, err = 0;

    for (unsigned r = 1; r <= ROUNDS; r++) {
        sum += work(id, r, n);
        stamp[id] = r;
        barrier();
        for (unsigned c = 0; c < n; c++)
            if (stamp[c] != r)
                err++;
        barrier();
    }
    errors[id] = err;
    checksum[id] = sum;
    barrier();

    if (id != 0)
        return 0;
    uint32_t total_err = 0, total_sum = 0;
    for (unsigned c = 0; c < n; c++) {
        total_err += errors[c];
        total_sum += checksum[c];
    }
    sim_printf("barrier_rounds: %u cores, %u rounds, %u barriers per core\n",
               n, ROUNDS, 2u * ROUNDS + 1u);
    sim_printf("ordering errors: %u\n", total_err);
    sim_printf("work checksum: %x\n", total_sum);
    return total_err == 0 ? 0 : 1;
}
