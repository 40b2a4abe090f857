package org.iibalance.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iibalance.config.ConfigProblem;
import org.iibalance.config.ConfigValidator;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.DatasetLoader;
import org.iibalance.data.Datasets;
import org.iibalance.method.Methods;
import org.iibalance.nn.Devices;

/**
 * All the checks a configuration must pass before training starts: value ranges, a known method and
 * dataset kind, an existing data folder, a valid device. The CLI refuses with these messages; the
 * GUI shows them as the user types.
 */
public final class ExperimentValidator {
    private ExperimentValidator() {}

    public static List<ConfigProblem> check(ExperimentConfig c) {
        List<ConfigProblem> p = new ArrayList<>(ConfigValidator.check(c));
        String method = c.method().name();
        if (!Methods.exists(method)) {
            p.add(new ConfigProblem("method.name", "'" + method + "' is not a method (allowed: " + String.join(", ", Methods.names(List.of("audio", "visual"))) + ")"));
        } else if (method.startsWith("unimodal-") && !List.of("audio", "visual").contains(method.substring(9))) {
            p.add(new ConfigProblem("method.name", "'" + method + "': no modality '" + method.substring(9) + "' (allowed: unimodal-audio, unimodal-visual)"));
        }
        DatasetLoader loader = Datasets.find(c.dataset().kind());
        if (loader == null) {
            p.add(new ConfigProblem("dataset.kind", "'" + c.dataset().kind() + "' is not a dataset kind (allowed: " + String.join(", ", Datasets.kinds()) + ")"));
        } else if (loader.needsRoot() && c.dataset().root() != null && !c.dataset().root().isBlank()) {
            Path root = Path.of(c.dataset().root());
            if (!Files.isDirectory(root)) {
                p.add(new ConfigProblem("dataset.root", "folder '" + root.toAbsolutePath().normalize() + "' does not exist (the " + c.dataset().kind() + " data is expected there)"));
            }
        }
        String dev = Devices.check(c.device());
        if (dev != null) p.add(new ConfigProblem("device", dev));
        else if (c.device().trim().toLowerCase().startsWith("cuda") && !Devices.cudaAvailable()) {
            p.add(new ConfigProblem("device", "'" + c.device() + "' was asked for, but this build of the engine sees no CUDA device (build with "
                    + "mvn -Pgpu on a machine with CUDA 13 drivers, or use device: cpu or auto)"));
        }
        return p;
    }
}
