package io.strato.image.data;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerHttpResponse;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Writes {@link ImageBytes} to the response one chunk at a time, reading the next chunk from the
 * store only once the previous one is handed to the connection, so a slow client holds one chunk,
 * not the image. The headers (Content-Length among them) are the resource's.
 */
@Provider
public class ImageBytesWriter implements ServerMessageBodyWriter<ImageBytes> {
    private static final Logger LOG = Logger.getLogger(ImageBytesWriter.class);

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return ImageBytes.class.isAssignableFrom(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ImageBytes.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(ImageBytes bytes, Type genericType, ServerRequestContext context) {
        ServerHttpResponse response = context.serverResponse();
        // Quarkus REST drops a Content-Length given on the Response; without it Vert.x refuses unchunked writes
        response.setResponseHeader("Content-Length", Long.toString(bytes.length()));
        var subscription = bytes.body()
                .onItem().transformToUniAndConcatenate(chunk -> Uni.createFrom().completionStage(
                        () -> response.write(chunk.getBytes())))
                .onItem().ignoreAsUni()
                .subscribe().with(done -> response.end(), failure -> {
                    // the status line is gone already: all that is left is to cut the connection short
                    LOG.warnf("image download stopped: %s", failure.getMessage());
                    if (!response.closed()) {
                        response.reset();
                    }
                });
        response.addCloseHandler(subscription::cancel);
    }

    @Override
    public void writeTo(ImageBytes bytes, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) {
        throw new UnsupportedOperationException("image bytes are only written by writeResponse");
    }
}
