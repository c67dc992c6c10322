package io.socsim.sim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file the user asked for ({@code --json}, {@code -o}). {@link #check} runs before any work, so
 * a long simulation never ends in a write error that loses its result; {@link #write} goes to a
 * temporary file in the same directory, flushed to disk and then renamed over the target, so no
 * reader ever sees a half-written file and an old file survives a failed write. Device files
 * ({@code /dev/stdout}) are written in place: they cannot be renamed over.
 */
public final class OutputFile {

    private final String label;
    private final Path path;
    private final boolean device;

    private OutputFile(String label, Path path, boolean device) {
        this.label = label;
        this.path = path;
        this.device = device;
    }

    /**
     * Checks that {@code path} can be written, by creating and removing a file beside it.
     *
     * @param label what asked for the file, for messages: the option ({@code --json}) or a role
     * @throws UserError naming the path, the label and the reason
     */
    public static OutputFile check(String label, Path path) {
        Path target = path.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(target)) {
            try {
                target = target.toRealPath(); // rename onto the file the link names, not over the link
            } catch (IOException dangling) {
                // a dangling link is replaced like a missing file
            }
        }
        if (Files.isDirectory(target)) {
            throw failure(label, path, "it is a directory");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            if (!Files.isWritable(target)) {
                throw failure(label, path, "permission denied");
            }
            return new OutputFile(label, target, true);
        }
        Path dir = target.getParent();
        if (!Files.exists(dir)) {
            throw failure(label, path, "directory " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw failure(label, path, dir + " is not a directory");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw failure(label, path, "the file is read-only");
        }
        OutputFile file = new OutputFile(label, target, false);
        try {
            Files.delete(file.createTemporary());
        } catch (IOException e) {
            throw failure(label, path, "cannot create files in " + dir + " (" + reason(e) + ")");
        }
        return file;
    }

    /** The absolute target path. */
    public Path path() {
        return path;
    }

    /** True for an existing file that is not a regular one (a device or pipe), written in place. */
    public boolean isDevice() {
        return device;
    }

    /** Replaces the file's contents with {@code bytes} in one rename. */
    public void write(byte[] bytes) {
        if (device) {
            try {
                Files.write(path, bytes);
            } catch (IOException e) {
                throw failure(label, path, reason(e));
            }
            return;
        }
        Path tmp = null;
        try {
            tmp = createTemporary();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true); // on disk before the rename makes it visible
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw failure(label, path, reason(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed with its own message
                }
            }
        }
    }

    /** Replaces the file's contents with {@code text} in UTF-8. */
    public void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A new empty file beside the target, named after it so a leftover is recognisable. Created
     * with the default permissions (as {@code Files.write} would give the target itself).
     */
    private Path createTemporary() throws IOException {
        String stem = "." + path.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-";
        for (int n = 0; ; n++) {
            try {
                return Files.createFile(path.resolveSibling(stem + n));
            } catch (FileAlreadyExistsException taken) {
                // another writer's temporary file: try the next name
            }
        }
    }

    private static UserError failure(String label, Path path, String reason) {
        return new UserError("cannot write " + path + " (" + label + "): " + reason);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
