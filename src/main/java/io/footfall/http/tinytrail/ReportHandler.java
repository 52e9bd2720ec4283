package io.footfall.http.tinytrail;

import io.footfall.http.Reply;
import io.footfall.store.EventStore;

/** One report's answer to a request whose common parameters are checked: its JSON data or its CSV. */
@FunctionalInterface
interface ReportHandler {
    Reply answer(ReportRequest q, EventStore events) throws Exception;
}
