/* Every core prints one line, in core order: core c prints in round c and
   all cores meet at a barrier after each round, so the output order does not
   depend on how the cores are scheduled. */
#include "cluster.h"

int main(void)
{
    unsigned id = core_id(), n = core_count();

    for (unsigned c = 0; c < n; c++) {
        if (c == id)
            sim_printf("hello from core %u of %u\n", id, n);
        barrier();
    }
    if (id == 0)
        sim_printf("all %u cores said hello\n", n);
    return 0;
}
