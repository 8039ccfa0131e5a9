-- A counsellor proposed by a school admin reads no report until a counsellor of the school confirms it.
-- Existing counsellors are confirmed (false). The credentials version ends sessions begun before a
-- password change or a confirmation.
alter table account add column awaiting_confirmation boolean default false not null;
alter table account add column credentials_version integer default 0 not null;
