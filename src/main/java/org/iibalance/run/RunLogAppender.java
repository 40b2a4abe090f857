package org.iibalance.run;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * The logback appender that copies every line logged through SLF4J on a run's threads into that run's
 * {@code run.log} (the run is named by the MDC value {@link RunLogRoute#MDC_KEY}; lines without one,
 * or of a route already closed, are not written anywhere by this appender). Configured in
 * {@code logback.xml} beside the console appender, so the console and {@code run.log} see the same
 * lines, also for GUI runs and for several runs in one JVM.
 *
 * <p>The layout is {@code pattern} ({@value #DEFAULT_PATTERN} unless logback.xml sets another);
 * {@link RunLog} puts the UTC time in front of each line.
 */
public final class RunLogAppender extends AppenderBase<ILoggingEvent> {
    static final String DEFAULT_PATTERN = "[%level] %logger{0} - %msg%n%ex{full}";
    private String pattern = DEFAULT_PATTERN;
    private PatternLayout layout;

    /** The line layout (logback's pattern syntax), from logback.xml. */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        layout = new PatternLayout();
        layout.setContext(getContext());
        layout.setPattern(pattern);
        layout.start();
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        if (layout != null) layout.stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        RunLogRoute route = RunLogRoute.of(event.getMDCPropertyMap().get(RunLogRoute.MDC_KEY));
        if (route == null) return;
        String text = layout.doLayout(event);
        // the layout ends with a line break (and a stack trace may follow): RunLog adds its own
        while (text.endsWith("\n") || text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        route.line(text);
    }
}
