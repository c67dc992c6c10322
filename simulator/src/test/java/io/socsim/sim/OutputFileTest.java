package io.socsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

    @TempDir
    Path tmp;

    @Test
    void checkCreatesNothing() throws IOException {
        OutputFile.check("--json", tmp.resolve("r.json"));
        assertThat(listing()).isEmpty();
    }

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path target = Files.writeString(tmp.resolve("r.json"), "old contents, longer than the new ones\n");
        OutputFile file = OutputFile.check("--json", target);
        file.write("new\n");
        assertThat(Files.readString(target)).isEqualTo("new\n");
        assertThat(listing()).containsExactly("r.json");
    }

    @Test
    void writeThroughASymbolicLinkReplacesTheFileItNames() throws IOException {
        Path real = Files.writeString(tmp.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.json"), real);
        OutputFile.check("--json", link).write("new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void aDeviceIsWrittenInPlaceNotRenamedOver() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        OutputFile file = OutputFile.check("--json", devNull);
        assertThat(file.isDevice()).isTrue();
        file.write("discarded");
        assertThat(Files.isRegularFile(devNull)).as("/dev/null is still a device").isFalse();
    }

    @Test
    void missingDirectoryIsRefusedNamingOptionAndPath() {
        Path target = tmp.resolve("absent/r.json");
        assertThatThrownBy(() -> OutputFile.check("--json", target))
                .isInstanceOf(UserError.class)
                .hasMessage("cannot write " + target + " (--json): directory " + tmp.resolve("absent") + " does not exist");
    }

    @Test
    void directoryIsRefused() {
        assertThatThrownBy(() -> OutputFile.check("-o", tmp)).isInstanceOf(UserError.class).hasMessageContaining("(-o): it is a directory");
    }

    @Test
    void pathUnderAFileIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThatThrownBy(() -> OutputFile.check("-o", file.resolve("out.elf")))
                .isInstanceOf(UserError.class).hasMessageContaining(file + " is not a directory");
    }

    @Test
    void directoryRemovedAfterTheCheckFailsTheWriteWithOneMessage() throws IOException {
        Path sub = Files.createDirectories(tmp.resolve("sub"));
        OutputFile file = OutputFile.check("--json", sub.resolve("r.json"));
        Files.delete(sub);
        assertThatThrownBy(() -> file.write("x")).isInstanceOf(UserError.class).hasMessageStartingWith("cannot write " + sub.resolve("r.json"));
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
