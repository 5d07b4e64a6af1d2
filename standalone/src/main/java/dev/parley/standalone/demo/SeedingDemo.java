package dev.parley.standalone.demo;

import dev.parley.conversation.directory.application.AdministeringDirectory;
import dev.parley.conversation.directory.application.DirectoryAdmin.Department;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.Inbox;
import dev.parley.conversation.faq.application.ManagingFaq;
import dev.parley.conversation.identity.application.SettingPassword;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.standalone.demo.DemoData.DemoAgent;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates whatever part of the demo is missing, through the conversation service's own use cases,
 * so the demo obeys every rule real data does. Each part is looked up by its name or email first:
 * a restart on the same database finds it and changes nothing, and a start interrupted halfway is
 * completed by the next one. A demo agent's password is generated when the agent is created and
 * never reset, so sessions survive restarts.
 */
public final class SeedingDemo {

    /**
     * The process itself, acting as an admin to set the demo up. It has no account: the id names
     * nobody, and nothing the admin use cases store refers to it.
     */
    private static final Caller SEEDER = new Caller.Agent(new UUID(0, 0), Caller.AgentRole.ADMIN);
    /** Easy to read aloud and to type: no 0/O or 1/l/I. */
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    /** 3 groups of 4 from 32 symbols: 60 bits, plenty for a demo behind a login throttle. */
    private static final int PASSWORD_GROUPS = 3;
    private static final int GROUP_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdministeringDirectory directory;
    private final ManagingFaq faq;
    private final SettingPassword passwords;

    public SeedingDemo(AdministeringDirectory directory, ManagingFaq faq, SettingPassword passwords) {
        this.directory = directory;
        this.faq = faq;
        this.passwords = passwords;
    }

    /** @param allowedOrigins where the demo inbox's widget may run, given when it is created */
    public Mono<DemoData> seed(List<String> allowedOrigins) {
        return department().flatMap(departmentId -> inbox(departmentId, allowedOrigins)
                .flatMap(inbox -> faqOf(inbox)
                        .then(Flux.fromIterable(DemoCast.AGENTS).concatMap(member -> agent(member, departmentId)).collectList())
                        .map(agents -> new DemoData(inbox.id(), inbox.publicKey(), departmentId, agents))));
    }

    private Mono<UUID> department() {
        return directory.departments(SEEDER).map(SeedingDemo::value)
                .flatMap(all -> all.stream().filter(d -> d.name().equals(DemoCast.DEPARTMENT)).findFirst()
                        .map(Mono::just)
                        .orElseGet(() -> directory.createDepartment(SEEDER, DemoCast.DEPARTMENT).map(SeedingDemo::value)))
                .map(Department::id);
    }

    private Mono<Inbox> inbox(UUID departmentId, List<String> allowedOrigins) {
        return existingInbox().switchIfEmpty(Mono.defer(() -> directory
                .createInbox(SEEDER, DemoCast.INBOX, allowedOrigins, true, departmentId)
                .map(SeedingDemo::value)
                .then(existingInbox())));
    }

    private Mono<Inbox> existingInbox() {
        return directory.inboxes(SEEDER).map(SeedingDemo::value)
                .flatMap(all -> Mono.justOrEmpty(all.stream().filter(i -> i.name().equals(DemoCast.INBOX)).findFirst()));
    }

    /** Only into an empty FAQ: an admin's own changes to the demo FAQ stay. */
    private Mono<Void> faqOf(Inbox inbox) {
        return faq.list(SEEDER, inbox.id()).map(SeedingDemo::value).flatMap(entries -> !entries.isEmpty() ? Mono.empty()
                : Flux.range(0, DemoCast.FAQ.size()).concatMap(position -> {
                    var entry = DemoCast.FAQ.get(position);
                    return faq.save(SEEDER, inbox.id(), null,
                            new ManagingFaq.EntryDraft(entry.question(), entry.answer(), entry.keywords(), position, true))
                            .map(SeedingDemo::value);
                }).then());
    }

    private Mono<DemoAgent> agent(DemoCast.Member member, UUID departmentId) {
        return directory.agents(SEEDER).map(SeedingDemo::value)
                .flatMap(all -> all.stream().filter(a -> a.email().equalsIgnoreCase(member.email())).findFirst()
                        .map(existing -> Mono.just(demoAgent(existing, Optional.empty())))
                        .orElseGet(() -> createAgent(member, departmentId)));
    }

    private Mono<DemoAgent> createAgent(DemoCast.Member member, UUID departmentId) {
        String password = password();
        return directory.createAgent(SEEDER, member.name(), member.email(), member.role().name(),
                        DemoCast.MAX_CONCURRENT, Set.of(departmentId))
                .map(SeedingDemo::value)
                .flatMap(created -> passwords.set(SEEDER, created.id(), password, Optional.empty())
                        .map(SeedingDemo::value)
                        .thenReturn(new DemoAgent(created.id(), created.name(), created.email(),
                                member.role() == Caller.AgentRole.ADMIN, Optional.of(password))));
    }

    private static DemoAgent demoAgent(Agent agent, Optional<String> password) {
        return new DemoAgent(agent.id(), agent.name(), agent.email(), agent.role() == Caller.AgentRole.ADMIN, password);
    }

    static String password() {
        var password = new StringBuilder();
        for (int group = 0; group < PASSWORD_GROUPS; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
            }
        }
        return password.toString();
    }

    /** A rejection here is a bug in the demo data or the service, not something to carry on after. */
    private static <T> T value(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Accepted<T> accepted) {
            return accepted.value();
        }
        throw new IllegalStateException("the demo data was refused: " + ((Outcome.Rejected<T>) outcome).rejection());
    }
}
