package io.socsim.isa.asm;

/**
 * A position in a {@link ProgramBuilder}'s output (or a constant, for {@code .equ}). Create with
 * {@link ProgramBuilder#newLabel()}, place with {@link ProgramBuilder#bind(Label)}; references may
 * precede the binding, they are resolved by {@link ProgramBuilder#build()}.
 */
public final class Label {

    private final String name;
    final ProgramBuilder owner;
    // Set once when bound: either a section position or a value expression.
    ProgramBuilder.Sec section;
    int offset;
    Expr value;
    boolean global;
    Source definedAt;
    /** How error messages call an anonymous label (e.g. a numeric local label "1f"). */
    String display;

    Label(ProgramBuilder owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    /** The symbol name, or {@code null} for an anonymous label (which stays out of the symbol table). */
    public String name() {
        return name;
    }

    public boolean isBound() {
        return section != null || value != null;
    }

    @Override
    public String toString() {
        return name != null ? name : display != null ? display : "<anonymous label>";
    }
}
