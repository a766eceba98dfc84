package jsup.gateway.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jsup.gateway.http.StaleConnectionRetry;
import jsup.gateway.logging.Secrets;

/**
 * OpenAI-compatible HTTP: {@code POST <baseUrl>/chat/completions} and {@code GET <baseUrl>/models},
 * with the provider's key as a bearer token. One shared {@link HttpClient}; every failure is
 * turned into a {@link ModelOutcome.Failed} with its kind, never thrown.
 */
public final class ChatCompletionsClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 300;

    private final HttpClient http;

    public ChatCompletionsClient(Duration connectTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Asks {@code modelId} at {@code provider} to continue {@code messages}. */
    public ModelOutcome complete(ProviderSettings provider, String modelId, List<ChatMessage> messages, Duration timeout)
            throws InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", modelId);
        ArrayNode list = body.putArray("messages");
        for (ChatMessage m : messages) {
            list.addObject().put("role", m.role()).put("content", m.content());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(provider.endpoint("chat/completions"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Title", "jsup gateway")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (provider.hasKey()) {
            request.header("Authorization", "Bearer " + provider.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return new ModelOutcome.Failed(FailureKind.CONNECTION, "connect timed out");
        } catch (HttpTimeoutException e) {
            return new ModelOutcome.Failed(FailureKind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return new ModelOutcome.Failed(FailureKind.CONNECTION, "cannot connect to " + provider.baseUrl().getAuthority());
        } catch (IOException e) {
            // Not retried (a completion is not idempotent): CONNECTION moves on to the next model in the chain.
            return new ModelOutcome.Failed(FailureKind.CONNECTION, Secrets.redact(e.toString()));
        }
        if (response.statusCode() / 100 != 2) {
            return new ModelOutcome.Failed(FailureKind.ofHttp(response.statusCode(), response.body()),
                    "HTTP " + response.statusCode() + errorMessage(response.body()));
        }
        try {
            JsonNode content = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                return new ModelOutcome.Failed(FailureKind.BAD_RESPONSE, "no choices[0].message.content in the reply");
            }
            return new ModelOutcome.Answered(content.textValue());
        } catch (IOException e) {
            return new ModelOutcome.Failed(FailureKind.BAD_RESPONSE, "reply is not JSON");
        }
    }

    /**
     * The model ids {@code GET <baseUrl>/models} lists.
     *
     * @throws IOException when the list cannot be fetched or read (the message says why, secrets masked)
     */
    public List<String> listModels(ProviderSettings provider, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(provider.endpoint("models")).timeout(timeout)
                .header("Accept", "application/json").GET();
        if (provider.hasKey()) {
            request.header("Authorization", "Bearer " + provider.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = StaleConnectionRetry.send(http, request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(Secrets.redact(e.getClass().getSimpleName() + ": " + e.getMessage()), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + errorMessage(response.body()));
        }
        JsonNode data = JSON.readTree(response.body()).path("data");
        List<String> ids = new ArrayList<>();
        for (JsonNode m : data) {
            if (m.path("id").isTextual()) {
                ids.add(m.path("id").textValue());
            }
        }
        if (ids.isEmpty() && !data.isArray()) {
            throw new IOException("the reply has no \"data\" list of models");
        }
        return ids;
    }

    /** ": <error.message>" from an OpenAI-style error body, shortened and with secrets masked. */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String message;
        try {
            JsonNode error = JSON.readTree(body).path("error");
            message = error.isTextual() ? error.textValue() : error.path("message").asText("");
        } catch (IOException e) {
            message = body;
        }
        message = message.strip().replaceAll("\\s+", " ");
        if (message.isEmpty()) {
            return "";
        }
        if (message.length() > MAX_DETAIL) {
            message = message.substring(0, MAX_DETAIL) + "...";
        }
        return ": " + Secrets.redact(message);
    }
}
