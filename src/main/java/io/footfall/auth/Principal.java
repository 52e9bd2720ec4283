package io.footfall.auth;

import io.footfall.manage.User;

/** The authenticated caller of a request and the token it presented. */
public record Principal(User user, String token) {
}
