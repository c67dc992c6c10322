package io.socsim.ita.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The ITA authors' golden vectors, committed as test data of this module ({@code
 * src/test/resources/golden/ita}, provenance in its README) and shared with the other modules through
 * this module's test jar. The one place every test finds them: a clone with nothing beside it has
 * them. {@code -Dsocsim.golden.ita=DIR} points at another set (a regenerated one, say).
 */
public final class ItaGoldenVectors {

    /** System property naming a directory to use instead of the bundled vectors. */
    public static final String OVERRIDE_PROPERTY = "socsim.golden.ita";
    private static final String RESOURCE = "/golden/ita/";
    private static final String INDEX = "README.md";
    private static volatile Path directory;

    private ItaGoldenVectors() {
    }

    /** The directory holding the vectors; a missing set is an error, never a skipped test. */
    public static Path directory() {
        Path d = directory;
        if (d == null) {
            synchronized (ItaGoldenVectors.class) {
                if (directory == null) {
                    directory = locate();
                }
                d = directory;
            }
        }
        return d;
    }

    /** One vector file by name, e.g. {@code attention_S64_E64_P64_H1_seed0.txt}. */
    public static Path file(String name) {
        Path p = directory().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("ITA golden file " + name + " is not in " + directory());
        }
        return p;
    }

    /** Every data file ({@code *.txt}), sorted by name. */
    public static List<Path> files() {
        Path dir = directory();
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            if (files.isEmpty()) {
                throw new AssertionError("no *.txt golden files in " + dir);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Path locate() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override).toAbsolutePath();
            if (!Files.isDirectory(p)) {
                throw new AssertionError("-D" + OVERRIDE_PROPERTY + "=" + override + " is not a directory");
            }
            return p;
        }
        URL index = ItaGoldenVectors.class.getResource(RESOURCE + INDEX);
        if (index == null) {
            throw new AssertionError("the ITA golden vectors (" + RESOURCE + ") are not on the test class path");
        }
        try {
            if ("file".equals(index.getProtocol())) {
                return Path.of(index.toURI()).getParent(); // the module's own target/test-classes
            }
            return extracted(index); // inside a test jar: copy out once, the tests read files
        } catch (URISyntaxException | IOException e) {
            throw new AssertionError("cannot open the ITA golden vectors at " + index + ": " + e, e);
        }
    }

    private static Path extracted(URL index) throws IOException, URISyntaxException {
        Path dir = Files.createTempDirectory("socsim-ita-golden");
        try (FileSystem jar = FileSystems.newFileSystem(index.toURI(), Map.of());
             Stream<Path> s = Files.list(jar.getPath(RESOURCE))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.copy(p, dir.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }
}
