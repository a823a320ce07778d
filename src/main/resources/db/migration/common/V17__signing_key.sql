-- the Ed25519 keys that sign manifests, shared by every instance: the highest generation signs. The private key
-- (PKCS#8) is encrypted with AES-256-GCM under the key-encryption key, which is given to each instance and never
-- stored here: base64 of a fresh 12-byte nonce, then the ciphertext and its tag; the key id is the associated data.
-- Two instances making the first key at once both ask for generation 1: the unique key keeps one.
create table signing_key (
    key_id      varchar(16)  primary key,
    generation  integer      not null unique,
    algorithm   varchar(16)  not null,
    public_key  varchar(200) not null,
    private_key varchar(500) not null,
    created_at  timestamp with time zone not null
);
