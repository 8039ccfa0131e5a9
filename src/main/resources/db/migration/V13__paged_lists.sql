-- The lists that grow with a school page in the database (H2 and PostgreSQL). The counsellor's inbox filters by
-- school and status and sorts by urgency, day and id (InboxOrder): with all five in one index, the ids of a page
-- come from the index alone, never from the rows with their sealed texts. It replaces the index on its first
-- two columns.
create index incident_report_page_idx on incident_report (school_id, status, urgent, submitted_on, id);
drop index incident_report_inbox_idx;
