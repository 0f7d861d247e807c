package io.strato.compute.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query parameters a GET of Nova's takes once its query schema forbids others ({@code additionalProperties:
 * false}, 2.75 for most): from 2.{@link #since()} any other parameter is 400, checked by {@link StrictQueryFilter}
 * before the resource method (Nova validates the query before its policy check).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface QueryKeys {
    String[] value();

    int since() default 75;
}
