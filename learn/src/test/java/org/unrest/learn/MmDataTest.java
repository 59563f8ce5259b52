package org.unrest.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MmDataTest {
    static final String HEADER = "id,protest,protesterviolence,protesterdemand1,protesterdemand2,protesterdemand3,"
            + "protesterdemand4,stateresponse1,stateresponse2,stateresponse3,stateresponse4,stateresponse5,"
            + "stateresponse6,stateresponse7,notes\n";

    @Test
    void readsProtestRowsWithTheirLabels() throws IOException {
        String csv = HEADER
                + "1,1,1,\"political behavior, process\",labor wage dispute,NA,.,arrests,crowd dispersal,NA,NA,NA,NA,NA,\"workers marched, police dispersed them\"\n"
                + "2,0,0,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,\n"
                + "3,1,.,Removal of Politician,NA,NA,NA,ignore,.,NA,NA,NA,NA,NA,crowds demanded the minister quit\n";
        List<MmRecord> rs = MmData.read(new StringReader(csv), "t.csv");
        assertEquals(2, rs.size(), "the protest = 0 row is skipped");
        MmRecord a = rs.get(0);
        assertEquals(Set.of("political behavior, process", "labor wage dispute"), a.demands());
        assertEquals(Set.of("arrests", "crowd dispersal"), a.responses());
        assertEquals(Boolean.TRUE, a.violent());
        assertEquals(Set.of(Task.VIOLENT), a.labels(Task.VIOLENCE));
        MmRecord b = rs.get(1);
        assertEquals(Set.of("removal of politician"), b.demands(), "labels are compared lower-cased");
        assertNull(b.violent(), "'.' violence is unknown");
        assertNull(b.labels(Task.VIOLENCE));
    }

    @Test
    void aLabelOutsideTheVocabularyNamesTheLine() {
        String csv = HEADER + "1,1,0,free beer,NA,NA,NA,ignore,NA,NA,NA,NA,NA,NA,text\n";
        IOException e = assertThrows(IOException.class, () -> MmData.read(new StringReader(csv), "t.csv"));
        assertTrue(e.getMessage().contains("t.csv line 2") && e.getMessage().contains("free beer"), e.getMessage());
    }

    @Test
    void anotherCsvIsRefused() {
        IOException e = assertThrows(IOException.class, () -> MmData.read(new StringReader("a,b\n1,2\n"), "x.csv"));
        assertTrue(e.getMessage().contains("Mass Mobilization"), e.getMessage());
    }
}
