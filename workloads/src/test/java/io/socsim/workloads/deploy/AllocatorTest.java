package io.socsim.workloads.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AllocatorTest {

    @Test
    void liveBuffersNeverOverlapUnderRandomTakesAndGives() {
        SplittableRandom rng = new SplittableRandom(7);
        Allocator a = new Allocator();
        List<long[]> live = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            if (live.isEmpty() || rng.nextInt(3) > 0 && live.size() < 40) {
                long bytes = 1 + rng.nextInt(600);
                long at = a.take(bytes);
                long end = at + Math.max(16, (bytes + 15) & ~15L);
                for (long[] o : live) {
                    assertThat(at < o[1] && o[0] < end).as("step %d: [%d,%d) overlaps live [%d,%d)", step, at, end, o[0], o[1]).isFalse();
                }
                live.add(new long[] {at, end, bytes});
            } else {
                long[] o = live.remove(rng.nextInt(live.size()));
                a.give(o[0], o[2]);
            }
        }
    }
}
