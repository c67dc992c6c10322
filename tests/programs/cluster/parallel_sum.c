/* Each core fills its slice of an L2 array, then (after a barrier) sums the
   slice of the next core, so every partial sum reads data another core
   wrote.  Partial sums meet in L1; core 0 combines them after a second
   barrier and checks the closed form. */
#include "cluster.h"

#define N 1024u                 /* divisible by every core count 1..8 used */

static uint32_t values[N];              /* L2 (.bss) */
static uint32_t partial[8] L1_BSS;      /* one slot per core, in L1 */

static uint32_t value_of(uint32_t i) { return 3u * i + 1u; }

int main(void)
{
    unsigned id = core_id(), n = core_count();
    unsigned slice = N / n;

    for (uint32_t i = id * slice; i < (id + 1) * slice; i++)
        values[i] = value_of(i);
    barrier();

    unsigned s = (id + 1) % n;              /* somebody else's slice */
    uint32_t sum = 0;
    for (uint32_t i = s * slice; i < (s + 1) * slice; i++)
        sum += values[i];
    partial[id] = sum;
    barrier();

    if (id != 0)
        return 0;

    uint32_t total = 0;
    for (unsigned c = 0; c < n; c++) {
        sim_printf("core %u summed slice %u: %u\n", c, (c + 1) % n, partial[c]);
        total += partial[c];
    }
    uint32_t want = 3u * (N * (N - 1u) / 2u) + N;
    sim_printf("total %u, expected %u: %s\n", total, want, total == want ? "ok" : "FAIL");
    return total == want ? 0 : 1;
}
