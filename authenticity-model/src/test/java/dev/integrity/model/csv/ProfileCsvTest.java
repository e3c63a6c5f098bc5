package dev.integrity.model.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.model.ProfileRecord;
import dev.integrity.model.synthetic.SyntheticProfiles;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileCsvTest {

    private static final String HEADER =
            "username,fullName,biography,externalUrl,hasProfilePicture,isPrivate,mediaCount,followerCount,followingCount,label\n";

    @Test
    void readsEveryColumnOfARow() {
        ProfileTable table = ProfileCsv.parse(HEADER + "anna.s,Anna S,runner,https://a.example,true,false,12,340,210,0\n");

        assertEquals(1, table.rows().size());
        LabelledProfile row = table.rows().getFirst();
        ProfileRecord p = row.profile();
        assertEquals(2, row.line());
        assertFalse(row.fake());
        assertEquals("anna.s", p.username());
        assertEquals("Anna S", p.fullName());
        assertEquals("runner", p.biography());
        assertEquals("https://a.example", p.externalUrl());
        assertTrue(p.hasProfilePicture());
        assertFalse(p.isPrivate());
        assertEquals(12L, p.mediaCount());
        assertEquals(340L, p.followerCount());
        assertEquals(210L, p.followingCount());
        assertEquals(9, table.columns().size());
        assertEquals(64, table.sha256().length());
    }

    @Test
    void takesColumnsInAnyOrder() {
        ProfileTable table = ProfileCsv.parse("label,followerCount,username\n1,5,bot123\n");

        LabelledProfile row = table.rows().getFirst();
        assertTrue(row.fake());
        assertEquals(5L, row.profile().followerCount());
        assertEquals("bot123", row.profile().username());
    }

    @Test
    void handlesQuotedFieldsWithCommasQuotesAndLineBreaks() {
        String csv = "username,biography,label\r\n"
                + "a,\"coffee, books\",0\r\n"
                + "b,\"say \"\"hi\"\"\",0\r\n"
                + "c,\"line one\nline two\",1\r\n"
                + "\"d\",\"\",0\r\n";

        List<LabelledProfile> rows = ProfileCsv.parse(csv).rows();

        assertEquals("coffee, books", rows.get(0).profile().biography());
        assertEquals("say \"hi\"", rows.get(1).profile().biography());
        assertEquals("line one\nline two", rows.get(2).profile().biography());
        assertEquals("d", rows.get(3).profile().username());
        assertEquals("", rows.get(3).profile().biography());
        assertEquals(List.of(2, 3, 4, 6), rows.stream().map(LabelledProfile::line).toList());
    }

    @Test
    void acceptsBooleansAsWordsOrDigits() {
        ProfileTable table = ProfileCsv.parse("hasProfilePicture,isPrivate,label\n1,0,1\ntrue,FALSE,0\n0,1,0\n");

        List<ProfileRecord> p = table.rows().stream().map(LabelledProfile::profile).toList();
        assertEquals(List.of(true, true, false), p.stream().map(ProfileRecord::hasProfilePicture).toList());
        assertEquals(List.of(false, false, true), p.stream().map(ProfileRecord::isPrivate).toList());
    }

    @Test
    void absentColumnsStayNullAndEmptyUrlIsEmpty() {
        ProfileTable table = ProfileCsv.parse("username,externalUrl,label\nanna,,0\n");

        ProfileRecord p = table.rows().getFirst().profile();
        assertEquals("", p.externalUrl());
        assertNull(p.fullName());
        assertNull(p.mediaCount());
        assertNull(p.hasProfilePicture());
        assertEquals(List.of("username", "externalUrl"), table.columns());
        assertEquals(List.of("mediaCount"), table.missing(List.of("username", "mediaCount")));
    }

    @Test
    void ignoresExtraColumnsButReadsBehaviourColumns() {
        ProfileTable table = ProfileCsv.parse("id,username,notes,follows_24h,interval_cv,label\n"
                + "x1,anna,\"whatever, really\",120,0.25,1\n");

        ProfileRecord p = table.rows().getFirst().profile();
        assertEquals(List.of("username", "follows_24h", "interval_cv"), table.columns());
        assertEquals(Map.of("follows_24h", 120.0, "interval_cv", 0.25), p.behaviour());
    }

    @Test
    void skipsBlankLinesAndAByteOrderMark() {
        ProfileTable table = ProfileCsv.parse("\uFEFFusername,label\n\nanna,0\n\n\nben,1\n");

        assertEquals(List.of(3, 6), table.rows().stream().map(LabelledProfile::line).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad count            | username,mediaCount,label\\na,12,0\\nb,abc,0\\n              | line 3: mediaCount 'abc' is not a non-negative integer
            negative count       | followerCount,label\\n-5,1\\n                                 | line 2: followerCount '-5' is not a non-negative integer
            empty count          | followingCount,label\\n,1\\n                                  | line 2: followingCount '' is not a non-negative integer
            bad boolean          | isPrivate,label\\nyes,0\\n                                    | line 2: isPrivate 'yes' is not a boolean (true/false or 1/0)
            bad label            | username,label\\na,2\\n                                       | line 2: label '2' must be 1 (fake) or 0 (genuine)
            empty label          | username,label\\na,\\n                                        | line 2: label '' must be 1 (fake) or 0 (genuine)
            no label column      | username,fullName\\na,b\\n                                    | line 1: missing required column 'label'
            field count          | username,fullName,label\\na,b,0\\nc,0\\n                      | line 3: expected 3 fields, found 2
            duplicate column     | label,username,label\\n0,a,0\\n                               | line 1: column 'label' appears twice
            unclosed quote       | username,label\\na,0\\n"b,1\\n                                | line 3: a quoted field is not closed before the end of the input
            stray quote          | username,label\\nab"c,0\\n                                    | line 2: a quote inside an unquoted field; quote the whole field and double the quotes in it
            text after quote     | username,label\\n"ab"c,0\\n                                   | line 2: unexpected character 'c' after a closing quote
            bad behaviour value  | follows_1h,label\\n1e3,0\\nfast,1\\n                          | line 3: follows_1h 'fast' is not a finite number
            empty input          | ''                                                            | line 1: the input is empty; expected a header row
            """)
    void malformedInputNamesTheLineAndTheProblem(String name, String csv, String message) {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> ProfileCsv.parse(csv.replace("\\n", "\n")));

        assertEquals(message, e.getMessage());
    }

    @Test
    void countsLinesInsideQuotedFieldsWhenReportingErrors() {
        String csv = "biography,mediaCount,label\n\"two\nlines\",3,0\nok,x,0\n";

        CsvFormatException e = assertThrows(CsvFormatException.class, () -> ProfileCsv.parse(csv));

        assertEquals(4, e.line());
        assertEquals("line 4: mediaCount 'x' is not a non-negative integer", e.getMessage());
    }

    @Test
    void writesWhatItReads() throws IOException {
        List<LabelledProfile> profiles = new SyntheticProfiles(3, true).generate(300, 0.4);
        StringWriter out = new StringWriter();

        ProfileCsv.write(out, SyntheticProfiles.columns(true), profiles);
        List<LabelledProfile> read = ProfileCsv.parse(out.toString()).rows();

        assertEquals(profiles.stream().map(LabelledProfile::profile).toList(),
                read.stream().map(LabelledProfile::profile).toList());
        assertEquals(profiles.stream().map(LabelledProfile::fake).toList(),
                read.stream().map(LabelledProfile::fake).toList());
    }

    @Test
    void quotesOnlyWhatNeedsIt() {
        assertEquals("plain", ProfileCsv.escape("plain"));
        assertEquals("\"a,b\"", ProfileCsv.escape("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ProfileCsv.escape("say \"hi\""));
        assertEquals("\"two\nlines\"", ProfileCsv.escape("two\nlines"));
        assertEquals("\" padded\"", ProfileCsv.escape(" padded"));
    }
}
