package org.iibalance.config;

import java.util.List;

/** A configuration that cannot be used; each problem names its key (or file) and what is allowed. */
public final class ConfigException extends Exception {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String key, String message) {
        this(List.of(new ConfigProblem(key, message)));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> ps) {
        StringBuilder b = new StringBuilder();
        for (ConfigProblem p : ps) {
            if (b.length() > 0) b.append('\n');
            b.append(p);
        }
        return b.toString();
    }
}
