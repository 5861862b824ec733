package org.b2g.service.http;

import io.helidon.http.Status;

/** A request the API refuses, with the status and the one-line detail of its problem document. */
final class ApiException extends RuntimeException {

    private final Status status;

    ApiException(Status status, String detail) {
        super(detail);
        this.status = status;
    }

    Status status() {
        return status;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(Status.BAD_REQUEST_400, detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(Status.NOT_FOUND_404, detail);
    }

    static ApiException conflict(String detail) {
        return new ApiException(Status.CONFLICT_409, detail);
    }
}
