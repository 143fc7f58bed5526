-- The report's subject search is a contains match (ILIKE '%…%'), which no b-tree serves: with
-- thousands of webinars each search read them all, twice (the page and its total). A trigram
-- index answers it from the index. pg_trgm ships with PostgreSQL (contrib) and is a trusted
-- extension: the migrating role needs only CREATE on the database, no superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Webinar_subject_trgm_idx" ON "Webinar" USING gin ("subject" gin_trgm_ops);
