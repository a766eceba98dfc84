package jsup.supervisor.process;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.List;

/**
 * argv and envp as {@code posix_spawn} takes them, in one native block written with one copy: two
 * NULL-terminated pointer arrays, then every string with its NUL (and the directory's, if any). One
 * allocation instead of one per string (JNA's {@code StringArray}: a malloc and a cleaner each).
 * Never written after it is made, so concurrent spawns may pass it at once; freed with this object, so
 * a caller keeps this object reachable until the spawn that uses its pointers returns.
 */
final class CStringBlock {

    private final Memory block;
    private final Pointer argv;
    private final Pointer envp;
    private final Pointer dir;

    private CStringBlock(Memory block, Pointer argv, Pointer envp, Pointer dir) {
        this.block = block;
        this.argv = argv;
        this.envp = envp;
        this.dir = dir;
    }

    /** @param dir a directory path to lay out as well, or null */
    static CStringBlock of(List<String> argv, List<String> envp, String dir, Charset encoding) {
        int strings = argv.size() + envp.size() + (dir == null ? 0 : 1);
        byte[][] encoded = new byte[strings][];
        int n = 0;
        long size = (argv.size() + 1L + envp.size() + 1L) * Long.BYTES;
        for (List<String> list : List.of(argv, envp)) {
            for (String s : list) {
                encoded[n] = s.getBytes(encoding);
                size += encoded[n++].length + 1L;
            }
        }
        if (dir != null) {
            encoded[n] = dir.getBytes(encoding);
            size += encoded[n].length + 1L;
        }
        Memory block = new Memory(size);
        long base = Pointer.nativeValue(block);
        ByteBuffer image = ByteBuffer.allocate((int) size).order(ByteOrder.nativeOrder());
        int stringAt = (argv.size() + 1 + envp.size() + 1) * Long.BYTES;
        int envpAt = (argv.size() + 1) * Long.BYTES;
        for (int i = 0; i < strings; i++) {
            if (i < argv.size() + envp.size()) {
                // argv's pointers, its NULL, then envp's pointers (the image starts zeroed: the NULLs)
                image.putLong(i < argv.size() ? i * Long.BYTES : envpAt + (i - argv.size()) * Long.BYTES,
                        base + stringAt);
            }
            image.put(stringAt, encoded[i]);
            stringAt += encoded[i].length + 1;
        }
        block.write(0, image.array(), 0, (int) size);
        Pointer dirAt = dir == null ? null : new Pointer(base + size - encoded[strings - 1].length - 1);
        return new CStringBlock(block, new Pointer(base), new Pointer(base + envpAt), dirAt);
    }

    Pointer argv() {
        return argv;
    }

    /** argv[0], the program. */
    Pointer program() {
        return argv.getPointer(0);
    }

    Pointer envp() {
        return envp;
    }

    /** The directory given to {@link #of}, or null. */
    Pointer dir() {
        return dir;
    }
}
