/**
 * Tables and figures of the paper from run folders (read through {@code org.iibalance.run}): Table I / II, Fig. 3 (budget prior against
 * averaged fusion weights), Fig. 4 (sensitivity to tau and gamma). Charts are JFreeChart objects
 * exported as PNG and SVG without a screen; the GUI shows the same charts. No JavaFX, no tensors.
 */
package org.iibalance.report;
