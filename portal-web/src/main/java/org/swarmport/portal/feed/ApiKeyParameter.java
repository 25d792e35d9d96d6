package org.swarmport.portal.feed;

import jakarta.servlet.http.HttpServletRequest;

/** The {@code apikey} a feed was asked with (Torznab's name for it), or null when none is given. */
final class ApiKeyParameter {

    private ApiKeyParameter() {
    }

    static String of(HttpServletRequest request) {
        String key = request.getParameter("apikey");
        return key == null || key.isBlank() ? null : key.strip();
    }
}
