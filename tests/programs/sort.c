/* Several sorting algorithms on the same pseudo-random data; every result
   must equal the insertion-sort reference.  Exit code = failures. */
#include "socsim.h"

#define N 300

static uint32_t rng_state = 0x2545f491u;

/* xorshift32: deterministic, no library needed. */
static uint32_t rng(void)
{
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return rng_state = x;
}

static int32_t input[N], ref[N], work[N], tmp[N];

static void insertion_sort(int32_t *a, int n)
{
    for (int i = 1; i < n; i++) {
        int32_t v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void bubble_sort(int32_t *a, int n)
{
    for (int end = n - 1; end > 0; end--) {
        int swapped = 0;
        for (int i = 0; i < end; i++)
            if (a[i] > a[i + 1]) {
                int32_t t = a[i];
                a[i] = a[i + 1];
                a[i + 1] = t;
                swapped = 1;
            }
        if (!swapped)
            break;
    }
}

static void quick_sort(int32_t *a, int lo, int hi)
{
    while (lo < hi) {
        int32_t pivot = a[lo + (hi - lo) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                int32_t t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        }
        /* Recurse into the smaller half to bound stack depth. */
        if (j - lo < hi - i) {
            quick_sort(a, lo, j);
            lo = i;
        } else {
            quick_sort(a, i, hi);
            hi = j;
        }
    }
}

static void merge_sort(int32_t *a, int32_t *t, int n)
{
    /* Bottom-up, alternating buffers. */
    for (int w = 1; w < n; w *= 2) {
        for (int lo = 0; lo < n; lo += 2 * w) {
            int mid = lo + w < n ? lo + w : n;
            int hi = lo + 2 * w < n ? lo + 2 * w : n;
            int i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                t[k++] = a[i] <= a[j] ? a[i++] : a[j++];
            while (i < mid)
                t[k++] = a[i++];
            while (j < hi)
                t[k++] = a[j++];
        }
        for (int k = 0; k < n; k++)
            a[k] = t[k];
    }
}

static void sift_down(int32_t *a, int root, int n)
{
    for (;;) {
        int child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && a[child + 1] > a[child])
            child++;
        if (a[root] >= a[child])
            return;
        int32_t t = a[root];
        a[root] = a[child];
        a[child] = t;
        root = child;
    }
}

static void heap_sort(int32_t *a, int n)
{
    for (int i = n / 2 - 1; i >= 0; i--)
        sift_down(a, i, n);
    for (int end = n - 1; end > 0; end--) {
        int32_t t = a[0];
        a[0] = a[end];
        a[end] = t;
        sift_down(a, 0, end);
    }
}

static void shell_sort(int32_t *a, int n)
{
    static const int gaps[] = {132, 57, 23, 10, 4, 1};
    for (unsigned g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
        int gap = gaps[g];
        for (int i = gap; i < n; i++) {
            int32_t v = a[i];
            int j = i;
            while (j >= gap && a[j - gap] > v) {
                a[j] = a[j - gap];
                j -= gap;
            }
            a[j] = v;
        }
    }
}

/* Radix sort on the sign-flipped key so negative values order correctly. */
static void radix_sort(int32_t *a, int32_t *t, int n)
{
    for (int shift = 0; shift < 32; shift += 8) {
        unsigned count[257] = {0};
        for (int i = 0; i < n; i++)
            count[(((uint32_t)a[i] ^ 0x80000000u) >> shift & 0xff) + 1]++;
        for (int b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (int i = 0; i < n; i++)
            t[count[((uint32_t)a[i] ^ 0x80000000u) >> shift & 0xff]++] = a[i];
        for (int i = 0; i < n; i++)
            a[i] = t[i];
    }
}

static uint32_t checksum(const int32_t *a, int n)
{
    uint32_t h = 2166136261u;
    for (int i = 0; i < n; i++)
        h = (h ^ (uint32_t)a[i]) * 16777619u;
    return h;
}

static int failures;

static void verify(const char *name)
{
    int sorted = 1;
    for (int i = 1; i < N; i++)
        if (work[i - 1] > work[i])
            sorted = 0;
    int same = memcmp(work, ref, sizeof ref) == 0;
    sim_printf("%-10s sorted=%d matches_ref=%d checksum=%08x\n", name, sorted, same,
               (unsigned)checksum(work, N));
    if (!sorted || !same)
        failures++;
}

int main(void)
{
    for (int i = 0; i < N; i++) {
        /* Mix of wide and narrow values, plenty of duplicates. */
        uint32_t r = rng();
        input[i] = (i % 3 == 0) ? (int32_t)(r % 50) - 25 : (int32_t)r;
    }
    memcpy(ref, input, sizeof ref);
    insertion_sort(ref, N);
    sim_printf("input  checksum=%08x  min=%d max=%d median=%d\n", (unsigned)checksum(input, N),
               (int)ref[0], (int)ref[N - 1], (int)ref[N / 2]);

    memcpy(work, input, sizeof work); bubble_sort(work, N);       verify("bubble");
    memcpy(work, input, sizeof work); quick_sort(work, 0, N - 1); verify("quick");
    memcpy(work, input, sizeof work); merge_sort(work, tmp, N);   verify("merge");
    memcpy(work, input, sizeof work); heap_sort(work, N);         verify("heap");
    memcpy(work, input, sizeof work); shell_sort(work, N);        verify("shell");
    memcpy(work, input, sizeof work); radix_sort(work, tmp, N);   verify("radix");

    sim_printf("first: %d %d %d  last: %d %d %d\n", (int)ref[0], (int)ref[1], (int)ref[2],
               (int)ref[N - 3], (int)ref[N - 2], (int)ref[N - 1]);
    sim_printf("sort: %d failures\n", failures);
    return failures;
}
