/**
 * How the CLI shows things: the {@code jsup list} table, {@code describe}'s sections, human units
 * (uptime, memory) and ANSI colour. Pure text in, text out; no I/O beyond the writer handed in.
 */
package jsup.cli.render;
