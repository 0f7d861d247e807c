package io.strato.compute.servers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.usertype.UserType;

/**
 * A jsonb array column as a list of immutable values (strings or records), written and read with Jackson.
 * Hibernate Reactive's own JSON type goes through a Vert.x JSON object, so a top-level array fails both
 * ways; this type hands the driver a {@link JsonArray} (network-service's JsonListColumn does the same).
 */
public abstract class JsonListColumn<E> implements UserType<List<E>> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JavaType listType;

    protected JsonListColumn(Class<E> element) {
        this.listType = MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }

    public static final class Strings extends JsonListColumn<String> {
        public Strings() {
            super(String.class);
        }
    }

    public static final class RequestedNetworks extends JsonListColumn<Server.RequestedNetwork> {
        public RequestedNetworks() {
            super(Server.RequestedNetwork.class);
        }
    }

    public static final class SecurityGroups extends JsonListColumn<Server.SecurityGroup> {
        public SecurityGroups() {
            super(Server.SecurityGroup.class);
        }
    }

    public static final class Addresses extends JsonListColumn<ServerPort.Address> {
        public Addresses() {
            super(ServerPort.Address.class);
        }
    }

    @Override
    public int getSqlType() {
        return Types.OTHER;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<List<E>> returnedClass() {
        return (Class) List.class;
    }

    @Override
    public List<E> nullSafeGet(ResultSet rs, int position, WrapperOptions options) throws SQLException {
        Object value = rs.getObject(position);
        if (value == null) {
            return new ArrayList<>();
        }
        String json = value instanceof JsonArray a ? a.encode() : value.toString();
        try {
            return new ArrayList<>(MAPPER.readValue(json, listType));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable jsonb list: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void nullSafeSet(PreparedStatement st, List<E> value, int index, WrapperOptions options) throws SQLException {
        try {
            st.setObject(index, new JsonArray(MAPPER.writeValueAsString(value == null ? List.of() : value)));
        } catch (JsonProcessingException e) {
            throw new SQLException("list not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean equals(List<E> x, List<E> y) {
        return Objects.equals(x, y);
    }

    @Override
    public int hashCode(List<E> x) {
        return Objects.hashCode(x);
    }

    /** Elements are immutable (strings, records): a copy of the list is a deep copy. */
    @Override
    public List<E> deepCopy(List<E> value) {
        return value == null ? null : new ArrayList<>(value);
    }

    @Override
    public boolean isMutable() {
        return true;
    }

    @Override
    public Serializable disassemble(List<E> value) {
        return value == null ? null : new ArrayList<>(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<E> assemble(Serializable cached, Object owner) {
        return cached == null ? null : new ArrayList<>((List<E>) cached);
    }
}
