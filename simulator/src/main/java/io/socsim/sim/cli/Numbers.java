package io.socsim.sim.cli;

import io.socsim.sim.UserError;

/** Parsing of numeric command-line values. */
final class Numbers {

    private Numbers() {
    }

    /** A 32-bit address, decimal or 0x hex. */
    static int address(String text, String option) {
        try {
            String t = text.strip().replace("_", "");
            long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (v < 0 || v > 0xffffffffL) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new UserError(option + ": '" + text + "' is not a 32-bit address");
        }
    }
}
