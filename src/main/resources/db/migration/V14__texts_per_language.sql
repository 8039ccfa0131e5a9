-- Languages as data (issue 17): a module's and a lesson's texts move from one column per language into one row
-- per (owner, language), so that a third language is content and message bundles, never a schema change.
create table course_module_text (
    module_id     varchar(80)   not null references course_module (id),
    language      varchar(16)   not null,
    title         varchar(300)  not null,
    summary       varchar(2000) not null,
    family_letter varchar(20000),
    constraint course_module_text_pk primary key (module_id, language)
);

create table lesson_text (
    lesson_id     varchar(80)   not null references lesson (id),
    language      varchar(16)   not null,
    title         varchar(300)  not null,
    constraint lesson_text_pk primary key (lesson_id, language)
);

insert into course_module_text (module_id, language, title, summary, family_letter)
    select id, 'ko', title_ko, summary_ko, family_letter_ko from course_module;
insert into course_module_text (module_id, language, title, summary, family_letter)
    select id, 'en', title_en, summary_en, family_letter_en from course_module;
insert into lesson_text (lesson_id, language, title)
    select id, 'ko', title_ko from lesson;
insert into lesson_text (lesson_id, language, title)
    select id, 'en', title_en from lesson;

alter table course_module drop column title_en;
alter table course_module drop column title_ko;
alter table course_module drop column summary_en;
alter table course_module drop column summary_ko;
alter table course_module drop column family_letter_en;
alter table course_module drop column family_letter_ko;
alter table lesson drop column title_en;
alter table lesson drop column title_ko;
