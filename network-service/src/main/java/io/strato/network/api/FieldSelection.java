package io.strato.network.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET whose answer Neutron cuts to the {@code ?fields=a&fields=b} the client asked for
 * (a list's items, or a show's resource); {@link FieldSelectionFilter} does the cutting, so the
 * method itself returns its whole typed view.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FieldSelection {
}
