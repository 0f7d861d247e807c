package io.strato.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The configured routes; a request goes to the route with the longest matching prefix. */
public final class RouteTable {

    private final List<Route> byLongestPrefix;
    private final List<Route> byName;

    public RouteTable(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        for (int i = 1; i < sorted.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (sorted.get(i).prefix().equals(sorted.get(j).prefix())) {
                    throw new IllegalArgumentException("routes " + sorted.get(j).name() + " and " + sorted.get(i).name()
                            + " share the path " + sorted.get(i).prefix());
                }
            }
        }
        this.byLongestPrefix = List.copyOf(sorted);
        List<Route> named = new ArrayList<>(routes);
        named.sort(Comparator.comparing(Route::name));
        this.byName = List.copyOf(named);
    }

    /** The route serving this raw request path, if any. */
    public Optional<Route> match(String path) {
        for (Route route : byLongestPrefix) {
            if (route.covers(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** All routes, sorted by name. */
    public List<Route> routes() {
        return byName;
    }
}
