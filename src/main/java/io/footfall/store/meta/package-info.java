/**
 * The metadata records {@link io.footfall.store.MetaStore} and its sibling stores read and write (users, teams,
 * websites, shares, links, pixels, segments, boards, API keys, saved reports, preferences). They sit beside the store
 * so that {@code store} needs nothing from {@code manage}, whose services apply the rules to them.
 */
package io.footfall.store.meta;
