/**
 * What the service stores, in plain SQL ({@code schema.sql}): the database and its transactions, one repository per
 * aggregate (events, schedules with their agendas and calendar versions, solve jobs, personal links). Every
 * repository method runs in the caller's transaction. Depends on the library's domain and io packages only.
 */
package org.b2g.service.persistence;
