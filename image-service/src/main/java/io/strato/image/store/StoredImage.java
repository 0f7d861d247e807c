package io.strato.image.store;

/**
 * What a store kept for one upload.
 *
 * @param location   where the bytes are, in the store's own terms (pass it back to read and delete)
 * @param size       number of bytes written
 * @param md5        lowercase hex MD5 of the bytes (Glance's {@code checksum})
 * @param sha512     lowercase hex SHA-512 of the bytes (Glance's {@code os_hash_value})
 */
public record StoredImage(String location, long size, String md5, String sha512) {
}
