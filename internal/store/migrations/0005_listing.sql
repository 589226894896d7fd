-- Covering indexes for the story listing (Store.ListStories): the page of
-- stories is read from one index, without touching the story rows (whose
-- stored story objects make them large), and the members' outlets and
-- dates from two more.
CREATE INDEX stories_listing ON stories(
    COALESCE(last_seen, '') DESC, id, title, storyline, first_seen, last_seen, updated_at, brief IS NULL);
DROP INDEX stories_activity;
CREATE INDEX story_members_listing ON story_members(story_id, article_id);
CREATE UNIQUE INDEX articles_listing ON articles(id, outlet, published);
