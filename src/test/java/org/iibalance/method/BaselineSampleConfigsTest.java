package org.iibalance.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.MatrixSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The baselines' sample configs and the matrix specs load and validate. */
class BaselineSampleConfigsTest {
    @ParameterizedTest
    @ValueSource(strings = {"ogm-ge", "pmr", "mmpareto", "g-blending", "agm", "mslr", "greedy", "ggdm"})
    void sampleConfigNamesItsMethodAndValidates(String method) throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of("sample-configs", method + ".yaml"), List.of());
        assertEquals(method, c.method().name());
        assertEquals("synthetic-av", c.dataset().kind());
        ExperimentRunner.validate(c);
    }

    @Test
    void matrixSpecsCoverEveryMethodWithThreeSeeds() throws Exception {
        for (String f : List.of("matrix-synthetic.yaml", "matrix-avmnist.yaml", "matrix-avmnist-reduced.yaml")) {
            MatrixSpec m = MatrixSpec.load(Path.of("sample-configs", f));
            assertEquals(3, m.seeds().size(), f);
            for (String name : List.of("joint", "mslr", "g-blending", "ogm-ge", "greedy", "pmr", "agm", "mmpareto", "ggdm", "iibalance",
                    "iibalance-uniform-prior", "iibalance-no-stage1", "iibalance-no-stage2")) {
                assertTrue(m.methods().contains(name), f + " lacks " + name);
            }
        }
        MatrixSpec syn = MatrixSpec.load(Path.of("sample-configs", "matrix-synthetic.yaml"));
        List<MatrixSpec.Part> parts = syn.parts(Path.of("target", "matrix-check"), 2);
        assertEquals(13 * 3, parts.get(0).spec().trials().size());
        // one pre-training setting for every method of every matrix
        for (String f : List.of("matrix-synthetic.yaml", "matrix-avmnist.yaml", "matrix-avmnist-reduced.yaml")) {
            for (MatrixSpec.Part part : MatrixSpec.load(Path.of("sample-configs", f)).parts(Path.of("target", "matrix-check"), 2)) {
                for (var t : part.spec().trials()) assertEquals("all", t.config().method().unimodalPretraining(), f + " " + t.name());
            }
        }
    }

    @Test
    void baselineHyperParametersAreRangeChecked() throws Exception {
        ExperimentConfig bad = ConfigIO.withOverrides(ExperimentConfig.defaults(), List.of("method.name=mmpareto", "method.mmparetoGamma=0.5",
                "method.pmrMomentum=1", "method.superEpoch=0"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.iibalance.config.ConfigException.class, () -> ExperimentRunner.validate(bad));
        String msg = e.problems().toString();
        assertTrue(msg.contains("method.mmparetoGamma") && msg.contains("method.pmrMomentum") && msg.contains("method.superEpoch"), msg);
    }
}
