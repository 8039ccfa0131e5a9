-- What teachers assign, and what students do with it: progress per lesson and quiz attempts.
create table assignment (
    id            bigint       not null primary key,
    class_id      bigint       not null references school_class (id),
    lesson_id     varchar(80)  not null references lesson (id),
    due_on        date,
    created_at    timestamp    not null,
    withdrawn     boolean      not null,
    constraint assignment_unique unique (class_id, lesson_id)
);
create index assignment_class_idx on assignment (class_id);

create table assignment_override (
    id            bigint       not null primary key,
    assignment_id bigint       not null references assignment (id),
    student_id    bigint       not null references account (id),
    due_on        date         not null,
    constraint assignment_override_unique unique (assignment_id, student_id)
);

create table progress (
    id              bigint       not null primary key,
    student_id      bigint       not null references account (id),
    lesson_id       varchar(80)  not null references lesson (id),
    sections_total  integer      not null,
    sections_seen   integer      not null,
    current_section integer      not null,
    best_score      integer,
    passed          boolean      not null,
    started_at      timestamp,
    completed_at    timestamp,
    updated_at      timestamp    not null,
    constraint progress_unique unique (student_id, lesson_id)
);
create index progress_lesson_idx on progress (lesson_id);

create table quiz_attempt (
    id            bigint       not null primary key,
    student_id    bigint       not null references account (id),
    lesson_id     varchar(80)  not null references lesson (id),
    number        integer      not null,
    status        varchar(12)  not null,
    score         integer,
    passed        boolean      not null,
    started_at    timestamp    not null,
    submitted_at  timestamp,
    constraint quiz_attempt_unique unique (student_id, lesson_id, number)
);
create index quiz_attempt_lesson_idx on quiz_attempt (lesson_id, status);

create table attempt_answer (
    id            bigint       not null primary key,
    attempt_id    bigint       not null references quiz_attempt (id),
    question_key  varchar(200) not null references quiz_question (id),
    chosen        varchar(120) not null,
    correct       boolean      not null,
    answered_at   timestamp    not null,
    constraint attempt_answer_unique unique (attempt_id, question_key)
);
