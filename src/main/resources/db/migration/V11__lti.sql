-- LTI 1.3: the platforms a school registered, Dodam's own signing keys, OIDC logins in flight, and the people and
-- courses that arrived from a platform. Written for both H2 and PostgreSQL. Nothing here is read by the reports
-- feature, and no report table refers to it.

-- One row per (issuer, client id): a registration belongs to one school.
create table lti_registration (
    id            bigint        not null primary key,
    school_id     bigint        not null references school (id),
    name          varchar(80)   not null,
    issuer        varchar(255)  not null,
    client_id     varchar(255)  not null,
    auth_url      varchar(1000) not null,
    token_url     varchar(1000) not null,
    jwks_url      varchar(1000) not null,
    created_at    timestamp     not null,
    constraint lti_registration_unique unique (issuer, client_id)
);
create index lti_registration_school_idx on lti_registration (school_id);

create table lti_deployment (
    registration_id bigint       not null references lti_registration (id),
    deployment_id   varchar(255) not null,
    primary key (registration_id, deployment_id)
);

-- Dodam's RSA keys: the private half sealed under a data key, the data key wrapped under the master key.
create table lti_tool_key (
    kid                varchar(64)   not null primary key,
    public_jwk         varchar(2000) not null,
    wrapped_key        varchar(200)  not null,
    sealed_private_key varchar(4000) not null,
    created_at         timestamp     not null,
    retired_at         timestamp,
    published_until    timestamp
);

-- Logins between the redirect to the platform and its launch post: hashes of state and nonce only, used once.
create table lti_login (
    state_hash      varchar(64) not null primary key,
    nonce_hash      varchar(64) not null,
    registration_id bigint      not null references lti_registration (id),
    created_at      timestamp   not null,
    expires_at      timestamp   not null,
    used_at         timestamp
);
create index lti_login_expires_idx on lti_login (expires_at);

-- A platform person (issuer, sub) is one account of the registering school.
create table lti_person (
    id             bigint       not null primary key,
    school_id      bigint       not null references school (id),
    issuer         varchar(255) not null,
    subject        varchar(255) not null,
    account_id     bigint       not null references account (id),
    created_at     timestamp    not null,
    last_launch_at timestamp    not null,
    constraint lti_person_unique unique (school_id, issuer, subject),
    constraint lti_person_account_unique unique (account_id)
);

-- A platform course, which becomes a Dodam class when its first teacher arrives.
create table lti_context (
    id              bigint       not null primary key,
    registration_id bigint       not null references lti_registration (id),
    deployment_id   varchar(255) not null,
    context_id      varchar(255) not null,
    title           varchar(255),
    class_id        bigint       references school_class (id),
    created_at      timestamp    not null,
    version         integer      not null,
    constraint lti_context_unique unique (registration_id, deployment_id, context_id)
);

create table lti_context_member (
    id              bigint      not null primary key,
    context_id      bigint      not null references lti_context (id),
    person_id       bigint      not null references lti_person (id),
    role            varchar(16) not null,
    first_launch_at timestamp   not null,
    constraint lti_context_member_unique unique (context_id, person_id),
    constraint lti_context_member_role_check check (role in ('LEARNER', 'INSTRUCTOR'))
);
