package jsup.gateway.model;

/**
 * A model reference as written in the config: {@code provider/model-id}, split on the first
 * slash, so {@code openrouter/mistralai/devstral-2512} is model {@code mistralai/devstral-2512}
 * at provider {@code openrouter}.
 */
public record ModelRef(String provider, String modelId) {

    public ModelRef {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("model reference without provider: \"" + provider + "/" + modelId + "\"");
        }
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("model reference without model id: \"" + provider + "/\"");
        }
    }

    /** Parses {@code provider/model-id}; throws when there is no slash or a side is empty. */
    public static ModelRef parse(String ref) {
        int slash = ref == null ? -1 : ref.indexOf('/');
        if (slash <= 0 || slash == ref.length() - 1) {
            throw new IllegalArgumentException("\"" + ref + "\" is not a model reference; write provider/model-id, "
                    + "for example openrouter/mistralai/devstral-2512");
        }
        return new ModelRef(ref.substring(0, slash).trim(), ref.substring(slash + 1).trim());
    }

    @Override
    public String toString() {
        return provider + "/" + modelId;
    }
}
