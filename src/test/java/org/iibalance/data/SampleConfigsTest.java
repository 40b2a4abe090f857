package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ConfigValidator;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

/** The media sample configurations load, validate and name registered dataset kinds. */
class SampleConfigsTest {
    @Test
    void mediaSampleConfigsAreValid() throws Exception {
        for (String n : List.of("clips", "cremad", "ave", "kinetics-sounds")) {
            ExperimentConfig c = ConfigIO.load(Path.of("sample-configs", n + ".yaml"), List.of());
            assertEquals(List.of(), ConfigValidator.check(c), n);
            assertNotNull(Datasets.find(c.dataset().kind()), n);
        }
    }
}
