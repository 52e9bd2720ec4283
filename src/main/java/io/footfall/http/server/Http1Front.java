package io.footfall.http.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

import java.util.Set;

/**
 * Takes every connection and hands it to Helidon's
 * HTTP/1 connection with its bytes read through {@link ClientBytes}: reads bounded by {@link ReadTimeouts},
 * HTTP/1.0 requests served as 1.1 (Helidon alone answers them 505). The listener's only selector, so Helidon
 * passes it every connection before reading a byte (the first read, too, is then bounded).
 */
public final class Http1Front implements ServerConnectionSelector {
    private static final int MAX_PROLOGUE = 2048;

    private final ReadTimeouts timeouts;
    private final Http1ConnectionSelector http1 = Http1ConnectionSelector.builder().config(Http1Config.create()).build();

    public Http1Front(ReadTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData request) {
        int lineEnd = request.indexOf((byte) '\n');
        if (lineEnd == -1) return request.available() <= MAX_PROLOGUE ? Support.SUPPORTED : Support.UNSUPPORTED;
        String line = request.readString(lineEnd);
        return line.endsWith(" HTTP/1.1\r") || line.endsWith(" HTTP/1.0\r") ? Support.SUPPORTED : Support.UNSUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        DataReader reader = DataReader.create(new ClientBytes(ctx.dataReader(), timeouts.watch()));
        return http1.connection(new ConnectionContextWithReader(ctx, reader));
    }
}
