package org.iibalance.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.DatasetCheck;
import org.iibalance.data.DatasetException;
import org.iibalance.data.DatasetLoader;
import org.iibalance.data.Datasets;
import org.iibalance.data.MultimodalDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datasets} lists the dataset kinds; {@code datasets check --config FILE} loads one and summarises it. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "List dataset kinds, or check what a configuration would load.")
final class DatasetsCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "check", description = "'check' to load the configured dataset and summarise it")
    String action;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one key (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        if (action == null) {
            System.out.println("dataset kinds (dataset.kind):");
            for (DatasetLoader l : Datasets.all()) {
                System.out.printf(Locale.ROOT, "  %-16s %s%s%n", l.kind(), l.description(), l.needsRoot() ? " [needs dataset.root]" : "");
            }
            System.out.println("check one with: datasets check --config FILE");
            return 0;
        }
        if (!"check".equals(action)) {
            System.err.println("unknown action '" + action + "' (allowed: check)");
            return 2;
        }
        ExperimentConfig cfg;
        try {
            cfg = ConfigIO.load(config, overrides);
        } catch (ConfigException e) {
            return CtrlC.refused("configuration", e);
        }
        try {
            MultimodalDataset d = DatasetCheck.describe(cfg, System.out::println);
            return d.train().isEmpty() ? 3 : 0;
        } catch (DatasetException e) {
            System.err.println("dataset: " + e.getMessage());
            return 3;
        }
    }
}
