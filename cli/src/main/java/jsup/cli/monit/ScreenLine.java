package jsup.cli.monit;

import java.util.function.UnaryOperator;

/**
 * One line of the screen built from pieces, each with its own colour, never wider than the screen:
 * a piece that would pass the width is cut there. Widths count code points (monit's symbols are all
 * one column wide).
 */
final class ScreenLine {

    private final int width;
    private final StringBuilder text = new StringBuilder();
    private int used;

    ScreenLine(int width) {
        this.width = width;
    }

    ScreenLine add(String piece) {
        return add(piece, UnaryOperator.identity());
    }

    /** Adds {@code piece} (plain text) coloured by {@code style}, cut at the line's width. */
    ScreenLine add(String piece, UnaryOperator<String> style) {
        int room = width - used;
        if (room <= 0 || piece.isEmpty()) {
            return this;
        }
        String cut = cut(piece, room);
        text.append(style.apply(cut));
        used += length(cut);
        return this;
    }

    /** Adds {@code piece} padded with spaces (or cut) to exactly {@code cells} columns. */
    ScreenLine cell(String piece, int cells, UnaryOperator<String> style) {
        return add(pad(piece, cells), style);
    }

    ScreenLine cell(String piece, int cells) {
        return cell(piece, cells, UnaryOperator.identity());
    }

    /** Adds {@code piece} right-aligned in {@code cells} columns. */
    ScreenLine right(String piece, int cells) {
        String p = cut(piece, cells);
        return add(" ".repeat(cells - length(p)) + p);
    }

    int used() {
        return used;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String pad(String s, int cells) {
        String c = cut(s, cells);
        return c + " ".repeat(Math.max(0, cells - length(c)));
    }

    /** {@code s} cut to {@code cells} columns, the last one {@code …} when something was cut. */
    static String cut(String s, int cells) {
        if (cells <= 0) {
            return "";
        }
        if (length(s) <= cells) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, cells - 1)) + "…";
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
