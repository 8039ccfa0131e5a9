package org.dodam.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dodam.platform.PlatformSettings;

/**
 * Who is on the other end of a request, for rate limits only (the address is never stored or logged). It
 * is the connection's address, unless that connection comes from a proxy the operator trusts
 * (DODAM_TRUSTED_PROXIES: addresses or CIDR ranges, comma-separated): then it is the right-most address
 * of {@code X-Forwarded-For} that is not itself a trusted proxy. A header from anyone else is ignored, since
 * any client can write one to dodge a limit or to push another client into it.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    PlatformSettings settings;

    private List<Range> trusted = List.of();

    @PostConstruct
    void read() {
        trusted = settings.trustedProxies();
    }

    /** A client address list for tests, outside the container. */
    public static ClientAddress trusting(String proxies) {
        ClientAddress address = new ClientAddress();
        address.trusted = proxies == null ? List.of() : Range.list(proxies);
        return address;
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    String of(String remote, String forwardedFor) {
        if (!isTrusted(remote) || forwardedFor == null || forwardedFor.isBlank()) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return remote;
    }

    /** Whether a connection from this address comes from a proxy the operator trusts (DODAM_TRUSTED_PROXIES). */
    public boolean trusts(String remote) {
        return isTrusted(remote);
    }

    private boolean isTrusted(String address) {
        if (trusted.isEmpty()) {
            return false;
        }
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && trusted.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    /** The bytes of an IP address literal; never a name look-up. */
    static Optional<byte[]> literal(String address) {
        if (address == null || !address.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address or a CIDR range of addresses, as DODAM_TRUSTED_PROXIES lists them. */
    public record Range(byte[] network, int prefix) {

        /** The ranges of a comma-separated list; an entry that is no address or range throws. */
        public static List<Range> list(String commaSeparated) {
            List<Range> ranges = new ArrayList<>();
            for (String entry : commaSeparated.split(",")) {
                if (!entry.isBlank()) {
                    ranges.add(parse(entry.strip()));
                }
            }
            return List.copyOf(ranges);
        }

        static Range parse(String entry) {
            String[] parts = entry.split("/", 2);
            byte[] network = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + entry));
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + entry);
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE
                    .shiftLeft(bits)
                    .subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
