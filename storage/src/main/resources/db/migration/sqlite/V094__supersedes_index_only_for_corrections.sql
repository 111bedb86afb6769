-- Issue 14: a correction or withdrawal names the report it supersedes, at most once (the unique index). Plain reports,
-- nearly all of them, name none, yet each wrote an empty entry into the index: one page more per report. The index
-- now holds only the reports that supersede another; a lookup by supersedes_id = … still uses it.
DROP INDEX progress_report_supersedes;
CREATE UNIQUE INDEX progress_report_supersedes ON progress_report (supersedes_id) WHERE supersedes_id IS NOT NULL;
