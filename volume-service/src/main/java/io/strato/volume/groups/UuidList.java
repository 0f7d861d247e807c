package io.strato.volume.groups;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A list of ids stored as one text column, separated by commas (a group's volume types). */
@Converter
public class UuidList implements AttributeConverter<List<UUID>, String> {
    @Override
    public String convertToDatabaseColumn(List<UUID> ids) {
        return ids == null ? "" : String.join(",", ids.stream().map(UUID::toString).toList());
    }

    @Override
    public List<UUID> convertToEntityAttribute(String text) {
        List<UUID> out = new ArrayList<>();
        if (text != null) {
            for (String s : text.split(",")) {
                if (!s.isBlank()) {
                    out.add(UUID.fromString(s.trim()));
                }
            }
        }
        return out;
    }
}
