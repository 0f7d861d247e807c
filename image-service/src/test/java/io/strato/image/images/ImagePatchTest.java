package io.strato.image.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImagePatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Image image() {
        Image i = new Image();
        i.status = "queued";
        i.visibility = "private";
        i.properties = new HashMap<>(Map.of("os_distro", "ubuntu"));
        i.tags = "a,b";
        return i;
    }

    private static void apply(Image i, String ops) throws Exception {
        ImagePatch.apply(i, JSON.readTree(ops), ImagePatch.Draft.DRAFT_10);
    }

    @Test
    void pointersUnescapeAndRefuseNesting() {
        assertEquals("a/b~c", ImagePatch.attribute(JSON.valueToTree("/a~1b~0c")));
        assertThrows(InvalidInput.class, () -> ImagePatch.attribute(JSON.valueToTree("/a/b")));
        assertThrows(InvalidInput.class, () -> ImagePatch.attribute(JSON.valueToTree("/a~2")));
        assertThrows(InvalidInput.class, () -> ImagePatch.attribute(JSON.valueToTree("name")));
        assertThrows(InvalidInput.class, () -> ImagePatch.attribute(JSON.valueToTree("/")));
    }

    @Test
    void propertiesFollowAddReplaceRemove() throws Exception {
        Image i = image();
        apply(i, "[{\"op\":\"add\",\"path\":\"/os_distro\",\"value\":\"debian\"},{\"op\":\"add\",\"path\":\"/x\",\"value\":\"1\"}]");
        assertEquals(Map.of("os_distro", "debian", "x", "1"), i.properties);
        assertThrows(Conflict.class, () -> apply(i, "[{\"op\":\"replace\",\"path\":\"/nope\",\"value\":\"1\"}]"));
        assertThrows(Conflict.class, () -> apply(i, "[{\"op\":\"remove\",\"path\":\"/nope\"}]"));
        assertThrows(InvalidInput.class, () -> apply(i, "[{\"op\":\"add\",\"path\":\"/y\",\"value\":1}]"));
        assertThrows(Forbidden.class, () -> apply(i, "[{\"op\":\"add\",\"path\":\"/os_glance_x\",\"value\":\"1\"}]"));
    }

    @Test
    void tagElementsAndFormatsWhileQueuedOnly() throws Exception {
        Image i = image();
        apply(i, "[{\"op\":\"add\",\"path\":\"/tags/-\",\"value\":\"c\"},{\"op\":\"remove\",\"path\":\"/tags/0\"}]");
        assertEquals(List.of("b", "c"), ImageView.tags(i));
        apply(i, "[{\"op\":\"replace\",\"path\":\"/disk_format\",\"value\":\"qcow2\"}]");
        assertEquals("qcow2", i.diskFormat);
        i.status = "active";
        assertThrows(Forbidden.class, () -> apply(i, "[{\"op\":\"replace\",\"path\":\"/disk_format\",\"value\":\"raw\"}]"));
        assertThrows(Forbidden.class, () -> apply(i, "[{\"op\":\"replace\",\"path\":\"/size\",\"value\":1}]"));
    }

    @Test
    void draft4NamesTheOperationByItsMemberAndAddsOnlyWhatIsAbsent() throws Exception {
        Image i = image();
        i.name = "before";
        ImagePatch.apply(i, JSON.readTree("[{\"replace\":\"/name\",\"value\":\"after\"},"
                + "{\"add\":\"/x\",\"value\":\"1\"},{\"remove\":\"/os_distro\"}]"), ImagePatch.Draft.DRAFT_4);
        assertEquals("after", i.name);
        assertEquals(Map.of("x", "1"), i.properties);
        // Glance's _do_add: with draft 4, add of something already there is a conflict, not a replace
        assertThrows(Conflict.class, () -> ImagePatch.apply(i, JSON.readTree("[{\"add\":\"/x\",\"value\":\"2\"}]"),
                ImagePatch.Draft.DRAFT_4));
        assertThrows(Conflict.class, () -> ImagePatch.apply(i, JSON.readTree("[{\"add\":\"/name\",\"value\":\"n\"}]"),
                ImagePatch.Draft.DRAFT_4));
        assertThrows(InvalidInput.class, () -> ImagePatch.apply(i, JSON.readTree("[{\"op\":\"add\",\"path\":\"/y\",\"value\":\"1\"}]"),
                ImagePatch.Draft.DRAFT_4));
        assertThrows(InvalidInput.class, () -> ImagePatch.apply(i,
                JSON.readTree("[{\"add\":\"/y\",\"replace\":\"/y\",\"value\":\"1\"}]"), ImagePatch.Draft.DRAFT_4));
        assertEquals(Map.of("x", "1"), i.properties);
    }

    @Test
    void theDraftComesFromTheMediaTypeAndAnyOtherIs415() {
        assertEquals(ImagePatch.Draft.DRAFT_4, ImagePatch.Draft.of("application/openstack-images-v2.0-json-patch"));
        assertEquals(ImagePatch.Draft.DRAFT_10, ImagePatch.Draft.of("application/openstack-images-v2.1-json-patch; charset=UTF-8"));
        assertEquals(415, assertThrows(ImagePatch.UnsupportedPatchType.class,
                () -> ImagePatch.Draft.of("application/json")).status());
        assertThrows(ImagePatch.UnsupportedPatchType.class, () -> ImagePatch.Draft.of(null));
    }
}
