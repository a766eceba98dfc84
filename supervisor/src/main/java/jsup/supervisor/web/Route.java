package jsup.supervisor.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * One path of jsupd's web listener. By the time it runs, {@link WebServer} has checked the Host
 * header and (unless the path is public) the token; a route answers the request and nothing else.
 */
@FunctionalInterface
public interface Route {

    void serve(HttpExchange exchange) throws IOException;
}
