package io.strato.compute.saga;

import static io.strato.compute.catalog.CatalogApi.newProject;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.strato.compute.catalog.CatalogRows;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The saga worker polls after every API commit and every finished step, so its query must stay one index scan: with
 * thousands of servers that have no task (ACTIVE, SHUTOFF), PostgreSQL answers it from {@code server_due_idx} (V51),
 * whose predicate every arm of {@link SagaWorker#DUE} implies. Before V51 the deadline arm was outside the saga
 * index's predicate and the plan was a BitmapOr of four index scans and a sort.
 */
@QuarkusTest
@WithTestResource(value = StratoInfraResource.class, initArgs = @ResourceArg(name = "database", value = "compute_catalog_test"))
@WithTestResource(TestIdentity.class)
class SagaPollPlanTest {
    @Inject
    DataSource db;

    @Test
    void thePollReadsTheIndexOfServersWithATaskNotTheWholeTable() throws SQLException {
        String project = newProject();
        CatalogRows rows = new CatalogRows(db);
        rows.update("INSERT INTO server (id, project_id, user_id, name, flavor_id, flavor, vm_state) "
                + "SELECT gen_random_uuid(), ?, 'u', 'plan', 'x', CAST('{}' AS jsonb), 'active' FROM generate_series(1, 5000)",
                project);
        try {
            rows.update("ANALYZE server");
            String plan = plan(SagaWorker.DUE.replace(":n", "64"));
            assertTrue(plan.contains("server_due_idx") && !plan.contains("Seq Scan"), plan);
        } finally {
            rows.update("DELETE FROM server WHERE project_id = ?", project);
        }
    }

    private String plan(String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("EXPLAIN " + sql);
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }
}
