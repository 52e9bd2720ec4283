package io.footfall.collect.geo;

/**
 * Where a visitor is, as far as we can tell.
 *
 * @param country ISO 3166-1 alpha-2, upper case ({@code DE}), or null
 * @param region  ISO 3166-2 ({@code DE-BE}), or null when unknown or not mappable
 * @param city    city name as the source gives it, or null
 */
public record Location(String country, String region, String city) {

    public static final Location UNKNOWN = new Location(null, null, null);

    public boolean isUnknown() {
        return country == null && region == null && city == null;
    }
}
