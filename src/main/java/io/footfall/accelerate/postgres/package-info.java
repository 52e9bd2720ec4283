/**
 * PostgreSQL's accelerator: rollup tables written in the same transaction as each batch's COPY, and the readers
 * behind {@link io.footfall.accelerate.postgres.PostgresAcceleratedAnalytics}, each exact (whole hours from the
 * rollup, partial edge hours from the event table) and delegating to the reference path where a rollup does not
 * cover the request. docs/rollups.md is the map.
 */
package io.footfall.accelerate.postgres;
