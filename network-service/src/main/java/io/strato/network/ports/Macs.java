package io.strato.network.ports;

import io.smallrye.mutiny.Uni;
import io.strato.network.api.Neutron;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Port MACs: random {@code fa:16:3e:xx:xx:xx} (OpenStack's prefix), unique on their network. A drawn
 * MAC already in use is drawn again; the unique index on (network, MAC) still refuses the
 * one-in-millions race of two creates drawing the same new MAC at once.
 */
@ApplicationScoped
public class Macs {
    static final String PREFIX = "fa:16:3e";
    private static final int ATTEMPTS = 16;
    private final SecureRandom random = new SecureRandom();

    /** A MAC no port of the network has. */
    public Uni<String> fresh(Mutiny.Session s, UUID networkId) {
        return draw(s, networkId, ATTEMPTS);
    }

    /** 409 MacAddressInUse when a port of the network has {@code mac}. */
    public Uni<Void> checkFree(Mutiny.Session s, UUID networkId, String mac) {
        return used(s, networkId, mac).map(used -> {
            if (used) {
                throw Neutron.conflict("MacAddressInUse", "Unable to complete operation for network " + networkId
                        + ". The mac address " + mac + " is in use.");
            }
            return null;
        }).replaceWithVoid();
    }

    String random() {
        return String.format("%s:%02x:%02x:%02x", PREFIX, random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    private Uni<String> draw(Mutiny.Session s, UUID networkId, int attempts) {
        String mac = random();
        return used(s, networkId, mac).flatMap(used -> {
            if (!used) {
                return Uni.createFrom().item(mac);
            }
            if (attempts <= 1) {
                return Uni.createFrom().failure(Neutron.conflict("MacAddressGenerationFailure",
                        "Unable to generate unique mac on network " + networkId + "."));
            }
            return draw(s, networkId, attempts - 1);
        });
    }

    private static Uni<Boolean> used(Mutiny.Session s, UUID networkId, String mac) {
        return s.createNativeQuery("SELECT count(*) FROM port WHERE network_id = :n AND mac_address = :m", Long.class)
                .setParameter("n", networkId).setParameter("m", mac).getSingleResult().map(n -> n > 0);
    }
}
