-- The names under which each story's object lists its entities, for the
-- story listing's entity filter (Store.ListStories). A trigger keeps them
-- in step with the stored object: every save of a story object replaces
-- its names, and a cleared object (being rebuilt) has none. Names are read
-- from the "entities" array: strings, and of objects the name, canonical,
-- text, norm and id fields and the aliases.
CREATE TABLE story_entities (
    name     TEXT NOT NULL COLLATE NOCASE,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    PRIMARY KEY (name, story_id)
) WITHOUT ROWID;
CREATE INDEX story_entities_story ON story_entities(story_id);

CREATE TRIGGER story_entities_brief AFTER UPDATE OF brief ON stories BEGIN
    DELETE FROM story_entities WHERE story_id = new.id;
    INSERT OR IGNORE INTO story_entities (name, story_id)
    SELECT n, new.id FROM (
        SELECT e.value AS n
        FROM json_each(CASE WHEN json_valid(new.brief) THEN new.brief ELSE '{}' END, '$.entities') e
        WHERE e.type = 'text'
        UNION ALL
        SELECT json_extract(e.value, '$.' || f.value)
        FROM json_each(CASE WHEN json_valid(new.brief) THEN new.brief ELSE '{}' END, '$.entities') e,
             json_each('["name","canonical","text","norm","id"]') f
        WHERE e.type = 'object' AND json_type(e.value, '$.' || f.value) = 'text'
        UNION ALL
        SELECT al.value
        FROM json_each(CASE WHEN json_valid(new.brief) THEN new.brief ELSE '{}' END, '$.entities') e,
             json_each(e.value, '$.aliases') al
        WHERE e.type = 'object' AND al.type = 'text'
    ) WHERE n <> '';
END;

-- Stories whose objects are already stored.
UPDATE stories SET brief = brief WHERE brief IS NOT NULL;
