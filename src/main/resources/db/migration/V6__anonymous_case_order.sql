-- Nothing written because of a reporter orders it against anything else (H2 and PostgreSQL).
-- New reports, messages, notes and referrals get random ids in the application (CaseIds), so the
-- messages of a conversation keep their order in a column of their own instead of in their ids.
alter table case_message add column thread_order integer;
update case_message set thread_order = (select count(*) from case_message earlier
    where earlier.report_id = case_message.report_id and earlier.id <= case_message.id);
alter table case_message alter column thread_order set not null;
create unique index case_message_thread_idx on case_message (report_id, thread_order);

-- Counsellors are told of new reports and answers in batches at fixed times, so each school's channel
-- counts what they have not been told yet (counts, never times), and the last day of a flood of reports.
alter table report_channel add column pending_new integer default 0 not null;
alter table report_channel add column pending_urgent integer default 0 not null;
alter table report_channel add column pending_answers integer default 0 not null;
alter table report_channel add column flood_on date;
alter table report_channel add column flood_untold boolean default false not null;
