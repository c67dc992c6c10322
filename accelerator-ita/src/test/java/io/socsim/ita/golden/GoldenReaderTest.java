package io.socsim.ita.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class GoldenReaderTest {

    private static final String HEAD = "# comment\nmeta format ita-golden-v1\nmeta kind softmax\n";

    private static GoldenFile parse(String text) throws IOException {
        return GoldenReader.read(new StringReader(text), "t.txt");
    }

    @Test
    void readsMetaParamsAndRowMajorTensors() throws IOException {
        GoldenFile f = parse(HEAD + "meta note free  text, with spaces\nparam N 16\n"
                + "param RQ_MULT_Q 1 2 3\ntensor x 2 3\n1 -2 3\n4 5 -6\n# trailing\nend\n");
        assertThat(f.kind()).isEqualTo("softmax");
        assertThat(f.meta("note")).isEqualTo("free  text, with spaces");
        assertThat(f.param("N")).isEqualTo(16);
        assertThat(f.param("RQ_MULT_Q", 2)).isEqualTo(3);
        GoldenTensor x = f.tensor("x");
        assertThat(x.rows()).isEqualTo(2);
        assertThat(x.cols()).isEqualTo(3);
        assertThat(x.data()).containsExactly(1, -2, 3, 4, 5, -6);
        assertThat(x.line()).isEqualTo(7);
        assertThat(x.toInt8().get(1, 2)).isEqualTo(-6);
    }

    @Test
    void acceptsWindowsLineEndings() throws IOException {
        GoldenFile f = parse(HEAD.replace("\n", "\r\n") + "tensor x 1 2\r\n7 8\r\nend\r\n");
        assertThat(f.tensor("x").data()).containsExactly(7, 8);
    }

    @Test
    void reportsAShortTensorRowWithFileAndLine() {
        assertThatThrownBy(() -> parse(HEAD + "tensor x 2 3\n1 2 3\n4 5\nend\n"))
                .isInstanceOf(GoldenFormatException.class)
                .hasMessageStartingWith("t.txt:6: ")
                .hasMessageContaining("has 2 values, expected 3");
    }

    @Test
    void reportsANonIntegerWithFileAndLine() {
        assertThatThrownBy(() -> parse(HEAD + "param N x16\nend\n"))
                .isInstanceOf(GoldenFormatException.class)
                .hasMessage("t.txt:4: not an integer: 'x16'");
    }

    @Test
    void rejectsDoubleSpacesBetweenTokens() {
        assertThatThrownBy(() -> parse(HEAD + "tensor x 1 2\n1  2\nend\n"))
                .isInstanceOf(GoldenFormatException.class)
                .hasMessageStartingWith("t.txt:5: ")
                .hasMessageContaining("single spaces");
    }

    @Test
    void rejectsATruncatedFile() {
        assertThatThrownBy(() -> parse(HEAD + "tensor x 3 1\n1\n"))
                .isInstanceOf(GoldenFormatException.class)
                .hasMessageStartingWith("t.txt:6: ")
                .hasMessageContaining("got 1 of 3 rows");
        assertThatThrownBy(() -> parse(HEAD + "param N 1\n"))
                .isInstanceOf(GoldenFormatException.class)
                .hasMessageContaining("missing 'end'");
    }

    @Test
    void rejectsUnknownRecordsDuplicatesAndContentAfterEnd() {
        assertThatThrownBy(() -> parse(HEAD + "vector x 1\nend\n"))
                .hasMessage("t.txt:4: unknown record 'vector' (expected meta, param, tensor or "
                        + "end)");
        assertThatThrownBy(() -> parse(HEAD + "param N 1\nparam N 2\nend\n"))
                .hasMessage("t.txt:5: duplicate param N");
        assertThatThrownBy(() -> parse(HEAD + "tensor x 1 1\n1\ntensor x 1 1\n2\nend\n"))
                .hasMessage("t.txt:6: duplicate tensor x");
        assertThatThrownBy(() -> parse(HEAD + "end\nparam N 1\n"))
                .hasMessage("t.txt:5: content after 'end'");
    }

    @Test
    void rejectsOtherFormatsAndFilesWithoutAFormatRecord() {
        assertThatThrownBy(() -> parse("meta format ita-golden-v2\nend\n"))
                .hasMessageStartingWith("t.txt:1: unsupported format 'ita-golden-v2'");
        assertThatThrownBy(() -> parse("meta kind x\nend\n"))
                .isInstanceOf(GoldenFormatException.class)
                .hasMessageContaining("no 'meta format ita-golden-v1'");
    }

    @Test
    void reportsOutOfRangeInt8ValuesWithTheirLine() throws IOException {
        GoldenFile f = parse(HEAD + "tensor w 2 2\n1 2\n3 200\nend\n");
        assertThatThrownBy(() -> f.tensor("w").toInt8())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("t.txt:6: tensor w value 200 at [1][1] is not int8");
        assertThat(f.tensor("w").toUint8().getUnsigned(1, 1)).isEqualTo(200);
    }

    @Test
    void namesTheFileWhenATensorOrParamIsMissing() throws IOException {
        GoldenFile f = parse(HEAD + "end\n");
        assertThatThrownBy(() -> f.tensor("Q")).hasMessage("t.txt: no 'tensor Q'");
        assertThatThrownBy(() -> f.param("S")).hasMessage("t.txt: no 'param S'");
    }
}
