-- Issue 14: the due calculation reads only recent reports (a window of days before now) and each (task, unit)'s
-- history only when a question reaches back before that window; this index finds the window's rows by time.
CREATE INDEX progress_report_reported_at ON progress_report (plan_year, reported_at);
