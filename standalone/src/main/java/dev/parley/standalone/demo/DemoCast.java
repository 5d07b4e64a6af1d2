package dev.parley.standalone.demo;

import dev.parley.conversation.identity.domain.Caller.AgentRole;
import java.util.List;

/** What the demo holds: a small shop's support desk, enough to try every part of Parley. */
final class DemoCast {

    static final String DEPARTMENT = "Support";
    static final String INBOX = "Demo shop";

    record Member(String name, String email, AgentRole role) {
    }

    /** An admin, who may also change the FAQ and the directory, and a plain agent. */
    static final List<Member> AGENTS = List.of(
            new Member("Alex Admin", "alex@example.com", AgentRole.ADMIN),
            new Member("Sam Agent", "sam@example.com", AgentRole.AGENT));

    /** Seats per agent: a few at once, so a demo can show the queue filling up. */
    static final int MAX_CONCURRENT = 3;

    record Faq(String question, String answer, List<String> keywords) {
    }

    static final List<Faq> FAQ = List.of(
            new Faq("How long does shipping take?", "Orders arrive in 2 to 4 working days.",
                    List.of("delivery", "deliver", "arrive", "days", "when")),
            new Faq("How much does shipping cost?", "Shipping is free above 50 euros, otherwise 4.95 euros.",
                    List.of("fee", "free", "price", "postage")),
            new Faq("How can I track my order?", "Use the tracking link in the shipping email we sent you.",
                    List.of("tracking", "parcel", "where", "status")),
            new Faq("What is your return policy?", "You can return any item within 30 days, free of charge.",
                    List.of("returns", "return", "send", "back")),
            new Faq("When will I get my refund?", "Refunds reach your account within 5 days of us receiving the return.",
                    List.of("money", "back", "refund", "reimbursed")),
            new Faq("How do I cancel my order?", "Orders can be cancelled from your account until they ship.",
                    List.of("cancel", "cancellation")),
            new Faq("Which payment methods do you accept?", "Cards, PayPal and bank transfer.",
                    List.of("pay", "paypal", "card", "visa", "mastercard")),
            new Faq("How do I use a discount code?", "Enter the code at checkout, below the order total.",
                    List.of("coupon", "promo", "voucher", "code")),
            new Faq("I forgot my password", "Use \"Forgot password\" on the login page; the link is valid for an hour.",
                    List.of("reset", "login", "log", "password")),
            new Faq("What are your customer service hours?", "Monday to Friday, 9:00 to 18:00. Outside these hours, "
                    + "leave a message and we answer the next working day.",
                    List.of("open", "opening", "hours", "support")),
            new Faq("Where can I find the size guide?", "Every product page links the size guide, under the sizes.",
                    List.of("sizing", "fit", "measurements", "size")));

    private DemoCast() {
    }
}
