package dev.parley.standalone;

/** The journey as a first start runs it: no database, conversations in memory. */
class CustomerMeetsAgentInMemoryIT extends CustomerMeetsAgent {

    @Override
    Suite start() {
        return Suite.inMemory();
    }
}
