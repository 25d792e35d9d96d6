-- Each account's key for the feeds (RSS, Torznab at /api), which feed readers and Sonarr,
-- Prowlarr or Jackett send as ?apikey=. Only its SHA-256 (64 hex) is kept: a random 128-bit
-- key needs no slow hash, and one indexed lookup finds the account. One key per account;
-- regenerating replaces the row's hash, so the old key stops working at once.
create table api_key (
    account_id bigint primary key,
    key_hash   varchar(64) not null,
    created_at timestamp with time zone not null,
    constraint api_key_account foreign key (account_id) references account (id) on delete cascade,
    constraint api_key_hash_unique unique (key_hash)
);
