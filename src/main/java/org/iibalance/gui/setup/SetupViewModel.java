package org.iibalance.gui.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ConfigProblem;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.Clip;
import org.iibalance.data.DatasetLoader;
import org.iibalance.data.Datasets;
import org.iibalance.data.ModalitySpec;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.experiment.ExperimentValidator;
import org.iibalance.gui.util.BackgroundJob;
import org.iibalance.gui.util.ClipImages;
import org.iibalance.gui.util.TaskExecutor;
import org.iibalance.method.Methods;

/**
 * State of the set-up pane: the configuration being edited, as the same {@link ExperimentConfig}
 * record the CLI builds. The sheet holds one {@link ConfigEntry} per key of
 * {@link ConfigIO#flatten}; every edit is applied to the loaded configuration with
 * {@link ConfigIO#withOverrides} and checked with {@link ExperimentValidator#check}, so the problems
 * shown are the CLI's messages, word for word.
 */
public final class SetupViewModel {
    /** The command that runs the workbench's jar (for "copy CLI command"), with the jar's absolute path. */
    public static final String JAR_COMMAND = "java -jar " + quote(jarPath().toString());

    /**
     * The application jar this workbench runs from, absolute (so a copied command works from any
     * directory); when run from classes (tests, {@code mvn javafx:run}), the build's
     * {@code target/app/iibalance.jar} under the working directory.
     */
    static Path jarPath() {
        try {
            Path p = Path.of(SetupViewModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (p.toString().endsWith(".jar")) return p.toAbsolutePath().normalize();
        } catch (Exception | Error unknown) {
            // no code source (a custom class loader): fall back to the build's layout
        }
        return Path.of("target", "app", "iibalance.jar").toAbsolutePath().normalize();
    }

    private final TaskExecutor executor;
    private final ObservableList<ConfigEntry> entries = FXCollections.observableArrayList();
    private final Map<String, ConfigEntry> byKey = new LinkedHashMap<>();
    private final ObservableList<ConfigProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ExperimentConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ObjectProperty<Path> loadedFile = new SimpleObjectProperty<>(this, "loadedFile");
    private final ReadOnlyStringWrapper loadedName = new ReadOnlyStringWrapper(this, "loadedName", "defaults");
    private final ReadOnlyStringWrapper problemsText = new ReadOnlyStringWrapper(this, "problemsText", "");
    private final ObservableList<String> datasetKinds = FXCollections.observableArrayList(Datasets.kinds());
    private final ObservableList<String> methodNames = FXCollections.observableArrayList(Methods.names(List.of("audio", "visual")));
    private final ReadOnlyStringWrapper datasetDescription = new ReadOnlyStringWrapper(this, "datasetDescription", "");
    private final BooleanProperty needsRoot = new SimpleBooleanProperty(this, "needsRoot");
    private final ReadOnlyStringWrapper methodDescription = new ReadOnlyStringWrapper(this, "methodDescription", "");
    private final ReadOnlyObjectWrapper<DatasetSummary> datasetSummary = new ReadOnlyObjectWrapper<>(this, "datasetSummary");
    private final ReadOnlyStringWrapper datasetStatus = new ReadOnlyStringWrapper(this, "datasetStatus", "");
    private final BooleanProperty datasetLoading = new SimpleBooleanProperty(this, "datasetLoading");
    private ExperimentConfig loaded;
    private boolean suspended;

    /** A set-up starting from {@link ExperimentConfig#defaults()}. */
    public SetupViewModel(TaskExecutor executor) {
        this.executor = executor;
        loaded = ExperimentConfig.defaults();
        for (Map.Entry<String, String> e : ConfigIO.flatten(loaded).entrySet()) {
            ConfigEntry c = new ConfigEntry(e.getKey(), e.getValue());
            c.valueProperty().addListener((o, a, b) -> revalidate());
            byKey.put(e.getKey(), c);
            entries.add(c);
        }
        revalidate();
    }

    /** Every key of the configuration, in file order. */
    public ObservableList<ConfigEntry> entries() {
        return entries;
    }

    /** The entry of a key (null if the configuration has no such key). */
    public ConfigEntry entry(String key) {
        return byKey.get(key);
    }

    /** Sets one key's value as typed (validated at once). */
    public void set(String key, String value) {
        ConfigEntry e = byKey.get(key);
        if (e == null) throw new IllegalArgumentException("no configuration key " + key);
        e.valueProperty().set(value);
    }

    /** The current configuration problems (empty when the configuration is valid). */
    public ObservableList<ConfigProblem> problems() {
        return problems;
    }

    /** The problems as the CLI prints them, one per line. */
    public ReadOnlyStringProperty problemsTextProperty() {
        return problemsText.getReadOnlyProperty();
    }

    /** True when the configuration would be accepted by {@code train}. */
    public BooleanBinding validProperty() {
        return Bindings.isEmpty(problems);
    }

    /** The last configuration that could be built from the sheet (null if none yet). */
    public ReadOnlyObjectProperty<ExperimentConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    /** The configuration (valid or not; may be the last one that parsed). */
    public ExperimentConfig config() {
        return config.get();
    }

    /** The YAML file the sheet started from, or null for the defaults. */
    public ObjectProperty<Path> loadedFileProperty() {
        return loadedFile;
    }

    /** Every dataset kind of {@link Datasets#all()}. */
    public ObservableList<String> datasetKinds() {
        return datasetKinds;
    }

    /** Every method of {@link Methods#names} for the current dataset's modalities. */
    public ObservableList<String> methodNames() {
        return methodNames;
    }

    /** The description of the chosen dataset kind. */
    public ReadOnlyStringProperty datasetDescriptionProperty() {
        return datasetDescription.getReadOnlyProperty();
    }

    /** Whether the chosen dataset kind needs {@code dataset.root}. */
    public BooleanProperty needsRootProperty() {
        return needsRoot;
    }

    /** The description of the chosen method. */
    public ReadOnlyStringProperty methodDescriptionProperty() {
        return methodDescription.getReadOnlyProperty();
    }

    /** The summary of the last loaded dataset, or null. */
    public ReadOnlyObjectProperty<DatasetSummary> datasetSummaryProperty() {
        return datasetSummary.getReadOnlyProperty();
    }

    /** Progress or error line of the dataset preview. */
    public ReadOnlyStringProperty datasetStatusProperty() {
        return datasetStatus.getReadOnlyProperty();
    }

    /** Whether a dataset is loading. */
    public BooleanProperty datasetLoadingProperty() {
        return datasetLoading;
    }

    /** The {@code key=value} overrides of the loaded configuration that the sheet holds. */
    public List<String> overrides() {
        List<String> out = new ArrayList<>();
        for (ConfigEntry e : entries) if (e.isModified()) out.add(e.key() + "=" + (e.valueProperty().get() == null ? "" : e.valueProperty().get()));
        return out;
    }

    private void revalidate() {
        if (suspended) return;
        List<ConfigProblem> found;
        try {
            ExperimentConfig c = ConfigIO.withOverrides(loaded, overrides());
            config.set(c);
            found = ExperimentValidator.check(c);
        } catch (ConfigException ex) {
            found = ex.problems();
        }
        problems.setAll(found);
        for (ConfigEntry e : entries) {
            StringBuilder b = new StringBuilder();
            for (ConfigProblem p : found) if (p.key().equals(e.key())) b.append(b.length() > 0 ? "; " : "").append(p.message());
            e.setProblem(b.toString());
        }
        StringBuilder all = new StringBuilder();
        for (ConfigProblem p : found) all.append(all.length() > 0 ? "\n" : "").append(p);
        problemsText.set(all.toString());
        String kind = byKey.get("dataset.kind").valueProperty().get();
        DatasetLoader l = Datasets.find(kind);
        datasetDescription.set(l == null ? "" : l.description());
        needsRoot.set(l != null && l.needsRoot());
        methodDescription.set(Methods.description(byKey.get("method.name").valueProperty().get()));
    }

    /** Replaces the sheet with a configuration (the new "loaded" state; no key counts as modified). */
    public void setLoaded(ExperimentConfig cfg, Path file) {
        suspended = true;
        try {
            loaded = cfg;
            for (Map.Entry<String, String> e : ConfigIO.flatten(cfg).entrySet()) {
                ConfigEntry c = byKey.get(e.getKey());
                if (c == null) continue;
                c.setLoaded(e.getValue());
                c.valueProperty().set(e.getValue());
            }
            loadedFile.set(file);
            loadedName.set(file == null ? "defaults" : file.getFileName().toString());
            // a preview belongs to the data it was loaded from: a new configuration drops it
            datasetSummary.set(null);
            datasetStatus.set("");
        } finally {
            suspended = false;
        }
        revalidate();
    }

    /** What the sheet was loaded from: a file name, "defaults", or "<name> preset". */
    public ReadOnlyStringProperty loadedNameProperty() {
        return loadedName.getReadOnlyProperty();
    }

    /** Loads a YAML file (as {@code train --config} does). */
    public void load(Path file) throws ConfigException {
        setLoaded(ConfigIO.load(file, List.of()), file);
    }

    /** Loads the configuration of a run folder, to run it again. */
    public void loadFromRun(Path runDir) throws ConfigException {
        load(org.iibalance.run.RunFiles.config(runDir));
    }

    /** The "Demo (1 min)" preset: {@code sample-configs/demo.yaml}, packaged with the application. */
    public static final String DEMO_PRESET = "demo.yaml";

    /** The text of a packaged preset ({@code sample-configs/<name>}, copied into the jar by the build). */
    public static String presetText(String name) throws IOException {
        try (var in = SetupViewModel.class.getResourceAsStream("/org/iibalance/presets/" + name)) {
            if (in == null) throw new IOException("the preset " + name + " is not packaged with this build");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Loads a packaged preset (keeping the current {@code output.runsDir}). The loaded file is the
     * sample config beside the jar when there is one, so "copy CLI command" names it; otherwise the
     * command spells out every key that differs from the defaults.
     */
    public void loadPreset(String name) throws IOException, ConfigException {
        String runsDir = byKey.get("output.runsDir").valueProperty().get();
        ExperimentConfig c = ConfigIO.parse(presetText(name));
        // the project's sample-configs/: the jar is <project>/target/app/iibalance.jar (jarPath asked once)
        Path project = jarPath();
        for (int up = 0; up < 3 && project != null; up++) project = project.getParent();
        Path sample = project == null ? null : project.resolve("sample-configs").resolve(name);
        setLoaded(c, sample != null && Files.isRegularFile(sample) ? sample : null);
        if (loadedFile.get() == null) loadedName.set(name + " preset");
        if (runsDir != null && !runsDir.equals(byKey.get("output.runsDir").valueProperty().get())) set("output.runsDir", runsDir);
    }

    /** Applies overrides to what the sheet holds (e.g. a tiny training for tests). */
    public void apply(List<String> overrides) {
        for (String o : overrides) {
            int eq = o.indexOf('=');
            set(o.substring(0, eq).trim(), o.substring(eq + 1).trim());
        }
    }

    /** Saves the configuration as YAML; the file becomes the loaded one. */
    public void save(Path file) throws IOException {
        ExperimentConfig c = config.get();
        ConfigIO.write(c, file, "IIBalance Workbench configuration (saved from the GUI; run with: train --config " + file.getFileName() + ")");
        setLoaded(c, file);
    }

    /** The command line that reproduces this configuration headless. */
    public String cliCommand() {
        StringBuilder b = new StringBuilder(JAR_COMMAND).append(" train");
        List<String> sets = overrides();
        if (loadedFile.get() != null) {
            b.append(" --config ").append(quote(loadedFile.get().toAbsolutePath().toString()));
        } else { // no file: every key that differs from the defaults
            Map<String, String> defaults = ConfigIO.flatten(ExperimentConfig.defaults());
            sets = new ArrayList<>();
            for (ConfigEntry e : entries) {
                String v = e.valueProperty().get() == null ? "" : e.valueProperty().get();
                if (!v.equals(defaults.get(e.key()))) sets.add(e.key() + "=" + v);
            }
        }
        for (String o : sets) b.append(" --set ").append(quote(o));
        return b.toString();
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9._=/:+@,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** Loads the configured dataset in the background and summarises it with a preview clip. */
    public void loadDataset() {
        ExperimentConfig c = config.get();
        if (c == null || datasetLoading.get()) return;
        datasetLoading.set(true);
        datasetStatus.set("loading " + c.dataset().kind() + "...");
        List<String> classStory = org.iibalance.data.SyntheticAvDataset.KIND.equals(c.dataset().kind())
                ? org.iibalance.data.SyntheticAvDataset.story(c.dataset().synthetic()) : List.of();
        datasetSummary.set(null); // never show the previous dataset's clip while (or after failing) loading this one
        executor.execute(BackgroundJob.of(progress -> summarise(Datasets.load(c, progress), classStory))
                .onProgress(datasetStatus::set)
                .onSuccess(s -> {
                    datasetLoading.set(false);
                    datasetSummary.set(s);
                    datasetStatus.set(s.countsLine());
                    List<String> mods = new ArrayList<>();
                    for (String m : s.modalities()) mods.add(m.split(" ")[0]);
                    String keep = byKey.get("method.name").valueProperty().get();
                    List<String> names = Methods.names(mods);
                    if (!names.equals(methodNames)) {
                        methodNames.setAll(names);
                        byKey.get("method.name").valueProperty().set(keep);
                    }
                })
                .onFailure(t -> {
                    datasetLoading.set(false);
                    datasetStatus.set("cannot load the dataset: " + BackgroundJob.describe(t));
                }));
    }

    /** A summary of a loaded dataset with its first training clip rendered. */
    public static DatasetSummary summarise(MultimodalDataset d) {
        return summarise(d, List.of());
    }

    /**
     * A summary of a loaded dataset: its first training clip rendered, its story (the classes that
     * share a sound or a look, from the clips' {@code sound} / {@code look} metadata, and the degraded
     * clips, from {@code audio} / {@code visual}), and one clean clip per class plus a dark and an
     * occluded one as examples.
     */
    public static DatasetSummary summarise(MultimodalDataset d, List<String> classStory) {
        Clip clip = d.train().isEmpty() ? null : d.train().get(0);
        ClipImages.Argb frames = null;
        ClipImages.Argb spec = null;
        List<String> mods = new ArrayList<>();
        for (int m = 0; m < d.modalities().size(); m++) {
            ModalitySpec s = d.modalities().get(m);
            mods.add(s.toString());
            if (clip == null) continue;
            if (s.kind() == ModalitySpec.Kind.FRAMES && frames == null) frames = ClipImages.frames(clip.input(m), s.shape());
            if (s.kind() == ModalitySpec.Kind.SPECTROGRAM && spec == null) spec = ClipImages.spectrogram(clip.input(m), s.shape());
        }
        List<String> story = new ArrayList<>(classStory);
        story.addAll(alike(d, "sound", "sound alike (only another modality tells them apart)"));
        story.addAll(alike(d, "look", "look alike"));
        long noisy = d.train().stream().filter(x -> "noisy".equals(x.meta().get("audio"))).count();
        long dark = d.train().stream().filter(x -> "dark".equals(x.meta().get("visual"))).count();
        long occluded = d.train().stream().filter(x -> "occluded".equals(x.meta().get("visual"))).count();
        if (noisy + dark + occluded > 0) {
            story.add(String.format("degraded training clips: %d of %d with audio drowned in noise, %d with dark frames, %d with occluded frames",
                    noisy, d.train().size(), dark, occluded));
        }
        List<DatasetSummary.Example> examples = new ArrayList<>();
        int fm = -1;
        for (int m = 0; m < d.modalities().size(); m++) if (d.modalities().get(m).kind() == ModalitySpec.Kind.FRAMES && fm < 0) fm = m;
        if (fm >= 0) {
            long[] shape = d.modalities().get(fm).shape();
            for (int c = 0; c < Math.min(12, d.classes()); c++) {
                final int cls = c;
                Clip ex = d.train().stream().filter(x -> x.label() == cls && !"dark".equals(x.meta().get("visual"))
                        && !"occluded".equals(x.meta().get("visual"))).findFirst().orElse(null);
                if (ex != null) examples.add(new DatasetSummary.Example(d.classNames().get(c), ClipImages.frames(ex.input(fm), shape)));
            }
            for (String state : List.of("dark", "occluded")) {
                Clip ex = d.train().stream().filter(x -> state.equals(x.meta().get("visual"))).findFirst().orElse(null);
                if (ex != null) {
                    examples.add(new DatasetSummary.Example(d.classNames().get(ex.label()) + ", " + state + " (unreliable)",
                            ClipImages.frames(ex.input(fm), shape)));
                }
            }
        }
        return new DatasetSummary(d.name(), d.train().size(), d.val().size(), d.test().size(), d.classNames(), mods,
                clip == null ? null : clip.id(), frames, spec, story, examples);
    }

    /** "classes ... {what}" for each group of classes sharing a metadata value (e.g. the same sound). */
    private static List<String> alike(MultimodalDataset d, String key, String what) {
        Map<String, java.util.TreeSet<Integer>> byValue = new LinkedHashMap<>();
        for (Clip c : d.train()) {
            String v = c.meta().get(key);
            if (v != null) byValue.computeIfAbsent(v, k -> new java.util.TreeSet<>()).add(c.label());
        }
        List<String> out = new ArrayList<>();
        for (java.util.TreeSet<Integer> group : byValue.values()) {
            if (group.size() < 2) continue;
            List<String> names = new ArrayList<>();
            for (int c : group) names.add(d.classNames().get(c));
            out.add(String.join(" and ", names) + " " + what);
        }
        return out;
    }

    /** Whether the folder holds a run's configuration. */
    public static boolean isRunFolder(Path dir) {
        return org.iibalance.run.RunFiles.hasConfig(dir);
    }
}
