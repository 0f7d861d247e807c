-- One counter that every committed change of what a token is made of moves: users, domains, projects, groups and
-- their members, roles, implied roles, role assignments, application credentials. Token issue reads it first and
-- reuses what it loaded under the same value (io.strato.identity.changes.ChangeStamp), on every replica: the bump
-- commits with the change, so a replica never reuses data older than a change it can see.
--
-- The bump is a deferred constraint trigger, so it runs at COMMIT, after the transaction's own statements: the
-- counter's row lock is taken last and held only while committing (no lock order with the change's own rows, so no
-- deadlock), and concurrent writers queue only for their commits.
CREATE TABLE identity_change (
    id    smallint PRIMARY KEY CHECK (id = 1),
    stamp bigint NOT NULL
);
INSERT INTO identity_change (id, stamp) VALUES (1, 0);

CREATE FUNCTION identity_change_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE identity_change SET stamp = stamp + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['domain', 'project', 'identity_user', 'identity_group', 'group_membership', 'role',
                             'implied_role', 'role_assignment', 'application_credential'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION identity_change_bump()',
                       t || '_change_stamp', t);
        -- TRUNCATE fires no row trigger: a statement trigger moves the counter at once (tests truncate; no
        -- service does)
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION identity_change_bump()',
                       t || '_truncate_stamp', t);
    END LOOP;
END
$$;
