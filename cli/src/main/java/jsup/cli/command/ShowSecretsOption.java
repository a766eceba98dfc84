package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import jsup.cli.render.SecretMask;
import picocli.CommandLine.Option;

/** {@code --show-secrets} of {@code env}, {@code describe} and {@code list}: without it, {@link SecretMask} applies. */
final class ShowSecretsOption {

    @Option(names = "--show-secrets", description = "Print the values of secret-looking keys (containing TOKEN, KEY, "
            + "SECRET, PASS, WEBHOOK or CREDENTIAL, or the word DSN, AUTH or COOKIE; any case) and URL passwords "
            + "instead of " + SecretMask.MASK + ".")
    boolean showSecrets;

    /** {@code node} as the user asked to see it. */
    JsonNode apply(JsonNode node) {
        return SecretMask.shown(node, showSecrets);
    }
}
