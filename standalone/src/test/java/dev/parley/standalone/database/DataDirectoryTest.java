package dev.parley.standalone.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    @Test
    void isParleyDataDirWhenSetElseDotParleyInTheHomeDirectory() {
        assertThat(DataDirectory.from(Map.of("PARLEY_DATA_DIR", " /srv/parley ")::get).root()).isEqualTo(Path.of("/srv/parley"));
        assertThat(DataDirectory.from(Map.<String, String>of()::get).root())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".parley"));
        assertThat(DataDirectory.from(Map.of("PARLEY_DATA_DIR", "relative/dir")::get).root())
                .as("resolved once, against the working directory").isAbsolute();
    }

    @Test
    void holdsTheDatabaseTheUploadsAndTheLock() {
        var directory = new DataDirectory(Path.of("/srv/parley"));

        assertThat(directory.postgres()).isEqualTo(Path.of("/srv/parley/postgres"));
        assertThat(directory.attachments()).isEqualTo(Path.of("/srv/parley/attachments"));
        assertThat(directory.lockFile()).isEqualTo(Path.of("/srv/parley/parley.lock"));
    }
}
