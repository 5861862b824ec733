package org.b2g.service.http;

import static org.b2g.service.JsonFactory.JSON;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.b2g.service.persistence.Database;

/** {@code /api/health}: 200 when the service and its database answer, 503 otherwise. No token needed. */
final class HealthService implements HttpService {

    private final Database database;

    HealthService(Database database) {
        this.database = database;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::health);
    }

    private void health(ServerRequest req, ServerResponse res) {
        boolean up = database.isHealthy();
        res.status(up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        JsonAnswers.send(res, JSON.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("database", up ? "UP" : "DOWN")
                .build());
    }
}
