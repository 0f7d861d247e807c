package io.strato.image.members;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Glance v2 image members: {@code /v2/images/{image_id}/members}. */
@Path("/v2/images/{imageId}/members")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {
    private final MemberService service;
    private final CurrentCaller caller;

    public MemberResource(MemberService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<MemberView.Many> list(@PathParam("imageId") String imageId) {
        Caller c = caller.get();
        return service.list(c, imageId).map(MemberView.Many::of);
    }

    @GET
    @Path("{memberId}")
    public Uni<MemberView> get(@PathParam("imageId") String imageId, @PathParam("memberId") String memberId) {
        Caller c = caller.get();
        return service.get(c, imageId, memberId).map(MemberView::of);
    }

    @POST
    public Uni<MemberView> add(@PathParam("imageId") String imageId, MemberView.NewMember body) {
        Caller c = caller.get();
        if (body == null) {
            throw new InvalidInput("Request body must be a JSON object with a 'member' string.");
        }
        return service.add(c, imageId, body.member()).map(MemberView::of);
    }

    @PUT
    @Path("{memberId}")
    public Uni<MemberView> answer(@PathParam("imageId") String imageId, @PathParam("memberId") String memberId,
                                  MemberView.StatusChange body) {
        Caller c = caller.get();
        if (body == null || body.status() == null) {
            throw new InvalidInput("Request body must be a JSON object with a 'status' of pending, accepted or rejected.");
        }
        MemberStatus.parse(body.status());
        return service.answer(c, imageId, memberId, body.status()).map(MemberView::of);
    }

    @DELETE
    @Path("{memberId}")
    public Uni<Response> remove(@PathParam("imageId") String imageId, @PathParam("memberId") String memberId) {
        Caller c = caller.get();
        return service.remove(c, imageId, memberId).map(v -> Response.noContent().build());
    }
}
