package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The batch loader: in order, independent of its workers, bounded, cancel-safe, and its wait accounting. */
class BatchLoaderTest {
    private static final List<ModalitySpec> SPECS = List.of(new ModalitySpec("a", ModalitySpec.Kind.SPECTROGRAM, new long[] {1, 2, 2}),
            new ModalitySpec("v", ModalitySpec.Kind.FRAMES, new long[] {1, 1, 1, 3}));

    /** Clips whose inputs are computed on read (like streamed clips), counting reads and sleeping {@code sleepMs} per read. */
    private static List<Clip> clips(int n, AtomicInteger reads, long sleepMs) {
        List<Clip> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            List<float[]> inputs = new AbstractList<>() {
                @Override
                public float[] get(int m) {
                    reads.incrementAndGet();
                    if (sleepMs > 0) {
                        try {
                            Thread.sleep(sleepMs);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return m == 0 ? new float[] {id, id + 0.25f, id + 0.5f, id + 0.75f} : new float[] {-id, 2 * id, 3 * id};
                }

                @Override
                public int size() {
                    return 2;
                }
            };
            out.add(new Clip("c" + i, i % 3, inputs, Map.of()));
        }
        return out;
    }

    @Test
    void batchesArriveInOrderAndEqualWhateverTheWorkers() throws Exception {
        List<Clip> c = clips(23, new AtomicInteger(), 0);
        List<BatchLoader.HostBatch> one = new ArrayList<>(), three = new ArrayList<>();
        try (BatchLoader l = new BatchLoader(SPECS, 5, 1, 1)) {
            l.pass(c, one::add);
        }
        try (BatchLoader l = new BatchLoader(SPECS, 5, 3, 4)) {
            l.pass(c, three::add);
        }
        assertEquals(5, one.size()); // 5 + 5 + 5 + 5 + 3
        assertEquals(3, one.get(4).size());
        for (int b = 0; b < 5; b++) {
            assertEquals(one.get(b).ids(), three.get(b).ids());
            for (int m = 0; m < 2; m++) assertArrayEquals(one.get(b).inputs().get(m), three.get(b).inputs().get(m));
            assertArrayEquals(one.get(b).labels(), three.get(b).labels());
        }
        // batch 1 holds clips 5..9, laid end to end: clip 6's audio starts at 4 values in
        assertEquals(List.of("c5", "c6", "c7", "c8", "c9"), one.get(1).ids());
        assertEquals(6.0f, one.get(1).inputs().get(0)[4]);
        assertEquals(-6.0f, one.get(1).inputs().get(1)[3]);
    }

    @Test
    void readsStayBoundedAheadOfTheConsumerAndAStopCancelsTheRest() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        List<Clip> c = clips(100, reads, 0);
        List<Integer> readsSeen = new ArrayList<>();
        try (BatchLoader l = new BatchLoader(SPECS, 2, 2, 3)) {
            InterruptedException stop = assertThrows(InterruptedException.class, () -> l.pass(c, b -> {
                Thread.sleep(50); // training the batch: the workers run ahead meanwhile, but at most 3 batches
                readsSeen.add(reads.get());
                if (readsSeen.size() == 3) throw new InterruptedException("cancelled by the test");
            }));
            assertEquals("cancelled by the test", stop.getMessage());
            assertEquals(3, l.lastPass().batches() + 1); // two consumed, the third threw
        }
        // while batch k trains, batches up to k + 3 may be read: 2 clips x 2 modalities per batch
        for (int k = 0; k < readsSeen.size(); k++) assertTrue(readsSeen.get(k) <= (k + 1 + 3) * 4, readsSeen.toString());
        Thread.sleep(100);
        assertTrue(reads.get() <= (3 + 3) * 4, "reads after the stop: " + reads.get()); // nothing new was started after the stop
    }

    @Test
    void aSlowReaderShowsAsWaitTime() throws Exception {
        try (BatchLoader l = new BatchLoader(SPECS, 2, 1, 2)) {
            l.pass(clips(8, new AtomicInteger(), 10), b -> {}); // the consumer does nothing: it mostly waits
            BatchLoader.PassStats s = l.lastPass();
            assertEquals(4, s.batches());
            assertTrue(s.waitFraction() > 0.5 && s.waitFraction() <= 1, "wait fraction " + s.waitFraction());
        }
    }

    @Test
    void aFailingClipFailsThePassWithItsMessage() {
        List<Clip> c = new ArrayList<>(clips(4, new AtomicInteger(), 0));
        c.set(2, new Clip("short", 0, List.of(new float[3], new float[3]), Map.of()));
        try (BatchLoader l = new BatchLoader(SPECS, 2, 2, 2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> l.pass(c, b -> {}));
            assertTrue(e.getMessage().contains("clip short: a has 3 values, expected 4"), e.getMessage());
        }
    }
}
