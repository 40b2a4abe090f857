package org.iibalance.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * provenance.dataSource (the loaders' own 32-bit hash of their recipe and file names or sizes) is no
 * longer written: the content fingerprint covers what it claimed. Run folders written before still read
 * ({@code provenance-before-s3/results.json}: a quickstart run by main at 273d8a8) and rewrite unchanged.
 */
class ProvenanceTest {
    @Test
    void aNewRunRecordsTheContentFingerprintAndNoSourceHash() {
        Provenance p = Provenance.now("0.1.0", "2.10.0", "1.5.13", false, "sha256:" + "ab".repeat(32));
        assertNull(p.dataSource());
        assertFalse(p.fields().containsKey("dataSource"), p.fields().toString());
        assertFalse(p.headerLines().contains("dataSource"), p.headerLines());
        assertFalse(ResultsJson.toJson(Results.builder().run("joint", "synthetic-av", 1, "t").provenance(p).build()).contains("dataSource"));
    }

    @Test
    void aRunWrittenWithTheSourceHashStillReadsAndRewritesByteForByte(@TempDir Path tmp) throws Exception {
        Path old = Path.of(ProvenanceTest.class.getResource("provenance-before-s3/results.json").toURI());
        Results r = ResultsJson.read(old);
        assertEquals("87a7869d", r.provenance().dataSource());
        assertEquals("sha256:75b52a8f18919804498a78084944241e79ae820316c64195231495a3cf083d8c", r.provenance().dataFingerprint());
        assertEquals(r.provenance().dataFingerprint(), r.dataFingerprint());
        Path again = tmp.resolve("results.json");
        ResultsJson.write(again, r);
        assertArrayEquals(Files.readAllBytes(old), Files.readAllBytes(again));
    }
}
