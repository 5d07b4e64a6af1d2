package dev.parley.conversation.attachments.application;

import java.nio.file.Path;
import reactor.core.publisher.Mono;

/** What a file really is, judged by its bytes. */
public interface ContentInspector {

    /**
     * @param contentType        the media type detected from the content alone (magic numbers),
     *                           refined by the declared name only where the name names a sub-type of
     *                           it (a .docx is a kind of OOXML container)
     * @param matchesDeclaration false when the client's file name or declared type names a type the
     *                           content is not (an HTML page called .png, a PNG declared text/plain)
     * @param width              pixels, for images whose header could be read; else null
     * @param height             pixels, likewise
     */
    record Inspection(String contentType, boolean matchesDeclaration, Integer width, Integer height) {
    }

    /** Reads only the head of the file (type) and of an image (dimensions), never decodes it whole. */
    Mono<Inspection> inspect(Path file, String declaredName, String declaredType);
}
