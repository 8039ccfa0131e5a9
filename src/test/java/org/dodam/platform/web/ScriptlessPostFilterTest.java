package org.dodam.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which nonces an Ajax post to a stateless page may keep: those PrimeFaces can read, as it makes them. */
class ScriptlessPostFilterTest {

    @Test
    void aNonceIsReadableWhenItIsBase64OfAUuidsText() {
        String nonce =
                Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        assertThat(ScriptlessPostFilter.readable(nonce)).isTrue();
        assertThat(ScriptlessPostFilter.readable(null)).isFalse();
        assertThat(ScriptlessPostFilter.readable("")).isFalse();
        assertThat(ScriptlessPostFilter.readable("not-a-nonce")).isFalse();
        assertThat(ScriptlessPostFilter.readable(
                        Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
    }
}
