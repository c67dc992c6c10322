package io.socsim.isa.asm;

import java.util.List;
import java.util.stream.Collectors;

/** One or more assembly errors, each tied to the source line that caused it. */
public final class AssemblyException extends RuntimeException {

    /**
     * One error.
     *
     * @param file    source name ({@code <builder>} for code emitted through {@link ProgramBuilder} without a source)
     * @param line    1-based line number, 0 when unknown
     * @param text    the offending source text (may be empty)
     * @param message the reason
     */
    public record Diagnostic(String file, int line, String text, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message + (text.isEmpty() ? "" : "\n    " + text);
        }
    }

    private final List<Diagnostic> diagnostics;

    public AssemblyException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** All errors, in source order of discovery. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
