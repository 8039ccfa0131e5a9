-- The curriculum loaded from course-content/. Rows are upserted by their stable ids and retired,
-- never deleted, when they leave the files, so that progress can keep referring to them.
create table content_set (
    version       varchar(64)  not null primary key,
    loaded_at     timestamp    not null,
    help_routes   varchar(100000) not null
);

create table course_module (
    id            varchar(80)  not null primary key,
    position      integer      not null,
    audience      varchar(16)  not null,
    bands         varchar(120) not null,
    title_en      varchar(300) not null,
    title_ko      varchar(300) not null,
    summary_en    varchar(2000) not null,
    summary_ko    varchar(2000) not null,
    retired       boolean      not null
);

create table lesson (
    id            varchar(80)  not null primary key,
    module_id     varchar(80)  not null references course_module (id),
    position      integer      not null,
    bands         varchar(120) not null,
    minutes       integer      not null,
    version       varchar(64)  not null,
    pass_mark     integer      not null,
    feedback_mode varchar(8)   not null,
    title_en      varchar(300) not null,
    title_ko      varchar(300) not null,
    document      varchar(400000) not null,
    retired       boolean      not null
);
create index lesson_module_idx on lesson (module_id, position);

create table quiz_question (
    id            varchar(200) not null primary key,
    lesson_id     varchar(80)  not null references lesson (id),
    question_id   varchar(80)  not null,
    position      integer      not null,
    question_type varchar(16)  not null,
    document      varchar(100000) not null,
    retired       boolean      not null,
    constraint quiz_question_unique unique (lesson_id, question_id)
);
