package io.socsim.workloads.onnx;

/**
 * An ONNX file that cannot be read: truncated, not a protobuf, a field of the wrong wire type, a
 * tensor whose data does not match its shape, or a feature the reader does not take. The message
 * names the file and what is wrong; it is the only exception type {@link OnnxReader} throws.
 */
public final class OnnxFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OnnxFormatException(String source, String message) {
        super(source + ": " + message);
    }

    public OnnxFormatException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
    }
}
