package org.iibalance.gui.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Class probabilities as a row per class and a column per head, the most probable of each head starred. */
class ProbabilityTableTest {
    @Test
    void aRowPerClassAColumnPerHeadAndTheArgmaxStarred() {
        Map<String, double[]> p = new LinkedHashMap<>();
        p.put("fused", new double[] {0.25, 0.75});
        p.put("audio", new double[] {0.6, 0.4});
        p.put("visual", new double[] {0.5, 0.5});
        String expected = String.join(System.lineSeparator(),
                "class   fused   audio  visual",
                "    0   0.25    0.60*   0.50*",
                "    1   0.75*   0.40    0.50 ");
        assertEquals(expected, ProbabilityTable.text(p));
    }

    @Test
    void noProbabilitiesNoTable() {
        assertEquals("", ProbabilityTable.text(Map.of()));
    }
}
