package io.socsim.isa.asm;

/** Where an instruction or datum came from, for error messages. */
record Source(String file, int line, String text) {
    static final Source BUILDER = new Source("<builder>", 0, "");
}
