-- The saga worker's poll (SagaWorker.DUE) also takes servers whose task is past its deadline, whatever the task;
-- server_saga_idx's predicate did not cover that arm, so PostgreSQL answered the poll with a BitmapOr of four index
-- scans and a sort (and, on a table it had no statistics for, a sequential scan of every row version). Every arm of
-- the poll implies this index's predicate: one index scan, already in updated_at order.
DROP INDEX IF EXISTS server_saga_idx;
CREATE INDEX server_due_idx ON server (updated_at) WHERE task_state IS NOT NULL OR pending_cleanup;
