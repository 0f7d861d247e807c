-- Nova shows a key pair's integer id (its row number) in the keypair show answer at every microversion
ALTER TABLE keypair ADD COLUMN id BIGSERIAL;
ALTER TABLE keypair ADD CONSTRAINT keypair_id_unique UNIQUE (id);
