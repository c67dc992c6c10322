/**
 * Assembler for RV32IMC + XpulpV2 programs, producing an in-memory {@link io.socsim.isa.asm.Program}.
 *
 * <ul>
 * <li>{@link io.socsim.isa.asm.ProgramBuilder}: Java API (labels, typed instruction methods,
 *     data, sections); the only place that places sections and resolves label references.</li>
 * <li>{@link io.socsim.isa.asm.Assembler}: GNU-style text front end on top of the builder.</li>
 * <li>{@link io.socsim.isa.asm.AssemblyException}: every error with file, line, text and reason.</li>
 * </ul>
 * All bit placement goes through {@link io.socsim.isa.Format#encode}.
 */
package io.socsim.isa.asm;
