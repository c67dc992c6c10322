package io.socsim.isa.asm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An assembled program held in memory: placed sections, the symbol table and the entry point.
 *
 * @param sections placed sections in address order (their byte arrays are owned by the program; do not modify)
 * @param symbols  named symbols (labels and {@code .equ} constants) by name
 * @param entry    address of {@code _start} if defined, else the start of {@code .text}
 */
public record Program(List<Section> sections, Map<String, Symbol> symbols, int entry) {

    /**
     * One placed section. {@code .bss} is delivered as zero bytes, so a loader can copy every
     * section the same way.
     */
    public record Section(String name, int base, byte[] bytes) {
        public int size() {
            return bytes.length;
        }

        /** First address after the section. */
        public int end() {
            return base + bytes.length;
        }

        public boolean contains(int address) {
            return Integer.compareUnsigned(address - base, bytes.length) < 0;
        }
    }

    /** A symbol: its value (an address for labels) and whether it was declared global. */
    public record Symbol(String name, int address, boolean global) {
    }

    public Program {
        sections = List.copyOf(sections);
        symbols = Map.copyOf(symbols);
    }

    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The address of symbol {@code name}. @throws IllegalArgumentException when it is not defined */
    public int address(String name) {
        Symbol s = symbols.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no symbol " + name);
        }
        return s.address();
    }

    /** The byte at {@code address}. @throws IllegalArgumentException when no section covers it */
    public int byteAt(int address) {
        for (Section s : sections) {
            if (s.contains(address)) {
                return s.bytes()[address - s.base()] & 0xff;
            }
        }
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "address 0x%08x is in no section", address));
    }

    /** The little-endian 16-bit value at {@code address}. */
    public int halfAt(int address) {
        return byteAt(address) | byteAt(address + 1) << 8;
    }

    /** The little-endian 32-bit value at {@code address}. */
    public int wordAt(int address) {
        return halfAt(address) | halfAt(address + 2) << 16;
    }
}
