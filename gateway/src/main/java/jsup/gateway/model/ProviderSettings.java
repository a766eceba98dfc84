package jsup.gateway.model;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import jsup.gateway.logging.Secrets;

/**
 * One OpenAI-compatible provider ({@code models.providers.<name>}).
 *
 * @param name    the provider name used in model references
 * @param baseUrl the API root, ending before {@code /chat/completions} (for OpenRouter
 *                {@code https://openrouter.ai/api/v1})
 * @param apiKey  the key, or null when none is configured; a secret, never logged
 */
public record ProviderSettings(String name, URI baseUrl, String apiKey) {

    public static final URI OPENROUTER_BASE_URL = URI.create("https://openrouter.ai/api/v1");

    /** The environment variable that supplies a provider's key when the config has none ({@code OPENROUTER_API_KEY}). */
    public static String keyVariable(String provider) {
        return provider.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_API_KEY";
    }

    public boolean hasKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /**
     * Whether the gateway may call this provider: it has a key, or it runs on this machine
     * (a local server such as llama.cpp or vLLM usually needs none).
     */
    public boolean usable() {
        return hasKey() || isLoopback();
    }

    public boolean isLoopback() {
        String host = baseUrl.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Only literal addresses: a name lookup here would reach DNS.
            return (host.matches("[0-9.]+") || host.contains(":")) && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The endpoint for {@code path} below the base URL ({@code "chat/completions"}, {@code "models"}). */
    public URI endpoint(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }

    @Override
    public String toString() {
        return "ProviderSettings[name=" + name + ", baseUrl=" + baseUrl + ", apiKey=" + Secrets.describe(apiKey) + "]";
    }
}
