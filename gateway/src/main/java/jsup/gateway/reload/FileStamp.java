package jsup.gateway.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** What polling compares: each watched file's modification time and size (or its absence). */
record FileStamp(List<String> parts) {

    static FileStamp of(List<Path> files) {
        return new FileStamp(files.stream().map(FileStamp::stamp).toList());
    }

    private static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() + ":" + a.size() + ":" + a.fileKey();
        } catch (IOException e) {
            return "absent";
        }
    }
}
