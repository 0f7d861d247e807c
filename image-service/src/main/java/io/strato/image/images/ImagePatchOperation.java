package io.strato.image.images;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One operation of a {@code PATCH /v2/images/{id}} body, for /q/openapi only: the body is read as text and
 * {@link ImagePatch} applies each operation with Glance's rules and messages (a value's type depends on its path).
 */
@Schema(name = "ImagePatchOperation")
public record ImagePatchOperation(
        @Schema(required = true, enumeration = {"add", "replace", "remove"}) String op,
        @Schema(required = true, description = "/<attribute>, /<property> or /tags/<index>") String path,
        @Schema(description = "The new value; absent for remove") Object value) {
}
