package io.strato.kit.serviceauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProxySignatureTest {

    @Test
    void theHexHmacSha256OfTheInstanceId() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                ProxySignature.sign("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void onlyTheSameSecretAndInstanceVerify() {
        String s = ProxySignature.sign("secret", "instance-1");
        assertTrue(ProxySignature.valid("secret", "instance-1", s));
        assertFalse(ProxySignature.valid("other", "instance-1", s));
        assertFalse(ProxySignature.valid("secret", "instance-2", s));
        assertFalse(ProxySignature.valid("secret", "instance-1", null));
    }
}
