-- Schools, people and classes. Written for both H2 and PostgreSQL.
-- Ids come from one counter row, handed out by JPA in blocks of 50 (portable across H2 and PostgreSQL).
create table id_generator (
    name          varchar(40)  not null primary key,
    next_value    bigint       not null
);
insert into id_generator (name, next_value) values ('dodam', 0);

create table school (
    id            bigint       not null primary key,
    name          varchar(120) not null,
    country       char(2)      not null,
    created_at    timestamp    not null
);

create table account (
    id            bigint       not null primary key,
    school_id     bigint       not null references school (id),
    username      varchar(40)  not null,
    password_hash varchar(255) not null,
    role          varchar(16)  not null,
    display_name  varchar(80)  not null,
    email         varchar(254),
    locale        varchar(8)   not null,
    active        boolean      not null,
    created_at    timestamp    not null,
    constraint account_username_unique unique (username),
    constraint account_role_check check (role in ('STUDENT', 'TEACHER', 'COUNSELLOR', 'SCHOOL_ADMIN'))
);
create index account_school_idx on account (school_id, role);

create table school_class (
    id            bigint       not null primary key,
    school_id     bigint       not null references school (id),
    teacher_id    bigint       not null references account (id),
    name          varchar(80)  not null,
    join_code     varchar(12)  not null,
    archived      boolean      not null,
    created_at    timestamp    not null,
    constraint school_class_code_unique unique (join_code)
);
create index school_class_teacher_idx on school_class (teacher_id);

create table class_membership (
    id            bigint       not null primary key,
    class_id      bigint       not null references school_class (id),
    student_id    bigint       not null references account (id),
    joined_at     timestamp    not null,
    removed_at    timestamp,
    constraint class_membership_unique unique (class_id, student_id)
);
create index class_membership_student_idx on class_membership (student_id);
