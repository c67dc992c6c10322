/* Smallest end-to-end check: printf formatting and the exit code path. */
#include "socsim.h"

int main(void)
{
    sim_printf("Hello from socsim core %u of %u\n", core_id(), core_count());
    sim_printf("fmt: [%d] [%u] [%x] [%08x] [%X] [%s] [%c] [%5d] [%-5d] [%05d] [%%]\n",
               -42, 4000000000u, 0xbeefu, 0x1234u, 0xabcdu, "str", 'Z', 17, 17, -17);
    sim_printf("int min/max: %d %d, u32 max: %u\n", (int)0x80000000, 0x7fffffff, 0xffffffffu);
    putchar('o');
    putchar('k');
    putchar('\n');
    return 0;
}
