package io.socsim.workloads.onnx;

/**
 * A numpy {@code .npy} or {@code .npz} file that cannot be read: bad magic, truncated data, an
 * unknown dtype, a header that is not numpy's dictionary, a broken zip. The message names the
 * file (and the archive member) and what is wrong; it is the only exception type {@link Npy}
 * and {@link Npz} throw when reading.
 */
public final class NpyFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NpyFormatException(String source, String message) {
        super(source + ": " + message);
    }

    public NpyFormatException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
    }
}
