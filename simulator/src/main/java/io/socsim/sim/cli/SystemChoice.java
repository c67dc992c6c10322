package io.socsim.sim.cli;

import io.socsim.sim.UserError;

/** The system a command runs on. Placeholder until the configuration module provides presets. */
record SystemChoice(long ramBase, long ramSize) {

    static SystemChoice resolve(String preset) {
        if (!"rv32-bare".equals(preset)) {
            throw new UserError("unknown preset '" + preset + "' (available: rv32-bare)");
        }
        return new SystemChoice(0x80000000L, 4L << 20);
    }
}
