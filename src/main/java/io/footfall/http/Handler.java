package io.footfall.http;

/** One route's logic: read the request, call a service, return a reply. Throw {@link ApiException} for 4xx. */
@FunctionalInterface
public interface Handler {
    Reply handle(ApiRequest request) throws Exception;
}
