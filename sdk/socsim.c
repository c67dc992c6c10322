/*
 * socsim SDK runtime: host calls, a small printf and the string/memory
 * routines GCC expects.  Build with -fno-tree-loop-distribute-patterns (or
 * -fno-builtin) so memset/memcpy below are not turned into calls to
 * themselves.
 */
#include "socsim.h"

static long host_call3(long nr, long a0, long a1, long a2)
{
    register long r_a0 __asm__("a0") = a0;
    register long r_a1 __asm__("a1") = a1;
    register long r_a2 __asm__("a2") = a2;
    register long r_a7 __asm__("a7") = nr;
    __asm__ volatile("ecall"
                     : "+r"(r_a0)
                     : "r"(r_a1), "r"(r_a2), "r"(r_a7)
                     : "memory");
    return r_a0;
}

void exit(int code)
{
    host_call3(SOCSIM_SYS_EXIT, code, 0, 0);
    for (;;)    /* not reached: the host call does not return */
        ;
}

long write(int fd, const void *buf, size_t len)
{
    return host_call3(SOCSIM_SYS_WRITE, fd, (long)buf, (long)len);
}

extern volatile uint32_t tohost;

void sim_tohost_exit(unsigned code)
{
    tohost = (code << 1) | 1;
    /* Under qemu-user the store is just a store: fall back to the exit call. */
    exit((int)code);
}

int putchar(int c)
{
    char ch = (char)c;
    write(1, &ch, 1);
    return (unsigned char)c;
}

int sim_puts(const char *s)
{
    size_t n = strlen(s);
    write(1, s, n);
    return (int)n;
}

/* ---- printf ---------------------------------------------------------- */

struct out_buf {
    char data[128];
    unsigned len;
    int total;
};

static void out_flush(struct out_buf *o)
{
    if (o->len) {
        write(1, o->data, o->len);
        o->len = 0;
    }
}

static void out_char(struct out_buf *o, char c)
{
    if (o->len == sizeof o->data)
        out_flush(o);
    o->data[o->len++] = c;
    o->total++;
}

static void out_padded(struct out_buf *o, const char *s, unsigned n,
                       int width, int left, char pad)
{
    int fill = width > (int)n ? width - (int)n : 0;
    /* Zero padding goes after a leading minus sign. */
    if (!left && pad == '0' && n && *s == '-') {
        out_char(o, '-');
        s++;
        n--;
    }
    if (!left)
        while (fill-- > 0)
            out_char(o, pad);
    while (n--)
        out_char(o, *s++);
    if (left)
        while (fill-- > 0)
            out_char(o, ' ');
}

int sim_vprintf(const char *fmt, va_list ap)
{
    struct out_buf o;
    o.len = 0;
    o.total = 0;

    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            out_char(&o, *fmt);
            continue;
        }
        fmt++;
        int left = 0;
        char pad = ' ';
        for (;; fmt++) {
            if (*fmt == '-')
                left = 1;
            else if (*fmt == '0')
                pad = '0';
            else
                break;
        }
        int width = 0;
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l')
            fmt++;

        char tmp[12];
        unsigned n = 0;
        switch (*fmt) {
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X': {
            uint32_t v = va_arg(ap, uint32_t);
            int neg = 0;
            unsigned base = (*fmt == 'x' || *fmt == 'X') ? 16 : 10;
            const char *digits = *fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
            if ((*fmt == 'd' || *fmt == 'i') && (int32_t)v < 0) {
                neg = 1;
                v = 0u - v;     /* also right for INT32_MIN */
            }
            char rev[11];
            unsigned r = 0;
            do {
                rev[r++] = digits[v % base];
                v /= base;
            } while (v);
            if (neg)
                tmp[n++] = '-';
            while (r)
                tmp[n++] = rev[--r];
            out_padded(&o, tmp, n, width, left, pad);
            break;
        }
        case 'c':
            tmp[0] = (char)va_arg(ap, int);
            out_padded(&o, tmp, 1, width, left, ' ');
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            out_padded(&o, s, strlen(s), width, left, ' ');
            break;
        }
        case '%':
            out_char(&o, '%');
            break;
        case '\0':
            fmt--;      /* lone '%' at the end: stop at the terminator */
            break;
        default:        /* unknown conversion: print it verbatim */
            out_char(&o, '%');
            out_char(&o, *fmt);
            break;
        }
    }
    out_flush(&o);
    return o.total;
}

int sim_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = sim_vprintf(fmt, ap);
    va_end(ap);
    return n;
}

/* ---- memory and strings ---------------------------------------------- */

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    /* Word copy when both pointers share alignment; bytes otherwise. */
    if ((((uintptr_t)d ^ (uintptr_t)s) & 3) == 0) {
        while (n && ((uintptr_t)d & 3)) {
            *d++ = *s++;
            n--;
        }
        while (n >= 4) {
            *(uint32_t *)d = *(const uint32_t *)s;
            d += 4;
            s += 4;
            n -= 4;
        }
    }
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d == s || n == 0)
        return dst;
    if (d < s || d >= s + n)
        return memcpy(dst, src, n);
    while (n--)
        d[n] = s[n];
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    while (n && ((uintptr_t)d & 3)) {
        *d++ = (unsigned char)c;
        n--;
    }
    uint32_t w = (unsigned char)c * 0x01010101u;
    while (n >= 4) {
        *(uint32_t *)d = w;
        d += 4;
        n -= 4;
    }
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x < *y ? -1 : 1;
    return 0;
}

size_t strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}
