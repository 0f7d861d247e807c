package io.strato.compute.saga;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.strato.compute.protocol.Topics;
import io.strato.kit.data.events.EventHandler;
import io.strato.kit.events.StratoEvent;
import org.jboss.logging.Logger;

/** An agent report of one kind, read from {@link Topics#REPORTS} into its protocol record. */
abstract class ReportHandler<R> implements EventHandler {
    private static final Logger LOG = Logger.getLogger(ReportHandler.class);

    private final String type;
    private final Class<R> record;
    private final ObjectMapper mapper;

    ReportHandler(String report, Class<R> record, ObjectMapper mapper) {
        this.type = Topics.reportType(report);
        this.record = record;
        this.mapper = mapper;
    }

    @Override
    public String topic() {
        return Topics.REPORTS;
    }

    @Override
    public boolean accepts(String eventType) {
        return type.equals(eventType);
    }

    @Override
    public Uni<Void> handle(StratoEvent event) {
        R report;
        try {
            report = mapper.treeToValue(event.data(), record);
        } catch (Exception e) {
            // a report this version cannot read is skipped, not retried forever
            LOG.warnf("skipping unreadable %s %s: %s", event.type(), event.id(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return apply(report);
    }

    abstract Uni<Void> apply(R report);
}
