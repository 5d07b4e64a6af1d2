package dev.parley.conversation.attachments.adapter.tika;

import dev.parley.conversation.attachments.application.ContentInspector;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tika's magic-number detection (tika-core only, no parsers) on the file's head, with no file name
 * given, so the name cannot sway it. The name is used afterwards only to refine a generic container
 * into the sub-type it names (OOXML → .docx) and to catch a lie: a declared name or type that is
 * neither the detected type nor a parent of it. Image dimensions come from the image reader's
 * header, without decoding pixels.
 */
public final class TikaContentInspector implements ContentInspector {

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

    @Override
    public Mono<Inspection> inspect(Path file, String declaredName, String declaredType) {
        return Mono.fromCallable(() -> inspectNow(file, declaredName, declaredType))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Inspection inspectNow(Path file, String declaredName, String declaredType) throws IOException {
        MediaType magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = registry.normalize(types.detect(in, new Metadata()));
        }
        MediaType byName = claimOfName(declaredName);
        MediaType byHeader = claimOfHeader(declaredType);
        MediaType detected = byName != null && registry.isSpecializationOf(byName, magic) ? byName : magic;
        boolean consistent = agrees(byName, detected) && agrees(byHeader, detected);
        String contentType = detected.getBaseType().toString();
        if (!contentType.startsWith("image/")) {
            return new Inspection(contentType, consistent, null, null);
        }
        int[] size = dimensions(file);
        return new Inspection(contentType, consistent, size == null ? null : size[0], size == null ? null : size[1]);
    }

    /** A claim agrees when it names the detected type or a parent of it; no claim agrees with anything. */
    private boolean agrees(MediaType claim, MediaType detected) {
        return claim == null || claim.equals(detected) || registry.isSpecializationOf(detected, claim);
    }

    private MediaType claimOfName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        MediaType type = registry.normalize(types.getMimeType(name).getType());
        return MediaType.OCTET_STREAM.equals(type) ? null : type;
    }

    /** {@code application/octet-stream} (what browsers send for "unknown") claims nothing. */
    private MediaType claimOfHeader(String header) {
        MediaType type = header == null ? null : MediaType.parse(header);
        if (type == null || MediaType.OCTET_STREAM.equals(type.getBaseType())) {
            return null;
        }
        return registry.normalize(type.getBaseType());
    }

    private static int[] dimensions(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            // The type check already passed; an image whose header we cannot read simply has no size.
            return null;
        }
    }
}
