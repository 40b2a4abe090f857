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

/** {@code datasets} lists the dataset kinds; {@code datasets check --config FILE} loads one and summarises it. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "List the dataset kinds (dataset.kind); 'datasets check' loads one.",
        subcommands = DatasetsCommand.Check.class)
final class DatasetsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("dataset kinds (dataset.kind):");
        for (DatasetLoader l : Datasets.all()) {
            System.out.printf(Locale.ROOT, "  %-16s %s%s%n", l.kind(), l.description(), l.needsRoot() ? " [needs dataset.root]" : "");
        }
        System.out.println("check one with: datasets check --config FILE");
        return ExitCodes.OK;
    }

    /** {@code datasets check --config FILE [--set key=value]...}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Load the configured dataset and print clips per split and class, skipped files with reasons, and the cache state.")
    static final class Check implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration")
        Path config;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one key (repeatable)")
        List<String> overrides = new ArrayList<>();

        @Override
        public Integer call() {
            ExperimentConfig cfg;
            try {
                cfg = ConfigIO.load(config, overrides);
            } catch (ConfigException e) {
                return CtrlC.refused("configuration", e);
            }
            try {
                MultimodalDataset d = DatasetCheck.describe(cfg, System.out::println);
                return d.train().isEmpty() ? ExitCodes.BAD_DATA : ExitCodes.OK;
            } catch (DatasetException e) {
                System.err.println("dataset: " + e.getMessage());
                return ExitCodes.BAD_DATA;
            }
        }
    }
}
