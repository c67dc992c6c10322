/* ITA from C: core 0 runs a 32 x 48 x 16 linear layer on ITA (requantisation 1/1, identity, small
   values so nothing clips: the result is exactly x . w + bias) while cores 1-7 compute the same
   product in software, row-split; core 0 then compares the two.  Expected output:
       ita_linear: ok
   and exit code 0.  Preset: ita-cluster. */
#include "socsim.h"
#include "cluster.h"
#include "ita.h"

#define S 32
#define E 48
#define P 16

L1_BSS static int8_t x[S * E];
L1_BSS static int8_t w[E * P];
L1_BSS static int32_t bias[P];
L1_BSS static int8_t out[S * P];
L1_BSS static int32_t ref[S * P];

int main(void)
{
    uint32_t id = core_id();
    uint32_t cores = core_count();
    if (id == 0) {
        for (int i = 0; i < S * E; i++) {
            x[i] = (int8_t)((i * 7) % 5 - 2);
        }
        for (int i = 0; i < E * P; i++) {
            w[i] = (int8_t)((i * 3) % 3 - 1);
        }
        for (int j = 0; j < P; j++) {
            bias[j] = j - 8;
        }
    }
    barrier();
    uint32_t job = 0;
    if (id == 0) {
        job = ita_linear(x, w, bias, out, S, E, P, ita_requant(1, 0, 0), ITA_IDENTITY);
    } else {
        for (uint32_t r = id - 1; r < S; r += cores - 1) {
            for (int j = 0; j < P; j++) {
                int32_t acc = bias[j];
                for (int k = 0; k < E; k++) {
                    acc += x[r * E + k] * w[k * P + j];
                }
                ref[r * P + j] = acc;
            }
        }
    }
    barrier();
    if (id != 0) {
        return 0;
    }
    ita_wait(job);
    int bad = 0;
    for (int i = 0; i < S * P; i++) {
        if (out[i] != ref[i]) {
            bad++;
        }
    }
    if (bad) {
        sim_printf("ita_linear: %d mismatches\n", bad);
        return 1;
    }
    sim_printf("ita_linear: ok\n");
    return 0;
}
