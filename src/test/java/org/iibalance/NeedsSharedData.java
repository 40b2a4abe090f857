package org.iibalance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs these folders of the shared data: without them each test is reported as
 * skipped with the folder named (or, under {@code -Diibalance.requireData=true}, runs and fails in
 * {@link SharedData#require}). For classes that load the data in {@code @BeforeAll}, where an
 * assumption would hide the tests instead of skipping them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SharedData.Condition.class)
public @interface NeedsSharedData {
    /** Sub-folders of the shared data folder, e.g. {@code "mnist"}. */
    String[] value();
}
