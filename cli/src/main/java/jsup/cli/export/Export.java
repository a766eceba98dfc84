package jsup.cli.export;

import java.util.List;

/**
 * What one export produced: its files in order, and the report of how each key was carried over.
 *
 * @param files  the files, in the order they are written or printed
 * @param report key by key: mapped, approximated or not mapped
 */
public record Export(List<ExportedFile> files, MappingReport report) {

    public Export {
        files = List.copyOf(files);
    }
}
