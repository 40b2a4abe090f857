package org.iibalance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The content fingerprint: SHA-256 of ids, labels and decoded inputs; sampled inputs past the limit, ids and labels always. */
class DataFingerprintTest {
    record C(String id, int label, List<float[]> inputs) {}

    static List<C> clips(int n, int floats) {
        List<C> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] a = new float[floats], v = new float[floats];
            for (int k = 0; k < floats; k++) {
                a[k] = i + k * 0.5f;
                v[k] = -i - k;
            }
            l.add(new C("clip-" + i, i % 3, List.of(a, v)));
        }
        return l;
    }

    static String digest(List<C> train, long limit) {
        return new DataFingerprint(limit).split("train", train, C::id, C::label, C::inputs).split("val", clips(2, 4), C::id, C::label, C::inputs).digest();
    }

    @Test
    void theSameNumbersGiveTheSameFingerprintAndAnyChangedInputChangesIt() {
        List<C> a = clips(10, 8);
        String d = digest(a, DataFingerprint.FULL_LIMIT);
        assertTrue(d.matches("sha256:[0-9a-f]{64}"), d);
        assertEquals(d, digest(clips(10, 8), DataFingerprint.FULL_LIMIT));
        List<C> b = clips(10, 8);
        b.get(7).inputs().get(1)[3] += 1e-6f; // one float of one clip of one modality
        assertNotEquals(d, digest(b, DataFingerprint.FULL_LIMIT));
        List<C> c = clips(10, 8);
        c.set(4, new C(c.get(4).id(), c.get(4).label() + 1, c.get(4).inputs())); // one label
        assertNotEquals(d, digest(c, DataFingerprint.FULL_LIMIT));
    }

    @Test
    void pastTheLimitEveryKthClipsInputsAreHashedAndTheDigestSaysSo() {
        // 10 clips x 16 floats = 160 floats; a limit of 40 gives a stride of 4: clips 0, 4, 8
        String d = digest(clips(10, 8), 40);
        assertTrue(d.endsWith("/sampled 1-in-4"), d);
        List<C> unsampled = clips(10, 8);
        unsampled.get(5).inputs().get(0)[0] = 99;
        assertEquals(d, digest(unsampled, 40), "clip 5's inputs are not in the sample");
        List<C> sampled = clips(10, 8);
        sampled.get(4).inputs().get(0)[0] = 99;
        assertNotEquals(d, digest(sampled, 40));
        List<C> renamed = clips(10, 8);
        renamed.set(5, new C("other", renamed.get(5).label(), renamed.get(5).inputs()));
        assertNotEquals(d, digest(renamed, 40), "ids are always hashed");
    }
}
