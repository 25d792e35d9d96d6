-- What the catalogue keeps of each torrent beyond its identity (issue #5). Rows from before
-- this migration get the defaults: public, "Other", no description, no stored .torrent.
alter table torrent add column piece_length bigint default 0 not null;
alter table torrent add column private_torrent boolean default false not null;
-- A Torznab top-level category id (1000 Console … 8000 Other), so the portal's Torznab API
-- maps it without a table of its own.
alter table torrent add column category integer default 8000 not null;
-- Plain text, at most 64 KiB of UTF-8 (checked by the API); the portal escapes it.
alter table torrent add column description varchar(65536);
-- An opaque reference from the portal (its account id, say); the tracker never reads it.
alter table torrent add column uploader varchar(200);
alter table torrent add column file_count integer default 0 not null;
create index torrent_by_category on torrent (category, id);

-- Every file, pad files left out: a copy of what the metainfo says, so details and the search
-- index read rows instead of parsing the metainfo again.
create table torrent_file (
    torrent_id bigint not null references torrent (id) on delete cascade,
    file_index integer not null,
    path       varchar(4096) not null,
    length     bigint not null,
    primary key (torrent_id, file_index),
    constraint torrent_file_length_not_negative check (length >= 0)
);

create table torrent_tag (
    torrent_id bigint not null references torrent (id) on delete cascade,
    tag        varchar(32) not null,
    primary key (torrent_id, tag)
);
-- Torrents by tag, for browsing and the portal's tag pages.
create index torrent_tag_by_tag on torrent_tag (tag, torrent_id);

-- The .torrent as uploaded, byte for byte: the info dictionary in it is the info-hash. In a
-- table of its own, so reading a torrent's details or paging through the catalogue never
-- drags up to 10 MiB per row along. bytea is PostgreSQL's binary string, and H2's in
-- PostgreSQL mode.
create table torrent_metainfo (
    torrent_id bigint not null primary key references torrent (id) on delete cascade,
    metainfo   bytea not null
);
