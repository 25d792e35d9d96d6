-- Usernames are unique regardless of case, so "Alice" cannot pose as "alice". The name keeps
-- the case its owner chose; username_key is its lower-case form, which sign-in looks up and
-- the database keeps unique (an expression index would do the same, but H2 has none).
alter table account add column username_key varchar(64);
update account set username_key = lower(username);
alter table account alter column username_key set not null;
alter table account add constraint account_username_key_unique unique (username_key);
