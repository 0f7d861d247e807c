package io.strato.network.api;

import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import java.util.List;

/**
 * Neutron's typed faults, with the type names and messages neutron-lib gives them (clients and
 * Tempest match on the type). Thrown by domain code; {@link NeutronFaults} renders them.
 */
public final class Neutron {
    private Neutron() {
    }

    /**
     * 404 {@code <Kind>NotFound}: "Network 5f3... could not be found."; the type capitalises each word of the kind
     * ("Subnet pool" is SubnetPoolNotFound, as neutron-lib names it).
     */
    public static NotFound notFound(String kind, Object id) {
        StringBuilder type = new StringBuilder();
        for (String word : kind.split(" ")) {
            type.append(word.isEmpty() ? "" : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return new TypedNotFound(type + "NotFound", kind + " " + id + " could not be found.");
    }

    /** 400 {@code InvalidInput}: "Invalid input for operation: ...". */
    public static InvalidInput invalid(String detail) {
        return new TypedInvalid("InvalidInput", "Invalid input for operation: " + detail);
    }

    /** 400 with a type of its own (e.g. {@code InvalidAllocationPool}). */
    public static InvalidInput badRequest(String type, String message) {
        return new TypedInvalid(type, message);
    }

    /** 409 with a type of its own (e.g. {@code SubnetInUse}, {@code IpAddressGenerationFailure}). */
    public static Conflict conflict(String type, String message) {
        return new TypedConflict(type, message);
    }

    /** 403 with a type of its own (e.g. {@code AdminRequired}), for refusals that are not a policy rule's. */
    public static Forbidden forbidden(String type, String message) {
        return new TypedForbidden(type, message);
    }

    /** 409 {@code OverQuota}, as Neutron answers an exceeded quota: "Quota exceeded for resources: ['network']." */
    public static Conflict overQuota(List<String> resources) {
        return new TypedConflict("OverQuota", "Quota exceeded for resources: ['" + String.join("', '", resources) + "'].");
    }

    static final class TypedNotFound extends NotFound implements NeutronType {
        private final String type;

        TypedNotFound(String type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public String neutronType() {
            return type;
        }
    }

    static final class TypedInvalid extends InvalidInput implements NeutronType {
        private final String type;

        TypedInvalid(String type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public String neutronType() {
            return type;
        }
    }

    static final class TypedForbidden extends Forbidden implements NeutronType {
        private final String type;

        TypedForbidden(String type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public String neutronType() {
            return type;
        }
    }

    static final class TypedConflict extends Conflict implements NeutronType {
        private final String type;

        TypedConflict(String type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public String neutronType() {
            return type;
        }
    }
}
