-- An episode's short-term loudness once a second, measured in the ingest's decode (audio's LoudnessCurve: a byte a
-- second). Episodes taken in before it have none.
alter table episode add column short_term_loudness bytea;
