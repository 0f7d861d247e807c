package io.strato.compute.agent.handlers;

import io.strato.compute.agent.libvirt.DomainPower;
import java.util.UUID;

/** What every handler has: its command name and record type, the guests it works on, the "no domain" failure. */
abstract class HandlerBase<C> implements CommandHandler<C> {

    protected final GuestControl guests;
    private final String command;
    private final Class<C> type;

    protected HandlerBase(String command, Class<C> type, GuestControl guests) {
        this.command = command;
        this.type = type;
        this.guests = guests;
    }

    @Override
    public final String command() {
        return command;
    }

    @Override
    public final Class<C> commandType() {
        return type;
    }

    /** The outcome of a command for a server that has no domain here (all but spawn and delete fail then). */
    protected static Outcome noDomain(UUID serverId) {
        return Outcome.failed(DomainPower.NOSTATE, "server " + serverId + " has no domain on this host");
    }
}
