package jsup.supervisor.process;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * argv and envp as {@code posix_spawn} takes them, in one native block written with one copy: two
 * NULL-terminated pointer arrays, then every string with its NUL (and the directory's, if any). One
 * allocation instead of one per string (JNA's {@code StringArray}: a malloc and a cleaner each), and
 * envp points into {@link InheritedEnvironment} for what jsupd's environment already holds. Never
 * written after it is made, so concurrent spawns may pass it at once; freed with this object, so a
 * caller keeps this object reachable until the spawn that uses its pointers returns.
 */
final class CStringBlock {

    private final Memory block;
    /** Holds the strings envp shares, for as long as this block may be used. */
    private final InheritedEnvironment inherited;
    private final Pointer argv;
    private final Pointer envp;
    private final Pointer dir;

    private CStringBlock(Memory block, InheritedEnvironment inherited, Pointer argv, Pointer envp, Pointer dir) {
        this.block = block;
        this.inherited = inherited;
        this.argv = argv;
        this.envp = envp;
        this.dir = dir;
    }

    /**
     * @param env       the whole environment, in order
     * @param dir       a directory path to lay out as well, or null
     * @param inherited where envp may point for a variable jsupd's environment has with the same value,
     *                  or null to lay out every variable here
     */
    static CStringBlock of(List<String> argv, Map<String, String> env, String dir, Charset encoding,
                           InheritedEnvironment inherited) {
        int envpAt = (argv.size() + 1) * Long.BYTES;
        Layout layout = new Layout(envpAt + (env.size() + 1) * Long.BYTES);
        int[] argvStrings = new int[argv.size()];
        for (int i = 0; i < argvStrings.length; i++) {
            argvStrings[i] = layout.add(argv.get(i), encoding);
        }
        long[] shared = new long[env.size()];
        int[] envStrings = new int[env.size()];
        int n = 0;
        for (Map.Entry<String, String> e : env.entrySet()) {
            shared[n] = inherited == null ? 0 : inherited.address(e.getKey(), e.getValue());
            if (shared[n] == 0) {
                envStrings[n] = layout.add(e.getKey() + "=" + e.getValue(), encoding);
            }
            n++;
        }
        int dirString = dir == null ? -1 : layout.add(dir, encoding);
        Memory block = layout.allocate();
        long base = Pointer.nativeValue(block);
        ByteBuffer image = layout.image();
        // The image starts zeroed: the two NULLs that end the arrays are already there.
        for (int i = 0; i < argvStrings.length; i++) {
            image.putLong(i * Long.BYTES, base + argvStrings[i]);
        }
        for (int i = 0; i < envStrings.length; i++) {
            image.putLong(envpAt + i * Long.BYTES, shared[i] != 0 ? shared[i] : base + envStrings[i]);
        }
        layout.writeTo(block);
        return new CStringBlock(block, inherited, new Pointer(base), new Pointer(base + envpAt),
                dirString < 0 ? null : new Pointer(base + dirString));
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

    /** NUL-terminated strings placed one after another behind a reserved head, then written in one copy. */
    static final class Layout {
        private final List<byte[]> strings = new ArrayList<>();
        private final int head;
        private int size;
        private ByteBuffer image;

        /** @param head bytes reserved at the start (pointer arrays), zeroed */
        Layout(int head) {
            this.head = head;
            this.size = head;
        }

        /** Places {@code s}; returns its offset in the block. */
        int add(String s, Charset encoding) {
            byte[] bytes = s.getBytes(encoding);
            strings.add(bytes);
            int at = size;
            size += bytes.length + 1;
            return at;
        }

        Memory allocate() {
            return new Memory(Math.max(size, 1));
        }

        /** The block's bytes, strings in place; the head is the caller's to fill. */
        ByteBuffer image() {
            if (image == null) {
                image = ByteBuffer.allocate(Math.max(size, 1)).order(ByteOrder.nativeOrder());
                int at = head;
                for (byte[] s : strings) {
                    image.put(at, s);
                    at += s.length + 1;
                }
            }
            return image;
        }

        void writeTo(Memory block) {
            block.write(0, image().array(), 0, Math.max(size, 1));
        }

        /** A block of just the strings. */
        Memory write() {
            Memory block = allocate();
            writeTo(block);
            return block;
        }
    }
}
