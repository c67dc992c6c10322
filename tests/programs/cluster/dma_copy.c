/* Cluster DMA, L2 -> L1 -> L2, with verification.
 *
 * Part 1 (core 0): 4 KiB streamed through two 1 KiB L1 buffers, double
 * buffered: chunk k+1 is fetched while chunk k is processed (each word + k+1)
 * and written back; one id per direction and buffer.
 * Part 2 (all cores): every core moves its own 2-row band of a 16 x 64-byte
 * L2 matrix's 16-byte-wide window into L1 with a 2D transfer, then writes it
 * back with a 2D transfer of another stride into a second L2 matrix.  Core 0
 * checks the whole result after a barrier.
 */
#include "cluster.h"

#define WORDS   1024u               /* 4 KiB */
#define CHUNK   256u                /* words per chunk: 1 KiB */
#define NCHUNK  (WORDS / CHUNK)

static uint32_t src1[WORDS];        /* L2 */
static uint32_t dst1[WORDS];        /* L2 */
static uint32_t buf[2][CHUNK] L1_BSS;

#define ROWS     16u
#define ROW_B    64u                /* source row pitch in L2 */
#define WIN_COL  8u                 /* window: bytes 8 .. 23 of each row */
#define WIN_B    16u
#define OUT_B    32u                /* destination row pitch in L2 */

static uint8_t mat[ROWS][ROW_B];                /* L2 */
static uint8_t out[ROWS][OUT_B];                /* L2 */
static uint8_t win[ROWS][WIN_B] L1_BSS;         /* L1, rows packed */

static uint32_t pattern(uint32_t i) { return i * 0x01000193u ^ 0x5A5A0000u; }

static unsigned part1(void)
{
    unsigned bad = 0;
    uint32_t in_id[2], out_id[2];

    for (uint32_t i = 0; i < WORDS; i++)
        src1[i] = pattern(i);

    in_id[0] = dma_memcpy(buf[0], &src1[0], CHUNK * 4u);
    for (uint32_t k = 0; k < NCHUNK; k++) {
        uint32_t b = k & 1u;
        if (k + 1 < NCHUNK) {
            /* buf[b^1] last held chunk k-1: its write-back must be done. */
            if (k >= 1)
                dma_wait(out_id[b ^ 1u]);
            in_id[b ^ 1u] = dma_memcpy(buf[b ^ 1u], &src1[(k + 1) * CHUNK], CHUNK * 4u);
        }
        dma_wait(in_id[b]);
        for (uint32_t i = 0; i < CHUNK; i++)
            buf[b][i] += k + 1;
        out_id[b] = dma_memcpy(&dst1[k * CHUNK], buf[b], CHUNK * 4u);
    }
    dma_wait(out_id[(NCHUNK - 1) & 1u]);
    dma_wait(out_id[(NCHUNK - 2) & 1u]);

    for (uint32_t i = 0; i < WORDS; i++)
        if (dst1[i] != pattern(i) + i / CHUNK + 1)
            bad++;
    sim_printf("1d: %u bytes in %u chunks of %u, double buffered: %u bad words\n",
               WORDS * 4u, NCHUNK, CHUNK * 4u, bad);
    return bad;
}

int main(void)
{
    unsigned id = core_id(), n = core_count();
    unsigned bad = 0;

    if (id == 0) {
        bad += part1();
        for (uint32_t r = 0; r < ROWS; r++)
            for (uint32_t c = 0; c < ROW_B; c++)
                mat[r][c] = (uint8_t)(r * 16u + c);
    }
    barrier();

    /* Each core its band of ROWS / n rows (2 rows with 8 cores). */
    unsigned band = ROWS / n, r0 = id * band;
    if (band) {
        uint32_t t = dma_memcpy_2d(&win[r0][0], &mat[r0][WIN_COL], WIN_B, band, ROW_B, WIN_B);
        dma_wait(t);
        t = dma_memcpy_2d(&out[r0][0], &win[r0][0], WIN_B, band, WIN_B, OUT_B);
        dma_wait(t);
    }
    barrier();

    if (id != 0)
        return 0;
    unsigned bad2 = 0;
    for (uint32_t r = 0; r < band * n; r++)
        for (uint32_t c = 0; c < OUT_B; c++) {
            /* Window bytes copied, the rest of each output row untouched. */
            uint8_t want = c < WIN_B ? (uint8_t)(r * 16u + WIN_COL + c) : 0;
            if (out[r][c] != want)
                bad2++;
        }
    sim_printf("2d: %u rows x %u bytes, strides %u -> %u -> %u, %u cores: %u bad bytes\n",
               band * n, WIN_B, ROW_B, WIN_B, OUT_B, n, bad2);
    uint32_t status = dma_status();
    sim_printf("dma status after waits: %x\n", status);
    bad += bad2 + (status != 0);
    sim_printf("dma_copy: %s\n", bad ? "FAIL" : "ok");
    return bad ? 1 : 0;
}
