package io.footfall.collect;

import java.util.function.Function;

/** The transport facts of a hit that are not in its body: headers and the TCP peer. Never stored. */
public record HitContext(Function<String, String> header, String peerAddress) {
}
