package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import jsup.supervisor.sockets.HeldSocket;

/** An app's held listening sockets as the app object's {@code sockets} (docs/control-protocol.md). */
final class SocketsJson {

    private SocketsJson() {
    }

    /** One object per socket, in the order the app gets them: {@code fd} is the app's (3, 4, ...). */
    static ArrayNode render(List<HeldSocket> held) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < held.size(); i++) {
            HeldSocket socket = held.get(i);
            list.addObject().put("name", socket.name()).put("listen", socket.spec().listen().text())
                    .put("bound", socket.bound()).put("fd", 3 + i);
        }
        return list;
    }
}
