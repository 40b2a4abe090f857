package org.iibalance.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The documentation of one configuration key, written on the record component that holds it (next
 * to the record's {@code defaults()}): what it means, and the values it accepts. {@link ConfigCatalogue}
 * reads these to feed {@code iibalance config}, the JSON Schema, the GUI sheet and the README.
 *
 * <p>The bounds here describe what {@link ConfigValidator} enforces; the validator stays the one
 * place that refuses a value (a bound that cannot be written as a number goes in {@link #range()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ConfigDoc {
    /** What the key means, one sentence (cite the equation it sets, if any). */
    String value();

    /** Smallest allowed value (numbers only). */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value (numbers only). */
    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #min()} itself is excluded. */
    boolean minExclusive() default false;

    /** Whether {@link #max()} itself is excluded. */
    boolean maxExclusive() default false;

    /** The allowed values of a text key (empty: any text). */
    String[] allowed() default {};

    /** A range that bounds cannot say, in words (e.g. "<= model.featureDim"); shown after the bounds. */
    String range() default "";
}
