/** The command line (picocli): thin wiring around {@code experiment} and {@code report}. */
package org.iibalance.cli;
