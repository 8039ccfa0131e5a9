-- Usernames are unique within a school, not across the server: a teacher adding "minji" to one school no
-- longer learns whether another school has a "minji". Sign-in names the school by its code (asked for only
-- when the server holds more than one school), so each school gets one: schools that exist already get
-- 's' and their id, which their administrator can see on the admin page.
alter table school add column code varchar(20);
update school set code = 's' || cast(id as varchar(20));
alter table school alter column code set not null;
alter table school add constraint school_code_unique unique (code);

alter table account drop constraint account_username_unique;
alter table account add constraint account_username_unique unique (school_id, username);
