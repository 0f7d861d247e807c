package io.strato.network.networks;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.usertype.UserType;

/**
 * A jsonb array column as a Java list: {@code @Type(JsonListColumn.Strings.class)} for
 * {@code ["8.8.8.8"]} (DNS servers, tags), {@code @Type(JsonListColumn.Objects.class)} for
 * {@code [{"start": ..., "end": ...}]} (allocation pools, host routes, address pairs).
 *
 * <p>Why not {@code @JdbcTypeCode(SqlTypes.JSON)}: Hibernate Reactive's JSON type binds and reads
 * through a Vert.x JSON object, so a jsonb array fails both ways. This type hands the driver a
 * {@link JsonArray} and reads one back.
 */
public abstract class JsonListColumn<E> implements UserType<List<E>> {

    /** Each element as the list holds it. */
    protected abstract E element(Object json);

    /** Each element as the driver takes it. */
    protected abstract Object json(E element);

    /** {@code ["a", "b"]} */
    public static final class Strings extends JsonListColumn<String> {
        @Override
        protected String element(Object json) {
            return String.valueOf(json);
        }

        @Override
        protected Object json(String element) {
            return element;
        }
    }

    /** {@code [{"k": "v"}, ...]} with string values. */
    public static final class Objects extends JsonListColumn<Map<String, String>> {
        @Override
        protected Map<String, String> element(Object json) {
            Map<String, String> m = new LinkedHashMap<>();
            if (json instanceof JsonObject o) {
                o.forEach(e -> m.put(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue())));
            }
            return m;
        }

        @Override
        protected Object json(Map<String, String> element) {
            return new JsonObject(new LinkedHashMap<>(element));
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
        JsonArray array = value instanceof JsonArray a ? a : new JsonArray(value.toString());
        List<E> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(element(array.getValue(i)));
        }
        return out;
    }

    @Override
    public void nullSafeSet(PreparedStatement st, List<E> value, int index, WrapperOptions options) throws SQLException {
        JsonArray array = new JsonArray();
        if (value != null) {
            value.forEach(e -> array.add(json(e)));
        }
        st.setObject(index, array);
    }

    @Override
    public boolean equals(List<E> x, List<E> y) {
        return java.util.Objects.equals(x, y);
    }

    @Override
    public int hashCode(List<E> x) {
        return java.util.Objects.hashCode(x);
    }

    @Override
    public List<E> deepCopy(List<E> value) {
        if (value == null) {
            return null;
        }
        List<E> copy = new ArrayList<>(value.size());
        for (E e : value) {
            copy.add(e instanceof Map<?, ?> m ? copyMap(m) : e);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private E copyMap(Map<?, ?> m) {
        return (E) new LinkedHashMap<>(m);
    }

    @Override
    public boolean isMutable() {
        return true;
    }

    @Override
    public Serializable disassemble(List<E> value) {
        return value == null ? null : new ArrayList<>(deepCopy(value));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<E> assemble(Serializable cached, Object owner) {
        return cached == null ? null : deepCopy((List<E>) cached);
    }
}
