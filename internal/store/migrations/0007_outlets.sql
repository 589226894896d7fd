-- The outlet filter of the story listing (Store.ListStories): from an
-- outlet to its articles' stories through covering indexes.
CREATE INDEX articles_outlet_listing ON articles(outlet COLLATE NOCASE, id);
DROP INDEX articles_outlet;
CREATE INDEX story_members_article ON story_members(article_id, story_id);
