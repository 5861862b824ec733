package org.b2g.service.http;

import java.io.IOException;
import java.io.OutputStream;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;

/**
 * A resource whose GET routes answer HEAD too (RFC 9110: the same status and headers, no body), so that a client
 * checking an address or an ETag is not told 405. The handler runs as for GET, its body is dropped on the way out;
 * the server then states {@code Content-Length: 0}, since it counts the bytes it sends. An event stream has no end
 * to answer HEAD with and stays GET only.
 */
final class HeadLikeGet implements HttpService {

    private final HttpService service;

    HeadLikeGet(HttpService service) {
        this.service = service;
    }

    /** Whether the GET route at {@code pathPattern} answers HEAD too. */
    static boolean takesHead(String pathPattern) {
        return !pathPattern.endsWith("/stream");
    }

    @Override
    public void routing(HttpRules rules) {
        service.routing(new Rules(rules));
    }

    private static Handler bodiless(Handler handler) {
        return (req, res) -> {
            dropBody(res);
            handler.handle(req, res);
        };
    }

    /** Whatever {@code res} is sent with leaves without its body (the answer to a HEAD request). */
    static void dropBody(ServerResponse res) {
        res.streamFilter(out -> new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) {
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        });
    }

    /** The service's rules, with a HEAD route beside each GET route. */
    private static final class Rules implements HttpRules {

        private final HttpRules rules;

        Rules(HttpRules rules) {
            this.rules = rules;
        }

        @Override
        public HttpRules get(String pathPattern, Handler... handlers) {
            rules.get(pathPattern, handlers);
            if (takesHead(pathPattern)) {
                for (Handler handler : handlers) {
                    rules.head(pathPattern, bodiless(handler));
                }
            }
            return this;
        }

        @Override
        public HttpRules post(String pathPattern, Handler... handlers) {
            rules.post(pathPattern, handlers);
            return this;
        }

        @Override
        public HttpRules put(String pathPattern, Handler... handlers) {
            rules.put(pathPattern, handlers);
            return this;
        }

        @Override
        public HttpRules delete(String pathPattern, Handler... handlers) {
            rules.delete(pathPattern, handlers);
            return this;
        }

        @Override
        public HttpRules patch(String pathPattern, Handler... handlers) {
            rules.patch(pathPattern, handlers);
            return this;
        }

        @Override
        public HttpRules register(HttpService... services) {
            for (HttpService s : services) {
                rules.register(new HeadLikeGet(s));
            }
            return this;
        }

        @Override
        public HttpRules register(String pathPattern, HttpService... services) {
            for (HttpService s : services) {
                rules.register(pathPattern, new HeadLikeGet(s));
            }
            return this;
        }

        @Override
        public HttpRules route(HttpRoute route) {
            rules.route(route);
            return this;
        }
    }
}
