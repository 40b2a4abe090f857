package org.iibalance.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where a run came from: the {@code provenance} block of {@code results.json} (and the header lines of
 * {@code config.yaml}). Every field is text; a field that could not be found is null.
 *
 * @param workbench       workbench version (the jar's, "dev" when run from classes)
 * @param gitCommit       commit the workbench was built from (with "-dirty" when the checkout had
 *                        changes); null when not built from a git checkout
 * @param java            Java version and vendor
 * @param libtorch        libtorch version
 * @param javacpp         JavaCPP version
 * @param os              operating system name, version and architecture
 * @param cpu             CPU model and the number of cores the JVM sees
 * @param host            host name
 * @param commandLine     the command line of the process that ran (or resumed) the run
 * @param started         when this session of the run started (ISO-8601, UTC)
 * @param ended           when it ended (null while running)
 * @param resumed         whether this session resumed a stopped run
 * @param dataFingerprint content fingerprint of the data ({@link DataFingerprint})
 * @param dataSource      only in runs written before session 3: the loader's own 32-bit hash of its recipe
 *                        and file names (AV-MNIST: of file sizes), which did not look at the contents and is
 *                        no longer written (the content fingerprint covers it); read back for old runs,
 *                        null for new ones, and then left out of the file
 */
public record Provenance(String workbench, String gitCommit, String java, String libtorch, String javacpp, String os, String cpu, String host,
        String commandLine, String started, String ended, boolean resumed, String dataFingerprint, String dataSource) {

    /** The same provenance, ended now. */
    public Provenance endedNow() {
        return new Provenance(workbench, gitCommit, java, libtorch, javacpp, os, cpu, host, commandLine, started, Instant.now().toString(), resumed,
                dataFingerprint, dataSource);
    }

    /** The fields in file order, for JSON and for the config header. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workbench", workbench);
        m.put("gitCommit", gitCommit);
        m.put("java", java);
        m.put("libtorch", libtorch);
        m.put("javacpp", javacpp);
        m.put("os", os);
        m.put("cpu", cpu);
        m.put("host", host);
        m.put("commandLine", commandLine);
        m.put("started", started);
        m.put("ended", ended);
        m.put("resumed", resumed);
        m.put("dataFingerprint", dataFingerprint);
        if (dataSource != null) m.put("dataSource", dataSource); // old runs only: see the record's doc
        return m;
    }

    /** The header lines of {@code config.yaml} ("key: value"). */
    public String headerLines() {
        StringBuilder b = new StringBuilder();
        fields().forEach((k, v) -> {
            if (v != null && !"ended".equals(k) && !"resumed".equals(k)) b.append(k).append(": ").append(String.valueOf(v).replace('\n', ' ')).append('\n');
        });
        return b.toString().stripTrailing();
    }

    /** Reads the block back (missing keys are null). */
    static Provenance of(Map<String, String> m) {
        return new Provenance(m.get("workbench"), m.get("gitCommit"), m.get("java"), m.get("libtorch"), m.get("javacpp"), m.get("os"), m.get("cpu"),
                m.get("host"), m.get("commandLine"), m.get("started"), m.get("ended"), Boolean.parseBoolean(m.get("resumed")), m.get("dataFingerprint"),
                m.get("dataSource"));
    }

    /**
     * The provenance of a run starting now in this process; the engine versions come from the caller
     * (the run package knows no libtorch).
     */
    public static Provenance now(String workbench, String libtorch, String javacpp, boolean resumed, String dataFingerprint) {
        return new Provenance(workbench, buildCommit(), System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")", libtorch,
                javacpp, System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"), cpuDescription(), hostName(),
                processCommandLine(), Instant.now().toString(), null, resumed, dataFingerprint, null);
    }

    /**
     * The commit of the build: {@code org/iibalance/git.properties}, written by the build ({@code git
     * rev-parse HEAD} in the project folder, see pom.xml), with "-dirty" when tracked files had changes;
     * null when the build was not made from a git checkout.
     */
    public static String buildCommit() {
        try (InputStream in = Provenance.class.getResourceAsStream("/org/iibalance/git.properties")) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            String id = p.getProperty("git.commit.id.full", p.getProperty("git.commit.id"));
            if (id == null || !id.strip().matches("[0-9a-f]{40}")) return null; // no git, or not a checkout
            id = id.strip();
            return id + ("true".equals(p.getProperty("git.dirty")) ? "-dirty" : "");
        } catch (IOException e) {
            return null;
        }
    }

    /** The CPU model (Linux: /proc/cpuinfo) and the cores the JVM sees. */
    static String cpuDescription() {
        String model = null;
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try {
                for (String l : Files.readAllLines(info)) {
                    if (l.startsWith("model name") || l.startsWith("Model") || l.startsWith("Hardware")) {
                        model = l.substring(l.indexOf(':') + 1).strip();
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // leave the model unknown
            }
        }
        if (model == null) model = System.getProperty("os.arch");
        return String.format(Locale.ROOT, "%s, %d cores", model, Runtime.getRuntime().availableProcessors());
    }

    /** The host name (the HOSTNAME variable, else the resolver's, else "unknown"). */
    public static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) return h;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The system property the command line sets to its own arguments ("iibalance train --config ..."). */
    public static final String COMMAND_LINE_PROPERTY = "iibalance.commandLine";

    /**
     * The command line: as the CLI recorded it ({@link #COMMAND_LINE_PROPERTY}), else this process's
     * from the OS with a class path shortened to {@code <classpath>} (a GUI or test run).
     */
    static String processCommandLine() {
        String cli = System.getProperty(COMMAND_LINE_PROPERTY);
        if (cli != null && !cli.isBlank()) return cli;
        ProcessHandle.Info i = ProcessHandle.current().info();
        StringBuilder b = new StringBuilder(i.command().orElse("java"));
        String[] args = i.arguments().orElse(new String[0]);
        for (int k = 0; k < args.length; k++) {
            b.append(' ').append(args[k]);
            if ((args[k].equals("-cp") || args[k].equals("-classpath") || args[k].equals("--class-path")) && k + 1 < args.length) {
                b.append(" <classpath>");
                k++;
            }
        }
        return b.toString();
    }
}
