-- A slot carries one program (by slug); the catalog plans airings from it.
alter table slot add column program varchar(60);
create index slot_program on slot (program);
