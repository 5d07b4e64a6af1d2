package dev.parley.conversation.attachments.adapter.tika;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.attachments.application.ContentInspector.Inspection;
import dev.parley.conversation.attachments.fixtures.Files;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TikaContentInspectorTest {

    @TempDir
    Path dir;

    private final TikaContentInspector inspector = new TikaContentInspector();

    /** Content, then what the client claims (name, part Content-Type); then what the inspector says. */
    @ParameterizedTest(name = "{0} as {1} ({2}) → {3}, honest: {4}")
    @CsvSource(nullValues = "-", value = {
            "png,  photo.png,    image/png,                 image/png,  true",
            "png,  photo.png,    application/octet-stream,  image/png,  true",
            "png,  -,            -,                         image/png,  true",
            "png,  notes.txt,    text/plain,                image/png,  false",
            "png,  photo.png,    text/plain,                image/png,  false",
            "html, cat.png,      image/png,                 text/html,  false",
            "exe,  cat.png,      image/png,                 application/x-msdownload, false",
            "pdf,  invoice.pdf,  application/pdf,           application/pdf, true",
            "text, notes.txt,    text/plain,                text/plain, true",
            "text, data.csv,     text/csv,                  text/csv,   true",
            "docx, letter.docx,  application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.openxmlformats-officedocument.wordprocessingml.document, true",
            "docx, letter.pdf,   application/pdf,           application/x-tika-ooxml, false",
    })
    void theTypeComesFromTheContentAndALyingClaimIsCaught(String content, String name, String declared,
                                                          String expectedType, boolean honest) throws IOException {
        Inspection inspection = inspector.inspect(Files.write(dir, content), name, declared).block();

        assertThat(inspection.contentType()).isEqualTo(expectedType);
        assertThat(inspection.matchesDeclaration()).isEqualTo(honest);
    }

    @Test
    void anImageGetsItsDimensionsFromItsHeader() throws IOException {
        Inspection png = inspector.inspect(Files.png(dir, 640, 480), "photo.png", "image/png").block();
        Inspection jpeg = inspector.inspect(Files.jpeg(dir, 33, 17), "photo.jpg", "image/jpeg").block();
        Inspection pdf = inspector.inspect(Files.write(dir, "pdf"), "a.pdf", null).block();

        assertThat(png).isEqualTo(new Inspection("image/png", true, 640, 480));
        assertThat(jpeg).isEqualTo(new Inspection("image/jpeg", true, 33, 17));
        assertThat(pdf.width()).isNull();
    }
}
