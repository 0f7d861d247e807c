import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;

/**
 * A trivial keep-alive HTTP/1.1 upstream for gateway/bench/local.sh: any request gets the same 50-byte JSON body.
 * Vert.x on one event loop, so that it costs the machine far less than the gateway in front of it (the Python
 * upstream.py serves ~5,000 req/s and would be the bottleneck at 16 connections).
 *
 *   java -cp 'gateway/target/quarkus-app/lib/main/*' gateway/bench/Upstream.java PORT
 */
public final class Upstream {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Buffer body = Buffer.buffer("{\"projects\": [{\"id\": \"0f6c4b6e\", \"name\": \"demo\"}]}");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        vertx.createHttpServer()
                .requestHandler(req -> req.response().putHeader("content-type", "application/json").end(body))
                .listen(port, "127.0.0.1")
                .onSuccess(s -> System.out.println("upstream on 127.0.0.1:" + s.actualPort()))
                .onFailure(e -> { e.printStackTrace(); System.exit(1); });
    }
}
