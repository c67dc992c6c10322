package io.socsim.sim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socsim.sim.UserError;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep's append-only results file: one JSON object per line, one line per finished point,
 * each written in one call and forced to disk before the next point is told finished, so a
 * {@code kill -9} loses at most the points still running. A line cut short by a crash (no final
 * newline, or not JSON) is dropped when the file is opened again. The file is locked while a
 * sweep appends, so two sweeps cannot share a folder.
 */
final class ResultsLog implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<Map<String, Object>> existing;

    private ResultsLog(Path path, FileChannel channel, FileLock lock, List<Map<String, Object>> existing) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.existing = existing;
    }

    /** Opens (creating) the log, drops a torn last line and reads the records already there. */
    static ResultsLog open(Path path) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new UserError(path + ": another sweep is writing to this folder");
            }
            byte[] bytes = Files.readAllBytes(path);
            List<Map<String, Object>> records = new ArrayList<>();
            int start = 0;
            int kept = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                start = i + 1;
                if (line.isBlank()) {
                    kept = start;
                    continue;
                }
                Map<String, Object> record = parse(line);
                if (record == null) {
                    break; // a torn write can only be the last line; anything after it is dropped with it
                }
                records.add(record);
                kept = start;
            }
            if (kept < bytes.length) {
                ch.truncate(kept);
                ch.force(true);
            }
            ch.position(kept);
            return new ResultsLog(path, ch, lock, records);
        } catch (IOException e) {
            throw new UserError("cannot open " + path + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        try {
            Object v = JSON.readValue(line, LinkedHashMap.class);
            return v instanceof Map<?, ?> m && m.containsKey("index") ? (Map<String, Object>) m : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The records read when the log was opened, in file order. */
    List<Map<String, Object>> existing() {
        return existing;
    }

    /** Appends one record as a line and forces it to disk. */
    synchronized void append(Map<String, Object> record) {
        try {
            byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UserError("cannot append to " + path + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the records are on disk already
        }
    }
}
