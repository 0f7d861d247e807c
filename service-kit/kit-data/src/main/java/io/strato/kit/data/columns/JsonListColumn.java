package io.strato.kit.data.columns;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.usertype.UserType;

/**
 * A jsonb array column as a Java list, written and read with Jackson: {@code @Type(JsonListColumn.Strings.class)}
 * for {@code ["8.8.8.8"]}, {@code @Type(JsonListColumn.StringMaps.class)} for {@code [{"start": .., "end": ..}]},
 * a subclass naming its element class for lists of records.
 *
 * <p>Why not {@code @JdbcTypeCode(SqlTypes.JSON)}: Hibernate Reactive's JSON type binds and reads through a
 * Vert.x JSON object, so a top-level array fails both ways. This type hands the driver a {@link JsonArray}
 * and reads one back.
 */
public abstract class JsonListColumn<E> implements UserType<List<E>> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JavaType listType;

    protected JsonListColumn(Class<E> element) {
        this(MAPPER.getTypeFactory().constructType(element));
    }

    protected JsonListColumn(JavaType element) {
        this.listType = MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }

    /** {@code ["a", "b"]} */
    public static final class Strings extends JsonListColumn<String> {
        public Strings() {
            super(String.class);
        }
    }

    /** {@code [{"k": "v"}, ...]}: objects whose values are read as strings. */
    public static final class StringMaps extends JsonListColumn<Map<String, String>> {
        public StringMaps() {
            super(MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, String.class));
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
    public void nullSafeSet(PreparedStatement st, List<E> value, int index, WrapperOptions options)
            throws SQLException {
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

    /** Strings and records are immutable; maps are copied, so the copy is deep. */
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
