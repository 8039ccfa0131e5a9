-- A student whose password a teacher set or reset chooses their own at next sign-in. Existing accounts,
-- whose passwords may already be their own, are not asked (false).
alter table account add column must_choose_password boolean default false not null;
