/**
 * The API: one Helidon {@code HttpService} per resource, access checks ({@code Access}), request bodies,
 * security headers, the OpenAPI document and the one place where failures become {@code problem+json}
 * ({@code Problems}). Resources share event lookup ({@code EventLookup}) and JSON views ({@code Views}) rather than
 * calling each other. Depends on the {@code Backend} (persistence and solving) and on the library's domain, io,
 * matching and solver packages.
 */
package org.b2g.service.http;
