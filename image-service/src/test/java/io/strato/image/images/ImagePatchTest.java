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
        ImagePatch.apply(i, JSON.readTree(ops));
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
}
