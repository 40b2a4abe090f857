package org.iibalance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code --version}: the workbench version and git commit (from {@code build-info.properties}, filtered
 * at build time; the commit when built from a git checkout), Java, libtorch and JavaCPP, OS and CPU.
 * Reading the engine versions does not load libtorch.
 */
final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return lines().toArray(new String[0]);
    }

    static List<String> lines() {
        Properties p = buildInfo();
        List<String> l = new ArrayList<>();
        String commit = p.getProperty("git.commit.id.abbrev", "");
        l.add("IIBalance Workbench " + org.iibalance.experiment.Version.get() + (commit.isEmpty() || commit.startsWith("${") ? ", commit unknown (not built from a git checkout)"
                : ", commit " + commit));
        l.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")");
        l.add("libtorch " + p.getProperty("pytorch.version", "?") + ", JavaCPP " + p.getProperty("javacpp.version", "?") + ", JavaCV/FFmpeg "
                + p.getProperty("ffmpeg.version", "?") + ", native platform " + p.getProperty("javacpp.platform", "?"));
        l.add("OS " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        l.add("CPU " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores available");
        return l;
    }

    static Properties buildInfo() {
        Properties p = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("/org/iibalance/build-info.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // versions print as unknown
        }
        return p;
    }

    private static String cpu() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        String id = System.getenv("PROCESSOR_IDENTIFIER");
        return id != null ? id : System.getProperty("os.arch");
    }
}
