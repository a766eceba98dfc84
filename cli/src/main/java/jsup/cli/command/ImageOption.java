package jsup.cli.command;

import picocli.CommandLine.Option;

/** {@code --image} of the Kubernetes and Compose exports. */
final class ImageOption {

    @Option(names = "--image", paramLabel = "IMAGE", description = "The image of the apps: one that holds jsup, the "
            + "apps and the ecosystem file at the same paths (docs/containers.md). Default: a REPLACE_ME placeholder.")
    String image;
}
