/* int8 matrix multiply with int32 accumulation and requantisation
   out = clip8((acc * mul) >> shift), as in quantised NN layers.  Two loop
   orders (naive and k-outer with a transposed B) must agree; the exit code
   is the number of differing elements (capped at 255). */
#include "socsim.h"

#define M 24
#define K 40
#define N 20

static int8_t A[M][K], B[K][N], BT[N][K];
static int32_t acc1[M][N], acc2[M][N];
static int8_t out1[M][N], out2[M][N];

static int8_t clip8(int32_t v)
{
    return (int8_t)(v < -128 ? -128 : v > 127 ? 127 : v);
}

/* 64-bit product so large accumulators do not overflow before the shift. */
static int8_t requant(int32_t acc, int32_t mul, int shift)
{
    return clip8((int32_t)(((int64_t)acc * mul) >> shift));
}

static void matmul_naive(void)
{
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) {
            int32_t s = 0;
            for (int k = 0; k < K; k++)
                s += A[i][k] * B[k][j];
            acc1[i][j] = s;
        }
}

static void matmul_transposed(void)
{
    for (int j = 0; j < N; j++)
        for (int k = 0; k < K; k++)
            BT[j][k] = B[k][j];
    memset(acc2, 0, sizeof acc2);
    /* Unrolled by 4 along K to mimic a SIMD-style inner product. */
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) {
            const int8_t *a = A[i], *b = BT[j];
            int32_t s = 0;
            for (int k = 0; k < K; k += 4)
                s += a[k] * b[k] + a[k + 1] * b[k + 1] + a[k + 2] * b[k + 2] + a[k + 3] * b[k + 3];
            acc2[i][j] = s;
        }
}

int main(void)
{
    uint32_t x = 0x1234567u;
    for (int i = 0; i < M; i++)
        for (int k = 0; k < K; k++) {
            x = x * 1664525u + 1013904223u;
            A[i][k] = (int8_t)(x >> 24);
        }
    for (int k = 0; k < K; k++)
        for (int j = 0; j < N; j++) {
            x = x * 1664525u + 1013904223u;
            B[k][j] = (int8_t)(x >> 24);
        }
    /* Extreme values to exercise the clip and the sign handling. */
    A[0][0] = -128; B[0][0] = -128;
    A[1][1] = 127;  B[1][1] = -128;

    matmul_naive();
    matmul_transposed();

    /* Scale ~1/700 in Q30: the product needs 64 bits, the output spans int8. */
    const int32_t mul = 1533916;
    const int shift = 30;
    int diffs = 0;
    uint32_t h = 0;
    int32_t amin = 0x7fffffff, amax = -0x7fffffff - 1;
    int clipped = 0;
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) {
            out1[i][j] = requant(acc1[i][j], mul, shift);
            out2[i][j] = requant(acc2[i][j], mul, shift);
            if (acc1[i][j] != acc2[i][j] || out1[i][j] != out2[i][j])
                diffs++;
            if (out1[i][j] == 127 || out1[i][j] == -128)
                clipped++;
            amin = acc1[i][j] < amin ? acc1[i][j] : amin;
            amax = acc1[i][j] > amax ? acc1[i][j] : amax;
            h = (h * 33) ^ (uint8_t)out1[i][j];
        }

    sim_printf("matmul %dx%dx%d  mul=%d shift=%d\n", M, K, N, (int)mul, shift);
    sim_printf("acc range [%d, %d], clipped outputs %d\n", (int)amin, (int)amax, clipped);
    for (int i = 0; i < 4; i++) {
        sim_printf("row %d:", i);
        for (int j = 0; j < N; j++)
            sim_printf(" %d", out1[i][j]);
        sim_printf("\n");
    }
    sim_printf("acc[0][0]=%d acc[1][1]=%d acc[%d][%d]=%d\n", (int)acc1[0][0], (int)acc1[1][1],
               M - 1, N - 1, (int)acc1[M - 1][N - 1]);
    sim_printf("output hash %08x, %d differences\n", (unsigned)h, diffs);
    return diffs > 255 ? 255 : diffs;
}
