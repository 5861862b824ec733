package org.b2g.service.http;

import org.b2g.core.domain.Event;
import org.b2g.core.io.EventJson;
import org.b2g.service.Backend;
import org.b2g.service.persistence.EventRepository.StoredEvent;

/** Finding the event a route names, or answering 404: the same wording from every resource. */
final class EventLookup {

    private EventLookup() {
    }

    /** The stored event; 404 when there is none. */
    static StoredEvent stored(Backend backend, String id) {
        StoredEvent stored = backend.database().inTransaction(c -> backend.events().find(c, id));
        if (stored == null) {
            throw notFound(id);
        }
        return stored;
    }

    /** The stored event read back into the domain; 404 when there is none. */
    static Event read(Backend backend, String id) {
        return EventJson.read(stored(backend, id).body(), "event " + id);
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("There is no event (" + id + ").");
    }

    static ApiException noParticipant(String eventId, String participantId) {
        return ApiException.notFound("The event (" + eventId + ") has no participant (" + participantId + ").");
    }
}
