-- A launch that arrived inside the platform's frame, where Dodam's session cookie cannot live (a cross-site frame
-- keeps no SameSite=Lax cookie): the verified arrival waits here, under the hash of a one-time ticket, until the
-- person opens Dodam in a tab of its own with it. Used once, within minutes; deleted by the LTI housekeeping.
create table lti_launch_ticket (
    ticket_hash          varchar(64)   not null primary key,
    account_id           bigint        not null references account (id) on delete cascade,
    username             varchar(80)   not null,
    role                 varchar(20)   not null,
    locale               varchar(10)   not null,
    landing              varchar(500)  not null,
    roster_course_id     bigint,
    deep_link_registration bigint,
    deep_link_deployment varchar(255),
    deep_link_return_url varchar(2048),
    deep_link_data       varchar(2000),
    deep_link_multiple   boolean,
    created_at           timestamp     not null,
    expires_at           timestamp     not null,
    used_at              timestamp
);
create index lti_launch_ticket_expires_idx on lti_launch_ticket (expires_at);
