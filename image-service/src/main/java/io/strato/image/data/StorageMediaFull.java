package io.strato.image.data;

import io.strato.image.store.StorageFull;
import io.strato.kit.faults.ApiException;

/**
 * Glance's answer to an upload the store had no room for: 413 "Image storage media is full: ..." (image_data.py's
 * StorageFull branch), with the image back in queued so that the same upload can be sent again once there is room.
 */
class StorageMediaFull extends ApiException {
    StorageMediaFull() {
        super(413, "Image storage media is full: " + StorageFull.MESSAGE);
    }
}
