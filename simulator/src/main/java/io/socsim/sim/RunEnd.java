package io.socsim.sim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Why a simulated run ended and the exit status socsim gives it. A script tells the program's own
 * exit code from the simulator's verdict by {@link #reason()}: only {@link Reason#EXIT} passes the
 * program's code through; every other reason has a fixed code (README, "Exit codes").
 *
 * @param reason          what ended the run
 * @param exitCode        the process exit status socsim returns for it (0-255)
 * @param programExitCode the value the program passed to exit ({@link Reason#EXIT} only, else null)
 * @param test            the failing riscv-tests test number ({@link Reason#TOHOST_FAIL} with an odd value, else null)
 * @param core            the core that ended the run, or the core whose pc is reported; null for a deadlock
 * @param pc              that core's pc (the exiting or faulting instruction; where core 0 stood at a cut), or null if not known
 * @param message         one line saying what happened, naming core and pc where there is one
 */
public record RunEnd(Reason reason, int exitCode, Integer programExitCode, Integer test, Integer core, Integer pc, String message) {

    /** Exit status of a tohost failure: fixed, so that it never collides with 2, 3 or 4. */
    public static final int TOHOST_FAIL_CODE = 1;
    /** Exit status of a run stopped by SIGINT (128 + 2, as shells report it). */
    public static final int INTERRUPTED_CODE = 130;

    /** The ways a run ends, with their names in the JSON report. */
    public enum Reason {
        EXIT("exit"), TOHOST_PASS("tohost-pass"), TOHOST_FAIL("tohost-fail"), FAULT("fault"),
        MAX_CYCLES("max-cycles"), DEADLOCK("deadlock"), INTERRUPTED("interrupted");

        private final String json;

        Reason(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    public static RunEnd exit(int programExitCode, int core, Integer pc) {
        return new RunEnd(Reason.EXIT, programExitCode & 0xff, programExitCode, null, core, pc,
                String.format(Locale.ROOT, "core %d exited with code %d", core, programExitCode));
    }

    public static RunEnd tohostPass(int core, Integer pc) {
        return new RunEnd(Reason.TOHOST_PASS, 0, null, null, core, pc, "riscv-tests: passed (tohost = 1)");
    }

    /** {@code test} is null when the value written was not a riscv-tests result (even). */
    public static RunEnd tohostFail(Integer test, int core, Integer pc, String message) {
        return new RunEnd(Reason.TOHOST_FAIL, TOHOST_FAIL_CODE, null, test, core, pc, message);
    }

    public static RunEnd fault(int core, int pc, String message) {
        return new RunEnd(Reason.FAULT, UserError.PROGRAM_FAULT, null, null, core, pc, message);
    }

    public static RunEnd maxCycles(int core, int pc, String message) {
        return new RunEnd(Reason.MAX_CYCLES, UserError.LIMIT_REACHED, null, null, core, pc, message);
    }

    public static RunEnd deadlock(String message) {
        return new RunEnd(Reason.DEADLOCK, UserError.PROGRAM_FAULT, null, null, null, null, message);
    }

    public static RunEnd interrupted(int core, int pc, String message) {
        return new RunEnd(Reason.INTERRUPTED, INTERRUPTED_CODE, null, null, core, pc, message);
    }

    /** True when the program ran to its own end (exit or a tohost verdict), false when the simulator stopped it. */
    public boolean programEnded() {
        return reason == Reason.EXIT || reason == Reason.TOHOST_PASS || reason == Reason.TOHOST_FAIL;
    }

    /** True for an exit with code 0 or a tohost pass. */
    public boolean success() {
        return exitCode == 0 && programEnded();
    }

    /** The {@code end} record of the JSON report (docs/report.md); absent values are left out. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", reason.json());
        m.put("exit_code", exitCode);
        if (programExitCode != null) {
            m.put("program_exit_code", programExitCode);
        }
        if (test != null) {
            m.put("test", test);
        }
        if (core != null) {
            m.put("core", core);
        }
        if (pc != null) {
            m.put("pc", String.format(Locale.ROOT, "0x%08x", pc));
        }
        m.put("message", message);
        return m;
    }

    /** This ending as the error the command line reports and exits with (for endings that are not the program's own). */
    public UserError asError() {
        return new UserError(message, exitCode);
    }
}
