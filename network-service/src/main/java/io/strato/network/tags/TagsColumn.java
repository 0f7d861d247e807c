package io.strato.network.tags;

import io.vertx.core.json.JsonArray;
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
 * A jsonb array of strings (the {@code tags} column) as a {@code List<String>}:
 * {@code @Type(TagsColumn.class) public List<String> tags}.
 *
 * <p>Why not {@code @JdbcTypeCode(SqlTypes.JSON)}: Hibernate Reactive 3.2's JSON type casts what the
 * Vert.x PostgreSQL client reads to a JSON object, so a jsonb array fails to load (ClassCastException
 * from JsonArray), and it binds through a JSON object too. This type hands the driver a Vert.x
 * {@link JsonArray} and reads one back.
 */
public class TagsColumn implements UserType<List<String>> {

    @Override
    public int getSqlType() {
        return Types.OTHER;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<List<String>> returnedClass() {
        return (Class) List.class;
    }

    @Override
    public List<String> nullSafeGet(ResultSet rs, int position, WrapperOptions options) throws SQLException {
        Object value = rs.getObject(position);
        JsonArray array;
        if (value == null) {
            return new ArrayList<>();
        } else if (value instanceof JsonArray a) {
            array = a;
        } else {
            array = new JsonArray(value.toString()); // a JSON text (a plain JDBC driver's PGobject or String)
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(String.valueOf(array.getValue(i)));
        }
        return out;
    }

    @Override
    public void nullSafeSet(PreparedStatement st, List<String> value, int index, WrapperOptions options) throws SQLException {
        st.setObject(index, new JsonArray(value == null ? new ArrayList<>() : new ArrayList<>(value)));
    }

    @Override
    public boolean equals(List<String> x, List<String> y) {
        return Objects.equals(x, y);
    }

    @Override
    public int hashCode(List<String> x) {
        return Objects.hashCode(x);
    }

    @Override
    public List<String> deepCopy(List<String> value) {
        return value == null ? null : new ArrayList<>(value);
    }

    @Override
    public boolean isMutable() {
        return true;
    }

    @Override
    public java.io.Serializable disassemble(List<String> value) {
        return value == null ? null : new ArrayList<>(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> assemble(java.io.Serializable cached, Object owner) {
        return cached == null ? null : new ArrayList<>((List<String>) cached);
    }
}
