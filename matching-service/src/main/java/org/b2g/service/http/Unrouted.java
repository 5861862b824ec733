package org.b2g.service.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * What answers an API address no route took: 405 with {@code Allow} when the path is one of the API's but the
 * method is not (a client sending PATCH, or POST where PUT is meant, learns what would work), 404 otherwise. The
 * routes are those of the OpenAPI table, which a test keeps equal to the ones the services register.
 */
final class Unrouted {

    private record Route(Pattern path, String method) {
    }

    private static final List<Route> ROUTES = routes();

    private Unrouted() {
    }

    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (OpenApi.Operation operation : OpenApi.OPERATIONS) {
            String regex = Pattern.quote(operation.path()).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q");
            routes.add(new Route(Pattern.compile(regex), operation.method().toUpperCase(Locale.ROOT)));
            if (operation.method().equalsIgnoreCase("get") && HeadLikeGet.takesHead(operation.path())) {
                routes.add(new Route(Pattern.compile(regex), "HEAD"));
            }
        }
        return List.copyOf(routes);
    }

    /** The methods the API answers at {@code path}; empty when it has no such address. */
    static Set<String> allowed(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : ROUTES) {
            if (route.path().matcher(path).matches()) {
                methods.add(route.method());
            }
        }
        return methods;
    }

    static void handle(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        String method = req.prologue().method().text();
        if (method.equals("HEAD")) {
            HeadLikeGet.dropBody(res);
        }
        Set<String> allowed = allowed(path);
        if (allowed.isEmpty()) {
            Problems.send(req, res, Status.NOT_FOUND_404, "The API has no address " + path + "; GET /api/openapi"
                    + " lists them.");
            return;
        }
        res.header(HeaderNames.ALLOW, String.join(", ", allowed));
        Problems.send(req, res, Status.METHOD_NOT_ALLOWED_405, method + " is not allowed on " + path
                + "; allowed: " + String.join(", ", allowed) + ".");
    }
}
