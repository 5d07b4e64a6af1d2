package dev.parley.standalone;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;

/** The journey with conversations kept in PostgreSQL ({@code PARLEY_DB_URL} set). */
@RealInfrastructure
class CustomerMeetsAgentOnPostgresIT extends CustomerMeetsAgent {

    private TestDatabase database;

    @BeforeEach
    void database(TestDatabase database) {
        this.database = database;
    }

    @Override
    Suite start() {
        return Suite.onPostgres(database);
    }
}
