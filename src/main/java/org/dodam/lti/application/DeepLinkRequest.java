package org.dodam.lti.application;

import java.io.Serializable;
import org.dodam.lti.application.LaunchVerifier.DeepLinkingSettings;

/**
 * A teacher's deep linking request, kept in their session between the launch and the lesson picker's answer: which
 * registration and deployment it came through, and the platform's settings. Used once.
 */
public record DeepLinkRequest(long registrationId, String deploymentId, DeepLinkingSettings settings)
        implements Serializable {

    /** The session attribute that holds it. */
    public static final String SESSION_KEY = "dodam.lti.deepLink";
}
