package org.iibalance.experiment.cluster;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iibalance.config.ConfigException;

/**
 * How an array task starts the workbench on a compute node: {@code java [options] -jar <jar>} (the
 * normal case: the thin application jar with its {@code lib/} beside it, on a shared filesystem) or
 * {@code java [options] -cp <class path> org.iibalance.cli.Main} (tests, which run from
 * {@code target/classes}). The command line words follow, e.g. {@code train --resume DIR}.
 *
 * @param java      the java command on the compute nodes
 * @param options   JVM options (the JavaCPP cache location among them)
 * @param jar       the application jar, or null
 * @param classPath the class path when there is no jar
 */
public record TaskLauncher(String java, List<String> options, Path jar, String classPath) {
    /** The workbench's entry point (named, not imported: {@code experiment} does not depend on {@code cli}). */
    public static final String MAIN_CLASS = "org.iibalance.cli.Main";

    public TaskLauncher {
        options = List.copyOf(options);
        if ((jar == null) == (classPath == null)) throw new IllegalArgumentException("a launcher has a jar or a class path");
    }

    /**
     * The launcher the settings describe: their {@code jar}, else the jar this JVM runs from, else
     * this JVM's class path. Refuses a jar that does not exist.
     */
    public static TaskLauncher of(SlurmSettings s) throws ConfigException {
        List<String> opts = jvmOptions(s);
        if (s.jar() != null) {
            Path jar = Path.of(s.jar()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar)) throw new ConfigException("jar", jar + " does not exist (build it with mvn -DskipTests package; it must be on a filesystem the compute nodes see)");
            return new TaskLauncher(s.java(), opts, jar, null);
        }
        Path running = runningJar();
        if (running != null) return new TaskLauncher(s.java(), opts, running, null);
        return new TaskLauncher(s.java(), opts, null, System.getProperty("java.class.path"));
    }

    /** The same launcher with another class path (tests: the build's classes and dependencies). */
    public static TaskLauncher ofClassPath(SlurmSettings s, String classPath) {
        return new TaskLauncher(s.java(), jvmOptions(s), null, classPath);
    }

    private static List<String> jvmOptions(SlurmSettings s) {
        List<String> o = new ArrayList<>();
        if (s.javacppCacheDir() != null) o.add("-Dorg.bytedeco.javacpp.cachedir=" + Path.of(s.javacppCacheDir()).toAbsolutePath());
        o.addAll(s.javaOptions());
        return o;
    }

    private static Path runningJar() {
        try {
            var src = TaskLauncher.class.getProtectionDomain().getCodeSource();
            if (src == null) return null;
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p.toAbsolutePath().normalize() : null;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The words that start the workbench, before the command (e.g. {@code train}). */
    public List<String> command() {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(options);
        if (jar != null) {
            c.add("-jar");
            c.add(jar.toString());
        } else {
            c.add("-cp");
            c.add(classPath);
            c.add(MAIN_CLASS);
        }
        return c;
    }
}
