/**
 * PostgreSQL's accelerator: rollup tables written in the same transaction as each batch's COPY ({@code SpanRows}),
 * and the readers behind {@link io.footfall.accelerate.postgres.PostgresAcceleratedAnalytics}, each exact (what the
 * rollups cannot answer for certain, such as a visit crossing an end of the range, is read from the event table) and
 * delegating to the reference path where they do not cover the request. docs/rollups.md is the map.
 */
package io.footfall.accelerate.postgres;
