package org.dodam.lti.application;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platforms' key sets, fetched from their key-set addresses and kept in this instance's memory for
 * {@link #TIME_TO_LIVE}. A token signed with a key id the cached set lacks makes one fetch at once (Nimbus's
 * {@code JWKSetBasedJWKSource} refreshes the cache when no key matches): that is how a platform's new key is found
 * the moment it starts using it. Fetches are limited ({@link #MIN_REFETCH_INTERVAL}, Nimbus counting the first
 * fetch and one refresh in each interval), bounded in time and size, and never follow a failure with retries, so
 * forged launches with made-up key ids cannot make Dodam hammer a platform.
 */
@ApplicationScoped
public class PlatformKeySets {

    static final long TIME_TO_LIVE = 5 * 60_000L;
    static final long REFRESH_TIMEOUT = 5_000L;
    static final long MIN_REFETCH_INTERVAL = 10_000L;
    static final int CONNECT_TIMEOUT = 3_000;
    static final int READ_TIMEOUT = 3_000;
    static final int SIZE_LIMIT = 64 * 1024;

    private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

    /** The key source of one key-set address, made on first use. */
    public JWKSource<SecurityContext> of(String jwksUrl) {
        return sources.computeIfAbsent(jwksUrl, PlatformKeySets::remote);
    }

    private static JWKSource<SecurityContext> remote(String jwksUrl) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(
                            URI.create(jwksUrl).toURL(),
                            new DefaultResourceRetriever(CONNECT_TIMEOUT, READ_TIMEOUT, SIZE_LIMIT))
                    .cache(TIME_TO_LIVE, REFRESH_TIMEOUT)
                    .refreshAheadCache(false)
                    .rateLimited(MIN_REFETCH_INTERVAL)
                    .retrying(false)
                    .outageTolerant(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new LaunchRefused(LaunchRefused.Reason.KEYS_UNAVAILABLE);
        }
    }
}
