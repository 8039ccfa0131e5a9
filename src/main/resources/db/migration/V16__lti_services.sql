-- LTI Advantage services. Assignment and Grade Services: where a student's quiz scores go, and the scores still to be sent. Written for
-- both H2 and PostgreSQL. A score row is written in the transaction that finished the quiz (the outbox) and sent
-- afterwards, so neither a platform that is down nor a restart of Dodam loses one.

-- A line item of the platform (a grade column) that a student's launch of a lesson named, with the score scope.
create table lti_grade_link (
    id              bigint        not null primary key,
    registration_id bigint        not null references lti_registration (id),
    person_id       bigint        not null references lti_person (id),
    account_id      bigint        not null references account (id),
    lesson_id       varchar(80)   not null,
    line_item_url   varchar(1000) not null,
    created_at      timestamp     not null,
    constraint lti_grade_link_unique unique (account_id, lesson_id, line_item_url)
);

-- One finished quiz attempt's score for one line item, until the platform has taken it. claimed_until is the lease
-- of the instance sending it, so that two instances never send the same row at once.
create table lti_score (
    id              bigint       not null primary key,
    grade_link_id   bigint       not null references lti_grade_link (id),
    score_given     integer      not null,
    finished_at     timestamp    not null,
    attempts        integer      not null,
    next_attempt_at timestamp    not null,
    claimed_until   timestamp,
    sent_at         timestamp,
    given_up_at     timestamp,
    last_error      varchar(200),
    constraint lti_score_given_check check (score_given between 0 and 100)
);
create index lti_score_due_idx on lti_score (sent_at, given_up_at, next_attempt_at);
create index lti_score_link_idx on lti_score (grade_link_id);

-- Names and Role Provisioning Services: the course's membership address, from its launches, and when its roster was
-- last read (so a class of launches reads it at most every few minutes).
alter table lti_context add column memberships_url varchar(1000);
alter table lti_context add column roster_read_at timestamp;

-- A person the roster made has not launched yet: their first launch sets the account's language from the platform.
alter table lti_person add column first_launch_at timestamp;
update lti_person set first_launch_at = created_at;
