-- Why each story is in its storyline, and which versions of the cluster
-- and brief stages made each story and its story object, so that a newer
-- engine knows what to redo (0: made before versions were recorded).
ALTER TABLE stories ADD COLUMN storyline_score REAL NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN storyline_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN cluster_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN brief_version INTEGER NOT NULL DEFAULT 0;
