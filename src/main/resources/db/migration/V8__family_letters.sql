-- Each students' module's letter to families (Markdown, from course-content/<module>/family-letter.<locale>.md),
-- loaded with the module; staff modules have none. FamilyLetterRules keeps a letter under 20,000 characters.
alter table course_module add column family_letter_en varchar(20000);
alter table course_module add column family_letter_ko varchar(20000);
