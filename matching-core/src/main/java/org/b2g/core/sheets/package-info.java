/**
 * Events and schedules as spreadsheets ({@code docs/spreadsheets.md}): reading a workbook or a folder of CSV files
 * into a {@code b2g-event/1} document, and writing templates, events and schedules as {@code .xlsx} and CSV.
 * Depends on {@code domain} and {@code io}, Apache POI and Commons CSV.
 */
package org.b2g.core.sheets;
