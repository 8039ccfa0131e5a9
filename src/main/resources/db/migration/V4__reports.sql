-- Anonymous incident reports and the counsellors' work on them. Written for both H2 and PostgreSQL.
-- Nothing here can identify a reporter: no account, address, user agent or session, and the day of a
-- report or of a reporter's message without its time. Free text is stored sealed (AES-GCM) under the
-- school's data key, which is itself stored wrapped by the master key that is kept outside the database.

-- One reporting channel per school: the school's public report link, the salt of its receipt-code
-- hashes and its wrapped data key.
create table report_channel (
    school_id     bigint       not null primary key references school (id),
    link_key      varchar(24)  not null,
    receipt_salt  varchar(64)  not null,
    wrapped_key   varchar(200) not null,
    created_at    timestamp    not null,
    constraint report_channel_link_unique unique (link_key)
);

create table incident_report (
    id                    bigint       not null primary key,
    school_id             bigint       not null references school (id),
    receipt_hash          varchar(128) not null,
    reporter_role         varchar(16)  not null,
    category              varchar(24)  not null,
    urgent                boolean      not null,
    submitted_on          date         not null,
    status                varchar(16)  not null,
    outcome               varchar(24),
    assignee_id           bigint       references account (id),
    sealed_place          varchar(8000) not null,
    sealed_happened_on    varchar(1000) not null,
    sealed_description    varchar(40000) not null,
    first_response_at     timestamp,
    closed_at             timestamp,
    mandatory_flagged_at  timestamp,
    mandatory_reported_at timestamp,
    mandatory_agency      varchar(24),
    version               integer      not null,
    constraint incident_report_receipt_unique unique (receipt_hash),
    constraint incident_report_status_check check (status in ('NEW', 'TRIAGED', 'IN_PROGRESS', 'REFERRED', 'CLOSED'))
);
create index incident_report_inbox_idx on incident_report (school_id, status);
create index incident_report_closed_idx on incident_report (closed_at);

-- The anonymous two-way conversation: reporter messages carry the day only, counsellor replies the time.
create table case_message (
    id            bigint       not null primary key,
    report_id     bigint       not null references incident_report (id),
    author        varchar(12)  not null,
    counsellor_id bigint       references account (id),
    sealed_body   varchar(40000) not null,
    sent_on       date         not null,
    sent_at       timestamp
);
create index case_message_report_idx on case_message (report_id);

create table case_note (
    id            bigint       not null primary key,
    report_id     bigint       not null references incident_report (id),
    counsellor_id bigint       not null references account (id),
    sealed_body   varchar(40000) not null,
    created_at    timestamp    not null
);
create index case_note_report_idx on case_note (report_id);

create table case_referral (
    id            bigint       not null primary key,
    report_id     bigint       not null references incident_report (id),
    target        varchar(24)  not null,
    sealed_reference varchar(2000),
    sent_at       timestamp    not null,
    follow_up_by  timestamp    not null,
    completed_at  timestamp,
    recorded_by   bigint       not null references account (id)
);
create index case_referral_report_idx on case_referral (report_id);

-- Who looked at or changed which case, and when. It outlives the case (no foreign key to it) and never
-- holds any of the case's text.
create table audit_event (
    id            bigint       not null primary key,
    school_id     bigint       not null references school (id),
    actor_id      bigint       references account (id),
    report_id     bigint,
    action        varchar(32)  not null,
    detail        varchar(40),
    at            timestamp    not null
);
create index audit_event_school_idx on audit_event (school_id, at);
