package jsup.supervisor.log;

/**
 * Bytes read from one of a child's pipes in one go.
 *
 * @param source      which pipe
 * @param bytes       the data, exactly this long
 * @param endsLine    false only when a line longer than the read buffer was cut; the next chunk of
 *                    the same pipe continues it
 * @param readAtMillis wall-clock time of the read, used for timestamps
 */
record Chunk(Source source, byte[] bytes, boolean endsLine, long readAtMillis) {

    enum Source { OUT, ERR }
}
