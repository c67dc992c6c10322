/* Software events between cores (EU_EVENT_TRIGGER / EU_EVENT_WAIT).
 *
 * Ring: a token travels 0 -> 1 -> ... -> n-1 -> 0 for LAPS laps; each core
 * sleeps until the previous one triggers it, updates the token, logs its id
 * and triggers the next.  Only one core is awake at a time, so the log and
 * the token are deterministic.
 * Broadcast: core 0 triggers all others at once; each answers in its own
 * slot and triggers core 0, which sleeps until every slot is filled
 * (several triggers may merge into one pending event, so it re-checks the
 * slots after each wake-up instead of counting events).
 */
#include "cluster.h"

#define LAPS 3u

static volatile uint32_t token L1_BSS;
static volatile uint32_t log_pos L1_BSS;
static volatile uint8_t order[LAPS * 8u] L1_BSS;
static volatile uint32_t go L1_BSS;
static volatile uint32_t reply[8] L1_BSS;
static uint32_t bad_wake[8] L1_BSS;

static void pass_token(unsigned id, unsigned n)
{
    token = token * 3u + id;
    order[log_pos] = (uint8_t)id;
    log_pos = log_pos + 1;
    event_trigger(1u << ((id + 1) % n));
}

static void wait_sw(unsigned id)
{
    if (!(event_wait() & EV_SW))
        bad_wake[id]++;
}

int main(void)
{
    unsigned id = core_id(), n = core_count();

    if (n < 2) {
        sim_printf("events: needs at least 2 cores\n");
        return 1;
    }
    /* Only software events wake us; everybody has set its mask before the
       first trigger is sent. */
    event_mask_set(EV_SW);
    barrier();

    /* ---- ring ---- */
    for (unsigned lap = 0; lap < LAPS; lap++) {
        if (id == 0) {
            pass_token(id, n);
            wait_sw(id);
        } else {
            wait_sw(id);
            pass_token(id, n);
        }
    }
    barrier();

    /* ---- broadcast and replies ---- */
    if (id == 0) {
        go = 1000;
        event_trigger(((1u << n) - 1u) & ~1u);
        for (;;) {
            unsigned done = 1;
            for (unsigned c = 1; c < n; c++)
                if (reply[c] == 0)
                    done = 0;
            if (done)
                break;
            event_wait();     /* any pending EV_SW: re-check the slots */
        }
    } else {
        wait_sw(id);
        reply[id] = go + id;
        event_trigger(1u);
    }
    barrier();

    if (id != 0)
        return 0;

    sim_printf("ring: %u laps over %u cores, order", LAPS, n);
    for (unsigned i = 0; i < log_pos; i++)
        sim_printf(" %u", order[i]);
    sim_printf("\nring: token %x\n", token);
    sim_printf("broadcast replies:");
    for (unsigned c = 1; c < n; c++)
        sim_printf(" %u", reply[c]);
    uint32_t bad = 0;
    for (unsigned c = 0; c < n; c++)
        bad += bad_wake[c];
    sim_printf("\nwake-ups without EV_SW: %u\n", bad);

    unsigned errors = bad != 0;
    if (log_pos != LAPS * n)
        errors++;
    for (unsigned i = 0; i < log_pos; i++)
        if (order[i] != i % n)
            errors++;
    for (unsigned c = 1; c < n; c++)
        if (reply[c] != 1000 + c)
            errors++;
    sim_printf("events: %s\n", errors ? "FAIL" : "ok");
    return errors ? 1 : 0;
}
