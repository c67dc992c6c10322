/* Recursion and indirect calls: classic recursive functions, a generic
   qsort driven by comparison callbacks, a recursive-descent expression
   evaluator and a small bytecode interpreter with a handler table.  Exit
   code = failed checks. */
#include "socsim.h"

static int failures;

static void expect(const char *what, int32_t got, int32_t want)
{
    sim_printf("%-22s = %d%s\n", what, (int)got, got == want ? "" : "  MISMATCH");
    if (got != want)
        failures++;
}

/* ---- classic recursion ----------------------------------------------- */

static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static uint32_t ackermann(uint32_t m, uint32_t n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static uint32_t hanoi_moves;
static void hanoi(int n, int from, int to, int via)
{
    if (n == 0)
        return;
    hanoi(n - 1, from, via, to);
    hanoi_moves++;
    hanoi(n - 1, via, to, from);
}

/* Mutual recursion through volatile function pointers so it stays calls. */
static int is_even(unsigned n);
static int is_odd(unsigned n);
static int (*volatile even_fp)(unsigned) = is_even;
static int (*volatile odd_fp)(unsigned) = is_odd;
static int is_even(unsigned n) { return n == 0 ? 1 : odd_fp(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : even_fp(n - 1); }

/* ---- generic qsort with callbacks ------------------------------------ */

typedef int (*cmp_fn)(const void *, const void *);

static void swap_bytes(char *a, char *b, size_t size)
{
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void my_qsort(void *base, size_t n, size_t size, cmp_fn cmp)
{
    char *b = base;
    if (n < 2)
        return;
    /* Lomuto partition around the middle element (moved to the end). */
    swap_bytes(b + (n / 2) * size, b + (n - 1) * size, size);
    char *pivot = b + (n - 1) * size;
    size_t store = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (cmp(b + i * size, pivot) < 0)
            swap_bytes(b + i * size, b + store++ * size, size);
    swap_bytes(b + store * size, pivot, size);
    my_qsort(b, store, size, cmp);
    my_qsort(b + (store + 1) * size, n - store - 1, size, cmp);
}

struct person {
    char name[8];
    int16_t age;
    int32_t score;
};

static int by_age(const void *a, const void *b)
{
    const struct person *x = a, *y = b;
    if (x->age != y->age)
        return x->age - y->age;
    return strcmp(x->name, y->name);
}
static int by_score_desc(const void *a, const void *b)
{
    const struct person *x = a, *y = b;
    return (x->score < y->score) - (x->score > y->score);
}
static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct person *)a)->name, ((const struct person *)b)->name);
}
static int int_cmp(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* ---- recursive-descent expression evaluator --------------------------- */

static const char *src;

static int32_t parse_expr(void);

static void skip_spaces(void)
{
    while (*src == ' ')
        src++;
}

static int32_t parse_primary(void)
{
    skip_spaces();
    if (*src == '(') {
        src++;
        int32_t v = parse_expr();
        skip_spaces();
        if (*src == ')')
            src++;
        return v;
    }
    if (*src == '-') {
        src++;
        return -parse_primary();
    }
    int32_t v = 0;
    while (*src >= '0' && *src <= '9')
        v = v * 10 + (*src++ - '0');
    return v;
}

static int32_t parse_term(void)
{
    int32_t v = parse_primary();
    for (;;) {
        skip_spaces();
        char op = *src;
        if (op != '*' && op != '/' && op != '%')
            return v;
        src++;
        int32_t r = parse_primary();
        v = op == '*' ? v * r : r == 0 ? 0 : op == '/' ? v / r : v % r;
    }
}

static int32_t parse_expr(void)
{
    int32_t v = parse_term();
    for (;;) {
        skip_spaces();
        char op = *src;
        if (op != '+' && op != '-')
            return v;
        src++;
        int32_t r = parse_term();
        v = op == '+' ? v + r : v - r;
    }
}

static int32_t eval(const char *s)
{
    src = s;
    return parse_expr();
}

/* ---- bytecode interpreter with a handler table ------------------------ */

enum { OP_PUSH, OP_LOAD, OP_STORE, OP_ADD, OP_SUB, OP_MUL, OP_MOD, OP_JNZ, OP_JMP, OP_HALT, OP_DUP, OP_SWAP };

struct vm {
    const int32_t *code;
    int pc;
    int sp;
    int32_t stack[16];
    int32_t vars[4];
    int running;
    uint32_t steps;
};

typedef void (*handler)(struct vm *);

static void h_push(struct vm *m) { m->stack[m->sp++] = m->code[m->pc++]; }
static void h_load(struct vm *m) { m->stack[m->sp++] = m->vars[m->code[m->pc++]]; }
static void h_store(struct vm *m) { m->vars[m->code[m->pc++]] = m->stack[--m->sp]; }
static void h_add(struct vm *m) { m->sp--; m->stack[m->sp - 1] += m->stack[m->sp]; }
static void h_sub(struct vm *m) { m->sp--; m->stack[m->sp - 1] -= m->stack[m->sp]; }
static void h_mul(struct vm *m) { m->sp--; m->stack[m->sp - 1] *= m->stack[m->sp]; }
static void h_mod(struct vm *m) { m->sp--; m->stack[m->sp - 1] %= m->stack[m->sp]; }
static void h_jnz(struct vm *m) { int32_t t = m->code[m->pc++]; if (m->stack[--m->sp]) m->pc = t; }
static void h_jmp(struct vm *m) { m->pc = m->code[m->pc]; }
static void h_halt(struct vm *m) { m->running = 0; }
static void h_dup(struct vm *m) { m->stack[m->sp] = m->stack[m->sp - 1]; m->sp++; }
static void h_swap(struct vm *m) { int32_t t = m->stack[m->sp - 1]; m->stack[m->sp - 1] = m->stack[m->sp - 2]; m->stack[m->sp - 2] = t; }

static const handler handlers[] = {
    [OP_PUSH] = h_push, [OP_LOAD] = h_load, [OP_STORE] = h_store, [OP_ADD] = h_add,
    [OP_SUB] = h_sub,   [OP_MUL] = h_mul,   [OP_MOD] = h_mod,     [OP_JNZ] = h_jnz,
    [OP_JMP] = h_jmp,   [OP_HALT] = h_halt, [OP_DUP] = h_dup,     [OP_SWAP] = h_swap,
};

static int32_t run(const int32_t *code, int32_t a, int32_t b)
{
    struct vm m;
    memset(&m, 0, sizeof m);
    m.code = code;
    m.vars[0] = a;
    m.vars[1] = b;
    m.running = 1;
    while (m.running) {
        handlers[m.code[m.pc++]](&m);
        m.steps++;
    }
    sim_printf("  vm(%d, %d): %u steps\n", (int)a, (int)b, (unsigned)m.steps);
    return m.sp ? m.stack[m.sp - 1] : m.vars[2];
}

/* var2 = var0!  (loop: acc *= n; n -= 1 while n) */
static const int32_t prog_fact[] = {
    OP_PUSH, 1, OP_STORE, 2,
    /* 4: */ OP_LOAD, 2, OP_LOAD, 0, OP_MUL, OP_STORE, 2,
    OP_LOAD, 0, OP_PUSH, 1, OP_SUB, OP_DUP, OP_STORE, 0,
    OP_JNZ, 4,
    OP_LOAD, 2, OP_HALT,
};

/* gcd(var0, var1) by Euclid: while (b) { t = a % b; a = b; b = t; } */
static const int32_t prog_gcd[] = {
    /*  0 */ OP_LOAD, 1, OP_JNZ, 6, OP_JMP, 19,
    /*  6 */ OP_LOAD, 0, OP_LOAD, 1, OP_MOD,
    /* 11 */ OP_LOAD, 1, OP_STORE, 0, OP_STORE, 1, OP_JMP, 0,
    /* 19 */ OP_LOAD, 0, OP_HALT,
};

int main(void)
{
    expect("fib(20)", (int32_t)fib(20), 6765);
    expect("ackermann(2,3)", (int32_t)ackermann(2, 3), 9);
    expect("ackermann(3,3)", (int32_t)ackermann(3, 3), 61);
    hanoi(12, 1, 3, 2);
    expect("hanoi(12) moves", (int32_t)hanoi_moves, 4095);
    expect("is_even(77)", is_even(77), 0);
    expect("is_odd(77)", is_odd(77), 1);

    static struct person people[] = {
        {"mia", 31, 870}, {"ole", 25, 910}, {"ada", 36, 990}, {"bob", 25, 640},
        {"eve", 29, 910}, {"kim", 41, 120}, {"liu", 31, 455}, {"zoe", 19, 780},
    };
    const size_t np = sizeof people / sizeof people[0];
    static const struct { const char *name; cmp_fn fn; } orders[] = {
        {"age", by_age}, {"score desc", by_score_desc}, {"name", by_name},
    };
    for (unsigned o = 0; o < 3; o++) {
        my_qsort(people, np, sizeof people[0], orders[o].fn);
        int ok = 1;
        sim_printf("by %-10s:", orders[o].name);
        for (size_t i = 0; i < np; i++) {
            sim_printf(" %s/%d/%d", people[i].name, people[i].age, (int)people[i].score);
            if (i && orders[o].fn(&people[i - 1], &people[i]) > 0)
                ok = 0;
        }
        sim_printf("\n");
        expect("  ordered", ok, 1);
    }

    int32_t nums[64];
    uint32_t x = 99;
    for (int i = 0; i < 64; i++) {
        x = x * 69069u + 1;
        nums[i] = (int32_t)(x >> 8) - 0x800000;
    }
    my_qsort(nums, 64, sizeof nums[0], int_cmp);
    int sorted = 1;
    for (int i = 1; i < 64; i++)
        sorted &= nums[i - 1] <= nums[i];
    expect("qsort ints sorted", sorted, 1);
    sim_printf("  min=%d max=%d\n", (int)nums[0], (int)nums[63]);

    expect("eval 2*(3+4)-10/3", eval("2*(3+4)-10/3"), 11);
    expect("eval -(8%3)*((1+2)*(3+4))", eval("-(8%3)*((1+2)*(3+4))"), -42);
    expect("eval 100/(2*(1+4))-7", eval("100/(2*(1+4))-7"), 3);
    expect("eval ((((((9))))))*9", eval("((((((9))))))*9"), 81);

    expect("vm 10!", run(prog_fact, 10, 0), 3628800);
    expect("vm 12!", run(prog_fact, 12, 0), 479001600);
    expect("vm gcd(1071,462)", run(prog_gcd, 1071, 462), 21);
    expect("vm gcd(832040,514229)", run(prog_gcd, 832040, 514229), 1);

    sim_printf("recursion: %d failures\n", failures);
    return failures;
}
