package io.strato.network.serviceproviders;

import io.strato.kit.web.Booleans;
import io.strato.network.api.ListRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The service providers Strato has (the {@code service-type} extension). Neutron lists the drivers of its
 * advanced services here; Strato's only one is the router, which its network agent runs on one host (what Neutron
 * calls the {@code single_node} L3 provider; Strato has no HA or distributed routers), so that is the default.
 * Filters are exact matches on {@code service_type}, {@code name} and {@code default} (a repeated filter means any
 * of); others are ignored, as in Neutron's other lists here.
 */
final class ServiceProviders {
    static final List<ServiceProviderView> ALL = List.of(
            new ServiceProviderView("L3_ROUTER_NAT", "single_node", true));

    private static final Map<String, Function<ServiceProviderView, String>> FILTERABLE = Map.of(
            "service_type", ServiceProviderView::serviceType,
            "name", ServiceProviderView::name,
            "default", p -> String.valueOf(p.isDefault()));

    private ServiceProviders() {
    }

    static List<ServiceProviderView> matching(ListRequest request) {
        return ALL.stream().filter(p -> matches(p, request.filters())).toList();
    }

    private static boolean matches(ServiceProviderView provider, Map<String, List<String>> filters) {
        for (Map.Entry<String, Function<ServiceProviderView, String>> f : FILTERABLE.entrySet()) {
            List<String> wanted = filters.get(f.getKey());
            if (wanted == null || wanted.isEmpty()) {
                continue;
            }
            String value = f.getValue().apply(provider);
            boolean any = wanted.stream().anyMatch(w -> "default".equals(f.getKey())
                    ? value.equals(String.valueOf(Booleans.isTrue(w)))
                    : value.equals(w));
            if (!any) {
                return false;
            }
        }
        return true;
    }
}
