package jsup.gateway.telegram;

import java.util.Set;

/**
 * Decides whether a message's sender may talk to the bot. In private chats {@code dmPolicy}
 * decides; in groups only {@code allowFrom} users are answered whatever the policy, so adding
 * the bot to a group never opens it to the whole group.
 */
final class SenderFilter {

    private final TelegramSettings.DmPolicy dmPolicy;
    private final Set<Long> allowFrom;

    SenderFilter(TelegramSettings.DmPolicy dmPolicy, Set<Long> allowFrom) {
        this.dmPolicy = dmPolicy == null ? TelegramSettings.DmPolicy.ALLOWLIST : dmPolicy;
        this.allowFrom = allowFrom == null ? Set.of() : Set.copyOf(allowFrom);
    }

    boolean allows(TelegramUpdate.Message message) {
        Long sender = message.fromId();
        if (sender == null) {
            return false;
        }
        if (message.isPrivate() && dmPolicy == TelegramSettings.DmPolicy.OPEN) {
            return true;
        }
        return allowFrom.contains(sender);
    }
}
